// Helpers for the quiz and progress checks (quiz.test.mjs, axe.test.mjs):
// reading the quiz markup of a page (src/markdown/quiz.rs), answering a
// question the way a learner does (click the options, press Check), and the
// texts a learner must see, written out here by hand per locale so that the
// tests do not just echo the strings the build put in the page.

import fs from 'node:fs';
import path from 'node:path';
import { dist, repoRoot } from './lib.mjs';

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
 * (index.html) first, then NN-*.html. Paths relative to site/<locale>/.
 */
export function modulePages(locale, module) {
  const dir = path.join(SITE, locale, module);
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
  },
};

/** Score as SPEC §3 defines it. */
export const percentOf = (correct, total) => Math.round((correct / total) * 100);

/**
 * The questions of the page and the quiz strings:
 * { strings: {correct, incorrect}, questions: [{qid, kind, answer:[i], options, hasExplanation}] }.
 */
export async function readQuestions(page) {
  return page.evaluate(() => {
    const quiz = document.querySelector('.quiz');
    const questions = [...document.querySelectorAll('.quiz .quiz-q')].map((fs) => ({
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
  });
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

const fsSel = (qid) => `fieldset.quiz-q[data-qid="${qid}"]`;

/**
 * Select exactly `set` in question `q` by clicking the options (as a learner
 * does), press its Check button and wait until the verdict is shown.
 */
export async function answer(page, q, set) {
  const fs = page.locator(fsSel(q.qid));
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
  await waitVerdict(page, q.qid);
}

/** Wait until the verdict of question `qid` has text. */
export async function waitVerdict(page, qid, timeout = 5000) {
  try {
    await page.waitForFunction(
      (sel) => {
        const v = document.querySelector(sel + ' .quiz-verdict');
        return !!v && v.textContent.trim() !== '';
      },
      fsSel(qid),
      { timeout },
    );
  } catch (e) {
    throw new Error(`question ${qid}: no verdict shown within ${timeout} ms after Check (${String(e.message).split('\n')[0]})`);
  }
}

/** What the page shows for each question: selection, verdict, marks, explanation. */
export async function readQuiz(page) {
  return page.evaluate(() => {
    const visible = (el) => !!el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    return [...document.querySelectorAll('.quiz .quiz-q')].map((fs) => {
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
  });
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
