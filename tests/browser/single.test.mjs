// A single-file module opened from file:// with the network disabled: zero
// requests besides the file itself, its practice quiz and its post-test work
// and its progress is kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, dist } from './lib.mjs';
import { PRACTICE, readPanel, readSummary, takeAttempt, testState } from './quizkit.mjs';

const file = path.join(dist(), 'single', 'ru', 'module-06.html');
const SHOWN = '.doc-locale:not([hidden]) .doc-page:not([hidden])';

test('single-file module: no request but itself, practice quiz, post-test and paging work offline', { skip: !existsSync(file) && 'build with --format single first' }, async () => {
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
    // Page through to the last page of the module (the post-test), answering
    // the first practice question on the way.
    const count = await page.evaluate(() => window.darslikDoc.position().count);
    let practice = null;
    for (let i = 1; i < count; i++) {
      await page.click('.doc-locale:not([hidden]) .pager-next');
      if (practice) continue;
      const q = page.locator(`${SHOWN} ${PRACTICE} fieldset.quiz-q`).first();
      if (!(await q.count())) continue;
      const answer = (await q.getAttribute('data-answer')).split(',').map(Number);
      for (const v of answer) await q.locator(`input[value="${v}"]`).check();
      await q.locator('.quiz-check').click();
      const verdict = await q.locator('.quiz-verdict').textContent();
      const correctText = await page.locator(`${SHOWN} ${PRACTICE}`).first().getAttribute('data-correct');
      assert.ok(verdict.includes(correctText), `verdict ${verdict}`);
      practice = { index: i, qid: await q.getAttribute('data-qid'), answer };
    }
    assert.ok(practice, 'no practice question on any page of the module');
    // The post-test on the last page: all right, submitted; the module passes.
    const post = await takeAttempt(page, () => 'right', SHOWN);
    assert.equal(post.test.kind, 'post-test', 'the last page is the post-test');
    assert.deepEqual(post.state.att, [100], 'the post-test attempt is stored');
    assert.deepEqual((await readSummary(page))?.resultClass, ['is-passed'], 'the module result after the post-test');
    // Reload: the place, the practice answer and the attempt are kept (localStorage).
    await page.reload();
    const pos = await page.evaluate(() => window.darslikDoc.position());
    assert.equal(pos.index, count - 1, 'resumes on the last page');
    const checked = await page.locator(`.doc-locale:not([hidden]) fieldset.quiz-q[data-qid="${practice.qid}"] input:checked`).count();
    assert.equal(checked, practice.answer.length, 'the practice answer is restored');
    assert.deepEqual((await testState(page, post.test.page))?.att, [100], 'the post-test attempt is restored');
    assert.equal((await readPanel(page, SHOWN)).verdictClass.join(), 'is-passed', 'the post-test panel shows the result again');
    const others = requests.filter((u) => u !== url && !u.startsWith('data:'));
    assert.deepEqual(others, [], 'no request besides the file itself');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
