// The coordinator's dashboard in real Chromium: `darslik status --format
// html --out FILE` opened from file:// with the network blocked, and
// `serve`'s /_status/. axe finds no serious or critical violation at 1280
// and 360 px; at 360 px nothing scrolls sideways; the charts draw the
// figures of their tables; the page needs no script. The serve error
// overlay's text has a contrast of at least 4.5:1, measured by axe.
//
// Screenshots go to $DARSLIK_SHOTS (default: <tmp>/darslik-status-shots).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { pathToFileURL } from 'node:url';
import { launch, offlineContext, repoRoot, watchPage, formatProblems } from './lib.mjs';

const AXE = path.join(repoRoot, 'tests/browser/node_modules/axe-core/axe.min.js');
const SHOTS = process.env.DARSLIK_SHOTS || path.join(os.tmpdir(), 'darslik-status-shots');
const WIDTHS = [1280, 360];

function binary() {
  if (process.env.DARSLIK_BIN) return process.env.DARSLIK_BIN;
  const targets = [process.env.CARGO_TARGET_DIR, path.join(repoRoot, 'target')].filter(Boolean);
  for (const t of targets) {
    for (const p of ['release/darslik', 'debug/darslik']) {
      const full = path.resolve(repoRoot, t, p);
      if (fs.existsSync(full)) return full;
    }
  }
  throw new Error('build darslik first (cargo build --release), or set DARSLIK_BIN');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

const run = (args) => execFileSync(binary(), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** A course with every state: the basic fixture, two ru pages stamped, then
 * one sentence of the English home page changed (ru's home turns stale). */
function makeCourse() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'darslik-status-'));
  fs.cpSync(path.join(repoRoot, 'tests/fixtures/basic'), dir, { recursive: true });
  run(['stamp', '--course', dir, '--locale', 'ru', 'index.md', 'module-a/01-one.md']);
  const home = path.join(dir, 'content/en/index.md');
  const text = fs.readFileSync(home, 'utf8');
  const changed = text.replace('Welcome.', 'Welcome to the course.').replace('Start with', 'Begin with');
  assert.notEqual(changed, text, 'the fixture home page changed: update this test');
  fs.writeFileSync(home, changed);
  return dir;
}

/** axe in the page: the serious and critical violations (all of them with `all`). */
async function axe(page, options = {}) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (options) => {
    // preload: false — axe would fetch the stylesheets (css-orientation-lock).
    // eslint-disable-next-line no-undef
    const r = await axe.run(options.context || document, { preload: false, ...(options.run || {}) });
    return {
      violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: n.failureSummary })) })),
      passes: r.passes.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target.map(String), data: (n.any[0] || {}).data || null })) })),
      incomplete: r.incomplete.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target.map(String), data: (n.any[0] || {}).data || null })) })),
    };
  }, options);
}

const serious = (r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
const show = (vs) => vs.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.summary}`).join('\n  ')}`).join('\n');

/** What a coordinator must see without a script and within the width. */
async function checkLayout(page, width, where) {
  const facts = await page.evaluate(() => {
    const root = document.documentElement;
    const regions = [...document.querySelectorAll('.scroll')].map((r) => ({ label: r.getAttribute('aria-label'), over: r.scrollWidth - r.clientWidth }));
    return {
      scripts: [...document.scripts].filter((s) => !s.hasAttribute('data-darslik-live')).length,
      overflow: root.scrollWidth - root.clientWidth,
      regions,
      h1: document.querySelector('h1')?.textContent,
      tables: document.querySelectorAll('table').length,
      bars: document.querySelectorAll('svg.bar[role=img][aria-label]').length,
    };
  });
  assert.equal(facts.scripts, 0, `${where}: the page has a script of its own`);
  assert.ok(facts.h1, `${where}: no heading`);
  assert.ok(facts.tables >= 2 && facts.bars >= 2, `${where}: tables ${facts.tables}, charts ${facts.bars}`);
  assert.ok(facts.overflow <= 0, `${where} at ${width}px: the page scrolls sideways by ${facts.overflow}px`);
  for (const r of facts.regions) {
    assert.ok(r.over <= 0, `${where} at ${width}px: table "${r.label}" scrolls sideways by ${r.over}px`);
  }
}

/** Each bar draws its table row: a part's width over the bar's is its count over the total. */
async function checkChartsMatchTables(page, where) {
  const rows = await page.evaluate(() => {
    const out = [];
    for (const tr of document.querySelectorAll('table.figures tbody tr')) {
      const tag = tr.querySelector('th').textContent.trim();
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent.trim());
      const row = [...document.querySelectorAll('figure.chart .row')].find((r) => r.querySelector('.label a').textContent.trim() === tag);
      const svg = row.querySelector('svg.pages');
      const full = svg.getBoundingClientRect().width;
      const parts = {};
      for (const cls of ['current', 'stale', 'unstamped', 'missing']) {
        const rect = svg.querySelector(`rect.${cls}`);
        parts[cls] = rect ? rect.getBoundingClientRect().width / full : 0;
      }
      out.push({ tag, cells, parts });
    }
    return out;
  });
  assert.ok(rows.length > 0, `${where}: no figures`);
  for (const { tag, cells, parts } of rows) {
    const [current, stale, unstamped, missing, total] = cells.slice(0, 5).map(Number);
    const want = { current, stale, unstamped, missing };
    for (const [k, n] of Object.entries(want)) {
      assert.ok(Math.abs(parts[k] - n / total) < 0.01, `${where}: ${tag} ${k}: bar ${parts[k].toFixed(3)}, table ${n}/${total}`);
    }
  }
}

let course, browser, server, port, log = '';
const pages = {};

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  course = makeCourse();
  for (const lang of ['en', 'ru', 'uz', 'uz-Cyrl']) {
    const out = path.join(course, `status-${lang}.html`);
    run(['--lang', lang, 'status', '--course', course, '--format', 'html', '--out', out]);
    pages[lang] = out;
  }
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill('SIGINT');
  if (course) fs.rmSync(course, { recursive: true, force: true });
});

for (const [width, scheme] of [[1280, 'light'], [360, 'light'], [1280, 'dark'], [360, 'dark']]) {
  test(`status --format html from file://, network blocked, at ${width}px, ${scheme}: axe 0 serious/critical, fits, no script, charts = tables`, async () => {
    const { context, blocked } = await offlineContext(browser, { viewport: { width, height: 900 }, colorScheme: scheme });
    const failures = [];
    for (const [lang, file] of Object.entries(pages)) {
      const page = await context.newPage();
      const problems = watchPage(page, path.dirname(file));
      await page.goto(pathToFileURL(file).href);
      await page.waitForLoadState('load');
      await checkLayout(page, width, `${lang} page`);
      await checkChartsMatchTables(page, `${lang} page`);
      if (['en', 'ru'].includes(lang)) {
        await page.screenshot({ path: path.join(SHOTS, `status-${lang}-${width}-${scheme}.png`), fullPage: true });
      }
      const r = await axe(page);
      const bad = serious(r);
      if (bad.length) failures.push(`${lang} at ${width}px, ${scheme}:\n${show(bad)}`);
      const minor = r.violations.filter((v) => !bad.includes(v));
      if (minor.length) console.log(`# ${lang} at ${width}px, lesser: ${minor.map((v) => `${v.id} (${v.impact})`).join(', ')}`);
      // axe is injected by the test, through the page, from a file: still nothing outside.
      if (problems.length) failures.push(formatProblems(problems));
      await page.close();
    }
    assert.deepEqual(blocked, [], 'requests to the network');
    assert.equal(failures.length, 0, failures.join('\n'));
    await context.close();
  });
}

test('the dashboard needs no script: with JavaScript off, every figure and change is there', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  await context.setOffline(true);
  const page = await context.newPage();
  await page.goto(pathToFileURL(pages.en).href);
  const text = await page.evaluate(() => document.body.innerText);
  assert.match(text, /Translation status/);
  assert.match(text, /content\/ru\/index\.md/, 'the stale page is named');
  assert.match(text, /darslik stamp --locale ru index\.md/);
  assert.match(text, /content\/uz\/module-a\/01-one\.md/, 'a missing page is named');
  // The stale page's change: the words removed and added.
  const diff = await page.evaluate(() => ({
    del: [...document.querySelectorAll('article.stale-page del')].map((e) => e.textContent),
    ins: [...document.querySelectorAll('article.stale-page ins')].map((e) => e.textContent),
    note: document.querySelector('article.stale-page .note')?.textContent || '',
  }));
  assert.ok(diff.ins.join(' ').includes('to the course'), JSON.stringify(diff));
  assert.ok(diff.ins.join(' ').includes('Begin'), JSON.stringify(diff));
  assert.ok(diff.del.join(' ').includes('Start'), JSON.stringify(diff));
  assert.equal(diff.note, '');
  // Struck through and underlined, not told by colour alone.
  const marks = await page.evaluate(() => [getComputedStyle(document.querySelector('del')).textDecorationLine, getComputedStyle(document.querySelector('ins')).textDecorationLine]);
  assert.deepEqual(marks, ['line-through', 'underline']);
  // Print: the language links go, the charts keep their colours.
  await page.emulateMedia({ media: 'print' });
  const print = await page.evaluate(() => ({
    nav: getComputedStyle(document.querySelector('nav') || document.body).display,
    adjust: getComputedStyle(document.querySelector('svg.bar')).printColorAdjust,
  }));
  assert.equal(print.nav, 'none');
  assert.equal(print.adjust, 'exact');
  await context.close();
});

async function startServe() {
  port = await freePort();
  server = spawn(binary(), ['--lang', 'ru', 'serve', '--course', course, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  server.stderr.on('data', (d) => { log += d; });
  const deadline = Date.now() + 20000;
  // The ready line is in the user's language; its address is not.
  while (!log.includes(`http://127.0.0.1:${port}/`)) {
    if (Date.now() > deadline) throw new Error('serve did not start:\n' + log);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('serve: /_status/ at 1280 and 360 px, axe 0 serious/critical; the error overlay has a contrast ≥ 4.5:1 measured by axe', async () => {
  await startServe();
  const base = `http://127.0.0.1:${port}`;
  const failures = [];
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const external = [];
    page.on('request', (r) => { if (!r.url().startsWith(`${base}/`)) external.push(r.url()); });
    await page.goto(`${base}/_status/`);
    await page.waitForSelector('h1');
    assert.equal(await page.textContent('h1'), 'Состояние переводов');
    await checkLayout(page, width, '/_status/');
    await checkChartsMatchTables(page, '/_status/');
    await page.screenshot({ path: path.join(SHOTS, `serve-status-ru-${width}.png`), fullPage: true });
    const bad = serious(await axe(page));
    if (bad.length) failures.push(`/_status/ at ${width}px:\n${show(bad)}`);
    assert.deepEqual(external, []);
    await context.close();
  }
  assert.equal(failures.length, 0, failures.join('\n'));

  // The open dashboard follows an edit: a stamped page's source changes,
  // and its translation shows up among the stale ones, with no reload by hand.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/_status`);
    await page.waitForSelector('h1');
    await page.waitForTimeout(300); // the event stream connects
    const stale = () => page.evaluate(() => [...document.querySelectorAll('article.stale-page h4')].map((h) => h.textContent));
    assert.deepEqual(await stale(), ['content/ru/index.md']);
    const md = path.join(course, 'content/en/module-a/01-one.md');
    fs.appendFileSync(md, '\nOne more sentence.\n');
    await page.waitForFunction(() => document.querySelectorAll('article.stale-page').length === 2, null, { timeout: 5000 });
    assert.deepEqual(await stale(), ['content/ru/index.md', 'content/ru/module-a/01-one.md']);
    await context.close();
  }

  // Break a Fluent file: the overlay comes over a content page (whose `pre`
  // style has a light background) and over /_status/.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const pageA = await context.newPage();
  await pageA.goto(`${base}/ru/module-a/01-one.html`);
  await pageA.waitForSelector('h1');
  const pageS = await context.newPage();
  await pageS.goto(`${base}/_status/`);
  await pageS.waitForSelector('h1');
  await pageA.waitForTimeout(300); // the event streams connect
  const ftl = path.join(course, 'locales/en/course.ftl');
  const good = fs.readFileSync(ftl, 'utf8');
  fs.writeFileSync(ftl, good + 'broken = { $x\n');
  try {
    for (const [name, page] of [['content page', pageA], ['/_status/', pageS]]) {
      await page.waitForSelector('#darslik-error', { timeout: 5000 });
      const text = await page.textContent('#darslik-error');
      assert.match(text, /fluent-syntax/);
      await page.screenshot({ path: path.join(SHOTS, `overlay-${name === '/_status/' ? 'status' : 'page'}.png`) });
      const r = await axe(page, { context: '#darslik-error', run: { runOnly: ['color-contrast'] } });
      assert.deepEqual(r.violations, [], `${name}: ${show(r.violations)}`);
      assert.deepEqual(r.incomplete.flatMap((v) => v.nodes.map((n) => n.target.join(' '))), [], `${name}: axe could not measure`);
      const measured = r.passes.flatMap((v) => v.nodes);
      const targets = measured.map((n) => n.target.join(' '));
      assert.ok(targets.some((t) => t.includes('pre')), `${name}: axe measured the error text: ${targets}`);
      assert.ok(targets.some((t) => t.includes('p')), `${name}: axe measured the heading: ${targets}`);
      for (const n of measured) {
        console.log(`# ${name}: ${n.target.join(' ')}: ${n.data.fgColor} on ${n.data.bgColor}, ${n.data.contrastRatio}:1`);
        assert.ok(n.data.contrastRatio >= 4.5, `${name}: ${n.target}: ${n.data.contrastRatio}:1`);
      }
      assert.match(text, /в курсе есть ошибки/, 'the overlay speaks Russian');
    }
  } finally {
    fs.writeFileSync(ftl, good);
  }
  await pageA.waitForSelector('#darslik-error', { state: 'detached', timeout: 5000 });
  await context.close();
});
