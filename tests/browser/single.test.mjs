// A single-file module opened from file:// with the network disabled: zero
// requests besides the file itself, its quiz works and its progress is kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, dist } from './lib.mjs';

const file = path.join(dist(), 'single', 'ru', 'module-06.html');

test('single-file module: no request but itself, quiz and paging work offline', { skip: !existsSync(file) && 'build with --format single first' }, async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true });
    await context.setOffline(true);
    const page = await context.newPage();
    const requests = [];
    const errors = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    const url = pathToFileURL(file).href;
    await page.goto(url);
    // Page through to the last page of the module.
    const count = await page.evaluate(() => window.darslikDoc.position().count);
    for (let i = 1; i < count; i++) {
      await page.click('.doc-locale:not([hidden]) .pager-next');
    }
    const q = page.locator('.doc-locale:not([hidden]) .doc-page:not([hidden]) fieldset.quiz-q').first();
    const answer = (await q.getAttribute('data-answer')).split(',').map(Number);
    for (const i of answer) await q.locator(`input[value="${i}"]`).check();
    await q.locator('.quiz-check').click();
    const verdict = await q.locator('.quiz-verdict').textContent();
    const correctText = await page.locator('.doc-locale:not([hidden]) .quiz').first().getAttribute('data-correct');
    assert.ok(verdict.includes(correctText), `verdict ${verdict}`);
    // Reload: the place and the answer are kept (localStorage).
    await page.reload();
    const pos = await page.evaluate(() => window.darslikDoc.position());
    assert.equal(pos.index, count - 1, 'resumes on the last page');
    const checked = await page.locator('.doc-locale:not([hidden]) fieldset.quiz-q').first().locator('input:checked').count();
    assert.equal(checked, answer.length, 'the answer is restored');
    const others = requests.filter((u) => u !== url && !u.startsWith('data:'));
    assert.deepEqual(others, [], 'no request besides the file itself');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
