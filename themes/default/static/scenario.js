/* darslik case scenarios (markup: src/markdown/scenario, SPEC §8). ES5, no
 * network. Without JavaScript every step is shown and the choices are links
 * to their steps. Here: one step at a time, Back and Restart, the choice's
 * feedback at the top of the step it leads to, the path and the score at an
 * ending. The run is window.darslikProgress.state().scen[sid] =
 * {p: [choice index...], d: 0|1 (reached an ending), b: best finished percent},
 * saved through progress.js (a page without it still plays, unsaved).
 * After each choice the learner makes: window.darslik.onChoice({sid, step,
 * choice, target, points, good, end, percent}); none when a saved run is
 * replayed. Everything is scoped per section: a module document holds many. */
(function () {
  'use strict';
  var doc = document;
  if (!doc.querySelectorAll || !window.JSON) { return; }

  function each(list, fn) { for (var i = 0; i < list.length; i++) { fn(list[i], i); } }
  function has(el, c) { return (' ' + el.className + ' ').indexOf(' ' + c + ' ') >= 0; }
  function hide(el, yes) { if (el) { if (yes) { el.setAttribute('hidden', ''); } else { el.removeAttribute('hidden'); } } }
  function int(s, d) { var n = parseInt(s, 10); return isNaN(n) ? d : n; }
  /* The element children of `el` with class `c`. */
  function kids(el, c) {
    var out = [];
    each(el ? el.childNodes : [], function (k) { if (k.nodeType === 1 && has(k, c)) { out.push(k); } });
    return out;
  }
  function kid(el, c) { return kids(el, c)[0] || null; }
  function closest(el, stop) {
    while (el && el !== stop && el.nodeType === 1) {
      if (el.tagName === 'A' || el.tagName === 'BUTTON') { return el; }
      el = el.parentNode;
    }
    return null;
  }
  function make(tag, cls, text) {
    var el = doc.createElement(tag);
    if (cls) { el.className = cls; }
    if (text) { el.appendChild(doc.createTextNode(text)); }
    return el;
  }
  /* A copy of an element's contents (the page's own, already clean, HTML). */
  function copy(from, into) {
    each(from.childNodes, function (n) { into.appendChild(n.cloneNode(true)); });
    return into;
  }
  function fill(t, vars) {
    return String(t).replace(/\{(\w+)\}/g, function (m, k) { return vars.hasOwnProperty(k) ? String(vars[k]) : m; });
  }
  /* Texts the build puts into data-strings; English when one is missing. */
  var EN = {
    status: 'Step {n}', path: 'Your path', points: 'points: {points}', finished: 'You reached an ending.',
    score: '{points} of {best} points ({percent}%)', best_run: 'Your best finished run: {percent}%',
    unscored: '', start_again: 'Start the scenario again'
  };

  /* The state: progress.js's, or one of our own. Read without creating. */
  var own = { scen: {} };
  function state() {
    var p = window.darslikProgress, s = null;
    try { s = p && p.state ? p.state() : null; } catch (e) { s = null; }
    s = s || own;
    if (!s.scen || typeof s.scen !== 'object') { s.scen = {}; }
    return s.scen;
  }
  function read(sid) {
    var r = state()[sid];
    return r && typeof r === 'object' && r.p instanceof Array ? r : { p: [], d: 0 };
  }
  function write(sid, r) {
    state()[sid] = r;
    var p = window.darslikProgress;
    if (p && p.save) {
      try { p.save(); if (p.refresh) { p.refresh(); } } catch (e) { /* progress must not break the scenario */ }
    }
  }

  /* One section's steps and choices, read from its markup. */
  function model(sec) {
    var m = { sec: sec, sid: sec.getAttribute('data-sid') || sec.id, best: int(sec.getAttribute('data-best'), 0),
      steps: {}, t: EN, bar: kid(sec, 'scenario-bar'), result: kid(sec, 'scenario-result') };
    try {
      var t = JSON.parse(sec.getAttribute('data-strings') || '{}'), all = {};
      each([EN, t], function (o) { for (var k in o) { if (o.hasOwnProperty(k) && typeof o[k] === 'string') { all[k] = o[k]; } } });
      m.t = all;
    } catch (e) { /* English */ }
    each(kids(sec, 'scenario-step'), function (el) {
      var choices = [];
      each(kids(el, 'scenario-choices'), function (ul) {
        each(ul.getElementsByTagName('a'), function (a) {
          if (has(a, 'scenario-choice')) { choices[int(a.getAttribute('data-choice'), choices.length)] = a; }
        });
      });
      var id = el.getAttribute('data-step');
      m.steps[id] = { id: id, el: el, end: el.hasAttribute('data-end'), choices: choices, text: kid(el, 'scenario-text') || el };
      if (!m.start) { m.start = id; }
    });
    m.start = sec.getAttribute('data-start') || m.start;
    return m.steps[m.start] ? m : null;
  }

  /* A path from the start: where it leads and the choices taken. A saved
     path that no longer fits the scenario stops where it stops fitting. */
  function walk(m, path) {
    var at = m.start, taken = [], points = 0;
    for (var i = 0; i < path.length; i++) {
      var s = m.steps[at], a = s.choices[path[i]], to = a && a.getAttribute('data-target');
      if (!a || s.end || !m.steps[to]) { break; }
      var pts = int(a.getAttribute('data-points'), 0);
      taken.push({ step: at, i: path[i], a: a, to: to, points: pts });
      points += pts;
      at = to;
    }
    return { at: at, taken: taken, points: points, end: m.steps[at].end };
  }
  function indices(w) {
    var p = [];
    each(w.taken, function (c) { p.push(c.i); });
    return p;
  }
  function percent(m, points) {
    return m.best > 0 ? Math.max(0, Math.min(100, Math.round(100 * points / m.best))) : null;
  }
  function signed(n) { return n > 0 ? '+' + n : String(n); }

  /* The choice's text and its feedback, as shown after it was made. */
  function said(m, c, tag, cls) {
    var box = make(tag, cls);
    var p = make('p', 'scenario-said-choice');
    copy(c.a, p.appendChild(make('span', 'scenario-said-text')));
    if (m.best > 0) { p.appendChild(make('span', 'scenario-said-points', ' (' + fill(m.t.points, { points: signed(c.points) }) + ')')); }
    box.appendChild(p);
    var fb = kid(c.a.parentNode, 'scenario-feedback');
    if (fb) { copy(fb, box.appendChild(make('div', 'scenario-said-feedback'))); }
    return box;
  }

  function show(m, focus) {
    var r = read(m.sid), w = walk(m, r.p), cur = m.steps[w.at];
    each(m.sec.querySelectorAll('.scenario-said'), function (el) { el.parentNode.removeChild(el); });
    for (var id in m.steps) { if (m.steps.hasOwnProperty(id)) { hide(m.steps[id].el, id !== w.at); } }
    if (w.taken.length) { cur.text.insertBefore(said(m, w.taken[w.taken.length - 1], 'div', 'scenario-said'), cur.text.firstChild); }
    if (m.bar) {
      hide(m.bar, false);
      each(m.bar.getElementsByTagName('button'), function (b) { b.disabled = !w.taken.length; });
      var status = kid(m.bar, 'scenario-status');
      if (status) { status.textContent = statusText(m, w); }
    }
    if (m.result) {
      m.result.innerHTML = '';
      hide(m.result, !w.end);
      if (w.end) { result(m, r, w); }
    }
    if (focus) {
      cur.text.setAttribute('tabindex', '-1');
      cur.text.focus();
    }
    return w;
  }

  /* "Step n"; at an ending also that it is one, and the score. */
  function statusText(m, w) {
    var t = fill(m.t.status, { n: w.taken.length + 1 });
    if (!w.end) { return t; }
    var pc = percent(m, w.points);
    return t + ' \u00b7 ' + m.t.finished + (pc === null ? '' : ' ' + fill(m.t.score, { percent: pc, points: w.points, best: m.best }));
  }

  /* At an ending: every choice of the run, its feedback and points; the score. */
  function result(m, r, w) {
    var box = m.result;
    box.appendChild(make('p', 'scenario-result-title', m.t.path));
    var ol = box.appendChild(make('ol', 'scenario-path'));
    each(w.taken, function (c) { ol.appendChild(said(m, c, 'li', 'scenario-path-item')); });
    var pc = percent(m, w.points);
    if (pc !== null) {
      box.appendChild(make('p', 'scenario-score', fill(m.t.score, { percent: pc, points: w.points, best: m.best })));
      if (typeof r.b === 'number' && r.b > pc) { box.appendChild(make('p', 'scenario-best', fill(m.t.best_run, { percent: r.b }))); }
    } else if (m.t.unscored) {
      box.appendChild(make('p', 'scenario-score', m.t.unscored));
    }
    var again = box.appendChild(make('button', 'scenario-result-again', m.t.start_again));
    again.setAttribute('type', 'button');
  }

  var models = [];
  /* Every copy of a scenario (one per locale in a multilingual document). */
  function twins(m, fn) { each(models, function (o) { if (o.sid === m.sid) { fn(o); } }); }

  function change(m, r) {
    write(m.sid, r);
    twins(m, function (o) { show(o, o === m); });
  }
  function choose(m, a) {
    var r = read(m.sid), w = walk(m, r.p);
    var s = m.steps[w.at], i = -1;
    each(s.choices, function (c, j) { if (c === a) { i = j; } });
    if (i < 0) { return; }
    var p = indices(w);
    p.push(i);
    var after = walk(m, p), pc = after.end ? percent(m, after.points) : null;
    var next = { p: p, d: after.end ? 1 : 0 };
    if (typeof r.b === 'number') { next.b = r.b; }
    if (pc !== null) { next.b = typeof r.b === 'number' ? Math.max(r.b, pc) : pc; }
    change(m, next);
    var d = window.darslik;
    if (d && typeof d.onChoice === 'function') {
      try {
        d.onChoice({ sid: m.sid, step: s.id, choice: i, target: after.at, points: int(a.getAttribute('data-points'), 0),
          good: a.hasAttribute('data-good'), end: after.end, percent: after.end ? pc : null });
      } catch (e) { /* a listener must not break the scenario */ }
    }
  }
  function restart(m, back) {
    var r = read(m.sid), p = back ? indices(walk(m, r.p)) : [];
    p.pop();
    var next = { p: p, d: 0 };
    if (typeof r.b === 'number') { next.b = r.b; }
    change(m, next);
  }

  function setup(sec) {
    if (sec.getAttribute('data-scenario-ready')) { return; }
    var m = model(sec);
    if (!m) { return; }
    sec.setAttribute('data-scenario-ready', '1');
    sec.className += ' scenario-js';
    /* The status line says that an ending is reached, and the score; the
       result below is read from the ending on, not announced at once. */
    if (m.result) { m.result.removeAttribute('aria-live'); }
    models.push(m);
    sec.addEventListener('click', function (ev) {
      var el = closest(ev.target, sec);
      if (!el) { return; }
      var act = null;
      if (el.tagName === 'A') {
        var href = el.getAttribute('href') || '';
        if (has(el, 'scenario-choice')) {
          act = function () { choose(m, el); };
        } else if (href.charAt(0) === '#' && m.steps[m.start].el.id === href.slice(1)) {
          act = function () { restart(m, false); }; /* an ending's link back to the start */
        }
      } else if (has(el, 'scenario-back')) {
        act = function () { restart(m, true); };
      } else if (has(el, 'scenario-restart') || has(el, 'scenario-result-again')) {
        act = function () { restart(m, false); };
      }
      if (!act) { return; }
      if (ev.preventDefault) { ev.preventDefault(); }
      /* A module document's pager follows # links: this one is ours. */
      if (ev.stopPropagation) { ev.stopPropagation(); }
      act();
    }, false);
    each(kids(sec, 'scenario-facilitator'), function (d) {
      d.addEventListener('toggle', function () { fit(sec); }, false);
    });
    fit(sec);
    var r = read(m.sid), w = show(m, false);
    /* The saved path, replayed silently; what no longer fits is dropped. */
    if (w.taken.length !== r.p.length || (w.end ? 1 : 0) !== (r.d ? 1 : 0)) {
      var fixed = { p: indices(w), d: w.end ? 1 : 0 };
      if (typeof r.b === 'number') { fixed.b = r.b; }
      write(m.sid, fixed);
    }
  }

  /* The diagram shrinks to the column, but to no less than 85% of its size
     (11 px labels stay over 9 px): a phone scrolls it sideways, and the
     keyboard can then reach it to scroll. */
  function fit(sec) {
    each(sec.querySelectorAll('.scenario-diagram'), function (fig) {
      var svg = fig.getElementsByTagName('svg')[0], w = svg ? int(svg.getAttribute('width'), 0) : 0;
      if (!w) { return; }
      svg.style.minWidth = Math.round(w * 0.85) + 'px';
      if (fig.scrollWidth > fig.clientWidth + 1) { fig.setAttribute('tabindex', '0'); } else { fig.removeAttribute('tabindex'); }
    });
  }

  /* Paper: the facilitator's view open (the stylesheet shows every step). */
  var opened = [];
  function beforePrint() {
    each(doc.querySelectorAll('details.scenario-facilitator'), function (d) {
      if (!d.hasAttribute('open')) { d.setAttribute('open', ''); opened.push(d); }
    });
  }
  function afterPrint() {
    each(opened, function (d) { d.removeAttribute('open'); });
    opened = [];
  }
  if (window.addEventListener) {
    window.addEventListener('beforeprint', beforePrint, false);
    window.addEventListener('afterprint', afterPrint, false);
    window.addEventListener('resize', function () { each(models, function (m) { fit(m.sec); }); }, false);
  }

  function init() { each(doc.querySelectorAll('section.scenario'), setup); }
  window.darslikScenario = {
    /* Shows every scenario again from the state (after it changed elsewhere). */
    refresh: function () { each(models, function (m) { show(m, false); }); }
  };
  init();
  if (doc.readyState === 'loading') { doc.addEventListener('DOMContentLoaded', init, false); }
}());
