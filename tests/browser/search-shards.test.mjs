// A sharded search index (issue 26): real Chromium over file://, network disabled.
//
//   node --test tests/browser/search-shards.test.mjs      (after cargo build --release)
//
// The sample course is built twice (env DARSLIK_BIN, else target/release):
// as it is (one index file per locale) and with DARSLIK_SEARCH_SHARD_ABOVE=0
// and DARSLIK_SEARCH_SHARD_BYTES=2048, so that every locale's index is a head
// and many shards (search/k<i>.js keys and postings, search/t<i>.js texts).
//
// - every locale is sharded, with several term and text shards;
// - words whose keys live in the last term shards, on pages of later text
//   shards, find the same pages as the one-file index, with a marked snippet;
//   every result comes in as the list is scrolled, and the count announced;
// - other locales' sharded indexes are searched (&all=1) and an Uzbek query
//   in the other alphabet is transliterated;
// - a query that looks like HTML stays text;
// - no external request, failed request, console error or page error.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { formatProblems, launch, offlineContext, repoRoot, watchPage } from './lib.mjs';
import { darslikBin } from './a11ykit.mjs';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'darslik-shards-'));
const ONE = path.join(TMP, 'one');
const SHARDED = path.join(TMP, 'sharded');
const LOCALES = ['en', 'ru', 'uz', 'uz-Cyrl'];

let browser;
before(async () => {
  const build = (out, env) =>
    execFileSync(darslikBin(), ['build', '--course', repoRoot, '--out', out, '--format', 'site', '-q'], {
      stdio: 'pipe',
      env: { ...process.env, ...env },
    });
  build(ONE, { DARSLIK_SEARCH_SHARD_ABOVE: '' });
  build(SHARDED, { DARSLIK_SEARCH_SHARD_ABOVE: '0', DARSLIK_SEARCH_SHARD_BYTES: '2048' });
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
  fs.rmSync(TMP, { recursive: true, force: true });
});

function readData(file, name) {
  const ctx = {};
  ctx.window = ctx;
  vm.createContext(ctx);
  vm.runInContext(fs.readFileSync(file, 'utf8'), ctx);
  return ctx[name];
}

/** search.js as shipped, in a bare context: its key functions and Index. */
function searchApi(site) {
  const ctx = {};
  vm.createContext(ctx);
  vm.runInContext(fs.readFileSync(path.join(site, 'static', 'search.js'), 'utf8'), ctx);
  return ctx.DarslikSearch;
}

/** Run `fn(page)` in a fresh offline context; fail on any browser problem. */
async function offline(site, fn) {
  const { context, blocked } = await offlineContext(browser, {});
  let problems = [];
  try {
    const page = await context.newPage();
    problems = watchPage(page, site);
    await fn(page);
  } finally {
    await context.close();
  }
  for (const u of blocked) problems.push({ page: '(context)', kind: 'external', detail: `blocked: ${u}` });
  if (problems.length) assert.fail(`${problems.length} problem(s) in the browser:\n${formatProblems(problems)}`);
}

/** Open `locale/search.html?q=…` and scroll until every announced result is in. */
async function results(page, site, locale, query, extra = '') {
  const url = pathToFileURL(path.join(site, 'site', locale, 'search.html')).href + '?q=' + encodeURIComponent(query) + extra;
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('[data-search-status]').textContent.trim() !== '', null, { timeout: 10000 });
  for (let i = 0; i < 50; i++) {
    const done = await page.evaluate(() => {
      window.scrollTo(0, document.body.scrollHeight);
      return document.querySelectorAll('li.search-result').length;
    });
    await page.waitForTimeout(50);
    const now = await page.evaluate(() => document.querySelectorAll('li.search-result').length);
    if (now === done && i > 2) break;
  }
  return page.evaluate(() => ({
    status: document.querySelector('[data-search-status]').textContent,
    note: document.querySelector('[data-search-note]').hidden ? '' : document.querySelector('[data-search-note]').textContent,
    imgs: document.querySelectorAll('[data-search] img').length,
    results: [...document.querySelectorAll('li.search-result')].map((li) => ({
      href: li.querySelector('a').getAttribute('href').split('#')[0],
      lang: li.getAttribute('lang') || '',
      snippet: li.querySelector('.search-snippet')?.textContent ?? '',
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
    })),
  }));
}

/** Words of titles whose keys live in the later term shards, on pages of later text shards. */
function lateWords(locale) {
  const site = path.join(SHARDED, 'site');
  const api = searchApi(site);
  const head = readData(path.join(site, locale, 'search-index.js'), 'DARSLIK_SEARCH');
  const index = new api.Index(head);
  const lastText = head.t[head.t.length - 1];
  const out = [];
  for (let pi = head.p.length - 1; pi >= 0 && out.length < 3; pi--) {
    if (pi < head.t[1]) break;
    for (const w of api.words(head.p[pi][1], head.l)) {
      const k = api.key(w.text, head.l, head.n);
      if (k.length >= 4 && index.shardOf(k) >= head.s / 2 && !out.some((o) => o.word === w.text)) {
        out.push({ word: w.text, shard: index.shardOf(k), page: pi, late: pi >= lastText });
        break;
      }
    }
  }
  return { head, words: out };
}

test('every locale of the sample is sharded: a head, several term and text shards', () => {
  for (const l of LOCALES) {
    const dir = path.join(SHARDED, 'site', l, 'search');
    const files = fs.readdirSync(dir);
    const head = readData(path.join(SHARDED, 'site', l, 'search-index.js'), 'DARSLIK_SEARCH');
    assert.equal(head.v, 2, `${l}: not a sharded head`);
    assert.ok(head.s >= 3, `${l}: ${head.s} term shards`);
    assert.ok(head.t.length >= 3, `${l}: ${head.t.length} text shards`);
    assert.equal(files.filter((f) => /^k\d+\.js$/.test(f)).length, head.s, `${l}: term shard files`);
    assert.equal(files.filter((f) => /^t\d+\.js$/.test(f)).length, head.t.length, `${l}: text shard files`);
    const one = readData(path.join(ONE, 'site', l, 'search-index.js'), 'DARSLIK_SEARCH');
    assert.equal(one.v, 1, `${l}: the unsharded build is one file`);
    assert.ok(!fs.existsSync(path.join(ONE, 'site', l, 'search')), `${l}: one-file build has shards`);
  }
});

test('words in later shards find the same pages as the one-file index, each with a marked snippet', async () => {
  for (const l of LOCALES) {
    const { head, words } = lateWords(l);
    assert.ok(words.length >= 2, `${l}: no title word in a later shard`);
    for (const { word, page: pi } of words) {
      let one, sharded;
      await offline(path.join(ONE, 'site'), async (page) => { one = await results(page, ONE, l, word); });
      await offline(path.join(SHARDED, 'site'), async (page) => { sharded = await results(page, SHARDED, l, word); });
      const label = `${l} "${word}"`;
      assert.ok(sharded.results.length > 0, `${label}: nothing found (${sharded.status})`);
      assert.deepEqual(
        sharded.results.map((r) => r.href).sort(),
        one.results.map((r) => r.href).sort(),
        `${label}: sharded and one-file results differ`,
      );
      assert.equal(sharded.status, one.status, `${label}: announced count`);
      const mine = sharded.results.find((r) => r.href === head.p[pi][0]);
      assert.ok(mine, `${label}: page ${head.p[pi][0]} not found`);
      assert.ok(mine.marks.length > 0, `${label}: ${mine.href} shows no marked word`);
      assert.ok(mine.snippet.trim().length > 0, `${label}: ${mine.href} has no snippet`);
      const marked = (rs) => rs.filter((r) => r.marks.length).length;
      assert.equal(marked(sharded.results), marked(one.results), `${label}: results with a marked word`);
    }
  }
});

test('sharded: other locales are searched (&all=1); an Uzbek query in the other alphabet is transliterated', async () => {
  const { words } = lateWords('ru');
  const word = words[0].word;
  await offline(path.join(SHARDED, 'site'), async (page) => {
    const shown = await results(page, SHARDED, 'en', word, '&all=1');
    const other = await page.evaluate(() =>
      [...document.querySelectorAll('[data-search-other] li.search-result')].map((li) => li.getAttribute('lang')),
    );
    assert.ok(other.includes('ru'), `en &all=1 "${word}": no Russian result (${shown.status})`);
  });
  const uz = lateWords('uz').words[0].word;
  const api = searchApi(path.join(SHARDED, 'site'));
  await offline(path.join(SHARDED, 'site'), async (page) => {
    const shown = await results(page, SHARDED, 'uz-Cyrl', uz);
    assert.ok(shown.results.length > 0, `uz-Cyrl "${uz}": nothing found (${shown.status})`);
    assert.ok(shown.note.length > 0, `uz-Cyrl "${uz}": no transliteration note`);
  });
  assert.ok(api.Index);
});

test('sharded: a query that looks like HTML stays text', async () => {
  const q = '<img src=x onerror="window.__x=1"> suv';
  await offline(path.join(SHARDED, 'site'), async (page) => {
    const shown = await results(page, SHARDED, 'uz', q);
    assert.equal(shown.imgs, 0, 'an <img> came from the query');
    assert.equal(await page.evaluate(() => window.__x), undefined);
    assert.ok(shown.status.includes('<img'), `status: ${shown.status}`);
  });
});
