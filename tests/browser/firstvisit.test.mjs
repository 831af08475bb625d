// The first visit (issue 25), in real Chromium over file://, offline:
//
//   - site/index.html, with nothing remembered, shows the language chooser
//     (it does not jump to a language) with the browser's language suggested:
//     that choice is marked, says so ("Your browser's language" in its own
//     language) and has the focus; ru-RU suggests Русский, uz-UZ the Latin
//     Uzbek, uz-Cyrl-UZ the Cyrillic one
//   - Uzbek is offered twice, Latin and Cyrillic, each naming its script
//   - the choice is remembered (localStorage, file://): the next visit to
//     site/index.html goes straight to that language; the header's language
//     switcher changes the memory; index.html#choose still shows the chooser
//   - without JavaScript the chooser is a plain list of the languages

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch } from './lib.mjs';
import { SITE, fileUrl, open, requireBuilt, withPage } from './a11ykit.mjs';

const CHOOSER = fileUrl(path.join(SITE, 'index.html'));
const DESKTOP = { viewport: { width: 1280, height: 800 } };

let browser;
before(async () => {
  requireBuilt(path.join(SITE, 'index.html'));
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
});

/** Runs in the page: what the chooser shows. */
function chooser() {
  const links = [...document.querySelectorAll('.chooser-list a[data-lang]')];
  return {
    kind: document.body.getAttribute('data-kind'),
    langs: links.map((a) => a.getAttribute('data-lang')),
    text: Object.fromEntries(links.map((a) => [a.getAttribute('data-lang'), a.innerText.replace(/\s+/g, ' ').trim()])),
    suggested: links.filter((a) => a.classList.contains('is-suggested')).map((a) => a.getAttribute('data-lang')),
    note: links.map((a) => a.querySelector('.chooser-suggested')).filter((n) => n && n.checkVisibility()).map((n) => n.textContent),
    focus: document.activeElement && document.activeElement.getAttribute('data-lang'),
  };
}

const where = (page) => path.relative(SITE, new URL(page.url()).pathname);

for (const [browserLang, want, note] of [
  ['ru-RU', 'ru', 'Язык вашего браузера'],
  ['uz-UZ', 'uz', 'Brauzeringiz tili'],
  ['uz-Cyrl-UZ', 'uz-Cyrl', 'Браузерингиз тили'],
  ['en-GB', 'en', "Your browser's language"],
]) {
  test(`first visit with a ${browserLang} browser: the chooser is shown with ${want} suggested and focused`, async () => {
    await withPage(browser, SITE, { ...DESKTOP, locale: browserLang }, async (page, problems) => {
      await open(page, problems, CHOOSER);
      assert.equal(where(page), 'index.html', `the first visit left the chooser for ${page.url()}`);
      const c = await page.evaluate(chooser);
      assert.equal(c.kind, 'chooser');
      assert.deepEqual(c.suggested, [want], `suggested: ${c.suggested}`);
      assert.deepEqual(c.note, [note], 'the suggestion is said in its language, once');
      assert.equal(c.focus, want, 'the suggested language has the focus');
    });
  });
}

test('Uzbek is offered twice: Latin and Cyrillic, each naming its script', async () => {
  await withPage(browser, SITE, DESKTOP, async (page, problems) => {
    await open(page, problems, CHOOSER + '#choose');
    const c = await page.evaluate(chooser);
    assert.deepEqual(c.langs, ['en', 'ru', 'uz', 'uz-Cyrl']);
    assert.match(c.text.uz, /^Oʻzbekcha · lotin yozuvi /, c.text.uz);
    assert.match(c.text['uz-Cyrl'], /^Ўзбекча · кирилл ёзуви /, c.text['uz-Cyrl']);
  });
});

test('the choice is remembered: the next visit goes to it; the language switcher changes it; #choose shows the chooser', async () => {
  await withPage(browser, SITE, { ...DESKTOP, locale: 'ru-RU' }, async (page, problems) => {
    await open(page, problems, CHOOSER);
    assert.equal(where(page), 'index.html');
    // The reader picks the Cyrillic Uzbek, not the suggested Russian.
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('.chooser-list a[data-lang="uz-Cyrl"]')]);
    assert.equal(where(page), 'uz-Cyrl/index.html');
    await open(page, problems, CHOOSER);
    assert.equal(where(page), 'uz-Cyrl/index.html', 'the second visit did not go to the chosen language');
    // The header's switcher: to English; the next visit goes there.
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('.lang-switch a[data-lang="en"]')]);
    assert.equal(where(page), 'en/index.html');
    await open(page, problems, CHOOSER);
    assert.equal(where(page), 'en/index.html', 'the language switcher did not update the remembered choice');
    // "All languages" (#choose) still shows the chooser, nothing focused for the reader.
    await open(page, problems, CHOOSER + '#choose');
    assert.equal(where(page), 'index.html');
    const c = await page.evaluate(chooser);
    assert.deepEqual(c.suggested, ['ru'], 'the browser language is still marked');
  });
});

test('without JavaScript the chooser lists every language', async () => {
  await withPage(browser, SITE, { ...DESKTOP, javaScriptEnabled: false, locale: 'ru-RU' }, async (page, problems) => {
    await open(page, problems, CHOOSER);
    assert.equal(where(page), 'index.html');
    const n = await page.locator('.chooser-list a').count();
    assert.equal(n, 4);
  });
});
