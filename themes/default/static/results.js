/* darslik "My results" (SPEC §9; the file: issue 21 contract §1). ES5, no
   network. Details in localStorage darslik:<course>:learner; the summary from
   the course version's progress states and the records.js log; the file: the
   log as xAPI statements and each module's status (one id per module, verb,
   score and pages seen), saved as a download, else shown to copy. */
(function () {
  'use strict';
  var doc = document, win = window, R = win.darslikRecords, P = win.darslikProgress, box = doc.querySelector('[data-results]'), D, ls;
  try { D = JSON.parse(box.querySelector('.results-data').textContent); ls = win.localStorage; } catch (e) { return; }
  var T = D.t, C = D.course, loc = D.locale, PRE = 'darslik:' + C.id + ':', U = 'urn:darslik:' + C.id, each = R.each;
  var form = box.querySelector('form'), live = box.querySelector('[role=status]'), F = ['name', 'organisation', 'region'];
  /* An object saved under `k`: file:// pages share one storage, so anything else is left. */
  function get(k) {
    var v = null;
    try { v = JSON.parse(ls.getItem(k)); } catch (e) { /* none */ }
    return v && typeof v === 'object' ? v : {};
  }
  function fill(t, v) { return t.replace(/\{(\w+)\}/g, function (m, k) { return v[k]; }); }
  function pc(n) { return fill(T.percent, { percent: n }); }
  function el(tag, text, into) { return into.appendChild(doc.createElement(tag)).appendChild(doc.createTextNode(text)).parentNode; }

  /* A module's best status over the progress states (this page's first), its best pre-test and post-test. */
  function status(m) {
    var all = [P.state()], r = { pre: null, post: null }, i, k;
    for (i = 0; i < ls.length; i++) {
      k = ls.key(i);
      if (!k.indexOf(PRE + C.version + ':') && /:progress$/.test(k)) { all.push(get(k)); }
    }
    each(all, function (s) {
      var st, b = r.st && r.st.k;
      try { st = P.moduleStatus(m, s); } catch (e) { return; }
      st.k = [+st.passed, st.answered ? st.percent : -1, st.seen];
      for (i = 0; b && i < 2 && st.k[i] === b[i]; i++) { /* equal so far */ }
      if (!b || st.k[i] > b[i]) { r.st = st; }
      each(m.tests, function (t) {
        var w = t.kind === 'pre-test' ? 'pre' : 'post';
        r[w + 's'] = 1;
        each((s.tests || {})[t.page] && s.tests[t.page].att, function (v) { r[w] = Math.max(v, r[w] === null ? -1 : r[w]); });
      });
    });
    return r;
  }
  function keep() {
    var l = get(PRE + 'learner');
    l.id = /^[0-9a-f-]{36}$/.test(l.id) ? l.id : R.uuid();
    each(F, function (f) { l[f] = form.elements[f].value.replace(/^\s+|\s+$/g, ''); });
    try { ls.setItem(PRE + 'learner', JSON.stringify(l)); } catch (e) { /* full */ }
    return l;
  }

  function show() {
    var out = box.querySelector('.results-summary'), log = R.load(), any = 0;
    out.innerHTML = '';
    each(D.modules, function (m) {
      var r = status(m), st = r.st, card = out.appendChild(doc.createElement('div')), dl, seen = {};
      function row(k, v) { el('dt', k, dl); el('dd', v, dl); }
      el('h' + out.getAttribute('data-h'), m.title, card);
      dl = card.appendChild(doc.createElement('dl'));
      row(T.pages_seen, m.t.pages[st.seen]);
      if (!st.seen && !st.answered) { return; }
      any = 1;
      if (st.total) {
        row(T.best, st.answered ? pc(st.percent) + ' \u00b7 ' + (st.passed ? T.passed : T.failed) : T.not_yet);
        dl.lastChild.className = st.answered ? (st.passed ? 'is-passed' : 'is-failed') : '';
      }
      if (r.pres) { row(T.pre, r.pre === null ? T.not_yet : pc(r.pre)); }
      if (r.posts) { row(T.post, r.post === null ? T.not_yet : pc(r.post)); }
      each(log.e, function (e) {
        if (e.k !== 's' || e.o.indexOf(m.module + '/')) { return; }
        var n = (log.d[e.l + ' ' + e.o] || {}).n || T.scenario, p = e.r.split('[,]').join(' \u2192 ') + (e.c >= 0 ? ': ' + pc(e.c) : '');
        if (!seen[e.o + p]) { seen[e.o + p] = 1; row(n.indexOf(T.scenario) < 0 ? T.scenario + ': ' + n : n, p); }
      });
    });
    if (!any) { out.insertBefore(el('p', T.nothing, out), out.firstChild); }
  }

  function score(c) { return { scaled: c / 100, raw: c, min: 0, max: 100 }; }
  /* The results file of learner `who`, saved `now`. */
  function build(who, now) {
    var log = R.load(), list = [], mods = [], A = 'http://adlnet.gov/expapi/activities/', ABC = 'abcdefghijklmnopqrstuvwxyz0123456789';
    /* kind → verb, activity type, parent: the module (1) or the page */
    var K = { p: ['experienced', 'lesson', 1], a: ['answered', 'cmi.interaction'], t: ['completed', 'assessment', 1], s: ['completed', 'simulation'] };
    function opts(texts, ids, l) {
      var out = [];
      each(texts, function (t, j) { var d = { id: ids.charAt(j), description: {} }; d.description[l] = t; out.push(d); });
      return out;
    }
    function add(id, time, verb, obj, def, l, parent, result, ext) {
      var s = { id: id, actor: { objectType: 'Agent', name: who.name, account: { homePage: 'urn:darslik:learner', name: who.id } },
        verb: { id: 'http://adlnet.gov/expapi/verbs/' + verb, display: { 'en-US': verb } }, object: { objectType: 'Activity', id: U + '/' + obj, definition: def } };
      s.result = result;
      ext['urn:darslik:version'] = C.version;
      s.context = { language: l, contextActivities: { grouping: [{ id: U }], parent: [{ id: U + parent }] }, extensions: ext };
      s.timestamp = time;
      list.push(s);
    }
    each(log.e, function (e) {
      var d = log.d[e.l + ' ' + e.o] || {}, k = K[e.k], def = { type: A + k[1], name: {} }, ext = {}, r = e.k === 'p' ? undefined : {};
      def.name[e.l] = d.n || e.o;
      if (d.y) { def.interactionType = d.y; }
      if (d.s) { def.source = opts(d.s, '123456789' + ABC, e.l); def.target = opts(d.c, ABC, e.l); } else if (d.c && d.c.length) { def.choices = opts(d.c, ABC, e.l); }
      if (e.r !== undefined) { r.response = e.r; }
      if (e.s !== undefined) { r.success = !!e.s; }
      if (typeof e.c === 'number') { r.score = score(e.c); }
      if (!k[0].indexOf('c')) { r.completion = true; }
      if (e.x) { ext['urn:darslik:test'] = e.x; }
      if (e.n) { ext['urn:darslik:attempt'] = e.n; }
      add(e.i, e.t, k[0], e.o, def, e.l, '/' + (k[2] ? e.o.split('/')[0] : e.o.replace(/\/[^\/]*$/, '.md')), r, ext);
    });
    each(D.modules, function (m) {
      var st = status(m).st, scored = st.total > 0, name = {}, r = { completion: st.completed };
      var verb = st.passed ? 'passed' : scored && st.answered ? 'failed' : st.completed && !scored ? 'completed' : 'progressed';
      var key = [m.module, verb, scored && st.answered ? st.percent : '', st.seen].join('|'), at;
      mods.push({ id: m.module, title: m.title, pages: m.pages.length, mastery: m.mastery });
      if (!st.seen && !st.answered) { return; }
      at = log.m[key];
      at = log.m[key] = at && /^[0-9a-f-]{36}$/.test(at.i) && typeof at.t === 'string' ? at : { i: R.uuid(), t: now };
      if (scored) { r.success = st.passed; }
      if (scored && st.answered) { r.score = score(st.percent); }
      r.extensions = { 'urn:darslik:pages-seen': st.seen, 'urn:darslik:pages': st.pages };
      name[loc] = m.title;
      add(at.i, at.t, verb, m.module, { type: A + 'module', name: name }, loc, '', r, {});
    });
    R.store(log);
    return { darslik: 'results', format: 1, course: { id: C.id, version: C.version, title: C.title, modules: mods },
      learner: { id: who.id, name: who.name, organisation: who.organisation, region: who.region, locale: loc }, saved: now, statements: list };
  }

  function say(t) {
    live.textContent = '';
    setTimeout(function () { live.textContent = t; }, 100);
  }
  function save(ev) {
    ev.preventDefault();
    var d = new Date(), who = keep(), json = JSON.stringify(build(who, d.toISOString())), a = doc.createElement('a'), copy = box.querySelector('.results-copy'), blob;
    /* the name safe on Windows: no <>:"/\|?* or control characters, no trailing dot, at most 60 characters */
    var n = (who.name.replace(/[<>:"\/\\|?*\u0000-\u001f\u007f]/g, '').replace(/\s+/g, '-').match(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g) || []).slice(0, 60).join('').replace(/[.-]+$/, '');
    n = 'darslik-results-' + C.id + '-' + (n || 'learner') + '-' + new Date(d - d.getTimezoneOffset() * 6e4).toISOString().slice(0, 10) + '.json';
    show();
    copy.hidden = !!(win.Blob && win.URL && 'download' in a);
    if (copy.hidden) {
      a.href = URL.createObjectURL(blob = new Blob([json], { type: 'application/json' }));
      a.download = n;
      doc.body.appendChild(a).click();
      doc.body.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 6e4);
      return say(fill(T.saved, { file: n, size: fill(T.size, { size: Math.ceil(blob.size / 1024) }) }));
    }
    copy.querySelector('textarea').value = json;
    say(fill(T.no_download, { file: n }));
  }

  /* A new learner on a shared computer: this course's details, log and progress go. */
  function clear() {
    var keys = [], i;
    if (!win.confirm(T.confirm)) { return; }
    for (i = 0; i < ls.length; i++) { keys.push(ls.key(i)); }
    each(keys, function (k) { if (!k.indexOf(PRE)) { ls.removeItem(k); } });
    try { win.sessionStorage.setItem(PRE + 'cleared', 1); } catch (e) { /* none */ }
    win.location.reload(); /* no script saves on the way out */
  }

  try { /* in a single file paging.js runs after this, whatever happens here */
    var who = get(PRE + 'learner');
    each(F, function (f) {
      form.elements[f].value = typeof who[f] === 'string' ? who[f] : '';
      form.elements[f].addEventListener('change', keep, false);
    });
    form.addEventListener('submit', save, false);
    box.querySelector('.results-new button').addEventListener('click', clear, false);
    box.querySelector('.results-app').hidden = false;
    doc.body.className += ' has-results';
    show();
    if (win.sessionStorage.getItem(PRE + 'cleared')) { win.sessionStorage.removeItem(PRE + 'cleared'); say(T.cleared); }
  } catch (e) { /* the page still works */ }
  /* A single file: the summary again once paging.js has shown a page and as
     the learner moves on; a link to this section shows it below any page
     until the next one (style.css: .is-shown). */
  function shown(yes) { box.className = box.className.replace(/ is-shown/g, '') + (yes ? ' is-shown' : ''); }
  each(doc.querySelectorAll('a[href="#' + box.id + '"]'), function (a) { a.addEventListener('click', function () { shown(1); }, false); });
  shown(win.location.hash === '#' + box.id);
  setTimeout(function () {
    if (!win.darslikDoc) { return; }
    win.darslikDoc.onChange(function () { shown(0); show(); });
    show();
  }, 0);
}());
