// `darslik serve` in real Chromium: an edit to a page's Markdown shows up in
// the open page within a second without a manual reload; a broken .ftl file
// puts an overlay naming file:line:col over the page; fixing it removes it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { launch, repoRoot } from './lib.mjs';

function binary() {
  if (process.env.DARSLIK_BIN) return process.env.DARSLIK_BIN;
  for (const p of ['target/release/darslik', 'target/debug/darslik']) {
    const full = path.join(repoRoot, p);
    if (existsSync(full)) return full;
  }
  throw new Error('build darslik first (cargo build --release)');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

let server, browser, course, port, log = '';

before(async () => {
  course = mkdtempSync(path.join(tmpdir(), 'darslik-serve-'));
  cpSync(path.join(repoRoot, 'tests/fixtures/basic'), course, { recursive: true });
  port = await freePort();
  server = spawn(binary(), ['serve', '--course', course, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  server.stderr.on('data', (d) => { log += d; });
  // Wait until it listens.
  const deadline = Date.now() + 20000;
  while (!log.includes('serving')) {
    if (Date.now() > deadline) throw new Error('serve did not start:\n' + log);
    await new Promise((r) => setTimeout(r, 50));
  }
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill('SIGINT');
});

test('an edit shows within 1 s; a broken .ftl shows an overlay with file:line:col until fixed', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(`http://127.0.0.1:${port}/`)) external.push(r.url()); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`http://127.0.0.1:${port}/en/module-a/01-one.html`);
  await page.waitForFunction(() => document.querySelector('h1') !== null);
  // Let the page's event stream connect.
  await page.waitForTimeout(300);

  const md = path.join(course, 'content/en/module-a/01-one.md');
  const marker = `Edited at ${Date.now()}`;
  const t0 = Date.now();
  appendFileSync(md, `\n${marker}\n`);
  await page.waitForFunction((m) => document.body.innerText.includes(m), marker, { timeout: 5000 });
  const elapsed = Date.now() - t0;
  console.log(`# change visible after ${elapsed} ms`);
  assert.ok(elapsed < 1000, `the change took ${elapsed} ms (limit 1000 ms)`);

  const ftl = path.join(course, 'locales/en/course.ftl');
  const good = readFileSync(ftl, 'utf8');
  writeFileSync(ftl, good + 'broken = { $x\n');
  const line = good.split('\n').length; // the broken line's number
  await page.waitForSelector('#darslik-error', { timeout: 5000 });
  const text = await page.textContent('#darslik-error');
  assert.match(text, new RegExp(`locales/en/course\\.ftl:${line}:\\d+`), text);
  assert.match(text, /fluent-syntax/);
  // The last good build stays served: the page itself is still there.
  assert.ok((await page.textContent('h1')).length > 0);

  writeFileSync(ftl, good);
  await page.waitForFunction(() => !document.getElementById('darslik-error'), null, { timeout: 5000 });
  assert.ok(await page.evaluate((m) => document.body.innerText.includes(m), marker));
  assert.deepEqual(external, [], 'no request outside the preview server');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an edit with a broken link shows an overlay naming the page; the fix reloads with the new text', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`http://127.0.0.1:${port}/en/module-a/02-two.html`);
  await page.waitForFunction(() => document.querySelector('h1') !== null);
  await page.waitForTimeout(300);

  const md = path.join(course, 'content/en/module-a/02-two.md');
  const good = readFileSync(md, 'utf8');
  writeFileSync(md, `${good}\nSee [nowhere](03-missing.md).\n`);
  const line = good.split('\n').length + 1; // the new line's number
  await page.waitForSelector('#darslik-error', { timeout: 5000 });
  const text = await page.textContent('#darslik-error');
  assert.match(text, new RegExp(`content/en/module-a/02-two\\.md:${line}:\\d+`), text);
  assert.match(text, /broken-link/);

  const marker = `Fixed at ${Date.now()}`;
  writeFileSync(md, `${good}\n${marker}\n`);
  await page.waitForFunction((m) => document.body.innerText.includes(m), marker, { timeout: 5000 });
  assert.equal(await page.$('#darslik-error'), null);
  // Its neighbour shows the page's new title at once.
  writeFileSync(md, good.replace(/title = "[^"]*"/, 'title = "Renamed two"'));
  await page.waitForFunction(() => document.querySelector('h1').textContent.includes('Renamed two'), null, { timeout: 5000 });
  await page.goto(`http://127.0.0.1:${port}/en/module-a/01-one.html`);
  assert.match(await page.textContent('body'), /Renamed two/);
  writeFileSync(md, good);
  assert.deepEqual(errors, []);
  await context.close();
});


test('a page edit swaps the new body in: no navigation, one event stream, the quiz still works; a course.toml edit reloads', async () => {
  // The sample course (it has quizzes), served on its own.
  const sample = mkdtempSync(path.join(tmpdir(), 'darslik-serve-sample-'));
  for (const d of ['course.toml', 'content', 'locales', 'themes', 'branding']) {
    if (existsSync(path.join(repoRoot, d))) cpSync(path.join(repoRoot, d), path.join(sample, d), { recursive: true });
  }
  const samplePort = await freePort();
  let sampleLog = '';
  const sampleServer = spawn(binary(), ['serve', '--course', sample, '--port', String(samplePort)], { stdio: ['ignore', 'pipe', 'pipe'] });
  sampleServer.stderr.on('data', (d) => { sampleLog += d; });
  const context = await browser.newContext();
  try {
    const deadline = Date.now() + 20000;
    while (!sampleLog.includes('serving')) {
      if (Date.now() > deadline) throw new Error('serve did not start:\n' + sampleLog);
      await new Promise((r) => setTimeout(r, 50));
    }
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${m.text()} ${m.location().url}`); });
    page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
    let streams = 0;
    page.on('request', (r) => { if (r.url().endsWith('/__darslik/events')) streams += 1; });
    await page.goto(`http://127.0.0.1:${samplePort}/en/module-06/03-trafficking-and-smuggling.html`);
    await page.waitForSelector('fieldset.quiz-q');
    await page.waitForTimeout(300);
    await page.evaluate(() => { window.__kept = 'the same document'; });

    const md = path.join(sample, 'content/en/module-06/03-trafficking-and-smuggling.md');
    const marker = `Swapped at ${Date.now()}`;
    appendFileSync(md, `\n${marker}\n`);
    await page.waitForFunction((m) => document.body.innerText.includes(m), marker, { timeout: 5000 });
    assert.equal(await page.evaluate(() => window.__kept), 'the same document', 'the page navigated instead of taking its new body in');
    assert.ok(await page.evaluate(() => window.__darslikSwapped > 0));

    // The page's scripts run again on the new body: the quiz grades.
    const q = page.locator('fieldset.quiz-q').first();
    await q.locator('input').first().check();
    await q.locator('button.quiz-check').click();
    await page.waitForFunction(() => {
      const fb = document.querySelector('fieldset.quiz-q .quiz-feedback');
      return fb && fb.textContent.trim().length > 0;
    }, null, { timeout: 5000 });
    // A second edit is taken in the same way, on the same event stream.
    const marker2 = `Swapped again at ${Date.now()}`;
    appendFileSync(md, `\n${marker2}\n`);
    await page.waitForFunction((m) => document.body.innerText.includes(m), marker2, { timeout: 5000 });
    assert.equal(await page.evaluate(() => window.__kept), 'the same document');
    assert.equal(streams, 1, 'one event stream for the whole visit');

    // course.toml can change what every page loads: the page reloads.
    appendFileSync(path.join(sample, 'course.toml'), '\n# edited\n');
    await page.waitForFunction(() => window.__kept === undefined, null, { timeout: 10000 });
    await page.waitForSelector('fieldset.quiz-q');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    sampleServer.kill('SIGINT');
  }
});
