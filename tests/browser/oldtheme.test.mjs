// A course with its own copy of the default theme from before issue 26
// (tests/fixtures/older-theme: the progress.js, records.js and quiz.css that
// drew the home and the module result and logged answers themselves).
// darslik's newer home.js, summary.js and records-answers.js come on top of
// them and must stand aside: no script errors, each answer logged once, the
// module result and the home's progress still shown.
//
// The sample course (content, locales, course.toml) is built into a
// temporary folder with the release binary (env DARSLIK_BIN).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { launch, repoRoot } from './lib.mjs';
import { darslikBin } from './a11ykit.mjs';

let tmp;
let site;

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'darslik-oldtheme-'));
  for (const d of ['content', 'locales', 'branding']) fs.cpSync(path.join(repoRoot, d), path.join(tmp, d), { recursive: true });
  for (const f of ['course.toml']) fs.copyFileSync(path.join(repoRoot, f), path.join(tmp, f));
  fs.cpSync(path.join(repoRoot, 'tests', 'fixtures', 'older-theme', 'static'), path.join(tmp, 'themes', 'default', 'static'), { recursive: true });
  execFileSync(darslikBin(), ['build', '--course', tmp, '--out', path.join(tmp, 'dist'), '--format', 'site', '--locale', 'en', '-q'], { stdio: 'pipe' });
  site = path.join(tmp, 'dist', 'site', 'en');
});

after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('an older copy of the default theme: no script errors, one record per answer, result and home progress shown', async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // The newer scripts are loaded: they are what must stand aside.
    const url = pathToFileURL(path.join(site, 'module-07', '03-victim-protection-and-cooperation.html')).href;
    await page.goto(url);
    const scripts = () => page.evaluate(() => [...document.scripts].map((s) => (s.getAttribute('src') || '').split('/').pop()).filter(Boolean));
    assert.ok((await scripts()).includes('records-answers.js'), `the quiz page loads records-answers.js: ${await scripts()}`);
    const q = page.locator('fieldset.quiz-q').first();
    await q.locator('input').first().check();
    await q.locator('button.quiz-check').click();
    await page.waitForFunction(() => document.querySelector('fieldset.quiz-q .quiz-verdict').textContent.trim() !== '');
    const answers = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.endsWith(':records'));
      return JSON.parse(localStorage.getItem(key)).e.filter((e) => e.k === 'a').length;
    });
    assert.equal(answers, 1, 'one answer, one record (not one from records.js and one from records-answers.js)');
    // The module's last page has its result (summary.js, and the older progress.js).
    await page.goto(pathToFileURL(path.join(site, 'module-07', '09-post-test.html')).href);
    assert.ok((await scripts()).includes('summary.js'), `the module's last page loads summary.js: ${await scripts()}`);
    const summary = await page.evaluate(() => {
      const box = document.querySelector('[data-summary]');
      return { hidden: box.hidden, score: box.querySelector('.summary-score').textContent.trim() };
    });
    assert.equal(summary.hidden, false, 'the module result is shown');
    assert.notEqual(summary.score, '', 'the module result says where the learner stands');
    await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
    const home = await page.evaluate(() => [...document.querySelectorAll('[data-module-progress]')].map((e) => e.textContent.trim()).filter(Boolean));
    assert.ok((await scripts()).includes('home.js'), `the home loads home.js: ${await scripts()}`);
    assert.equal(home.length, 1, `the home shows the progress of the module visited: ${JSON.stringify(home)}`);
    assert.deepEqual(errors, [], 'no script errors');
  } finally {
    await browser.close();
  }
});
