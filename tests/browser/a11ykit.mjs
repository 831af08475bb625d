// Helpers for the accessibility, keyboard and phone checks (a11y.test.mjs,
// keyboard.test.mjs, phone.test.mjs): axe-core run inside the page, the
// fallback-page fixture built with the darslik binary, the list of every page
// of an output, keyboard walking and focus inspection.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { dist, formatProblems, gotoSettled, offlineContext, repoRoot, watchPage } from './lib.mjs';
import { contentPages, waitVerdict } from './quizkit.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

export const DIST = dist();
export const SITE = path.join(DIST, 'site');
export const BUNDLE = path.join(DIST, 'bundle');
export const SINGLE = path.join(DIST, 'single');
export const AXE = path.join(here, 'node_modules', 'axe-core', 'axe.min.js');
export const SCHEMES = ['light', 'dark'];
export const FAIL_ON = new Set(['serious', 'critical']);

export const fileUrl = (p) => pathToFileURL(p).href;

/** The locales of the sample course, in the order the tests report them. */
export const ALL_LOCALES = ['en', 'ru', 'uz', 'uz-Cyrl'];

/** Fail early, with what to do, when the built output is missing. */
export function requireBuilt(...files) {
  for (const f of files) {
    if (!fs.existsSync(f)) {
      throw new Error(
        `${f} not found: build the course first (./target/release/darslik build --format site,scorm12,scorm2004,bundle,single), or set DARSLIK_DIST`,
      );
    }
  }
  if (!fs.existsSync(AXE)) throw new Error(`${AXE} not found: run npm ci in tests/browser`);
}

const short = (s, n = 300) => {
  const t = String(s || '').replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
};

/** Run axe in the page; returns the violations, each with its nodes' targets and summaries. */
export async function runAxe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    // preload: false — axe would fetch the stylesheets with XHR (for
    // css-orientation-lock), which file:// forbids (a console error).
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'], preload: false });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ impact: n.impact, target: n.target.map(String), summary: n.failureSummary || '', html: n.html })),
    }));
  });
}

/** "label: rule (impact) — help" and, per element, its target and axe's summary. */
export function describeViolation(label, v) {
  const lines = [`${label}: ${v.id} (${v.impact}) — ${v.help}`];
  for (const n of v.nodes.slice(0, 8)) {
    lines.push(`    ${n.target.join(' ')}  [${n.impact}]`);
    lines.push(`        ${short(n.summary.replace(/^Fix (any|all) of the following:\s*/i, ''), 240)}`);
  }
  if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more element(s)`);
  return lines.join('\n');
}

/**
 * Axe the page as it is now; serious/critical violations go to `failures`,
 * the others to `minor` (printed as diagnostics).
 */
export async function axeInto(page, label, failures, minor) {
  for (const v of await runAxe(page)) (FAIL_ON.has(v.impact) ? failures : minor).push(describeViolation(label, v));
}

/**
 * A fresh offline browser context and a watched page; runs `fn(page, problems)`
 * and fails on any request outside `root`, failed request, console error or
 * uncaught exception.
 */
export async function withPage(browser, root, options, fn) {
  const { context, blocked } = await offlineContext(browser, options);
  let problems = [];
  try {
    const page = await context.newPage();
    problems = watchPage(page, root);
    await fn(page, problems);
  } finally {
    await context.close();
  }
  for (const u of blocked) if (!problems.some((p) => p.url === u)) problems.push({ page: '(context)', kind: 'external', detail: `blocked: ${u}` });
  if (problems.length) assert.fail(`${problems.length} problem(s) in the browser:\n${formatProblems(problems)}`);
}

/** Open `href` (recording it as the current page for problems) and let redirects settle. */
export async function open(page, problems, href, label = href) {
  problems.current = label;
  return gotoSettled(page, href);
}

/** Every .html (or `ext`) file under `dir` (relative paths with '/'), sorted. */
export function htmlFiles(dir, ext = '.html') {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(ext)) out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}

/** The darslik binary: env DARSLIK_BIN, else target/release, else target/debug. */
export function darslikBin() {
  const cands = [process.env.DARSLIK_BIN, path.join(repoRoot, 'target', 'release', 'darslik'), path.join(repoRoot, 'target', 'debug', 'darslik')];
  const bin = cands.find((c) => c && fs.existsSync(c));
  if (!bin) throw new Error('darslik binary not found (target/release/darslik): run cargo build --release, or set DARSLIK_BIN');
  return bin;
}

/**
 * The output of tests/fixtures/basic (which has fallback pages: ru/module-a/02-two
 * and uz/module-a/01-one are shown in English with a notice), built into a
 * temporary folder with the darslik binary. Env DARSLIK_FALLBACK_DIST names
 * an already built output to use instead (to check the test itself).
 * Returns { out, cleanup }.
 */
export function fallbackOutput() {
  const given = process.env.DARSLIK_FALLBACK_DIST;
  if (given) return { out: path.resolve(given), cleanup: () => {} };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'darslik-fallback-'));
  const course = path.join(tmp, 'course');
  const out = path.join(tmp, 'out');
  fs.cpSync(path.join(repoRoot, 'tests', 'fixtures', 'basic'), course, { recursive: true });
  try {
    execFileSync(darslikBin(), ['build', '--course', course, '--out', out, '--format', 'site,bundle,single'], { stdio: 'pipe' });
  } catch (e) {
    throw new Error(`building tests/fixtures/basic failed: ${e.stderr || e.message}`);
  }
  return { out, cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

/**
 * The sample course without its tests: a temporary copy with every
 * 00-pre-test.md and 09-post-test.md removed (and the links to them made
 * plain text), built with the darslik binary (--format site,single). Its
 * modules have practice questions only, so the module result is theirs
 * (SPEC §3): what the module summary, "try again" and the course home do
 * then is checked there. Returns { out, site, cleanup }.
 */
export function practiceOnlyOutput() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'darslik-practice-'));
  const course = path.join(tmp, 'course');
  const out = path.join(tmp, 'out');
  for (const entry of ['course.toml', 'content', 'locales', 'themes', 'branding']) {
    const from = path.join(repoRoot, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(course, entry), { recursive: true });
  }
  let removed = 0;
  for (const md of htmlFiles(path.join(course, 'content'), '.md')) {
    const file = path.join(course, 'content', md);
    if (/(^|\/)(00-pre-test|09-post-test)\.md$/.test(md)) {
      fs.rmSync(file);
      removed++;
      continue;
    }
    const text = fs.readFileSync(file, 'utf8');
    const plain = text.replace(/\[([^\]]*)\]\((?:00-pre-test|09-post-test)\.md\)/g, '$1');
    if (plain !== text) fs.writeFileSync(file, plain);
  }
  if (!removed) throw new Error('the sample course has no 00-pre-test.md or 09-post-test.md to remove');
  try {
    execFileSync(darslikBin(), ['build', '--course', course, '--out', out, '--format', 'site,single', '-q'], { stdio: 'pipe' });
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`building the sample course without its tests failed: ${e.stderr || e.message}`);
  }
  return { out, site: path.join(out, 'site'), cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

/**
 * The fallback pages of a fixture course (default tests/fixtures/basic): every
 * page of the source locale that a locale does not translate, with the
 * language it must be shown in — the first of the locale's `fallback` list
 * (course.toml) that has the page, else the source locale. Paths relative to
 * site/: [{ rel, locale, shownIn }].
 */
export function fallbackPages(fixture = path.join(repoRoot, 'tests', 'fixtures', 'basic')) {
  const toml = fs.readFileSync(path.join(fixture, 'course.toml'), 'utf8');
  const source = (toml.match(/^\s*source_locale\s*=\s*"([^"]+)"/m) || [])[1] || 'en';
  const locales = [...((toml.match(/^\s*locales\s*=\s*\[([^\]]*)\]/m) || [])[1] || '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  const chain = (l) => {
    const sect = toml.split(/^\[/m).find((s) => s.startsWith(`locales.${l}]`)) || '';
    const fb = [...((sect.match(/fallback\s*=\s*\[([^\]]*)\]/) || [])[1] || '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    return [...fb, source];
  };
  const content = path.join(fixture, 'content');
  const sourcePages = htmlFiles(path.join(content, source), '.md');
  const out = [];
  for (const locale of locales) {
    if (locale === source) continue;
    for (const md of sourcePages) {
      if (fs.existsSync(path.join(content, locale, md))) continue;
      const shownIn = chain(locale).find((l) => fs.existsSync(path.join(content, l, md)));
      out.push({ rel: `${locale}/${md.replace(/\.md$/, '.html')}`, locale, shownIn });
    }
  }
  return out;
}

/** What has the keyboard focus now (runs in the page). */
export function focusInfo(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body || a === document.documentElement) return { tag: 'body' };
    const fs = a.closest('.quiz-q');
    return {
      tag: a.tagName.toLowerCase(),
      cls: a.getAttribute('class') || '',
      type: a.getAttribute('type'),
      value: a.value !== undefined ? a.value : null,
      href: a.getAttribute('href'),
      qid: fs ? fs.getAttribute('data-qid') : null,
      text: (a.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60),
      inMain: !!a.closest('main'),
      checkedValues: fs ? [...fs.querySelectorAll('input')].filter((i) => i.checked).map((i) => Number(i.value)) : [],
    };
  });
}

/** Press Tab until `pred(focusInfo)` holds; fails after `max` presses. */
export async function tabUntil(page, pred, what, max = 600) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focusInfo(page);
    if (pred(f)) return f;
  }
  assert.fail(`Tab (${max} times) never reached ${what} on ${page.url()}`);
}

/**
 * Answer question `q` rightly with the keyboard alone: Tab into its options;
 * a single-answer question by Space / ArrowDown (radio group), a multiple one
 * by Space on the right checkboxes while tabbing through; then Tab to Check
 * and press Enter. Waits for the verdict.
 */
export async function keyboardAnswer(page, q, set) {
  let f = await tabUntil(page, (x) => x.qid === q.qid && x.tag === 'input', `an option of ${q.qid}`);
  if (q.kind === 'single') {
    assert.equal(f.value, String(q.values ? q.values[0] : 0), `${q.qid}: Tab should land on the first option`);
    const target = set[0];
    if (target === 0) await page.keyboard.press('Space');
    for (let k = 0; k < target; k++) await page.keyboard.press('ArrowDown');
    f = await focusInfo(page);
    assert.deepEqual(f.checkedValues, [target], `${q.qid}: selection made with the keyboard`);
    await page.keyboard.press('Tab');
    f = await focusInfo(page);
  } else {
    for (let k = 0; k < q.options; k++) {
      assert.equal(f.type, 'checkbox', `${q.qid}: focus should be on a checkbox, got ${JSON.stringify(f)}`);
      if (set.includes(Number(f.value))) await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      f = await focusInfo(page);
    }
  }
  assert.ok(f.qid === q.qid && /\bquiz-check\b/.test(f.cls), `${q.qid}: Tab after the options should reach its Check button, got ${JSON.stringify(f)}`);
  await page.keyboard.press('Enter');
  await waitVerdict(page, q.qid);
}

/** The keyboard focus inside a graded question: its qid, and the value it stands for (runs in the page). */
function gradedFocus(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    const fs = a && a.closest && a.closest('.quiz-q');
    const li = a && a.closest && a.closest('.quiz-item');
    return {
      qid: fs ? fs.getAttribute('data-qid') : null,
      tag: a ? a.tagName.toLowerCase() : null,
      type: a ? a.getAttribute('type') : null,
      value: a && a.value !== undefined ? a.value : null,
      left: a && a.getAttribute ? a.getAttribute('data-left') : null,
      item: li ? li.getAttribute('data-value') : null,
      up: !!(a && a.classList && a.classList.contains('quiz-up')),
      submit: !!(a && a.classList && a.classList.contains('assess-submit')),
      checkedValues: fs ? [...fs.querySelectorAll('input')].filter((i) => i.checked).map((i) => Number(i.value)) : [],
      selects: fs ? [...fs.querySelectorAll('select[data-left]')].map((x) => [Number(x.getAttribute('data-left')), x.value]) : [],
      order: fs ? [...fs.querySelectorAll('.quiz-order > .quiz-item')].map((x) => Number(x.getAttribute('data-value'))) : [],
      text: fs && fs.querySelector('input[type=text]') ? fs.querySelector('input[type=text]').value : null,
    };
  });
}

/** Press Tab until the graded focus satisfies `pred`; fails after `max` presses. */
async function tabToGraded(page, pred, what, max = 600) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await gradedFocus(page);
    if (pred(f)) return f;
  }
  assert.fail(`Tab (${max} times) never reached ${what} on ${page.url()}`);
}

/**
 * Put `resp` into graded question `q` (as readTest gives it: options, left
 * items and ordering items in the order shown) with the keyboard alone:
 * radio buttons with Space / ArrowDown, checkboxes with Space while tabbing
 * through, each select with ArrowDown to its option, ordering items with
 * Enter on their Move up buttons, a short answer typed. Tab goes forward
 * only, in the order shown.
 *
 * The focus should stay on the moved item's button after a move (forms.js
 * keeps it so). Where it does not, the learner has to Tab back to the item:
 * the helper does that and returns a description of each such loss (the
 * caller reports them), so that the rest of the walk is still checked.
 */
export async function keyboardAnswerGraded(page, q, resp) {
  const lost = [];
  const inQ = (f) => f.qid === q.qid;
  if (q.kind === 'single') {
    let f = await tabToGraded(page, (x) => inQ(x) && x.tag === 'input', `an option of ${q.qid}`);
    assert.equal(Number(f.value), q.values[0], `${q.qid}: Tab should land on the first option shown`);
    const target = q.values.indexOf(resp);
    if (target === 0) await page.keyboard.press('Space');
    for (let k = 0; k < target; k++) await page.keyboard.press('ArrowDown');
    f = await gradedFocus(page);
    assert.deepEqual(f.checkedValues, [resp], `${q.qid}: selection made with the keyboard`);
  } else if (q.kind === 'multiple') {
    let f = await tabToGraded(page, (x) => inQ(x) && x.tag === 'input', `an option of ${q.qid}`);
    for (let k = 0; k < q.values.length; k++) {
      assert.ok(inQ(f) && f.type === 'checkbox' && Number(f.value) === q.values[k], `${q.qid}: focus should be on checkbox ${q.values[k]}, got ${JSON.stringify(f)}`);
      if (resp.includes(Number(f.value))) await page.keyboard.press('Space');
      if (k < q.values.length - 1) {
        await page.keyboard.press('Tab');
        f = await gradedFocus(page);
      }
    }
    f = await gradedFocus(page);
    assert.deepEqual([...f.checkedValues].sort((a, b) => a - b), [...resp].sort((a, b) => a - b), `${q.qid}: selection made with the keyboard`);
  } else if (q.kind === 'matching') {
    for (const left of q.lefts) {
      await tabToGraded(page, (x) => inQ(x) && x.tag === 'select' && Number(x.left) === left, `the select of left item ${left} of ${q.qid}`);
      const options = await page.evaluate(() => [...document.activeElement.options].map((o) => o.value));
      const target = options.indexOf(String(resp[left]));
      assert.ok(target > 0, `${q.qid}: no option ${resp[left]} for left item ${left}`);
      for (let k = 0; k < target; k++) await page.keyboard.press('ArrowDown');
    }
    const f = await gradedFocus(page);
    const chosen = Object.fromEntries(f.selects);
    assert.deepEqual(resp.map((_, i) => chosen[i]), resp.map(String), `${q.qid}: the selects chosen with the keyboard`);
  } else if (q.kind === 'ordering') {
    const fs = page.locator(`fieldset.quiz-q[data-qid="${q.qid}"]:visible`);
    const orderNow = () => fs.evaluate((el) => [...el.querySelectorAll('.quiz-order > .quiz-item')].map((x) => Number(x.getAttribute('data-value'))));
    for (let p = 0; p < resp.length - 1; p++) {
      const at = (await orderNow()).indexOf(resp[p]);
      if (at === p) continue;
      const upOf = (x) => inQ(x) && x.up && Number(x.item) === resp[p];
      await tabToGraded(page, upOf, `the Move up button of item ${resp[p]} of ${q.qid}`);
      for (let j = at; j > p; j--) {
        await page.keyboard.press('Enter');
        const f = await gradedFocus(page);
        if (inQ(f) && f.item !== null && Number(f.item) === resp[p]) continue;
        lost.push(`${q.qid}: after Enter on "Move up" of item ${resp[p]} the focus is on ${f.tag}${f.qid ? ` in ${f.qid}` : ''}, not on the moved item`);
        // Back to the moved item (Shift+Tab or Tab, whichever way it is).
        if (j - 1 > p) {
          let back = false;
          for (let k = 0; k < 10 && !back; k++) {
            await page.keyboard.press('Shift+Tab');
            back = upOf(await gradedFocus(page));
          }
          if (!back) await tabToGraded(page, upOf, `the Move up button of item ${resp[p]} of ${q.qid} again`);
        }
      }
    }
    assert.deepEqual(await orderNow(), resp, `${q.qid}: the order made with the keyboard`);
  } else if (q.kind === 'short') {
    await tabToGraded(page, (x) => inQ(x) && x.tag === 'input' && x.type === 'text', `the answer field of ${q.qid}`);
    await page.keyboard.type(String(resp));
    assert.equal((await gradedFocus(page)).text, String(resp), `${q.qid}: the answer typed`);
  } else {
    assert.fail(`${q.qid}: unknown kind ${q.kind}`);
  }
  return lost;
}

/**
 * Tab to the test's Submit button and press Enter twice (the first press asks
 * to confirm); waits until the attempt of test page `key` is stored.
 */
export async function keyboardSubmit(page, key) {
  const before = await page.evaluate((k) => (window.darslikAssess.state(k)?.att || []).length, key);
  await tabToGraded(page, (x) => x.submit, 'the Submit button of the test');
  await page.keyboard.press('Enter');
  const asking = await page.evaluate(() => !!document.activeElement.closest('.assess.is-confirming'));
  assert.ok(asking, 'the first Enter on Submit asks to confirm, with the focus kept on Submit');
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    ([k, n]) => {
      const st = window.darslikAssess.state(k);
      return !!st && st.done && st.att.length === n;
    },
    [key, before + 1],
    { timeout: 5000 },
  );
}

/**
 * The focus indicator of the focused element (runs in the page): its outline
 * or box-shadow, and the contrast of the outline colour against what is
 * behind it (the first opaque background of an ancestor).
 */
export function focusIndicator(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return null;
    const parse = (c) => {
      const m = String(c).match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
    };
    const lum = ({ r, g, b }) => {
      const f = (v) => {
        v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (x, y) => {
      const [l1, l2] = [lum(x), lum(y)].sort((p, q) => q - p);
      return (l1 + 0.05) / (l2 + 0.05);
    };
    const behind = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c.a > 0.5) return c;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const cs = getComputedStyle(a);
    const outlineWidth = parseFloat(cs.outlineWidth) || 0;
    const outline = cs.outlineStyle !== 'none' && outlineWidth > 0;
    const shadow = cs.boxShadow && cs.boxShadow !== 'none';
    const oc = parse(cs.outlineColor);
    const bg = behind(cs.outlineOffset && parseFloat(cs.outlineOffset) > 0 ? a.parentElement : a);
    const r = a.getBoundingClientRect();
    const sel =
      a.tagName.toLowerCase() +
      (a.id ? '#' + a.id : '') +
      (a.getAttribute('class') ? '.' + a.getAttribute('class').trim().split(/\s+/).join('.') : '') +
      (a.getAttribute('href') ? `[href="${a.getAttribute('href')}"]` : '');
    return {
      sel,
      text: (a.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 50),
      outline: outline ? `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}` : 'none',
      boxShadow: shadow ? cs.boxShadow : 'none',
      visible: outline || shadow,
      contrast: outline && oc ? Math.round(ratio(oc, bg) * 100) / 100 : null,
      rect: { x: r.x, y: r.y, w: r.width, h: r.height },
      inViewport: r.width > 0 && r.height > 0,
      order: [...document.querySelectorAll('*')].indexOf(a),
      positiveTabindex: [...document.querySelectorAll('[tabindex]')].filter((e) => Number(e.getAttribute('tabindex')) > 0).length,
    };
  });
}

/** A word of at least 4 letters from the title of the module's first content page, not a test (it must be found by search). */
export function searchWord(locale, module = 'module-06') {
  const first = contentPages(locale, module)[0];
  const html = fs.readFileSync(path.join(SITE, locale, first), 'utf8');
  const h1 = (html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/) || [])[1] || '';
  const words = h1.replace(/<[^>]+>/g, ' ').split(/[^\p{L}\p{N}ʻʼ'-]+/u).filter((w) => w.length >= 4);
  words.sort((a, b) => b.length - a.length);
  return words[0] || h1.trim();
}

/**
 * Open the search page, type a query that has results into the search field
 * and press Enter (the header's form submits to search.html?q=...); returns
 * the number of result links shown. Results are read from
 * [data-search-results] when the page has it, else taken as the links that
 * appeared in <main>.
 */
export async function searchWithResults(page, problems, locale, label) {
  await open(page, problems, fileUrl(path.join(SITE, locale, 'search.html')), label);
  const results = () =>
    page.evaluate(() => {
      const box = document.querySelector('[data-search-results]');
      const vis = (a) => a.checkVisibility();
      if (box) return { box: true, links: [...box.querySelectorAll('a[href]')].filter(vis).map((a) => a.getAttribute('href')) };
      return { box: false, links: [...document.querySelectorAll('main a[href]')].filter(vis).map((a) => a.getAttribute('href') + '|' + a.textContent) };
    });
  const before = new Set((await results()).links);
  const input = page.locator('input[type="search"], input[name="q"]').first();
  assert.ok((await input.count()) > 0, `${label}: no search field on the page`);
  const word = searchWord(locale);
  await input.fill(word);
  await input.press('Enter');
  let found = [];
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(100);
    await page.waitForLoadState('load');
    const r = await results().catch(() => ({ box: false, links: [] }));
    found = r.box ? r.links : r.links.filter((h) => !before.has(h));
    if (found.length) break;
  }
  assert.ok(found.length > 0, `${label}: searching for "${word}" showed no result link`);
  return { word, count: found.length };
}
