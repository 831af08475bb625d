// Helpers for the quiz and progress checks (quiz.test.mjs, axe.test.mjs and
// the other browser checks): reading the practice quiz markup of a page
// (src/markdown/quiz), answering a question the way a learner does (click the
// options, press Check), the pages of a module by kind (pre-test, practice,
// post-test), a graded test read with its keys unsealed here, answered and
// submitted as a learner does (issue 19), and the texts a learner must see,
// written out here by hand per locale so that the tests do not just echo the
// strings the build put in the page.

import fs from 'node:fs';
import path from 'node:path';
import { dist, repoRoot } from './lib.mjs';
import { unseal } from './sealkit.mjs';

export { unseal };

export const SITE = path.join(dist(), 'site');

/** id, version and mastery_score of the sample course (course.toml at the repo root). */
export function courseConfig() {
  const toml = fs.readFileSync(path.join(repoRoot, 'course.toml'), 'utf8');
  const get = (re, what) => {
    const m = toml.match(re);
    if (!m) throw new Error(`course.toml: ${what} not found`);
    return m[1];
  };
  return {
    id: get(/^\s*id\s*=\s*"([^"]*)"/m, 'id'),
    version: get(/^\s*version\s*=\s*"([^"]*)"/m, 'version'),
    mastery: Number(get(/^\s*mastery_score\s*=\s*(\d+)/m, 'mastery_score')),
  };
}

/**
 * The built pages of a module, in reading order: its landing page
 * (index.html) first, then NN-*.html. Paths relative to site/<locale>/
 * (of the sample course's output, or of `site`).
 */
export function modulePages(locale, module, site = SITE) {
  const dir = path.join(site, locale, module);
  const numbered = fs
    .readdirSync(dir)
    .filter((f) => /^\d+-.*\.html$/.test(f))
    .sort();
  if (!numbered.length) throw new Error(`no NN-*.html page in ${dir}`);
  return [`${module}/index.html`, ...numbered.map((f) => `${module}/${f}`)];
}

/** Russian plural form: one (1, 21, ...), few (2-4, 22-24, ...), many (0, 5-20, 25, ...). */
export function ruPlural(n, one, few, many) {
  const d = n % 10;
  const h = n % 100;
  if (d === 1 && h !== 11) return one;
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return few;
  return many;
}

/** What a learner must read, per locale (themes/default/locales/<l>/theme.ftl, by hand). */
export const TEXT = {
  en: {
    score: (total, correct, percent) =>
      `${total} ${total === 1 ? 'question' : 'questions'}, ${correct} answered correctly (${percent}%).`,
    passed: (m) => `Passed: the pass mark is ${m}%.`,
    failed: (m) => `Not passed yet: the pass mark is ${m}%.`,
    unanswered: (total) =>
      total === 1 ? 'Answer the question on this page to see your result.' : `Answer the ${total} questions of this module to see your result.`,
    home: (seen, pages, percent, completed) =>
      [`${seen} of ${pages} pages`, percent == null ? null : `score ${percent}%`, completed ? 'completed' : null].filter(Boolean).join(' · '),
    cleared: 'Your progress has been cleared.',
    attempt: (n, score) => `Attempt ${n}: ${score}%`,
    best: (score) => `Best attempt: ${score}%. This score counts.`,
  },
  ru: {
    score: (total, correct, percent) =>
      `${total} ${ruPlural(total, 'вопрос', 'вопроса', 'вопросов')}, верных ответов: ${correct} (${percent} %).`,
    passed: (m) => `Зачтено: проходной балл — ${m} %.`,
    failed: (m) => `Пока не зачтено: проходной балл — ${m} %.`,
    unanswered: (total) =>
      total === 1 ? 'Ответьте на вопрос на этой странице, чтобы увидеть результат.' : `Ответьте на вопросы модуля (${total}), чтобы увидеть результат.`,
    home: (seen, pages, percent, completed) =>
      [
        `${seen} из ${pages} ${ruPlural(pages, 'страницы', 'страниц', 'страниц')}`,
        percent == null ? null : `результат ${percent} %`,
        completed ? 'пройден' : null,
      ]
        .filter(Boolean)
        .join(' · '),
    cleared: 'Прогресс сброшен.',
    attempt: (n, score) => `Попытка ${n}: ${score} %`,
    best: (score) => `Лучшая попытка: ${score} %. Засчитывается этот результат.`,
  },
};

/** Score as SPEC §3 defines it. */
export const percentOf = (correct, total) => Math.round((correct / total) * 100);

/** Practice question blocks: graded ones (.quiz-graded) belong to assess.js. */
export const PRACTICE = '.quiz:not(.quiz-graded)';

/**
 * The practice questions of the page (or of `scope`, a selector such as the
 * shown page of a module document) and the quiz strings:
 * { strings: {correct, incorrect}, questions: [{qid, kind, answer:[i], options, hasExplanation}] }.
 * Graded questions (a pre-test, a post-test) are left out: they have no
 * Check button and no data-answer.
 */
export async function readQuestions(page, scope = '') {
  return page.evaluate(({ scope, practice }) => {
    const quiz = document.querySelector(`${scope} ${practice}`);
    const questions = [...document.querySelectorAll(`${scope} ${practice} .quiz-q`)].map((fs) => ({
      qid: fs.getAttribute('data-qid'),
      kind: fs.getAttribute('data-kind'),
      answer: (fs.getAttribute('data-answer') || '')
        .split(',')
        .filter((s) => /^\d+$/.test(s))
        .map(Number),
      options: fs.querySelectorAll('input[type=radio], input[type=checkbox]').length,
      values: [...fs.querySelectorAll('input[type=radio], input[type=checkbox]')].map((i) => Number(i.value)),
      hasExplanation: !!fs.querySelector('.quiz-explanation'),
    }));
    return {
      strings: quiz ? { correct: quiz.getAttribute('data-correct'), incorrect: quiz.getAttribute('data-incorrect') } : null,
      questions,
    };
  }, { scope, practice: PRACTICE });
}

/** The right set of option indices. */
export const rightSet = (q) => [...q.answer].sort((a, b) => a - b);

/**
 * A wrong set of option indices.
 *   single:   the first option that is not the answer
 *   multiple: 'superset' = every right option plus one wrong one (all-or-nothing
 *             grading must reject it); 'subset' = the right options minus one.
 *             Falls back to the other style, or to one wrong option alone,
 *             when the question does not allow the asked one.
 */
export function wrongSet(q, style = 'superset') {
  const all = [...Array(q.options).keys()];
  const wrong = all.filter((i) => !q.answer.includes(i));
  if (q.kind === 'single') return [wrong[0]];
  const superset = wrong.length ? [...q.answer, wrong[0]].sort((a, b) => a - b) : null;
  const subset = q.answer.length >= 2 ? rightSet(q).slice(0, -1) : null;
  const set = style === 'subset' ? subset || superset : superset || subset;
  return set || [wrong[0]];
}

const fsSel = (qid, scope = '') => `${scope} fieldset.quiz-q[data-qid="${qid}"]`.trim();

/**
 * Select exactly `set` in question `q` by clicking the options (as a learner
 * does), press its Check button and wait until the verdict is shown.
 */
export async function answer(page, q, set, scope = '') {
  const fs = page.locator(fsSel(q.qid, scope));
  const inputs = fs.locator('input[type=radio], input[type=checkbox]');
  const n = await inputs.count();
  if (n !== q.options) throw new Error(`${q.qid}: ${n} options on the page, expected ${q.options}`);
  for (let i = 0; i < n; i++) {
    const input = inputs.nth(i);
    const value = Number(await input.getAttribute('value'));
    if (q.kind === 'single') {
      if (set.includes(value)) await input.check();
    } else {
      await input.setChecked(set.includes(value));
    }
  }
  await fs.locator('button.quiz-check').click();
  await waitVerdict(page, q.qid, 5000, scope);
}

/** Wait until the verdict of question `qid` has text. */
export async function waitVerdict(page, qid, timeout = 5000, scope = '') {
  try {
    await page.waitForFunction(
      (sel) => {
        const v = document.querySelector(sel + ' .quiz-verdict');
        return !!v && v.textContent.trim() !== '';
      },
      fsSel(qid, scope),
      { timeout },
    );
  } catch (e) {
    throw new Error(`question ${qid}: no verdict shown within ${timeout} ms after Check (${String(e.message).split('\n')[0]})`);
  }
}

/** What the page (or `scope`) shows for each practice question: selection, verdict, marks, explanation. */
export async function readQuiz(page, scope = '') {
  return page.evaluate(({ scope, practice }) => {
    const visible = (el) => !!el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    return [...document.querySelectorAll(`${scope} ${practice} .quiz-q`)].map((fs) => {
      const inputs = [...fs.querySelectorAll('input[type=radio], input[type=checkbox]')];
      const fb = fs.querySelector('.quiz-feedback');
      const verdict = fs.querySelector('.quiz-verdict');
      const ex = fs.querySelector('.quiz-explanation');
      const labels = [...fs.querySelectorAll('label.quiz-opt')];
      return {
        qid: fs.getAttribute('data-qid'),
        checked: inputs.filter((i) => i.checked).map((i) => Number(i.value)),
        verdict: verdict ? verdict.textContent.trim() : '',
        verdictVisible: visible(verdict),
        feedback: fb ? [...fb.classList].filter((c) => c.startsWith('is-')) : null,
        feedbackLive: fb ? fb.getAttribute('aria-live') : null,
        explanationVisible: visible(ex),
        explanationInFeedback: !!ex && !!fb && fb.contains(ex),
        markedWrong: labels.filter((l) => l.classList.contains('is-wrong')).map((l) => Number(l.querySelector('input').value)),
        markedCorrect: labels.filter((l) => l.classList.contains('is-correct')).map((l) => Number(l.querySelector('input').value)),
      };
    });
  }, { scope, practice: PRACTICE });
}

/** The module summary on the page: { visible, score, result, resultClass }. */
export async function readSummary(page) {
  return page.evaluate(() => {
    const box = document.querySelector('section.module-summary[data-summary]');
    if (!box) return null;
    const score = box.querySelector('.summary-score');
    const result = box.querySelector('.summary-result');
    return {
      visible: box.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }),
      score: score ? score.textContent.trim() : null,
      result: result ? result.textContent.trim() : null,
      resultClass: result ? [...result.classList].filter((c) => c.startsWith('is-')) : [],
    };
  });
}

// ---------------------------------------------------------------------------
// Pages of a module by what they hold (issue 19: a pre-test, practice pages,
// a post-test), read from the built HTML.

/**
 * What the built page site/<locale>/<rel> holds: the kind of its graded
 * panel ('pre-test', 'post-test', 'graded'), else 'practice' when it has a
 * practice quiz, else 'content'.
 */
export function pageKind(locale, rel) {
  const html = fs.readFileSync(path.join(SITE, locale, rel), 'utf8');
  const m = html.match(/\bdata-assess-kind="([^"]+)"/);
  if (m) return m[1];
  return /<div class="quiz"[\s>]/.test(html) ? 'practice' : 'content';
}

/** The module's pages with practice questions (paths relative to site/<locale>/). */
export function practicePages(locale, module) {
  return modulePages(locale, module).filter((rel) => pageKind(locale, rel) === 'practice');
}

/** The page of the module's test of `kind` ('post-test' by default). */
export function testPage(locale, module, kind = 'post-test') {
  const rel = modulePages(locale, module).find((r) => pageKind(locale, r) === kind);
  if (!rel) throw new Error(`site/${locale}/${module}: no page with a ${kind}`);
  return rel;
}

/** The numbered pages of the module that are not tests (reading pages, practice pages). */
export function contentPages(locale, module) {
  return modulePages(locale, module)
    .slice(1)
    .filter((rel) => ['content', 'practice'].includes(pageKind(locale, rel)));
}

// ---------------------------------------------------------------------------
// Graded tests: the sealed keys opened here, in Node, with the algorithm of
// the issue 19 contract §3 (not with the runtime under test), and a test
// answered and submitted the way a learner does.

// The pinned vector of the contract (Rust test key.rs).
if (unseal('WPpCtSrAMqG_', 's', 'q').a?.[0] !== 1) throw new Error('quizkit unseal() disagrees with the pinned vector of contract §3');

/** Short-answer comparison of contract §4, for checking that a wrong answer is wrong. */
function shortAccepted(key, text) {
  const norm = String(text)
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[\u02bb\u02bc\u2018\u2019\u0060\u00b4\u02b9]/g, "'")
    .replace(/ё/g, 'е');
  if ((key.t || []).includes(norm)) return true;
  const t = String(text).trim().replace(/,/g, '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return false;
  const n = parseFloat(t);
  return (key.r || []).some(([lo, hi]) => n >= lo && n <= hi);
}

/** The panel of the test in `scope` (a selector; '' = the whole page). */
const panelSel = (scope) => `${scope} .assess[data-assess]`.trim();

/**
 * The test of the page (or of `scope`) as shown now: { page, kind, attempts,
 * questions: [{qid, kind, key, values, lefts, items}] } with the questions
 * of the current attempt in the order shown; `key` is the unsealed key.
 */
export async function readTest(page, scope = '') {
  const raw = await page.evaluate((scope) => {
    const panel = document.querySelector(`${scope} .assess[data-assess]`);
    if (!panel) return null;
    const questions = [...document.querySelectorAll(`${scope} .quiz-graded fieldset.quiz-q`)]
      .filter((fs) => !fs.hasAttribute('hidden'))
      .map((fs) => ({
        qid: fs.getAttribute('data-qid'),
        kind: fs.getAttribute('data-kind'),
        sealed: fs.getAttribute('data-key'),
        seal: fs.closest('.quiz-graded').getAttribute('data-seal'),
        hasAnswer: fs.hasAttribute('data-answer'),
        hasCheck: !!fs.querySelector('.quiz-check'),
        values: [...fs.querySelectorAll('input[type=radio], input[type=checkbox]')].map((i) => Number(i.value)),
        lefts: [...fs.querySelectorAll('select[data-left]')].map((s) => Number(s.getAttribute('data-left'))),
        items: [...fs.querySelectorAll('.quiz-order > .quiz-item')].map((li) => Number(li.getAttribute('data-value'))),
      }));
    return {
      page: panel.getAttribute('data-assess'),
      kind: panel.getAttribute('data-assess-kind'),
      attempts: Number(panel.getAttribute('data-attempts')),
      questions,
    };
  }, scope);
  if (!raw) throw new Error(`no test panel (.assess[data-assess]) in ${scope || 'the page'}`);
  for (const q of raw.questions) {
    if (q.hasAnswer || q.hasCheck) throw new Error(`graded question ${q.qid} has a data-answer or a Check button`);
    if (!q.sealed || !q.seal) throw new Error(`graded question ${q.qid} has no data-key or its block no data-seal`);
    q.key = unseal(q.sealed, q.seal, q.qid);
  }
  return raw;
}

/** The right response of a graded question (contract §7 response forms). */
export function rightResponse(q) {
  const k = q.key;
  switch (q.kind) {
    case 'single':
      return k.a[0];
    case 'multiple':
    case 'matching':
    case 'ordering':
      return [...k.a];
    case 'short':
      // A number inside the first range, else the first answer as written.
      return k.r && k.r.length ? String(k.r[0][0]) : (k.s && k.s.length ? k.s : k.t)[0];
    default:
      throw new Error(`${q.qid}: unknown kind ${q.kind}`);
  }
}

/** A wrong response: a wrong option (multiple: every right one plus a wrong one), every pair wrong, the reverse order, a wrong text. */
export function wrongResponse(q) {
  const k = q.key;
  switch (q.kind) {
    case 'single':
      return q.values.find((v) => !k.a.includes(v));
    case 'multiple': {
      const wrong = q.values.find((v) => !k.a.includes(v));
      return wrong === undefined ? k.a.slice(0, -1) : [...k.a, wrong].sort((a, b) => a - b);
    }
    case 'matching':
      return k.a.map((_, i) => k.a[(i + 1) % k.a.length]);
    case 'ordering':
      return [...k.a].reverse();
    case 'short': {
      const text = ['-1', 'xyz'].find((t) => !shortAccepted(k, t));
      if (text === undefined) throw new Error(`${q.qid}: no wrong short answer found`);
      return text;
    }
    default:
      throw new Error(`${q.qid}: unknown kind ${q.kind}`);
  }
}

/**
 * Put `resp` into graded question `q` as a learner does: click the options,
 * choose in the selects, move the items with their Move up buttons, type the
 * short answer.
 */
export async function fillGraded(page, q, resp, scope = '') {
  const fs = page.locator(fsSel(q.qid, scope));
  if (q.kind === 'single') {
    await fs.locator(`input[value="${resp}"]`).check();
  } else if (q.kind === 'multiple') {
    for (const v of q.values) await fs.locator(`input[value="${v}"]`).setChecked(resp.includes(v));
  } else if (q.kind === 'matching') {
    for (let i = 0; i < resp.length; i++) await fs.locator(`select[data-left="${i}"]`).selectOption(String(resp[i]));
  } else if (q.kind === 'ordering') {
    const order = () => fs.evaluate((el) => [...el.querySelectorAll('.quiz-order > .quiz-item')].map((li) => Number(li.getAttribute('data-value'))));
    for (let p = 0; p < resp.length; p++) {
      const at = (await order()).indexOf(resp[p]);
      for (let j = at; j > p; j--) await fs.locator(`.quiz-item[data-value="${resp[p]}"] .quiz-up`).click();
    }
    const now = await order();
    if (now.join() !== resp.join()) throw new Error(`${q.qid}: ordering is ${now} after the moves, wanted ${resp}`);
  } else if (q.kind === 'short') {
    await fs.locator('input[type=text]').fill(String(resp));
  } else {
    throw new Error(`${q.qid}: unknown kind ${q.kind}`);
  }
}

/**
 * Answer the current attempt of the test in `scope`: `plan(i, q)` says for
 * the i-th question shown 'right', 'wrong' or null (left unanswered).
 * Returns { test, answered: [{q, plan, response}], correct, n, percent }.
 */
export async function answerTest(page, plan, scope = '') {
  const test = await readTest(page, scope);
  const answered = [];
  for (const [i, q] of test.questions.entries()) {
    const how = plan(i, q);
    if (how === null || how === undefined) {
      answered.push({ q, plan: null, response: null });
      continue;
    }
    const response = how === 'right' ? rightResponse(q) : wrongResponse(q);
    await fillGraded(page, q, response, scope);
    answered.push({ q, plan: how, response });
  }
  const n = test.questions.length;
  const correct = answered.filter((a) => a.plan === 'right').length;
  return { test, answered, correct, n, percent: percentOf(correct, n) };
}

/** The saved state of test page `key` (window.darslikAssess.state), or null. */
export function testState(page, key) {
  return page.evaluate((k) => {
    const st = window.darslikAssess && window.darslikAssess.state(k);
    return st ? JSON.parse(JSON.stringify(st)) : null;
  }, key);
}

/**
 * Submit the test in `scope` as a learner does: the first press of Submit
 * asks to confirm (the panel says so), the second submits. Waits until the
 * attempt is stored and returns the test's state.
 */
export async function submitTest(page, scope = '') {
  const panel = page.locator(panelSel(scope));
  const key = await panel.getAttribute('data-assess');
  const before = ((await testState(page, key))?.att || []).length;
  const submit = panel.locator('.assess-submit');
  await submit.click();
  const asking = await panel.evaluate((el) => el.classList.contains('is-confirming'));
  if (!asking) throw new Error(`${key}: the first press of Submit did not ask to confirm`);
  if (((await testState(page, key))?.att || []).length !== before) throw new Error(`${key}: the first press of Submit submitted`);
  await submit.click();
  await page.waitForFunction(
    ([k, n]) => {
      const st = window.darslikAssess && window.darslikAssess.state(k);
      return !!st && st.done && st.att.length === n;
    },
    [key, before + 1],
    { timeout: 5000 },
  );
  return testState(page, key);
}

/** Answer (per `plan`, as answerTest) and submit one attempt; the result of answerTest plus the `state` after it. */
export async function takeAttempt(page, plan, scope = '') {
  const a = await answerTest(page, plan, scope);
  const state = await submitTest(page, scope);
  return { ...a, state };
}

/** Press "Start attempt n" of the test in `scope`; waits until the new attempt is open. */
export async function startAgain(page, scope = '') {
  const panel = page.locator(panelSel(scope));
  const key = await panel.getAttribute('data-assess');
  await panel.locator('.assess-again').click();
  await page.waitForFunction((k) => {
    const st = window.darslikAssess && window.darslikAssess.state(k);
    return !!st && !st.done;
  }, key);
}

/** What the test panel in `scope` shows: status, result lines, verdict, buttons. */
export async function readPanel(page, scope = '') {
  return page.locator(panelSel(scope)).evaluate((panel) => {
    const vis = (el) => !!el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const result = panel.querySelector('.assess-result');
    const verdict = panel.querySelector('.assess-verdict');
    return {
      page: panel.getAttribute('data-assess'),
      status: (panel.querySelector('.assess-status')?.textContent || '').trim(),
      result: vis(result) ? [...result.querySelectorAll('p')].map((p) => p.textContent.trim()) : [],
      verdictClass: verdict ? [...verdict.classList].filter((c) => c.startsWith('is-')) : [],
      submit: vis(panel.querySelector('.assess-submit')),
      again: vis(panel.querySelector('.assess-again')) ? panel.querySelector('.assess-again').textContent.trim() : null,
    };
  });
}
