/* darslik SCORM 1.2/2004 bridge: one API session per launch, progress kept in
   cmi.suspend_data (darslikState) via window.darslikStore, status, score,
   location, interactions, the learner's language.
   - Never silent: when progress is not recorded by the LMS (no API, an
     Initialize the LMS refuses, Review mode) the learner is told, in the
     page's language (the .lms-notice paragraphs).
   - Review/browse mode writes nothing; a stored completion, success or
     score is never lowered.
   - Commits are few: when the status or score changes, when the page is
     hidden or left, and at most every 30 s otherwise (values are set as
     they change; an LMS sends each Commit as a request).
   - 2004 exits with "suspend", so that the LMS gives the data back at the
     next launch (Moodle restores it only then, RTE 4.2.8).
   - Graded assessments (assess.js, window.darslik.onSubmit): one interaction
     per question of each submitted attempt (pre-test ids start with "pre-"),
     a pre-test's best score in cmi.objectives (id "pre-test"), which never
     touches the module's score or status; the module's score is its
     graded/post-test best attempts (progress.js moduleStatus).
   - Interactions are typed: choice, matching, sequencing, fill-in, numeric.
     Identifiers are single characters [0-9a-z] (valid in 1.2 and 2004):
     options, right sides and ordering items a, b, c... in source order,
     matching left items 1, 2, 3...; 2004 joins with [,] and [.]. A numeric
     range has no SCORM 1.2 syntax: it is written as fill-in "18..20" (the
     answer as the author wrote it); 2004 has "18[:]20". A short answer whose
     response is not a number, or whose key mixes numbers and words, is
     fill-in with one correct_responses pattern per accepted answer (<= 10).
   - Case scenarios (scenario.js, window.darslik.onChoice): one interaction
     per choice made, repeats too (a journal): type choice, id "<sid with /
     as _>_<step id>", the choice's letter (a, b, c... by index) as the
     response, one correct_responses pattern per good choice of the step (at
     most 10), result correct or wrong/incorrect. Each scored scenario
     counts as one question of the module's score (progress.js moduleStatus,
     progress-data scen); its runs are in suspend_data (format 3). */
(function () {
  'use strict';
  var doc = document, win = window, body = doc.body;
  var v12 = (body.getAttribute('data-scorm-version') || win.DARSLIK_SCORM_VERSION) === '1.2';
  var codec = win.darslikState;
  if (body.getAttribute('data-kind') !== 'module-doc' || !codec) { return; }
  var out = win.darslikScorm = { api: null, errors: [], recorded: false };
  var COURSE = body.getAttribute('data-course') || '';
  var LANG_KEY = 'darslik:' + COURSE + ':lang';

  /* Tell the learner that the LMS does not record this session. */
  function notice(kind, code) {
    var els = doc.querySelectorAll('.lms-notice');
    for (var j = 0; j < els.length; j++) {
      var t = els[j].getAttribute('data-' + kind) || '';
      els[j].textContent = t.replace('{code}', code || '?');
      els[j].removeAttribute('hidden');
    }
    out.notice = kind;
  }
  function remembered() {
    try { return win.localStorage.getItem(LANG_KEY); } catch (e) { return null; }
  }
  function remember(tag) {
    try { win.localStorage.setItem(LANG_KEY, tag); } catch (e) { /* private mode */ }
  }

  /* The LMS's API object: one with the API's functions, not an element of
     the page that happens to have the id "API" (window.API is then that
     element). */
  function scan(w, name) {
    var init = name === 'API' ? 'LMSInitialize' : 'Initialize';
    for (var n = 0; w && n < 10; n++) {
      try {
        if (w[name] && typeof w[name][init] === 'function' && !w[name].nodeType) { return w[name]; }
      } catch (e) { /* other origin */ }
      if (!w.parent || w.parent === w) { break; }
      w = w.parent;
    }
    return null;
  }
  var NAME = v12 ? 'API' : 'API_1484_11', api = scan(win, NAME);
  try { api = api || scan(win.opener, NAME) || scan(win.top.opener, NAME); } catch (e) { /* none */ }
  if (!api) { notice('none'); return; }
  var F = v12 ? ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish', 'LMSGetLastError']
    : ['Initialize', 'GetValue', 'SetValue', 'Commit', 'Terminate', 'GetLastError'];

  /* An API call, its error code checked (2004 get "403": not set yet). */
  var lastError = '0';
  function call(i, k, val) {
    var r, e;
    try {
      r = String(i === 2 ? api[F[i]](k, val) : api[F[i]](k || ''));
      e = String(api[F[5]]());
    } catch (x) { e = 'exception ' + x; }
    lastError = e;
    if (e === '0' || (i === 1 && e === '403')) { return r; }
    out.errors.push(F[i] + ' ' + (k || '') + ' ' + (val || '') + ': ' + e);
    return null;
  }
  function get(k) { return call(1, k) || ''; }

  var m, tags = [], qs = {}, i;
  try { m = JSON.parse(doc.querySelector('script.progress-data').textContent); } catch (e) { m = null; }
  if (!m) {
    var pl = doc.querySelectorAll('.doc-locale')[0], ps = pl ? pl.querySelectorAll('.doc-page') : [];
    m = { pages: [], qids: [], mastery: 100 };
    for (i = 0; i < ps.length; i++) { m.pages.push(ps[i].getAttribute('data-page')); }
  }
  var locs = doc.querySelectorAll('.doc-locale'), fs = doc.querySelectorAll('fieldset.quiz-q');
  for (i = 0; i < locs.length; i++) { tags.push(locs[i].getAttribute('data-locale')); }
  if (!m.tests) { m.tests = []; }
  if (!m.tqids) { m.tqids = {}; }
  if (!isArray(m.scen)) { m.scen = []; }
  var forms = win.darslikForms;
  function isArray(v) { return Object.prototype.toString.call(v) === '[object Array]'; }
  for (i = 0; i < fs.length; i++) {
    var kind = fs[i].getAttribute('data-kind') || 'single', answer = fs[i].getAttribute('data-answer');
    var q = qs[fs[i].getAttribute('data-qid')] = { kind: kind, multi: kind === 'multiple', fs: fs[i],
      n: kind === 'matching' ? fs[i].querySelectorAll('select').length
        : kind === 'ordering' ? fs[i].querySelectorAll('.quiz-item').length : fs[i].querySelectorAll('input').length,
      answer: (answer || '').split(',').sort(function (a, b) { return a - b; }).join(',') };
    /* The key of a practice question (graded keys come with onSubmit). */
    if (answer !== null && !/^(single|multiple)$/.test(kind)) {
      try { q.key = JSON.parse(answer); } catch (e) { q.key = null; }
    } else if (answer !== null) {
      q.key = { a: q.answer ? q.answer.split(',').map(Number) : [] };
    }
  }
  /* Tests, questions or scenarios that make the module's score (progress.js moduleStatus). */
  function scored() {
    for (var j = 0; j < m.tests.length; j++) { if (/^(graded|post-test)$/.test(m.tests[j].kind)) { return true; } }
    return m.qids.length > 0 || m.scen.length > 0;
  }

  if (call(0) !== 'true') { notice('failed', lastError); return; }
  out.api = NAME;
  var C = v12 ? 'cmi.core.' : 'cmi.', LOC = v12 ? C + 'lesson_location' : 'cmi.location', S = C + 'score.';
  var PREF = v12 ? 'cmi.student_preference.language' : 'cmi.learner_preference.language';
  var mode = get(v12 ? C + 'lesson_mode' : 'cmi.mode');
  var review = mode === 'review' || mode === 'browse';
  out.recorded = !review;
  if (review) { notice('review'); }
  var started = new Date().getTime(), done = false, sent = {}, last = {};
  var whenSeen = body.getAttribute('data-complete-when') === 'seen';
  /* What the LMS holds already: never lowered. */
  var prior = get(v12 ? C + 'lesson_status' : 'cmi.completion_status');
  var priorSuccess = v12 ? '' : get('cmi.success_status');
  var best = parseFloat(get(S + 'raw'));
  if (isNaN(best) || !scored()) { best = null; }
  /* Moodle's SCORM 2004 runtime (scorm_13.js CollectData) sends only values
     that differ from those it loaded at launch, so going back to a launch
     value after another one was committed (a page, the language) would leave
     the other one stored. Such a value is then written with a trailing MARK,
     which is stripped when read. */
  var MARK = '~', WATCH = [LOC, 'cmi.suspend_data', PREF], launch = {}, moved = {};
  function unmark(v) { return v.slice(-1) === MARK ? v.slice(0, -1) : v; }
  for (i = 0; i < WATCH.length; i++) { launch[WATCH[i]] = get(WATCH[i]); }
  var pref = unmark(launch[PREF]);
  last[PREF] = launch[PREF];

  /* A runtime response as a codec answer token ({choice}/{match}/{order}/{text}). */
  function token(kind, r, checked) {
    if (r === null || r === undefined || (isArray(r) && !r.length && kind !== 'multiple')) { return { choice: null, checked: false }; }
    if (kind === 'single') { return { choice: isArray(r) ? r[0] : r, checked: checked }; }
    if (kind === 'multiple') { return { choice: isArray(r) ? r : [r], checked: checked }; }
    if (kind === 'matching') { return { match: r, checked: checked }; }
    if (kind === 'ordering') { return { order: r, checked: checked }; }
    /* A short answer: at most 60 UTF-16 units (the input's maxlength), not
       ending inside a surrogate pair. */
    var t = String(r).slice(0, 60);
    if (/[\ud800-\udbff]$/.test(t)) { t = t.slice(0, -1); }
    return { text: t, checked: checked };
  }
  /* A codec answer token back as a runtime response of a question of `kind`
     with `n` options/items; undefined when it does not fit the question. */
  function response(kind, a, n) {
    var j;
    if (a.text !== undefined) { return kind === 'short' ? a.text : undefined; }
    if (a.match !== undefined || a.order !== undefined) {
      var list = a.match || a.order, want = a.match ? 'matching' : 'ordering', used = {};
      if (kind !== want || list.length !== n) { return undefined; }
      for (j = 0; j < list.length; j++) {
        if (list[j] >= n || (want === 'ordering' && (list[j] < 0 || used[list[j]]))) { return undefined; }
        used[list[j]] = 1;
      }
      return list;
    }
    var c = a.choice;
    if (c === null) { return null; }
    var r = typeof c === 'number' ? [c] : c;
    if (kind !== (r === c ? 'multiple' : 'single') || (r.length && r[r.length - 1] >= n)) { return undefined; }
    return c;
  }

  /* Saved state for progress.js and assess.js; only the location (and the
     language) if suspend_data is missing, damaged or from another version of
     the module (other pages, questions or tests). */
  function restore() {
    var s = codec.decode(unmark(launch['cmi.suspend_data'])), loc = unmark(launch[LOC]), j, k;
    var st = { seen: {}, answers: {}, tests: {}, scen: {}, last: m.pages.indexOf(loc) < 0 ? null : loc };
    /* The learner's language: this SCO's, else the one they chose in
       another SCO or launch (the LMS's preference, then this browser's). */
    var lang = tags.length > 1 ? [pref, remembered()] : [];
    for (j = 0; j < lang.length; j++) { if (tags.indexOf(lang[j]) >= 0) { st.lang = lang[j]; break; } }
    if (!s || s.seen.length !== m.pages.length || s.answers.length !== m.qids.length ||
        s.page >= m.pages.length || (s.locale !== null && s.locale >= tags.length) ||
        (s.tests && s.tests.length !== m.tests.length) || (s.scen && s.scen.length !== m.scen.length)) { return st; }
    var answers = {}, tests = {};
    for (j = 0; j < s.answers.length; j++) {
      var a = s.answers[j], q = qs[m.qids[j]];
      if (!a.checked) { continue; }
      var r = q ? response(q.kind, a, q.n) : undefined;
      if (r === undefined) { return st; }
      if (r === null || (isArray(r) && !r.length)) { continue; }
      if (q.kind === 'single' || q.kind === 'multiple') {
        r = typeof r === 'number' ? [r] : r;
        answers[m.qids[j]] = { r: r, c: r.join(',') === q.answer ? 1 : 0 };
      } else {
        answers[m.qids[j]] = { r: r, c: forms && q.key && forms.grade(q.kind, r, q.key) ? 1 : 0 };
      }
    }
    for (j = 0; s.tests && j < s.tests.length; j++) {
      var t = s.tests[j], page = m.tests[j].page, pool = m.tqids[page] || [];
      if (!t) { continue; }
      if (t.r.length !== pool.length) { return st; }
      var rs = {};
      for (k = 0; k < pool.length; k++) {
        var tq = qs[pool[k]], tr = tq ? response(tq.kind, t.r[k], tq.n) : undefined;
        if (tr === undefined) { return st; }
        if (tr !== null) { rs[pool[k]] = tr; }
      }
      tests[page] = { seed: t.seed, att: t.att, r: rs, done: t.done };
      submitted[page] = t.att.length;
    }
    /* Scenario runs (a string without them, of version 1 or 2: none yet);
       scenario.js replays a run only as far as it fits the scenario. */
    var scen = {};
    for (j = 0; s.scen && j < s.scen.length; j++) {
      var sc = s.scen[j];
      if (!sc) { continue; }
      scen[m.scen[j].id] = sc.b === null ? { p: sc.p, d: sc.d } : { p: sc.p, d: sc.d, b: sc.b };
    }
    st.scen = scen;
    for (j in answers) { if (answers.hasOwnProperty(j)) { sent[j] = sig(answers[j]); } }
    for (j = 0; j < s.seen.length; j++) { if (s.seen[j]) { st.seen[m.pages[j]] = 1; } }
    st.answers = answers;
    st.tests = tests;
    st.last = m.pages[s.page];
    if (s.locale !== null) { st.lang = tags[s.locale]; }
    return st;
  }
  function sig(a) {
    var r = a && a.r;
    return r === null || r === undefined || (isArray(r) && !r.length) ? '' : JSON.stringify(r) + ':' + a.c;
  }
  /* Attempts of each test whose interactions are in the LMS already. */
  var submitted = {};
  var loaded = restore();

  /* ---- interactions ---- */
  var IDS = 'abcdefghijklmnopqrstuvwxyz0123456789', LEFT = '123456789abcdefghijklmnopqrstuvwxyz0';
  var SEP = v12 ? ',' : '[,]', PAIR = v12 ? '.' : '[.]';
  /* Identifiers of the positions in `list` joined, or null when one has none. */
  function ids(list, set) {
    for (var r = [], j = 0; j < list.length; j++) {
      var c = list[j] >= 0 && list[j] < set.length ? set.charAt(list[j]) : '';
      if (!c) { return null; }
      r.push(c);
    }
    return r.join(SEP);
  }
  function indexIn(list, v) {
    for (var j = 0; list && j < list.length; j++) { if (list[j] === v) { return j; } }
    return -1;
  }
  /* A number as CMIDecimal (Moodle 2004: at most 5 digits before the point), or null. */
  function decimal(v) {
    var t = typeof v === 'number' ? String(v) : String(v).replace(/^\s+|\s+$/g, '').replace(/,/g, '.');
    return /^-?\d{1,5}(\.\d{1,18})?$/.test(t) ? t : null;
  }
  /* Text for a fill-in value: one line, at most 250 characters; a leading
     "{" would read as a {lang=..} prefix in 2004 (CMILangString250). */
  function plain(t) {
    return String(t).replace(/[\r\n\t]+/g, ' ').replace(/^\s+|\s+$/g, '').replace(/^\{+/, '').slice(0, 250);
  }

  /* {type, patterns, response} of one question (SCORM 1.2 or 2004 syntax). */
  function describe(kind, r, key) {
    var a = key && isArray(key.a) ? key.a : [], j, has = r !== null && r !== undefined;
    if (kind === 'single' || kind === 'multiple') {
      var chosen = !has ? [] : isArray(r) ? r : [r];
      return { type: 'choice', patterns: a.length ? [ids(a, IDS)] : [], response: chosen.length ? ids(chosen, IDS) : null };
    }
    if (kind === 'matching') {
      /* key.a[i]: the shown position of the right side of left item i;
         right sides are named by their source index. */
      var right = [], given = [];
      for (j = 0; j < a.length; j++) { right.push(LEFT.charAt(j) + PAIR + IDS.charAt(j)); }
      for (j = 0; has && j < r.length; j++) {
        var src = r[j] < 0 ? -1 : indexIn(a, r[j]);
        if (src >= 0 && j < LEFT.length) { given.push(LEFT.charAt(j) + PAIR + IDS.charAt(src)); }
      }
      return { type: 'matching', patterns: a.length && a.length <= IDS.length ? [right.join(SEP)] : [],
        response: given.length ? given.join(SEP) : null };
    }
    if (kind === 'ordering') {
      /* key.a: the items' shown positions in the right order; an item is
         named by its place in that order. */
      var order = [], seq = [];
      for (j = 0; j < a.length; j++) { order.push(j); }
      for (j = 0; has && j < r.length; j++) { seq.push(indexIn(a, r[j])); }
      return { type: 'sequencing', patterns: a.length ? [ids(order, IDS)] : [], response: seq.length ? ids(seq, IDS) : null };
    }
    /* Short answer. */
    var ranges = key && isArray(key.r) ? key.r : [], written = key && isArray(key.s) ? key.s : key && isArray(key.t) ? key.t : [];
    var text = has ? plain(r) : null, num = has ? decimal(r) : null, pats = [];
    var numeric = ranges.length && ranges.length === written.length && num !== null;
    for (j = 0; numeric && j < ranges.length; j++) {
      var lo = decimal(ranges[j][0]), hi = decimal(ranges[j][1]);
      if (lo === null || hi === null || (v12 && lo !== hi)) { numeric = false; break; }
      pats.push(lo === hi ? lo : lo + '[:]' + hi);
    }
    /* Moodle's 2004 runtime takes one numeric pattern (scorm_13.js limit 1). */
    if (numeric && (v12 || pats.length === 1)) {
      return { type: 'numeric', patterns: pats.slice(0, 10), response: num };
    }
    pats = [];
    for (j = 0; j < written.length && pats.length < 10; j++) {
      var p = plain(written[j]);
      if (p && indexIn(pats, p) < 0) { pats.push(p); }
    }
    return { type: 'fill-in', patterns: pats, response: text || null };
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  /* An interaction id from a question or scenario id: "/" becomes "_". */
  function idOf(qid, prefix) { return (prefix || '') + qid.split('/').map(encodeURIComponent).join('_'); }
  /* One interaction: id (from the question id; "pre-" for a pre-test),
     type, time, correct responses, the learner's response, result. */
  function interaction(qid, kind, r, key, correct, prefix) {
    put(idOf(qid, prefix), prefix, describe(kind, r, key), correct);
  }
  function put(id, prefix, it, correct) {
    var n = parseInt(get('cmi.interactions._count'), 10) || 0, p = 'cmi.interactions.' + n + '.', d = new Date(), j;
    var vals = [
      'id', id.length > 250 ? (prefix || '') + 'q' + n + '_' + id.slice(-200) : id,
      'type', it.type,
      v12 ? 'time' : 'timestamp', v12 ? pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds()) : d.toISOString().slice(0, 22) + 'Z'];
    for (j = 0; j < it.patterns.length; j++) {
      if (it.patterns[j]) { vals.push('correct_responses.' + (vals.length - 6) / 2 + '.pattern', it.patterns[j]); }
    }
    if (it.response !== null) { vals.push(v12 ? 'student_response' : 'learner_response', it.response); }
    vals.push('result', correct ? 'correct' : (v12 ? 'wrong' : 'incorrect'));
    for (j = 0; j < vals.length; j += 2) { call(2, p + vals[j], vals[j + 1]); }
  }

  /* The pre-test's objective: its index in cmi.objectives (found at launch,
     else added at the first submit) and its stored score, never lowered. */
  var OBJ = 'pre-test', objective = -1, objectiveScore = null;
  (function () {
    var count = parseInt(get('cmi.objectives._count'), 10) || 0;
    for (var j = 0; j < count; j++) {
      if (get('cmi.objectives.' + j + '.id') === OBJ) {
        objective = j;
        objectiveScore = parseFloat(get('cmi.objectives.' + j + '.score.raw'));
        if (isNaN(objectiveScore)) { objectiveScore = null; }
        break;
      }
    }
  }());
  function preTest(score) {
    if (objectiveScore !== null && score < objectiveScore) { return; }
    if (objective < 0) {
      objective = parseInt(get('cmi.objectives._count'), 10) || 0;
      call(2, 'cmi.objectives.' + objective + '.id', OBJ);
    }
    var p = 'cmi.objectives.' + objective + '.';
    call(2, p + 'score.min', '0');
    call(2, p + 'score.max', '100');
    call(2, p + 'score.raw', String(score));
    if (v12) {
      call(2, p + 'status', 'completed');
    } else {
      call(2, p + 'score.scaled', String(score / 100));
      call(2, p + 'completion_status', 'completed');
    }
    objectiveScore = score;
  }

  /* 1.2 lesson_status, from least to most done: a new one below the stored one is not written. */
  var RANK = { '': 0, 'not attempted': 0, browsed: 0, incomplete: 1, failed: 2, completed: 3, passed: 4 };
  function rank(s) { return RANK.hasOwnProperty(s) ? RANK[s] : 0; }

  /* The module's state as the codec takes it. */
  function encodable(state) {
    var page = 0, seen = [], answers = [], tests = [], j, k;
    for (j = 0; j < m.pages.length; j++) {
      if (m.pages[j] === state.last) { page = j; }
      seen.push(!!state.seen[m.pages[j]]);
    }
    for (j = 0; j < m.qids.length; j++) {
      var a = state.answers[m.qids[j]], q = qs[m.qids[j]];
      answers.push(sig(a) && q ? token(q.kind, a.r, true) : { choice: null, checked: false });
    }
    for (j = 0; j < m.tests.length; j++) {
      var t = (state.tests || {})[m.tests[j].page], pool = m.tqids[m.tests[j].page] || [], r = [], att = [];
      if (!t || typeof t !== 'object') { tests.push(null); continue; }
      for (k = 0; k < pool.length; k++) {
        var tq = qs[pool[k]];
        r.push(tq && t.r ? token(tq.kind, t.r[pool[k]], false) : { choice: null, checked: false });
      }
      for (k = 0; t.att && k < t.att.length; k++) { att.push(Math.max(0, Math.min(100, Math.round(+t.att[k] || 0)))); }
      tests.push({ seed: Math.abs(Math.floor(+t.seed || 0)) % 1073741824, att: att, done: !!t.done, r: r });
    }
    var lang = tags.length > 1 ? tags.indexOf(state.lang) : -1;
    return { locale: lang < 0 ? null : lang, page: page, seen: seen, answers: answers, tests: tests, scen: runs(state) };
  }
  /* The scenarios' runs as the codec takes them (null: the module has none,
     version 2). A run longer than the codec keeps (64 choices, an index
     above 63) keeps its first choices and is not finished then. */
  function runs(state) {
    if (!m.scen.length) { return null; }
    var out = [], all = state.scen && typeof state.scen === 'object' ? state.scen : {}, j, k;
    for (j = 0; j < m.scen.length; j++) {
      var r = all[m.scen[j].id], p = [];
      if (!r || typeof r !== 'object') { out.push(null); continue; }
      var list = isArray(r.p) ? r.p : [], whole = true;
      for (k = 0; k < list.length; k++) {
        var c = list[k];
        if (p.length >= codec.MAX_PATH || typeof c !== 'number' || c !== Math.floor(c) || c < 0 || c > codec.MAX_CHOICE) { whole = false; break; }
        p.push(c);
      }
      var b = typeof r.b === 'number' && !isNaN(r.b) ? Math.max(0, Math.min(100, Math.round(r.b))) : null;
      out.push({ b: b, d: r.d && whole ? 1 : 0, p: p });
    }
    return out;
  }

  /* Sets what changed. Returns 0 (nothing), 1 (place, answers) or 2 (status or score). */
  function write(state, st) {
    var vals = {}, any = 0, j, k;
    if (st.total && st.answered === st.total && (best === null || st.percent >= best)) { best = st.percent; }
    var result = best === null ? null : best >= m.mastery ? 'passed' : 'failed';
    if (v12) {
      var status = result || (st.completed && !st.total ? 'completed' : 'incomplete');
      vals[C + 'lesson_status'] = rank(status) >= rank(prior) ? status : prior;
    } else {
      var complete = st.completed && (whenSeen || !st.total || result === 'passed');
      vals['cmi.completion_status'] = complete || prior === 'completed' ? 'completed' : 'incomplete';
      vals['cmi.success_status'] = priorSuccess === 'passed' ? 'passed' : result || priorSuccess || 'unknown';
      vals['cmi.progress_measure'] = Math.round(st.seen * 1e4 / st.pages) / 1e4;
      if (result) { vals[S + 'scaled'] = best / 100; }
    }
    if (result) { vals[S + 'min'] = 0; vals[S + 'max'] = 100; vals[S + 'raw'] = best; }
    for (j = 0; j < m.qids.length; j++) {
      var qid = m.qids[j], a = state.answers[qid], q = qs[qid], s = sig(a);
      if (s && s !== sent[qid] && q) { interaction(qid, q.kind, a.r, q.key, a.c, ''); any = 1; }
      sent[qid] = s;
    }
    var lang = tags.length > 1 ? tags.indexOf(state.lang) : -1, data = '', fitted = null;
    try { fitted = codec.fit(encodable(state), v12 ? 4096 : 64000); } catch (e) { out.errors.push('encode: ' + e); }
    if (fitted) { data = fitted.data; out.cut = fitted.cut; } else { out.errors.push('suspend_data does not fit'); }
    if (data) { vals['cmi.suspend_data'] = data; }
    if (state.last) { vals[LOC] = state.last; }
    if (lang >= 0) { vals[PREF] = state.lang; remember(state.lang); }
    for (j = 0; !v12 && j < WATCH.length; j++) {
      k = WATCH[j];
      if (moved[k] && String(vals[k]) === launch[k]) { vals[k] += MARK; }
    }
    for (k in vals) {
      if (vals.hasOwnProperty(k) && String(vals[k]) !== last[k]) {
        var first = !last.hasOwnProperty(k);
        last[k] = String(vals[k]);
        call(2, k, last[k]);
        any = Math.max(any, !first && /status|score/.test(k) ? 2 : 1);
      }
    }
    out.finished = v12 ? /^(passed|completed)$/.test(last[C + 'lesson_status'])
      : last['cmi.completion_status'] === 'completed' && last['cmi.success_status'] !== 'failed';
    return any;
  }
  function update() {
    var p = win.darslikProgress;
    try { return p ? write(p.state(), p.moduleStatus(m)) : 0; } catch (e) { out.errors.push('save: ' + e); return 0; }
  }

  /* Commits: when the status or score changed, when the page is hidden, and
     otherwise at most every 30 s; only when something was set since. */
  var dirty = false, committed = started;
  out.commits = 0;
  function commit() {
    if (!dirty || done) { return; }
    dirty = false;
    committed = new Date().getTime();
    out.commits++;
    call(3);
    for (var j = 0; j < WATCH.length; j++) {
      var k = WATCH[j];
      if (last.hasOwnProperty(k) && last[k] !== launch[k]) { moved[k] = true; }
    }
  }
  function save() {
    if (done || review) { return; }
    var level = update();
    if (level) { dirty = true; }
    if (level === 2 || (dirty && new Date().getTime() - committed > 30000)) { commit(); }
  }

  function finish() {
    if (done) { return; }
    if (!review) {
      update();
      var t = Math.round((new Date().getTime() - started) / 1000), s = t % 60, mi = Math.floor(t / 60) % 60,
        h = Math.min(Math.floor(t / 3600), 9999);
      call(2, C + 'exit', v12 && out.finished ? '' : 'suspend');
      call(2, C + 'session_time', v12 ? pad(h) + ':' + pad(mi) + ':' + pad(s) : 'PT' + h + 'H' + mi + 'M' + s + 'S');
      dirty = true;
      commit();
    }
    done = true;
    call(4);
  }
  win.addEventListener('pagehide', finish, false);
  win.addEventListener('beforeunload', finish, false);
  win.addEventListener('unload', finish, false);
  doc.addEventListener('visibilitychange', function () {
    if (doc.visibilityState === 'hidden') { save(); commit(); }
  }, false);

  /* assess.js: an attempt of a test was submitted. Its interactions, once
     per attempt and none past the last allowed one (assess.js locks the
     questions then; a stray event must not record anything either); the
     module's score follows from state.tests in write(), never lowered. */
  function record(res) {
    if (done || review || !res || !isArray(res.results)) { return; }
    var t = null, j;
    for (j = 0; j < m.tests.length; j++) { if (m.tests[j].page === res.page) { t = m.tests[j]; } }
    var n = +res.attempt || 0;
    if (!t || n <= (submitted[t.page] || 0) || (t.attempts && n > t.attempts)) { return; }
    submitted[t.page] = n;
    var pre = t.kind === 'pre-test';
    for (j = 0; j < res.results.length; j++) {
      var q = res.results[j];
      if (q && q.qid) { interaction(String(q.qid), q.kind, q.response, q.key, q.correct, pre ? 'pre-' : ''); }
    }
    if (pre) { preTest(Math.max(0, Math.min(100, Math.round(+res.best || 0)))); }
    dirty = true;
    save();
    commit();
  }
  var hooks = win.darslik || (win.darslik = {}), previousSubmit = hooks.onSubmit;
  hooks.onSubmit = function (res) {
    try { record(res); } catch (e) { out.errors.push('submit: ' + e); }
    if (previousSubmit) { previousSubmit(res); }
  };

  /* scenario.js: a choice was made (after it saved the run). The step's
     choices come from the section's markup: a.scenario-choice (data-choice,
     data-good) inside .scenario-step[data-step] of section.scenario[data-sid]. */
  function stepOf(sid, step) {
    var secs = doc.querySelectorAll('section.scenario'), j, k;
    for (j = 0; j < secs.length; j++) {
      if (secs[j].getAttribute('data-sid') !== sid) { continue; }
      var steps = secs[j].querySelectorAll('.scenario-step');
      for (k = 0; k < steps.length; k++) { if (steps[k].getAttribute('data-step') === step) { return steps[k]; } }
    }
    return null;
  }
  function chose(ev) {
    if (done || review || !ev || typeof ev.sid !== 'string' || typeof ev.step !== 'string') { return; }
    var el = stepOf(ev.sid, ev.step), good = [], j;
    var as = el ? el.querySelectorAll('a.scenario-choice') : [];
    /* The letter of choice index i (a, b, c...), '' past the 36th or for no index. */
    function letter(i) { return typeof i === 'number' && i >= 0 && i === Math.floor(i) ? IDS.charAt(i) : ''; }
    for (j = 0; j < as.length && good.length < 10; j++) {
      var c = letter(/^\d+$/.test(as[j].getAttribute('data-choice') || '') ? +as[j].getAttribute('data-choice') : -1);
      if (as[j].hasAttribute('data-good') && c && indexIn(good, c) < 0) { good.push(c); }
    }
    put(idOf(ev.sid) + '_' + ev.step, '', { type: 'choice', patterns: good, response: letter(ev.choice) || null }, !!ev.good);
    dirty = true;
    save();
    /* An ending: the score may have changed (save() committed then). */
    if (ev.end) { commit(); }
  }
  var previousChoice = hooks.onChoice;
  hooks.onChoice = function (ev) {
    try { chose(ev); } catch (e) { out.errors.push('choice: ' + e); }
    if (previousChoice) { previousChoice(ev); }
  };

  /* progress.js saves after each page shown and each checked answer. */
  win.darslikStore = {
    load: function () { return loaded; },
    save: save
  };
}());
