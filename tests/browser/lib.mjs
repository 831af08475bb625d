// Shared helpers for the real-Chromium checks of a built darslik site.
//
// Everything here works offline: the browser is the system Chromium (env
// CHROMIUM, default /usr/bin/chromium), driven by playwright-core, which never
// downloads a browser of its own.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root (two levels above this file). */
export const repoRoot = path.resolve(here, '..', '..');

/** Output folder of `darslik build`: env DARSLIK_DIST, default <repo>/dist. */
export function dist() {
  const d = process.env.DARSLIK_DIST;
  return d ? path.resolve(d) : path.join(repoRoot, 'dist');
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launch the system Chromium, headless. */
export async function launch() {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}; install it (apt-get install chromium) or set CHROMIUM=/path/to/chromium`,
    );
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** A file:// URL for a folder, always ending in '/'. */
export function dirUrl(dir) {
  const u = pathToFileURL(path.resolve(dir)).href;
  return u.endsWith('/') ? u : u + '/';
}

/** URL without #fragment and ?query. */
export function stripUrl(url) {
  const u = new URL(url);
  u.hash = '';
  u.search = '';
  return u.href;
}

/** URLs that are not requests to anywhere (inline data, in-memory blobs, about:blank). */
function isInline(url) {
  return /^(data|blob|about):/i.test(url);
}

/** True when `url` is a file:// URL inside the folder whose file URL is `rootUrl`. */
export function isUnder(url, rootUrl) {
  if (!url.startsWith('file:')) return false;
  try {
    // Normalise ../ and percent-encoding the same way on both sides.
    const p = path.resolve(fileURLToPath(stripUrl(url)));
    const root = path.resolve(fileURLToPath(rootUrl));
    return p === root || p.startsWith(root + path.sep);
  } catch {
    return false;
  }
}

/**
 * Create a browser context with the network really disabled:
 * `setOffline(true)` plus a route that aborts every request that is not a
 * file:// URL (or inline data:/blob:). Each such request is recorded in the
 * returned `blocked` list (also reported per page by watchPage).
 */
export async function offlineContext(browser, options = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block', ...options });
  await context.setOffline(true);
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || isInline(url)) return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  return { context, blocked };
}

/**
 * Watch a page. Returns a live array of problems `{ page, kind, detail, url }`,
 * filled as events arrive:
 *   - external:       a request whose URL is not a file:// URL under allowedRoot
 *   - request-failed: any request that failed (missing file, aborted, ...)
 *   - console-error:  a console message of type "error"
 *   - page-error:     an uncaught exception
 * Set `problems.current = url` before each navigation so problems are
 * attributed to the page being visited (defaults to page.url()).
 */
export function watchPage(page, allowedRoot) {
  const rootUrl = allowedRoot.startsWith('file:') ? allowedRoot : dirUrl(allowedRoot);
  const problems = [];
  problems.current = null;
  const where = () => problems.current || page.url();
  const externals = new Set();
  const add = (kind, detail, url) => problems.push({ page: where(), kind, detail, url });

  page.on('request', (req) => {
    const url = req.url();
    if (isInline(url) || isUnder(url, rootUrl)) return;
    externals.add(url);
    add('external', `request outside ${rootUrl}: ${url}`, url);
  });
  page.on('requestfailed', (req) => {
    const url = req.url();
    if (externals.has(url)) return; // already reported as external (and aborted by us)
    add('request-failed', `${url} (${req.failure()?.errorText ?? 'failed'})`, url);
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    const at = loc && loc.url ? ` at ${loc.url}:${loc.lineNumber}:${loc.columnNumber}` : '';
    add('console-error', `${msg.text()}${at}`);
  });
  page.on('pageerror', (err) => {
    add('page-error', `${err.name}: ${err.message}`);
  });
  return problems;
}

/**
 * Navigate and let JavaScript redirects (e.g. the language chooser sending
 * the visitor to a remembered locale) finish. Returns the landing URL.
 */
export async function gotoSettled(page, url, { timeout = 15000 } = {}) {
  await page.goto(url, { waitUntil: 'load', timeout });
  let last = page.url();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(50);
    await page.waitForLoadState('load', { timeout });
    const now = page.url();
    if (now === last) break;
    last = now;
  }
  return page.url();
}

/** Run `fn` in the page, retrying if a late navigation destroyed the context. */
export async function evaluateStable(page, fn, arg) {
  for (let i = 0; ; i++) {
    try {
      return await page.evaluate(fn, arg);
    } catch (e) {
      if (i >= 5 || !/context was destroyed|navigat/i.test(String(e))) throw e;
      await page.waitForLoadState('load');
    }
  }
}

/** Format problems as "page → kind: detail" lines, grouped by page. */
export function formatProblems(problems) {
  const byPage = new Map();
  for (const p of problems) {
    if (!byPage.has(p.page)) byPage.set(p.page, []);
    byPage.get(p.page).push(`${p.kind}: ${p.detail}`);
  }
  const out = [];
  for (const [page, list] of byPage) {
    out.push(`${page}`);
    for (const l of [...new Set(list)]) out.push(`    → ${l}`);
  }
  return out.join('\n');
}

/**
 * The locale folders of a built site: direct sub-folders of site/ that hold
 * an index.html (asset folders such as static/ have none).
 */
export function localeDirs(siteDir) {
  return fs
    .readdirSync(siteDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(siteDir, d.name, 'index.html')))
    .map((d) => d.name)
    .sort();
}

/** A module page: site/<locale>/<module>/<NN>-<slug>.html */
export function isModulePage(relPath) {
  const parts = relPath.split('/');
  return parts.length === 3 && /^\d+-.*\.html$/.test(parts[2]);
}
