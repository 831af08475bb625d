/* darslik records (SPEC §9): the learner's log for results.js. ES5, no
   network, not in SCORM. One log per course version in localStorage, for the
   site and single files: {e: [{i uuid, t time, k p|a|t|s (page, answer, test,
   scenario), o id, l locale, r response, s right, c score, x test, n attempt}],
   d: {"<l> <o>": texts shown then}, m: module statuses}. Answers and test
   attempts are logged by records-answers.js, on the pages that have them. */
(function () {
  'use strict';
  var doc = document, body = doc.body, win = window, ls;
  var KEY = 'darslik:' + body.getAttribute('data-course') + ':' + body.getAttribute('data-version') + ':records';
  try { ls = win.localStorage; } catch (e) { /* none */ }

  function each(list, fn) { for (var i = 0; list && i < list.length; i++) { fn(list[i], i); } }
  /* The log, only its well-formed parts: file:// pages share one storage. */
  function load() {
    var l, ok = [];
    try { l = JSON.parse(ls.getItem(KEY)); } catch (e) { /* none */ }
    l = l && typeof l === 'object' ? l : {};
    each(l.e instanceof Array && l.e, function (e) {
      var good = e && /^[pats]$/.test(e.k);
      each(good && /^[as]$/.test(e.k) ? 'itolr' : 'itol', function (f) { good = good && typeof e[f] === 'string'; });
      each('xnc', function (f) { good = good && (e[f] === undefined || typeof e[f] === (f === 'x' ? 'string' : 'number')); });
      if (good) { ok.push(e); }
    });
    return { e: ok, d: l.d && typeof l.d === 'object' ? l.d : {}, m: l.m && typeof l.m === 'object' ? l.m : {} };
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
  function up(el, c) {
    while (el && el.getAttribute && (' ' + el.className + ' ').indexOf(' ' + c + ' ') < 0) { el = el.parentNode; }
    return el && el.getAttribute ? el : null;
  }
  function lang(el) { return (up(el, 'doc-locale') || body).getAttribute('data-locale'); }
  function find(sel, attr, v, root) {
    var out = null;
    each((root || doc).querySelectorAll(sel), function (el) { out = out || (el.getAttribute(attr) === String(v) ? el : null); });
    return out;
  }
  function title(el) { var p = up(el, 'doc-page'); return text((p || doc).querySelector(p ? 'h1' : 'main h1')); }
  function add(e, def) {
    var l = load(), n, j;
    e.i = uuid();
    e.t = new Date().toISOString();
    l.d[e.l + ' ' + e.o] = def;
    l.e.push(e);
    while (l.e.length > 2000) { /* the oldest practice answer goes first */
      for (n = 0, j = 0; !n && j < l.e.length; j++) { n = l.e[j].x === 'practice' ? j : 0; }
      l.e.splice(n, 1);
    }
    store(l);
  }


  /* A module's page, the first time in its locale. */
  function seen(key, l, el) {
    var log = load(), j;
    for (j = 0; j < log.e.length; j++) { if (log.e[j].o === key && log.e[j].l === l && log.e[j].k === 'p') { return; } }
    if (/\//.test(key)) { add({ k: 'p', o: key, l: l }, { n: title(el) }); }
  }

  /* A finished run's steps from the start: the choices scenario.js saved, walked through the markup. */
  function path(sec, sid) {
    var s = win.darslikProgress.state().scen[sid].p, p = [sec.getAttribute('data-start')], j;
    for (j = 0; j < s.length; j++) {
      p.push(find('a.scenario-choice', 'data-choice', s[j], find('.scenario-step', 'data-step', p[j], sec)).getAttribute('data-target'));
    }
    return p.join('[,]');
  }

  var H = win.darslik || (win.darslik = {}), onChoice = H.onChoice;
  H.onChoice = function (ev) {
    var el = ev.end && find('section.scenario', 'data-sid', ev.sid), r;
    try {
      try { r = path(el, ev.sid); } catch (e) { r = ev.step + '[,]' + ev.target; }
      if (el) { add({ k: 's', o: ev.sid, l: lang(el), r: r, c: ev.percent === null ? undefined : ev.percent }, { n: title(el) }); }
    } catch (e) { /* never break the scenario */ }
    if (onChoice) { onChoice(ev); }
  };

  /* Page views: a module document's as paging.js shows them, a site page's now. */
  var P = win.darslikProgress, visit = P && P.visit;
  if (visit) {
    P.visit = function (key, l) {
      visit(key, l);
      try { seen(key, l, find('.doc-page', 'data-page', key)); } catch (e) { /* never break paging */ }
    };
  }
  try {
    if (/^(page|module)$/.test(body.getAttribute('data-kind'))) { seen(body.getAttribute('data-page'), lang(), null); }
  } catch (e) { /* the page still works */ }
  win.darslikRecords = { load: load, store: store, uuid: uuid, each: each, add: add, text: text, lang: lang, find: find, title: title };
}());
