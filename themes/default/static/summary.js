/* darslik module result (summary.js): the score and result of a module on
   its last page and at the end of a module document, from progress.js's
   state, and the button that tries the practice questions again. ES5. */
(function () {
  'use strict';
  var doc = document, P = window.darslikProgress;
  /* An older progress.js (a course's own copy of the theme) draws the result itself. */
  if (!P || !P.view || !doc.querySelectorAll) { return; }
  function each(list, fn) { for (var i = 0; i < list.length; i++) { fn(list[i], i); } }

  function showSummaries() {
    each(doc.querySelectorAll('[data-summary]'), function (box) {
      var m = P.data(box)[0];
      if (!m) { return; }
      var st = P.moduleStatus(m);
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
    return P.fill(t.home_score || '{percent}%', st.percent);
  }
  /* "N questions, k answered correctly": a scenario's share of one right
     answer makes k fractional; it is shown rounded. */
  function countScore(m, st) {
    var t = m.t || {};
    var text = t.score && t.score[Math.round(st.correct)];
    return P.fill(typeof text === 'string' ? text : (t.home_score || '{percent}%'), st.percent);
  }

  each(doc.querySelectorAll('.summary-retry'), function (btn) {
    btn.addEventListener('click', function () {
      var m = P.data(btn.parentNode)[0];
      var state = P.state(), quiz = window.darslikQuiz;
      if (m) { each(m.qids, function (q) { delete state.answers[q]; }); }
      P.save();
      if (quiz && quiz.reset) { quiz.reset(); }
      showSummaries();
      var first = doc.querySelector('.quiz-q input');
      if (first) { first.focus(); }
    });
  });

  P.view(showSummaries);
})();
