// How long `darslik serve` takes to show an edit: from writing a page's
// Markdown file to the open page in Chromium holding the new text.
//
//   node benches/serve-latency.mjs --course /tmp/corp-large [--runs 11]
//        [--page content/en/<module>/<page>.md] [--bin target/release/darslik]
//        [--port N] [--log] [--baseline]
//
// It starts `darslik serve`, opens the page in headless Chromium (the page
// listens to the server's `/__darslik/events`), then N times writes the
// page's file with a new marker paragraph at the end and waits until the
// page shows it. After a page edit the page fetches itself and swaps its new
// body in (no navigation); a run's latency is from just before the write to
// the end of that swap (the browser has the whole new page), or, when the
// page reloaded instead, to the reloaded document's DOMContentLoaded. "seen"
// is when this script noticed the marker (adds polling and DevTools round
// trips). Prints each run and the medians; restores the file.
// --log shows serve's output and where each run's time went; --baseline then
// times N plain reloads of the page with no edit (the browser's own share).
// Needs `cargo build --release` and tests/browser's node_modules (npm ci).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { launch, repoRoot } from '../tests/browser/lib.mjs';

function args() {
  const out = { runs: 11, log: false };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i++) {
    const v = () => {
      if (i + 1 >= a.length) throw new Error(`${a[i]} needs a value`);
      return a[++i];
    };
    switch (a[i]) {
      case '--course': out.course = path.resolve(v()); break;
      case '--page': out.page = v(); break;
      case '--runs': out.runs = Number(v()); break;
      case '--bin': out.bin = path.resolve(v()); break;
      case '--port': out.port = Number(v()); break;
      case '--log': out.log = true; break;
      case '--baseline': out.baseline = true; break;
      default: throw new Error(`unknown argument ${a[i]} (see the header of ${path.basename(process.argv[1])})`);
    }
  }
  if (!out.course) throw new Error('--course DIR is required');
  if (!(out.runs >= 1)) throw new Error('--runs must be 1 or more');
  return out;
}

function binary(opt) {
  if (opt.bin) return opt.bin;
  if (process.env.DARSLIK_BIN) return process.env.DARSLIK_BIN;
  const full = path.join(repoRoot, 'target/release/darslik');
  if (existsSync(full)) return full;
  throw new Error('build darslik first (cargo build --release) or pass --bin');
}

/** The first page of the first module of the source locale. */
function defaultPage(course) {
  const toml = readFileSync(path.join(course, 'course.toml'), 'utf8');
  const src = (toml.match(/source_locale\s*=\s*"([^"]+)"/) || [])[1] || 'en';
  const root = path.join(course, 'content', src);
  for (const dir of readdirSync(root).sort()) {
    if (!statSync(path.join(root, dir)).isDirectory() || dir.startsWith('.')) continue;
    const md = readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.md') && f !== 'index.md').sort();
    if (md.length) return `content/${src}/${dir}/${md[0]}`;
  }
  throw new Error(`no module page under ${root}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const opt = args();
  const rel = opt.page || defaultPage(opt.course);
  const md = path.join(opt.course, rel);
  const parts = rel.split('/'); // content/<locale>/<module>/<page>.md
  if (parts[0] !== 'content' || parts.length < 3) throw new Error(`--page must be content/<locale>/...md, not ${rel}`);
  const url = parts.slice(1).join('/').replace(/\.md$/, '.html');
  const original = readFileSync(md, 'utf8');
  const port = opt.port || (await freePort());

  let log = '';
  const t = Date.now();
  const server = spawn(binary(opt), ['serve', '--course', opt.course, '--port', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Never leave the server behind or the page edited, whatever happens here.
  process.on('exit', () => {
    try {
      writeFileSync(md, original);
    } catch {
      // Nothing more to do on the way out.
    }
    server.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(130));
  server.stderr.on('data', (d) => {
    log += d;
    if (opt.log) process.stderr.write(d);
  });
  let browser;
  try {
    while (!log.includes('serving')) {
      if (server.exitCode !== null) throw new Error('serve exited:\n' + log);
      if (Date.now() - t > 600000) throw new Error('serve did not start in 10 minutes:\n' + log);
      await sleep(20);
    }
    console.log(`serve ready after ${Date.now() - t} ms; page ${rel}`);
    browser = await launch();
    const page = await (await browser.newContext()).newPage();
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => { window.__darslikLoaded = Date.now(); });
    });
    // A stream wait still pending when the browser closes (after in-place
    // swaps no new stream opens) must not end the run with an error.
    const connected = () => {
      const wait = page.waitForResponse((r) => r.url().endsWith('/__darslik/events'), { timeout: 0 });
      wait.catch(() => {});
      return wait;
    };
    let stream = connected();
    await page.goto(`http://127.0.0.1:${port}/${url}`);
    await page.waitForSelector('h1');
    const results = [];
    let reloaded = true;
    for (let run = 1; run <= opt.runs; run++) {
      // After a reload, the page's new event stream must be open before
      // the next write (after an in-place swap the stream stays open).
      if (reloaded) {
        await stream;
        stream = null;
      }
      await sleep(200);
      if (!stream) stream = connected();
      const marker = `latency-marker-${run}-${Math.random().toString(36).slice(2, 10)}`;
      const text = `${original.replace(/\n*$/, '')}\n\nLatency check ${marker}.\n`;
      const t0 = Date.now();
      writeFileSync(md, text);
      await page.waitForFunction((m) => document.body && document.body.innerText.includes(m), marker, {
        timeout: 600000,
        polling: 'raf',
      });
      const seen = Date.now() - t0;
      const got = await page.evaluate(() => ({ swapped: window.__darslikSwapped || 0, loaded: window.__darslikLoaded || 0 }));
      // A page edit swaps the new body in (serve's live script sets
      // __darslikSwapped); other changes reload the page.
      reloaded = !(got.swapped >= t0);
      const loaded = (reloaded ? got.loaded : got.swapped) - t0;
      results.push({ loaded, seen });
      let detail = reloaded ? '' : '; new body swapped in, no navigation';
      if (opt.log && reloaded) {
        // Where the time went: until the reload started, the server's
        // answer, the page's own loading.
        const n = await page.evaluate(() => {
          const e = performance.getEntriesByType('navigation')[0];
          return { start: performance.timeOrigin, req: e.requestStart, res: e.responseStart, end: e.responseEnd, dcl: e.domContentLoadedEventStart };
        });
        const r = (x) => Math.round(x);
        detail = `; reload at ${r(n.start - t0)}, request ${r(n.req)}, response ${r(n.res)}-${r(n.end)}, DOMContentLoaded ${r(n.dcl)}`;
      }
      console.log(`run ${String(run).padStart(2)}: ${String(loaded).padStart(6)} ms (seen ${seen} ms${detail})`);
    }
    const l = results.map((r) => r.loaded);
    console.log(
      `median of ${results.length}: ${median(l)} ms (seen ${median(results.map((r) => r.seen))} ms; min ${Math.min(...l)}, max ${Math.max(...l)})`,
    );
    if (opt.baseline) {
      // The browser's share: the same page reloaded with no edit at all.
      const plain = [];
      for (let run = 1; run <= opt.runs; run++) {
        if (reloaded) await stream;
        reloaded = true;
        await sleep(200);
        stream = connected();
        const t0 = Date.now();
        await page.evaluate(() => setTimeout(() => window.location.reload(), 0));
        await page.waitForFunction((t) => window.__darslikLoaded >= t, t0, { timeout: 600000, polling: 'raf' });
        plain.push((await page.evaluate(() => window.__darslikLoaded)) - t0);
      }
      console.log(`plain reload, no edit: median of ${plain.length}: ${median(plain)} ms (min ${Math.min(...plain)}, max ${Math.max(...plain)})`);
    }
  } finally {
    writeFileSync(md, original);
    if (browser) await browser.close();
    server.kill('SIGTERM');
  }
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
