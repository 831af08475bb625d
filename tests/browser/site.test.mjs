// Real-Chromium checks of the built static site (SPEC §5): crawls every page
// reachable from site/index.html over file://, with the network disabled,
// once with JavaScript and once without.
//
//   node --test tests/browser/          (from the repository root)
//   DARSLIK_DIST=/some/out node --test tests/browser/
//
// Fails, with a "page → problem" list, on: any request outside <dist>/site/,
// any failed request, console error or uncaught exception, a link or resource
// pointing to a missing local file (or a folder, or outside <dist>), a broken
// #anchor between pages, a page without <html lang>, a locale folder with no
// visited page or missing from the language chooser, and a page whose content
// is not readable with JavaScript disabled.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  dist,
  dirUrl,
  evaluateStable,
  formatProblems,
  gotoSettled,
  isModulePage,
  isUnder,
  launch,
  localeDirs,
  offlineContext,
  stripUrl,
  watchPage,
} from './lib.mjs';

const DIST = dist();
const SITE = path.join(DIST, 'site');
const SITE_URL = dirUrl(SITE);
const DIST_URL = dirUrl(DIST);
const CHOOSER_URL = new URL('index.html', SITE_URL).href;

const MIN_TEXT_MODULE_PAGE = 200; // characters of visible text in <main> of a module page
const MIN_TEXT_OTHER_PAGE = 20; // ... of any other page (chooser, course home, module landing)

const rel = (url) => (isUnder(url, SITE_URL) ? 'site/' + path.relative(SITE, fileURLToPath(stripUrl(url))).split(path.sep).join('/') : url);

/** What a page shows: lang, text length, links, resources, ids. Runs in the page. */
function inspectPage() {
  const abs = (el, attr) => {
    const v = el.getAttribute(attr);
    if (v == null || v.trim() === '') return null;
    try {
      return new URL(v, document.baseURI).href;
    } catch {
      return null;
    }
  };
  const links = [...document.querySelectorAll('a[href], area[href]')]
    .map((a) => ({ raw: a.getAttribute('href'), url: abs(a, 'href') }))
    .filter((l) => l.url);
  const resSel = [
    ['img[src]', 'src'],
    ['script[src]', 'src'],
    ['iframe[src]', 'src'],
    ['source[src]', 'src'],
    ['video[src]', 'src'],
    ['audio[src]', 'src'],
    ['track[src]', 'src'],
    ['video[poster]', 'poster'],
    ['link[href]:not([rel~="alternate"]):not([rel~="canonical"])', 'href'],
    ['object[data]', 'data'],
  ];
  const resources = [];
  for (const [sel, attr] of resSel) {
    for (const el of document.querySelectorAll(sel)) {
      const url = abs(el, attr);
      if (url) resources.push({ raw: el.getAttribute(attr), url });
    }
  }
  for (const el of document.querySelectorAll('img[srcset], source[srcset]')) {
    for (const part of el.getAttribute('srcset').split(',')) {
      const raw = part.trim().split(/\s+/)[0];
      if (raw) resources.push({ raw, url: new URL(raw, document.baseURI).href });
    }
  }
  const ids = [
    ...[...document.querySelectorAll('[id]')].map((e) => e.id),
    ...[...document.querySelectorAll('a[name]')].map((e) => e.getAttribute('name')),
  ];
  const main = document.querySelector('main, [role="main"]') || document.body;
  // innerText of an element that is not rendered (display:none, hidden ancestor)
  // falls back to its textContent, so check visibility first.
  const shown = main && (!main.checkVisibility || main.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }));
  const text = shown ? (main.innerText || '').replace(/\s+/g, ' ').trim() : '';
  return {
    lang: document.documentElement.getAttribute('lang'),
    title: document.title,
    textLength: text.length,
    hasMain: !!document.querySelector('main, [role="main"]'),
    links,
    resources,
    ids,
  };
}

/**
 * Breadth-first crawl. `entries` are visited even if already seen (they may
 * carry a #fragment such as #choose); every other page exactly once.
 * Returns { pages: Map<pageUrl, info>, problems, landings }.
 */
async function crawl(browser, { javaScriptEnabled, entries }) {
  const { context, blocked } = await offlineContext(browser, { javaScriptEnabled });
  const page = await context.newPage();
  const problems = watchPage(page, SITE);
  const pages = new Map(); // page URL (no fragment) -> info from inspectPage
  const seen = new Set(); // URLs (no fragment) already queued or visited
  const landings = []; // { requested, landed, info }
  const anchors = []; // { from, raw, target, fragment }
  const queue = entries.map((url) => ({ url, entry: true }));
  const problem = (pageUrl, kind, detail) => problems.push({ page: pageUrl, kind, detail });

  const checkLocal = (from, kind, { raw, url }) => {
    if (!url.startsWith('file:')) return null; // http(s), mailto:, javascript:, data: ... are not local files
    const target = stripUrl(url);
    if (!isUnder(target, DIST_URL)) {
      problem(from, `${kind}-outside-output`, `"${raw}" points outside the output folder: ${target}`);
      return null;
    }
    const file = fileURLToPath(target);
    let st;
    try {
      st = fs.statSync(file);
    } catch {
      problem(from, `broken-${kind}`, `"${raw}" → ${file} does not exist`);
      return null;
    }
    if (st.isDirectory()) {
      problem(from, `${kind}-to-folder`, `"${raw}" → ${file} is a folder (on file:// that is a directory listing); link its index.html`);
      return null;
    }
    return target;
  };

  while (queue.length) {
    const { url, entry } = queue.shift();
    const key = stripUrl(url);
    if (pages.has(key) && (!entry || new URL(url).hash === '')) continue;
    seen.add(key);
    problems.current = rel(url);
    let landed;
    try {
      landed = await gotoSettled(page, url);
    } catch (e) {
      problem(rel(url), 'navigation', String(e.message || e).split('\n')[0]);
      continue;
    }
    const landedKey = stripUrl(landed);
    problems.current = rel(landed);
    if (!isUnder(landed, SITE_URL)) {
      problem(rel(url), 'navigation', `landed outside the site: ${landed}`);
      continue;
    }
    let info;
    try {
      info = await evaluateStable(page, inspectPage);
    } catch (e) {
      problem(rel(landed), 'inspect', String(e.message || e).split('\n')[0]);
      continue;
    }
    landings.push({ requested: url, landed, info });
    pages.set(landedKey, info);
    seen.add(landedKey);
    const from = rel(landed);
    for (const link of info.links) {
      const target = checkLocal(from, 'link', link);
      if (!target) continue;
      if (!isUnder(target, SITE_URL) || !target.endsWith('.html')) continue;
      const hash = new URL(link.url).hash;
      if (hash.length > 1) {
        let fragment = hash.slice(1);
        try {
          fragment = decodeURIComponent(fragment);
        } catch {
          // keep it encoded; it will not match an id and gets reported
        }
        anchors.push({ from, raw: link.raw, target, fragment });
      }
      if (!seen.has(target)) {
        seen.add(target);
        queue.push({ url: target, entry: false });
      }
    }
    for (const res of info.resources) checkLocal(from, 'resource', res);
  }

  // Requests the route aborted that no watched page reported (popups, workers).
  const reported = new Set(problems.filter((p) => p.kind === 'external').map((p) => p.url));
  for (const url of blocked) {
    if (!reported.has(url)) problem('(browser context)', 'external', `request blocked: ${url}`);
  }
  await context.close();
  return { pages, problems, landings, anchors };
}

let browser;
let jsRun;
let noJsRun;
let locales = [];

before(async () => {
  if (!fs.existsSync(path.join(SITE, 'index.html'))) {
    throw new Error(
      `${path.join(SITE, 'index.html')} not found: build the course first (cargo run --release -- build), or set DARSLIK_DIST`,
    );
  }
  locales = localeDirs(SITE);
  browser = await launch();
  const entries = [
    CHOOSER_URL, // may redirect (JS) to a remembered / preferred locale
    CHOOSER_URL + '#choose', // the chooser itself, no redirect
    ...locales.map((l) => new URL(`${encodeURIComponent(l)}/index.html`, SITE_URL).href),
  ];
  jsRun = await crawl(browser, { javaScriptEnabled: true, entries });
  // Without JS: every page found with JS, plus anything only static HTML links to.
  const noJsEntries = [...new Set([...entries.map(stripUrl), ...jsRun.pages.keys()])];
  noJsRun = await crawl(browser, { javaScriptEnabled: false, entries: noJsEntries });
  const n = (run) => run.pages.size;
  console.log(`darslik site: ${DIST}; locales: ${locales.join(', ') || '(none)'}; pages visited: ${n(jsRun)} with JS, ${n(noJsRun)} without`);
});

after(async () => {
  if (browser) await browser.close();
});

const allPages = () => new Set([...jsRun.pages.keys(), ...noJsRun.pages.keys()]);

function failIf(problems, what) {
  if (problems.length) assert.fail(`${problems.length} ${what}:\n${formatProblems(problems)}`);
}

test('no external request, failed request, console error or page error (JS on)', () => {
  failIf(
    jsRun.problems.filter((p) => ['external', 'request-failed', 'console-error', 'page-error', 'navigation', 'inspect'].includes(p.kind)),
    'problem(s) while browsing with JavaScript',
  );
});

test('no external request, failed request or console error (JS off)', () => {
  failIf(
    noJsRun.problems.filter((p) => ['external', 'request-failed', 'console-error', 'page-error', 'navigation', 'inspect'].includes(p.kind)),
    'problem(s) while browsing without JavaScript',
  );
});

test('every local link and resource exists, inside the output folder', () => {
  const kinds = /^(broken-|link-|resource-)/;
  const seen = new Set();
  const list = [...jsRun.problems, ...noJsRun.problems].filter((p) => {
    const k = `${p.page}|${p.kind}|${p.detail}`;
    if (!kinds.test(p.kind) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  failIf(list, 'broken local link(s) or resource(s)');
});

test('every #anchor of a link between pages exists in its target page', () => {
  const list = [];
  const seen = new Set();
  for (const run of [jsRun, noJsRun]) {
    for (const a of run.anchors) {
      if (a.fragment === 'top') continue; // HTML: #top scrolls to the top
      if (a.target === CHOOSER_URL && a.fragment === 'choose') continue; // chooser flag, not an element
      const ids = new Set([...(jsRun.pages.get(a.target)?.ids ?? []), ...(noJsRun.pages.get(a.target)?.ids ?? [])]);
      if (!jsRun.pages.has(a.target) && !noJsRun.pages.has(a.target)) continue; // reported as a broken link
      if (ids.has(a.fragment)) continue;
      const k = `${a.from}|${a.raw}`;
      if (seen.has(k)) continue;
      seen.add(k);
      list.push({ page: a.from, kind: 'broken-anchor', detail: `"${a.raw}": no id "${a.fragment}" in ${rel(a.target)}` });
    }
  }
  failIf(list, 'broken #anchor(s)');
});

test('every locale folder has visited pages and is offered by the language chooser', () => {
  assert.ok(locales.length > 0, `no locale folder (site/<locale>/index.html) under ${SITE}`);
  const problems = [];
  const pages = [...allPages()];
  for (const l of locales) {
    const root = dirUrl(path.join(SITE, l));
    const count = pages.filter((u) => isUnder(u, root)).length;
    if (count === 0) problems.push({ page: `site/${l}/`, kind: 'locale', detail: 'no page of this locale was visited' });
  }
  // The chooser (without JS, and with JS at #choose) must link into every locale.
  const choosers = [
    ['site/index.html (JS off)', noJsRun.pages.get(CHOOSER_URL)],
    ['site/index.html#choose (JS on)', jsRun.landings.find((x) => x.requested === CHOOSER_URL + '#choose' && stripUrl(x.landed) === CHOOSER_URL)?.info],
  ];
  for (const [name, info] of choosers) {
    if (!info) {
      problems.push({ page: name, kind: 'chooser', detail: 'the language chooser was not shown (redirected away or failed to load)' });
      continue;
    }
    for (const l of locales) {
      const root = dirUrl(path.join(SITE, l));
      if (!info.links.some((x) => x.url.startsWith('file:') && isUnder(x.url, root))) {
        problems.push({ page: name, kind: 'chooser', detail: `no link to locale "${l}"` });
      }
    }
  }
  failIf(problems, 'locale problem(s)');
});

test('every page has a non-empty <html lang>', () => {
  const problems = [];
  for (const [run, label] of [
    [noJsRun, 'JS off'],
    [jsRun, 'JS on'],
  ]) {
    for (const [url, info] of run.pages) {
      if (!info.lang || !info.lang.trim()) problems.push({ page: rel(url), kind: 'lang', detail: `<html lang> missing or empty (${label})` });
    }
  }
  failIf(problems, 'page(s) without lang');
});

test('every page is readable with JavaScript disabled', () => {
  const problems = [];
  const missing = [...jsRun.pages.keys()].filter((u) => !noJsRun.pages.has(u));
  for (const u of missing) problems.push({ page: rel(u), kind: 'no-js', detail: 'could not be opened with JavaScript disabled' });
  for (const [url, info] of noJsRun.pages) {
    const r = rel(url);
    const min = isModulePage(r.replace(/^site\//, '')) ? MIN_TEXT_MODULE_PAGE : MIN_TEXT_OTHER_PAGE;
    if (info.textLength <= min) {
      problems.push({
        page: r,
        kind: 'no-js',
        detail: `only ${info.textLength} characters of visible text in ${info.hasMain ? '<main>' : '<body>'} without JavaScript (needs > ${min})`,
      });
    }
  }
  failIf(problems, 'page(s) not readable without JavaScript');
});
