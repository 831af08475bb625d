// Certificates in real Chromium (issue 21, acceptance 4): each one printed to
// PDF is exactly one A4 page, even for the longest name a certificate holds;
// it loads nothing (offline, file://), has no script, and nothing in it is
// cut off. Screenshots: /tmp/cert.png (English), /tmp/cert-ru.png and
// /tmp/cert-long.png (a 127-letter name, the longest a code holds, and long titles).
//
//   cargo build --release && node --test tests/browser/certificate.test.mjs
//
// The binary: env DARSLIK_BIN, else $CARGO_TARGET_DIR/release/darslik, else
// target/release/darslik. The register is made with python3's sqlite3.
// With JSQR=/path/to/jsqr/dist/jsQR.js (npm jsqr) each QR code is also
// decoded and compared with the code printed beside it.

import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { launch, offlineContext, watchPage, formatProblems, repoRoot } from './lib.mjs';

function darslikBin() {
  const cands = [
    process.env.DARSLIK_BIN,
    process.env.CARGO_TARGET_DIR && path.join(process.env.CARGO_TARGET_DIR, 'release', 'darslik'),
    path.join(repoRoot, 'target', 'release', 'darslik'),
  ].filter(Boolean);
  const bin = cands.find((p) => fs.existsSync(p));
  if (!bin) throw new Error(`no darslik binary (${cands.join(', ')}): run cargo build --release, or set DARSLIK_BIN`);
  return bin;
}

function run(cmd, args, input) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', input });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

// 127 letters: the most a certificate's code holds for a name.
const LONG_NAME = ('Александра-Мария Константинопольская-Рахмонбердиева ' +
  'Абдурахмановна Сайфиддинова-Ташкентская Вандербильт Оглы ').repeat(3);
function cut(s, letters) {
  return [...s].slice(0, letters).join('').trim();
}

const REGISTER = String.raw`
import sqlite3, sys, json
db = sqlite3.connect(sys.argv[1])
db.executescript('''
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version VALUES (1);
CREATE TABLE course (id TEXT PRIMARY KEY);
CREATE TABLE versions (version TEXT PRIMARY KEY, title TEXT NOT NULL, modules TEXT NOT NULL);
CREATE TABLE learners (id TEXT PRIMARY KEY, name TEXT NOT NULL, organisation TEXT NOT NULL,
  region TEXT NOT NULL, locale TEXT NOT NULL, saved TEXT NOT NULL);
CREATE TABLE imports (sha256 TEXT PRIMARY KEY, file TEXT NOT NULL, learner TEXT NOT NULL,
  added INTEGER NOT NULL, at TEXT NOT NULL);
CREATE TABLE statements (id TEXT PRIMARY KEY, learner TEXT NOT NULL REFERENCES learners(id),
  version TEXT NOT NULL, verb TEXT NOT NULL, kind TEXT NOT NULL, object TEXT NOT NULL, module TEXT,
  test TEXT, attempt INTEGER, score REAL, success INTEGER, completion INTEGER, response TEXT,
  pages_seen INTEGER, pages INTEGER, locale TEXT NOT NULL, timestamp TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE activities (id TEXT NOT NULL, locale TEXT NOT NULL, name TEXT NOT NULL,
  definition TEXT NOT NULL, PRIMARY KEY (id, locale));
''')
spec = json.loads(sys.stdin.read())
db.execute("INSERT INTO course VALUES ('tip-uz')")
db.execute("INSERT INTO versions VALUES ('1.0.0', ?, ?)", (spec['title'], json.dumps(spec['modules'])))
for i, l in enumerate(spec['learners']):
    db.execute("INSERT INTO learners VALUES (?, ?, ?, 'Tashkent', ?, '2026-12-05T12:00:00Z')",
               (l['id'], l['name'], l['org'], l['locale']))
    db.execute("""INSERT INTO statements (id, learner, version, verb, kind, object, module, score, success,
                  completion, pages_seen, pages, locale, timestamp, json)
                  VALUES (?, ?, '1.0.0', 'passed', 'module', ?, ?, ?, 1, 1, 6, 6, ?, ?, '{}')""",
               ('00000000-0000-4000-8000-%012d' % i, l['id'], l['module'], l['module'], l['score'],
                l['locale'], l['ts']))
db.commit()
`;

const SPEC = {
  title: 'Identifying and protecting victims of human trafficking',
  modules: [
    { id: 'module-06', title: 'Interviewing a possible victim', pages: 6, mastery: 70 },
    {
      id: 'module-07',
      title: 'Investigation and prosecution of trafficking cases: evidence, cooperation between agencies, and protecting witnesses throughout the proceedings',
      pages: 6,
      mastery: 70,
    },
  ],
  learners: [
    { id: 'a1b2c3d4-0000-4000-8000-000000000001', name: 'Dilnoza Karimova', org: 'Academy of the Ministry of Internal Affairs',
      locale: 'en', module: 'module-06', score: 87.5, ts: '2026-12-05T10:11:12.345Z' },
    { id: 'b1b2c3d4-0000-4000-8000-000000000002', name: 'Дилноза Каримова', org: 'Академия МВД Республики Узбекистан',
      locale: 'ru', module: 'module-06', score: 92, ts: '2026-12-05T11:00:00.000Z' },
    { id: 'c1b2c3d4-0000-4000-8000-000000000003', name: cut(LONG_NAME, 127),
      org: 'Центр повышения квалификации по борьбе с торговлей людьми при Министерстве внутренних дел Республики Узбекистан, Ташкентский областной филиал',
      locale: 'ru', module: 'module-07', score: 100, ts: '2026-12-06T09:30:00.000Z' },
    { id: 'd1b2c3d4-0000-4000-8000-000000000004', name: 'Oʻgʻiloy Tursunova', org: 'Ichki ishlar akademiyasi',
      locale: 'uz-Cyrl', module: 'module-06', score: 75, ts: '2026-12-06T10:00:00.000Z' },
  ],
};

/** Pages and their sizes (points) of a PDF Chromium wrote (Skia: page
 *  dictionaries are plain objects). */
function pdfPages(buf) {
  const text = buf.toString('latin1');
  const pages = [...text.matchAll(/\/Type\s*\/Page(?![a-zA-Z])/g)].length;
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.\-]+)\s+([\d.\-]+)\s+([\d.\-]+)\s+([\d.\-]+)\s*\]/g)]
    .map((m) => [Number(m[3]) - Number(m[1]), Number(m[4]) - Number(m[2])]);
  const count = /\/Type\s*\/Pages[\s\S]*?\/Count\s+(\d+)/.exec(text);
  return { pages, boxes, count: count ? Number(count[1]) : null };
}

const A4 = [595.28, 841.89]; // 210 × 297 mm in points

const AXE = fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core on the open page: no violation at all. */
async function axeClean(page, what) {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () =>
    (await window.axe.run(document)).violations.map((v) => `${v.impact} ${v.id} (${v.nodes.length}): ${v.help}`));
  assert.deepEqual(violations, [], `${what}: axe`);
}

test('certificates print to exactly one A4 page each, offline', async () => {
  const bin = darslikBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'darslik-cert-'));
  const db = path.join(dir, 'records.sqlite');
  run('python3', ['-c', REGISTER, db], JSON.stringify(SPEC));
  run(bin, ['results', 'keygen', '--out', path.join(dir, 'academy')]);
  // Who signs, on the key file's signer: line.
  const keyFile = path.join(dir, 'academy.key');
  fs.writeFileSync(keyFile, fs.readFileSync(keyFile, 'utf8').replace('\nsigner: \n', '\nsigner: Training Centre of the Ministry of Internal Affairs\n'));
  const out = path.join(dir, 'certs');
  const said = run(bin, ['results', 'certificates', '--db', db, '--key', path.join(dir, 'academy.key'), '--out', out]);
  assert.match(said, /4 certificates for 4 learners who passed/);
  const files = fs.readdirSync(out).filter((f) => f !== 'index.html').sort();
  assert.equal(files.length, 4, files.join(', '));

  const browser = await launch();
  try {
    const { context, blocked } = await offlineContext(browser, { viewport: { width: 900, height: 1200 } });
    const page = await context.newPage();
    const problems = watchPage(page, out);
    const densities = [];
    const jsqr = process.env.JSQR ? fs.readFileSync(process.env.JSQR, 'utf8') : null;
    let qrChecked = 0;
    for (const f of files) {
      const file = path.join(out, f);
      problems.current = f;
      await page.emulateMedia({ media: 'screen' });
      await page.goto(pathToFileURL(file).href);
      assert.equal(await page.locator('script').count(), 0, `${f}: no script`);
      await axeClean(page, f);

      // Printed: nothing cut off by the sheet (its content fits its box).
      await page.emulateMedia({ media: 'print' });
      const fit = await page.evaluate(() => {
        const sheet = document.querySelector('.sheet');
        const box = sheet.getBoundingClientRect();
        const rect = (el) => {
          const r = el.getBoundingClientRect();
          return { what: `${el.tagName.toLowerCase()}.${el.className}`, top: r.top - box.top, bottom: r.bottom - box.top, right: r.right - box.left };
        };
        // The blocks from top to bottom: none may run into the next one.
        const flow = [...sheet.querySelectorAll('header, .body > *, .facts, footer')].map(rect);
        const parts = [...sheet.querySelectorAll('header *, .body *, .facts *, footer *')].map(rect);
        return { height: box.height, width: box.width, scroll: sheet.scrollHeight, client: sheet.clientHeight, flow, parts,
          dense: sheet.className };
      });
      assert.ok(fit.scroll <= fit.client + 1, `${f}: the sheet's content is taller than the sheet (${fit.scroll} > ${fit.client})`);
      for (const p of [...fit.flow, ...fit.parts]) {
        assert.ok(p.top >= -0.5 && p.bottom <= fit.height + 0.5 && p.right <= fit.width + 0.5, `${f}: ${p.what} sticks out of the sheet: ${JSON.stringify(p)}`);
      }
      for (let i = 1; i < fit.flow.length; i++) {
        assert.ok(fit.flow[i].top >= fit.flow[i - 1].bottom - 0.5,
          `${f} (${fit.dense}): ${fit.flow[i].what} overlaps ${fit.flow[i - 1].what}: ${JSON.stringify([fit.flow[i - 1], fit.flow[i]])}`);
      }
      densities.push(`${f}: ${fit.dense}`);

      // The QR code says the code (decoded with jsQR when JSQR points to
      // its dist/jsQR.js; playwright-core has no decoder of its own).
      if (jsqr) {
        await page.addScriptTag({ content: jsqr });
        const qr = await page.evaluate(async () => {
          const xml = new XMLSerializer().serializeToString(document.querySelector('svg.qr'));
          const img = new Image();
          img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(xml);
          await img.decode();
          const n = 600;
          const c = document.createElement('canvas');
          c.width = n;
          c.height = n;
          const ctx = c.getContext('2d');
          ctx.imageSmoothingEnabled = false;
          ctx.drawImage(img, 0, 0, n, n);
          const got = window.jsQR(ctx.getImageData(0, 0, n, n).data, n, n);
          return { decoded: got && got.data, code: document.querySelector('main').dataset.code };
        });
        assert.equal(qr.decoded, qr.code, `${f}: the QR code does not say the code`);
        qrChecked++;
      }

      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      fs.writeFileSync(path.join(dir, f.replace(/\.html$/, '.pdf')), pdf);
      const { pages, boxes, count } = pdfPages(pdf);
      assert.equal(pages, 1, `${f}: ${pages} pages in the PDF`);
      if (count !== null) assert.equal(count, 1, `${f}: /Count ${count}`);
      assert.ok(boxes.length >= 1, `${f}: no /MediaBox`);
      for (const [w, h] of boxes) {
        assert.ok(Math.abs(w - A4[0]) < 2 && Math.abs(h - A4[1]) < 2, `${f}: page ${w} × ${h} pt is not A4 (595 × 842)`);
      }
    }

    problems.current = 'index.html';
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
    assert.equal(await page.locator('a[href$=".html"]').count(), 4, 'index links every certificate');
    await axeClean(page, 'index.html');

    // Screenshots to look at.
    await page.emulateMedia({ media: 'screen' });
    const shots = [['a1b2c3d4', '/tmp/cert.png'], ['b1b2c3d4', '/tmp/cert-ru.png'], ['c1b2c3d4', '/tmp/cert-long.png'], ['d1b2c3d4', '/tmp/cert-uz-cyrl.png']];
    for (const [id, png] of shots) {
      const f = files.find((x) => x.includes(id));
      await page.goto(pathToFileURL(path.join(out, f)).href);
      await page.screenshot({ path: png, fullPage: true });
    }
    console.log(densities.join('\n'));
    console.log(jsqr ? `QR codes decoded and equal to the codes: ${qrChecked}` : 'QR codes not decoded: set JSQR=/path/to/jsqr/dist/jsQR.js');
    assert.deepEqual(blocked, [], 'requests to the network');
    assert.equal(problems.length, 0, formatProblems(problems));
    await context.close();
  } finally {
    await browser.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
});
