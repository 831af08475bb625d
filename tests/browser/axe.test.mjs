// Accessibility checks with axe-core (npm axe-core, run inside the page) of
// the built site over file://, offline, in light and dark colour schemes:
//
//   - the practice quiz page of module-06 after checking, some answers right
//     and some wrong (both feedback styles, marks and explanations shown), in
//     en, ru and uz
//   - its pre-test after submitting (its score), and its post-test after
//     attempt 1 (scores, "Start attempt 2") and after the last attempt
//     (marks, right answers, explanations, the module summary filled)
//   - the course home with progress (module progress, continue link and reset
//     shown), a module landing page and a content page, in en, ru and uz
//   - the language chooser
//   - issue 25: at 360 px (phone) and 1280 px, in en, ru, uz and uz-Cyrl: a
//     content page with wide tables (their scroll hints shown at 360 px) as
//     it opens and with the header's menu and "On this page" opened, the
//     course home, and the chooser of a first visit (a ru-RU browser: Русский
//     suggested)
//
// Fails on any violation of impact "serious" or "critical", listing rule,
// impact, target selectors and axe's summary. Lesser violations are printed
// as test diagnostics.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatProblems, gotoSettled, launch, offlineContext, watchPage } from './lib.mjs';
import {
  SITE,
  answer,
  contentPages,
  modulePages,
  practicePages,
  readQuestions,
  readQuiz,
  readSummary,
  rightSet,
  startAgain,
  takeAttempt,
  testPage,
  wrongSet,
} from './quizkit.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const AXE = path.join(here, 'node_modules', 'axe-core', 'axe.min.js');
const MODULE = 'module-06';
const LOCALES = ['en', 'ru', 'uz'];
const SCHEMES = ['light', 'dark'];
const FAIL_ON = new Set(['serious', 'critical']);

let browser;
before(async () => {
  if (!fs.existsSync(path.join(SITE, 'index.html'))) {
    throw new Error(`${path.join(SITE, 'index.html')} not found: build the course first (cargo run --release -- build --format site), or set DARSLIK_DIST`);
  }
  if (!fs.existsSync(AXE)) throw new Error(`${AXE} not found: run npm ci in tests/browser`);
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
});

const short = (s, n = 300) => {
  const t = String(s || '').replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
};

/** Run axe in the page; returns the violations, each with its nodes' targets and summaries. */
async function runAxe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    // preload: false — axe would fetch the stylesheets with XHR (for
    // css-orientation-lock), which file:// forbids (a console error).
    const r = await axe.run(document, { resultTypes: ['violations'], preload: false });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ impact: n.impact, target: n.target.map(String), summary: n.failureSummary || '', html: n.html })),
    }));
  });
}

function describe(label, v) {
  const lines = [`${label}: ${v.id} (${v.impact}) — ${v.help}`];
  for (const n of v.nodes.slice(0, 8)) {
    lines.push(`    ${n.target.join(' ')}  [${n.impact}]`);
    lines.push(`        ${short(n.summary.replace(/^Fix (any|all) of the following:\s*/i, ''), 240)}`);
  }
  if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more element(s)`);
  return lines.join('\n');
}

/** Answer the practice quiz: right on odd positions, wrong on the others, so both feedback styles show. */
async function answerMixed(page, label) {
  const { questions: qs } = await readQuestions(page);
  assert.ok(qs.length >= 2, `${label}: fewer than two quiz questions`);
  for (let i = 0; i < qs.length; i++) await answer(page, qs[i], i % 2 === 0 ? rightSet(qs[i]) : wrongSet(qs[i]));
  const shown = await readQuiz(page);
  const styles = new Set(shown.map((s) => s.feedback.join(' ')));
  assert.ok(styles.has('is-correct') && styles.has('is-wrong'), `${label}: both feedback styles should show, got ${[...styles].join(', ')}`);
  assert.ok(shown.some((s) => s.explanationVisible), `${label}: no explanation shown`);
}

/** Submit a test with some answers right and some wrong (every question answered). */
const submitMixed = (page) => takeAttempt(page, (i) => (i % 2 === 0 ? 'right' : 'wrong'));

/** The post-test's last attempt submitted: right and wrong marks, right answers and explanations, and the module summary are shown. */
async function lastAttempt(page, label) {
  await startAgain(page);
  await takeAttempt(page, (i) => (i % 3 ? 'right' : 'wrong'));
  const shown = await page.evaluate(() => ({
    right: document.querySelectorAll('.quiz-graded .quiz-feedback.is-correct').length,
    wrong: document.querySelectorAll('.quiz-graded .quiz-feedback.is-wrong').length,
    keys: document.querySelectorAll('.quiz-graded .quiz-right-answer').length,
    explanations: document.querySelectorAll('.quiz-graded .quiz-explanation').length,
  }));
  assert.ok(shown.right && shown.wrong && shown.keys && shown.explanations, `${label}: the review after the last attempt is not all shown (${JSON.stringify(shown)})`);
  assert.ok((await readSummary(page))?.visible, `${label}: module summary not shown`);
}

for (const scheme of SCHEMES) {
  for (const locale of LOCALES) {
    test(`axe: ${locale}, ${scheme}: practice quiz page after checking, pre-test and post-test after submitting, course home with progress, module landing, content page, glossary — no serious or critical violation`, async (t) => {
      const { context, blocked } = await offlineContext(browser, { colorScheme: scheme });
      const failures = [];
      const minor = [];
      let problems;
      try {
        const page = await context.newPage();
        problems = watchPage(page, SITE);
        const pages = modulePages(locale, MODULE);
        const quizRel = practicePages(locale, MODULE)[0];
        const pre = testPage(locale, MODULE, 'pre-test');
        const post = testPage(locale, MODULE, 'post-test');
        const visits = [
          { rel: quizRel, prepare: (p, label) => answerMixed(p, label) },
          { rel: pre, prepare: (p) => submitMixed(p), what: 'submitted' },
          { rel: post, prepare: (p) => submitMixed(p), what: 'attempt 1 submitted' },
          { rel: post, prepare: (p, label) => lastAttempt(p, label), what: 'last attempt submitted' },
          {
            rel: 'index.html',
            prepare: async (p, label) => {
              const shown = await p.evaluate(() => ({
                cont: !!document.querySelector('[data-continue]')?.checkVisibility(),
                progress: document.querySelector('[data-module-progress]:not(:empty)')?.textContent || '',
              }));
              assert.ok(shown.cont && shown.progress, `${label}: the home does not show progress and continue (${JSON.stringify(shown)})`);
            },
          },
          { rel: pages[0] }, // module landing
          { rel: contentPages(locale, MODULE)[0] }, // first content page
          { rel: 'glossary.html' }, // the course's terms (glossary.toml)
        ];
        for (const { rel, prepare, what } of visits) {
          const href = pathToFileURL(path.join(SITE, locale, rel)).href;
          const label = `${locale}/${rel}${what ? ` (${what})` : ''} [${scheme}]`;
          problems.current = label;
          await gotoSettled(page, href);
          const isDark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
          assert.equal(isDark, scheme === 'dark', `${label}: colour scheme not applied`);
          if (prepare) await prepare(page, label);
          for (const v of await runAxe(page)) (FAIL_ON.has(v.impact) ? failures : minor).push(describe(label, v));
        }
        if (locale === LOCALES[0]) {
          const label = `index.html#choose [${scheme}]`;
          problems.current = label;
          await gotoSettled(page, pathToFileURL(path.join(SITE, 'index.html')).href + '#choose');
          for (const v of await runAxe(page)) (FAIL_ON.has(v.impact) ? failures : minor).push(describe(label, v));
        }
      } finally {
        await context.close();
      }
      for (const m of minor) for (const line of `(not failing) ${m}`.split('\n')) t.diagnostic(line);
      for (const u of blocked) if (!problems.some((p) => p.url === u)) problems.push({ page: '(context)', kind: 'external', detail: `blocked: ${u}` });
      const msgs = [];
      if (failures.length) msgs.push(`${failures.length} serious/critical axe violation(s):\n${failures.join('\n')}`);
      if (problems.length) msgs.push(`${problems.length} problem(s) in the browser:\n${formatProblems(problems)}`);
      if (msgs.length) assert.fail(msgs.join('\n\n'));
    });
  }
}

// Issue 25: phone-first pages, at 360 px and 1280 px, with the menu opened.
const SIZES = [
  ['360 px', { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }],
  ['1280 px', { viewport: { width: 1280, height: 800 } }],
];
for (const scheme of SCHEMES) {
  for (const [size, viewport] of SIZES) {
    test(`axe: ${size}, ${scheme}: pages with wide tables, the header's menu and "On this page" opened, the course home, the first-visit chooser — in en, ru, uz, uz-Cyrl — no serious or critical violation`, async (t) => {
      const { context, blocked } = await offlineContext(browser, { colorScheme: scheme, locale: 'ru-RU', ...viewport });
      const failures = [];
      const minor = [];
      let problems;
      let hints = 0;
      try {
        const page = await context.newPage();
        problems = watchPage(page, SITE);
        const check = async (label) => {
          for (const v of await runAxe(page)) (FAIL_ON.has(v.impact) ? failures : minor).push(describe(label, v));
        };
        problems.current = `index.html (first visit) [${size}, ${scheme}]`;
        await gotoSettled(page, pathToFileURL(path.join(SITE, 'index.html')).href);
        assert.ok(await page.evaluate(() => !!document.querySelector('.chooser-list .is-suggested')), 'the first-visit chooser suggests no language');
        await check(problems.current);
        for (const locale of [...LOCALES, 'uz-Cyrl']) {
          for (const rel of ['case-digest/02-corroboration.html', 'module-06/03-trafficking-and-smuggling.html', 'index.html']) {
            const label = `${locale}/${rel} [${size}, ${scheme}]`;
            problems.current = label;
            await gotoSettled(page, pathToFileURL(path.join(SITE, locale, rel)).href);
            hints += await page.evaluate(() => document.querySelectorAll('.table-hint:not([hidden])').length);
            await check(label);
            const opened = await page.evaluate(() => {
              const ds = [...document.querySelectorAll('details.site-menu, details.on-this-page')];
              for (const d of ds) d.open = true;
              return ds.length;
            });
            if (opened) await check(`${label} (menu and "On this page" opened)`);
          }
        }
      } finally {
        await context.close();
      }
      if (size === '360 px') assert.ok(hints >= 8, `only ${hints} table hints shown at 360 px`);
      for (const m of minor) for (const line of `(not failing) ${m}`.split('\n')) t.diagnostic(line);
      for (const u of blocked) if (!problems.some((p) => p.url === u)) problems.push({ page: '(context)', kind: 'external', detail: `blocked: ${u}` });
      const msgs = [];
      if (failures.length) msgs.push(`${failures.length} serious/critical axe violation(s):\n${failures.join('\n')}`);
      if (problems.length) msgs.push(`${problems.length} problem(s) in the browser:\n${formatProblems(problems)}`);
      if (msgs.length) assert.fail(msgs.join('\n\n'));
    });
  }
}
