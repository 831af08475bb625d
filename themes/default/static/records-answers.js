/* darslik records of answers (SPEC §9), after records.js, on the pages that
   have questions: each practice answer and each test attempt, with the texts
   the learner saw, into records.js's log. ES5, no network, not in SCORM. */
(function () {
  'use strict';
  var win = window, body = document.body, R = win.darslikRecords, ABC = 'abcdefghijklmnopqrstuvwxyz0123456789';
  /* An older records.js (a course's own copy of the theme) logs answers itself. */
  if (!R || !R.add) { return; }
  var each = R.each, text = R.text, find = R.find, lang = R.lang, title = R.title, add = R.add;
  function at(list, v) {
    for (var j = 0; j < list.length; j++) { if (list[j] === v) { return j; } }
    return -1;
  }

  /* Texts in source order and the response in xAPI syntax, ids as scorm.js:
     options a, b…; matching 1, 2… to sides and ordering items by key.a. */
  function answered(qid, kind, r, key, ok, test, n) {
    var fs = find('fieldset.quiz-q', 'data-qid', qid) || body, a = key && key.a || [], t = {}, out = [], j;
    var d = { n: text(fs.querySelector('.quiz-prompt')), c: [], y: kind === 'matching' ? kind : 'sequencing' };
    function by(sel, attr, get) { each(fs.querySelectorAll(sel), function (el) { t[el.getAttribute(attr)] = text(get(el)); }); }
    function id(v) { return ABC.charAt(at(a, v)); }
    if (/^(single|multiple)$/.test(kind)) {
      d.y = 'choice';
      by('.quiz-opt input', 'value', function (i) { return i.parentNode.querySelector('.quiz-opt-text'); });
      for (j = 0; t[j] !== undefined; j++) { d.c.push(t[j]); }
      each([].concat(r === null || r === undefined ? [] : r), function (v) { out.push(ABC.charAt(v)); });
    } else if (kind === 'short') {
      out = [String(r || '').replace(/\s+/g, ' ').replace(/^ | $/g, '')];
      /* a number against a key of ranges only is numeric, as in scorm.js */
      d.y = key && key.r && key.r.length && key.r.length === (key.s || key.t || []).length && /^-?\d+([.,]\d+)?$/.test(out[0]) ? 'numeric' : 'fill-in';
    } else {
      if (d.y === 'matching') {
        d.s = [];
        each(fs.querySelectorAll('.quiz-pair'), function (p) { d.s[+p.getAttribute('data-left')] = text(p.querySelector('.quiz-left')); });
        by('.quiz-pair select option', 'value', function (o) { return o; });
      } else {
        by('.quiz-item', 'data-value', function (li) { return li.querySelector('.quiz-item-text'); });
      }
      each(a, function (v) { d.c.push(t[v] || ''); });
      each(r, function (v, i) { if (id(v)) { out.push(d.s ? i + 1 + '[.]' + id(v) : id(v)); } });
    }
    add({ k: 'a', o: qid, l: lang(fs), r: out.join('[,]'), s: ok ? 1 : 0, x: test, n: n }, d);
  }

  var H = win.darslik || (win.darslik = {}), onAnswer = H.onAnswer, onSubmit = H.onSubmit;
  H.onAnswer = function (a) {
    try { answered(a.qid, a.kind, a.response, a.answer, a.correct, 'practice'); } catch (e) { /* never break the quiz */ }
    if (onAnswer) { onAnswer(a); }
  };
  H.onSubmit = function (res) {
    try {
      var el = find('.assess', 'data-assess', res.page);
      each(res.results, function (x) { answered(x.qid, x.kind, x.response, x.key, x.correct, res.kind, res.attempt); });
      add({ k: 't', o: res.page + '.md', l: lang(el), x: res.kind, n: res.attempt, c: Math.max(0, Math.min(100, res.score)) }, { n: title(el) });
    } catch (e) { /* never break the test */ }
    if (onSubmit) { onSubmit(res); }
  };
}());
