// Phone-sized viewport screenshots at several scroll positions, for looking
// at pages as a trainer would: node tests/browser/viewshot.mjs OUTDIR PAGE [PAGE...]
// PAGE is relative to dist/site/. Options via env: WIDTH (360), HEIGHT (780), SCROLLS (3), DARK=1.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, dist } from './lib.mjs';

const [outDir = '/tmp/darslik-view', ...pages] = process.argv.slice(2);
const width = Number(process.env.WIDTH || 360);
const height = Number(process.env.HEIGHT || 780);
const scrolls = Number(process.env.SCROLLS || 3);
mkdirSync(outDir, { recursive: true });
const browser = await launch();
const context = await browser.newContext({
  viewport: { width, height },
  isMobile: width < 600,
  hasTouch: width < 600,
  colorScheme: process.env.DARK ? 'dark' : 'light',
});
const page = await context.newPage();
for (const rel of pages) {
  const [file, frag] = rel.split('#');
  await page.goto(pathToFileURL(join(dist(), 'site', file)).href + (frag ? '#' + frag : ''));
  const name = rel.replace(/[\/#]/g, '_').replace(/\.html$/, '');
  for (let i = 0; i < scrolls; i++) {
    await page.evaluate((y) => window.scrollTo(0, y), i * (height - 60));
    const file = join(outDir, `${name}-${width}-${i}.png`);
    await page.screenshot({ path: file });
    console.log(file);
  }
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  if (wide > width) console.log(`WARNING: ${rel} is ${wide}px wide at ${width}px`);
}
await browser.close();
