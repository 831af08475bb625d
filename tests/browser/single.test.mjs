// A single-file module opened from file:// with the network disabled: zero
// requests besides the file itself, its practice quiz and its post-test work
// and its progress is kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs, { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { launch, dist, repoRoot } from './lib.mjs';
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

// ------------------------------------------------- paging a long module (issue 26)

// The ru module document again with 60 more pages: a page turn must change
// the same things in both (the old page, the new one, their links, the
// pager), nothing that grows with the page count.
const bin = process.env.DARSLIK_BIN || path.join(repoRoot, 'target', 'release', 'darslik');
const EXTRA = 60;
let longFile = null;
function buildLong() {
  if (longFile) return longFile;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'darslik-long-'));
  for (const entry of ['course.toml', 'content', 'locales', 'themes', 'branding']) {
    if (fs.existsSync(path.join(repoRoot, entry))) fs.cpSync(path.join(repoRoot, entry), path.join(tmp, entry), { recursive: true });
  }
  for (let i = 1; i <= EXTRA; i++) {
    const n = String(i).padStart(3, '0');
    for (const [locale, title, text] of [['en', 'Extra page', 'A page to turn. '], ['ru', 'Дополнительная страница', 'Страница для листания. ']]) {
      fs.writeFileSync(path.join(tmp, 'content', locale, 'module-06', `04-extra-${n}.md`),
        `+++\ntitle = "${title} ${n}"\n+++\n\n## ${n}\n\n${text.repeat(40)}\n\n- 1\n- 2\n- 3\n`);
    }
  }
  execFileSync(bin, ['build', '--course', tmp, '--out', path.join(tmp, 'dist'), '--format', 'single', '--locale', 'ru', '-q'], { stdio: 'pipe' });
  longFile = path.join(tmp, 'dist', 'single', 'ru', 'module-06.html');
  return longFile;
}

/** Open `file`, turn from the first page to the second with the Next button, and
 * say what the turn changed (a MutationObserver over the whole document). */
async function turnOnce(browser, file) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(file).href);
    const before = await page.evaluate(() => ({
      count: window.darslikDoc.position().count,
      shownAtLoad: document.querySelectorAll('.doc-locale:not([hidden]) .doc-page:not([hidden])').length,
      body: document.body.className,
    }));
    await page.evaluate(() => {
      window.__muts = [];
      window.__obs = new MutationObserver((list) => { for (const m of list) window.__muts.push(m); });
      window.__obs.observe(document, { attributes: true, attributeOldValue: true, childList: true, characterData: true, subtree: true });
    });
    await page.click('.doc-locale:not([hidden]) .pager-next');
    const out = await page.evaluate(() => {
      const muts = window.__muts.concat(window.__obs.takeRecords());
      window.__obs.disconnect();
      const pages = new Set(), links = new Set(), attrs = [];
      let kept = 0;
      // Not part of the turn, whenever they land (a slow machine's idle
      // time can come before this is read): the page after laid out ahead
      // (paging.js, class doc-ahead) and tables.js measuring the tables of
      // the new page and of that one (a scroll hint before a table, its
      // hidden attribute, is-scrollable on the table's box). Their work
      // grows with a page's tables, not with the module's pages.
      const plain = (c) => String(c || '').replace(/\s*\b(doc-ahead|is-scrollable)\b/g, '');
      const hint = (n) => n.nodeType === 1 && n.classList.contains('table-hint');
      const cue = (m, el) => (m.type === 'childList' && [...m.addedNodes, ...m.removedNodes].every(hint))
        || (m.type === 'attributes' && hint(el));
      for (const m of muts) {
        const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
        if (m.type === 'attributes' && m.attributeName === 'class' && plain(m.oldValue) === plain(el.className)) continue;
        if (cue(m, el)) continue;
        kept++;
        const p = el && el.closest('.doc-page');
        if (m.type === 'attributes') {
          attrs.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''}[${m.attributeName}]`);
          if (el.classList.contains('doc-page')) pages.add(el);
          if (el.hasAttribute('data-doc-page')) links.add(el);
        } else if (p) pages.add(p);
      }
      return {
        index: window.darslikDoc.position().index,
        total: kept,
        attrs: attrs.sort(),
        pages: [...pages].map((p) => p.getAttribute('data-index')).sort(),
        links: [...links].map((a) => a.getAttribute('data-doc-page')).sort(),
        shown: [...document.querySelectorAll('.doc-locale:not([hidden]) .doc-page:not([hidden])')].map((p) => p.getAttribute('data-index')),
      };
    });
    // The next page is laid out ahead in idle time: still hidden, no height.
    await page.waitForSelector('.doc-page.doc-ahead', { state: 'attached', timeout: 5000 });
    const ahead = await page.evaluate(() => {
      const p = document.querySelector('.doc-page.doc-ahead');
      return { index: p.getAttribute('data-index'), hidden: p.hidden, height: p.getBoundingClientRect().height, visibility: getComputedStyle(p).visibility };
    });
    assert.deepEqual(ahead, { index: '2', hidden: true, height: 0, visibility: 'hidden' }, 'the page after the new one is laid out ahead, unseen');
    assert.deepEqual(errors, []);
    return { ...before, ...out };
  } finally {
    await context.close();
  }
}

test('paging: a page turn changes the old and the new page only, however long the module', { skip: (!existsSync(file) && 'build with --format single first') || (!existsSync(bin) && `${bin} is missing: cargo build --release first (or set DARSLIK_BIN)`) }, async () => {
  const browser = await launch();
  try {
    const short = await turnOnce(browser, file);
    const long = await turnOnce(browser, buildLong());
    assert.equal(long.count, short.count + EXTRA, 'the long module has the extra pages');
    for (const [name, r] of [['short', short], ['long', long]]) {
      assert.equal(r.shownAtLoad, 1, `${name}: one page shown after loading`);
      assert.match(r.body, /\bdoc-paged\b/, `${name}: paging.js has taken over from the first-paint rule`);
      assert.doesNotMatch(r.body, /\bdoc-js\b/, `${name}: doc-js is gone`);
      assert.equal(r.index, 1, `${name}: Next went to the second page`);
      assert.deepEqual(r.shown, ['1'], `${name}: only the second page is shown`);
      assert.deepEqual(r.pages, ['0', '1'], `${name}: only the old and the new page changed`);
      assert.deepEqual(r.links, ['0', '1'], `${name}: only their two links in the contents changed`);
    }
    assert.deepEqual(long.attrs, short.attrs, 'the same attribute changes for 8 pages as for 68');
    assert.equal(long.total, short.total, 'as many changes in all for 8 pages as for 68');
    assert.ok(long.attrs.length <= 16, `a page turn changes few attributes: ${long.attrs.join(' ')}`);
  } finally {
    await browser.close();
  }
});

test('paging: the Next button stays where it is while the page after is laid out ahead, at 360 px', { skip: !existsSync(file) && 'build with --format single first' }, async (t) => {
  // After a turn, paging.js lays out the next page ahead (hidden, no height)
  // at the next idle moment, and tables.js measures its tables. Neither may
  // move what the learner is about to tap: the Next button, or the page shown.
  const browser = await launch();
  const moved = [];
  let turns = 0;
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    for (const locale of ['en', 'ru']) {
      const dir = path.join(dist(), 'single', locale);
      for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
        await page.goto(pathToFileURL(path.join(dir, name)).href, { waitUntil: 'load' });
        const count = await page.evaluate(() => window.darslikDoc.position().count);
        for (let i = 1; i < count; i++) {
          await page.locator('.doc-locale:not([hidden]) .pager-next').click();
          turns++;
          const where = () => {
            const next = Array.prototype.find.call(document.querySelectorAll('.pager-next'), (b) => b.getClientRects().length);
            return Math.round(next.getBoundingClientRect().top + window.scrollY);
          };
          // The first frame that shows the new page, then once the page after
          // it is laid out ahead (or there is none) and the idle work is done.
          const first = await page.evaluate((w) => new Promise((r) => requestAnimationFrame(() => r(new Function(`return (${w})()`)()))), where.toString());
          await page.waitForFunction((last) => last || document.querySelector('.doc-locale:not([hidden]) .doc-ahead'), i === count - 1, { timeout: 5000 });
          await page.evaluate(() => new Promise((r) => setTimeout(() => requestIdleCallback(() => r(), { timeout: 1000 }), 200)));
          const settled = await page.evaluate(where);
          if (first !== settled) moved.push(`${locale}/${name}, page ${i + 1}: Next at y ${first} when shown, at ${settled} once the page after was laid out ahead`);
        }
      }
    }
    await context.close();
  } finally {
    await browser.close();
  }
  t.diagnostic(`${turns} page turns`);
  assert.ok(turns >= 20, `only ${turns} page turns: the check would prove little`);
  if (moved.length) assert.fail(`the Next button moved after ${moved.length} of ${turns} turns:\n${moved.join('\n')}`);
});

test('paging: every page is readable without JS, and if paging.js never runs', { skip: !existsSync(file) && 'build with --format single first' }, async () => {
  const browser = await launch();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'darslik-noscript-'));
  try {
    // The same file with the scripts at its end taken out: only the line at
    // the top of the body runs, and its load handler must show every page.
    const html = fs.readFileSync(file, 'utf8');
    const cut = html.lastIndexOf('</main>');
    const broken = path.join(tmp, 'module-06.html');
    fs.writeFileSync(broken, html.slice(0, cut) + html.slice(cut).replace(/<script>[\s\S]*?<\/script>/g, ''));
    for (const [name, url, js] of [['no JS', pathToFileURL(file).href, false], ['no paging.js', pathToFileURL(broken).href, true]]) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, javaScriptEnabled: js });
      try {
        const page = await context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        const sections = page.locator('.doc-locale .doc-page');
        const n = await sections.count();
        assert.ok(n >= 3, `${name}: pages in the document`);
        for (let i = 0; i < n; i++) {
          const h = sections.nth(i).locator('h1');
          await h.scrollIntoViewIfNeeded();
          assert.ok(await h.isVisible(), `${name}: the title of page ${i + 1} is shown`);
          const box = await sections.nth(i).boundingBox();
          assert.ok(box && box.height > 100, `${name}: page ${i + 1} is laid out when scrolled to (${box && box.height}px)`);
        }
      } finally {
        await context.close();
      }
    }
    // Printed: every page, with JS and paging.js (style.css @media print).
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href);
      await page.click('.doc-locale:not([hidden]) .pager-next');
      await page.emulateMedia({ media: 'print' });
      const shown = await page.evaluate(() => [...document.querySelectorAll('.doc-locale:not([hidden]) .doc-page')].map((p) => getComputedStyle(p).display));
      assert.ok(shown.length >= 3 && shown.every((d) => d === 'block'), `printed: every page (${shown.join(' ')})`);
    } finally {
      await context.close();
    }
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
