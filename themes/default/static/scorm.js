/* darslik SCORM bridge (1.2 and 2004). Finds the LMS API, keeps one session
   (Initialize at launch, Terminate once on pagehide), stores progress in
   cmi.suspend_data (darslikState) through window.darslikStore, and reports
   status, score, location and interactions. No API: does nothing (progress.js
   falls back to localStorage). ES5, no network, never throws into the page. */
(function () {
  'use strict';
  var doc = document, body = doc.body, win = window;
  var v12 = body.getAttribute('data-scorm-version') === '1.2';
  var codec = win.darslikState;
  if (body.getAttribute('data-kind') !== 'module-doc' || !codec) { return; }
  var out = win.darslikScorm = { api: null, errors: [] };

  function scan(w, name) {
    for (var n = 0; w && n < 10; n++) {
      try { if (w[name]) { return w[name]; } } catch (e) { /* other origin */ }
      try { if (!w.parent || w.parent === w) { break; } w = w.parent; } catch (e) { break; }
    }
    return null;
  }
  var NAME = v12 ? 'API' : 'API_1484_11';
  var api = scan(win, NAME);
  try { api = api || scan(win.opener, NAME) || scan(win.top.opener, NAME); } catch (e) { /* none */ }
  if (!api) { return; }
  var F = v12 ? ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish', 'LMSGetLastError']
    : ['Initialize', 'GetValue', 'SetValue', 'Commit', 'Terminate', 'GetLastError'];

  /* One API call; the error code is checked after each. "403" on a 2004 get
     is "not initialized yet": an empty value, not an error. */
  function call(i, a, b) {
    var r = '', e = '0';
    try {
      r = String(api[F[i]](a === undefined ? '' : a, b));
      e = String(api[F[5]]());
    } catch (x) { e = 'exception ' + x; }
    if (e !== '0' && !(i === 1 && e === '403')) {
      out.errors.push(F[i] + '(' + (a || '') + ')' + (i === 2 ? '=' + b : '') + ': ' + e);
      return i === 1 ? '' : null;
    }
    return r;
  }
  function get(k) { return call(1, k) || ''; }
  function set(k, val) { return call(2, k, String(val)) === 'true'; }

  var el = doc.querySelector('script.progress-data'), m;
  try { m = JSON.parse(el.textContent); } catch (e) { return; }
  var tags = [], qs = {};
  var locs = doc.querySelectorAll('.doc-locale'), i;
  for (i = 0; i < locs.length; i++) { tags.push(locs[i].getAttribute('data-locale')); }
  var fs = doc.querySelectorAll('fieldset.quiz-q');
  for (i = fs.length - 1; i >= 0; i--) {
    var f = fs[i];
    qs[f.getAttribute('data-qid')] = { multi: f.getAttribute('data-kind') === 'multiple',
      n: f.querySelectorAll('input').length, answer: f.getAttribute('data-answer') || '' };
  }

  if (call(0) !== 'true') { return; }
  out.api = NAME;
  var started = new Date().getTime(), done = false;
  var C = v12 ? 'cmi.core.' : 'cmi.';
  var P = v12 ? { loc: 'cmi.core.lesson_location', raw: 'cmi.core.score.' } : { loc: 'cmi.location', raw: 'cmi.score.' };
  var prior = get(v12 ? C + 'lesson_status' : 'cmi.completion_status');
  var best = parseFloat(get(P.raw + 'raw'));
  if (isNaN(best) || !m.qids.length) { best = null; }

  function restore() {
    var s = codec.decode(get('cmi.suspend_data'));
    var st = { seen: {}, answers: {}, last: null };
    var loc = get(P.loc);
    for (var j = 0; j < m.pages.length; j++) { if (m.pages[j] === loc) { st.last = loc; } }
    if (!s || s.seen.length !== m.pages.length || s.answers.length !== m.qids.length ||
        s.page >= m.pages.length || (s.locale !== null && s.locale >= tags.length)) { return st; }
    var answers = {};
    for (j = 0; j < s.answers.length; j++) {
      var a = s.answers[j], q = qs[m.qids[j]], c = a.choice;
      if (!a.checked || c === null) { continue; }
      var r = typeof c === 'number' ? [c] : c;
      if (!q || q.multi !== (typeof c !== 'number') || r[r.length - 1] >= q.n) { return st; }
      answers[m.qids[j]] = { r: r, c: r.join(',') === q.answer ? 1 : 0 };
    }
    for (j = 0; j < s.seen.length; j++) { if (s.seen[j]) { st.seen[m.pages[j]] = 1; } }
    st.answers = answers;
    st.last = m.pages[s.page];
    if (s.locale !== null) { st.lang = tags[s.locale]; }
    return st;
  }
  var loaded = restore();

  function sig(a) { return a ? a.r.join(',') + ':' + a.c : ''; }
  var sent = {}, last = {};
  for (var k in loaded.answers) { if (loaded.answers.hasOwnProperty(k)) { sent[k] = sig(loaded.answers[k]); } }

  function letter(o) { return o < 26 ? String.fromCharCode(97 + o) : String(o - 26); }
  function resp(list) {
    var r = [];
    for (var j = 0; j < list.length; j++) { if (list[j] !== '') { r.push(letter(+list[j])); } }
    return r.join(v12 ? ',' : '[,]');
  }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function interaction(qid, a) {
    var n = parseInt(get('cmi.interactions._count'), 10) || 0, p = 'cmi.interactions.' + n + '.', d = new Date();
    var id = qid.split('/').map(encodeURIComponent).join('_');
    set(p + 'id', id.length > 250 ? 'q' + (1 + m.qids.indexOf(qid)) + '_' + id.slice(-200) : id);
    set(p + 'type', 'choice');
    if (v12) {
      set(p + 'time', pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds()));
    } else {
      set(p + 'timestamp', d.toISOString().slice(0, 22) + 'Z');
    }
    set(p + 'correct_responses.0.pattern', resp(qs[qid].answer.split(',')));
    set(p + (v12 ? 'student_response' : 'learner_response'), resp(a.r));
    set(p + 'result', a.c ? 'correct' : (v12 ? 'wrong' : 'incorrect'));
  }

  /* Writes what changed since the last call; true when anything did. */
  function write(state, st) {
    var vals = {}, any = false, j;
    var result = st.total && st.answered === st.total ? st.percent : null;
    if (result !== null && (best === null || result >= best)) { best = result; }
    var passed = best !== null ? (best >= m.mastery ? 'passed' : 'failed') : null;
    var done2 = prior === 'completed' || prior === 'passed' || prior === 'failed';
    if (v12) {
      vals[C + 'lesson_status'] = passed || (st.completed && !st.total ? 'completed' : (done2 ? prior : 'incomplete'));
    } else {
      vals['cmi.completion_status'] = st.completed || prior === 'completed' ? 'completed' : 'incomplete';
      vals['cmi.success_status'] = passed || 'unknown';
      vals['cmi.progress_measure'] = Math.round(st.seen * 1e4 / st.pages) / 1e4;
      if (best !== null) { vals['cmi.score.scaled'] = best / 100; }
    }
    if (best !== null) {
      vals[P.raw + 'min'] = 0;
      vals[P.raw + 'max'] = 100;
      vals[P.raw + 'raw'] = best;
    }
    var page = 0, seen = [], answers = [];
    for (j = 0; j < m.pages.length; j++) {
      if (m.pages[j] === state.last) { page = j; }
      seen.push(!!state.seen[m.pages[j]]);
    }
    for (j = 0; j < m.qids.length; j++) {
      var qid = m.qids[j], a = state.answers[qid], q = qs[qid], s = sig(a);
      answers.push(a && a.r && a.r.length ? { choice: q && !q.multi ? a.r[0] : a.r, checked: true } : { choice: null, checked: false });
      if (s && s !== sent[qid] && q) { interaction(qid, a); any = true; }
      sent[qid] = s;
    }
    var lang = tags.length > 1 ? tags.indexOf(state.lang) : -1;
    var data = '';
    try { data = codec.encode({ locale: lang < 0 ? null : lang, page: page, seen: seen, answers: answers }); } catch (e) { out.errors.push('encode: ' + e); }
    if (data.length > (v12 ? 4096 : 64000)) { out.errors.push('suspend_data too long: ' + data.length); data = ''; }
    if (data) { vals['cmi.suspend_data'] = data; }
    if (state.last) { vals[P.loc] = state.last; }
    for (k in vals) {
      if (vals.hasOwnProperty(k) && String(vals[k]) !== last[k]) {
        last[k] = String(vals[k]);
        set(k, vals[k]);
        any = true;
      }
    }
    out.finished = v12 ? /^(passed|completed)$/.test(last[C + 'lesson_status'])
      : last['cmi.completion_status'] === 'completed' && last['cmi.success_status'] !== 'failed';
    return any;
  }

  function save(state) {
    if (done) { return; }
    try {
      var p = win.darslikProgress;
      if (p && write(state, p.moduleStatus(m))) { call(3); }
    } catch (e) { out.errors.push('save: ' + e); }
  }

  function duration(ms) {
    var t = Math.floor(ms / 10), cs = t % 100, s = Math.floor(t / 100) % 60,
      mi = Math.floor(t / 6000) % 60, h = Math.min(Math.floor(t / 360000), 9999);
    return v12 ? pad(h) + ':' + pad(mi) + ':' + pad(s) + '.' + pad(cs)
      : 'PT' + h + 'H' + mi + 'M' + s + (cs ? '.' + pad(cs) : '') + 'S';
  }
  function finish() {
    if (done) { return; }
    try {
      var p = win.darslikProgress;
      if (p) { write(p.state(), p.moduleStatus(m)); }
    } catch (e) { out.errors.push('finish: ' + e); }
    done = true;
    set(C + 'exit', out.finished ? (v12 ? '' : 'normal') : 'suspend');
    set(C + 'session_time', duration(new Date().getTime() - started));
    call(3);
    call(4);
  }
  win.addEventListener('pagehide', finish, false);
  win.addEventListener('beforeunload', finish, false);
  win.addEventListener('unload', finish, false);
  win.addEventListener('pageshow', function (ev) { if (ev.persisted && done) { win.location.reload(); } }, false);

  win.darslikStore = { load: function () { return loaded; }, save: save };
}());
