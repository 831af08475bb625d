// Keyboard use and page structure, in real Chromium over file://, offline
// (issue 9):
//
//   - skip link: on a content page (every locale, desktop and phone width)
//     and on the other page types, the first Tab focuses the skip link, it is
//     shown inside the viewport and not covered or clipped; Enter moves the
//     focus into <main>, and the next Tab stays in <main>
//   - visible focus and logical order: Tab through whole pages (light and
//     dark; chooser, home, module pages, practice quiz checked, post-test
//     submitted, single-file module, START.html, search results); every
//     focus stop has an outline (contrast >= 3:1 with what is behind it) or a
//     box-shadow, focus follows the document order, no positive tabindex
//   - a module completed with the keyboard alone: from the module landing
//     page, Tab to "Next" and Enter, to the last page; the practice quiz on
//     the way answered with Tab / Space / Arrow / Enter; the post-test (all
//     five question forms) answered with Tab / Space / Arrow / Enter and
//     typing, submitted with Enter twice; the module result shows it passed
//   - the same in a single-file module, paging with its pager buttons
//   - landmarks and headings on every page of the site, START.html, every
//     page of every single-file module and the fallback pages of
//     tests/fixtures/basic: one <main>, every <nav> has an accessible name,
//     exactly one visible <h1> (module documents: one at a time)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './lib.mjs';
import {
  PRACTICE,
  TEXT,
  contentPages,
  modulePages,
  pageKind,
  practicePages,
  readQuestions,
  readSummary,
  readTest,
  rightResponse,
  rightSet,
  startAgain,
  takeAttempt,
  testPage,
  testState,
} from './quizkit.mjs';
import {
  ALL_LOCALES,
  BUNDLE,
  SCHEMES,
  SINGLE,
  SITE,
  fallbackOutput,
  fileUrl,
  focusIndicator,
  focusInfo,
  htmlFiles,
  keyboardAnswer,
  keyboardAnswerGraded,
  keyboardSubmit,
  open,
  requireBuilt,
  searchWithResults,
  tabUntil,
  withPage,
} from './a11ykit.mjs';

const MODULE = 'module-06';
const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };
const MIN_FOCUS_CONTRAST = 3; // WCAG 1.4.11, non-text contrast

let browser;
let fallback;
before(async () => {
  requireBuilt(path.join(SITE, 'index.html'), path.join(BUNDLE, 'START.html'), path.join(SINGLE, 'en', `${MODULE}.html`));
  fallback = fallbackOutput();
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
  if (fallback) fallback.cleanup();
});

const siteUrl = (locale, rel) => fileUrl(path.join(SITE, locale, rel));
/** The page shown in a module document. */
const SHOWN = '.doc-locale:not([hidden]) .doc-page:not([hidden])';

/** Where the skip link is and whether something covers or clips it (runs in the page). */
function skipLinkState(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a || !a.classList.contains('skip-link')) return { focused: false, got: a ? a.outerHTML.slice(0, 120) : null };
    const r = a.getBoundingClientRect();
    const cs = getComputedStyle(a);
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    const hit = document.elementFromPoint(cx, cy);
    let clippedBy = null;
    for (let e = a.parentElement; e && e !== document.documentElement; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.overflow !== 'visible') {
        const pr = e.getBoundingClientRect();
        if (r.left < pr.left || r.top < pr.top || r.right > pr.right || r.bottom > pr.bottom) clippedBy = e.tagName.toLowerCase() + (e.className ? '.' + e.className : '');
      }
    }
    return {
      focused: true,
      rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
      viewport: { width: innerWidth, height: innerHeight },
      clip: cs.clip,
      clipPath: cs.clipPath,
      opacity: cs.opacity,
      visibility: cs.visibility,
      onTop: !!hit && (hit === a || a.contains(hit)),
      clippedBy,
      text: a.textContent.trim(),
    };
  });
}

async function checkSkipLink(page, label) {
  await page.keyboard.press('Tab');
  const s = await skipLinkState(page);
  assert.ok(s.focused, `${label}: the first Tab should focus the skip link (.skip-link), focused ${s.got}`);
  const { rect: r, viewport: v } = s;
  const inside = r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= v.width && r.bottom <= v.height;
  assert.ok(inside, `${label}: the focused skip link is not inside the viewport: ${JSON.stringify(r)} in ${v.width}x${v.height}`);
  assert.ok(s.clip === 'auto' && s.clipPath === 'none', `${label}: the focused skip link is clipped (clip ${s.clip}, clip-path ${s.clipPath})`);
  assert.ok(Number(s.opacity) === 1 && s.visibility === 'visible', `${label}: the focused skip link is not shown (opacity ${s.opacity}, visibility ${s.visibility})`);
  assert.ok(s.onTop, `${label}: something covers the focused skip link at its centre`);
  assert.equal(s.clippedBy, null, `${label}: the focused skip link is cut off by ${s.clippedBy}`);
  const ind = await focusIndicator(page);
  assert.ok(ind.visible, `${label}: the focused skip link has no focus indicator`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(50);
  const after = await page.evaluate(() => ({
    hash: location.hash,
    inMain: !!document.activeElement && !!document.activeElement.closest('main'),
    focused: document.activeElement ? document.activeElement.tagName.toLowerCase() + (document.activeElement.id ? '#' + document.activeElement.id : '') : null,
  }));
  assert.ok(after.inMain, `${label}: Enter on the skip link should move the focus into <main>, focus is on ${after.focused}`);
  await page.keyboard.press('Tab');
  const next = await focusInfo(page);
  assert.ok(next.inMain, `${label}: the Tab after the skip link should reach an element inside <main>, got ${JSON.stringify(next)}`);
}

for (const locale of ALL_LOCALES) {
  for (const [size, opts] of [
    ['1280 px', DESKTOP],
    ['360 px', PHONE],
  ]) {
    test(`skip link: ${locale}, ${size}: content page — first Tab shows it inside the viewport, Enter moves focus into main`, async () => {
      await withPage(browser, SITE, opts, async (page, problems) => {
        const rel = contentPages(locale, MODULE)[0];
        await open(page, problems, siteUrl(locale, rel));
        await checkSkipLink(page, `site/${locale}/${rel} [${size}]`);
      });
    });
  }
}

test('skip link: en: chooser, course home, module landing, practice quiz page, pre-test, post-test, single-file module', async () => {
  await withPage(browser, path.dirname(SITE), DESKTOP, async (page, problems) => {
    const pages = modulePages('en', MODULE);
    const tests = [testPage('en', MODULE, 'pre-test'), testPage('en', MODULE, 'post-test')];
    const list = [
      ['site/index.html#choose', fileUrl(path.join(SITE, 'index.html')) + '#choose'],
      ['site/en/index.html', siteUrl('en', 'index.html')],
      [`site/en/${pages[0]}`, siteUrl('en', pages[0])],
      ...[practicePages('en', MODULE)[0], ...tests].map((rel) => [`site/en/${rel}`, siteUrl('en', rel)]),
      [`single/en/${MODULE}.html`, fileUrl(path.join(SINGLE, 'en', `${MODULE}.html`))],
    ];
    for (const [label, href] of list) {
      await open(page, problems, href, label);
      await checkSkipLink(page, label);
    }
  });
});

/**
 * Tab through the whole page from the top; every stop must show a focus
 * indicator with enough contrast, and the stops must follow document order.
 */
async function tabThrough(page, label, offenders) {
  // A fresh load puts the sequential focus starting point at the top (the
  // quiz answers and the place in a module document are kept in localStorage).
  await page.reload({ waitUntil: 'load' });
  let last = -1;
  let first = null;
  let stops = 0;
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const f = await focusIndicator(page);
    if (!f) break; // left the page (focus on the browser UI / body)
    if (first === null) first = f.order;
    else if (f.order === first) break; // wrapped around
    stops++;
    if (i === 0 && f.positiveTabindex) offenders.push(`${label}: ${f.positiveTabindex} element(s) with a positive tabindex (breaks the logical order)`);
    if (!f.visible) offenders.push(`${label}: no visible focus on ${f.sel} "${f.text}" (outline ${f.outline}, box-shadow ${f.boxShadow})`);
    else if (f.contrast !== null && f.contrast < MIN_FOCUS_CONTRAST && f.boxShadow === 'none')
      offenders.push(`${label}: focus outline of ${f.sel} "${f.text}" has contrast ${f.contrast}:1 against its background (needs ${MIN_FOCUS_CONTRAST}:1): ${f.outline}`);
    if (!f.inViewport) offenders.push(`${label}: focus on an element with no size: ${f.sel}`);
    if (f.order < last) offenders.push(`${label}: focus order goes back up the document at ${f.sel} "${f.text}"`);
    last = f.order;
  }
  return stops;
}

for (const scheme of SCHEMES) {
  test(`focus visible and in document order: en, ${scheme}: every focus stop of chooser, home with progress, module landing, content page, practice quiz after checking, pre-test and post-test after submitting, single-file module (first, checked practice and submitted last page), START.html, search results`, async (t) => {
    const offenders = [];
    const counts = [];
    await withPage(browser, path.dirname(SITE), { ...DESKTOP, colorScheme: scheme }, async (page, problems) => {
      const pages = modulePages('en', MODULE);
      const quiz = practicePages('en', MODULE)[0];
      const pre = testPage('en', MODULE, 'pre-test');
      const post = testPage('en', MODULE, 'post-test');
      // Practice quiz page after checking (answers, verdicts and explanations shown).
      await open(page, problems, siteUrl('en', quiz), `site/en/${quiz}`);
      const { questions } = await readQuestions(page);
      for (const q of questions) {
        await page.locator(`fieldset.quiz-q[data-qid="${q.qid}"] input[value="${q.answer[0]}"]`).check();
        await page.locator(`fieldset.quiz-q[data-qid="${q.qid}"] .quiz-check`).click();
      }
      const list = [
        [`site/en/${quiz} (checked)`, null],
        // Pre-test submitted (its score); post-test after attempt 1 ("Start
        // attempt 2"), then after its last attempt (right answers, explanations
        // and the module result shown).
        [`site/en/${pre} (submitted)`, siteUrl('en', pre), () => takeAttempt(page, (i) => (i % 2 ? 'wrong' : 'right'))],
        [`site/en/${post} (attempt 1 submitted)`, siteUrl('en', post), () => takeAttempt(page, (i) => (i % 2 ? 'wrong' : 'right'))],
        [`site/en/${post} (last attempt submitted)`, siteUrl('en', post), async () => {
          await startAgain(page);
          await takeAttempt(page, (i) => (i % 3 ? 'right' : 'wrong'));
        }],
        ['site/index.html#choose', fileUrl(path.join(SITE, 'index.html')) + '#choose'],
        ['site/en/index.html (with progress)', siteUrl('en', 'index.html')],
        [`site/en/${pages[0]}`, siteUrl('en', pages[0])],
        [`site/en/${contentPages('en', MODULE)[0]}`, siteUrl('en', contentPages('en', MODULE)[0])],
        [`single/en/${MODULE}.html`, fileUrl(path.join(SINGLE, 'en', `${MODULE}.html`))],
        ['bundle/START.html', fileUrl(path.join(path.dirname(SITE), 'bundle', 'START.html'))],
      ];
      if (fs.existsSync(path.join(SITE, 'en', 'search.html'))) list.push(['site/en/search.html (results)', 'search']);
      for (const [label, href, prepare] of list) {
        if (href === 'search') await searchWithResults(page, problems, 'en', label);
        else if (href) await open(page, problems, href, label);
        if (prepare) await prepare();
        counts.push(`${label}: ${await tabThrough(page, `${label} [${scheme}]`, offenders)} stops`);
        if (label.startsWith('single/')) {
          // Its practice page, quiz checked, and its last page, the post-test
          // submitted (the document resumes on the page last shown on reload).
          const keys = await page.evaluate(() => [...document.querySelectorAll('.doc-locale:not([hidden]) .doc-page')].map((p) => p.getAttribute('data-page')));
          const at = keys.indexOf(`${quiz.replace(/\.html$/, '.md')}`);
          assert.ok(at > 0, `${label}: no page ${quiz} in the document`);
          await page.evaluate((i) => window.darslikDoc.show(i), at);
          const { questions: qs } = await readQuestions(page, SHOWN);
          assert.ok(qs.length > 0, `${label}: no practice question on page ${at + 1}`);
          for (const q of qs) {
            await page.locator(`${SHOWN} fieldset.quiz-q[data-qid="${q.qid}"] input[value="${q.answer[0]}"]`).check();
            await page.locator(`${SHOWN} fieldset.quiz-q[data-qid="${q.qid}"] .quiz-check`).click();
          }
          counts.push(`${label}, practice page (checked): ${await tabThrough(page, `${label}, practice page [${scheme}]`, offenders)} stops`);
          await page.evaluate(() => window.darslikDoc.show(window.darslikDoc.position().count - 1));
          await takeAttempt(page, (i) => (i % 2 ? 'wrong' : 'right'), SHOWN);
          counts.push(`${label}, last page (post-test submitted): ${await tabThrough(page, `${label}, last page [${scheme}]`, offenders)} stops`);
        }
      }
    });
    for (const c of counts) t.diagnostic(c);
    if (offenders.length) assert.fail(`${offenders.length} focus problem(s):\n${[...new Set(offenders)].join('\n')}`);
  });
}

for (const locale of ['en', 'ru']) {
  test(`keyboard only: ${locale}: ${MODULE} from its landing page — Tab to Next + Enter to the last page, practice quiz answered with Tab/Space/Arrow/Enter on the way, post-test answered and submitted with the keyboard, module passed`, async (t) => {
    await withPage(browser, SITE, DESKTOP, async (page, problems) => {
      const pages = modulePages(locale, MODULE);
      await open(page, problems, siteUrl(locale, pages[0]), `site/${locale}/${pages[0]}`);
      let practiced = 0;
      for (let i = 1; i < pages.length; i++) {
        const f = await tabUntil(page, (x) => x.tag === 'a' && /\bpager-next\b/.test(x.cls), `the "next" pager link (to ${pages[i]})`);
        const expected = siteUrl(locale, pages[i]);
        assert.equal(new URL(f.href, page.url()).href, expected, `page ${i}: the next link goes elsewhere`);
        problems.current = `site/${locale}/${pages[i]}`;
        await Promise.all([page.waitForURL(expected), page.keyboard.press('Enter')]);
        await page.waitForLoadState('load');
        if (pageKind(locale, pages[i]) !== 'practice') continue;
        // The practice quiz of this page, rightly, with the keyboard.
        const { questions } = await readQuestions(page);
        for (const q of questions) await keyboardAnswer(page, q, rightSet(q));
        practiced += questions.length;
      }
      assert.ok(practiced > 0, `no practice quiz on the way through ${MODULE}`);
      // The last page is the post-test: every question rightly, with the keyboard, then Submit (Enter twice).
      const test = await readTest(page);
      assert.equal(test.kind, 'post-test', `the last page of ${MODULE} is its post-test`);
      assert.deepEqual([...new Set(test.questions.map((q) => q.kind))].sort(), ['matching', 'multiple', 'ordering', 'short', 'single'], 'the post-test has every question form');
      for (const q of test.questions) {
        // The focus stays on the moved item after every move.
        assert.deepEqual(await keyboardAnswerGraded(page, q, rightResponse(q)), [], 'focus lost after a move');
      }
      await keyboardSubmit(page, test.page);
      assert.deepEqual((await testState(page, test.page)).att, [100], 'the post-test attempt made with the keyboard scores 100%');
      const s = await readSummary(page);
      assert.ok(s && s.visible, 'the module result is not shown after answering with the keyboard');
      assert.deepEqual(s.resultClass, ['is-passed'], `module result: ${s.result}`);
      if (TEXT[locale]) {
        await open(page, problems, siteUrl(locale, 'index.html'));
        const shown = await page.evaluate((m) => document.querySelector(`[data-module-progress="${m}"]`)?.textContent.trim(), MODULE);
        assert.equal(shown, TEXT[locale].home(pages.length, pages.length, 100, true), 'course home after the module');
      }
    });
  });
}

test(`keyboard only: single-file module single/en/${MODULE}.html — pager buttons with Tab + Enter to the last page, practice quiz and post-test answered, module passed`, async (t) => {
  const file = path.join(SINGLE, 'en', `${MODULE}.html`);
  await withPage(browser, SINGLE, DESKTOP, async (page, problems) => {
    await open(page, problems, fileUrl(file));
    const count = await page.evaluate(() => window.darslikDoc.position().count);
    assert.ok(count >= 2, 'the module document has fewer than two pages');
    let practiced = 0;
    for (let i = 1; i < count; i++) {
      await tabUntil(page, (x) => x.tag === 'button' && /\bpager-next\b/.test(x.cls), `the "next" pager button (to page ${i + 1})`);
      await page.keyboard.press(i % 2 ? 'Enter' : 'Space');
      const st = await page.evaluate(() => {
        const a = document.activeElement;
        const visible = [...document.querySelectorAll('h1')].filter((h) => h.checkVisibility({ visibilityProperty: true }));
        return { index: window.darslikDoc.position().index, focusOnH1: a && a.tagName === 'H1' && visible.includes(a) };
      });
      assert.equal(st.index, i, `after pressing ${i % 2 ? 'Enter' : 'Space'} on "next": page index`);
      assert.ok(st.focusOnH1, `page ${i + 1}: the focus should move to the heading of the page shown`);
      // A practice quiz on this page: answered rightly with the keyboard (the focus is on its heading).
      const { questions } = await readQuestions(page, SHOWN);
      for (const q of questions) await keyboardAnswer(page, q, rightSet(q));
      practiced += questions.length;
    }
    assert.ok(practiced > 0, 'no practice quiz on the way');
    // The last page: the post-test, with the keyboard (the focus is on its heading).
    const test = await readTest(page, SHOWN);
    assert.equal(test.kind, 'post-test', 'the last page is the post-test');
    await page.locator(`${SHOWN} h1`).focus();
    for (const q of test.questions) {
      // The focus stays on the moved item after every move.
      assert.deepEqual(await keyboardAnswerGraded(page, q, rightResponse(q)), [], 'focus lost after a move');
    }
    await keyboardSubmit(page, test.page);
    assert.deepEqual((await testState(page, test.page)).att, [100], 'the post-test attempt made with the keyboard scores 100%');
    const s = await readSummary(page);
    assert.ok(s && s.visible, 'the module result is not shown after answering with the keyboard');
    assert.deepEqual(s.resultClass, ['is-passed'], `module result: ${s.result}`);
    // Back with the keyboard too.
    await page.evaluate(() => window.scrollTo(0, 0));
    await tabUntil(page, (x) => x.tag === 'button' && /\bpager-prev\b/.test(x.cls), 'the "previous" pager button');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => window.darslikDoc.position().index), count - 2, '"previous" by keyboard');
  });
});

/** One <main>, named <nav>s, one visible <h1> (runs in the page). */
function structure() {
  const named = (el) => {
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      const t = by
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent || '')
        .join(' ')
        .trim();
      if (t) return t;
    }
    return (el.getAttribute('aria-label') || el.getAttribute('title') || '').trim();
  };
  const navs = [...document.querySelectorAll('nav, [role="navigation"]')];
  return {
    mains: document.querySelectorAll('main, [role="main"]').length,
    unnamedNavs: navs.filter((n) => !named(n)).map((n) => n.outerHTML.slice(0, 80)),
    navNames: navs.map(named),
    h1s: [...document.querySelectorAll('h1')].filter((h) => h.checkVisibility({ visibilityProperty: true })).map((h) => h.textContent.trim().slice(0, 60)),
  };
}

function checkStructure(s, label, list) {
  if (s.mains !== 1) list.push(`${label}: ${s.mains} <main> elements (needs exactly 1)`);
  for (const n of s.unnamedNavs) list.push(`${label}: <nav> without an accessible name: ${n}`);
  const dup = s.navNames.filter((n, i) => n && s.navNames.indexOf(n) !== i);
  if (dup.length) list.push(`${label}: several <nav> with the same name: ${[...new Set(dup)].join(', ')}`);
  if (s.h1s.length !== 1) list.push(`${label}: ${s.h1s.length} visible <h1> (needs exactly 1): ${JSON.stringify(s.h1s)}`);
}

test('landmarks and headings: every page has one <main>, named <nav>s and one visible <h1> (site, START.html, single-file modules page by page, fallback pages)', async (t) => {
  const offenders = [];
  let n = 0;
  const distRoot = path.dirname(SITE);
  const sites = [
    [distRoot, SITE, 'site'],
    [fallback.out, path.join(fallback.out, 'site'), 'fixture site'],
  ];
  for (const [root, site, name] of sites) {
    await withPage(browser, root, DESKTOP, async (page, problems) => {
      for (const rel of htmlFiles(site)) {
        const label = `${name}/${rel}`;
        const href = fileUrl(path.join(site, rel)) + (rel === 'index.html' ? '#choose' : '');
        await open(page, problems, href, label);
        checkStructure(await page.evaluate(structure), label, offenders);
        n++;
      }
    });
  }
  await withPage(browser, distRoot, DESKTOP, async (page, problems) => {
    await open(page, problems, fileUrl(path.join(BUNDLE, 'START.html')), 'bundle/START.html');
    checkStructure(await page.evaluate(structure), 'bundle/START.html', offenders);
    n++;
  });
  for (const [root, name] of [
    [SINGLE, 'single'],
    [path.join(fallback.out, 'single'), 'fixture single'],
  ]) {
    await withPage(browser, root, DESKTOP, async (page, problems) => {
      for (const rel of htmlFiles(root)) {
        await open(page, problems, fileUrl(path.join(root, rel)), `${name}/${rel}`);
        const count = await page.evaluate(() => window.darslikDoc.position().count);
        for (let i = 0; i < count; i++) {
          await page.evaluate((j) => window.darslikDoc.show(j), i);
          checkStructure(await page.evaluate(structure), `${name}/${rel} (page ${i + 1} of ${count})`, offenders);
          n++;
        }
      }
    });
  }
  t.diagnostic(`${n} pages checked`);
  if (offenders.length) assert.fail(`${offenders.length} structure problem(s):\n${offenders.join('\n')}`);
});
