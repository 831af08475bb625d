// Issue 25, branding: whose course it is, in Chromium.
//
// tests/fixtures/branding (course.toml [theme] organisation, logo, accent;
// a ru `course-organisation` of its own) is built into a temporary folder
// (site, single, scorm12). Checked from file://, offline:
//   - the header shows the logo (loaded, small) and the organisation, on
//     the home and on a content page, in en (course.toml's name) and ru
//     (the locale's own message);
//   - the course home shows the logo larger, with the organisation;
//   - printed (emulateMedia print), the page starts with the logo and the
//     organisation, and the search and language switch are not printed;
//   - the accent is applied: the search button's background and a link's
//     colour are the accent; without [theme] accent they keep the theme's;
//   - a single file and a SCORM module document show the logo too.
//
//   cargo build --release && node --test tests/browser/branding.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { launch, offlineContext, gotoSettled, repoRoot } from './lib.mjs';
import { darslikBin } from './a11ykit.mjs';
import { unzip } from './scormlms.mjs';

const ACCENT = 'rgb(138, 28, 74)'; // #8a1c4a in tests/fixtures/branding/course.toml
const THEME_ACCENT = 'rgb(11, 92, 171)'; // #0b5cab, the default theme's
let browser;
let tmp;
let out;
let plain;

function buildFixture(dir, edit) {
  const course = path.join(dir, 'course');
  fs.cpSync(path.join(repoRoot, 'tests', 'fixtures', 'branding'), course, { recursive: true });
  if (edit) edit(course);
  const dest = path.join(dir, 'out');
  execFileSync(darslikBin(), ['build', '--course', course, '--out', dest, '--format', 'site,single,scorm12', '-q'], { stdio: 'pipe' });
  return dest;
}

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'darslik-branding-'));
  out = buildFixture(path.join(tmp, 'branded'));
  // The same course without an accent: the theme's colour stays.
  plain = buildFixture(path.join(tmp, 'plain'), (course) => {
    const toml = path.join(course, 'course.toml');
    fs.writeFileSync(toml, fs.readFileSync(toml, 'utf8').replace(/^accent = .*$/m, ''));
  });
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function openPage(file, options = {}) {
  const { context } = await offlineContext(browser, { viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await gotoSettled(page, pathToFileURL(file).href);
  return { context, page };
}

/** What the header's brand line shows: logo size and load, organisation text. */
function brandOf(page, selector = '.site-header .site-brand') {
  return page.evaluate((sel) => {
    const brand = document.querySelector(sel);
    if (!brand) return null;
    const img = brand.querySelector('img.site-logo');
    const org = brand.querySelector('.site-org');
    const box = (el) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return { w: r.width, h: r.height, top: r.top, visible: r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' };
    };
    return {
      logo: img ? { ...box(img), loaded: img.complete && img.naturalWidth > 0, alt: img.getAttribute('alt') } : null,
      org: org ? { ...box(org), text: org.textContent.trim() } : null,
    };
  }, selector);
}

for (const [locale, name] of [['en', 'Fixture Training Academy'], ['ru', 'Учебная академия «Фикстура»']]) {
  for (const [label, rel] of [['home', 'index.html'], ['content page', 'basics/01-first.html']]) {
    test(`${locale} ${label}: the header shows the logo and "${name}"`, async () => {
      const { context, page } = await openPage(path.join(out, 'site', locale, rel));
      const b = await brandOf(page);
      await context.close();
      assert.ok(b && b.logo, 'no logo in the header');
      assert.ok(b.logo.loaded, 'the logo did not load');
      assert.ok(b.logo.visible, 'the logo is not visible');
      assert.ok(b.logo.h >= 24 && b.logo.h <= 48, `header logo ${b.logo.h} px high: small, 24-48 px`);
      assert.equal(b.logo.alt, '', 'the logo is decorative next to the name');
      assert.ok(b.org && b.org.visible, 'no organisation in the header');
      assert.equal(b.org.text, name);
    });
  }
}

test('en course home: the logo larger, with the organisation, before the text', async () => {
  const { context, page } = await openPage(path.join(out, 'site', 'en', 'index.html'));
  const home = await page.evaluate(() => {
    const img = document.querySelector('main .home-brand img.home-logo');
    const org = document.querySelector('main .home-brand .home-org');
    const text = document.querySelector('main article p:not(.home-org)');
    const r = (el) => el && el.getBoundingClientRect();
    return {
      logo: img && { h: r(img).height, loaded: img.naturalWidth > 0 },
      org: org && org.textContent.trim(),
      orgTop: org && r(org).top,
      textTop: text && r(text).top,
      header: document.querySelector('.site-header img.site-logo').getBoundingClientRect().height,
    };
  });
  await context.close();
  assert.ok(home.logo && home.logo.loaded, 'no logo on the course home');
  assert.ok(home.logo.h > home.header * 1.5, `home logo ${home.logo.h} px is not larger than the header's ${home.header} px`);
  assert.equal(home.org, 'Fixture Training Academy');
  assert.ok(home.orgTop < home.textTop, 'the organisation comes before the text');
});

test('print: the page starts with the logo and the organisation; search and languages are not printed', async () => {
  for (const rel of ['en/index.html', 'ru/basics/01-first.html']) {
    const { context, page } = await openPage(path.join(out, 'site', rel));
    await page.emulateMedia({ media: 'print' });
    const b = await brandOf(page);
    const rest = await page.evaluate(() => {
      const shown = (sel) => [...document.querySelectorAll(sel)].some((el) => el.getBoundingClientRect().height > 0);
      const h1 = document.querySelector('main h1').getBoundingClientRect().top;
      return { search: shown('.site-search'), langs: shown('.lang-switch'), h1 };
    });
    await context.close();
    assert.ok(b.logo && b.logo.visible && b.logo.loaded, `${rel}: no logo in print`);
    assert.ok(b.org && b.org.visible, `${rel}: no organisation in print`);
    assert.ok(b.logo.top < rest.h1 && b.org.top < rest.h1, `${rel}: the brand is not above the title in print`);
    assert.equal(rest.search, false, `${rel}: the search form is printed`);
    assert.equal(rest.langs, false, `${rel}: the language switch is printed`);
  }
});

test('the accent colours the buttons and links; without it the theme keeps its own', async () => {
  const colours = async (root) => {
    const { context, page } = await openPage(path.join(root, 'site', 'en', 'basics', '01-first.html'));
    const c = await page.evaluate(() => ({
      button: getComputedStyle(document.querySelector('.site-search button')).backgroundColor,
      label: getComputedStyle(document.querySelector('.site-search button')).color,
      link: getComputedStyle(document.querySelector('main article p a')).color,
    }));
    await context.close();
    return c;
  };
  const branded = await colours(out);
  assert.equal(branded.button, ACCENT, 'search button background');
  assert.equal(branded.label, 'rgb(255, 255, 255)', 'white label on the accent');
  assert.equal(branded.link, ACCENT, 'link colour');
  const unbranded = await colours(plain);
  assert.equal(unbranded.button, THEME_ACCENT);
  assert.equal(unbranded.link, THEME_ACCENT);
  // The dark scheme keeps its own light accent (the brand's dark one would not read there).
  const { context, page } = await openPage(path.join(out, 'site', 'en', 'index.html'), { colorScheme: 'dark' });
  const dark = await page.evaluate(() => getComputedStyle(document.querySelector('.site-search button')).backgroundColor);
  await context.close();
  assert.notEqual(dark, ACCENT, 'dark scheme uses the brand accent');
});

test('a single file and a SCORM module document show the logo and organisation', async () => {
  const dir = unzip(path.join(out, 'scorm12', 'branded-en.zip'));
  for (const file of [path.join(out, 'single', 'en', 'basics.html'), path.join(dir, 'basics.html')]) {
    const { context, page } = await openPage(file);
    const b = await brandOf(page, '.doc-locale:not([hidden]) .site-brand');
    const accent = await page.evaluate(() => getComputedStyle(document.querySelector('.doc-page p a[href]')).color);
    await context.close();
    assert.ok(b && b.logo && b.logo.loaded && b.logo.visible, `${file}: no logo`);
    assert.equal(b.org && b.org.text, 'Fixture Training Academy', file);
    assert.equal(accent, ACCENT, `${file}: links in the accent`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});
