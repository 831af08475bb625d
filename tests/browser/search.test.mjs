// Offline search (issue 8): real Chromium over file://, network disabled.
//
//   node --test tests/browser/search.test.mjs      (after `darslik build`)
//
// - search.js splits words and makes keys exactly as the Rust index does
//   (tests/fixtures/search/normalize.tsv, written by `cargo test --test search`);
// - from a page's header, the search box is reached with Tab, a query typed
//   and Enter pressed: search.html?q=… lists the right page first, with the
//   query words in <mark>, and announces a localized count (aria-live);
//   in en, ru (another word form) and uz (a plain apostrophe for ʻ and ʼ,
//   and the 2026 alphabet);
// - a result, opened from the keyboard or by a click, lands on its page
//   (and section);
// - no result: a localized "nothing found", no list;
// - no external request, failed request, console error or page error;
// - axe: no serious or critical violation on a results page, light and dark.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dist, formatProblems, gotoSettled, launch, offlineContext, repoRoot, watchPage } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SITE = path.join(dist(), 'site');
const AXE = path.join(here, 'node_modules', 'axe-core', 'axe.min.js');
const FIXTURE = path.join(repoRoot, 'tests', 'fixtures', 'search', 'normalize.tsv');

let browser;
before(async () => {
  if (!fs.existsSync(path.join(SITE, 'en', 'search.html'))) {
    throw new Error(`${path.join(SITE, 'en', 'search.html')} not found: build the course first (cargo run --release -- build), or set DARSLIK_DIST`);
  }
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
});

/** search.js as shipped, in a bare context (no document): its word and key functions. */
function searchApi() {
  const ctx = {};
  vm.createContext(ctx);
  vm.runInContext(fs.readFileSync(path.join(SITE, 'static', 'search.js'), 'utf8'), ctx, { filename: 'search.js' });
  assert.ok(ctx.DarslikSearch, 'search.js does not define DarslikSearch');
  return ctx.DarslikSearch;
}

test('search.js makes the same keys as the Rust normaliser (normalize.tsv)', () => {
  assert.ok(fs.existsSync(FIXTURE), `${FIXTURE} missing: run cargo test --test search`);
  const api = searchApi();
  const lines = fs.readFileSync(FIXTURE, 'utf8').split('\n');
  const n = Number(lines.find((l) => l.startsWith('#key_chars\t')).split('\t')[1]);
  assert.ok(n > 0, 'no #key_chars line');
  const index = JSON.parse(
    fs.readFileSync(path.join(SITE, 'en', 'search-index.js'), 'utf8').replace(/^window\.DARSLIK_SEARCH=/, '').replace(/;\s*$/, ''),
  );
  assert.equal(index.n, n, 'the built index and the fixture use different key lengths (rebuild, or rerun cargo test --test search)');
  const wrong = [];
  let cases = 0;
  for (const line of lines) {
    if (!line || line.startsWith('#')) continue;
    const [lang, text, want] = line.split('\t');
    cases++;
    const got = api.keys(text, lang, n).join(' ');
    if (got !== want) wrong.push(`${lang} ${JSON.stringify(text)}: search.js ${JSON.stringify(got)}, Rust ${JSON.stringify(want)}`);
  }
  assert.ok(cases >= 20, `only ${cases} cases in ${FIXTURE}`);
  assert.deepEqual(wrong, [], `search.js and src/search/normalize.rs disagree:\n${wrong.join('\n')}`);
});

/** What the results page shows. Runs in the page. */
function readResults() {
  const status = document.querySelector('[data-search-status]');
  const list = document.querySelector('[data-search-results]');
  const strings = JSON.parse(document.getElementById('search-strings').textContent);
  return {
    url: location.href,
    title: document.title,
    input: document.getElementById('site-search-q').value,
    status: status.textContent,
    live: status.getAttribute('aria-live'),
    role: status.getAttribute('role'),
    listShown: !list.hidden,
    strings,
    results: [...list.querySelectorAll('li.search-result')].map((li) => {
      const a = li.querySelector('a');
      return {
        href: a.getAttribute('href'),
        url: a.href,
        title: a.textContent,
        titleMarks: [...a.querySelectorAll('mark')].map((m) => m.textContent),
        module: li.querySelector('.search-module')?.textContent ?? '',
        snippet: li.querySelector('.search-snippet')?.textContent ?? '',
        snippetMarks: [...li.querySelectorAll('.search-snippet mark')].map((m) => m.textContent),
      };
    }),
  };
}

/**
 * From `startRel` (a page of the locale), reach the header's search box with
 * Tab, type `query`, press Enter; wait for the announced count.
 */
async function searchFrom(page, locale, startRel, query) {
  await gotoSettled(page, pathToFileURL(path.join(SITE, locale, startRel)).href);
  let focused = '';
  for (let i = 0; i < 6 && focused !== 'site-search-q'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.id || '');
  }
  assert.equal(focused, 'site-search-q', `${locale}: the search box is not reached with Tab from the top of ${startRel}`);
  await page.keyboard.type(query);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent.trim() !== '', null, { timeout: 5000 });
  const shown = await page.evaluate(readResults);
  const u = new URL(shown.url);
  assert.ok(u.protocol === 'file:' && u.pathname.endsWith(`/${locale}/search.html`), `${locale}: the form went to ${shown.url}`);
  assert.equal(u.searchParams.get('q'), query, `${locale}: the query in the URL`);
  assert.equal(shown.input, query, `${locale}: the search box shows the query`);
  assert.equal(shown.role, 'status');
  assert.equal(shown.live, 'polite');
  return shown;
}

/** The count message search.js must announce, from the page's own (Fluent) strings. */
function expectedStatus(shown, query) {
  const n = shown.results.length;
  const t = n === 0 ? shown.strings.none : shown.strings.results[n];
  return t.split('{query}').join(query);
}

function assertFirst(shown, label, wantHref, { titleMark, snippetMark } = {}) {
  assert.ok(shown.results.length > 0, `${label}: no result (status: ${shown.status})`);
  const first = shown.results[0];
  assert.equal(first.href.split('#')[0], wantHref, `${label}: first result ${first.href}; all: ${shown.results.map((r) => r.href).join(', ')}`);
  if (titleMark) assert.ok(first.titleMarks.includes(titleMark), `${label}: title marks ${JSON.stringify(first.titleMarks)}, want ${titleMark}`);
  if (snippetMark) assert.ok(first.snippetMarks.includes(snippetMark), `${label}: snippet "${first.snippet}" marks ${JSON.stringify(first.snippetMarks)}, want ${snippetMark}`);
  assert.ok(first.snippet.trim().length > 10, `${label}: no snippet`);
  assert.equal(shown.status, expectedStatus(shown, shown.input), `${label}: announced count`);
}

/** Run `fn(page)` in a fresh offline context; fail on any browser problem. */
async function offline(fn, options = {}) {
  const { context, blocked } = await offlineContext(browser, options);
  let problems = [];
  try {
    const page = await context.newPage();
    problems = watchPage(page, SITE);
    await fn(page, problems);
  } finally {
    await context.close();
  }
  for (const u of blocked) if (!problems.some((p) => p.url === u)) problems.push({ page: '(context)', kind: 'external', detail: `blocked: ${u}` });
  if (problems.length) assert.fail(`${problems.length} problem(s) in the browser:\n${formatProblems(problems)}`);
}

test('en: a word finds its page first, marked; plural and -ed forms; a result opens with Enter', async () => {
  await offline(async (page) => {
    let shown = await searchFrom(page, 'en', 'module-06/01-the-definition.html', 'corroboration');
    assertFirst(shown, 'en corroboration', 'case-digest/02-corroboration.html', { titleMark: 'Corroboration' });
    assert.match(shown.status, /^\d+ pages? found for “corroboration”$/);
    assert.match(shown.title, /^Search: corroboration · /);
    // Results are links in order: Tab to the first one and press Enter.
    await page.focus('#site-search-q');
    let onFirst = false;
    for (let i = 0; i < 40 && !onFirst; i++) {
      await page.keyboard.press('Tab');
      onFirst = await page.evaluate(() => document.activeElement === document.querySelector('.search-result a'));
    }
    assert.ok(onFirst, 'the first result is not reached with Tab');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).pathname, pathToFileURL(path.join(SITE, 'en', 'case-digest', '02-corroboration.html')).pathname);
    assert.match(await page.textContent('h1'), /^Corroboration/);

    shown = await searchFrom(page, 'en', 'index.html', 'smuggled victims');
    assertFirst(shown, 'en smuggled victims', 'module-06/03-trafficking-and-smuggling.html', { titleMark: 'smuggling' });
    assert.ok(shown.results.some((r) => r.titleMarks.includes('Victim')), 'en: "victims" does not mark "Victim" in a title');
  });
});

test('ru: another word form finds the page and its section; a click lands there', async () => {
  await offline(async (page) => {
    // «очная ставка» is a heading of the case digest; search the genitive.
    let shown = await searchFrom(page, 'ru', 'index.html', 'очной ставки');
    assertFirst(shown, 'ru очной ставки', 'case-digest/03-inconsistencies-and-expert-evidence.html', { snippetMark: 'Очная' });
    assert.ok(shown.results[0].snippetMarks.includes('ставка'), `ru: snippet marks ${shown.results[0].snippetMarks}`);
    assert.equal(shown.results[0].href, 'case-digest/03-inconsistencies-and-expert-evidence.html#confrontation');
    assert.equal(shown.results[0].module, 'Обзор практики: вопросы доказывания по делам о торговле людьми');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('.search-result a')]);
    const landed = new URL(page.url());
    assert.equal(landed.pathname, pathToFileURL(path.join(SITE, 'ru', 'case-digest', '03-inconsistencies-and-expert-evidence.html')).pathname);
    assert.equal(landed.hash, '#confrontation');
    assert.match(await page.textContent('#confrontation'), /^Очная ставка/);

    // The instrumental plural finds the title's «доказательства».
    shown = await searchFrom(page, 'ru', 'module-07/index.html', 'доказательствами');
    assertFirst(shown, 'ru доказательствами', 'case-digest/02-corroboration.html', { titleMark: 'доказательства' });
    const n = shown.results.length;
    const form = n % 10 === 1 && n % 100 !== 11 ? 'найдена' : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 'найдены' : 'найдено';
    assert.ok(shown.status.includes(`${form} ${n} `), `ru plural for ${n}: ${shown.status}`);
    // Every result's section link leads to an element of its page.
    for (const r of shown.results.filter((x) => x.href.includes('#'))) {
      const [file, id] = r.href.split('#');
      const html = fs.readFileSync(path.join(SITE, 'ru', file), 'utf8');
      assert.ok(html.includes(`id="${id}"`), `ru: ${r.href}: no id "${id}" in ${file}`);
    }
  });
});

test('uz: plain apostrophes find oʻ, gʻ and the tutuq ʼ; the 2026 alphabet too; a click lands on the page', async () => {
  await offline(async (page) => {
    // Title: «Jabrlanuvchining koʻrsatmalari …» (U+02BB), typed with ASCII '.
    let shown = await searchFrom(page, 'uz', 'index.html', "ko'rsatmalar");
    assertFirst(shown, "uz ko'rsatmalar", 'case-digest/01-victim-testimony.html', { titleMark: 'koʻrsatmalari' });
    assert.match(shown.status, /«ko'rsatmalar» boʻyicha \d+ ta sahifa topildi/);
    // Title: «Jinoiy taʼqib va sud» (tutuq U+02BC), typed with ASCII '.
    shown = await searchFrom(page, 'uz', 'module-06/index.html', "ta'qib");
    assertFirst(shown, "uz ta'qib", 'module-07/02-prosecution-and-trial.html', { titleMark: 'taʼqib' });
    // In the body only, typed with ‘ (U+2018): «yolgʻon».
    shown = await searchFrom(page, 'uz', 'index.html', 'yolg‘on');
    assert.ok(
      shown.results.some((r) => r.href.startsWith('case-digest/01-victim-testimony.html') && r.snippetMarks.includes('yolgʻon')),
      `uz yolg‘on: ${JSON.stringify(shown.results)}`,
    );
    // 2026 alphabet: ö = oʻ.
    shown = await searchFrom(page, 'uz', 'index.html', 'körsatmalar');
    assertFirst(shown, 'uz körsatmalar', 'case-digest/01-victim-testimony.html', { titleMark: 'koʻrsatmalari' });
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('.search-result a')]);
    assert.equal(new URL(page.url()).pathname, pathToFileURL(path.join(SITE, 'uz', 'case-digest', '01-victim-testimony.html')).pathname);
    assert.match(await page.textContent('h1'), /^Jabrlanuvchining koʻrsatmalari/);
  });
});

test('nothing found: a localized message, no list; no query: the hint and every page', async () => {
  await offline(async (page) => {
    const shown = await searchFrom(page, 'ru', 'index.html', 'ксилофон');
    assert.equal(shown.results.length, 0);
    assert.equal(shown.listShown, false);
    assert.equal(shown.status, 'По запросу «ксилофон» ничего не найдено. Попробуйте меньше слов или только начало слова.');
    await gotoSettled(page, pathToFileURL(path.join(SITE, 'en', 'search.html')).href);
    const empty = await page.evaluate(() => ({
      hint: !document.querySelector('[data-search-hint]').hidden,
      focus: document.activeElement?.id,
      links: document.querySelectorAll('[data-search-all] a').length,
      label: document.querySelector('label[for="site-search-q"]').getBoundingClientRect().width,
      input: document.getElementById('site-search-q').getBoundingClientRect().height,
    }));
    assert.ok(empty.label <= 1, `the search label should be visually hidden (style.css), it is ${empty.label} px wide`);
    assert.ok(empty.input >= 44, `the search field is ${empty.input} px high`);
    assert.ok(empty.hint, 'no hint without a query');
    assert.equal(empty.focus, 'site-search-q', 'the search box has focus on an empty search page');
    assert.ok(empty.links >= 13, `the search page lists ${empty.links} pages`);
  });
});

test('without JavaScript the search page explains itself and lists every page', async () => {
  await offline(
    async (page) => {
      await page.goto(pathToFileURL(path.join(SITE, 'uz', 'search.html')).href + '?q=test');
      const text = await page.evaluate(() => document.querySelector('main').innerText);
      assert.match(text, /Qidiruv uchun JavaScript kerak/);
      assert.ok((await page.$$('[data-search-all] a')).length >= 13);
    },
    { javaScriptEnabled: false },
  );
});

for (const scheme of ['light', 'dark']) {
  test(`axe: results pages in en, ru and uz (${scheme}): no serious or critical violation`, async () => {
    const failures = [];
    await offline(
      async (page, problems) => {
        for (const [locale, q] of [['en', 'victims'], ['ru', 'доказательствами'], ['uz', "ko'rsatmalar"]]) {
          problems.current = `${locale}/search.html?q=${q} [${scheme}]`;
          await gotoSettled(page, pathToFileURL(path.join(SITE, locale, 'search.html')).href + '?q=' + encodeURIComponent(q));
          await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent.trim() !== '');
          assert.ok((await page.$$('mark')).length > 0, `${locale}: nothing marked`);
          await page.addScriptTag({ path: AXE });
          const violations = await page.evaluate(async () => {
            // preload: false: axe would fetch the stylesheets with XHR, which file:// forbids.
            const r = await axe.run(document, { resultTypes: ['violations'], preload: false });
            return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
          });
          for (const v of violations) {
            if (v.impact === 'serious' || v.impact === 'critical') failures.push(`${locale} [${scheme}]: ${v.id} (${v.impact}) ${v.help}: ${v.targets.slice(0, 5).join(', ')}`);
          }
        }
      },
      { colorScheme: scheme },
    );
    assert.deepEqual(failures, []);
  });
}
