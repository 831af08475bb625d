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
  window.darslikProgress = {
    state: function () { return state; },
    moduleStatus: moduleStatus,
    save: function () { store.save(state); },
    /* Module summaries and the course home again, after a change of state. */
    refresh: function () { showSummaries(); showHome(); showSeen(); },
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

  function showSummaries() {
    if (!doc.querySelectorAll) { return; }
    each(doc.querySelectorAll('[data-summary]'), function (box) {
      var m = data(box)[0];
      if (!m) { return; }
      var st = moduleStatus(m);
      var score = box.querySelector('.summary-score');
      var result = box.querySelector('.summary-result');
      if (!st.total) { return; }
      /* The tests have attempts of their own: trying the practice questions
         again would not change this score. */
      var retry = box.querySelector('.summary-retry');
      if (retry && st.graded) { retry.setAttribute('hidden', ''); }
      box.removeAttribute('hidden');
      if (st.graded && st.answered > 0) {
        score.textContent = testScore(m, st);
      } else if (st.answered === 0) {
        score.textContent = m.t.unanswered;
        result.textContent = '';
        result.className = 'summary-result';
        return;
      }
      score.textContent = countScore(m, st);
      result.textContent = st.passed ? m.t.passed : m.t.failed;
      result.className = 'summary-result ' + (st.passed ? 'is-passed' : 'is-failed');
    });
  }

  /* The module score of its tests: "N questions, k answered correctly"
     when the texts count the tests' questions, else "score N%". */
  function testScore(m, st) {
    var t = m.t || {};
    if (t.score && t.score.length === st.total + 1) { return countScore(m, st); }
    return fill(t.home_score || '{percent}%', st.percent);
  }
  /* "N questions, k answered correctly": a scenario's share of one right
     answer makes k fractional; it is shown rounded. */
  function countScore(m, st) {
    var t = m.t || {};
    var text = t.score && t.score[Math.round(st.correct)];
    return fill(typeof text === 'string' ? text : (t.home_score || '{percent}%'), st.percent);
  }

  function showHome() {
    var mods = data(doc);
    if (kind !== 'home') { return; }
    each(mods, function (m) {
      var el = doc.querySelector('[data-module-progress="' + m.module + '"]');
      if (!el) { return; }
      var st = moduleStatus(m);
      var parts = [m.t.pages[st.seen]];
      if (st.answered > 0) { parts.push(fill(m.t.home_score, st.percent)); }
      if (st.completed) { parts.push(m.t.completed); }
      el.textContent = st.seen || st.answered ? parts.join(' · ') : '';
      var row = null, sec = doc.querySelector('[data-reset]');
      each(doc.querySelectorAll('.progress-modules [data-of]'), function (r) { if (r.getAttribute('data-of') === m.module) { row = r; } });
      if (!row || !sec) { return; }
      var pct = sec.getAttribute('data-pct'), not = sec.getAttribute('data-not-yet');
      function score(k, v) {
        var r = row.querySelector('[data-score="' + k + '"]');
        if (!r) { return; }
        r.removeAttribute('hidden');
        text(r.querySelector('dd'), v === null ? not : fill(pct, v));
      }
      if (st.total) { score('best', st.answered ? st.percent : null); }
      each(m.tests || [], function (t) { score(t.kind, best(t.page, state)); });
    });
    var cont = doc.querySelector('[data-continue]');
    /* The link goes only to a page of the course: localStorage is shared by
       every page opened from file://, so another file could have put a
       script or an outside address there. */
    var known = false;
    each(mods, function (m) {
      each(m.pages, function (p) { if (p.replace(/\.md$/, '.html') === state.last) { known = true; } });
    });
    if (cont) {
      if (state.last && known) {
        cont.querySelector('a').setAttribute('href', state.last);
        cont.removeAttribute('hidden');
      } else {
        cont.setAttribute('hidden', '');
      }
    }
    var reset = doc.querySelector('[data-reset]');
    if (reset) { reset.removeAttribute('hidden'); }
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
    showSummaries();
    showSeen();
    if (previous) { previous(a); }
  };
  /* A test attempt was submitted: assess.js has put it into state.tests and
     saved; the module's score changes. */
  var previousSubmit = d.onSubmit;
  d.onSubmit = function (res) {
    showSummaries();
    showHome();
    showSeen();
    if (previousSubmit) { previousSubmit(res); }
  };

  each(doc.querySelectorAll('.summary-retry'), function (btn) {
    btn.addEventListener('click', function () {
      var m = data(btn.parentNode)[0];
      if (m) { each(m.qids, function (q) { delete state.answers[q]; }); }
      store.save(state);
      if (quiz && quiz.reset) { quiz.reset(); }
      showSummaries();
      var first = doc.querySelector('.quiz-q input');
      if (first) { first.focus(); }
    });
  });

  each(doc.querySelectorAll('[data-reset] .reset-button'), function (btn) {
    btn.addEventListener('click', function () {
      state = fresh();
      state.seen[page] = 1;
      store.save(state);
      showHome();
      showSeen();
      var status = doc.querySelector('.reset-status');
      if (status) { status.textContent = btn.getAttribute('data-done') || ''; }
    });
  });

  showSummaries();
  showHome();
  showSeen();
})();
