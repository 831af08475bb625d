// Real-Chromium acceptance checks of knowledge checks and offline progress
// (issue 3; SPEC §3, §5, §7), over file:// with the network disabled, on the
// sample course's module-06 in en and ru. The module has a pre-test, a
// practice page and a post-test (issue 19): its result is the post-test's
// best attempt, and practice answers do not count toward it.
//
//   - answer every practice question wrongly, then rightly: verdicts,
//     explanations; reload: the answers are still there; they give no module
//     result; the post-test's best attempt of two is the module score and
//     result, and practice answers changed afterwards do not move it; the
//     course home shows pages seen, score, a continue link to the last page
//     visited; reset clears it all (practice answers and test attempts)
//   - post-test attempts: score = round(right / n x 100) on both sides of the
//     pass mark; the pre-test never counts; "Check" with nothing chosen
//   - a module with practice questions only (the sample course built without
//     its tests): mixed answers, score = round(correct / total x 100), both
//     sides of the pass mark, and "try again" clears the module's answers;
//     stored answers are graded again against the page
//   - practice questions answered with the keyboard only
//
// Every page of every test must make no request outside <dist>/site/, and
// log no console error or uncaught exception.
//
//   node --test tests/browser/          (from the repository root)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatProblems, gotoSettled, launch, offlineContext, stripUrl, watchPage } from './lib.mjs';
import { practiceOnlyOutput } from './a11ykit.mjs';
import {
  PRACTICE,
  SITE,
  TEXT,
  answer,
  courseConfig,
  modulePages,
  pageKind,
  percentOf,
  practicePages,
  readPanel,
  readQuestions,
  readQuiz,
  readSummary,
  readTest,
  rightSet,
  startAgain,
  takeAttempt,
  testPage,
  testState,
  waitVerdict,
  wrongSet,
} from './quizkit.mjs';

const MODULE = 'module-06';
const LOCALES = ['en', 'ru'];
const COURSE = courseConfig();

const url = (locale, rel, site = SITE) => pathToFileURL(path.join(site, locale, rel)).href;

let browser;
let practiceOnly;
before(async () => {
  if (!fs.existsSync(path.join(SITE, 'index.html'))) {
    throw new Error(`${path.join(SITE, 'index.html')} not found: build the course first (cargo run --release -- build --format site), or set DARSLIK_DIST`);
  }
  practiceOnly = practiceOnlyOutput();
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
  if (practiceOnly) practiceOnly.cleanup();
});

/** A fresh offline context (empty localStorage) and a watched page; fails on any problem seen. */
async function withPage(fn, options = {}, site = SITE) {
  const { context, blocked } = await offlineContext(browser, options);
  try {
    const page = await context.newPage();
    const problems = watchPage(page, site);
    await fn(page, problems);
    for (const u of blocked) if (!problems.some((p) => p.url === u)) problems.push({ page: '(context)', kind: 'external', detail: `blocked: ${u}` });
    if (problems.length) assert.fail(`${problems.length} problem(s) in the browser:\n${formatProblems(problems)}`);
  } finally {
    await context.close();
  }
}

async function open(page, problems, href) {
  problems.current = href;
  const landed = await gotoSettled(page, href);
  assert.equal(stripUrl(landed), stripUrl(href), `opening ${href} landed on ${landed}`);
}

const setStr = (s) => `[${s.join(',')}]`;

/** Every question shows `expect` ('correct' | 'wrong') with the right marks and explanation. */
function assertVerdicts(shown, qs, strings, expect, chosen, when) {
  assert.equal(shown.length, qs.length, `${when}: number of questions shown`);
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i];
    const s = shown[i];
    const where = `${when}: question ${q.qid}`;
    assert.deepEqual(s.checked, chosen[i], `${where}: selected options`);
    assert.equal(s.verdict, expect === 'correct' ? strings.correct : strings.incorrect, `${where}: verdict text`);
    assert.ok(s.verdictVisible, `${where}: verdict is not visible`);
    assert.deepEqual(s.feedback, [expect === 'correct' ? 'is-correct' : 'is-wrong'], `${where}: feedback class`);
    assert.equal(s.feedbackLive, 'polite', `${where}: feedback is not an aria-live region`);
    if (q.hasExplanation) {
      assert.ok(s.explanationVisible, `${where}: the explanation is not shown`);
      assert.ok(s.explanationInFeedback, `${where}: the explanation is not inside the aria-live feedback`);
    }
    // Right options marked right; a chosen wrong option marked wrong; nothing else.
    assert.deepEqual(s.markedCorrect, rightSet(q), `${where}: options marked correct`);
    assert.deepEqual(s.markedWrong, chosen[i].filter((x) => !q.answer.includes(x)), `${where}: options marked wrong`);
  }
}

function assertSummary(summary, locale, total, correct, when) {
  const T = TEXT[locale];
  assert.ok(summary, `${when}: no module summary (section.module-summary[data-summary]) on the page`);
  assert.ok(summary.visible, `${when}: the module summary is hidden`);
  const percent = percentOf(correct, total);
  assert.equal(summary.score, T.score(total, correct, percent), `${when}: summary score`);
  const passed = percent >= COURSE.mastery;
  assert.equal(summary.result, passed ? T.passed(COURSE.mastery) : T.failed(COURSE.mastery), `${when}: summary result`);
  assert.deepEqual(summary.resultClass, [passed ? 'is-passed' : 'is-failed'], `${when}: summary result class`);
}

async function homeState(page) {
  return page.evaluate(() => {
    const vis = (el) => !!el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const cont = document.querySelector('[data-continue]');
    const link = cont && cont.querySelector('a');
    const progress = {};
    for (const el of document.querySelectorAll('[data-module-progress]')) progress[el.getAttribute('data-module-progress')] = el.textContent.trim();
    return {
      progress,
      continueVisible: vis(cont) && vis(link),
      continueHref: link ? link.getAttribute('href') : null,
      continueUrl: link ? link.href : null,
      resetVisible: vis(document.querySelector('[data-reset] .reset-button')),
      status: (document.querySelector('.reset-status')?.textContent || '').trim(),
    };
  });
}

/** The summary before any result: it asks for the answers of the `total` questions that count. */
function assertUnanswered(summary, locale, total, when) {
  assert.ok(summary && summary.visible, `${when}: the module summary is not shown`);
  assert.equal(summary.score, TEXT[locale].unanswered(total), `${when}: summary`);
  assert.equal(summary.result, '', `${when}: summary result`);
}

/** The post-test panel and the module summary after attempts scoring `scores` (percent, in order). */
async function assertAfterAttempts(page, locale, n, scores, when) {
  const T = TEXT[locale];
  const best = Math.max(...scores);
  const panel = await readPanel(page);
  for (const [i, s] of scores.entries()) assert.ok(panel.result.includes(T.attempt(i + 1, s)), `${when}: the panel shows "${T.attempt(i + 1, s)}" (${JSON.stringify(panel.result)})`);
  assert.ok(panel.result.includes(T.best(best)), `${when}: the panel shows "${T.best(best)}" (${JSON.stringify(panel.result)})`);
  const passed = best >= COURSE.mastery;
  assert.ok(panel.result.includes(passed ? T.passed(COURSE.mastery) : T.failed(COURSE.mastery)), `${when}: the panel's verdict (${JSON.stringify(panel.result)})`);
  assert.deepEqual(panel.verdictClass, [passed ? 'is-passed' : 'is-failed'], `${when}: the panel's verdict class`);
  // The module score is the best attempt: round(best x n / 100) of the n questions right.
  const right = Math.round((best * n) / 100);
  assert.equal(percentOf(right, n), best, `${when}: ${best}% is not a score of ${n} questions`);
  assertSummary(await readSummary(page), locale, n, right, `${when}: module summary (best attempt ${best}%)`);
}

/** The n-th question shown is answered rightly when i < k. */
const firstRight = (k) => (i) => (i < k ? 'right' : 'wrong');

for (const locale of LOCALES) {
  test(`${locale}: ${MODULE} practice wrong then right, reload keeps answers; the post-test's best attempt is the module result, practice does not count; home shows progress and continue; reset clears`, async () => {
    const T = TEXT[locale];
    const pages = modulePages(locale, MODULE);
    const practice = practicePages(locale, MODULE);
    assert.equal(practice.length, 1, `${MODULE} (${locale}) should have one practice page, has ${practice.join(', ')}`);
    const quizRel = practice[0];
    const quizUrl = url(locale, quizRel);
    const postRel = testPage(locale, MODULE, 'post-test');
    const postUrl = url(locale, postRel);
    assert.equal(postRel, pages[pages.length - 1], 'the post-test is the last page of the module');
    await withPage(async (page, problems) => {
      await open(page, problems, quizUrl);
      const { strings, questions: qs } = await readQuestions(page);
      assert.ok(qs.length > 0, `no practice question (${PRACTICE} .quiz-q) on ${quizRel}`);
      assert.ok(strings && strings.correct && strings.incorrect, `.quiz has no data-correct / data-incorrect`);

      // 1. Every practice question wrongly.
      const wrong = qs.map((q) => wrongSet(q, 'superset'));
      for (let i = 0; i < qs.length; i++) await answer(page, qs[i], wrong[i]);
      assertVerdicts(await readQuiz(page), qs, strings, 'wrong', wrong, 'all wrong');

      // Stored under darslik:<course>:<version>:<locale>:progress.
      const key = `darslik:${COURSE.id}:${COURSE.version}:${locale}:progress`;
      const keys = await page.evaluate(() => Object.keys(localStorage));
      assert.ok(keys.includes(key), `localStorage has no key ${key} (keys: ${keys.join(', ')})`);
      const stored = () => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), key);
      for (const q of qs) assert.equal((await stored()).answers[q.qid]?.c, 0, `${q.qid}: the wrong answer is stored as wrong`);

      // 2. Every practice question rightly.
      const right = qs.map(rightSet);
      for (let i = 0; i < qs.length; i++) await answer(page, qs[i], right[i]);
      assertVerdicts(await readQuiz(page), qs, strings, 'correct', right, 'all right');

      // 3. Reload: the answers and verdicts are still there.
      await page.reload({ waitUntil: 'load' });
      for (const q of qs) await waitVerdict(page, q.qid);
      assertVerdicts(await readQuiz(page), qs, strings, 'correct', right, 'after reload');

      // 4. The post-test page: every practice answer right gives no module result.
      await open(page, problems, postUrl);
      const test0 = await readTest(page);
      const n = test0.questions.length;
      assert.ok(n >= 4, `the post-test has ${n} questions`);
      assert.equal(test0.attempts, 2, 'the post-test of the sample course has two attempts');
      assertUnanswered(await readSummary(page), locale, n, 'practice all right, post-test not submitted');
      assert.ok(!(await page.locator('.module-summary .summary-retry').isVisible()), 'a module with a post-test offers no "try again" of the practice questions');

      // 5. Attempt 1: all but one right; attempt 2: all wrong. The best attempt counts.
      const a1 = await takeAttempt(page, firstRight(n - 1));
      assert.deepEqual(a1.state.att, [a1.percent], 'attempt 1 is stored with its score');
      await assertAfterAttempts(page, locale, n, [a1.percent], 'after attempt 1');
      await startAgain(page);
      const a2 = await takeAttempt(page, () => 'wrong');
      assert.deepEqual(a2.state.att, [a1.percent, 0], 'attempt 2 is stored with its score');
      await assertAfterAttempts(page, locale, n, [a1.percent, 0], 'after attempt 2 (worse)');
      assert.ok(a1.percent >= COURSE.mastery, 'attempt 1 passes');

      // 6. Practice answers changed afterwards do not move the module score.
      await open(page, problems, quizUrl);
      for (let i = 0; i < qs.length; i++) await answer(page, qs[i], wrong[i]);
      assertVerdicts(await readQuiz(page), qs, strings, 'wrong', wrong, 'practice all wrong again');
      await open(page, problems, postUrl);
      await assertAfterAttempts(page, locale, n, [a1.percent, 0], 'practice all wrong after the post-test');

      // 7. Reload: the attempts and the result are still there.
      await page.reload({ waitUntil: 'load' });
      await assertAfterAttempts(page, locale, n, [a1.percent, 0], 'after reload');

      // 8. The other pages of the module (landing page first); the last one visited is the continue target.
      // Practice questions are on the practice page only, graded ones on the tests only.
      const others = pages.slice(0, -1);
      for (const rel of others) {
        await open(page, problems, url(locale, rel));
        const count = await page.evaluate((sel) => ({ practice: document.querySelectorAll(sel).length, graded: document.querySelectorAll('.quiz-graded .quiz-q').length }), `${PRACTICE} .quiz-q`);
        assert.equal(count.practice, rel === quizRel ? qs.length : 0, `${rel}: practice questions`);
        assert.equal(count.graded > 0, /-test$/.test(pageKind(locale, rel)), `${rel}: graded questions (${count.graded})`);
      }
      const lastRel = others[others.length - 1];

      // 9. Course home: pages seen, the best attempt as score, completed; continue where you left off.
      const homeUrl = url(locale, 'index.html');
      await open(page, problems, homeUrl);
      let home = await homeState(page);
      assert.equal(home.progress[MODULE], T.home(pages.length, pages.length, a1.percent, true), `home: progress of ${MODULE}`);
      for (const [m, text] of Object.entries(home.progress)) {
        if (m !== MODULE) assert.equal(text, '', `home: progress of ${m}, which was never opened`);
      }
      assert.ok(home.continueVisible, 'home: the continue link is not visible');
      assert.equal(stripUrl(home.continueUrl), url(locale, lastRel), `home: continue link (href="${home.continueHref}")`);
      assert.ok(home.resetVisible, 'home: the reset button is not visible');
      await Promise.all([page.waitForURL(url(locale, lastRel)), page.locator('[data-continue] a').click()]);

      // 10. Reset on the course home.
      await open(page, problems, homeUrl);
      await page.locator('[data-reset] .reset-button').click();
      home = await homeState(page);
      for (const [m, text] of Object.entries(home.progress)) assert.equal(text, '', `after reset: progress of ${m}`);
      assert.ok(!home.continueVisible, 'after reset: the continue link is still visible');
      assert.equal(home.status, T.cleared, 'after reset: status message');
      await page.reload({ waitUntil: 'load' });
      home = await homeState(page);
      for (const [m, text] of Object.entries(home.progress)) assert.equal(text, '', `after reset and reload: progress of ${m}`);
      assert.ok(!home.continueVisible, 'after reset and reload: the continue link is visible again');

      // 11. The practice page has forgotten the answers, the post-test its attempts.
      await open(page, problems, quizUrl);
      const cleared = await readQuiz(page);
      for (const s of cleared) {
        assert.deepEqual(s.checked, [], `after reset: question ${s.qid} still has a selection`);
        assert.equal(s.verdict, '', `after reset: question ${s.qid} still shows a verdict`);
      }
      await open(page, problems, postUrl);
      assert.equal((await testState(page, test0.page))?.att?.length ?? 0, 0, 'after reset: the post-test still has attempts');
      const panel = await readPanel(page);
      assert.ok(panel.submit, 'after reset: Submit is not offered');
      assert.deepEqual(panel.result, [], 'after reset: the panel still shows a result');
      assertUnanswered(await readSummary(page), locale, n, 'after reset');
    });
  });

  test(`${locale}: ${MODULE} post-test attempts score round(right/n*100) on both sides of the pass mark; the pre-test never counts; practice mixed verdicts and Check with nothing chosen`, async () => {
    const T = TEXT[locale];
    const pages = modulePages(locale, MODULE);
    const quizRel = practicePages(locale, MODULE)[0];
    const preUrl = url(locale, testPage(locale, MODULE, 'pre-test'));
    const postUrl = url(locale, testPage(locale, MODULE, 'post-test'));
    await withPage(async (page, problems) => {
      await open(page, problems, url(locale, quizRel));
      const { strings, questions: qs } = await readQuestions(page);
      const total = qs.length;
      assert.ok(total >= 2, `a mixed case needs at least two questions on ${quizRel}`);

      // Check with nothing chosen: a prompt to choose, nothing stored.
      await page.locator(`fieldset.quiz-q[data-qid="${qs[0].qid}"] button.quiz-check`).click();
      await waitVerdict(page, qs[0].qid);
      const answerFirst = await page.locator(PRACTICE).getAttribute('data-answer-first');
      assert.ok(answerFirst, '.quiz has no data-answer-first');
      assert.equal((await readQuiz(page))[0].verdict, answerFirst, 'Check with nothing chosen');
      const key = `darslik:${COURSE.id}:${COURSE.version}:${locale}:progress`;
      const saved = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) || '{}').answers || {}, key);
      assert.ok(!(qs[0].qid in saved), `Check with nothing chosen stored an answer: ${JSON.stringify(saved[qs[0].qid])}`);

      // Right on odd positions (1st, 3rd, ...), wrong (a subset for multiple-answer) on the others.
      const chosen = qs.map((q, i) => (i % 2 === 0 ? rightSet(q) : wrongSet(q, 'subset')));
      for (let i = 0; i < total; i++) await answer(page, qs[i], chosen[i]);
      const shown = await readQuiz(page);
      for (let i = 0; i < total; i++) {
        assert.equal(shown[i].verdict, i % 2 === 0 ? strings.correct : strings.incorrect, `mixed: verdict of ${qs[i].qid} after ${setStr(chosen[i])}`);
        assert.deepEqual(shown[i].checked, chosen[i], `mixed: selection of ${qs[i].qid}`);
      }

      // The pre-test, all right: its own score, never the module's.
      await open(page, problems, preUrl);
      const pre = await takeAttempt(page, () => 'right');
      assert.deepEqual(pre.state.att, [100], 'pre-test: one attempt of 100%');
      await open(page, problems, postUrl);
      const n = (await readTest(page)).questions.length;
      assertUnanswered(await readSummary(page), locale, n, 'pre-test 100% and mixed practice, post-test not submitted');
      await open(page, problems, url(locale, 'index.html'));
      const seen = 3; // the practice page, the pre-test and the post-test
      assert.equal(
        await page.evaluate((m) => document.querySelector(`[data-module-progress="${m}"]`)?.textContent.trim(), MODULE),
        T.home(seen, pages.length, null, false),
        'home: no score while only the pre-test and practice are done',
      );

      // Post-test: the most right answers still below the pass mark, then the fewest at or above it.
      await open(page, problems, postUrl);
      let below = n;
      while (below > 0 && percentOf(below, n) >= COURSE.mastery) below--;
      const above = below + 1;
      assert.ok(percentOf(below, n) < COURSE.mastery && percentOf(above, n) >= COURSE.mastery && above <= n);
      const a1 = await takeAttempt(page, firstRight(below));
      assert.equal(a1.percent, percentOf(below, n));
      assert.deepEqual(a1.state.att, [percentOf(below, n)], `attempt 1: ${below} of ${n} right`);
      assertSummary(await readSummary(page), locale, n, below, `attempt 1: ${below}/${n}`);
      await assertAfterAttempts(page, locale, n, [a1.percent], 'attempt 1');
      await startAgain(page);
      // Answered in another order: the questions and options are shuffled per attempt.
      const a2 = await takeAttempt(page, (i) => (i >= n - above ? 'right' : 'wrong'));
      assert.deepEqual(a2.state.att, [percentOf(below, n), percentOf(above, n)], `attempt 2: ${above} of ${n} right`);
      assertSummary(await readSummary(page), locale, n, above, `attempt 2: ${above}/${n}`);
      await assertAfterAttempts(page, locale, n, [a1.percent, a2.percent], 'attempt 2');
      const panel = await readPanel(page);
      assert.ok(!panel.submit && panel.again === null, 'after the last attempt neither Submit nor "Start attempt 3" is offered');

      await open(page, problems, url(locale, 'index.html'));
      assert.equal(
        await page.evaluate((m) => document.querySelector(`[data-module-progress="${m}"]`)?.textContent.trim(), MODULE),
        T.home(seen, pages.length, a2.percent, false),
        'home: the score is the best post-test attempt',
      );
    });
  });

  test(`${locale}: practice-only module (the sample course without its tests): mixed answers score round(correct/total*100) on both sides of the pass mark; "try again" clears`, async () => {
    const T = TEXT[locale];
    const site = practiceOnly.site;
    const pages = modulePages(locale, MODULE, site);
    const quizRel = pages[pages.length - 1];
    await withPage(
      async (page, problems) => {
        await open(page, problems, url(locale, quizRel, site));
        const { strings, questions: qs } = await readQuestions(page);
        const total = qs.length;
        assert.ok(total >= 2, `a mixed case needs at least two questions on ${quizRel}`);

        // Check with nothing chosen: a prompt to choose, nothing stored.
        await page.locator(`fieldset.quiz-q[data-qid="${qs[0].qid}"] button.quiz-check`).click();
        await waitVerdict(page, qs[0].qid);
        const answerFirst = await page.locator('.quiz').getAttribute('data-answer-first');
        assert.ok(answerFirst, '.quiz has no data-answer-first');
        assert.equal((await readQuiz(page))[0].verdict, answerFirst, 'Check with nothing chosen');
        assert.equal((await readSummary(page)).score, T.unanswered(total), 'summary after Check with nothing chosen');

        // Right on odd positions (1st, 3rd, ...), wrong (a subset for multiple-answer) on the others.
        let chosen = qs.map((q, i) => (i % 2 === 0 ? rightSet(q) : wrongSet(q, 'subset')));
        for (let i = 0; i < total; i++) await answer(page, qs[i], chosen[i]);
        let correct = Math.ceil(total / 2);
        let shown = await readQuiz(page);
        for (let i = 0; i < total; i++) {
          assert.equal(shown[i].verdict, i % 2 === 0 ? strings.correct : strings.incorrect, `mixed: verdict of ${qs[i].qid} after ${setStr(chosen[i])}`);
          assert.deepEqual(shown[i].checked, chosen[i], `mixed: selection of ${qs[i].qid}`);
        }
        assertSummary(await readSummary(page), locale, total, correct, `mixed ${correct}/${total}`);

        // Put right, one by one, the wrong ones: the score follows, across the pass mark.
        const sides = new Set([percentOf(correct, total) >= COURSE.mastery]);
        for (let i = 1; i < total; i += 2) {
          chosen[i] = rightSet(qs[i]);
          await answer(page, qs[i], chosen[i]);
          correct++;
          assertSummary(await readSummary(page), locale, total, correct, `mixed ${correct}/${total}`);
          sides.add(percentOf(correct, total) >= COURSE.mastery);
        }
        assert.equal(correct, total);
        assert.equal(sides.size, 2, `the mixed case did not cross the pass mark (${COURSE.mastery}) with ${total} questions`);

        // "Try again": the module's answers go, on the page and in storage.
        const retry = page.locator('.module-summary .summary-retry');
        assert.ok(await retry.isVisible(), 'the "try again" button is not visible');
        await retry.click();
        shown = await readQuiz(page);
        for (const s of shown) {
          assert.deepEqual(s.checked, [], `after "try again": ${s.qid} still has a selection`);
          assert.equal(s.verdict, '', `after "try again": ${s.qid} still shows a verdict`);
          assert.ok(!s.explanationVisible, `after "try again": ${s.qid} still shows its explanation`);
        }
        assert.equal((await readSummary(page)).score, T.unanswered(total), 'after "try again": summary');
        const focused = await page.evaluate(() => document.activeElement && document.activeElement.closest('.quiz-q')?.getAttribute('data-qid'));
        assert.equal(focused, qs[0].qid, 'after "try again": focus is not on the first question');
        await page.reload({ waitUntil: 'load' });
        for (const s of await readQuiz(page)) assert.deepEqual(s.checked, [], `after "try again" and reload: ${s.qid} has a selection`);
        assert.equal((await readSummary(page)).score, T.unanswered(total), 'after "try again" and reload: summary');
      },
      {},
      site,
    );
  });
}

test(`en: practice-only ${MODULE}: stored answers are graded again against the page (quiz changed under the same course version)`, async () => {
  const site = practiceOnly.site;
  const pages = modulePages('en', MODULE, site);
  const quizUrl = url('en', pages[pages.length - 1], site);
  const key = `darslik:${COURSE.id}:${COURSE.version}:en:progress`;
  await withPage(
    async (page, problems) => {
      await open(page, problems, quizUrl);
      const { strings, questions: qs } = await readQuestions(page);
      assert.ok(qs.length >= 2);
      const [q1, q2] = qs;
      // As saved by an earlier build whose options were in another order: q1's
      // saved choice was right then (c: 1) and is wrong now; q2's saved option
      // no longer exists.
      const stale = wrongSet(q1);
      await page.evaluate(
        ({ key, state }) => localStorage.setItem(key, JSON.stringify(state)),
        { key, state: { seen: {}, answers: { [q1.qid]: { r: stale, c: 1 }, [q2.qid]: { r: [99], c: 1 } }, last: null } },
      );
      await page.reload({ waitUntil: 'load' });
      await waitVerdict(page, q1.qid);
      const shown = await readQuiz(page);
      assert.deepEqual(shown[0].checked, stale, `${q1.qid}: restored selection`);
      assert.equal(shown[0].verdict, strings.incorrect, `${q1.qid}: verdict of the restored answer`);
      assert.deepEqual(shown[1].checked, [], `${q2.qid}: restored selection`);
      assert.equal(shown[1].verdict, '', `${q2.qid}: a saved option that no longer exists must not show a verdict`);
      // The summary agrees with what the page shows: one answer, wrong.
      assertSummary(await readSummary(page), 'en', qs.length, 0, 'after restoring stale answers');
      const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).answers, key);
      assert.equal(saved[q1.qid]?.c, 0, `${q1.qid}: stored grade not corrected (${JSON.stringify(saved[q1.qid])})`);
      assert.ok(!(q2.qid in saved), `${q2.qid}: stored answer to a missing option kept (${JSON.stringify(saved[q2.qid])})`);
    },
    {},
    site,
  );
});

test(`en: ${MODULE} stored practice answers are graded again against the page (quiz changed under the same course version)`, async () => {
  const quizUrl = url('en', practicePages('en', MODULE)[0]);
  const key = `darslik:${COURSE.id}:${COURSE.version}:en:progress`;
  await withPage(async (page, problems) => {
    await open(page, problems, quizUrl);
    const { strings, questions: qs } = await readQuestions(page);
    assert.ok(qs.length >= 2);
    const [q1, q2] = qs;
    const stale = wrongSet(q1);
    await page.evaluate(
      ({ key, state }) => localStorage.setItem(key, JSON.stringify(state)),
      { key, state: { seen: {}, answers: { [q1.qid]: { r: stale, c: 1 }, [q2.qid]: { r: [99], c: 1 } }, tests: {}, last: null } },
    );
    await page.reload({ waitUntil: 'load' });
    await waitVerdict(page, q1.qid);
    const shown = await readQuiz(page);
    assert.deepEqual(shown[0].checked, stale, `${q1.qid}: restored selection`);
    assert.equal(shown[0].verdict, strings.incorrect, `${q1.qid}: verdict of the restored answer`);
    assert.deepEqual(shown[1].checked, [], `${q2.qid}: restored selection`);
    assert.equal(shown[1].verdict, '', `${q2.qid}: a saved option that no longer exists must not show a verdict`);
    const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).answers, key);
    assert.equal(saved[q1.qid]?.c, 0, `${q1.qid}: stored grade not corrected (${JSON.stringify(saved[q1.qid])})`);
    assert.ok(!(q2.qid in saved), `${q2.qid}: stored answer to a missing option kept (${JSON.stringify(saved[q2.qid])})`);
  });
});

test(`en: ${MODULE} practice questions answered with the keyboard only (Tab, Space/Arrow, Tab, Enter)`, async () => {
  const quizRel = practicePages('en', MODULE)[0];
  await withPage(async (page, problems) => {
    await open(page, problems, url('en', quizRel));
    const { strings, questions: qs } = await readQuestions(page);
    const single = qs.find((q) => q.kind === 'single' && q.answer[0] > 0) || qs.find((q) => q.kind === 'single');
    const multiple = qs.find((q) => q.kind === 'multiple');
    assert.ok(single, `no single-answer question on ${quizRel}`);

    const focus = () =>
      page.evaluate(() => {
        const a = document.activeElement;
        const fs = a && a.closest && a.closest('.quiz-q');
        return {
          qid: fs ? fs.getAttribute('data-qid') : null,
          tag: a ? a.tagName.toLowerCase() : null,
          type: a ? a.getAttribute('type') : null,
          value: a && a.value !== undefined ? a.value : null,
          check: !!(a && a.classList && a.classList.contains('quiz-check')),
          checkedValues: fs ? [...fs.querySelectorAll('input')].filter((i) => i.checked).map((i) => Number(i.value)) : [],
        };
      });
    /** Tab from wherever the focus is until it is on an option of `qid`. */
    async function tabInto(qid) {
      for (let i = 0; i < 400; i++) {
        await page.keyboard.press('Tab');
        const f = await focus();
        if (f.qid === qid && f.tag === 'input') return f;
      }
      assert.fail(`Tab never reached an option of ${qid}`);
    }

    // Single answer: Tab lands on the first radio; Space selects it, ArrowDown moves and selects.
    let f = await tabInto(single.qid);
    assert.equal(f.value, '0', `Tab should land on the first option of ${single.qid}`);
    const target = single.answer[0];
    if (target === 0) await page.keyboard.press('Space');
    for (let k = 0; k < target; k++) await page.keyboard.press('ArrowDown');
    f = await focus();
    assert.deepEqual(f.checkedValues, [target], `${single.qid}: keyboard selection`);
    await page.keyboard.press('Tab');
    f = await focus();
    assert.ok(f.check && f.qid === single.qid, `${single.qid}: Tab after the options should reach its Check button, got ${JSON.stringify(f)}`);
    await page.keyboard.press('Enter');
    await waitVerdict(page, single.qid);
    let s = (await readQuiz(page)).find((x) => x.qid === single.qid);
    assert.equal(s.verdict, strings.correct, `${single.qid}: verdict after keyboard answer`);
    assert.ok(s.verdictVisible);

    // Multiple answers: Tab through the checkboxes, Space on the right ones, Tab to Check, Enter.
    if (multiple) {
      f = await tabInto(multiple.qid);
      for (let k = 0; k < multiple.options; k++) {
        assert.equal(f.type, 'checkbox', `${multiple.qid}: focus should be on a checkbox`);
        if (multiple.answer.includes(Number(f.value))) await page.keyboard.press('Space');
        await page.keyboard.press('Tab');
        f = await focus();
      }
      assert.deepEqual(f.checkedValues, rightSet(multiple), `${multiple.qid}: keyboard selection`);
      assert.ok(f.check && f.qid === multiple.qid, `${multiple.qid}: Tab after the options should reach its Check button`);
      await page.keyboard.press('Enter');
      await waitVerdict(page, multiple.qid);
      s = (await readQuiz(page)).find((x) => x.qid === multiple.qid);
      assert.equal(s.verdict, strings.correct, `${multiple.qid}: verdict after keyboard answer`);
    }
  });
});
