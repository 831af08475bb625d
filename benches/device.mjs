// The learner-side benchmark (issue 26): how fast darslik's pages are on an
// old phone. Headless Debian Chromium (playwright-core, no downloaded
// browser) with the CPU throttled 6× (CDP Emulation.setCPUThrottlingRate), a
// 360 × 740 phone viewport (isMobile, touch, deviceScaleFactor 2), pages
// opened over file:// from the built output. Prints one table of medians.
//
//   node benches/device.mjs [--darslik PATH] [--course sample|large|both]
//        [--only TYPE[,TYPE]] [--runs N] [--rate 6] [--work DIR]
//        [--out-dir DIR] [--corpus DIR] [--queries N] [--json FILE] [--trace]
//        [--before PATH [--before-rev REV]] [--quiet]
//
//   TYPEs: home, content, quiz, test, scorm-doc, single, search (default:
//   all; a course without a graded test has no test row);
//   --course both is the default (sample, then large).
//   --darslik: the binary (default: `cargo build --release`, then
//     target/release/darslik, or $CARGO_TARGET_DIR/release/darslik).
//   --before PATH: another darslik binary (e.g. /work/bin-before/darslik):
//     each course is built by both and every page type is measured with
//     the two builds back to back in each run; the table then has a
//     "before" and an "after" row for each (the fair way to compare on a
//     busy machine: both see the same load).
//   --before-rev REV: with --before, the "before" sample course is the
//     repository at git revision REV (`git archive`), not the working tree:
//     the sample carries its own theme (themes/default), so an old binary
//     given today's templates and scripts measures neither old nor new.
//   --work: where courses and outputs go (default /tmp/darslik-device/<course>).
//   --out-dir: use this output folder (with site/, scorm2004/, single/) as it
//     is when it holds a build, else build into it (one course only).
//   --trace: after the runs, one more traced pass of each page type (load,
//     a page turn, a query): prints where the renderer's main thread spent
//     its time (parse, style, layout, paint, script, gc) as a second table.
//   --corpus: the large corpus to use (default: made once with
//     ../shared/bench/gen_corpus.py --preset large, kept in
//     /tmp/darslik-device/corpus-large).
//
// Courses: `sample` is the repository root (copied without target/, .git,
// dist/); `large` is the generated corpus (14 modules × 100 pages × 4
// locales). Each is built with `darslik build --format site,scorm2004,single`
// (every locale; the search needs all of them).
//
// Page types (English unless said):
//   home       the course home, site/en/index.html
//   content    a plain page: the first page of the first module whose source
//              has no ```quiz or ```scenario block (code blocks are fine)
//   quiz       the first page with a ```quiz block that is not a graded test
//              (practice questions)
//   test       the first graded test: a page whose front matter sets
//              `assessment` (a pre-test, graded test or post-test)
//   scorm-doc  the SCORM 2004 module document of the first module, its SCO
//              html opened from the unzipped package (large: 102 pages). A
//              stub LMS API (window.API_1484_11, an in-memory object set by an
//              init script, as the LMS frame would provide it) answers, so
//              the SCO records as in an LMS and shows no notice.
//   single     the single-file module of the first module (single/en/).
//   search     search.html in each locale (en, ru, uz, uz-Cyrl, one row each).
//
// Per run and page type: a fresh browser context, throttling set on the
// page's CDP session before the navigation. Requests to anything but file://
// are failed (CDP Fetch) and every request outside the output folder is
// counted: the "outside" count printed under the table should be 0. The runs
// are interleaved (run 1 of every type, then run 2...), so a machine that
// gets busier weighs on all alike. Every figure is the median of the runs.
//
// Definitions (milliseconds from the navigation's start):
//   FCP    performance entry 'first-contentful-paint'.
//   TTI    the page is ready for input: the latest of FCP, the end of
//          DOMContentLoaded (every script, deferred too, has run and bound its
//          handlers) and the end of the last long task (≥ 50 ms, observed
//          with a PerformanceObserver 'longtask' registered by an init
//          script) before a 1 s window with no long task.
//   next   (scorm-doc) a page turn: the Next button is clicked (a mouse
//          click at its centre through CDP, after 300 ms without a long
//          task); from the click event's timeStamp to the end
//          of the first frame that shows the new page (requestAnimationFrame
//          → MessageChannel after the new .doc-page is visible, i.e. after
//          that frame was produced). 4 turns from the start and, in a
//          document of 60 pages or more, 4 turns from page 47; median of
//          all turns of all runs.
//   index  (search) from the navigation's start to the moment the locale's
//          index is ready: performance mark 'darslik-search-ready' if
//          search.js sets one, else the assignment of window.DARSLIK_SEARCH
//          (the evaluation of search-index.js). Median over the search page
//          without a query and the 5 query pages.
//   query  (search) 5 queries per locale, one real word each (the longest
//          word of the <h1> of 5 pages spread over the modules); run k asks
//          the k-th (5 runs ask all 5; --queries N asks N per run): typed into
//          the box (fill) and Enter pressed. The time from the index being
//          ready to the first frame showing the results (a visible
//          [data-search-results] with new items). With today's search (the
//          form loads search.html?q=... which loads the index again) that is
//          the search and its rendering; "total" is from the Enter key's
//          timeStamp to that frame (navigation, index and search). If the
//          results come on the same page, both are from the Enter key (or
//          from the last input event if they came before Enter): a debounce
//          after typing is not counted when Enter runs the search at once.
//   JS+CSS (KB = 1000 bytes) the .js and .css files the page loaded (their
//          size on disk; search-index*.js, the search data, not counted) plus
//          inline <script> (not JSON) and <style>; "gz" the same gzipped
//          file by file (what a web server might send; file:// sends none).
// Budgets (issue 26): FCP ≤ 1.0 s on sample, ≤ 1.5 s on large; next ≤ 100 ms;
// query ≤ 300 ms; index ≤ 1.5 s; JS + CSS ≤ 40 KB for every page type.
//
// Timings are noisy on a shared machine: compare medians from one sitting.
// A full run (both courses, 5 runs) takes about 8 minutes.
// Needs: /usr/bin/chromium (or CHROMIUM=...), tests/browser's node_modules
// (npm ci there), python3.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const require = createRequire(path.join(repoRoot, 'tests/browser/package.json'));
const { chromium } = require('playwright-core');

const TYPES = ['home', 'content', 'quiz', 'test', 'scorm-doc', 'single', 'search'];
const SEARCH_LOCALES = ['en', 'ru', 'uz', 'uz-Cyrl'];
const BUDGET = {
  fcp: { sample: 1000, large: 1500 },
  next: 100,
  query: 300,
  index: 1500,
  kb: 40,
};
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

function parseArgs() {
  const o = { runs: 5, rate: 6, course: 'both', only: TYPES, quiet: false, queries: 1 };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i++) {
    const v = () => {
      if (i + 1 >= a.length) throw new Error(`${a[i]} needs a value`);
      return a[++i];
    };
    switch (a[i]) {
      case '--darslik': o.darslik = path.resolve(v()); break;
      case '--before': o.before = path.resolve(v()); break;
      case '--before-rev': o.beforeRev = v(); break;
      case '--course': o.course = v(); break;
      case '--only': o.only = v().split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--runs': o.runs = Number(v()); break;
      case '--rate': o.rate = Number(v()); break;
      case '--work': o.work = path.resolve(v()); break;
      case '--out-dir': o.outDir = path.resolve(v()); break;
      case '--corpus': o.corpus = path.resolve(v()); break;
      case '--json': o.json = path.resolve(v()); break;
      case '--queries': o.queries = Number(v()); break;
      case '--quiet': o.quiet = true; break;
      case '--trace': o.trace = true; break;
      case '-h': case '--help':
        console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n\n')[0]);
        process.exit(0);
        break;
      default: throw new Error(`unknown argument ${a[i]} (see the header of benches/device.mjs)`);
    }
  }
  for (const t of o.only) if (!TYPES.includes(t)) throw new Error(`unknown type ${t}: ${TYPES.join(', ')}`);
  if (!['sample', 'large', 'both'].includes(o.course)) throw new Error('--course sample|large|both');
  if (!(o.runs >= 1)) throw new Error('--runs must be 1 or more');
  o.courses = o.course === 'both' ? ['sample', 'large'] : [o.course];
  if (o.outDir && o.courses.length > 1) throw new Error('--out-dir needs --course sample or --course large');
  if (o.outDir && o.before) throw new Error('--out-dir and --before do not go together');
  if (o.beforeRev && !o.before) throw new Error('--before-rev needs --before');
  return o;
}

const opt = parseArgs();
const log = (...m) => { if (!opt.quiet) console.error(...m); };

// ---------------------------------------------------------------- building

function darslikBinary() {
  if (opt.darslik) return opt.darslik;
  log('cargo build --release');
  execFileSync('cargo', ['build', '--release', '-q'], { cwd: repoRoot, stdio: 'inherit' });
  const target = process.env.CARGO_TARGET_DIR ? path.resolve(repoRoot, process.env.CARGO_TARGET_DIR) : path.join(repoRoot, 'target');
  return path.join(target, 'release', 'darslik');
}

function copyCourse(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  const skip = new Set(['target', '.git', 'dist', 'node_modules', '.darslik', '.dbin']);
  fs.cpSync(from, to, {
    recursive: true,
    filter: (src) => {
      const b = path.basename(src);
      return b !== 'node_modules' && !(path.dirname(src) === from && skip.has(b));
    },
  });
}

function hasBuild(out) {
  return ['site', 'scorm2004', 'single'].every((d) => fs.existsSync(path.join(out, d)));
}

function prepare(course, bin, label) {
  const base = opt.work ? path.join(opt.work, course) : path.join('/tmp/darslik-device', course);
  const work = label ? path.join(base, label) : base;
  fs.mkdirSync(work, { recursive: true });
  let src;
  if (course === 'sample') {
    src = path.join(work, 'course');
    if (label === 'before' && opt.beforeRev) {
      fs.rmSync(src, { recursive: true, force: true });
      fs.mkdirSync(src, { recursive: true });
      execFileSync('sh', ['-c', 'git -C "$1" archive "$2" | tar -x -C "$3"', 'sh', repoRoot, opt.beforeRev, src]);
    } else {
      copyCourse(repoRoot, src);
    }
  } else {
    src = opt.corpus || '/tmp/darslik-device/corpus-large';
    if (!fs.existsSync(path.join(src, 'course.toml'))) {
      const gen = path.resolve(repoRoot, '..', 'shared', 'bench', 'gen_corpus.py');
      log(`generating the large corpus into ${src}`);
      execFileSync('python3', [gen, '--preset', 'large', '--out', src], { stdio: ['ignore', 'ignore', 'inherit'] });
    }
  }
  const out = opt.outDir || path.join(work, 'out');
  if (!(opt.outDir && hasBuild(out))) {
    fs.rmSync(out, { recursive: true, force: true });
    log(`building ${course} with ${bin}`);
    const t = Date.now();
    try {
      execFileSync(bin, ['build', '--course', src, '--out', out, '-q', '--format', 'site,scorm2004,single'],
        { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      process.stderr.write(e.stderr || '');
      throw new Error(`darslik build failed for ${course}`);
    }
    log(`  built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  return { course, name: label ? `${course} ${label}` : course, src, out, pages: choosePages(src, out) };
}

function listModules(src) {
  const toml = fs.readFileSync(path.join(src, 'course.toml'), 'utf8');
  const m = toml.match(/^\s*modules\s*=\s*\[([^\]]*)\]/m);
  return m ? [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]) : [];
}

function mdPages(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'index.md').sort();
}

function unzip(zip, dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, dir]);
}

function choosePages(src, out) {
  const modules = listModules(src);
  const first = modules[0];
  const site = path.join(out, 'site');
  const pages = { home: path.join(site, 'en', 'index.html') };
  for (const mod of modules) {
    const dir = path.join(src, 'content', 'en', mod);
    for (const f of mdPages(dir)) {
      const md = fs.readFileSync(path.join(dir, f), 'utf8');
      const html = path.join(site, 'en', mod, f.replace(/\.md$/, '.html'));
      const front = (md.match(/^\+\+\+\r?\n([\s\S]*?)\r?\n\+\+\+/) || [])[1] || '';
      const graded = /^\s*assessment\s*=/m.test(front);
      if (!pages.content && !/^```\s*(quiz|scenario)\b/m.test(md)) pages.content = html;
      if (!pages.quiz && !graded && /^```\s*quiz\b/m.test(md)) pages.quiz = html;
      if (!pages.test && graded) pages.test = html;
    }
    if (pages.content && pages.quiz && pages.test) break;
  }
  // The SCORM 2004 package of the first module, English, unzipped.
  const zips = fs.readdirSync(path.join(out, 'scorm2004')).filter((z) => z.endsWith(`-${first}-en.zip`));
  if (zips.length !== 1) throw new Error(`no single SCORM 2004 package for ${first} (en) in ${out}/scorm2004`);
  const sco = path.join(out, 'sco');
  unzip(path.join(out, 'scorm2004', zips[0]), sco);
  const manifest = fs.readFileSync(path.join(sco, 'imsmanifest.xml'), 'utf8');
  const href = manifest.match(/<resource\b[^>]*scormtype="sco"[^>]*href="([^"]+)"/i)
    || manifest.match(/<resource\b[^>]*href="([^"]+)"[^>]*scormtype="sco"/i);
  pages['scorm-doc'] = path.join(sco, href[1]);
  pages.single = path.join(out, 'single', 'en', `${first}.html`);
  pages.search = {};
  for (const loc of SEARCH_LOCALES) {
    pages.search[loc] = { page: path.join(site, loc, 'search.html'), queries: queryWords(site, loc, modules) };
  }
  for (const [k, v] of Object.entries(pages)) {
    if (k !== 'search' && (!v || !fs.existsSync(v))) throw new Error(`no ${k} page found (${v})`);
  }
  return pages;
}

/** 5 real words of a locale: the longest word of the main <h1> of 5 pages spread over the modules. */
function queryWords(site, loc, modules) {
  const words = [];
  const files = [];
  for (const mod of modules) {
    const dir = path.join(site, loc, mod);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.html') && x !== 'index.html').sort()) files.push(path.join(dir, f));
  }
  // Pages spread over the modules first, then the others in order.
  const spread = [0, 1, 2, 3, 4].map((k) => Math.floor(((k + 0.5) * files.length) / 5));
  const order = [...new Set([...spread, ...files.keys()])].filter((k) => k < files.length);
  for (const k of order) {
    if (words.length >= 5) break;
    const f = files[k];
    const html = fs.readFileSync(f, 'utf8');
    const main = html.slice(Math.max(0, html.indexOf('<main')));
    const h1 = (main.match(/<h1[^>]*>([\s\S]*?)<\/h1>/) || [])[1] || '';
    const text = h1.replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
    const cands = (text.match(/[\p{L}\p{M}]+/gu) || []).filter((w) => w.length >= 4);
    cands.sort((a, b) => b.length - a.length);
    const w = cands.find((c) => !words.includes(c.toLowerCase()));
    if (w) words.push(w.toLowerCase());
  }
  return words;
}

// ---------------------------------------------------------------- in the page

// Runs in every document before its own scripts.
function initScript(arg) {
  if (window !== window.top) return;
  const B = window.__bench = { lt: [], id: Math.random(), idx: null, res: null, enter: null, click: null };
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) B.lt.push([e.startTime, e.startTime + e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { /* none */ }
  let v;
  try {
    Object.defineProperty(window, 'DARSLIK_SEARCH', {
      configurable: true, enumerable: true,
      get() { return v; },
      set(x) { v = x; if (B.idx == null) B.idx = performance.now(); },
    });
  } catch (e) { /* none */ }
  B.afterPaint = () => new Promise((r) => requestAnimationFrame(() => {
    const c = new MessageChannel();
    c.port1.onmessage = () => r(performance.now());
    c.port2.postMessage(0);
  }));
  addEventListener('click', (e) => { B.click = e.timeStamp; }, true);
  // The Next button shown (module documents).
  B.next = () => Array.prototype.find.call(document.querySelectorAll('.pager-next'), (n) => n.getClientRects().length);
  // Results on the search page: the first frame with new items in a visible
  // list (a MutationObserver checks; then the end of the next frame).
  let before = null, mo = null;
  function check() {
    const l = document.querySelector('[data-search-results]');
    const first = l && l.firstElementChild;
    if (!(l && !l.hidden && first && first !== before && l.getClientRects().length)) return;
    mo.disconnect();
    B.resCount = l.children.length;
    B.afterPaint().then((t) => { B.res = t; });
  }
  B.arm = () => {
    const l = document.querySelector('[data-search-results]');
    before = l && l.firstElementChild;
    B.res = null;
    B.enter = null;
    B.input = null;
    if (mo) mo.disconnect();
    mo = new MutationObserver(check);
    mo.observe(document.documentElement || document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
  };
  if (/search\.html$/.test(location.pathname)) {
    B.arm();
    addEventListener('input', (e) => { B.input = e.timeStamp; }, true);
    addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      B.enter = e.timeStamp;
      B.enterAbs = performance.timeOrigin + e.timeStamp;
      // Kept for the results page, when the form loads a new document.
      try { sessionStorage.setItem('bench-enter', String(B.enterAbs)); } catch (x) { /* none */ }
    }, true);
  }
  if (arg && arg.api) {
    // A SCORM 2004 LMS API in memory (what the LMS frame provides).
    const data = { 'cmi.mode': 'normal', 'cmi.entry': 'ab-initio', 'cmi.credit': 'credit', 'cmi.learner_id': 'bench',
      'cmi.learner_name': 'Bench, Device', 'cmi.completion_status': 'unknown', 'cmi.success_status': 'unknown' };
    let err = '0';
    window.API_1484_11 = {
      Initialize: () => { err = '0'; return 'true'; },
      Terminate: () => { err = '0'; return 'true'; },
      Commit: () => { err = '0'; return 'true'; },
      GetValue: (k) => {
        if (/\._count$/.test(k)) { err = '0'; return String(Object.keys(data).filter((x) => x.startsWith(k.slice(0, -6) + '.') && /\.\d+\.id$/.test(x)).length); }
        if (k in data) { err = '0'; return data[k]; }
        err = '403'; return '';
      },
      SetValue: (k, val) => { data[k] = String(val); err = '0'; return 'true'; },
      GetLastError: () => err,
      GetErrorString: () => '',
      GetDiagnostic: () => '',
    };
  }
}

/** Wait in the page for TTI (1 s without a long task after DCL); returns the page's timings. */
async function settle(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const B = window.__bench;
    const start = performance.now();
    function tick() {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcpE = performance.getEntriesByName('first-contentful-paint')[0];
      const dcl = nav ? nav.domContentLoadedEventEnd : 0;
      const lastLt = B.lt.length ? Math.max(...B.lt.map((x) => x[1])) : 0;
      const now = performance.now();
      const quietFrom = Math.max(dcl, lastLt);
      if ((dcl > 0 && fcpE && now - quietFrom >= 1000) || now - start > 20000) {
        const fcp = fcpE ? fcpE.startTime : null;
        resolve({ fcp, tti: Math.max(fcp || 0, dcl, lastLt), dcl, load: nav ? nav.loadEventEnd : null,
          longTasks: B.lt.length, longest: B.lt.reduce((m, x) => Math.max(m, x[1] - x[0]), 0),
          idx: readyMark() });
        return;
      }
      setTimeout(tick, 100);
    }
    function readyMark() {
      const m = performance.getEntriesByName('darslik-search-ready')[0];
      return m ? m.startTime : B.idx;
    }
    tick();
  }));
}

/** Bytes of inline JS and CSS in the document (JSON data scripts not counted). */
async function inlineBytes(page) {
  return page.evaluate(() => {
    const enc = new TextEncoder();
    let js = 0, css = 0;
    for (const s of document.querySelectorAll('script:not([src])')) {
      const t = (s.getAttribute('type') || '').toLowerCase();
      if (!t || /javascript|ecmascript|module/.test(t)) js += enc.encode(s.textContent).length;
    }
    for (const s of document.querySelectorAll('style')) css += enc.encode(s.textContent).length;
    return { js, css };
  });
}

// ---------------------------------------------------------------- a run

class Run {
  constructor(browser, root, trace = null) {
    this.browser = browser;
    this.trace = trace; // null, or an object that gets { label: main-thread breakdown }
    this.root = path.resolve(root);
    this.requests = [];
    this.outside = [];
  }

  async open(api = false) {
    this.context = await this.browser.newContext({
      viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
      serviceWorkers: 'block', locale: 'en-US',
    });
    await this.context.setOffline(true);
    await this.context.addInitScript(initScript, { api });
    this.page = await this.context.newPage();
    const cdp = this.cdp = await this.context.newCDPSession(this.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: opt.rate });
    // Fail every request that is not file:// (without intercepting file:// ones).
    await cdp.send('Fetch.enable', { patterns: ['http*', 'ws*', 'ftp*', 'chrome*'].map((urlPattern) => ({ urlPattern })) });
    cdp.on('Fetch.requestPaused', (e) => {
      cdp.send('Fetch.failRequest', { requestId: e.requestId, errorReason: 'BlockedByClient' }).catch(() => {});
    });
    this.page.on('request', (r) => {
      const url = r.url();
      if (/^(data|blob|about):/.test(url)) return;
      this.requests.push(url);
      if (!this.inside(url)) this.outside.push(url);
    });
    this.page.on('pageerror', (e) => log(`  page error: ${e.message}`));
  }

  inside(url) {
    if (!url.startsWith('file:')) return false;
    try {
      const p = path.resolve(fileURLToPath(url.split(/[?#]/)[0]));
      return p === this.root || p.startsWith(this.root + path.sep);
    } catch { return false; }
  }

  async close() { await this.context.close(); }

  /** Run `fn` under a Chromium trace when tracing (--trace); keeps the main thread's breakdown as `label`. */
  async traced(label, fn) {
    if (!this.trace) return fn();
    await this.browser.startTracing(this.page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
    try { return await fn(); } finally {
      const buf = await this.browser.stopTracing();
      this.trace[label] = breakdown(JSON.parse(buf.toString('utf8')));
    }
  }

  /** Navigate to `file` (a path, with optional ?query) and measure FCP/TTI and weight. */
  async load(file, query = '') {
    this.requests = [];
    const t = await this.traced('load', async () => {
      await this.page.goto(pathToFileURL(file).href + query, { waitUntil: 'load', timeout: 120000 });
      return settle(this.page);
    });
    t.weight = await this.weight();
    return t;
  }

  async weight() {
    const inl = await inlineBytes(this.page);
    let js = inl.js, css = inl.css, gz = 0, data = 0;
    const seen = new Set();
    for (const url of this.requests) {
      if (!url.startsWith('file:')) continue;
      const f = fileURLToPath(url.split(/[?#]/)[0]);
      if (seen.has(f) || !fs.existsSync(f)) continue;
      seen.add(f);
      const ext = path.extname(f);
      if (ext !== '.js' && ext !== '.css') continue;
      const buf = fs.readFileSync(f);
      if (/search-index/.test(path.basename(f))) { data += buf.length; continue; }
      if (ext === '.js') js += buf.length; else css += buf.length;
      gz += zlib.gzipSync(buf, { level: 9 }).length;
    }
    if (inl.js + inl.css) {
      const s = await this.page.evaluate(() => {
        let t = '';
        for (const s of document.querySelectorAll('script:not([src])')) {
          const ty = (s.getAttribute('type') || '').toLowerCase();
          if (!ty || /javascript|ecmascript|module/.test(ty)) t += s.textContent;
        }
        for (const s of document.querySelectorAll('style')) t += s.textContent;
        return t;
      });
      gz += zlib.gzipSync(Buffer.from(s), { level: 9 }).length;
    }
    return { js, css, gz, data };
  }
}

// ---------------------------------------------------------------- measures

async function measurePage(browser, root, file, trace) {
  const run = new Run(browser, root, trace);
  await run.open();
  try {
    const t = await run.load(file);
    return { ...t, outside: run.outside.length };
  } finally { await run.close(); }
}

async function measureDoc(browser, root, file, trace) {
  const run = new Run(browser, root, trace);
  await run.open(true);
  try {
    const t = await run.load(file);
    const p = run.page;
    const info = await p.evaluate(() => ({
      count: document.querySelector('.doc-locale') ? document.querySelector('.doc-locale').querySelectorAll('.doc-page').length : 0,
      notice: !!Array.prototype.find.call(document.querySelectorAll('.lms-notice'), (n) => !n.hidden),
    }));
    const starts = [0];
    if (info.count >= 60) starts.push(47);
    const turns = [];
    for (const s of starts) {
      if (s > 0) {
        await p.evaluate((i) => window.darslikDoc && window.darslikDoc.show(i), s);
        await quiet(p);
      }
      for (let k = 0; k < 4; k++) {
        const label = `turn from ${s + k}`;
        turns.push({ from: s + k, ms: await (k === 0 ? run.traced(label, () => turn(p)) : turn(p)) });
      }
    }
    return { ...t, turns, pages: info.count, notice: info.notice, outside: run.outside.length };
  } finally { await run.close(); }
}

/** Wait until the page had 300 ms without a long task. */
async function quiet(page) {
  await page.evaluate(() => new Promise((resolve) => {
    const B = window.__bench, start = performance.now();
    (function tick() {
      const last = B.lt.length ? Math.max(...B.lt.map((x) => x[1])) : 0;
      const now = performance.now();
      if (now - Math.max(last, start) >= 300 || now - start > 10000) resolve(); else setTimeout(tick, 50);
    })();
  }));
}

/** Click the visible Next button; ms from the click event to the frame showing the new page. */
async function turn(page) {
  await page.evaluate(() => {
    const vis = visiblePage();
    window.__bench.click = null;
    window.__bench.turn = null;
    const prev = vis ? vis.getAttribute('data-page') : null;
    // After the click: frames until another page is visible, then the end of that frame.
    document.addEventListener('click', function once() {
      document.removeEventListener('click', once, true);
      (function frame() {
        requestAnimationFrame(() => {
          const v = visiblePage();
          if (v && v.getAttribute('data-page') !== prev) {
            const c = new MessageChannel();
            c.port1.onmessage = () => { window.__bench.turn = performance.now(); };
            c.port2.postMessage(0);
          } else frame();
        });
      })();
    }, true);
    function visiblePage() {
      const ps = document.querySelectorAll('.doc-page');
      for (let i = 0; i < ps.length; i++) if (!ps[i].hidden && ps[i].getClientRects().length) return ps[i];
      return null;
    }
  });
  // A plain mouse click at the button's centre: no Playwright actionability
  // checks or hit-target listeners in the page during the measured time.
  // Scrolled to, then measured once the page is quiet, just before the
  // click, so that nothing moves the button in between.
  await page.evaluate(() => { const b = window.__bench.next(); if (b) b.scrollIntoView({ block: 'center' }); });
  await quiet(page);
  const at = await page.evaluate(() => {
    const b = window.__bench.next();
    if (!b) return null;
    const r = b.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  if (!at) throw new Error('no visible Next button');
  await page.mouse.click(at.x, at.y);
  try {
    await page.waitForFunction(() => window.__bench.turn != null, null, { polling: 50, timeout: 20000 });
  } catch (e) {
    // Say what the click met, so that a turn that never came can be told
    // from a Next button that moved.
    const why = await page.evaluate(({ x, y }) => {
      const el = document.elementFromPoint(x, y);
      const vis = Array.prototype.find.call(document.querySelectorAll('.doc-page'), (p) => !p.hidden && p.getClientRects().length);
      const b = window.__bench.next();
      const r = b && b.getBoundingClientRect();
      return {
        page: vis && vis.getAttribute('data-page'),
        hit: el ? el.tagName + '.' + el.className : null,
        clicked: window.__bench.click != null,
        next: r ? { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2), disabled: b.disabled } : null,
      };
    }, at);
    throw new Error(`no page turn after a click at ${Math.round(at.x)},${Math.round(at.y)}: ${JSON.stringify(why)}`);
  }
  const ms = await page.evaluate(() => window.__bench.turn - window.__bench.click);
  await quiet(page);
  return ms;
}

async function measureSearch(browser, root, loc, spec, run0, trace) {
  const run = new Run(browser, root, trace);
  await run.open();
  try {
    const t = await run.load(spec.page);
    const p = run.page;
    const queries = [];
    // Run k asks query k (mod 5), or --queries N of them in turn.
    const mine = [];
    for (let j = 0; j < Math.min(opt.queries, spec.queries.length); j++) {
      mine.push(spec.queries[((run0 - 1) * opt.queries + j) % spec.queries.length]);
    }
    for (const q of mine) {
      const prev = await p.evaluate(() => { window.__bench.arm(); return { id: window.__bench.id }; });
      run.requests = [];
      const input = p.locator('#site-search-q');
      await input.fill(q);
      let r = null;
      await run.traced(`query ${q}`, async () => {
        await p.keyboard.press('Enter');
        r = await waitResults(p);
      });
      if (!r) { log(`  ${loc}: no results shown for "${q}"`); queries.push({ q, query: null, total: null, idx: null }); continue; }
      const navigated = r.id !== prev.id;
      let query, total;
      if (navigated) {
        // Enter was pressed in the previous document, whose keydown listener kept its absolute time.
        const enterAbs = await enterOf(p);
        query = r.idx != null ? r.res - r.idx : null;
        total = enterAbs != null ? r.origin + r.res - enterAbs : null;
      } else {
        // Results on the same page: from Enter, or from the typing when they came before it.
        const from = r.enter != null && r.enter <= r.res ? r.enter : r.input;
        query = from != null ? r.res - from : null;
        total = query;
      }
      queries.push({ q, query, total, idx: navigated ? r.idx : null, count: r.count, navigated });
      await quiet(p);
    }
    return { ...t, queries, outside: run.outside.length };
  } finally { await run.close(); }
}

/** Poll (the page may be navigating) until results were shown; their timings, or null after 60 s. */
async function waitResults(p) {
  const until = Date.now() + 60000;
  let r = null;
  while (!r && Date.now() < until) {
    await new Promise((res) => setTimeout(res, 150));
    try {
      r = await p.evaluate(() => {
        const B = window.__bench;
        if (!B || B.res == null) return null;
        const m = performance.getEntriesByName('darslik-search-ready')[0];
        return { id: B.id, res: B.res, idx: m ? m.startTime : B.idx, enter: B.enter, input: B.input,
          origin: performance.timeOrigin, count: B.resCount };
      });
    } catch { r = null; /* navigating */ }
  }
  return r;
}

// The Enter key's absolute time in the document the form's navigation left
// (its keydown listener kept it in sessionStorage).
async function enterOf(page) {
  try {
    return await page.evaluate(() => { const v = Number(sessionStorage.getItem('bench-enter')); return v > 0 ? v : null; });
  } catch { return null; }
}

// ---------------------------------------------------------------- traces

// Main-thread time of a Chromium trace by kind of work (self time of each
// event, so nested events are not counted twice), over the renderer main threads.
const KIND = {
  ParseHTML: 'parse', UpdateLayoutTree: 'style', RecalculateStyles: 'style', ParseAuthorStyleSheet: 'style',
  Layout: 'layout', PrePaint: 'paint', Paint: 'paint', Layerize: 'paint', Commit: 'paint', UpdateLayer: 'paint',
  PaintImage: 'paint', 'Decode Image': 'paint', EvaluateScript: 'script', FunctionCall: 'script',
  'v8.compile': 'script', 'v8.run': 'script', 'V8.Execute': 'script', TimerFire: 'script', EventDispatch: 'script',
  FireAnimationFrame: 'script', RunMicrotasks: 'script', 'v8.evaluateModule': 'script', MinorGC: 'gc', MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc', 'V8.GC_MARK_COMPACTOR': 'gc', BlinkGC: 'gc', HitTest: 'other', RunTask: 'other',
};
const KINDS = ['parse', 'style', 'layout', 'paint', 'script', 'gc', 'other'];
function kindOf(name) {
  if (KIND[name]) return KIND[name];
  if (/GC|Sweep|Marking/i.test(name)) return 'gc';
  if (/^v8\.|^V8\./.test(name)) return 'script';
  if (/Parser|DocumentLoader/.test(name)) return 'parse';
  return 'other';
}

function breakdown(trace) {
  const ev = trace.traceEvents || trace;
  const mains = new Set(ev.filter((e) => e.name === 'thread_name' && e.args && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map();
  for (const e of ev) {
    if (e.ph !== 'X' || !e.dur || !mains.has(`${e.pid}:${e.tid}`)) continue;
    const k = `${e.pid}:${e.tid}`;
    if (!byThread.has(k)) byThread.set(k, []);
    byThread.get(k).push(e);
  }
  const out = Object.fromEntries(KINDS.map((k) => [k, 0]));
  let total = 0, longest = 0;
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const stack = [];
    const self = new Map();
    for (const e of list) {
      while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) self.set(parent, (self.get(parent) ?? parent.dur) - e.dur);
      if (!parent && e.name === 'RunTask') { total += e.dur; longest = Math.max(longest, e.dur); }
      if (!parent && e.name !== 'RunTask') total += e.dur;
      self.set(e, self.get(e) ?? e.dur);
      stack.push(e);
    }
    for (const [e, t] of self) out[kindOf(e.name)] += Math.max(0, t);
  }
  for (const k of KINDS) out[k] = Math.round(out[k] / 1000);
  out.total = Math.round(total / 1000);
  out.longest = Math.round(longest / 1000);
  return out;
}

// ---------------------------------------------------------------- output

const median = (xs) => {
  const v = xs.filter((x) => x != null && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

function row(course, type, runs, name = course) {
  const r = { course, name, type, runs: runs.length };
  r.fcp = median(runs.map((x) => x.fcp));
  r.tti = median(runs.map((x) => x.tti));
  const w = runs[0].weight;
  r.kb = (w.js + w.css) / 1000;
  r.gz = w.gz / 1000;
  r.jsKb = w.js / 1000;
  r.cssKb = w.css / 1000;
  r.dataKb = w.data / 1000;
  r.outside = runs.reduce((s, x) => s + (x.outside || 0), 0);
  r.longTasks = median(runs.map((x) => x.longTasks));
  r.longest = median(runs.map((x) => x.longest));
  if (runs[0].turns) {
    r.next = median(runs.flatMap((x) => x.turns.map((t) => t.ms)));
    r.next47 = median(runs.flatMap((x) => x.turns.filter((t) => t.from >= 47).map((t) => t.ms)));
    r.pages = runs[0].pages;
    r.notice = runs.some((x) => x.notice);
  }
  if (runs[0].queries) {
    const qs = runs.flatMap((x) => x.queries);
    r.index = median([...runs.map((x) => x.idx), ...qs.map((q) => q.idx)]);
    r.query = median(qs.map((q) => q.query));
    r.total = median(qs.map((q) => q.total));
    r.words = [...new Set(qs.map((q) => q.q))];
  }
  const over = [];
  if (r.fcp != null && r.fcp > BUDGET.fcp[course]) over.push('FCP');
  if (r.fcp == null) over.push('no FCP');
  if (r.next != null && r.next > BUDGET.next) over.push('next');
  if (r.query != null && r.query > BUDGET.query) over.push('query');
  if (r.index != null && r.index > BUDGET.index) over.push('index');
  if (r.kb > BUDGET.kb) over.push('KB');
  if (r.outside) over.push('outside');
  r.over = over;
  r.ok = over.length === 0;
  return r;
}

function table(rows) {
  const f = (v) => (v == null ? '-' : String(Math.round(v)));
  const k = (v) => (v == null ? '-' : v.toFixed(1));
  const head = ['page', 'course', 'FCP', 'TTI', 'next', 'index', 'query', 'total', 'JS+CSS KB', 'gz KB', 'budget', 'ok'];
  const lines = rows.map((r) => {
    const b = [`FCP≤${BUDGET.fcp[r.course]}`];
    if (r.next != null) b.push(`next≤${BUDGET.next}`);
    if (r.index !== undefined) b.push(`index≤${BUDGET.index}`, `query≤${BUDGET.query}`);
    b.push(`KB≤${BUDGET.kb}`);
    return [r.type, r.name, f(r.fcp), f(r.tti), f(r.next), f(r.index), f(r.query), f(r.total), k(r.kb), k(r.gz),
      b.join(' '), r.ok ? 'ok' : `OVER (${r.over.join(', ')})`];
  });
  const width = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const num = (i) => i >= 2 && i <= 9;
  const fmt = (l) => l.map((c, i) => (num(i) ? c.padStart(width[i]) : c.padEnd(width[i]))).join('  ').trimEnd();
  return [fmt(head), width.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmt)].join('\n');
}

// ---------------------------------------------------------------- main

async function main() {
  const bin = darslikBinary();
  if (!fs.existsSync(bin)) throw new Error(`no darslik binary at ${bin}`);
  const t0 = Date.now();
  const load0 = os.loadavg()[0];
  // With --before, each course is built by both binaries, measured back to back.
  const builds = opt.before ? [['before', opt.before], ['after', bin]] : [[null, bin]];
  const groups = opt.courses.map((c) => builds.map(([label, b]) => prepare(c, b, label)));
  const courses = groups.flat();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const results = {};
  const traces = {};
  const key = (c, t) => `${c}|${t}`;
  const add = (c, t, v) => { (results[key(c, t)] ||= []).push(v); };
  try {
    for (let run = 1; run <= opt.runs; run++) {
      for (const group of groups) for (const type of opt.only) {
        for (const c of group) {
          if (type !== 'search' && !c.pages[type]) continue;
          const ts = Date.now();
          if (type === 'search') {
            for (const loc of SEARCH_LOCALES) add(c.name, `search ${loc}`, await measureSearch(browser, c.out, loc, c.pages.search[loc], run));
          } else if (type === 'scorm-doc') {
            add(c.name, type, await measureDoc(browser, path.dirname(c.pages[type]), c.pages[type]));
          } else {
            const root = type === 'single' ? path.dirname(c.pages[type]) : path.join(c.out, 'site');
            add(c.name, type, await measurePage(browser, root, c.pages[type]));
          }
          log(`run ${run}/${opt.runs} ${c.name} ${type}: ${((Date.now() - ts) / 1000).toFixed(1)} s`);
        }
      }
    }
    if (opt.trace) {
      // One more pass, traced (tracing costs time of its own: not in the medians).
      for (const c of courses) {
        for (const type of opt.only) {
          if (type !== 'search' && !c.pages[type]) continue;
          if (type === 'search') {
            for (const loc of SEARCH_LOCALES) {
              const tr = traces[`${c.name} search ${loc}`] = {};
              await measureSearch(browser, c.out, loc, c.pages.search[loc], 1, tr);
            }
          } else {
            const tr = traces[`${c.name} ${type}`] = {};
            if (type === 'scorm-doc') await measureDoc(browser, path.dirname(c.pages[type]), c.pages[type], tr);
            else await measurePage(browser, type === 'single' ? path.dirname(c.pages[type]) : path.join(c.out, 'site'), c.pages[type], tr);
          }
          log(`traced ${c.name} ${type}`);
        }
      }
    }
  } finally { await browser.close(); }
  const order = opt.only.flatMap((t) => (t === 'search' ? SEARCH_LOCALES.map((l) => `search ${l}`) : [t]));
  const rows = [];
  for (const group of groups) {
    for (const t of order) {
      for (const c of group) if (results[key(c.name, t)]) rows.push(row(c.course, t, results[key(c.name, t)], c.name));
    }
  }
  const secs = (Date.now() - t0) / 1000;
  console.log(table(rows));
  console.log();
  console.log(`medians of ${opt.runs} runs, ms; CPU throttled ${opt.rate}×, 360×740 @2×, file://; ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} load; ${secs.toFixed(0)} s`);
  const cpus = os.cpus().length, busy = Math.max(load0, os.loadavg()[0]);
  if (busy > cpus) console.log(`note: a busy machine (load ${busy.toFixed(1)} on ${cpus} CPUs): timings run high and vary; compare figures of one sitting (--before)`);
  const outside = rows.reduce((s, r) => s + r.outside, 0);
  console.log(`requests outside the output folder: ${outside}`);
  for (const r of rows) {
    if (r.next != null) console.log(`${r.name} ${r.type}: ${r.pages} pages${r.notice ? ' (LMS notice shown)' : ''}, next from page 47+: ${r.next47 == null ? '-' : Math.round(r.next47)} ms`);
    if (r.words) console.log(`${r.name} ${r.type}: index ${r.dataKb.toFixed(0)} KB; queries: ${r.words.join(', ')}`);
  }
  for (const c of courses) {
    const w = (t) => rows.find((r) => r.name === c.name && r.type === t);
    const parts = order.map((t) => w(t)).filter(Boolean).map((r) => `${r.type} js ${r.jsKb.toFixed(1)} css ${r.cssKb.toFixed(1)}`);
    console.log(`${c.name} KB: ${parts.join('; ')}`);
  }
  if (opt.trace) {
    console.log();
    console.log('main thread, one traced run (ms of self time; total = tasks, longest = longest task):');
    const head = ['page', 'what', ...KINDS, 'total', 'longest'];
    const lines = [];
    for (const [page, labels] of Object.entries(traces)) {
      for (const [what, b] of Object.entries(labels)) lines.push([page, what, ...KINDS.map((k) => String(b[k])), String(b.total), String(b.longest)]);
    }
    const w = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
    const fmt = (l) => l.map((c, i) => (i >= 2 ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  ');
    console.log([fmt(head), ...lines.map(fmt)].join('\n'));
  }
  if (opt.json) {
    fs.writeFileSync(opt.json, JSON.stringify({ rate: opt.rate, runs: opt.runs, darslik: bin, seconds: secs, rows, raw: results, traces }, null, 1));
  }
}

main().catch((e) => { console.error(e.stack || String(e)); process.exit(1); });
