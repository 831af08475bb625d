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
     next launch (Moodle restores it only then, RTE 4.2.8). */
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
  for (i = 0; i < fs.length; i++) {
    qs[fs[i].getAttribute('data-qid')] = { multi: fs[i].getAttribute('data-kind') === 'multiple',
      n: fs[i].querySelectorAll('input').length,
      answer: (fs[i].getAttribute('data-answer') || '').split(',').sort(function (a, b) { return a - b; }).join(',') };
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
  if (isNaN(best) || !m.qids.length) { best = null; }
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

  /* Saved state for progress.js; only the location if suspend_data does not fit. */
  function restore() {
    var s = codec.decode(unmark(launch['cmi.suspend_data'])), loc = unmark(launch[LOC]), j;
    var st = { seen: {}, answers: {}, last: m.pages.indexOf(loc) < 0 ? null : loc };
    /* The learner's language: this SCO's, else the one they chose in
       another SCO or launch (the LMS's preference, then this browser's). */
    var lang = tags.length > 1 ? [pref, remembered()] : [];
    for (j = 0; j < lang.length; j++) { if (tags.indexOf(lang[j]) >= 0) { st.lang = lang[j]; break; } }
    if (!s || s.seen.length !== m.pages.length || s.answers.length !== m.qids.length ||
        s.page >= m.pages.length || (s.locale !== null && s.locale >= tags.length)) { return st; }
    var answers = {};
    for (j = 0; j < s.answers.length; j++) {
      var a = s.answers[j], q = qs[m.qids[j]], c = a.choice, r = typeof c === 'number' ? [c] : c;
      if (!a.checked || !r || !r.length) { continue; }
      if (!q || q.multi !== (r === c) || r[r.length - 1] >= q.n) { return st; }
      answers[m.qids[j]] = { r: r, c: r.join(',') === q.answer ? 1 : 0 };
    }
    for (j in answers) { if (answers.hasOwnProperty(j)) { sent[j] = sig(answers[j]); } }
    for (j = 0; j < s.seen.length; j++) { if (s.seen[j]) { st.seen[m.pages[j]] = 1; } }
    st.answers = answers;
    st.last = m.pages[s.page];
    if (s.locale !== null) { st.lang = tags[s.locale]; }
    return st;
  }
  function sig(a) { return a && a.r && a.r.length ? a.r.join(',') + ':' + a.c : ''; }
  var loaded = restore();

  function resp(list) {
    for (var r = [], j = 0; j < list.length; j++) { r.push(list[j] < 26 ? String.fromCharCode(97 + +list[j]) : String(list[j] - 26)); }
    return r.join(v12 ? ',' : '[,]');
  }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function interaction(qid, a) {
    var n = parseInt(get('cmi.interactions._count'), 10) || 0, p = 'cmi.interactions.' + n + '.', d = new Date();
    var id = qid.split('/').map(encodeURIComponent).join('_'), vals = [
      'id', id.length > 250 ? 'q' + (1 + m.qids.indexOf(qid)) + '_' + id.slice(-200) : id,
      'type', 'choice',
      v12 ? 'time' : 'timestamp', v12 ? pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds()) : d.toISOString().slice(0, 22) + 'Z',
      'correct_responses.0.pattern', resp(qs[qid].answer.split(',')),
      v12 ? 'student_response' : 'learner_response', resp(a.r),
      'result', a.c ? 'correct' : (v12 ? 'wrong' : 'incorrect')];
    for (var j = 0; j < vals.length; j += 2) { call(2, p + vals[j], vals[j + 1]); }
  }

  /* 1.2 lesson_status, from least to most done: a new one below the stored one is not written. */
  var RANK = { '': 0, 'not attempted': 0, browsed: 0, incomplete: 1, failed: 2, completed: 3, passed: 4 };
  function rank(s) { return RANK.hasOwnProperty(s) ? RANK[s] : 0; }

  /* Sets what changed. Returns 0 (nothing), 1 (place, answers) or 2 (status or score). */
  function write(state, st) {
    var vals = {}, any = 0, j, k, page = 0, seen = [], answers = [];
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
    for (j = 0; j < m.pages.length; j++) {
      if (m.pages[j] === state.last) { page = j; }
      seen.push(!!state.seen[m.pages[j]]);
    }
    for (j = 0; j < m.qids.length; j++) {
      var qid = m.qids[j], a = state.answers[qid], q = qs[qid], s = sig(a);
      answers.push(s ? { choice: q.multi ? a.r : a.r[0], checked: true } : { choice: null, checked: false });
      if (s && s !== sent[qid]) { interaction(qid, a); any = 1; }
      sent[qid] = s;
    }
    var lang = tags.length > 1 ? tags.indexOf(state.lang) : -1, data = '';
    try { data = codec.encode({ locale: lang < 0 ? null : lang, page: page, seen: seen, answers: answers }); } catch (e) { out.errors.push('encode: ' + e); }
    if (data.length > (v12 ? 4096 : 64000)) { out.errors.push('suspend_data ' + data.length); data = ''; }
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

  /* progress.js saves after each page shown and each checked answer. */
  win.darslikStore = {
    load: function () { return loaded; },
    save: save
  };
}());
