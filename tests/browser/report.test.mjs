// The class report of `darslik results report` (SPEC §9, issue 21) in
// Chromium, from file://, with the network off: no request leaves the
// report's folder, no script is needed, axe finds nothing serious or
// critical at 1280 px and at 360 px, the page itself never scrolls
// sideways on a phone (wide tables scroll inside their own box), and the
// charts' tables hold figures. Screenshots: /tmp/report-1280.png and
// /tmp/report-360.png (full page), /tmp/report-print.pdf.
//
// The report: DARSLIK_REPORT=<folder with report-*.html>, or made here from
// 200 files of tests/results/gen.py with `darslik results add` and
// `darslik results report` (the binary: DARSLIK_BIN, else
// $CARGO_TARGET_DIR/release/darslik, else target/release/darslik).
//
//     node --test tests/browser/report.test.mjs

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { describeViolation, runAxe } from './a11ykit.mjs';
import { launch, offlineContext, repoRoot, watchPage } from './lib.mjs';

const FAIL_ON = new Set(['serious', 'critical']);
const LOCALES = ['en', 'ru', 'uz', 'uz-Cyrl'];

function darslik() {
  if (process.env.DARSLIK_BIN) return process.env.DARSLIK_BIN;
  const target = process.env.CARGO_TARGET_DIR || path.join(repoRoot, 'target');
  return path.join(target, 'release', 'darslik');
}

/** A report folder: the given one, or one made from generated results files. */
function makeReport() {
  if (process.env.DARSLIK_REPORT) return path.resolve(process.env.DARSLIK_REPORT);
  const bin = darslik();
  if (!fs.existsSync(bin)) throw new Error(`${bin} not found: cargo build --release first, or set DARSLIK_BIN`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'darslik-report-'));
  const files = path.join(tmp, 'files');
  execFileSync('python3', [path.join(repoRoot, 'tests/results/gen.py'), '--out', files], { stdio: 'pipe' });
  const names = fs.readdirSync(files).map((f) => path.join(files, f));
  const db = path.join(tmp, 'records.sqlite');
  execFileSync(bin, ['results', 'add', '--quiet', '--db', db, ...names], { stdio: 'pipe' });
  const out = path.join(tmp, 'report');
  execFileSync(bin, ['results', 'report', '--quiet', '--db', db, '--out', out], { stdio: 'pipe' });
  return out;
}

let browser;
let dir;
before(async () => {
  dir = makeReport();
  for (const l of LOCALES) assert.ok(fs.existsSync(path.join(dir, `report-${l}.html`)), `report-${l}.html missing in ${dir}`);
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
});

/** Open a report page offline, JavaScript off (the report needs none). */
async function open(locale, width, height = 900) {
  const { context, blocked } = await offlineContext(browser, { viewport: { width, height }, javaScriptEnabled: false });
  const page = await context.newPage();
  const problems = watchPage(page, dir);
  await page.goto(pathToFileURL(path.join(dir, `report-${locale}.html`)).href, { waitUntil: 'load' });
  return { context, page, problems, blocked };
}

for (const width of [1280, 360]) {
  test(`report at ${width} px: offline, no script, axe clean, readable`, async () => {
    const failures = [];
    const minor = [];
    for (const locale of LOCALES) {
      const { context, page, problems, blocked } = await open(locale, width);
      const label = `report-${locale}.html @${width}`;
      const facts = await page.evaluate(() => ({
        scripts: document.querySelectorAll('script').length,
        external: [...document.querySelectorAll('[src],[href]')]
          .map((e) => e.getAttribute('src') || e.getAttribute('href'))
          .filter((u) => !u.startsWith('#')),
        charts: document.querySelectorAll('svg.chart').length,
        tables: [...document.querySelectorAll('table[data-table]')].map((t) => t.dataset.table),
        learnerRows: document.querySelectorAll('table[data-table=learners] tbody tr').length,
        questionRows: document.querySelectorAll('table[data-table=questions] tbody tr').length,
        pageWidth: document.documentElement.scrollWidth,
        lang: document.documentElement.lang,
        unscrollable: [...document.querySelectorAll('.table-wrap')].filter(
          (w) => w.scrollWidth > w.clientWidth + 1 && getComputedStyle(w).overflowX === 'visible',
        ).length,
        overflowingCharts: [...document.querySelectorAll('svg.chart, svg.chart text')]
          .filter((s) => getComputedStyle(s).display !== 'none')
          .filter((s) => s.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map((s) => s.textContent.slice(0, 60)),
      }));
      assert.equal(facts.scripts, 0, `${label}: the report has <script>`);
      assert.deepEqual(facts.external, [], `${label}: links or sources to other files`);
      assert.equal(facts.lang, locale, `${label}: lang`);
      assert.equal(facts.charts, 5, `${label}: charts`);
      for (const t of ['summary', 'completion', 'learners', 'distribution', 'organisations', 'regions', 'learner-tests', 'questions']) {
        assert.ok(facts.tables.includes(t), `${label}: no ${t} table (${facts.tables})`);
      }
      assert.ok(facts.learnerRows > 100, `${label}: ${facts.learnerRows} learner rows`);
      assert.ok(facts.questionRows > 40, `${label}: ${facts.questionRows} question rows`);
      assert.ok(facts.pageWidth <= width, `${label}: the page is ${facts.pageWidth} px wide, wider than the window`);
      assert.deepEqual(facts.overflowingCharts, [], `${label}: chart labels go past the window`);
      assert.equal(facts.unscrollable, 0, `${label}: a table box does not scroll`);
      for (const v of await withAxe(page)) (FAIL_ON.has(v.impact) ? failures : minor).push(describeViolation(label, v));
      assert.deepEqual(blocked, [], `${label}: requests left the machine`);
      assert.equal(problems.length, 0, `${label}: ${problems.map((p) => p.detail).join("; ")}`);
      if (locale === 'en') {
        await page.screenshot({ path: `/tmp/report-${width}.png`, fullPage: true });
        if (width === 1280) {
          await page.emulateMedia({ media: 'print' });
          await page.pdf({ path: '/tmp/report-print.pdf', format: 'A4', printBackground: true });
        }
      }
      await context.close();
    }
    if (minor.length) console.log(`minor axe findings:\n${minor.join('\n')}`);
    assert.deepEqual(failures, [], failures.join('\n'));
  });
}

/** axe needs script in the page: a second context with JavaScript on, same file. */
async function withAxe(page) {
  const url = page.url();
  const viewport = page.viewportSize();
  const { context } = await offlineContext(browser, { viewport });
  const p = await context.newPage();
  await p.goto(url, { waitUntil: 'load' });
  const v = await runAxe(p);
  await context.close();
  return v;
}

test('report: the tables hold the figures tests read (data-* attributes)', async () => {
  const { context, page } = await open('ru', 1280);
  const cells = await page.evaluate(() => ({
    learners: document.querySelector('table[data-table=summary] tr[data-key=learners] td').dataset.value,
    share: [...document.querySelectorAll('table[data-table=questions] td[data-col=share-right]')].map((td) => Number(td.dataset.value)),
    wrongText: [...document.querySelectorAll('table[data-table=questions] td[data-col=wrong]')].map((td) => td.textContent.trim()),
    cyrillic: document.body.textContent.includes('Входной тест'),
  }));
  assert.ok(Number(cells.learners) > 100, `learners ${cells.learners}`);
  assert.ok(cells.share.every((s) => s >= 0 && s <= 100), 'share right between 0 and 100');
  assert.ok(cells.wrongText.filter((t) => t && t !== '—').length > 20, 'wrong answers shown with their text');
  assert.ok(cells.cyrillic, 'the Russian report shows the Russian test names');
  await context.close();
});
