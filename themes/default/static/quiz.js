/* darslik quizzes (markup: src/markdown/quiz.rs). Plain ES5, no network.
 * Strings come from .quiz data-correct / data-incorrect / data-answer-first.
 * After each check: window.darslik.onAnswer({qid, response, correct, kind, answer}).
 * window.darslikQuiz: restore(qid, response, checked), reset(), questions(), check(qid). */
(function () {
  'use strict';
  var doc = document;

  function each(list, fn) {
    for (var i = 0; i < list.length; i++) { fn(list[i], i); }
  }
  function has(el, c) {
    return (' ' + el.className + ' ').indexOf(' ' + c + ' ') >= 0;
  }
  function add(el, c) {
    if (!has(el, c)) { el.className = (el.className ? el.className + ' ' : '') + c; }
  }
  function rm(el, c) {
    el.className = (' ' + el.className + ' ').replace(' ' + c + ' ', ' ').replace(/^\s+|\s+$/g, '');
  }
  function one(root, cls) {
    return root.querySelector('.' + cls);
  }
  function str(fs, attr) {
    var el = fs.parentNode;
    while (el && el.nodeType === 1 && !has(el, 'quiz')) { el = el.parentNode; }
    return (el && el.nodeType === 1 && el.getAttribute(attr)) || '';
  }
  function inputs(fs) {
    return fs.querySelectorAll('input[type=radio],input[type=checkbox]');
  }
  function labelOf(inp) {
    var el = inp.parentNode;
    while (el && el.tagName && el.tagName !== 'LABEL') { el = el.parentNode; }
    return el && el.tagName === 'LABEL' ? el : null;
  }
  function answer(fs) {
    var out = [];
    each((fs.getAttribute('data-answer') || '').split(','), function (s) {
      if (/^\d+$/.test(s)) { out.push(parseInt(s, 10)); }
    });
    return out;
  }
  function chosen(fs) {
    var out = [];
    each(inputs(fs), function (inp) { if (inp.checked) { out.push(parseInt(inp.value, 10)); } });
    return out;
  }
  function within(list, v) {
    for (var i = 0; i < list.length; i++) { if (list[i] === v) { return true; } }
    return false;
  }
  function verdict(fs) {
    var fb = one(fs, 'quiz-feedback');
    if (!fb) { return null; }
    var v = one(fb, 'quiz-verdict');
    if (!v) {
      v = doc.createElement('span');
      v.className = 'quiz-verdict';
      fb.insertBefore(v, fb.firstChild);
    }
    return v;
  }

  /* Clears marks and verdict; an explanation once shown stays shown. */
  function clear(fs) {
    each(inputs(fs), function (inp) {
      var l = labelOf(inp);
      if (l) { rm(l, 'is-correct'); rm(l, 'is-wrong'); }
    });
    var fb = one(fs, 'quiz-feedback');
    if (fb) { rm(fb, 'is-correct'); rm(fb, 'is-wrong'); }
    var v = verdict(fs);
    if (v) { v.textContent = ''; }
    rm(fs, 'is-checked');
  }

  /* Grades one question; null when nothing is chosen. */
  function grade(fs, notify) {
    var right = answer(fs), resp = chosen(fs), ok = resp.length === right.length;
    var fb = one(fs, 'quiz-feedback'), v = verdict(fs);
    clear(fs);
    if (!resp.length) {
      if (v) { v.textContent = str(fs, 'data-answer-first'); }
      return null;
    }
    each(resp, function (i) { if (!within(right, i)) { ok = false; } });
    each(inputs(fs), function (inp) {
      var l = labelOf(inp);
      if (!l) { return; }
      if (within(right, parseInt(inp.value, 10))) { add(l, 'is-correct'); } else if (inp.checked) { add(l, 'is-wrong'); }
    });
    if (v) { v.textContent = str(fs, ok ? 'data-correct' : 'data-incorrect'); }
    if (fb) {
      add(fb, ok ? 'is-correct' : 'is-wrong');
      /* Into the live region, so that it is announced with the verdict. */
      var ex = one(fs, 'quiz-explanation');
      if (ex) {
        if (ex.parentNode !== fb) { fb.appendChild(ex); }
        ex.removeAttribute('hidden');
      }
    }
    add(fs, 'is-checked');
    var res = { qid: fs.getAttribute('data-qid'), response: resp, correct: ok,
      kind: fs.getAttribute('data-kind'), answer: right };
    /* The same question in the other locales of a multilingual document. */
    if (notify) {
      each(twins(res.qid), function (o) { if (o !== fs) { select(o, resp); grade(o, false); } });
    }
    var d = window.darslik;
    if (notify && d && typeof d.onAnswer === 'function') {
      try { d.onAnswer(res); } catch (e) { /* a listener must not break the quiz */ }
    }
    return res;
  }

  function setup(fs) {
    if (fs.getAttribute('data-quiz-ready')) { return; }
    fs.setAttribute('data-quiz-ready', '1');
    var btn = one(fs, 'quiz-check');
    if (btn) {
      btn.removeAttribute('hidden');
      btn.addEventListener('click', function () { grade(fs, true); }, false);
    }
    each(inputs(fs), function (inp) {
      inp.addEventListener('change', function () { clear(fs); }, false);
    });
  }
  function all() {
    return doc.querySelectorAll('.quiz .quiz-q');
  }
  /* Every fieldset of a question: one per locale in a multilingual document. */
  function twins(qid) {
    var out = [];
    each(all(), function (fs) { if (fs.getAttribute('data-qid') === qid) { out.push(fs); } });
    return out;
  }
  function find(qid) {
    return twins(qid)[0] || null;
  }
  function select(fs, resp) {
    setup(fs);
    each(inputs(fs), function (inp) { inp.checked = within(resp || [], parseInt(inp.value, 10)); });
    clear(fs);
  }
  function init() {
    each(all(), setup);
    each(doc.querySelectorAll('.quiz'), function (q) { add(q, 'quiz-js'); });
  }

  window.darslikQuiz = {
    /* Re-selects saved answers; shows feedback when checked; no onAnswer.
       Returns false for an unknown qid; true when not checked; when checked,
       the grade against this page ({correct, ...}), or null when none of the
       saved options exists here any more (nothing restored, no verdict). */
    restore: function (qid, resp, checked) {
      var list = twins(qid), out = false;
      each(list, function (fs, i) {
        select(fs, resp);
        var res = true;
        if (checked) {
          res = grade(fs, false);
          if (!res) { clear(fs); }
        }
        if (i === 0) { out = res; }
      });
      return out;
    },
    /* Clears every answer, mark and feedback of the page. */
    reset: function () {
      each(all(), function (fs) {
        each(inputs(fs), function (inp) { inp.checked = false; });
        clear(fs);
        var ex = one(fs, 'quiz-explanation');
        if (ex) { ex.setAttribute('hidden', ''); }
      });
    },
    questions: function () {
      var out = [];
      each(all(), function (fs) { out.push(fs.getAttribute('data-qid')); });
      return out;
    },
    check: function (qid) {
      var fs = find(qid);
      return fs ? grade(fs, true) : null;
    }
  };

  /* Now for the quizzes already parsed (script at the end of body), and again
     when the document is complete (setup is idempotent). */
  init();
  if (doc.readyState === 'loading') { doc.addEventListener('DOMContentLoaded', init, false); }
}());
