// Full-page screenshots of built pages at 1280 px (desktop) and 360 px (phone).
//
//   node tests/browser/shots.mjs [OUTDIR] [PAGE.html ...]
//   DARSLIK_SHOTS="ru/module-06/02-means.html index.html" node tests/browser/shots.mjs
//
// OUTDIR defaults to /tmp/darslik-shots. Pages are paths relative to
// <dist>/site/ (or to <dist>/ when they start with "site/", or absolute).
// Default pages: for each locale folder site/<locale>/, its first module page
// (*/01-*.html, modules in the order the locale's home page links them).
// Extra pages come from the arguments and from env DARSLIK_SHOTS (separated by
// spaces or commas). Files are named <locale>-<page>-<width>.png; the names
// are printed, one a line. The site comes from env DARSLIK_DIST (default
// <repo>/dist); the browser from env CHROMIUM (default /usr/bin/chromium).

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dist, gotoSettled, launch, localeDirs, offlineContext, watchPage, formatProblems } from './lib.mjs';

const SITE = path.join(dist(), 'site');

const WIDTHS = [
  { width: 1280, options: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 } },
  { width: 360, options: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true } },
];

function defaultPages() {
  const pages = [];
  for (const locale of localeDirs(SITE)) {
    const dir = path.join(SITE, locale);
    const home = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    const firstLink = (name) => {
      const i = home.search(new RegExp(`href="(\\./)?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`));
      return i < 0 ? Infinity : i;
    };
    const modules = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort((a, b) => firstLink(a) - firstLink(b) || a.localeCompare(b));
    for (const m of modules) {
      const first = fs
        .readdirSync(path.join(dir, m))
        .filter((f) => /^01-.*\.html$/.test(f))
        .sort()[0];
      if (first) {
        pages.push(`${locale}/${m}/${first}`);
        break;
      }
    }
  }
  return pages;
}

const isPageArg = (a) => /\.html([#?].*)?$/.test(a);

/** "ru/m/01-a.html#x" -> { file: <abs path>, suffix: "#x" } */
function resolvePage(p) {
  const m = /^(.*?\.html)([#?].*)?$/.exec(p) || [p, p, ''];
  const [, rel, suffix = ''] = m;
  const file = path.isAbsolute(rel) ? rel : rel.startsWith('site/') ? path.join(dist(), rel) : path.join(SITE, rel);
  return { file, suffix };
}

function shotName(file, width) {
  const relPath = path.relative(SITE, file).split(path.sep).join('/');
  const parts = relPath.replace(/\.html$/, '').split('/');
  const locale = parts.length > 1 ? parts.shift() : 'site';
  const page = parts.join('-').replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'index';
  return `${locale}-${page}-${width}.png`;
}

async function main() {
  const args = process.argv.slice(2);
  const outdir = path.resolve(args.find((a) => !isPageArg(a)) ?? '/tmp/darslik-shots');
  const extra = [
    ...args.filter(isPageArg),
    ...(process.env.DARSLIK_SHOTS || '').split(/[\s,]+/).filter(Boolean),
  ];
  if (!fs.existsSync(path.join(SITE, 'index.html'))) {
    throw new Error(`${path.join(SITE, 'index.html')} not found: build first (cargo run --release -- build) or set DARSLIK_DIST`);
  }
  const pages = [...new Set([...defaultPages(), ...extra])].map(resolvePage);
  for (const p of pages) if (!fs.existsSync(p.file)) throw new Error(`page not found: ${p.file}`);
  if (pages.length === 0) throw new Error(`no page to shoot under ${SITE}`);
  fs.mkdirSync(outdir, { recursive: true });

  const browser = await launch();
  const problems = [];
  try {
    for (const { width, options } of WIDTHS) {
      const { context } = await offlineContext(browser, options);
      const page = await context.newPage();
      const watched = watchPage(page, SITE);
      for (const { file, suffix } of pages) {
        const url = pathToFileURL(file).href + suffix;
        watched.current = path.relative(dist(), file) + suffix;
        const landed = await gotoSettled(page, url);
        if (landed.split('#')[0] !== url.split('#')[0]) {
          console.error(`note: ${watched.current} redirected to ${landed}`);
        }
        await page.evaluate(() => document.fonts && document.fonts.ready);
        const layoutWidth = await page.evaluate(() => document.documentElement.clientWidth);
        if (layoutWidth > width) {
          console.error(
            `warning: ${watched.current} lays out ${layoutWidth} px wide in a ${width} px viewport (missing <meta name="viewport"> or overflowing content)`,
          );
        }
        const out = path.join(outdir, shotName(file, width));
        await page.screenshot({ path: out, fullPage: true, animations: 'disabled' });
        console.log(out);
      }
      problems.push(...watched);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  if (problems.length) {
    console.error(`warning: ${problems.length} problem(s) while taking screenshots:\n${formatProblems(problems)}`);
  }
}

main().catch((e) => {
  console.error(`shots: ${e.message || e}`);
  process.exit(1);
});
