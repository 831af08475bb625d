// Issue 16, SPEC §11: nothing in a course runs as code, checked in Chromium.
//
// The hostile course (tests/fixtures/hostile, catalogue in payloads.json) is
// built into every format. Every HTML, SVG and XML file of every output is
// opened from file://: site pages, single files, bundle, and each SCORM zip
// unpacked, its files opened alone and its SCOs also under a minimal fake LMS
// (window.API and window.API_1484_11 in a parent frame, on a fake http origin
// served from the unpacked folder) so that the LMS code paths run. An init
// script records any executed payload (alert/confirm/prompt/print, a script
// setting document.title); then every remaining on* handler on every element
// is fired, every javascript:/data:/vbscript: link clicked, and every request
// that is not a file inside the output is recorded and aborted. Search pages
// are opened with ?q=alert so that snippets of the payload pages are shown.
// The home pages read a planted javascript: "last page" from localStorage
// (D9). Each refused/blocked payload is built alone in a copy of
// tests/fixtures/basic; if it builds, its outputs are opened the same way.
//
// Asserts 0 executed payloads, 0 requests leaving the output, LMS tracking on
// in every SCO (D6), and that refused payloads do not build.
//
//   cargo build --release && node --test tests/browser/security.test.mjs
//
// The binary is ./target/release/darslik (env DARSLIK_BIN). The hostile
// outputs go to env DARSLIK_HOSTILE_DIST when set (built there if missing),
// else to a temporary folder.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, repoRoot } from './lib.mjs';
import { launchFiles, unzip } from './scormlms.mjs';

const FIXTURES = path.join(repoRoot, 'tests', 'fixtures');
const CATALOGUE = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'hostile', 'payloads.json'), 'utf8')).payloads;
const BIN = process.env.DARSLIK_BIN || path.join(repoRoot, 'target', 'release', 'darslik');
const LMS = 'http://lms.invalid';
const TABS = 4;
const DOC = /\.(html?|xhtml?|svg|xml)$/i;
const MARKER = /P\d{3}(?!\d)/g;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'darslik-security-'));
const roots = []; // folders whose files pages may load
let browser;

before(async () => {
  if (!fs.existsSync(BIN)) throw new Error(`no darslik binary at ${BIN}: run cargo build --release (or set DARSLIK_BIN)`);
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------- building

function copyDir(from, to) {
  fs.cpSync(from, to, { recursive: true });
}

function build(course, out, formats) {
  const args = ['build', '--course', course, '--format', formats, '--quiet'];
  if (out) args.push('--out', out);
  const r = spawnSync(BIN, args, { encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr || '' };
}

/** The hostile course's outputs, in every format. */
function hostileDist() {
  const wanted = process.env.DARSLIK_HOSTILE_DIST;
  if (wanted && fs.existsSync(path.join(wanted, 'site', 'index.html'))) return path.resolve(wanted);
  const course = path.join(tmp, 'hostile');
  copyDir(path.join(FIXTURES, 'hostile'), course);
  const out = wanted ? path.resolve(wanted) : path.join(course, 'dist');
  const r = build(course, wanted ? out : null, 'site,scorm12,scorm2004,single,bundle');
  assert.equal(r.code, 0, `the hostile course must build:\n${r.stderr}`);
  return out;
}

/** Put a payload's setup (see make.py) into a copy of the basic course. */
function applySetup(setup, course, outside) {
  const fill = (s) => s.replaceAll('@OUTSIDE@', outside);
  const write = (root, rel, text) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  for (const rel of setup.remove || []) fs.rmSync(path.join(course, rel), { recursive: true, force: true });
  for (const [rel, text] of Object.entries(setup.outside || {})) write(outside, rel, text);
  for (const [rel, text] of Object.entries(setup.files || {})) write(course, rel, fill(text));
  for (const [rel, text] of Object.entries(setup.append || {})) fs.appendFileSync(path.join(course, rel), text);
  if (setup.toml_append) fs.appendFileSync(path.join(course, 'course.toml'), fill(setup.toml_append));
  for (const [rel, target] of Object.entries(setup.symlinks || {})) {
    fs.mkdirSync(path.dirname(path.join(course, rel)), { recursive: true });
    fs.rmSync(path.join(course, rel), { force: true });
    fs.symlinkSync(fill(target), path.join(course, rel));
  }
}

// ---------------------------------------------------------------- pages to open

function walk(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

const sha = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * Jobs for one output folder: { url, file, lms?: '1.2'|'2004' }. `skip(rel,
 * file)` leaves out files known to be opened already.
 */
function jobsFor(dist, label, skip = () => false) {
  const jobs = [];
  roots.push(dist);
  for (const file of walk(dist)) {
    const rel = path.relative(dist, file);
    if (/\.zip$/i.test(file)) {
      const dir = unzip(file);
      fs.renameSync(dir, path.join(tmp, `${label}-${rel.replace(/[\\/]/g, '_')}`));
      const unz = path.join(tmp, `${label}-${rel.replace(/[\\/]/g, '_')}`);
      roots.push(unz);
      const version = /scorm2004/.test(rel) ? '2004' : '1.2';
      for (const f of walk(unz)) {
        if (!DOC.test(f) || /imsmanifest\.xml$/.test(f) || skip(`${rel}!${path.relative(unz, f)}`, f)) continue;
        jobs.push({ url: pathToFileURL(f).href, file: `${label}:${rel}!${path.relative(unz, f)}` });
      }
      for (const href of Object.values(launchFiles(unz))) {
        // scorm.js reports only modules with questions (progress-data); see the report.
        if (!fs.readFileSync(path.join(unz, href), 'utf8').includes('progress-data')) continue;
        if (skip(`${rel}!${href}!lms`, path.join(unz, href))) continue;
        const lms = `${LMS}${unz}/__lms.html?sco=${encodeURIComponent(href)}`;
        jobs.push({ url: lms, file: `${label}:${rel}!${href} (LMS ${version})`, lms: version });
      }
    } else if (DOC.test(file) && !skip(rel, file)) {
      let url = pathToFileURL(file).href;
      if (/search\.html$/.test(file)) {
        // Issue 25: the query reaches other locales' results and the transliterated note.
        if (label === 'hostile') {
          for (const p of CATALOGUE.filter((x) => x.channel === 'search-query')) {
            jobs.push({ url: `${url}?q=${encodeURIComponent(p.payload)}${p.params}`, file: `${label}:${rel} (${p.id})`, wait: 600 });
          }
        }
        url += '?q=alert';
      }
      jobs.push({ url, file: `${label}:${rel}` });
    }
  }
  return jobs;
}

// ---------------------------------------------------------------- in the browser

const LMS_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>fake LMS</title><script>
window.calls = [];
function api(names) {
  var o = {};
  names.forEach(function (n) {
    o[n] = function () {
      window.calls.push(n);
      if (/GetLastError$/.test(n)) { return '0'; }
      if (/GetValue$|GetErrorString$|GetDiagnostic$/.test(n)) { return ''; }
      return 'true';
    };
  });
  return o;
}
window.API = api(['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']);
window.API_1484_11 = api(['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic']);
</script></head><body><iframe id="sco" title="SCO" style="width:1000px;height:700px"></iframe><script>
document.getElementById('sco').src = new URLSearchParams(location.search).get('sco');
</script></body></html>`;

const TYPES = { '.html': 'text/html', '.htm': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.xml': 'application/xml', '.xhtml': 'application/xhtml+xml', '.png': 'image/png' };

/** What every document runs first: the hooks that record an executed payload, and the D9 plant. */
function initScript() {
  const toml = fs.readFileSync(path.join(FIXTURES, 'hostile', 'course.toml'), 'utf8');
  const course = toml.match(/^\s*id\s*=\s*"([^"]*)"/m)[1];
  const version = toml.match(/^\s*version\s*=\s*"([^"]*)"/m)[1];
  const plants = [];
  const locales = ['en', 'ru', 'uz'];
  const cont = CATALOGUE.filter((p) => p.channel === 'localStorage-continue');
  locales.forEach((locale, i) => {
    const p = cont[i % cont.length];
    const key = p.key.replace('{course}', course).replace('{version}', version).replace('{locale}', locale);
    plants.push([key, JSON.stringify({ seen: { 'module-a/index.md': 1 }, answers: {}, [p.field]: p.payload })]);
  });
  for (const p of CATALOGUE.filter((x) => x.channel === 'localStorage-lang')) {
    plants.push([p.key.replace('{course}', course), p.payload]);
  }
  // My results (issue 21): a learner's details and a scenario run in the
  // log, with names and paths another local page could have written.
  const fill = (k) => k.replace('{course}', course).replace('{version}', version);
  for (const p of CATALOGUE.filter((x) => x.channel === 'localStorage-learner')) {
    plants.push([fill(p.key), JSON.stringify({
      id: '00000000-0000-4000-8000-000000000366', name: p.payload, organisation: p.payload, region: p.payload,
    })]);
  }
  for (const p of CATALOGUE.filter((x) => x.channel === 'localStorage-records')) {
    const o = 'module-a/11-scenario/s1';
    plants.push([fill(p.key), JSON.stringify({
      e: [{ i: '00000000-0000-4000-8000-000000000367', t: '2026-12-05T10:00:00.000Z', k: 's', o, l: 'en', r: `a[,]${p.payload}[,]b`, c: 50 }],
      d: { [`en ${o}`]: { n: p.payload } },
      m: {},
    })]);
  }
  return `(() => {
  const send = (kind, v) => { try { window.__darslikHit(kind, String(v)); } catch (e) { /* no binding */ } };
  for (const n of ['alert', 'confirm', 'prompt', 'print']) {
    const f = function () { send(n, Array.prototype.slice.call(arguments).join(' ')); return n === 'confirm' ? false : null; };
    try { Object.defineProperty(window, n, { value: f, writable: false, configurable: false }); } catch (e) { /* ignore */ }
  }
  try {
    const d = Object.getOwnPropertyDescriptor(Document.prototype, 'title');
    Object.defineProperty(Document.prototype, 'title', {
      configurable: true,
      get() { return d.get.call(this); },
      set(v) {
        // search.js puts the query before the course title; anything else is a payload.
        if (String(new Error().stack).indexOf('static/search.js') < 0) send('document.title', v);
        d.set.call(this, v);
      },
    });
  } catch (e) { /* ignore */ }
  if (location.protocol === 'file:') {
    // Planted as another local page could, and read back as planted even if
    // a page in another tab wrote the key in between (the store is shared).
    const plants = new Map(${JSON.stringify(plants)});
    try { for (const [k, v] of plants) { localStorage.setItem(k, v); } } catch (e) { /* ignore */ }
    const get = Storage.prototype.getItem;
    Storage.prototype.getItem = function (k) { return plants.has(k) ? plants.get(k) : get.call(this, k); };
  }
})();`;
}

/** In a frame: fire every on* handler, click every script/data link, submit script forms. */
function fireAll() {
  const out = { handlers: 0, links: 0 };
  const all = Array.from(document.querySelectorAll('*'));
  for (const el of all) {
    for (const a of Array.from(el.attributes || [])) {
      const n = a.name.toLowerCase();
      if (n.length < 3 || !n.startsWith('on')) continue;
      out.handlers++;
      try { el.dispatchEvent(new Event(n.slice(2), { bubbles: false, cancelable: true })); } catch (e) { /* ignore */ }
      try { if (typeof el[n] === 'function') el[n].call(el, new Event(n.slice(2))); } catch (e) { /* ignore */ }
    }
  }
  const bad = (v) => /^(javascript|data|vbscript):/i.test(String(v || '').replace(/[\u0000-\u0020]/g, ''));
  for (const el of all) {
    const href = el.getAttribute('href') || el.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
    const action = el.getAttribute('action') || el.getAttribute('formaction');
    if (bad(href) || bad(action)) {
      out.links++;
      try { el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window })); } catch (e) { /* ignore */ }
      try { if (el.tagName === 'FORM') el.requestSubmit(); } catch (e) { /* ignore */ }
    }
  }
  return out;
}

function allowedFile(url) {
  if (!url.startsWith('file:')) return false;
  let p;
  try {
    const u = new URL(url);
    u.search = '';
    u.hash = '';
    p = path.resolve(fileURLToPath(u.href));
  } catch {
    return false;
  }
  return roots.some((r) => p === r || p.startsWith(r + path.sep));
}

function lmsPath(url) {
  const u = new URL(url);
  return path.resolve(decodeURIComponent(u.pathname));
}

async function openAll(jobs) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const executed = [];
  const outside = new Map(); // url -> page
  const tracking = []; // SCOs under the fake LMS that never called Initialize
  let handlers = 0;
  let links = 0;
  let current = new Map(); // page -> job file
  await context.exposeBinding('__darslikHit', ({ page, frame }, kind, value) => {
    executed.push({ kind, value, frame: frame ? frame.url() : '', page: current.get(page) || '?' });
  });
  await context.addInitScript({ content: initScript() });
  const recordOutside = (req) => {
    const url = req.url();
    if (/^(data|blob|about):/i.test(url) || allowedFile(url)) return false;
    if (url.startsWith(LMS + '/')) return false;
    if (!outside.has(url)) outside.set(url, current.get(req.frame()?.page()) || '?');
    return true;
  };
  context.on('request', recordOutside);
  await context.route('**/*', async (route) => {
    const req = route.request();
    const url = req.url();
    if (url.startsWith(LMS + '/')) {
      const p = lmsPath(url);
      if (p.endsWith('/__lms.html')) return route.fulfill({ status: 200, contentType: 'text/html', body: LMS_HTML });
      if (allowedFile(pathToFileURL(p).href) && fs.existsSync(p) && fs.statSync(p).isFile()) {
        return route.fulfill({ status: 200, contentType: TYPES[path.extname(p).toLowerCase()] || 'application/octet-stream', body: fs.readFileSync(p) });
      }
      return route.fulfill({ status: 404, body: 'not found' });
    }
    if (/^(data|blob|about):/i.test(url) || allowedFile(url)) return route.continue();
    recordOutside(req);
    return route.abort('blockedbyclient');
  });

  let next = 0;
  async function worker() {
    const page = await context.newPage();
    page.on('dialog', (d) => {
      executed.push({ kind: `dialog ${d.type()}`, value: d.message(), frame: page.url(), page: current.get(page) || '?' });
      d.dismiss().catch(() => {});
    });
    while (next < jobs.length) {
      const job = jobs[next++];
      current.set(page, job.file);
      try {
        await page.goto(job.url, { waitUntil: 'load', timeout: 10000 });
      } catch { /* a payload may navigate away; what ran is recorded */ }
      await page.waitForTimeout(job.wait || 60);
      for (const frame of page.frames()) {
        try {
          const r = await frame.evaluate(fireAll);
          handlers += r.handlers;
          links += r.links;
        } catch { /* detached or navigated */ }
      }
      await page.waitForTimeout(120);
      if (job.lms) {
        const calls = await page.evaluate(() => window.calls || []).catch(() => []);
        const init = job.lms === '1.2' ? 'LMSInitialize' : 'Initialize';
        if (!calls.includes(init)) tracking.push(job.file);
      }
    }
    await page.close();
  }
  await Promise.all(Array.from({ length: TABS }, worker));
  await context.close();
  return { executed, outside, tracking, handlers, links };
}

// ---------------------------------------------------------------- the test

const itemOf = new Map(CATALOGUE.map((p) => [p.id, p.item]));

function byItem(ids) {
  const m = {};
  for (const id of [...ids].sort()) (m[itemOf.get(id) || 'unattributed'] ??= []).push(id);
  return Object.entries(m).map(([k, v]) => `  ${k}: ${v.join(' ')}`).join('\n');
}

test('security: no payload runs or fetches in any output, in Chromium', { timeout: 600000 }, async () => {
  const started = Date.now();
  const dist = hostileDist();
  const jobs = [];
  const seen = new Set();
  // Identical files (the bundle holds the site and the zips again) are opened once.
  const once = (rel, file) => {
    const lms = rel.endsWith('!lms') ? (/scorm2004/.test(rel) ? 'lms2004' : 'lms12') : '';
    const key = `${path.basename(rel)}:${sha(file)}:${lms}`;
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  };
  jobs.push(...jobsFor(dist, 'hostile', once));

  // Refused and blocked payloads, each alone in a copy of the basic course.
  const formats = 'site,scorm12,single';
  const baseCourse = path.join(tmp, 'basic');
  copyDir(path.join(FIXTURES, 'basic'), baseCourse);
  assert.equal(build(baseCourse, null, formats).code, 0);
  const baseline = new Map();
  for (const f of walk(path.join(baseCourse, 'dist'))) baseline.set(path.relative(path.join(baseCourse, 'dist'), f), sha(f));
  const builtRefused = [];
  const isolated = CATALOGUE.filter((p) => p.outcome !== 'neutralised');
  for (const p of isolated) {
    const root = path.join(tmp, `iso-${p.id}`);
    const course = path.join(root, 'course');
    const outside = path.join(root, 'outside');
    fs.mkdirSync(outside, { recursive: true });
    copyDir(path.join(FIXTURES, 'basic'), course);
    applySetup(p.setup, course, outside);
    const r = build(course, null, formats);
    if (r.code !== 0) {
      if (r.code !== 1) builtRefused.push(`${p.id}: exit ${r.code}\n${r.stderr}`);
      continue;
    }
    if (p.outcome === 'refused') builtRefused.push(`${p.id} (${p.channel}) built`);
    // Open what differs from the basic course; everything when a script or style changed.
    const out = path.join(course, 'dist');
    const changed = walk(out).filter((f) => baseline.get(path.relative(out, f)) !== sha(f));
    // A changed script or style: every page may run it. A changed search
    // index: the search pages that load it.
    const other = changed.filter((f) => !DOC.test(f) && !/\.zip$/i.test(f));
    const all = other.some((f) => !/search-index\.js$/.test(f));
    const searched = new Set(other.map((f) => path.relative(out, path.join(path.dirname(f), 'search.html'))));
    const changedZips = new Set(changed.filter((f) => /\.zip$/i.test(f)).map((f) => path.relative(out, f)));
    jobs.push(...jobsFor(out, p.id, (rel, file) => {
      if (all) return false;
      const zip = rel.split('!')[0];
      if (rel.includes('!')) return !changedZips.has(zip);
      return baseline.get(rel) === sha(file) && !searched.has(rel);
    }));
  }

  const r = await openAll(jobs);
  const markers = new Set();
  const unattributed = [];
  for (const e of r.executed) {
    const found = String(e.value).match(MARKER);
    if (found) found.forEach((m) => markers.add(m));
    else unattributed.push(e);
  }
  const leaving = new Set();
  for (const url of r.outside.keys()) (url.match(MARKER) || []).forEach((m) => leaving.add(m));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `security: ${CATALOGUE.length} payloads, ${jobs.length} pages, ${markers.size} executed, ` +
      `${r.outside.size} requests leaving the output (${r.handlers} handlers fired, ${r.links} script links clicked, ${seconds} s)`,
  );
  if (markers.size) console.log(`executed:\n${byItem(markers)}`);
  if (leaving.size) console.log(`requests leaving the output:\n${byItem(leaving)}`);
  if (r.tracking.length) console.log(`LMS tracking off (D6) in:\n  ${r.tracking.join('\n  ')}`);
  if (unattributed.length) console.log(`ran without a marker:\n  ${unattributed.slice(0, 20).map((e) => `${e.kind} ${e.value} in ${e.page}`).join('\n  ')}`);
  if (builtRefused.length) console.log(`refused payloads that built:\n  ${builtRefused.join('\n  ')}`);

  const details = [...r.outside].slice(0, 20).map(([u, p]) => `  ${u} (from ${p})`).join('\n');
  assert.deepEqual([...markers].sort(), [], `payloads executed:\n${byItem(markers)}`);
  assert.deepEqual(unattributed.slice(0, 20), [], 'script ran without a payload marker');
  assert.equal(r.outside.size, 0, `requests leaving the output:\n${details}`);
  assert.deepEqual(r.tracking, [], 'LMS tracking switched off (D6)');
  assert.deepEqual(builtRefused, [], 'refused payloads built');
  assert.ok(r.handlers >= 0 && jobs.length > 50, `only ${jobs.length} pages opened`);
});
