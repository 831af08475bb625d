/* darslik records (SPEC §9): the learner's log for the results file
   (results.js). ES5, no network; not in SCORM packages. Chains onto
   darslik.onAnswer/onSubmit/onChoice and page views. One log per course
   version in localStorage, shared by the site and single files: {e: [{i: uuid,
   t: time, k: p(age)|a(nswer)|t(est)|s(cenario), o: id, l: locale, r:
   response, s: right, c: score, x: test, n: attempt}], d: {"<l> <o>": the
   page's texts then}, m: module statuses (results.js)}. */
(function () {
  'use strict';
  var doc = document, body = doc.body, win = window, ls;
  try { ls = win.localStorage; } catch (e) { /* none */ }
  var KEY = 'darslik:' + body.getAttribute('data-course') + ':' + body.getAttribute('data-version') + ':records';
  var IDS = 'abcdefghijklmnopqrstuvwxyz0123456789';

  function each(list, fn) { for (var i = 0; list && i < list.length; i++) { fn(list[i], i); } }
  function load() {
    var l = null;
    try { l = JSON.parse(ls.getItem(KEY)); } catch (e) { /* none */ }
    l = l && l.e instanceof Array ? l : { e: [] };
    l.d = l.d || {};
    l.m = l.m || {};
    return l;
  }
  function store(l) { try { ls.setItem(KEY, JSON.stringify(l)); } catch (e) { /* full */ } }
  function uuid() {
    var b = [], h = '', i;
    try { b = win.crypto.getRandomValues(new Uint8Array(16)); } catch (e) {
      for (i = 0; i < 16; i++) { b[i] = Math.random() * 256 | 0; }
    }
    b[6] = b[6] & 15 | 64;
    b[8] = b[8] & 63 | 128;
    for (i = 0; i < 16; i++) { h += (/^(4|6|8|10)$/.test(i) ? '-' : '') + (b[i] + 256).toString(16).slice(1); }
    return h;
  }
  function text(el) { return el ? el.textContent.replace(/\s+/g, ' ').replace(/^ | $/g, '').slice(0, 300) : ''; }
  function up(el, cls) {
    while (el && el.className !== undefined && (' ' + el.className + ' ').indexOf(' ' + cls + ' ') < 0) { el = el.parentNode; }
    return el && el.getAttribute ? el : null;
  }
  /* The locale shown: the module document's, else the page's. */
  function lang(el) { return (up(el, 'doc-locale') || body).getAttribute('data-locale'); }
  function find(sel, attr, v) {
    var out = null;
    each(doc.querySelectorAll(sel), function (el) { out = out || (el.getAttribute(attr) === v ? el : null); });
    return out;
  }
  function title(el) { var p = up(el, 'doc-page'); return text((p || doc).querySelector(p ? 'h1' : 'main h1')); }
  function add(e, def) {
    var l = load(), n, j;
    e.i = uuid();
    e.t = new Date().toISOString();
    l.d[e.l + ' ' + e.o] = def;
    l.e.push(e);
    /* Full: the oldest practice answer goes, else the oldest entry. */
    while (l.e.length > 3000) {
      for (n = 0, j = 0; j < l.e.length && !n; j++) { n = l.e[j].x === 'practice' ? j : 0; }
      l.e.splice(n, 1);
    }
    store(l);
  }
  function at(list, v) {
    for (var j = 0; list && j < list.length; j++) { if (list[j] === v) { return j; } }
    return -1;
  }

  /* A question's texts in source order and the response in xAPI syntax, with
     scorm.js's ids: options a, b…; matching left 1, 2… and right sides, and
     ordering items, by their place in key.a. */
  function answered(qid, kind, r, key, ok, test, attempt) {
    var fs = find('fieldset.quiz-q', 'data-qid', qid) || body, a = key && key.a || [], t = {}, out = [], j;
    var d = { n: text(fs.querySelector('.quiz-prompt')), c: [] }, has = r !== null && r !== undefined;
    function by(sel, attr, get) { each(fs.querySelectorAll(sel), function (el) { t[el.getAttribute(attr)] = text(get(el)); }); }
    function keyed() { for (var k = 0; k < a.length; k++) { d.c.push(t[a[k]] || ''); } }
    function id(v) { j = at(a, v); return IDS.charAt(j); }
    if (/^(single|multiple)$/.test(kind)) {
      d.y = 'choice';
      by('.quiz-opt input', 'value', function (i) { return i.parentNode.querySelector('.quiz-opt-text'); });
      for (j = 0; t[j] !== undefined; j++) { d.c.push(t[j]); }
      each(has ? [].concat(r) : [], function (v) { out.push(IDS.charAt(v)); });
    } else if (kind === 'matching') {
      d.y = 'matching';
      d.s = [];
      each(fs.querySelectorAll('.quiz-pair'), function (p) { d.s[+p.getAttribute('data-left')] = text(p.querySelector('.quiz-left')); });
      by('.quiz-pair select option', 'value', function (o) { return o; });
      keyed();
      each(has ? r : [], function (v, i) { if (id(v)) { out.push(i + 1 + '[.]' + id(v)); } });
    } else if (kind === 'ordering') {
      d.y = 'sequencing';
      by('.quiz-item', 'data-value', function (li) { return li.querySelector('.quiz-item-text'); });
      keyed();
      each(has ? r : [], function (v) { out.push(id(v)); });
    } else {
      out = [has ? String(r).replace(/\s+/g, ' ').replace(/^ | $/g, '') : ''];
      /* A number against a key of ranges only is numeric, as in scorm.js. */
      d.y = key && key.r && key.r.length && key.r.length === (key.s || key.t || []).length && /^-?\d+([.,]\d+)?$/.test(out[0]) ? 'numeric' : 'fill-in';
    }
    add({ k: 'a', o: qid, l: lang(fs), r: out.join('[,]'), s: ok ? 1 : 0, x: test, n: attempt }, d);
  }

  /* A module's page shown, the first time in its locale. */
  function seen(key, l, el) {
    var log = load(), j;
    for (j = 0; j < log.e.length; j++) { if (log.e[j].o === key && log.e[j].l === l && log.e[j].k === 'p') { return; } }
    if (/\//.test(key)) { add({ k: 'p', o: key, l: l }, { n: title(el) }); }
  }

  /* A finished run's steps, from the start to the ending: the choices
     scenario.js saved, walked through the section's markup. */
  function path(sec, sid) {
    var steps = {}, p = [], s = win.darslikProgress.state().scen[sid].p, j, to;
    each(sec.querySelectorAll('.scenario-step'), function (el) { steps[el.getAttribute('data-step')] = el; p[0] = p[0] || el.getAttribute('data-step'); });
    p = [sec.getAttribute('data-start') || p[0]];
    for (j = 0; j < s.length; j++) {
      to = null;
      each(steps[p[j]].querySelectorAll('a.scenario-choice'), function (a) { to = a.getAttribute('data-choice') === String(s[j]) ? a.getAttribute('data-target') : to; });
      p.push(to);
    }
    return p.join('[,]');
  }

  var hooks = win.darslik || (win.darslik = {}), onAnswer = hooks.onAnswer, onSubmit = hooks.onSubmit, onChoice = hooks.onChoice;
  hooks.onAnswer = function (a) {
    try { answered(String(a.qid), a.kind, a.response, a.answer, a.correct, 'practice'); } catch (e) { /* never break the quiz */ }
    if (onAnswer) { onAnswer(a); }
  };
  hooks.onSubmit = function (res) {
    try {
      var panel = find('.assess', 'data-assess', res.page);
      each(res.results, function (x) { answered(String(x.qid), x.kind, x.response, x.key, x.correct, res.kind, res.attempt); });
      add({ k: 't', o: res.page + '.md', l: lang(panel), x: res.kind, n: res.attempt, c: Math.max(0, Math.min(100, Math.round(res.score) || 0)) }, { n: title(panel) });
    } catch (e) { /* never break the test */ }
    if (onSubmit) { onSubmit(res); }
  };
  hooks.onChoice = function (ev) {
    try {
      var sec = ev.end && find('section.scenario', 'data-sid', ev.sid), r;
      if (sec) {
        try { r = path(sec, ev.sid); } catch (e) { r = ev.step + '[,]' + ev.target; }
        add({ k: 's', o: ev.sid, l: lang(sec), r: r, c: ev.percent === null ? undefined : ev.percent }, { n: title(sec) });
      }
    } catch (e2) { /* never break the scenario */ }
    if (onChoice) { onChoice(ev); }
  };

  /* Page views: a module document's as paging.js shows them, a site page's now. */
  var P = win.darslikProgress, visit = P && P.visit;
  if (visit) {
    P.visit = function (key, l) {
      visit(key, l);
      seen(key, l, find('.doc-page', 'data-page', key));
    };
  }
  if (/^(page|module)$/.test(body.getAttribute('data-kind'))) { seen(body.getAttribute('data-page'), lang(), null); }
  win.darslikRecords = { load: load, store: store, uuid: uuid, each: each };
}());
