// Phone-first layout, in real Chromium at 360 x 780 (isMobile, touch), over
// file://, offline (issue 9):
//
//   - every page of the site in every locale (every .html under site/), the
//     fallback pages of tests/fixtures/basic, START.html and every page of
//     every single-file module: no horizontal page scroll
//     (document.documentElement.scrollWidth <= 360), also with the table of
//     contents opened; a table wider than the screen must scroll inside its
//     .table-wrap (the wrap may scroll, the page must not)
//   - a table with an unbreakable cell (as a long URL or reference makes it)
//     scrolls inside .table-wrap, and the page does not
//   - tap targets at least 44 px high (buttons also 44 px wide): header
//     language links, the table of contents summary and its links, pager
//     links and buttons, .quiz-check, .summary-retry, .reset-button, chooser
//     links, quiz option labels, .button links, the site title, breadcrumb,
//     "on this page" and module links, the header's search field and button,
//     a test's Submit and "Start attempt" buttons, matching selects, ordering
//     Move buttons, short-answer fields; the practice quiz checked, the
//     post-test submitted (its panel, review and the module result), the
//     reset button are shown in every locale and measured; "try again" in a
//     module with practice questions only (the sample course built without
//     its tests: a module with a post-test does not offer it)
//   - the table of contents is a closed <details> at 360 px and open at 1280 px
//   - issue 25, phone first, at 360 x 740: on every content page of the site
//     in every locale (course home, module landings, every module page with
//     the pre- and post-tests) the h1 and the top of the first paragraph of
//     the text are on the first screen; the header is one compact row (brand
//     and the Menu button), the menu opens with the keyboard and holds the
//     search and the languages; at 1280 px no button, search and languages
//     shown as before; every table wider than its .table-wrap shows the
//     scroll hint (and .is-scrollable), a table that fits shows none, and
//     the cue follows a resize, and in module documents (single files) each
//     page shown with Next cues its tables; the menu and "On this page" are closed at
//     360 px (the menu open on the search page) and open at 1280 px, and the
//     menu opens with a tap without JavaScript
//
// Every offender is listed: page, selector, element and its size.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch } from './lib.mjs';
import { answer, contentPages, modulePages, practicePages, readQuestions, readSummary, rightSet, startAgain, takeAttempt, testPage, wrongSet } from './quizkit.mjs';
import fs from 'node:fs';
import {
  ALL_LOCALES,
  BUNDLE,
  SINGLE,
  SITE,
  fallbackOutput,
  fileUrl,
  htmlFiles,
  open,
  practiceOnlyOutput,
  requireBuilt,
  searchWithResults,
  withPage,
} from './a11ykit.mjs';

const MODULE = 'module-06';
const WIDTH = 360;
const PHONE = { viewport: { width: WIDTH, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const SCREEN = 740; // the first screen of a 360 x 740 phone
const FIRST = { viewport: { width: WIDTH, height: SCREEN }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const DESKTOP = { viewport: { width: 1280, height: 800 } };
const MIN_TAP = 44;

/** Links measured too, but only reported (diagnostics): selector. */
const EXTRA = ['.search-results a', '.search-all a'];

/** Tap targets: selector → whether the width must also be >= 44 px (buttons). */
const TARGETS = [
  ['.lang-switch a', false],
  ['.site-menu-button', true],
  ['.toc > summary', false],
  ['.toc a', false],
  ['.pager a', false],
  ['.doc-pager button', true],
  ['.quiz-check', true],
  ['.summary-retry', true],
  ['.reset-button', true],
  ['.chooser-list a', false],
  ['.quiz-opt', false],
  ['.button', false],
  // Links on a line of their own (style.css: "Tap targets on phones and tablets").
  ['a.site-title', false],
  ['.breadcrumb a', false],
  ['.on-this-page a', false],
  ['.module-card > a', false],
  // The search form in the header (when the site has search).
  ['.site-search input', false],
  ['.site-search button', true],
  // Graded tests (issue 19) and the question forms they use.
  ['.assess-submit', true],
  ['.assess-again', true],
  ['.quiz-match select', false],
  ['.quiz-move button', true],
  ['.quiz-short input', false],
];

let browser;
let fallback;
let practiceOnly;
before(async () => {
  requireBuilt(path.join(SITE, 'index.html'), path.join(BUNDLE, 'START.html'));
  fallback = fallbackOutput();
  practiceOnly = practiceOnlyOutput();
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
  if (fallback) fallback.cleanup();
  if (practiceOnly) practiceOnly.cleanup();
});

/**
 * Runs in the page: horizontal overflow (and the elements that stick out),
 * tables and their wraps, tap target sizes, the table of contents state.
 * With `openToc`, opens every closed <details class="toc"> first.
 */
function measure({ targets, extraSel, minTap, openToc }) {
  const vw = document.documentElement.clientWidth;
  const desc = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    const cls = (el.getAttribute('class') || '').trim();
    if (cls) s += '.' + cls.split(/\s+/).join('.');
    const t = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return t ? `${s} "${t}"` : s;
  };
  const tocs = [...document.querySelectorAll('details.toc')];
  const tocOpen = tocs.map((d) => d.open);
  // With the contents opened, the header's menu and "On this page" are opened too.
  const menus = [...document.querySelectorAll('details.site-menu, details.on-this-page')];
  const menuOpen = menus.map((d) => d.open);
  if (openToc) for (const d of [...tocs, ...menus]) d.open = true;
  const scrolls = (el) => /(auto|scroll)/.test(getComputedStyle(el).overflowX);
  const inScroller = (el) => {
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) if (scrolls(e)) return e;
    return null;
  };
  // Elements sticking out to the right of the viewport, outside a scrolling box.
  const sticking = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (sticking.length >= 6) break;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= vw + 0.5) continue;
    if (inScroller(el)) continue;
    if (el.parentElement && el.parentElement.getBoundingClientRect().right > vw + 0.5 && !scrolls(el.parentElement)) continue; // report the outermost
    sticking.push(`${desc(el)} right edge at ${Math.round(r.right)} px`);
  }
  const tables = [...document.querySelectorAll('table')]
    .filter((t) => t.checkVisibility())
    .map((t) => {
      const wrap = t.closest('.table-wrap');
      const r = t.getBoundingClientRect();
      return {
        width: Math.round(r.width),
        wrapped: !!wrap,
        wrapScrolls: !!wrap && scrolls(wrap),
        wrapClient: wrap ? wrap.clientWidth : null,
        wrapScroll: wrap ? wrap.scrollWidth : null,
        wrapRight: wrap ? Math.round(wrap.getBoundingClientRect().right) : null,
        caption: desc(t.querySelector('th, td') || t),
      };
    });
  const taps = [];
  const extra = [];
  for (const sel of extraSel) {
    for (const el of document.querySelectorAll(sel)) {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) || el.closest('details:not([open])')) continue;
      const r = el.getBoundingClientRect();
      if (r.height < minTap - 0.01) extra.push(`${sel}: ${Math.round(r.height * 10) / 10} px high`);
    }
  }
  for (const [sel, needWidth] of targets) {
    for (const el of document.querySelectorAll(sel)) {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const r = el.getBoundingClientRect();
      taps.push({ sel, el: desc(el), w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10, small: r.height < minTap - 0.01 || (needWidth && r.width < minTap - 0.01) });
    }
  }
  const result = {
    vw,
    scrollWidth: document.documentElement.scrollWidth,
    bodyScrollWidth: document.body.scrollWidth,
    sticking,
    tables,
    taps,
    extra,
    tocOpen,
  };
  if (openToc) {
    tocs.forEach((d, i) => (d.open = tocOpen[i])); // as it was
    menus.forEach((d, i) => (d.open = menuOpen[i]));
  }
  return result;
}

/** Add the findings of one measure() to the lists. */
function judge(m, label, out) {
  if (m.scrollWidth > WIDTH || m.bodyScrollWidth > WIDTH) {
    out.overflow.push(`${label}: page scrolls sideways: scrollWidth ${m.scrollWidth} px (body ${m.bodyScrollWidth} px) > ${WIDTH} px${m.sticking.length ? '; sticking out: ' + m.sticking.join('; ') : ''}`);
  }
  for (const t of m.tables) {
    if (t.width > m.vw || (t.wrapScroll !== null && t.wrapScroll > t.wrapClient)) {
      out.wideTables++;
      if (!t.wrapped) out.tables.push(`${label}: table ${t.caption} is ${t.width} px wide and not inside a .table-wrap`);
      else if (!t.wrapScrolls) out.tables.push(`${label}: table ${t.caption} is ${t.width} px wide; its .table-wrap does not scroll (overflow-x)`);
      else if (t.wrapRight > m.vw) out.tables.push(`${label}: the .table-wrap of table ${t.caption} ends at ${t.wrapRight} px, beyond the ${m.vw} px screen`);
    }
  }
  for (const e of m.extra || []) out.extra.add(e);
  for (const x of m.taps) {
    out.seen.add(x.sel);
    if (x.small) out.taps.push(`${label}: ${x.sel}: ${x.el} is ${x.w} x ${x.h} px (needs >= ${MIN_TAP} px high${TARGETS.find(([s]) => s === x.sel)[1] ? ' and wide' : ''})`);
  }
}

const newFindings = () => ({ overflow: [], tables: [], taps: [], seen: new Set(), wideTables: 0, toc: [], extra: new Set() });

function failOn(out, what) {
  const lines = [];
  if (out.overflow.length) lines.push(`${out.overflow.length} page(s) scroll sideways at ${WIDTH} px:\n${out.overflow.join('\n')}`);
  if (out.tables.length) lines.push(`${out.tables.length} wide table(s) not scrolling inside .table-wrap:\n${out.tables.join('\n')}`);
  if (out.taps.length) lines.push(`${out.taps.length} tap target(s) smaller than ${MIN_TAP} px:\n${[...new Set(out.taps)].join('\n')}`);
  if (out.toc.length) lines.push(`${out.toc.length} table(s) of contents in the wrong state:\n${out.toc.join('\n')}`);
  for (const sel of what) if (!out.seen.has(sel)) lines.push(`no visible ${sel} was found to measure`);
  if (lines.length) assert.fail(lines.join('\n\n'));
}

/** Measure the page as it is, then again with the table of contents opened (overflow and its links). */
async function measurePage(page, label, out, { tocClosed = true } = {}) {
  const m = await page.evaluate(measure, { targets: TARGETS, extraSel: EXTRA, minTap: MIN_TAP, openToc: false });
  judge(m, label, out);
  const wide = out.wideTables;
  if (tocClosed) for (const [i, o] of m.tocOpen.entries()) if (o) out.toc.push(`${label}: details.toc #${i + 1} is open at ${WIDTH} px (should be a closed menu)`);
  if (m.tocOpen.length) judge(await page.evaluate(measure, { targets: TARGETS.filter(([sel]) => /^\.(toc|lang-switch|site-search|on-this-page)/.test(sel)), extraSel: [], minTap: MIN_TAP, openToc: true }), `${label} (contents and menus opened)`, out);
  out.wideTables = wide;
  return m;
}

test(`phone ${WIDTH} px: every page of the site in every locale and the fallback pages — no sideways scroll, tables scroll in .table-wrap, tap targets >= ${MIN_TAP} px, contents collapsed`, async (t) => {
  const out = newFindings();
  let n = 0;
  for (const [root, name] of [
    [SITE, 'site'],
    [path.join(fallback.out, 'site'), 'fixture site'],
  ]) {
    await withPage(browser, root, PHONE, async (page, problems) => {
      for (const rel of htmlFiles(root)) {
        const label = `${name}/${rel}`;
        await open(page, problems, fileUrl(path.join(root, rel)) + (rel === 'index.html' ? '#choose' : ''), label);
        await measurePage(page, label, out);
        n++;
      }
    });
  }
  await withPage(browser, path.dirname(SITE), PHONE, async (page, problems) => {
    await open(page, problems, fileUrl(path.join(BUNDLE, 'START.html')), 'bundle/START.html');
    await measurePage(page, 'bundle/START.html', out);
    n++;
  });
  t.diagnostic(`${n} pages at ${WIDTH} px; ${out.wideTables} table(s) wider than the screen`);
  for (const e of out.extra) t.diagnostic(`(not failing) smaller than ${MIN_TAP} px: ${e}`);
  failOn(out, ['.lang-switch a', '.site-menu-button', '.toc > summary', '.toc a', '.pager a', '.chooser-list a', '.quiz-opt', '.quiz-check', '.button', 'a.site-title', '.breadcrumb a', '.on-this-page a', '.module-card > a']);
});

test(`phone ${WIDTH} px: every page of every single-file module — no sideways scroll, tap targets >= ${MIN_TAP} px`, async (t) => {
  const out = newFindings();
  let n = 0;
  for (const [root, name] of [
    [SINGLE, 'single'],
    [path.join(fallback.out, 'single'), 'fixture single'],
  ]) {
    await withPage(browser, root, PHONE, async (page, problems) => {
      for (const rel of htmlFiles(root)) {
        await open(page, problems, fileUrl(path.join(root, rel)), `${name}/${rel}`);
        const count = await page.evaluate(() => window.darslikDoc.position().count);
        for (let i = 0; i < count; i++) {
          await page.evaluate((j) => window.darslikDoc.show(j), i);
          await measurePage(page, `${name}/${rel} (page ${i + 1} of ${count})`, out);
          n++;
        }
      }
    });
  }
  t.diagnostic(`${n} module pages at ${WIDTH} px; ${out.wideTables} table(s) wider than the screen`);
  failOn(out, ['.doc-pager button', '.toc > summary', '.toc a', '.quiz-opt', '.quiz-check']);
});

for (const locale of ALL_LOCALES) {
  test(`phone ${WIDTH} px: ${locale}: practice quiz checked, post-test submitted with the module result, course home with progress and reset, search results — no sideways scroll, buttons, options and answer fields >= ${MIN_TAP} px`, async (t) => {
    const out = newFindings();
    await withPage(browser, SITE, PHONE, async (page, problems) => {
      const quiz = practicePages(locale, MODULE)[0];
      await open(page, problems, fileUrl(path.join(SITE, locale, quiz)), `site/${locale}/${quiz}`);
      const { questions: qs } = await readQuestions(page);
      assert.ok(qs.length > 0, `no practice question on ${quiz}`);
      for (let i = 0; i < qs.length; i++) await answer(page, qs[i], i % 2 ? wrongSet(qs[i]) : rightSet(qs[i]));
      await measurePage(page, `site/${locale}/${quiz} (checked)`, out);
      // The post-test: open (every form answered), after attempt 1 ("Start
      // attempt 2"), after the last attempt (review and the module result).
      const post = testPage(locale, MODULE, 'post-test');
      await open(page, problems, fileUrl(path.join(SITE, locale, post)), `site/${locale}/${post}`);
      await measurePage(page, `site/${locale}/${post} (open)`, out);
      await takeAttempt(page, (i) => (i % 2 ? 'wrong' : 'right'));
      await measurePage(page, `site/${locale}/${post} (attempt 1 submitted)`, out);
      await startAgain(page);
      await takeAttempt(page, (i) => (i % 3 ? 'right' : 'wrong'));
      assert.ok((await readSummary(page))?.visible, 'module result not shown');
      await measurePage(page, `site/${locale}/${post} (last attempt submitted)`, out);
      await open(page, problems, fileUrl(path.join(SITE, locale, 'index.html')), `site/${locale}/index.html`);
      await measurePage(page, `site/${locale}/index.html (with progress)`, out);
      if (fs.existsSync(path.join(SITE, locale, 'search.html'))) {
        const label = `site/${locale}/search.html`;
        const { word } = await searchWithResults(page, problems, locale, label);
        await measurePage(page, `${label} (results for "${word}")`, out);
      }
    });
    for (const e of out.extra) t.diagnostic(`(not failing) smaller than ${MIN_TAP} px: ${e}`);
    failOn(out, ['.quiz-opt', '.quiz-check', '.reset-button', '.button', '.lang-switch a', '.pager a', '.assess-submit', '.assess-again', '.quiz-match select', '.quiz-move button', '.quiz-short input']);
  });
}

test(`phone ${WIDTH} px: en: a module with practice questions only (the sample course without its tests): quiz checked, module result and "try again" >= ${MIN_TAP} px`, async (t) => {
  const out = newFindings();
  const site = practiceOnly.site;
  await withPage(browser, site, PHONE, async (page, problems) => {
    const pages = modulePages('en', MODULE, site);
    const quiz = pages[pages.length - 1];
    await open(page, problems, fileUrl(path.join(site, 'en', quiz)), `practice-only site/en/${quiz}`);
    const { questions: qs } = await readQuestions(page);
    assert.ok(qs.length > 0, `no practice question on ${quiz}`);
    for (let i = 0; i < qs.length; i++) await answer(page, qs[i], i % 2 ? wrongSet(qs[i]) : rightSet(qs[i]));
    assert.ok((await readSummary(page))?.visible, 'module result not shown');
    await measurePage(page, `practice-only site/en/${quiz} (checked)`, out);
  });
  for (const e of out.extra) t.diagnostic(`(not failing) smaller than ${MIN_TAP} px: ${e}`);
  failOn(out, ['.quiz-opt', '.quiz-check', '.summary-retry']);
});

test(`phone ${WIDTH} px: a table with an unbreakable cell scrolls inside its .table-wrap, not the page`, async () => {
  await withPage(browser, SITE, PHONE, async (page, problems) => {
    const rel = contentPages('en', MODULE)[0];
    await open(page, problems, fileUrl(path.join(SITE, 'en', rel)));
    const r = await page.evaluate(() => {
      const wrap = document.querySelector('main .table-wrap');
      if (!wrap) return null;
      const cell = wrap.querySelector('td');
      cell.textContent = 'https://example.org/' + 'a-very-long-unbreakable-reference-'.repeat(6);
      return { wrapScroll: wrap.scrollWidth, wrapClient: wrap.clientWidth, page: document.documentElement.scrollWidth, overflowX: getComputedStyle(wrap).overflowX };
    });
    assert.ok(r, `no .table-wrap in site/en/${rel}`);
    assert.ok(r.wrapScroll > r.wrapClient, `the table should be wider than its wrap (${r.wrapScroll} <= ${r.wrapClient})`);
    assert.match(r.overflowX, /auto|scroll/, '.table-wrap must scroll sideways');
    assert.ok(r.page <= WIDTH, `the page scrolls sideways (${r.page} px) instead of the table's wrap`);
  });
});

/** Open/closed state of every shown details.toc of `files` (dir, rel) at both widths. */
async function tocStates(files) {
  const wrong = [];
  let n = 0;
  for (const [opts, size, wantOpen] of [
    [PHONE, `${WIDTH} px`, false],
    [DESKTOP, '1280 px', true],
  ]) {
    await withPage(browser, path.dirname(SITE), opts, async (page, problems) => {
      for (const [dir, rel] of files) {
        const label = `${dir}/${rel} [${size}]`;
        await open(page, problems, fileUrl(path.join(path.dirname(SITE), dir, rel)) + (rel === 'index.html' ? '#choose' : ''), label);
        const st = await page.evaluate(() => [...document.querySelectorAll('details.toc')].filter((d) => d.closest('[hidden]') === null).map((d) => d.open));
        for (const o of st) {
          n++;
          if (o !== wantOpen) wrong.push(`${label}: the table of contents is ${o ? 'open' : 'closed'}, should be ${wantOpen ? 'open' : 'closed'}`);
        }
      }
    });
  }
  return { wrong, n };
}

test(`table of contents: a closed <details> at ${WIDTH} px and open at 1280 px on every page of the site`, async (t) => {
  const { wrong, n } = await tocStates(htmlFiles(SITE).map((r) => ['site', r]));
  t.diagnostic(`${n} tables of contents checked`);
  assert.ok(n > 0, 'no details.toc found on any page');
  if (wrong.length) assert.fail(`${wrong.length} table(s) of contents in the wrong state:\n${wrong.join('\n')}`);
});

// Module documents (single-file, SCORM): paging.js opens details.doc-toc on wide screens.
test(
  `table of contents: a closed <details> at ${WIDTH} px and open at 1280 px in every single-file module`,
  async (t) => {
    const { wrong, n } = await tocStates(htmlFiles(SINGLE).map((r) => ['single', r]));
    t.diagnostic(`${n} tables of contents checked`);
    assert.ok(n > 0, 'no details.toc found in any module document');
    if (wrong.length) assert.fail(`${wrong.length} table(s) of contents in the wrong state:\n${wrong.join('\n')}`);
  },
);

// ---------------------------------------------------------------------------
// Issue 25: phone first.

/** The content pages of a locale: every page of site/<locale>/ but the search, results and glossary pages. */
const contentOf = (locale) => htmlFiles(path.join(SITE, locale)).filter((rel) => !/^(search|results|glossary)\.html$/.test(rel));

/** Runs in the page: where the header, the h1 and the first paragraph of the text are. */
function firstScreen() {
  const h1 = document.querySelector('main h1');
  const after = (el) => h1 && h1.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING;
  // The first paragraph of the text: a <p> with text after the h1, not in a
  // menu, notice or "On this page".
  const p = [...document.querySelectorAll('main article p')].find(
    (el) => after(el) && el.textContent.trim() && !el.closest('nav, details, .notice, .table-hint'),
  );
  const box = (el) => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { top: Math.round(r.top), bottom: Math.round(r.bottom), visible: el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) };
  };
  return { header: box(document.querySelector('.site-header')), h1: box(h1), p: box(p), pText: p ? p.textContent.trim().slice(0, 40) : '' };
}

test(`phone ${WIDTH} x ${SCREEN}: every content page in every locale shows its h1 and the top of its first paragraph on the first screen`, async (t) => {
  const wrong = [];
  let n = 0;
  let worst = { top: 0 };
  await withPage(browser, SITE, FIRST, async (page, problems) => {
    for (const locale of ALL_LOCALES) {
      for (const rel of contentOf(locale)) {
        const label = `site/${locale}/${rel}`;
        await open(page, problems, fileUrl(path.join(SITE, locale, rel)), label);
        const m = await page.evaluate(firstScreen);
        n++;
        if (!m.h1 || !m.h1.visible) wrong.push(`${label}: no visible h1`);
        else if (m.h1.top < 0 || m.h1.bottom > SCREEN) wrong.push(`${label}: the h1 is at ${m.h1.top}–${m.h1.bottom} px, not within the first ${SCREEN} px`);
        if (!m.p || !m.p.visible) wrong.push(`${label}: no visible paragraph after the h1`);
        else if (m.p.top >= SCREEN) wrong.push(`${label}: the first paragraph ("${m.pText}…") starts at ${m.p.top} px, below the first screen (${SCREEN} px)`);
        else if (m.p.top > worst.top) worst = { top: m.p.top, label };
        if (m.header && m.header.bottom > 120) wrong.push(`${label}: the header is ${m.header.bottom} px high (a compact header is at most 120 px)`);
      }
    }
  });
  t.diagnostic(`${n} content pages; the lowest first paragraph starts at ${worst.top} px (${worst.label})`);
  assert.ok(n >= 4 * 20, `only ${n} content pages found`);
  if (wrong.length) assert.fail(`${wrong.length} problem(s) on the first screen at ${WIDTH} x ${SCREEN}:\n${wrong.join('\n')}`);
});

/** Runs in the page: every shown .table-wrap (under `root`, a selector), whether it overflows and what cue it shows. */
function tableCues(root) {
  return [...document.querySelectorAll(root ? `${root} .table-wrap` : '.table-wrap')]
    .filter((w) => w.checkVisibility())
    .map((w) => {
      const hint = w.previousElementSibling && w.previousElementSibling.classList.contains('table-hint') ? w.previousElementSibling : null;
      return {
        over: w.scrollWidth > w.clientWidth + 1,
        size: `${w.scrollWidth}/${w.clientWidth} px`,
        cls: w.classList.contains('is-scrollable'),
        hint: !!hint && hint.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && hint.getBoundingClientRect().height > 0,
        hintText: hint ? hint.textContent : '',
        cell: (w.querySelector('th, td') || w).textContent.trim().slice(0, 30),
      };
    });
}

const HINTS = { en: 'Scroll the table sideways →', ru: 'Листайте таблицу вбок →', uz: 'Jadvalni yon tomonga suring →', 'uz-Cyrl': 'Жадвални ён томонга суринг →' };

for (const [size, opts] of [
  [`${WIDTH} px`, FIRST],
  ['1280 px', DESKTOP],
]) {
  test(`tables at ${size}: every table wider than its box shows the localized scroll hint, a table that fits shows none`, async (t) => {
    const wrong = [];
    let over = 0;
    let fit = 0;
    await withPage(browser, SITE, opts, async (page, problems) => {
      for (const locale of ALL_LOCALES) {
        for (const rel of contentOf(locale)) {
          const label = `site/${locale}/${rel}`;
          await open(page, problems, fileUrl(path.join(SITE, locale, rel)), label);
          for (const c of await page.evaluate(tableCues)) {
            if (c.over) {
              over++;
              if (!c.hint || !c.cls) wrong.push(`${label}: table "${c.cell}" scrolls (${c.size}) but shows ${c.hint ? '' : 'no hint'}${!c.hint && !c.cls ? ' and ' : ''}${c.cls ? '' : 'no .is-scrollable'}`);
              else if (c.hintText !== HINTS[locale]) wrong.push(`${label}: the hint reads "${c.hintText}", expected "${HINTS[locale]}"`);
            } else {
              fit++;
              if (c.hint || c.cls) wrong.push(`${label}: table "${c.cell}" fits (${c.size}) but shows a scroll cue`);
            }
          }
        }
      }
    });
    t.diagnostic(`${over} table(s) wider than their box, ${fit} that fit`);
    if (opts === FIRST) assert.ok(over >= 20, `only ${over} wide tables at ${size}: the check would prove little`);
    else assert.ok(fit >= 20, `only ${fit} tables that fit at ${size}`);
    if (wrong.length) assert.fail(`${wrong.length} table(s) with a wrong scroll cue:\n${wrong.join('\n')}`);
  });
}

test(`tables in module documents at ${WIDTH} px: each page shown with Next cues its wide tables, in its locale`, async (t) => {
  // A module document (single file, SCORM SCO) holds every page; all but the
  // one shown are hidden, so a table is measured when its page is shown.
  const wrong = [];
  let over = 0;
  let turns = 0;
  await withPage(browser, SINGLE, FIRST, async (page, problems) => {
    for (const rel of htmlFiles(SINGLE)) {
      const locale = rel.split('/')[0];
      await open(page, problems, fileUrl(path.join(SINGLE, rel)), `single/${rel}`);
      const count = await page.evaluate(() => window.darslikDoc.position().count);
      for (let i = 0; i < count; i++) {
        if (i > 0) {
          await page.locator('.doc-locale:not([hidden]) .pager-next').click();
          turns++;
        }
        // A page not measured while laid out ahead is measured just after the turn's frame.
        const at = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(window.darslikDoc.position().index), 50))));
        if (at !== i) { wrong.push(`single/${rel}: Next showed page ${at}, expected ${i}`); break; }
        // The page shown (the next one is laid out ahead, hidden).
        for (const c of await page.evaluate(tableCues, '.doc-page:not([hidden])')) {
          if (!c.over) continue;
          over++;
          if (!c.hint || !c.cls) wrong.push(`single/${rel}, page ${i + 1}: table "${c.cell}" scrolls (${c.size}) but shows ${c.hint ? '' : 'no hint'}${!c.hint && !c.cls ? ' and ' : ''}${c.cls ? '' : 'no .is-scrollable'}`);
          else if (c.hintText !== HINTS[locale]) wrong.push(`single/${rel}, page ${i + 1}: the hint reads "${c.hintText}", expected "${HINTS[locale]}"`);
        }
      }
    }
  });
  t.diagnostic(`${over} wide table(s) seen over ${turns} page turns`);
  assert.ok(over >= 10, `only ${over} wide tables in the module documents: the check would prove little`);
  if (wrong.length) assert.fail(`${wrong.length} table(s) in module documents with a wrong scroll cue:\n${wrong.join('\n')}`);
});

test('tables: the scroll cue follows a resize (1280 px → 360 px → 1280 px)', async () => {
  await withPage(browser, SITE, DESKTOP, async (page, problems) => {
    const rel = 'case-digest/02-corroboration.html';
    await open(page, problems, fileUrl(path.join(SITE, 'ru', rel)));
    const shown = async () => (await page.evaluate(tableCues)).map((c) => `${c.over}:${c.hint}:${c.cls}`).join(' ');
    assert.match(await shown(), /^(false:false:false ?)+$/, 'at 1280 px the tables fit and show no cue');
    await page.setViewportSize({ width: WIDTH, height: SCREEN });
    await page.waitForFunction(() => document.querySelector('.table-wrap.is-scrollable'), null, { timeout: 3000 });
    assert.match(await shown(), /true:true:true/, 'at 360 px a table overflows and shows its cue');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForFunction(() => !document.querySelector('.table-wrap.is-scrollable'), null, { timeout: 3000 });
    assert.match(await shown(), /^(false:false:false ?)+$/, 'back at 1280 px the cue is gone');
  });
});

test(`header at ${WIDTH} px: one row (brand and Menu); the menu opens with the keyboard and holds search and languages; at 1280 px both shown without a button`, async () => {
  for (const locale of ALL_LOCALES) {
    const rel = contentPages(locale, MODULE)[0];
    await withPage(browser, SITE, FIRST, async (page, problems) => {
      await open(page, problems, fileUrl(path.join(SITE, locale, rel)));
      const closed = await page.evaluate(() => {
        const r = (s) => document.querySelector(s).getBoundingClientRect();
        const vis = (s) => document.querySelector(s).checkVisibility({ checkVisibilityCSS: true });
        return { title: r('.site-title'), button: r('.site-menu-button'), search: vis('#site-search-q'), langs: vis('.lang-switch'), open: document.querySelector('.site-menu').open };
      });
      assert.equal(closed.open, false, `${locale}: the menu is open at first`);
      assert.ok(!closed.search && !closed.langs, `${locale}: search or languages shown with the menu closed`);
      assert.ok(closed.title.height <= 48, `${locale}: the course title takes ${closed.title.height} px (one line expected)`);
      assert.ok(closed.button.top < closed.title.bottom && closed.button.bottom > closed.title.top, `${locale}: the menu button is not on the title's row`);
      // Keyboard: Tab from the top reaches the button, Enter opens it, Tab reaches the search field.
      let on = '';
      for (let i = 0; i < 6 && on !== 'menu'; i++) {
        await page.keyboard.press('Tab');
        on = await page.evaluate(() => (document.activeElement.classList.contains('site-menu-button') ? 'menu' : ''));
      }
      assert.equal(on, 'menu', `${locale}: the menu button is not reached with Tab`);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const opened = await page.evaluate(() => ({
        open: document.querySelector('.site-menu').open,
        focus: document.activeElement.id,
        langs: [...document.querySelectorAll('.lang-switch a')].filter((a) => a.checkVisibility()).length,
        scroll: document.documentElement.scrollWidth,
      }));
      assert.ok(opened.open, `${locale}: Enter does not open the menu`);
      assert.equal(opened.focus, 'site-search-q', `${locale}: Tab after opening the menu does not reach the search field`);
      assert.equal(opened.langs, ALL_LOCALES.length - 1, `${locale}: the opened menu shows ${opened.langs} other languages`);
      assert.ok(opened.scroll <= WIDTH, `${locale}: the opened menu makes the page ${opened.scroll} px wide`);
    });
    await withPage(browser, SITE, DESKTOP, async (page, problems) => {
      await open(page, problems, fileUrl(path.join(SITE, locale, rel)));
      const wide = await page.evaluate(() => {
        const vis = (s) => document.querySelector(s).checkVisibility({ checkVisibilityCSS: true });
        return { button: vis('.site-menu-button'), search: vis('#site-search-q'), langs: vis('.lang-switch'), header: document.querySelector('.site-header').getBoundingClientRect().height };
      });
      assert.ok(!wide.button, `${locale}: the menu button shows at 1280 px`);
      assert.ok(wide.search && wide.langs, `${locale}: search or languages hidden at 1280 px`);
      assert.ok(wide.header <= 100, `${locale}: the header is ${wide.header} px high at 1280 px (one row expected)`);
    });
  }
});

test(`header menu and "On this page": closed at ${WIDTH} px (open on the search page), open at 1280 px; without JavaScript the menu opens with a tap`, async (t) => {
  const wrong = [];
  let n = 0;
  for (const [opts, size, wantOpen] of [
    [FIRST, `${WIDTH} px`, false],
    [DESKTOP, '1280 px', true],
  ]) {
    await withPage(browser, SITE, opts, async (page, problems) => {
      for (const locale of ALL_LOCALES) {
        for (const rel of htmlFiles(path.join(SITE, locale))) {
          const label = `site/${locale}/${rel} [${size}]`;
          await open(page, problems, fileUrl(path.join(SITE, locale, rel)), label);
          const st = await page.evaluate(() => [...document.querySelectorAll('details.site-menu, details.on-this-page')].map((d) => [d.className, d.open]));
          for (const [cls, o] of st) {
            n++;
            const want = wantOpen || (cls === 'site-menu' && rel === 'search.html');
            if (o !== want) wrong.push(`${label}: details.${cls} is ${o ? 'open' : 'closed'}, should be ${want ? 'open' : 'closed'}`);
          }
        }
      }
    });
  }
  t.diagnostic(`${n} menus and "On this page" boxes checked`);
  assert.ok(n >= 2 * 4 * 20, `only ${n} found`);
  if (wrong.length) assert.fail(`${wrong.length} in the wrong state:\n${wrong.join('\n')}`);
  await withPage(browser, SITE, { ...FIRST, javaScriptEnabled: false }, async (page, problems) => {
    await open(page, problems, fileUrl(path.join(SITE, 'ru', contentPages('ru', MODULE)[0])));
    assert.equal(await page.locator('#site-search-q').isVisible(), false, 'without JavaScript the search field shows before the menu is opened');
    await page.tap('.site-menu-button');
    assert.equal(await page.locator('#site-search-q').isVisible(), true, 'without JavaScript a tap on Menu does not show the search field');
    assert.equal(await page.locator('.lang-switch a').count(), ALL_LOCALES.length - 1);
  });
});
