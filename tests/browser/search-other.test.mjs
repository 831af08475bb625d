// Search across languages (issue 25): real Chromium over file://, network off.
//
//   node --test tests/browser/search-other.test.mjs      (after `darslik build`)
//
// - a Russian word on the uz site finds nothing in Uzbek: the other locales'
//   indexes are loaded and its Russian pages are listed, each marked with the
//   language's name and lang="ru", linking to the ru page (a click lands);
// - a Latin query on the uz-Cyrl site (and a Cyrillic one on the uz site) is
//   transliterated and searched in the locale's own index: "Results for «…»";
// - with results in the locale, no other locale's index (nor search-more.js,
//   the code for all this) is requested; with
//   only one or two, a link offers the other languages (&all=1);
// - the header's search form of every page leads to its locale's search.html;
// - no request leaves the site, no console error.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dist, formatProblems, gotoSettled, launch, localeDirs, offlineContext, watchPage } from './lib.mjs';

const SITE = path.join(dist(), 'site');

let browser;
before(async () => {
  if (!fs.existsSync(path.join(SITE, 'uz-Cyrl', 'search.html'))) {
    throw new Error(`${path.join(SITE, 'uz-Cyrl', 'search.html')} not found: build the sample course first (darslik build)`);
  }
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
});

/** Run `fn(page, indexes)` offline; `indexes`: the search-index.js files requested. */
async function offline(fn) {
  const { context, blocked } = await offlineContext(browser);
  let problems = [];
  try {
    const page = await context.newPage();
    problems = watchPage(page, SITE);
    const indexes = [];
    page.on('request', (r) => {
      if (/search-index\.js$/.test(r.url())) indexes.push(path.relative(SITE, fileURLToPath(r.url())));
    });
    await fn(page, indexes);
  } finally {
    await context.close();
  }
  for (const u of blocked) if (!problems.some((p) => p.url === u)) problems.push({ page: '(context)', kind: 'external', detail: `blocked: ${u}` });
  if (problems.length) assert.fail(`${problems.length} problem(s) in the browser:\n${formatProblems(problems)}`);
}

/** Open `<locale>/search.html?q=query` (and `extra`), wait for the announced status; what it shows. */
async function search(page, indexes, locale, query, extra = '') {
  indexes.length = 0;
  await gotoSettled(page, `${pathToFileURL(path.join(SITE, locale, 'search.html')).href}?q=${encodeURIComponent(query)}${extra}`);
  await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent.trim() !== '', null, { timeout: 5000 });
  const shown = await page.evaluate(() => {
    const one = (li) => ({
      lang: li.getAttribute('lang') || '',
      label: li.querySelector('.search-lang')?.textContent ?? '',
      labelShown: !!li.querySelector('.search-lang')?.getBoundingClientRect().width,
      href: li.querySelector('a.search-link').getAttribute('href'),
      url: li.querySelector('a.search-link').href,
      title: li.querySelector('a.search-link').textContent,
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
    });
    const other = document.querySelector('[data-search-other]');
    const note = document.querySelector('[data-search-note]');
    const more = document.querySelector('[data-search-more]');
    return {
      status: document.querySelector('[data-search-status]').textContent,
      strings: JSON.parse(document.getElementById('search-strings').textContent),
      here: [...document.querySelectorAll('[data-search-results] li.search-result')].map(one),
      other: other && !other.hidden ? [...other.querySelectorAll('li.search-result')].map(one) : [],
      otherText: other && !other.hidden ? other.innerText : '',
      note: note && !note.hidden ? note.textContent : '',
      more: more && !more.hidden ? more.querySelector('a').getAttribute('href') : null,
      scripts: [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')),
    };
  });
  return shown;
}

/** The name a locale's language link in the header shows (its own name). */
function languageName(locale) {
  const html = fs.readFileSync(path.join(SITE, 'en', 'index.html'), 'utf8');
  const m = html.match(new RegExp(`hreflang="${locale}"[^>]*>([^<]+)<`));
  assert.ok(m, `no language link for ${locale} in en/index.html`);
  return m[1];
}

test('uz: a Russian word finds the Russian pages, marked Русский, linking to ru; a click lands there', async () => {
  await offline(async (page, indexes) => {
    // «эксплуатация» is also Uzbek, written in Cyrillic: Latin results,
    // and the other languages offered (the query may be Russian).
    let shown = await search(page, indexes, 'uz', 'эксплуатация');
    assert.match(shown.note, /^«ekspluatatsiya» boʻyicha natijalar/);
    assert.ok(shown.here.some((r) => r.marks.some((m) => /^ekspluatatsiya/i.test(m))), 'uz эксплуатация: nothing marked');
    assert.deepEqual(indexes, [path.join('uz', 'search-index.js')]);
    assert.equal(shown.more, `search.html?q=${encodeURIComponent('эксплуатация')}&all=1`);
    for (const [word, extra] of [['торговля', ''], ['эксплуатация', '&all=1']]) {
      shown = await search(page, indexes, 'uz', word, extra);
      if (!extra) assert.equal(shown.here.length, 0, `uz ${word}: found in Uzbek: ${JSON.stringify(shown.here)}`);
      assert.ok(shown.other.length >= 2, `uz ${word}: ${shown.other.length} results from other locales (status: ${shown.status})`);
      const ru = shown.other.filter((r) => r.lang === 'ru');
      assert.ok(ru.length >= 2, `uz ${word}: Russian results ${JSON.stringify(shown.other)}`);
      for (const r of ru) {
        assert.equal(r.label, languageName('ru'), `uz ${word}: ${r.href} labelled ${r.label}`);
        assert.ok(r.labelShown, `uz ${word}: the language label of ${r.href} is not shown`);
        assert.match(r.href, /^\.\.\/ru\/[^?]+\.html(#[^#]+)?$/, `uz ${word}: link ${r.href}`);
        assert.ok(fs.existsSync(fileURLToPath(r.url.split('#')[0])), `uz ${word}: ${r.href} leads to no file`);
      }
      assert.ok(ru.some((r) => r.marks.length > 0), `uz ${word}: nothing marked`);
      // «торговля» is only in Russian.
      if (!extra) assert.deepEqual(shown.other.filter((r) => r.lang !== 'ru').map((r) => r.href), [], `uz ${word}: results not in Russian`);
      if (!extra) {
        assert.ok(shown.status.startsWith(shown.strings.none.split('{query}').join(word)), `uz ${word}: status ${shown.status}`);
        assert.ok(shown.status.length > shown.strings.none.length, `uz ${word}: the status does not say that other languages have it`);
      }
      assert.ok(shown.otherText.includes('Kursning boshqa tillarida'), `uz ${word}: heading ${shown.otherText.slice(0, 80)}`);
      for (const l of ['uz', 'en', 'ru', 'uz-Cyrl']) {
        assert.ok(indexes.includes(path.join(l, 'search-index.js')), `uz ${word}: ${l}'s index not loaded: ${indexes}`);
      }
    }
    const first = (await search(page, indexes, 'uz', 'торговля')).other[0];
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('[data-search-other] li.search-result a')]);
    assert.equal(new URL(page.url()).pathname, new URL(first.url).pathname);
    assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  });
});

test('uz-Cyrl: a Latin query is searched in Cyrillic ("Results for «савдо»"); uz: a Cyrillic one in Latin', async () => {
  await offline(async (page, indexes) => {
    let shown = await search(page, indexes, 'uz-Cyrl', 'savdo');
    assert.ok(shown.here.length >= 3, `uz-Cyrl savdo: ${shown.here.length} results (status: ${shown.status})`);
    assert.ok(shown.here.every((r) => !r.href.startsWith('../')), 'uz-Cyrl savdo: a result outside uz-Cyrl');
    assert.ok(shown.here.some((r) => r.marks.some((m) => /^савдо/i.test(m))), `uz-Cyrl savdo: marks ${JSON.stringify(shown.here[0])}`);
    assert.equal(shown.note, '«савдо» бўйича натижалар: сўзларингиз ўзбек тилининг бошқа алифбосида.');
    const n = shown.here.length;
    assert.equal(shown.status, shown.strings.results[Math.min(n, shown.strings.results.length - 1)].split('{query}').join('савдо'));
    assert.deepEqual(indexes, [path.join('uz-Cyrl', 'search-index.js')], 'uz-Cyrl savdo: other indexes loaded');
    assert.deepEqual(shown.other, []);

    // Apostrophe variants: ʻ typed as ‘ or `, the tutuq as '.
    shown = await search(page, indexes, 'uz-Cyrl', "ko‘rsatmalar ta'qib");
    assert.match(shown.note, /«кўрсатмалар таъқиб»/, `uz-Cyrl: note ${shown.note}`);
    assert.ok(shown.here.length > 0);

    shown = await search(page, indexes, 'uz', 'кўрсатмалар');
    assert.equal(shown.note, '«koʻrsatmalar» boʻyicha natijalar: soʻzlaringiz oʻzbek tilining boshqa alifbosida.');
    assert.equal(shown.here[0].href.split('#')[0], 'case-digest/01-victim-testimony.html');
    assert.ok(shown.here[0].marks.includes('koʻrsatmalari'), `uz кўрсатмалар: marks ${shown.here[0].marks}`);
    assert.deepEqual(indexes, [path.join('uz', 'search-index.js')]);

    // And with &all=1 the uz results are there, marked as Uzbek in Latin.
    shown = await search(page, indexes, 'uz-Cyrl', 'savdo', '&all=1');
    const uz = shown.other.filter((r) => r.lang === 'uz');
    assert.ok(uz.length >= 3, `uz-Cyrl savdo &all=1: ${JSON.stringify(shown.other.slice(0, 3))}`);
    assert.ok(uz.every((r) => r.label === languageName('uz') && r.href.startsWith('../uz/')), JSON.stringify(uz[0]));
  });
});

test('results in the locale: no other index is loaded; one or two results offer the other languages', async () => {
  await offline(async (page, indexes) => {
    for (const [locale, q] of [['en', 'corroboration'], ['ru', 'торговля'], ['uz', 'savdo'], ['uz-Cyrl', 'савдо']]) {
      const shown = await search(page, indexes, locale, q);
      assert.ok(shown.here.length >= 3, `${locale} ${q}: ${shown.here.length} results`);
      assert.deepEqual(indexes, [path.join(locale, 'search-index.js')], `${locale} ${q}: indexes loaded`);
      assert.deepEqual(shown.scripts.filter((s) => s.includes('search-index')), ['search-index.js']);
      assert.ok(!shown.scripts.some((s) => s.includes('search-more.js')), `${locale} ${q}: search-more.js loaded`);
      assert.deepEqual(shown.other, []);
      assert.equal(shown.more, null, `${locale} ${q}: the other languages offered with ${shown.here.length} results`);
    }
    // «hotline» is on one English page; «торговля» only in Russian.
    let shown = await search(page, indexes, 'en', 'hotline торговля');
    assert.equal(shown.here.length, 1);
    assert.deepEqual(indexes, [path.join('en', 'search-index.js')]);
    assert.equal(shown.more, `search.html?q=${encodeURIComponent('hotline торговля')}&all=1`);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('[data-search-more] a')]);
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent.trim() !== '');
    shown = await page.evaluate(() => [...document.querySelectorAll('[data-search-other] li.search-result')].map((li) => li.lang));
    assert.ok(shown.includes('ru'), `en &all=1: other results ${shown}`);
    // Asked, and nothing elsewhere: said so.
    shown = await search(page, indexes, 'en', 'hotline', '&all=1');
    assert.equal(shown.here.length, 1);
    assert.equal(shown.other.length, 0);
    assert.match(shown.otherText, /Nothing found in the course's other languages either/);
  });
});

test('the header search of every page leads to its locale search.html', async () => {
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  await offline(async (page) => {
    let pages = 0;
    for (const locale of localeDirs(SITE)) {
      const want = pathToFileURL(path.join(SITE, locale, 'search.html')).href;
      for (const file of walk(path.join(SITE, locale)).filter((f) => f.endsWith('.html'))) {
        await page.goto(pathToFileURL(file).href, { waitUntil: 'domcontentloaded' });
        const action = await page.evaluate(() => {
          const q = document.querySelector('form input[name="q"]');
          return q ? q.form.action : null;
        });
        assert.equal(action, want, `${path.relative(SITE, file)}: the search form goes to ${action}`);
        pages++;
      }
    }
    assert.ok(pages >= 60, `only ${pages} pages`);
  });
});

test('axe: other languages\' results and a transliterated query: no serious or critical violation', async () => {
  const AXE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'node_modules', 'axe-core', 'axe.min.js');
  const failures = [];
  await offline(async (page, indexes) => {
    for (const [locale, q, extra] of [['uz', 'торговля', ''], ['uz-Cyrl', 'savdo', ''], ['en', 'hotline', '']]) {
      const shown = await search(page, indexes, locale, q, extra);
      assert.ok(shown.other.length || shown.note || shown.more, `${locale} ${q}: nothing of issue 25 shown`);
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const r = await axe.run(document, { resultTypes: ['violations'], preload: false });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
      });
      for (const v of violations) {
        if (v.impact === 'serious' || v.impact === 'critical') failures.push(`${locale} ${q}: ${v.id} (${v.impact}): ${v.targets.slice(0, 5).join(', ')}`);
      }
    }
  });
  assert.deepEqual(failures, []);
});
