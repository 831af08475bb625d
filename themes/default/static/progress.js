/* darslik progress: pages seen, quiz answers, test attempts, case scenario
   runs, last page; module score and result. ES5, no network. Storage is localStorage, keyed by course id,
   version and locale, unless an LMS bridge sets window.darslikStore first
   ({load: function () -> state|null, save: function (state)}). */
(function () {
  'use strict';
  var doc = document;
  var body = doc.body;
  var course = body.getAttribute('data-course') || 'course';
  var version = body.getAttribute('data-version') || '';
  var locale = body.getAttribute('data-locale') || '';
  var page = body.getAttribute('data-page');
  var kind = body.getAttribute('data-kind');
  if (kind === 'chooser') { return; }
  // Module documents (SCORM, single file) name their own key; a multilingual
  // one shares progress across its locales.
  var docKey = body.getAttribute('data-progress-key');
  var KEY = docKey ? 'darslik:' + docKey + ':progress' : 'darslik:' + course + ':' + version + ':' + locale + ':progress';

  var store = window.darslikStore || {
    load: function () {
      try { return JSON.parse(window.localStorage.getItem(KEY)); } catch (e) { return null; }
    },
    save: function (s) {
      try { window.localStorage.setItem(KEY, JSON.stringify(s)); } catch (e) { /* full or private */ }
    }
  };
  function fresh() { return { seen: {}, answers: {}, tests: {}, scen: {}, last: null }; }
  var state = store.load() || fresh();
  if (!state.seen) { state.seen = {}; }
  if (!state.answers) { state.answers = {}; }
  /* Graded pages: {seed, att: [percent...], r: {qid: response}, done} per
     page key (assess.js). */
  if (!state.tests || typeof state.tests !== 'object') { state.tests = {}; }
  /* Case scenarios: {p: [choice index...], d: 0|1, b: best finished percent}
     per scenario id (scenario.js). */
  if (!state.scen || typeof state.scen !== 'object') { state.scen = {}; }

  function each(list, fn) { for (var i = 0; i < list.length; i++) { fn(list[i], i); } }
  function data(root) {
    var out = [];
    each(root.querySelectorAll('script.progress-data'), function (el) {
      try { out.push(JSON.parse(el.textContent)); } catch (e) { /* skip */ }
    });
    return out;
  }
  function fill(template, percent) { return template.replace('{percent}', String(percent)); }

  /* The best attempt of a test page, or null when never submitted. */
  function best(page, st) {
    var t = st.tests && st.tests[page];
    var att = t && t.att;
    if (!att || !att.length) { return null; }
    var b = 0;
    each(att, function (s) { if (typeof s === 'number' && s > b) { b = s; } });
    return b;
  }

  /* A scored case scenario counts as one question, in both branches: its
     best finished run's percent as a fraction of one right answer. */
  function scenarios(m, add, st) {
    each(m.scen || [], function (s) {
      var r = s && st.scen && st.scen[s.id];
      add(r && typeof r.b === 'number' ? Math.max(0, Math.min(100, r.b)) / 100 : null);
    });
  }

  /* A module as one learning unit: pages seen, score, completion, success.
     With graded or post-test pages the score is theirs (the best attempt of
     each, weighted by its questions; never submitted counts 0) and practice
     questions do not count; pre-tests never count. Scored case scenarios
     count in both cases. `st`: another saved state (results.js), else this one. */
  function moduleStatus(m, st) {
    st = st || state;
    var seen = 0, correct = 0, answered = 0, total = 0, percent, sn = st.seen || {}, ans = st.answers || {};
    each(m.pages, function (p) { if (sn[p]) { seen++; } });
    var tests = [];
    each(m.tests || [], function (t) { if (t.kind === 'graded' || t.kind === 'post-test') { tests.push(t); } });
    if (tests.length) {
      /* An attempt's percent is round(100 * right / n): its right answers
         come back exactly, and the module percent is not rounded twice. */
      each(tests, function (t) {
        var n = t.n || 0, b = best(t.page, st);
        total += n;
        if (b !== null) { answered += n; correct += Math.min(n, Math.round(b * n / 100)); }
      });
    } else {
      each(m.qids, function (q) {
        var a = ans[q];
        if (a) { answered++; if (a.c) { correct++; } }
      });
      total = m.qids.length;
    }
    scenarios(m, function (v) { total += 1; if (v !== null) { answered += 1; correct += v; } }, st);
    percent = total ? Math.round(correct * 100 / total) : (tests.length ? 0 : 100);
    return {
      seen: seen, pages: m.pages.length, correct: correct, answered: answered, total: total,
      percent: percent, completed: seen === m.pages.length, passed: total > 0 && percent >= m.mastery,
      graded: tests.length > 0
    };
  }
  /* What other scripts show from the state (summary.js: the module's
     result; home.js: the course home), drawn again after every change. */
  var views = [];
  function redraw() {
    each(views, function (v) { v(); });
    showSeen();
  }
  window.darslikProgress = {
    state: function () { return state; },
    moduleStatus: moduleStatus,
    best: best,
    data: data,
    fill: fill,
    save: function () { store.save(state); },
    /* `show` draws part of the page from the state: now and after every change. */
    view: function (show) { views.push(show); show(); },
    /* Module summaries and the course home again, after a change of state. */
    refresh: redraw,
    /* Forget everything but this page (the home's reset button). */
    reset: function () {
      state = fresh();
      if (page) { state.seen[page] = 1; }
      store.save(state);
      redraw();
    },
    /* A page of a module document was shown. */
    visit: function (key, lang) {
      if (!key) { return; }
      var isNew = !state.seen[key];
      state.seen[key] = 1;
      state.last = key;
      if (lang) { state.lang = lang; }
      store.save(state);
      /* A page turn: the summaries do not count pages; the ticks and bars
         change only for a page not seen before, and only its own links. */
      if (isNew) { seenOne(key); }
    }
  };

  if (page) {
    state.seen[page] = 1;
    if (kind !== 'home') { state.last = page.replace(/\.md$/, '.html'); }
    store.save(state);
  }

  // Saved answers come back on the page, graded again against it: the quiz
  // may have changed under the same course version (options reordered or
  // removed), and the score must agree with the verdicts shown.
  var quiz = window.darslikQuiz;
  if (quiz && quiz.questions) {
    var regraded = false;
    each(quiz.questions(), function (qid) {
      var a = state.answers[qid];
      if (!a || a.r === undefined || a.r === null) { return; }
      var res = quiz.restore(qid, a.r, true);
      if (res === null) {
        delete state.answers[qid];
        regraded = true;
      } else if (res && typeof res === 'object' && (res.correct ? 1 : 0) !== a.c) {
        a.c = res.correct ? 1 : 0;
        regraded = true;
      }
    });
    if (regraded) { store.save(state); }
  }

  /* Pages seen, shown (issue 25): bars and counts on every [data-of] (a
     module's name; data-total, data-count "{seen} of N pages"), ticks on
     the page links of lists under [data-seen], a completion mark
     [data-done]. A module counts its progress-data pages where the page has
     them (as the LMS is told), else the seen pages in its folder. */
  var mods = {};
  each(data(doc), function (m) { mods[m.module] = m; });
  function path(l) {
    var p = l.pathname || '';
    try { p = decodeURIComponent(p); } catch (e) { /* as it is */ }
    return /\/$/.test(p) ? p + 'index.html' : p;
  }
  var own = page ? page.replace(/\.md$/, '.html') : '', here = path(window.location);
  var root = own && here.slice(-own.length) === own ? here.slice(0, here.length - own.length) : null;
  /* The page key a link goes to: a page of this module document, or a
     page of this site (same folder tree). */
  function keyOf(a) {
    var h = a.getAttribute('href') || '', t;
    if (h.charAt(0) === '#') { t = doc.getElementById(h.slice(1)); return t && t.getAttribute('data-page'); }
    if (root === null || a.host !== window.location.host) { return null; }
    t = path(a);
    return t.indexOf(root) === 0 ? t.slice(root.length).replace(/\.html$/, '.md') : null;
  }
  function seenIn(name, total) {
    if (mods[name]) { return moduleStatus(mods[name]).seen; }
    var n = 0, k;
    for (k in state.seen) { if (state.seen.hasOwnProperty(k) && k.indexOf(name + '/') === 0) { n++; } }
    return Math.min(n, total);
  }
  function text(el, t) { el.textContent = t; return el; }
  function span(into, cls, t) {
    var s = into.appendChild(doc.createElement('span'));
    s.className = cls;
    return text(s, t);
  }
  function seenText(el) {
    while (el && el.getAttribute && el.getAttribute('data-seen') === null) { el = el.parentNode; }
    return el && el.getAttribute ? el.getAttribute('data-seen') : '';
  }
  /* The page links of lists under [data-seen] by the page key they go to,
     and the [data-of] elements, as the last full pass found them. */
  var linksByKey = {}, counters = [];
  function tick(a, k) {
    var mark = a.querySelector('.seen-mark');
    if (k && state.seen[k]) {
      if (!mark) {
        mark = span(a, 'seen-mark', '');
        span(mark, '', ' \u2713').setAttribute('aria-hidden', 'true');
        span(mark, 'visually-hidden', ' ' + seenText(a));
      }
    } else if (mark) { a.removeChild(mark); }
  }
  function showSeen() {
    linksByKey = {};
    each(doc.querySelectorAll('[data-seen] ol a'), function (a) {
      var k = keyOf(a);
      if (k) { (linksByKey.hasOwnProperty(k) ? linksByKey[k] : (linksByKey[k] = [])).push(a); }
      tick(a, k);
    });
    counters = [];
    each(doc.querySelectorAll('[data-of]'), function (el) { counters.push(el); });
    showCounts();
  }
  /* One page newly seen (a page turn): its links' ticks and the counts. */
  function seenOne(key) {
    each(linksByKey.hasOwnProperty(key) ? linksByKey[key] : [], function (a) { tick(a, key); });
    showCounts();
  }
  function showCounts() {
    each(counters, function (el) {
      var name = el.getAttribute('data-of'), total = +el.getAttribute('data-total') || 0;
      var n = seenIn(name, total), t = (el.getAttribute('data-count') || '').replace('{seen}', n);
      var bar = el.querySelector('.bar'), tx = el.querySelector('.bar-text'), done = el.querySelector('[data-done]');
      if (bar) {
        bar.setAttribute('aria-valuenow', n);
        bar.setAttribute('aria-valuetext', t);
        bar.querySelector('.bar-fill').style.width = (total ? Math.round(n * 100 / total) : 0) + '%';
        bar.removeAttribute('hidden');
      } else {
        var a = el.querySelector('a') || el, c = a.querySelector('.toc-count');
        if (!c) { c = span(a, 'toc-count', ''); span(c, '', '').setAttribute('aria-hidden', 'true'); span(c, 'visually-hidden', ''); }
        text(c.firstChild, n + '/' + total);
        text(c.lastChild, ' ' + t);
      }
      if (tx) { text(tx, t); }
      if (done) {
        var st = mods[name] && moduleStatus(mods[name]);
        if (st && st.completed && (!st.total || st.passed)) { done.removeAttribute('hidden'); } else { done.setAttribute('hidden', ''); }
      }
    });
  }

  var d = window.darslik || (window.darslik = {});
  var previous = d.onAnswer;
  d.onAnswer = function (a) {
    state.answers[a.qid] = { r: a.response, c: a.correct ? 1 : 0 };
    store.save(state);
    redraw();
    if (previous) { previous(a); }
  };
  /* A test attempt was submitted: assess.js has put it into state.tests and
     saved; the module's score changes. */
  var previousSubmit = d.onSubmit;
  d.onSubmit = function (res) {
    redraw();
    if (previousSubmit) { previousSubmit(res); }
  };

  showSeen();
})();
