/* darslik course home (home.js): each module's progress and scores, the
   "Continue" link and the button that forgets the learner's progress, from
   progress.js's state. ES5. */
(function () {
  'use strict';
  var doc = document, P = window.darslikProgress;
  /* An older progress.js (a course's own copy of the theme) draws the home itself. */
  if (!P || !P.view) { return; }
  function each(list, fn) { for (var i = 0; i < list.length; i++) { fn(list[i], i); } }
  function text(el, t) { el.textContent = t; return el; }

  function showHome() {
    var mods = P.data(doc), state = P.state();
    each(mods, function (m) {
      var el = doc.querySelector('[data-module-progress="' + m.module + '"]');
      if (!el) { return; }
      var st = P.moduleStatus(m);
      var parts = [m.t.pages[st.seen]];
      if (st.answered > 0) { parts.push(P.fill(m.t.home_score, st.percent)); }
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
        text(r.querySelector('dd'), v === null ? not : P.fill(pct, v));
      }
      if (st.total) { score('best', st.answered ? st.percent : null); }
      each(m.tests || [], function (t) { score(t.kind, P.best(t.page, state)); });
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

  each(doc.querySelectorAll('[data-reset] .reset-button'), function (btn) {
    btn.addEventListener('click', function () {
      P.reset();
      var status = doc.querySelector('.reset-status');
      if (status) { status.textContent = btn.getAttribute('data-done') || ''; }
    });
  });

  P.view(showHome);
})();
