/* darslik practice quizzes (markup: src/markdown/quiz). Plain ES5, no network.
 * Strings come from .quiz data-correct / data-incorrect / data-answer-first.
 * Single and multiple choice are graded here; matching, ordering and short
 * answers through window.darslikForms (forms.js, loaded first). Graded blocks
 * (.quiz-graded) belong to assess.js and are left alone.
 * After each check: window.darslik.onAnswer({qid, response, correct, kind, answer}),
 * answer = the key object ({a: [...]}, or {t, r, s}) for the new kinds.
 * window.darslikQuiz: restore(qid, response, checked), reset(), questions(), check(qid). */
(function () {
  'use strict';
  var doc = document;
  var forms = window.darslikForms || null;
  /* Kinds that forms.js reads, grades and marks. */
  function isNew(fs) {
    var k = fs.getAttribute('data-kind');
    return !!forms && (k === 'matching' || k === 'ordering' || k === 'short');
  }

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
    if (isNew(fs)) { forms.unmark(fs); }
    var fb = one(fs, 'quiz-feedback');
    if (fb) { rm(fb, 'is-correct'); rm(fb, 'is-wrong'); }
    var v = verdict(fs);
    if (v) { v.textContent = ''; }
    rm(fs, 'is-checked');
  }

  /* Shows the explanation inside the live region, so that it is announced
     with the verdict. */
  function explain(fs, ok) {
    var fb = one(fs, 'quiz-feedback');
    if (!fb) { return; }
    add(fb, ok ? 'is-correct' : 'is-wrong');
    var ex = one(fs, 'quiz-explanation');
    if (ex) {
      if (ex.parentNode !== fb) { fb.appendChild(ex); }
      ex.removeAttribute('hidden');
    }
  }
  function announced(fs) {
    var a = fs.querySelector('.quiz-feedback .quiz-announce');
    if (a) { a.textContent = ''; }
  }
  /* After a check: the other locales' copies of the question (a multilingual
     document) take the same answer, then the listener hears of it. */
  function tell(res, notify, put) {
    if (notify) {
      each(twins(res.qid), function (o) { if (o !== res.fs) { put(o); grade(o, false); } });
    }
    delete res.fs;
    var d = window.darslik;
    if (notify && d && typeof d.onAnswer === 'function') {
      try { d.onAnswer(res); } catch (e) { /* a listener must not break the quiz */ }
    }
    return res;
  }
  /* Matching, ordering, short answer: graded by forms.js against data-answer. */
  function gradeNew(fs, notify) {
    var v = verdict(fs), resp = forms.read(fs), key = forms.key(fs);
    var kind = fs.getAttribute('data-kind');
    clear(fs);
    announced(fs);
    if (resp === null) {
      if (v) { v.textContent = str(fs, 'data-answer-first'); }
      return null;
    }
    var ok = forms.grade(kind, resp, key);
    /* The right answer is shown after a wrong one, as the right options of a
       choice question are. */
    forms.mark(fs, resp, key, !ok);
    if (v) { v.textContent = str(fs, ok ? 'data-correct' : 'data-incorrect'); }
    explain(fs, ok);
    add(fs, 'is-checked');
    return tell({ qid: fs.getAttribute('data-qid'), response: resp, correct: ok, kind: kind, answer: key, fs: fs },
      notify, function (o) { forms.write(o, resp); });
  }

  /* Grades one question; null when nothing is chosen. */
  function grade(fs, notify) {
    if (isNew(fs)) { return gradeNew(fs, notify); }
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
    if (isNew(fs)) {
      forms.setup(fs, function () { clear(fs); });
      /* Enter in a short answer checks it, as a one-field form would submit. */
      var box = fs.querySelector('.quiz-short input');
      if (box) {
        box.addEventListener('keydown', function (ev) {
          if ((ev.key === 'Enter' || ev.keyCode === 13) && !ev.isComposing) {
            if (ev.preventDefault) { ev.preventDefault(); }
            grade(fs, true);
          }
        }, false);
      }
      return;
    }
    each(inputs(fs), function (inp) {
      inp.addEventListener('change', function () { clear(fs); }, false);
    });
  }
  /* The practice questions of the page; graded blocks belong to assess.js. */
  function all() {
    var out = [];
    each(doc.querySelectorAll('.quiz .quiz-q'), function (fs) {
      var q = fs.parentNode;
      while (q && q.nodeType === 1 && !has(q, 'quiz')) { q = q.parentNode; }
      if (q && q.nodeType === 1 && !has(q, 'quiz-graded') && !q.hasAttribute('data-graded')) { out.push(fs); }
    });
    return out;
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
  /* Puts a response into the question; false when it does not fit here. */
  function select(fs, resp) {
    setup(fs);
    if (isNew(fs)) {
      var ok = forms.write(fs, resp);
      clear(fs);
      return ok;
    }
    each(inputs(fs), function (inp) { inp.checked = within(resp || [], parseInt(inp.value, 10)); });
    clear(fs);
    return true;
  }
  function init() {
    each(all(), setup);
    each(doc.querySelectorAll('.quiz'), function (q) {
      if (!has(q, 'quiz-graded') && !q.hasAttribute('data-graded')) { add(q, 'quiz-js'); }
    });
  }

  window.darslikQuiz = {
    /* Re-selects saved answers; shows feedback when checked; no onAnswer.
       Returns false for an unknown qid; true when not checked; when checked,
       the grade against this page ({correct, ...}), or null when none of the
       saved options exists here any more (nothing restored, no verdict). */
    restore: function (qid, resp, checked) {
      var list = twins(qid), out = false;
      each(list, function (fs, i) {
        var fits = select(fs, resp);
        var res = true;
        if (!fits) {
          /* A saved answer of another shape (the question changed form). */
          select(fs, null);
          res = checked ? null : true;
        } else if (checked) {
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
        if (isNew(fs)) { forms.write(fs, null); announced(fs); }
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
