// Progress people can see (issue 25): bars, counts, ticks and completion
// marks on the course home, in the contents, on the module index and in the
// "Your progress" section follow the pages seen and the tests taken, agree
// with each other, and go back to zero on reset without a reload; inside a
// SCORM package under scorm-again (tests/browser/scormlms.mjs) the module
// document shows the same, in step with what it sends to the LMS.
//
//   node --test tests/browser/progress.test.mjs   (after `darslik build`)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { dirUrl, dist, formatProblems, gotoSettled, launch, offlineContext, watchPage } from './lib.mjs';
import { keptCmi, launchFiles, openLms, serve, unzip } from './scormlms.mjs';
import { SITE, courseConfig, modulePages, ruPlural, takeAttempt, testPage } from './quizkit.mjs';

const SHOWN_PAGE = '.doc-locale:not([hidden]) .doc-page:not([hidden])';

const MODULE = 'module-06';
const COURSE = courseConfig();

/** What a learner reads, per locale (theme.ftl, written out by hand). */
const T = {
  en: {
    pages: (n) => `${n} ${n === 1 ? 'page' : 'pages'}`,
    of: (k, n) => `${k} of ${n} pages`,
    pct: (p) => `${p}%`,
    notYet: 'not yet',
    seen: 'seen',
    done: 'Module complete',
  },
  ru: {
    pages: (n) => `${n} ${ruPlural(n, 'страница', 'страницы', 'страниц')}`,
    of: (k, n) => `${k} из ${n} ${n % 10 === 1 && n % 100 !== 11 ? 'страницы' : 'страниц'}`,
    pct: (p) => `${p} %`,
    notYet: 'ещё нет',
    seen: 'просмотрено',
    done: 'Модуль пройден',
  },
  uz: {
    pages: (n) => `${n} sahifa`,
    of: (k, n) => `${n} sahifadan ${k} tasi`,
    pct: (p) => `${p} %`,
    notYet: 'hali yoʻq',
    seen: 'koʻrilgan',
    done: 'Modul yakunlangan',
  },
};

let browser;
const cleanup = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
  for (const d of cleanup) fs.rmSync(d, { recursive: true, force: true });
});

/**
 * Everything the page shows of module `m`'s progress: the home card, the
 * "Your progress" row, the module index, the contents (compact count and
 * ticks). Only what is visible counts: hidden elements read as null.
 */
function readView(page, m) {
  return page.evaluate((m) => {
    const vis = (el) => !!el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const bar = (el) => {
      const b = el && el.querySelector('.bar');
      if (!vis(b)) return null;
      const fill = b.querySelector('.bar-fill');
      return {
        now: Number(b.getAttribute('aria-valuenow')),
        max: Number(b.getAttribute('aria-valuemax')),
        text: b.getAttribute('aria-valuetext'),
        role: b.getAttribute('role'),
        fill: Math.round((fill.getBoundingClientRect().width / b.clientWidth) * 100),
      };
    };
    const text = (el) => (vis(el) ? el.textContent.replace(/\s+/g, ' ').trim() || null : null);
    const card = document.querySelector(`.module-card[data-of="${m}"]`);
    const row = document.querySelector(`.progress-modules [data-of="${m}"]`);
    const index = document.querySelector(`.module-pages[data-of="${m}"]`);
    const toc = document.querySelector(`.toc-module[data-of="${m}"]`);
    // The contents may be a closed menu (phones): read the ticks as they show once opened.
    for (const d of document.querySelectorAll('details.toc')) d.open = true;
    const ticks = (list) =>
      [...list].map((a) => {
        const mark = a.querySelector('.seen-mark');
        const shown = [...(mark ? mark.querySelectorAll('[aria-hidden="true"]') : [])].some((s) => vis(s) && s.textContent.includes('✓'));
        return { href: a.getAttribute('href'), tick: shown, hidden: mark ? mark.querySelector('.visually-hidden')?.textContent.trim() : null };
      });
    const score = (k) => text(row && row.querySelector(`[data-score="${k}"]`));
    return {
      card: card && {
        meta: text(card.querySelector('.module-meta')),
        bar: bar(card),
        progress: text(card.querySelector('[data-module-progress]')),
        done: text(card.querySelector('[data-done]')),
      },
      row: row && {
        bar: bar(row),
        text: text(row.querySelector('.bar-text')),
        best: score('best'),
        pre: score('pre-test'),
        post: score('post-test'),
        done: text(row.querySelector('[data-done]')),
      },
      index: index && {
        heading: text(index.querySelector('h2')),
        bar: bar(index),
        text: text(index.querySelector('.bar-text')),
        items: index.querySelectorAll('ol a').length,
        ticks: ticks(index.querySelectorAll('ol a')),
      },
      toc: toc && {
        count: text(toc.querySelector('.toc-count [aria-hidden="true"]')),
        spoken: toc.querySelector('.toc-count .visually-hidden')?.textContent.trim() || null,
        ticks: ticks(toc.querySelectorAll('.toc-pages a')),
      },
    };
  }, m);
}

const ticked = (ticks) => ticks.filter((t) => t.tick).map((t) => t.href);

for (const locale of ['en', 'ru', 'uz']) {
  test(`${locale}: bars, counts and ticks follow the pages seen and the tests taken; reset clears them in place`, async () => {
    const L = T[locale];
    const pages = modulePages(locale, MODULE);
    const total = pages.length;
    const { context } = await offlineContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchPage(page, SITE);
    const url = (rel) => dirUrl(path.join(SITE, locale)) + rel;
    const open = async (rel) => {
      problems.current = url(rel);
      await gotoSettled(page, url(rel));
    };
    try {
      // Nothing seen: every bar at zero, every count agrees on the total.
      await open('index.html');
      let v = await readView(page, MODULE);
      assert.equal(v.card.meta, L.pages(total), 'home card: the module\'s pages, its landing page included');
      assert.deepEqual(
        [v.card.bar.now, v.card.bar.max, v.card.bar.text, v.card.bar.role],
        [0, total, L.of(0, total), 'progressbar'],
        'home card bar before anything is seen',
      );
      assert.equal(v.row.text, L.of(0, total), 'Your progress: count before anything is seen');
      assert.deepEqual([v.row.best, v.row.pre, v.row.post], [`${await label(page, 'best')} ${L.notYet}`, `${await label(page, 'pre-test')} ${L.notYet}`, `${await label(page, 'post-test')} ${L.notYet}`]);
      assert.equal(v.toc.count, `0/${total}`, 'contents: compact count');
      assert.equal(v.card.done, null, 'no completion mark before anything is seen');

      // Three pages seen: the landing page and the first two numbered ones.
      const seen = pages.slice(0, 3);
      for (const rel of seen) await open(rel);
      v = await readView(page, MODULE);
      // The contents on a page of the module tick exactly the pages seen.
      assert.deepEqual(
        ticked(v.toc.ticks),
        seen.slice(1).map((r) => path.basename(r)),
        'contents of a module page: the pages seen are ticked, no others',
      );
      assert.ok(v.toc.ticks.filter((t) => t.tick).every((t) => t.hidden === L.seen), `a tick says "${L.seen}" to screen readers`);
      assert.equal(v.toc.count, `3/${total}`);
      assert.equal(v.toc.spoken, L.of(3, total), 'the compact count is spoken in words');

      await open(`${MODULE}/index.html`);
      v = await readView(page, MODULE);
      assert.equal(v.index.heading, L.pages(total), 'module index: its heading counts every page');
      assert.equal(v.index.items, total, 'module index: lists as many pages as its heading says');
      assert.deepEqual([v.index.bar.now, v.index.bar.max, v.index.text], [3, total, L.of(3, total)], 'module index bar');
      assert.equal(ticked(v.index.ticks).length, 3, 'module index: three pages ticked');

      await open('index.html');
      v = await readView(page, MODULE);
      assert.deepEqual([v.card.bar.now, v.card.bar.text], [3, L.of(3, total)], 'home card bar');
      assert.ok(Math.abs(v.card.bar.fill - Math.round((300 / total))) <= 2, `home card bar filled ${v.card.bar.fill}% for 3 of ${total}`);
      assert.ok(v.card.progress.startsWith(L.of(3, total)), `home card text: ${v.card.progress}`);
      assert.deepEqual([v.row.bar.now, v.row.text], [3, L.of(3, total)], 'Your progress row');
      assert.equal(v.toc.count, `3/${total}`, 'contents on the home page');
      assert.equal(v.card.done, null, 'no completion mark with pages left');
      const other = await readView(page, 'module-07');
      assert.equal(other.card.bar.now, 0, 'module-07, never opened, stays at zero');

      // Pre-test all wrong, post-test all right: shown as taken; then the rest of the pages.
      await open(testPage(locale, MODULE, 'pre-test'));
      await takeAttempt(page, () => 'wrong');
      await open(testPage(locale, MODULE, 'post-test'));
      await takeAttempt(page, () => 'right');
      for (const rel of pages) await open(rel);
      await open('index.html');
      v = await readView(page, MODULE);
      assert.equal(v.row.pre, `${await label(page, 'pre-test')} ${L.pct(0)}`, 'Your progress: the pre-test');
      assert.equal(v.row.post, `${await label(page, 'post-test')} ${L.pct(100)}`, 'Your progress: the post-test');
      assert.equal(v.row.best, `${await label(page, 'best')} ${L.pct(100)}`, 'Your progress: the best score');
      assert.deepEqual([v.card.bar.now, v.row.bar.now, v.toc.count], [total, total, `${total}/${total}`], 'all pages seen everywhere');
      assert.equal(v.card.bar.fill, 100);
      assert.equal(v.card.done, `✓ ${L.done}`, 'completion mark on the home card');
      assert.equal(v.row.done, `✓ ${L.done}`, 'completion mark in Your progress');

      // Reset, on the same page: everything back to zero, no reload.
      await page.evaluate(() => (window.__sameView = 1));
      await page.locator('[data-reset] .reset-button').click();
      v = await readView(page, MODULE);
      assert.equal(await page.evaluate(() => window.__sameView), 1, 'reset does not reload the page');
      assert.deepEqual([v.card.bar.now, v.row.bar.now, v.row.text, v.toc.count], [0, 0, L.of(0, total), `0/${total}`], 'after reset: zero');
      assert.equal(v.card.bar.fill, 0);
      assert.deepEqual([v.row.best, v.row.pre, v.row.post], [`${await label(page, 'best')} ${L.notYet}`, `${await label(page, 'pre-test')} ${L.notYet}`, `${await label(page, 'post-test')} ${L.notYet}`], 'after reset: no scores');
      assert.deepEqual([v.card.done, v.row.done, v.card.progress], [null, null, null], 'after reset: no completion mark, no text');
      await open(pages[1]);
      v = await readView(page, MODULE);
      assert.deepEqual(ticked(v.toc.ticks), [path.basename(pages[1])], 'after reset only the page now shown is ticked');
      assert.equal(formatProblems(problems), '', 'no errors, nothing fetched from outside');
    } finally {
      await context.close();
    }
  });
}

/** The label of a score row of "Your progress" (its <dt>). */
function label(page, k) {
  return page.evaluate((k) => document.querySelector(`.progress-modules [data-score="${k}"] dt`).textContent.trim(), k);
}

test('every locale: the home card, the contents, the module index and Your progress count the same pages', async () => {
  const { context } = await offlineContext(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const problems = watchPage(page, SITE);
  try {
    for (const locale of fs.readdirSync(SITE).filter((d) => fs.existsSync(path.join(SITE, d, 'index.html')))) {
      const url = (rel) => dirUrl(path.join(SITE, locale)) + rel;
      for (const m of ['module-06', 'module-07', 'case-digest']) {
        const pages = modulePages(locale, m);
        for (const rel of pages.slice(0, 2)) await gotoSettled(page, url(rel));
        await gotoSettled(page, url(`${m}/index.html`));
        const idx = await readView(page, m);
        await gotoSettled(page, url('index.html'));
        const home = await readView(page, m);
        const n = pages.length;
        const nums = (s) => (s || '').match(/\d+/g)?.map(Number).sort((a, b) => a - b);
        assert.deepEqual(nums(home.card.meta), [n], `${locale}/${m}: home card "${home.card.meta}"`);
        assert.deepEqual(nums(idx.index.heading), [n], `${locale}/${m}: module index "${idx.index.heading}"`);
        assert.equal(idx.index.items, n, `${locale}/${m}: module index list`);
        for (const [where, s] of [['home card', home.card.progress.split(' · ')[0]], ['Your progress', home.row.text], ['module index', idx.index.text], ['contents', home.toc.spoken]]) {
          assert.deepEqual(nums(s), [2, n], `${locale}/${m}: ${where} says "${s}"`);
        }
        assert.deepEqual([home.card.bar.now, home.row.bar.now, idx.index.bar.now, home.toc.count], [2, 2, 2, `2/${n}`], `${locale}/${m}: bars and the compact count`);
      }
    }
    assert.equal(formatProblems(problems), '');
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------- SCORM

const VISIBLE = '.doc-locale:not([hidden])';

/** The module document's own view: its bar and the ticks of its contents. */
function docView(frame) {
  return frame.evaluate((sel) => {
    const vis = (el) => !!el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const loc = document.querySelector(sel);
    for (const d of loc.querySelectorAll('details.doc-toc')) d.open = true;
    const b = loc.querySelector('.doc-progress .bar');
    const done = loc.querySelector('.doc-progress [data-done]');
    return {
      done: vis(done) ? done.textContent.replace(/\s+/g, ' ').trim() : null,
      // The menu's own line says it too, for phones where the menu is closed.
      summary: loc.querySelector('details.doc-toc > summary .toc-count [aria-hidden="true"]')?.textContent || null,
      now: vis(b) ? Number(b.getAttribute('aria-valuenow')) : null,
      max: Number(b.getAttribute('aria-valuemax')),
      text: loc.querySelector('.doc-progress .bar-text').textContent.trim(),
      ticks: [...loc.querySelectorAll('.toc-pages a[data-doc-page]')].map((a) => {
        const s = a.querySelector('.seen-mark [aria-hidden="true"]');
        return vis(s) && s.textContent.includes('✓');
      }),
    };
  }, VISIBLE);
}

for (const [version, folder, zipName] of [
  ['1.2', 'scorm12', `${COURSE.id}-en.zip`],
  ['2004', 'scorm2004', `${COURSE.id}-${MODULE}-en.zip`],
]) {
  test(`SCORM ${version}: the module shows its pages seen as the LMS is told, and again on resume`, async () => {
    const V = {
      '1.2': { term: 'LMSFinish', exit: 'cmi.core.exit', entry: 'cmi.core.entry' },
      2004: { term: 'Terminate', exit: 'cmi.exit', entry: 'cmi.entry' },
    };
    const dir = unzip(path.join(dist(), folder, zipName));
    cleanup.push(dir);
    const href = launchFiles(dir)[`RES-${MODULE}`];
    const srv = await serve(dir);
    const { context, page, problems } = await openLms(browser, srv);
    const launchSco = async (cmi) => {
      await page.evaluate(([v, h, c]) => window.lms.launch(v, h, c), [version, href, cmi || null]);
      const handle = await page.waitForSelector('#sco');
      await page.waitForFunction(() => {
        const w = document.getElementById('sco').contentWindow;
        return w && w.darslikDoc && w.darslikScorm && w.document.readyState === 'complete';
      });
      return handle.contentFrame();
    };
    try {
      let frame = await launchSco(null);
      const total = await frame.evaluate((sel) => document.querySelectorAll(`${sel} .doc-page`).length, VISIBLE);
      let v = await docView(frame);
      assert.deepEqual([v.now, v.max, v.text], [1, total, T.en.of(1, total)], 'first page shown: 1 seen');
      assert.deepEqual(v.ticks, Array.from({ length: total }, (_, i) => i === 0), 'only the first page is ticked');
      await frame.click(`${VISIBLE} .doc-pager .pager-next`);
      await frame.click(`${VISIBLE} .doc-pager .pager-next`);
      v = await docView(frame);
      assert.deepEqual([v.now, v.text, v.summary], [3, T.en.of(3, total), `3/${total}`], 'three pages seen');
      assert.deepEqual(v.ticks, Array.from({ length: total }, (_, i) => i < 3), 'the three pages seen are ticked');
      // The same count goes to the LMS: progress_measure (2004) and the pages of suspend_data.
      await page.evaluate(() => window.lms.close());
      await page.waitForFunction((t) => window.lms.calls.some((c) => c.fn === t), V[version].term, { timeout: 5000 });
      const flat = await page.evaluate(() => window.lms.flat());
      if (version === '2004') assert.equal(Number(flat['cmi.progress_measure']), Math.round((3 / total) * 1e4) / 1e4, 'progress_measure = pages seen / pages');
      assert.ok(flat['cmi.suspend_data'], 'suspend_data written');

      // Resume from what the LMS kept: the same bar and ticks.
      frame = await launchSco(keptCmi(flat, version, V));
      v = await docView(frame);
      assert.deepEqual([v.now, v.text], [3, T.en.of(3, total)], 'resumed: three pages seen');
      assert.deepEqual(v.ticks, Array.from({ length: total }, (_, i) => i < 3), 'resumed: the same ticks');
      assert.equal(v.done, null, 'no completion mark with pages left');

      // Every page, the post-test passed: the mark shows, and the LMS is told the same.
      for (let i = 3; i < total; i++) await frame.click(`${VISIBLE} .doc-pager .pager-next`);
      await takeAttempt(frame, () => 'right', SHOWN_PAGE);
      v = await docView(frame);
      assert.deepEqual([v.now, v.text, v.done], [total, T.en.of(total, total), `✓ ${T.en.done}`], 'all seen, post-test passed');
      assert.deepEqual(v.ticks, Array(total).fill(true), 'every page ticked');
      await page.evaluate(() => window.lms.close());
      await page.waitForFunction((t) => window.lms.calls.some((c) => c.fn === t), V[version].term, { timeout: 5000 });
      const end = await page.evaluate(() => window.lms.flat());
      if (version === '2004') {
        assert.deepEqual([end['cmi.completion_status'], end['cmi.success_status'], Number(end['cmi.progress_measure'])], ['completed', 'passed', 1], 'the LMS: completed, passed, every page');
      } else {
        assert.equal(end['cmi.core.lesson_status'], 'passed', 'the LMS: passed');
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      await srv.close();
    }
  });
}
