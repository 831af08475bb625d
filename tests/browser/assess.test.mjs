// Real-Chromium checks of graded assessments (issue 19; SPEC §7) on the
// fixture course tests/fixtures/assess, built in before() with the darslik
// binary (--format site,single), over file:// with the network disabled, in
// en and ru:
//
//   - the page source and every script hold no key in plain form: no
//     data-answer on graded questions, no right option text in a data
//     attribute or script, no short answer, no explanation of a graded page
//   - nothing is marked before submit; a submit scores the attempt and locks
//   - 03-graded (attempts = 2, review after-submit): marks, right answers and
//     explanations after each submit; a third attempt is impossible; the best
//     attempt counts
//   - 04-post-test (shuffle, draw 3 of 5, review after-last-attempt): the same
//     questions and orders after a reload, a new seed for a new attempt;
//     nothing per question after attempt 1, everything after attempt 2
//   - 02-pre-test (review never): only its score, and it never counts
//   - the module score on the course home and in the module summary comes
//     from the best attempts of the graded page and the post-test
//   - axe: no serious or critical violation at 360 and 1280 px on a
//     submitted graded page; screenshots of the post-test into /tmp
//
// Every page must make no request outside the output and log no console
// error or uncaught exception.
//
//   node --test tests/browser/assess.test.mjs   (after cargo build --release)
//
// Env: DARSLIK_BIN (the binary), ASSESS_SHOTS (screenshot folder, default
// /tmp/darslik-assess-shots).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, repoRoot } from './lib.mjs';
import { AXE, axeInto, darslikBin, open, withPage } from './a11ykit.mjs';

const LOCALES = ['en', 'ru'];
const FIXTURE = path.join(repoRoot, 'tests', 'fixtures', 'assess');
const SHOTS = process.env.ASSESS_SHOTS || path.join(os.tmpdir(), 'darslik-assess-shots');
const MASTERY = Number((fs.readFileSync(path.join(FIXTURE, 'course.toml'), 'utf8').match(/mastery_score\s*=\s*(\d+)/) || [])[1]);

// The fixture's questions, by prompt, per locale: how to answer each rightly
// and wrongly (tests/fixtures/assess/content/<locale>/m1/*.md).
const Q = {
  en: {
    means: { prompt: 'Which element is about how the person is controlled?', kind: 'single', right: 'Means', wrong: 'Act' },
    exploit: {
      prompt: 'Which of these are forms of exploitation?', kind: 'multiple',
      right: ['Forced labour', 'Forced begging'], wrong: ['A legal job abroad'],
    },
    match: {
      prompt: 'Match each element with its example.', kind: 'matching',
      pairs: [['Act', 'Recruitment through an online advert'], ['Means', 'A debt the victim cannot repay'], ['Purpose', 'Forced begging']],
    },
    order: {
      prompt: 'Put the steps of an interview in order.', kind: 'ordering',
      items: ['Make sure the person is safe', 'Explain who you are', 'Ask open questions', 'Explain what happens next'],
    },
    // right and keys from the fixture (below)
    article: { prompt: 'Under which article of the Protocol is the definition given?', kind: 'short', right: null, wrong: '7', keys: [] },
    child: { prompt: 'Below what age is a person a child under the Protocol?', kind: 'short', right: '18', wrong: '16', keys: [] },
    days: { prompt: 'Give a number of days from 18 to 20.', kind: 'short', right: '19,5', wrong: '25', keys: ['18..20'] },
    // Explanations of graded pages only (the practice page has its own).
    explanations: [
      'Exploitation includes forced labour and forced begging.',
      'Safety first, then introductions, then open questions.',
      'Article 3 of the Palermo Protocol.',
      'The means are how control is gained.',
    ],
    home: (percent) => `score ${percent}%`,
  },
  ru: {
    means: { prompt: 'Какой элемент описывает, как человека подчиняют?', kind: 'single', right: 'Способ', wrong: 'Действие' },
    exploit: {
      prompt: 'Что из этого — формы эксплуатации?', kind: 'multiple',
      right: ['Принудительный труд', 'Принуждение к попрошайничеству'], wrong: ['Законная работа за границей'],
    },
    match: {
      prompt: 'Сопоставьте каждый элемент с примером.', kind: 'matching',
      pairs: [
        ['Действие', 'Вербовка через объявление в интернете'],
        ['Способ', 'Долг, который жертва не может вернуть'],
        ['Цель', 'Принуждение к попрошайничеству'],
      ],
    },
    order: {
      prompt: 'Расставьте шаги беседы по порядку.', kind: 'ordering',
      items: ['Убедитесь, что человек в безопасности', 'Объясните, кто вы', 'Задайте открытые вопросы', 'Объясните, что будет дальше'],
    },
    article: { prompt: 'В какой статье Протокола дано определение?', kind: 'short', right: null, wrong: '7', keys: [] },
    child: { prompt: 'До какого возраста человек считается ребёнком по Протоколу?', kind: 'short', right: '18', wrong: '16', keys: [] },
    days: { prompt: 'Назовите число дней от 18 до 20.', kind: 'short', right: '19,5', wrong: '25', keys: ['18..20'] },
    explanations: [
      'Эксплуатация включает принудительный труд и принуждение к попрошайничеству.',
      'Сначала безопасность, затем знакомство, затем открытые вопросы.',
      'Статья 3 Палермского протокола.',
      'Способ — это то, как устанавливается контроль.',
    ],
    home: (percent) => `результат ${percent} %`,
  },
};
// The short answers of the graded page as the fixture writes them: the
// accepted texts that are not numbers must never be in the page; the first,
// capitalised, is answered (comparison ignores case).
for (const locale of LOCALES) {
  const md = fs.readFileSync(path.join(FIXTURE, 'content', locale, 'm1', '03-graded.md'), 'utf8').split('\n');
  const at = md.findIndex((l) => l === `? ${Q[locale].article.prompt}`);
  assert.ok(at >= 0, `03-graded.md (${locale}): no question "${Q[locale].article.prompt}"`);
  const accepted = [];
  for (let i = at + 1; i < md.length && md[i].startsWith('= '); i++) accepted.push(md[i].slice(2).trim());
  const words = accepted.filter((a) => !/^-?\d+([.,]\d+)?$/.test(a));
  assert.ok(words.length, `03-graded.md (${locale}): no accepted answer in words`);
  Q[locale].article.keys = words;
  Q[locale].article.right = words[0].charAt(0).toUpperCase() + words[0].slice(1);
}

// The graded pages and their questions (page key without .md).
const PAGES = {
  'm1/02-pre-test': ['means', 'match', 'child'],
  'm1/03-graded': ['exploit', 'order', 'article'],
  'm1/04-post-test': ['means', 'exploit', 'match', 'order', 'days'],
};

// Which questions of which page have an explanation (index into Q[locale].explanations).
const EXPLAINED = {
  'm1/03-graded': { exploit: 0, order: 1, article: 2 },
  'm1/04-post-test': { means: 3 },
};

let tmp;
let OUT;
let SITE;
let browser;
before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'darslik-assess-'));
  OUT = path.join(tmp, 'out');
  try {
    execFileSync(darslikBin(), ['build', '--course', FIXTURE, '--out', OUT, '--format', 'site,single', '-q'], { stdio: 'pipe' });
  } catch (e) {
    throw new Error(`building tests/fixtures/assess failed: ${e.stderr || e.message}`);
  }
  SITE = path.join(OUT, 'site');
  if (!fs.existsSync(AXE)) throw new Error(`${AXE} not found: run npm ci in tests/browser`);
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const pageFile = (locale, key) => path.join(SITE, locale, `${key}.html`);
const pageUrl = (locale, key) => pathToFileURL(pageFile(locale, key)).href;
const homeUrl = (locale) => pathToFileURL(path.join(SITE, locale, 'index.html')).href;

function walk(dir, ext) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, ext));
    else if (p.endsWith(ext)) out.push(p);
  }
  return out;
}
const decode = (s) =>
  s.replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The HTML of each graded page: the site pages, and their sections of the single-file module documents. */
function gradedSources(locale) {
  const out = [];
  for (const key of Object.keys(PAGES)) {
    out.push({ where: `site/${locale}/${key}.html`, key, html: fs.readFileSync(pageFile(locale, key), 'utf8') });
  }
  const single = path.join(OUT, 'single', locale, 'm1.html');
  if (fs.existsSync(single)) {
    const html = fs.readFileSync(single, 'utf8');
    // One <... class="doc-page" data-page="m1/NN-x.md"> section per page.
    const starts = [...html.matchAll(/<[a-z]+\b[^>]*\bclass="doc-page\b[^"]*"[^>]*>/g)].map((m) => ({ at: m.index, tag: m[0] }));
    for (let i = 0; i < starts.length; i++) {
      const page = (starts[i].tag.match(/data-page="([^"]+)"/) || [])[1] || '';
      const key = page.replace(/\.md$/, '');
      if (!PAGES[key]) continue;
      // Up to the next page, or the pager and the module's printed answer key after the last one.
      let end = i + 1 < starts.length ? starts[i + 1].at : html.length;
      for (const mark of ['class="pager doc-pager"', 'class="answer-key"']) {
        const at = html.indexOf(mark, starts[i].at);
        if (at >= 0 && at < end) end = html.lastIndexOf('<', at);
      }
      out.push({ where: `single/${locale}/m1.html#${key}`, key, html: html.slice(starts[i].at, end) });
    }
    assert.ok(out.some((s) => s.where.startsWith('single/')), `single/${locale}/m1.html: no .doc-page section of a graded page found`);
  }
  return out;
}

// ---------------------------------------------------------------------------
// The key is not in the page in plain form.

test('graded pages hold no answer key in plain form (markup, data attributes, scripts)', () => {
  const scripts = walk(SITE, '.js').map((f) => ({ where: path.relative(OUT, f), text: fs.readFileSync(f, 'utf8') }));
  const fails = [];
  for (const locale of LOCALES) {
    const q = Q[locale];
    for (const src of gradedSources(locale)) {
      const { html, where, key } = src;
      // Graded blocks and their fieldsets.
      if (!/class="quiz quiz-graded"/.test(html)) fails.push(`${where}: no .quiz.quiz-graded block`);
      if (!/class="assess"/.test(html)) fails.push(`${where}: no .assess panel`);
      if (/\bdata-answer=/.test(html)) fails.push(`${where}: a data-answer attribute (the practice key) on a graded page`);
      if (/class="answer-key"/.test(html)) fails.push(`${where}: the printed answer key section`);
      if (/class="quiz-explanation"/.test(html)) fails.push(`${where}: a .quiz-explanation element in the markup`);
      const dataAttrs = [...html.matchAll(/\sdata-[\w-]+="([^"]*)"/g)].map((m) => decode(m[1]));
      const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
      const hidden = [...dataAttrs, ...inline];
      for (const name of PAGES[key]) {
        const spec = q[name];
        const rightTexts =
          spec.kind === 'single' ? [spec.right]
            : spec.kind === 'multiple' ? spec.right
              : spec.kind === 'matching' ? spec.pairs.map((p) => p[1])
                : spec.kind === 'ordering' ? [spec.items.join(''), spec.items.join(' ')]
                  : spec.keys;
        for (const t of rightTexts) {
          if (hidden.some((h) => h.includes(t))) fails.push(`${where}: "${t}" (right answer of "${spec.prompt}") in a data attribute or inline script`);
        }
        if (spec.kind === 'short') {
          for (const t of spec.keys) if (html.includes(t)) fails.push(`${where}: the short answer "${t}" in the page source`);
        }
        if (spec.kind === 'ordering') {
          // The items must not be written in the right order.
          const pos = spec.items.map((t) => html.indexOf(`>${t}<`));
          if (pos.every((p) => p >= 0) && pos.every((p, i) => i === 0 || p > pos[i - 1])) {
            fails.push(`${where}: the ordering items of "${spec.prompt}" are written in the right order`);
          }
        }
      }
      for (const e of q.explanations) {
        if (html.includes(e)) fails.push(`${where}: the explanation "${e}" in plain form`);
      }
      // Every graded question carries a sealed key.
      const fieldsets = [...html.matchAll(/<fieldset\b[^>]*class="quiz-q"[^>]*>/g)].map((m) => m[0]);
      if (fieldsets.length !== PAGES[key].length) fails.push(`${where}: ${fieldsets.length} question(s), expected ${PAGES[key].length}`);
      for (const f of fieldsets) if (!/\sdata-key="[A-Za-z0-9_-]+"/.test(f)) fails.push(`${where}: a graded question without a sealed data-key: ${f.slice(0, 120)}`);
    }
    for (const s of scripts) {
      for (const t of [...q.article.keys, ...q.explanations]) {
        if (s.text.includes(t)) fails.push(`${s.where}: "${t}" (a key of a graded page) in a script`);
      }
    }
  }
  if (fails.length) assert.fail(`${fails.length} key leak(s):\n  ${[...new Set(fails)].join('\n  ')}`);
});

// ---------------------------------------------------------------------------
// In the browser.

/** The state of the page's assessment as a learner (and a screen reader) meets it. */
function readPage(page) {
  return page.evaluate(() => {
    const vis = (el) => !!el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const panel = document.querySelector('.assess');
    const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
    const fields = [...document.querySelectorAll('.quiz-graded .quiz-q')];
    const questions = fields
      .filter((fs) => vis(fs))
      .map((fs) => {
        const fb = fs.querySelector('.quiz-feedback');
        // The controls a learner can use (shown and enabled).
        const usable = [...fs.querySelectorAll('input, select, button')].filter((c) => vis(c) && !c.disabled);
        return {
          qid: fs.getAttribute('data-qid'),
          kind: fs.getAttribute('data-kind'),
          num: text(fs.querySelector('.quiz-num')),
          prompt: text(fs.querySelector('.quiz-prompt')),
          options: [...fs.querySelectorAll('.quiz-opt-text, .quiz-left, .quiz-item-text')].map(text),
          // What the feedback shows (move announcements are for screen readers only).
          feedback: [...(fb ? fb.childNodes : [])]
            .filter((n) => !(n.nodeType === 1 && (n.classList.contains('quiz-announce') || !vis(n))))
            .map((n) => n.textContent)
            .join(' ')
            .trim(),
          marked: fs.querySelectorAll('.is-correct, .is-wrong').length,
          rightShown: [...fs.querySelectorAll('.quiz-right-answer')].filter(vis).map(text),
          explanation: [...fs.querySelectorAll('.quiz-explanation')].filter(vis).map(text).join(' '),
          verdict: [...fs.querySelectorAll('.quiz-verdict')].filter(vis).map(text).join(' '),
          checkVisible: [...fs.querySelectorAll('.quiz-check')].some(vis),
          disabled: usable.length === 0,
          enabled: usable.length,
        };
      });
    const btn = (sel) => {
      const b = panel.querySelector(sel);
      return b && vis(b) && !b.disabled ? text(b) : null;
    };
    const t = {};
    for (const a of panel.attributes) if (a.name.startsWith('data-t-')) t[a.name.slice(7)] = a.value;
    return {
      key: panel.getAttribute('data-assess'),
      kind: panel.getAttribute('data-assess-kind'),
      t,
      nojs: vis(panel.querySelector('.assess-nojs')),
      status: text(panel.querySelector('.assess-status')),
      statusLive: panel.querySelector('.assess-status').getAttribute('aria-live'),
      result: vis(panel.querySelector('.assess-result')) ? [...panel.querySelectorAll('.assess-result p')].map(text) : [],
      submit: btn('.assess-submit'),
      again: btn('.assess-again'),
      questions,
      hiddenCount: fields.filter((fs) => fs.hasAttribute('hidden')).length,
      state: window.darslikAssess ? window.darslikAssess.state(panel.getAttribute('data-assess')) : undefined,
    };
  });
}
const fill = (tpl, vars) => tpl.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));

/** The question spec of a shown question, found by its prompt. */
function specOf(locale, shown) {
  const spec = Object.values(Q[locale]).find((s) => s && s.prompt === shown.prompt);
  assert.ok(spec, `no fixture question with the prompt "${shown.prompt}"`);
  return spec;
}

/** Answer one shown question rightly or wrongly, as a learner does (mouse, select, move buttons, typing). */
async function answerOne(page, locale, shown, right) {
  const spec = specOf(locale, shown);
  const fs = page.locator(`fieldset.quiz-q[data-qid="${shown.qid}"]`);
  if (spec.kind === 'single') {
    await fs.locator('label.quiz-opt', { hasText: right ? spec.right : spec.wrong }).click();
  } else if (spec.kind === 'multiple') {
    for (const t of right ? spec.right : [...spec.right.slice(0, 1), ...spec.wrong]) {
      await fs.locator('label.quiz-opt', { has: page.locator('.quiz-opt-text', { hasText: new RegExp(`^${t}$`) }) }).click();
    }
  } else if (spec.kind === 'matching') {
    const n = spec.pairs.length;
    for (let i = 0; i < n; i++) {
      const [left] = spec.pairs[i];
      const target = spec.pairs[right ? i : (i + 1) % n][1];
      const row = fs.locator('.quiz-pair', { has: page.locator('.quiz-left', { hasText: new RegExp(`^${left}$`) }) });
      await row.locator('select').selectOption({ label: target });
    }
  } else if (spec.kind === 'ordering') {
    const goal = right ? spec.items : [...spec.items].reverse();
    for (let i = 0; i < goal.length; i++) {
      for (let guard = 0; guard < goal.length; guard++) {
        const now = await fs.locator('.quiz-item-text').allTextContents();
        const at = now.map((s) => s.trim()).indexOf(goal[i]);
        assert.ok(at >= 0, `ordering item "${goal[i]}" not found in ${JSON.stringify(now)}`);
        if (at === i) break;
        await fs.locator('.quiz-item', { hasText: goal[i] }).locator('.quiz-up').click();
      }
    }
    const final = (await fs.locator('.quiz-item-text').allTextContents()).map((s) => s.trim());
    assert.deepEqual(final, goal, `${shown.qid}: ordering by the move buttons`);
  } else if (spec.kind === 'short') {
    await fs.locator('input[type=text]').fill(right ? spec.right : spec.wrong);
  }
}
async function answerAll(page, locale, rightFn) {
  const s = await readPage(page);
  for (let i = 0; i < s.questions.length; i++) await answerOne(page, locale, s.questions[i], rightFn(i, s.questions[i]));
  return s;
}

/** Submit: the first press asks in the live status, the second submits. */
async function submit(page) {
  await page.locator('.assess-submit').click();
  const asked = await readPage(page);
  assert.ok(asked.status.includes(asked.t.confirm), `the first press of Submit should ask: status is "${asked.status}"`);
  assert.ok(asked.submit, 'Submit is still offered while asking');
  assert.equal(asked.state.done, false, 'nothing is submitted by the first press');
  await page.locator('.assess-submit').click();
  const done = await readPage(page);
  assert.equal(done.state.done, true, 'the second press submits');
  return done;
}

function assertNothingShown(s, when) {
  for (const q of s.questions) {
    const where = `${when}: ${q.qid}`;
    assert.equal(q.verdict, '', `${where}: a verdict is shown`);
    assert.equal(q.marked, 0, `${where}: right/wrong marks are shown`);
    assert.deepEqual(q.rightShown, [], `${where}: the right answer is shown`);
    assert.equal(q.explanation, '', `${where}: an explanation is shown`);
    assert.equal(q.feedback, '', `${where}: feedback is shown`);
    assert.equal(q.checkVisible, false, `${where}: a Check button is shown`);
  }
}
function assertEverythingShown(s, locale, rights, when) {
  for (let i = 0; i < s.questions.length; i++) {
    const q = s.questions[i];
    const where = `${when}: ${q.qid}`;
    const right = rights[i];
    assert.equal(q.verdict, right ? s.t.right : s.t.wrong, `${where}: verdict`);
    if (q.kind === 'single' || q.kind === 'multiple') {
      assert.ok(q.marked > 0, `${where}: the right options are not marked`);
    } else {
      assert.ok(q.rightShown.length > 0 || right, `${where}: the right answer is not shown`);
    }
    const name = Object.keys(Q[locale]).find((k) => Q[locale][k] === specOf(locale, q));
    const ex = EXPLAINED[s.key] && EXPLAINED[s.key][name];
    if (ex !== undefined) {
      assert.ok(q.explanation.includes(Q[locale].explanations[ex]), `${where}: explanation "${Q[locale].explanations[ex]}" not shown (got "${q.explanation}")`);
    } else {
      assert.equal(q.explanation, '', `${where}: an explanation for a question without one`);
    }
  }
}
function assertLocked(s, when) {
  for (const q of s.questions) assert.ok(q.disabled, `${when}: ${q.qid} can still be answered (${q.enabled} control(s) enabled)`);
  assert.equal(s.submit, null, `${when}: Submit is offered`);
}

async function homeScore(page, problems, locale) {
  await open(page, problems, homeUrl(locale));
  return page.evaluate(() => {
    const el = document.querySelector('[data-module-progress="m1"]');
    return el ? el.textContent.trim() : null;
  });
}

for (const locale of LOCALES) {
  test(`${locale}: 03-graded — nothing before submit, review after each submit, two attempts, the best counts`, async () => {
    await withPage(browser, SITE, {}, async (page, problems) => {
      await open(page, problems, pageUrl(locale, 'm1/03-graded'));
      let s = await readPage(page);
      assert.equal(s.kind, 'graded');
      assert.equal(s.nojs, false, 'the no-JavaScript notice is still shown');
      assert.equal(s.statusLive, 'polite');
      assert.equal(s.questions.length, 3, 'every question of the page is shown');
      assert.ok(s.submit, 'a Submit button');
      assert.equal(s.again, null);
      assert.ok(s.status.includes(fill(s.t.attempt, { n: 1, max: 2 })), `status names attempt 1 of 2: "${s.status}"`);
      assertNothingShown(s, 'before answering');
      // Answer everything rightly: still nothing is shown.
      await answerAll(page, locale, () => true);
      s = await readPage(page);
      assertNothingShown(s, 'answered, before submit');
      // Answers survive a reload before submit.
      await page.reload();
      s = await readPage(page);
      assertNothingShown(s, 'answered, reloaded');
      assert.equal(Object.keys(s.state.r).length, 3, 'the answers of the open attempt are kept');
      s = await submit(page);
      assert.deepEqual(s.state.att, [100], 'attempt 1 scored 100');
      assert.ok(s.result.includes(fill(s.t.score, { n: 1, score: 100 })), `result shows attempt 1: ${JSON.stringify(s.result)}`);
      assertLocked(s, 'after attempt 1');
      assertEverythingShown(s, locale, [true, true, true], 'after attempt 1 (review after-submit)');
      assert.equal(s.again, fill(s.t.again, { n: 2 }), 'a button starts attempt 2');
      // Attempt 2: the marks go, the answers go; answer wrongly.
      await page.locator('.assess-again').click();
      s = await readPage(page);
      assertNothingShown(s, 'attempt 2, before answering');
      assert.equal(s.submit !== null, true, 'attempt 2 can be submitted');
      assert.deepEqual(s.state.r, {}, 'attempt 2 starts with no answers');
      assert.ok(s.questions.every((q) => !q.disabled), 'attempt 2 can be answered');
      await answerAll(page, locale, () => false);
      s = await submit(page);
      assert.deepEqual(s.state.att, [100, 0], 'attempt 2 scored 0');
      assertEverythingShown(s, locale, [false, false, false], 'after attempt 2');
      assert.ok(s.result.includes(fill(s.t.best, { score: 100 })), `the best attempt (100) counts: ${JSON.stringify(s.result)}`);
      assert.ok(s.result.includes(s.t.passed), `passed on the best attempt: ${JSON.stringify(s.result)}`);
      assert.ok(s.status.includes(fill(s.t['no-attempts'], { max: 2 })), `status says all attempts are used: "${s.status}"`);
      // No third attempt: no button, locked, and trying anyway changes nothing.
      assert.equal(s.again, null, 'no button for a third attempt');
      assertLocked(s, 'after the last attempt');
      const before = JSON.stringify(s.state);
      await page.evaluate(() => {
        for (const b of document.querySelectorAll('.assess-again, .assess-submit')) { b.disabled = false; b.hidden = false; b.click(); b.click(); }
      });
      await page.locator('.quiz-graded input[type=text]').first().fill('7', { force: true }).catch(() => {});
      await page.reload();
      s = await readPage(page);
      assert.equal(JSON.stringify(s.state), before, 'the state is unchanged after trying a third attempt');
      assertLocked(s, 'after the last attempt, reloaded');
      assert.equal(s.again, null, 'no button for a third attempt after a reload');
      assertEverythingShown(s, locale, [false, false, false], 'after attempt 2, reloaded');
    });
  });

  test(`${locale}: 04-post-test — draw 3 of 5 and shuffle, kept on reload; review after the last attempt`, async () => {
    await withPage(browser, SITE, { viewport: { width: 1280, height: 900 } }, async (page, problems) => {
      await open(page, problems, pageUrl(locale, 'm1/04-post-test'));
      let s = await readPage(page);
      assert.equal(s.kind, 'post-test');
      assert.equal(s.questions.length, 3, 'three questions drawn');
      assert.equal(s.hiddenCount, 2, 'the two others hidden');
      assert.deepEqual(s.questions.map((q) => q.num), ['1.', '2.', '3.'], 'the drawn questions are numbered 1 to 3');
      assert.ok(s.status.includes(fill(s.t.drawn, { n: 3, total: 5 })), `status says 3 of 5 are drawn: "${s.status}"`);
      assertNothingShown(s, 'post-test, fresh');
      const seed1 = s.state.seed;
      assert.ok(Number.isInteger(seed1) && seed1 >= 0 && seed1 < 2 ** 30, `seed ${seed1}`);
      const layout = (x) => x.questions.map((q) => `${q.qid}: ${q.options.join(' | ')}`);
      const first = layout(s);
      await page.screenshot({ path: path.join(SHOTS, `${locale}-post-test-1280-before.png`), fullPage: true });
      await page.setViewportSize({ width: 360, height: 780 });
      await page.screenshot({ path: path.join(SHOTS, `${locale}-post-test-360-before.png`), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.reload();
      s = await readPage(page);
      assert.deepEqual(layout(s), first, 'the same questions and orders after a reload');
      assert.equal(s.state.seed, seed1);
      // Attempt 1: the first shown question right, the others wrong -> 33.
      await answerAll(page, locale, (i) => i === 0);
      await page.reload();
      s = await readPage(page);
      assert.deepEqual(layout(s).map((l) => l.split(':')[0]), first.map((l) => l.split(':')[0]), 'the same questions after answering and reloading');
      s = await submit(page);
      assert.deepEqual(s.state.att, [33], 'attempt 1: one of three right');
      assertNothingShown(s, 'after attempt 1 (review after-last-attempt)');
      assertLocked(s, 'after attempt 1');
      assert.ok(s.result.includes(fill(s.t.score, { n: 1, score: 33 })), `result: ${JSON.stringify(s.result)}`);
      assert.ok(s.result.includes(s.t['review-later']), `the result says the review comes later: ${JSON.stringify(s.result)}`);
      await page.screenshot({ path: path.join(SHOTS, `${locale}-post-test-1280-after-1.png`), fullPage: true });
      await page.reload();
      s = await readPage(page);
      assertNothingShown(s, 'after attempt 1, reloaded');
      // Attempt 2: a new seed, everything wrong, then everything is shown.
      await page.locator('.assess-again').click();
      s = await readPage(page);
      assert.notEqual(s.state.seed, seed1, 'a new attempt has a new seed');
      assert.equal(s.questions.length, 3);
      assertNothingShown(s, 'attempt 2, fresh');
      const second = layout(s);
      await page.reload();
      s = await readPage(page);
      assert.deepEqual(layout(s), second, 'attempt 2: the same questions and orders after a reload');
      await answerAll(page, locale, () => false);
      s = await submit(page);
      assert.deepEqual(s.state.att, [33, 0]);
      assertEverythingShown(s, locale, [false, false, false], 'after the last attempt');
      assertLocked(s, 'after the last attempt');
      assert.ok(s.result.includes(fill(s.t.best, { score: 33 })), `best attempt 33: ${JSON.stringify(s.result)}`);
      assert.equal(s.again, null);
      await page.screenshot({ path: path.join(SHOTS, `${locale}-post-test-1280-after.png`), fullPage: true });
      await page.setViewportSize({ width: 360, height: 780 });
      await page.screenshot({ path: path.join(SHOTS, `${locale}-post-test-360-after.png`), fullPage: true });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 360, `the submitted post-test is ${wide} px wide at 360 px`);
    });
  });

  test(`${locale}: 02-pre-test — review never; the module score is the best attempts of the graded page and the post-test`, async () => {
    await withPage(browser, SITE, {}, async (page, problems) => {
      // Pre-test: all right (100); it must never count.
      await open(page, problems, pageUrl(locale, 'm1/02-pre-test'));
      let s = await readPage(page);
      assert.equal(s.kind, 'pre-test');
      await answerAll(page, locale, () => true);
      s = await submit(page);
      assert.deepEqual(s.state.att, [100]);
      assertNothingShown(s, 'pre-test after submit (review never)');
      assertLocked(s, 'pre-test after its only attempt');
      assert.ok(s.result.includes(fill(s.t.pre, { score: 100 })), `pre-test result: ${JSON.stringify(s.result)}`);
      assert.ok(s.result.includes(s.t['review-never']), `says answers are never shown: ${JSON.stringify(s.result)}`);
      assert.equal(s.again, null, 'one attempt only');
      await page.reload();
      assertNothingShown(await readPage(page), 'pre-test reloaded');
      let home = await homeScore(page, problems, locale);
      assert.ok(!home.includes(Q[locale].home(100)), `the pre-test counts on the course home: "${home}"`);
      assert.ok(home.includes(Q[locale].home(0)) || !/%/.test(home), `before any graded submit the module has no score or 0: "${home}"`);

      // Graded page: attempt 1 wrong (0), attempt 2 right (100) -> best 100.
      await open(page, problems, pageUrl(locale, 'm1/03-graded'));
      await answerAll(page, locale, () => false);
      await submit(page);
      await page.locator('.assess-again').click();
      await answerAll(page, locale, () => true);
      s = await submit(page);
      assert.deepEqual(s.state.att, [0, 100]);
      // Post-test not yet submitted: it counts 0 -> (100 x 3 + 0 x 3) / 6.
      home = await homeScore(page, problems, locale);
      assert.ok(home.includes(Q[locale].home(50)), `module score 50 expected on the course home: "${home}"`);

      // Post-test: attempt 1 two of three right (67), attempt 2 all wrong.
      await open(page, problems, pageUrl(locale, 'm1/04-post-test'));
      await answerAll(page, locale, (i) => i > 0);
      s = await submit(page);
      assert.deepEqual(s.state.att, [67]);
      await page.locator('.assess-again').click();
      await answerAll(page, locale, () => false);
      s = await submit(page);
      assert.deepEqual(s.state.att, [67, 0]);
      // The best attempts' right answers (3 of 3, 2 of 3) of all their questions.
      const expected = Math.round((100 * (3 + 2)) / 6); // 83
      home = await homeScore(page, problems, locale);
      assert.ok(home.includes(Q[locale].home(expected)), `module score ${expected} expected on the course home: "${home}"`);
      const progress = await page.evaluate(() => {
        const m = JSON.parse(document.querySelector('script.progress-data').textContent);
        return { st: window.darslikProgress.moduleStatus(m), tests: m.tests };
      });
      assert.equal(progress.st.percent, expected, 'moduleStatus percent');
      assert.equal(progress.st.passed, expected >= MASTERY, 'moduleStatus passed');
      assert.ok(Array.isArray(progress.tests) && progress.tests.length === 3, `progress-data lists the 3 tests: ${JSON.stringify(progress.tests)}`);

      // The module summary (when the last page shows one) agrees.
      await open(page, problems, pageUrl(locale, 'm1/04-post-test'));
      const summary = await page.evaluate(() => {
        const box = document.querySelector('[data-summary]');
        if (!box || box.hidden) return null;
        return { score: box.querySelector('.summary-score').textContent, result: box.querySelector('.summary-result').textContent };
      });
      if (summary) assert.ok(summary.score.includes(String(expected)), `module summary shows ${expected}: ${JSON.stringify(summary)}`);

      // Clearing progress on the course home clears the tests too.
      await open(page, problems, homeUrl(locale));
      await page.locator('[data-reset] .reset-button').click();
      const cleared = await page.evaluate(() => window.darslikProgress.state().tests);
      assert.deepEqual(cleared, {}, 'reset clears the tests');
      await open(page, problems, pageUrl(locale, 'm1/02-pre-test'));
      s = await readPage(page);
      assert.deepEqual(s.state.att, [], 'the pre-test can be taken again after a reset');
      assert.ok(s.submit, 'Submit is offered again after a reset');
    });
  });

  for (const width of [360, 1280]) {
    test(`${locale}: axe at ${width} px on a submitted graded page — no serious or critical violation`, async () => {
      await withPage(browser, SITE, { viewport: { width, height: 800 } }, async (page, problems) => {
        await open(page, problems, pageUrl(locale, 'm1/03-graded'));
        await answerAll(page, locale, (i) => i !== 1);
        await submit(page);
        const failures = [];
        const minor = [];
        await axeInto(page, `${locale} 03-graded submitted at ${width} px`, failures, minor);
        if (minor.length) console.log(`# minor axe findings:\n${minor.join('\n')}`);
        if (failures.length) assert.fail(`${failures.length} serious/critical axe violation(s):\n${failures.join('\n')}`);
        await page.screenshot({ path: path.join(SHOTS, `${locale}-graded-${width}-after.png`), fullPage: true });
      });
    });
  }

  test(`${locale}: keyboard only — answer and submit 03-graded without the mouse`, async () => {
    await withPage(browser, SITE, {}, async (page, problems) => {
      await open(page, problems, pageUrl(locale, 'm1/03-graded'));
      // Fill in the answers (any way), then reach Submit by Tab and press Enter twice.
      await answerAll(page, locale, () => true);
      await page.locator('.quiz-graded input[type=text]').focus();
      let onSubmit = false;
      for (let i = 0; i < 30 && !onSubmit; i++) {
        await page.keyboard.press('Tab');
        onSubmit = await page.evaluate(() => document.activeElement && document.activeElement.classList.contains('assess-submit'));
      }
      assert.ok(onSubmit, 'Tab reaches Submit');
      await page.keyboard.press('Enter');
      let s = await readPage(page);
      assert.ok(s.status.includes(s.t.confirm), 'Enter on Submit asks first');
      await page.keyboard.press('Enter');
      s = await readPage(page);
      assert.deepEqual(s.state.att, [100]);
      const focus = await page.evaluate(() => {
        const a = document.activeElement;
        return a ? (a.closest('.assess') ? a.className : a.tagName) : null;
      });
      assert.ok(/assess/.test(focus), `after submit the focus stays in the panel (on the result), not lost: ${focus}`);
      await page.keyboard.press('Tab');
      const next = await page.evaluate(() => document.activeElement.className);
      assert.match(next, /assess-again/, 'Tab from the result reaches "Start attempt 2"');
      await page.keyboard.press('Enter');
      s = await readPage(page);
      assert.equal(s.state.done, false, 'Enter starts attempt 2');
      const inQuestion = await page.evaluate(() => !!document.activeElement.closest('.quiz-q'));
      assert.ok(inQuestion, 'the focus moves to the first question of the new attempt');
    });
  });
}

test('darslikAssess.reset() starts the tests of the page over', async () => {
  await withPage(browser, SITE, {}, async (page, problems) => {
    await open(page, problems, pageUrl('en', 'm1/02-pre-test'));
    await answerAll(page, 'en', () => true);
    let s = await submit(page);
    assert.deepEqual(s.state.att, [100]);
    await page.evaluate(() => window.darslikAssess.reset());
    s = await readPage(page);
    assert.deepEqual(s.state.att, [], 'no attempt after reset');
    assert.ok(s.submit, 'Submit is offered again');
    assert.ok(s.questions.every((q) => !q.disabled), 'the questions can be answered again');
    assertNothingShown(s, 'after reset');
    await page.reload();
    assert.deepEqual((await readPage(page)).state.att, [], 'the reset is saved');
  });
});

test('single-file module document: the graded pages run there too', async () => {
  const file = path.join(OUT, 'single', 'en', 'm1.html');
  assert.ok(fs.existsSync(file), `${file} not built`);
  await withPage(browser, path.join(OUT, 'single'), {}, async (page, problems) => {
    await open(page, problems, pathToFileURL(file).href);
    const info = await page.evaluate(() => {
      const panels = [...document.querySelectorAll('.assess')];
      return {
        panels: panels.map((p) => p.getAttribute('data-assess')),
        nojs: panels.filter((p) => p.querySelector('.assess-nojs') && !p.querySelector('.assess-nojs').hidden).length,
        state: panels.map((p) => window.darslikAssess.state(p.getAttribute('data-assess'))),
        visible: panels.map((p) => p.closest('.doc-page').querySelectorAll('.quiz-graded .quiz-q:not([hidden])').length),
      };
    });
    assert.deepEqual(info.panels, ['m1/02-pre-test', 'm1/03-graded', 'm1/04-post-test']);
    assert.equal(info.nojs, 0, 'the no-JavaScript notices are hidden');
    assert.deepEqual(info.visible, [3, 3, 3], 'questions of each graded page (post-test: 3 drawn of 5)');
    assert.ok(info.state.every((s) => s && Number.isInteger(s.seed)), 'each test has a seed');
  });
});
