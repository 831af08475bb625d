// Graded assessments in a SCORM LMS (issue 19; SPEC §6, §7).
//
// The fixture course tests/fixtures/assess (one module, m1: a practice page
// of every form, a pre-test, a graded page of 2 attempts, a post-test of 2
// attempts drawing 3 of 5 shuffled questions) is built into a temp folder as
// SCORM 1.2 and 2004, served with the test LMS of scormlms.mjs (scorm-again,
// every API call recorded), and played in headless Chromium:
//   - practice answers of the new forms (matching, ordering, short answers
//     as text, number and range) and every attempt of every test; the
//     interactions' types, correct_responses patterns and learner responses,
//     in the syntax of each version (and valid for it: scorm-again checks
//     2004, the test checks 1.2's single-character identifiers);
//   - pre-test interaction ids start with "pre-"; the pre-test's score is
//     the objective "pre-test", never the module's score;
//   - the module's score is the best attempts of the graded page and the
//     post-test (progress.js moduleStatus), never lowered by a worse attempt;
//     nothing is recorded after the last attempt;
//   - relaunch with what the LMS kept: attempts, seeds, responses and
//     practice answers come back from suspend_data; no new interaction.
//
//   node --test tests/browser/scorm-assess.test.mjs   (needs target/release/darslik,
//   or DARSLIK_BIN)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { execFileSync } from 'node:child_process';
import { launch, repoRoot } from './lib.mjs';
import { keptCmi, launchFiles, openLms as openLmsWith, serve, unzip } from './scormlms.mjs';

const FIXTURE = path.join(repoRoot, 'tests', 'fixtures', 'assess');
const STATIC = path.join(repoRoot, 'themes', 'default', 'static');
const PRE = 'm1/02-pre-test';
const GRADED = 'm1/03-graded';
const POST = 'm1/04-post-test';

let browser;
let out;
const cleanup = [];
before(async () => {
  const bin = process.env.DARSLIK_BIN || path.join(repoRoot, 'target', 'release', 'darslik');
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'darslik-assess-'));
  cleanup.push(out);
  execFileSync(bin, ['build', '--course', FIXTURE, '--out', out, '--format', 'scorm12,scorm2004', '-q'], { stdio: 'pipe' });
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
  for (const d of cleanup) fs.rmSync(d, { recursive: true, force: true });
});

const V = {
  '1.2': {
    init: 'LMSInitialize', term: 'LMSFinish', set: 'LMSSetValue', commit: 'LMSCommit',
    score: 'cmi.core.score.', response: 'student_response', wrong: 'wrong', sep: ',', dot: '.',
    entry: 'cmi.core.entry', exit: 'cmi.core.exit',
  },
  2004: {
    init: 'Initialize', term: 'Terminate', set: 'SetValue', commit: 'Commit',
    score: 'cmi.score.', response: 'learner_response', wrong: 'incorrect', sep: '[,]', dot: '[.]',
    entry: 'cmi.entry', exit: 'cmi.exit',
  },
};

function firstCmi(version) {
  return version === '1.2'
    ? { 'cmi.core.student_id': 'u1', 'cmi.core.student_name': 'Learner, Test', 'cmi.core.credit': 'credit', 'cmi.core.entry': 'ab-initio', 'cmi.core.lesson_mode': 'normal', 'cmi.student_data.mastery_score': '60' }
    : { 'cmi.learner_id': 'u1', 'cmi.learner_name': 'Learner, Test', 'cmi.credit': 'credit', 'cmi.entry': 'ab-initio', 'cmi.mode': 'normal' };
}

/** What an LMS keeps for the next launch (objectives included). */
const kept = (flat, version) => keptCmi(flat, version, V);

const openLms = (srv) => openLmsWith(browser, srv);

async function launchSco(page, version, href, cmi) {
  await page.evaluate(([v, h, c]) => window.lms.launch(v, h, c), [version, href, cmi]);
  const handle = await page.waitForSelector('#sco');
  await page.waitForFunction(() => {
    const w = document.getElementById('sco').contentWindow;
    return w && w.darslikDoc && w.darslikScorm && w.darslikAssess && w.document.readyState === 'complete';
  });
  return handle.contentFrame();
}

async function closeSco(page, version) {
  await page.evaluate(() => window.lms.close());
  await page.waitForFunction((t) => window.lms.calls.some((c) => c.fn === t), V[version].term, { timeout: 5000 });
  return page.evaluate(() => window.lms.calls);
}

/** Interactions set by the SCO, in order: [{id, type, ...}]. */
function interactions(calls, version) {
  const list = [];
  for (const c of calls) {
    if (c.fn !== V[version].set) continue;
    const m = c.args[0].match(/^cmi\.interactions\.(\d+)\.(.+)$/);
    if (m) (list[Number(m[1])] ||= {})[m[2]] = c.args[1];
  }
  return list;
}

function lastSet(calls, version) {
  const set = {};
  for (const c of calls) if (c.fn === V[version].set) set[c.args[0]] = c.args[1];
  return set;
}

function decodeSuspend(data) {
  const window = {};
  vm.runInNewContext(fs.readFileSync(path.join(STATIC, 'scorm-state.js'), 'utf8'), { window });
  return JSON.parse(JSON.stringify(window.darslikState.decode(data)));
}

// ---------------------------------------------------------------- driving the module

/** Show page `key` of the module (the pager's own API). */
async function show(frame, key) {
  await frame.evaluate((k) => {
    const m = JSON.parse(document.querySelector('script.progress-data').textContent);
    window.darslikDoc.show(m.pages.indexOf(k + '.md'));
  }, key);
}

/** The questions of a test page as drawn now: [{qid, kind, key}] (keys unsealed by forms.js). */
function drawn(frame, page) {
  return frame.evaluate((p) => {
    const root = document.querySelector(`.doc-locale:not([hidden]) .assess[data-assess="${p}"]`).closest('.doc-page');
    return [...root.querySelectorAll('.quiz-graded .quiz-q')]
      .filter((fs) => !fs.hidden)
      .map((fs) => ({ qid: fs.dataset.qid, kind: fs.dataset.kind, key: window.darslikForms.key(fs) }));
  }, page);
}

/** The right response of a question from its key. */
function rightOf(q) {
  if (q.kind === 'single') return q.key.a[0];
  // A number inside the first range when there is one ("18..20" is a
  // range, not a text to type), else the first accepted answer.
  if (q.kind === 'short') return q.key.r && q.key.r.length ? String(q.key.r[0][0]) : q.key.s[0];
  return q.key.a.slice();
}

/** A wrong response of a question. */
function wrongOf(q) {
  const a = q.key.a || [];
  if (q.kind === 'single') return a[0] === 0 ? 1 : 0;
  if (q.kind === 'multiple') return [a[0]];
  if (q.kind === 'matching' || q.kind === 'ordering') return [...a.slice(1), a[0]];
  // A number for a numeric key (a numeric interaction), else words.
  const r = q.key.r || [];
  return r.length && r.length === q.key.s.length ? String(r[0][1] + 1) : 'nothing like it';
}

/** Put `resp` into question `qid` of the visible locale the way a learner
 * does: radios and checkboxes clicked, selects chosen, text typed; an
 * ordering is put in place by forms.js (its buttons move one step). */
async function respond(frame, qid, kind, resp) {
  const fs = frame.locator(`.doc-locale:not([hidden]) fieldset.quiz-q[data-qid="${qid}"]`);
  if (kind === 'single') {
    await fs.locator(`input[value="${resp}"]`).check();
  } else if (kind === 'multiple') {
    const inputs = fs.locator('input');
    for (let i = 0; i < (await inputs.count()); i++) {
      const input = inputs.nth(i);
      await input.setChecked(resp.includes(Number(await input.getAttribute('value'))));
    }
  } else if (kind === 'matching') {
    for (let i = 0; i < resp.length; i++) {
      await fs.locator(`.quiz-pair[data-left="${i}"] select`).selectOption(resp[i] < 0 ? '' : String(resp[i]));
    }
  } else if (kind === 'short') {
    await fs.locator('input[type=text]').fill(String(resp));
  } else {
    await fs.evaluate((el, r) => window.darslikForms.write(el, r), resp);
  }
}

async function submit(frame, page) {
  const panel = frame.locator(`.doc-locale:not([hidden]) .assess[data-assess="${page}"]`);
  await panel.locator('.assess-submit').click();
  await panel.locator('.assess-submit').click();
  await frame.waitForFunction((p) => window.darslikAssess.state(p).done, page);
}

async function again(frame, page) {
  await frame.locator(`.doc-locale:not([hidden]) .assess[data-assess="${page}"] .assess-again`).click();
  await frame.waitForFunction((p) => !window.darslikAssess.state(p).done, page);
}

/** Answer the drawn questions of a test (right: a set of qids answered right), submit; the attempt. */
async function attempt(frame, page, right) {
  await show(frame, page);
  const qs = await drawn(frame, page);
  const results = [];
  for (const q of qs) {
    const ok = right(q);
    const resp = ok ? rightOf(q) : wrongOf(q);
    await respond(frame, q.qid, q.kind, resp);
    results.push({ ...q, resp, ok });
  }
  await submit(frame, page);
  const score = Math.round((100 * results.filter((r) => r.ok).length) / results.length);
  assert.equal((await frame.evaluate((p) => window.darslikAssess.state(p).att, page)).at(-1), score, `${page}: the attempt's score`);
  return { page, results, score };
}

async function check(frame, qid) {
  await frame.locator(`.doc-locale:not([hidden]) fieldset.quiz-q[data-qid="${qid}"] .quiz-check`).click();
  await frame.waitForFunction((id) => !!window.darslikProgress.state().answers[id], qid);
}

// ---------------------------------------------------------------- what the interactions must be

const ID = 'abcdefghijklmnopqrstuvwxyz0123456789';
const interactionId = (qid, pre) => (pre ? 'pre-' : '') + qid.split('/').map(encodeURIComponent).join('_');

/** The interaction a response must give, by the contract's rules (independent of scorm.js). */
function expected(version, q, resp, pre) {
  const { sep, dot } = V[version];
  const letters = (list) => list.map((i) => ID[i]).join(sep);
  const a = q.key.a;
  let type, patterns, response;
  if (q.kind === 'single' || q.kind === 'multiple') {
    type = 'choice';
    patterns = [letters(a)];
    response = letters(Array.isArray(resp) ? resp : [resp]);
  } else if (q.kind === 'matching') {
    type = 'matching';
    patterns = [a.map((_, i) => `${i + 1}${dot}${ID[i]}`).join(sep)];
    response = resp.map((v, i) => (v < 0 ? null : `${i + 1}${dot}${ID[a.indexOf(v)]}`)).filter(Boolean).join(sep);
  } else if (q.kind === 'ordering') {
    type = 'sequencing';
    patterns = [letters(a.map((_, i) => i))];
    response = letters(resp.map((v) => a.indexOf(v)));
  } else {
    const text = String(resp).trim();
    const isNumber = /^-?\d+([.,]\d+)?$/.test(text);
    const allNumbers = q.key.r.length === q.key.s.length;
    const range = q.key.r.some(([lo, hi]) => lo !== hi);
    if (isNumber && allNumbers && (version === '1.2' ? !range : q.key.r.length === 1)) {
      type = 'numeric';
      patterns = q.key.r.map(([lo, hi]) => (lo === hi ? String(lo) : `${lo}[:]${hi}`));
      response = text.replace(',', '.');
    } else {
      type = 'fill-in';
      patterns = q.key.s.slice(0, 10);
      response = text;
    }
  }
  return { id: interactionId(q.qid, pre), type, patterns, response };
}

/** Interaction `it` is the one expected for response `resp` of `q`, and valid for its version. */
function assertInteraction(it, version, q, resp, ok, pre, what) {
  const v = V[version];
  const want = expected(version, q, resp, pre);
  assert.equal(it.id, want.id, `${what}: id`);
  assert.equal(it.type, want.type, `${what}: type`);
  const patterns = Object.keys(it).filter((k) => /^correct_responses\.\d+\.pattern$/.test(k)).sort().map((k) => it[k]);
  assert.deepEqual(patterns, want.patterns, `${what}: correct_responses`);
  assert.equal(it[v.response], want.response, `${what}: ${v.response}`);
  assert.equal(it.result, ok ? 'correct' : v.wrong, `${what}: result`);
  if (version === '1.2') {
    // SCORM 1.2 RTE 3.4.4: single characters [0-9a-z]; a number; any text for fill-in.
    const one = '[0-9a-z]';
    const syntax = {
      choice: new RegExp(`^${one}(,${one})*$`),
      matching: new RegExp(`^${one}\\.${one}(,${one}\\.${one})*$`),
      sequencing: new RegExp(`^${one}(,${one})*$`),
      numeric: /^-?\d+(\.\d+)?$/,
      'fill-in': /^.{1,255}$/,
    }[it.type];
    for (const p of [...patterns, it[v.response]]) assert.match(p, syntax, `${what}: ${p} is valid SCORM 1.2 ${it.type}`);
    assert.match(it.id, /^[\u0021-\u007E]{1,255}$/, `${what}: id is a CMIIdentifier`);
  }
}

// ---------------------------------------------------------------- the test

for (const [version, folder] of [['1.2', 'scorm12'], ['2004', 'scorm2004']]) {
  test(`SCORM ${version}: graded attempts, typed interactions, the pre-test objective, resume`, async () => {
    const v = V[version];
    const dir = unzip(path.join(out, folder, 'assess-fixture-en.zip'));
    cleanup.push(dir);
    const href = launchFiles(dir)['RES-m1'];
    assert.equal(href, 'm1.html');
    const srv = await serve(dir);
    const { context, page, problems } = await openLms(srv);
    try {
      let frame = await launchSco(page, version, href, firstCmi(version));
      // Walk every page (completion), then answer.
      let pos = await frame.evaluate(() => window.darslikDoc.position());
      while (pos.index < pos.count - 1) {
        await frame.click('.doc-locale:not([hidden]) .doc-pager .pager-next');
        pos = await frame.evaluate(() => window.darslikDoc.position());
      }

      // Practice: the new forms, checked one by one.
      await show(frame, 'm1/01-practice');
      const practice = [
        ['m1/01-practice/3', 'matching', [0, 2, -1], false],
        ['m1/01-practice/4', 'ordering', [2, 1, 0, 3], false],
        ['m1/01-practice/5', 'short', 'Article 3', true],
        ['m1/01-practice/6', 'short', '18,0', true],
        ['m1/01-practice/7', 'short', '19', true],
      ];
      for (const [qid, kind, resp] of practice) {
        await respond(frame, qid, kind, resp);
        await check(frame, qid);
      }

      // The pre-test: 1 of 3 right.
      const pre = await attempt(frame, PRE, (q) => q.kind === 'single');
      assert.equal(pre.score, 33);
      // The graded page: all right, then a worse second attempt.
      const graded1 = await attempt(frame, GRADED, () => true);
      await again(frame, GRADED);
      const graded2 = await attempt(frame, GRADED, (q) => q.kind === 'short');
      // The post-test: all wrong, then all right (3 of 5 drawn each time).
      const post1 = await attempt(frame, POST, () => false);
      const afterPost1 = lastSet(await page.evaluate(() => window.lms.calls), version);
      assert.equal(Number(afterPost1[v.score + 'raw']), 50, 'every test submitted: graded 100 and post-test 0, weighted by questions');
      await again(frame, POST);
      const post2 = await attempt(frame, POST, () => true);
      assert.deepEqual([graded1.score, graded2.score, post1.score, post2.score], [100, 33, 0, 100]);
      const status = await frame.evaluate(() =>
        window.darslikProgress.moduleStatus(JSON.parse(document.querySelector('script.progress-data').textContent)));
      assert.equal(status.percent, 100, 'module score: the best attempts of the graded page and the post-test; the pre-test does not count');

      // After the last attempt nothing more is recorded: a stray event, a
      // change to a locked question.
      const before = (await page.evaluate(() => window.lms.calls)).length;
      await frame.evaluate((p) => window.darslik.onSubmit({ page: p, kind: 'post-test', attempt: 3, score: 0, best: 0, last: true, results: [{ qid: p + '/1', kind: 'single', response: 0, correct: false, key: { a: [1] } }] }), POST);
      await frame.evaluate((p) => window.darslik.onSubmit({ page: p, kind: 'post-test', attempt: 2, score: 0, best: 0, last: true, results: [{ qid: p + '/1', kind: 'single', response: 0, correct: false, key: { a: [1] } }] }), POST);
      const stray = (await page.evaluate(() => window.lms.calls)).slice(before);
      assert.deepEqual(stray.filter((c) => c.fn === v.set), [], 'no SetValue for an attempt past the last or one recorded already');

      const keyOf = await frame.evaluate(() => {
        const o = {};
        for (const fs of document.querySelectorAll('.doc-locale:not([hidden]) fieldset.quiz-q')) o[fs.dataset.qid] = window.darslikForms.key(fs);
        return o;
      });
      const stateBefore = await frame.evaluate(() => JSON.parse(JSON.stringify(window.darslikProgress.state())));
      const errors = await frame.evaluate(() => window.darslikScorm.errors);
      const calls = await closeSco(page, version);
      assert.deepEqual(errors, [], 'scorm.js reports no API error');
      assert.deepEqual(calls.filter((c) => c.fn !== 'LMSGetLastError' && c.fn !== 'GetLastError' && c.error && c.error !== '0' && !(version === '2004' && c.fn === 'GetValue' && c.error === '403')), [], 'no API call failed');
      const set = lastSet(calls, version);
      const flat = await page.evaluate(() => window.lms.flat());

      // Interactions: practice (in the order checked), then each attempt's questions.
      const list = interactions(calls, version);
      assert.equal(list.length, practice.length + [pre, graded1, graded2, post1, post2].reduce((n, a) => n + a.results.length, 0), 'one interaction per practice check and per question of each attempt');
      let n = 0;
      for (const [qid, kind, resp, ok] of practice) {
        assertInteraction(list[n], version, { qid, kind, key: keyOf[qid] }, resp, ok, false, `practice ${qid}`);
        n++;
      }
      // Each attempt's questions in source order (assess.js results), whatever order they were shown in.
      const qnum = (qid) => Number(qid.split('/').pop());
      for (const a of [pre, graded1, graded2, post1, post2]) {
        for (const r of a.results.slice().sort((x, y) => qnum(x.qid) - qnum(y.qid))) {
          assertInteraction(list[n], version, r, r.resp, r.ok, a === pre, `${a.page} ${r.qid}`);
          n++;
        }
      }
      // The forms of the fixture, spelled out.
      const byId = (id) => list.filter((it) => it.id === id);
      const sep = v.sep;
      assert.deepEqual(
        [byId('m1_01-practice_3')[0]['correct_responses.0.pattern'], byId('m1_01-practice_3')[0][v.response]],
        [['1.a', '2.b', '3.c'].join(sep).replaceAll('.', v.dot), ['1.b', '2.a'].join(sep).replaceAll('.', v.dot)],
        'matching: left items 1, 2, 3 with right sides a, b, c in source order; an unanswered left item is left out',
      );
      assert.deepEqual([byId('m1_01-practice_4')[0]['correct_responses.0.pattern'], byId('m1_01-practice_4')[0][v.response]],
        [['a', 'b', 'c', 'd'].join(sep), ['b', 'a', 'c', 'd'].join(sep)], 'sequencing: items named by their place in the right order');
      const range = byId('m1_01-practice_7')[0];
      assert.deepEqual([range.type, range['correct_responses.0.pattern'], range[v.response]],
        version === '1.2' ? ['fill-in', '18..20', '19'] : ['numeric', '18[:]20', '19'], 'a range: 1.2 fill-in "18..20", 2004 numeric "18[:]20"');
      const number = byId('m1_01-practice_6')[0];
      assert.deepEqual([number.type, number['correct_responses.0.pattern'], number[v.response]], ['numeric', '18', '18.0'], 'a number: numeric');
      const words = byId('m1_01-practice_5')[0];
      assert.deepEqual([words.type, words['correct_responses.0.pattern'], words['correct_responses.1.pattern'], words['correct_responses.2.pattern'], words[v.response]],
        ['fill-in', '3', 'article 3', 'art. 3', 'Article 3'], 'words: fill-in, one pattern per accepted answer');
      const preNumber = byId('pre-m1_02-pre-test_3')[0];
      assert.deepEqual([preNumber.type, preNumber['correct_responses.0.pattern'], preNumber[v.response], preNumber.result], ['numeric', '18', '19', v.wrong], 'the pre-test number, with the pre- prefix');
      assert.ok(list.every((it) => it.id.startsWith('pre-') === it.id.includes('02-pre-test')), 'exactly the pre-test interactions carry pre-');

      // The pre-test objective; the module's score and status.
      const objectives = Object.fromEntries(Object.entries(flat).filter(([k]) => k.startsWith('cmi.objectives.0.')));
      assert.equal(flat['cmi.objectives.0.id'], 'pre-test', `objective 0 is the pre-test: ${JSON.stringify(objectives)}`);
      assert.equal(Number(flat['cmi.objectives.0.score.raw']), 33, 'its score.raw');
      assert.equal(Number(flat['cmi.objectives.0.score.min']), 0);
      assert.equal(Number(flat['cmi.objectives.0.score.max']), 100);
      if (version === '1.2') assert.equal(flat['cmi.objectives.0.status'], 'completed');
      else assert.equal(flat['cmi.objectives.0.completion_status'], 'completed');
      assert.equal(flat['cmi.objectives.1.id'], undefined, 'one objective');
      assert.equal(Number(set[v.score + 'raw']), 100, 'score.raw = the best attempts, not lowered by graded attempt 2 nor by the pre-test');
      const raws = calls.filter((c) => c.fn === v.set && c.args[0] === v.score + 'raw').map((c) => Number(c.args[1]));
      assert.deepEqual(raws, [50, 100], 'score.raw written when every test is submitted, then only upwards');
      if (version === '1.2') {
        assert.equal(set['cmi.core.lesson_status'], 'passed');
      } else {
        assert.deepEqual([set['cmi.completion_status'], set['cmi.success_status'], Number(set['cmi.score.scaled'])], ['completed', 'passed', 1]);
      }

      // suspend_data: version 2, every test with its attempts.
      const data = set['cmi.suspend_data'];
      assert.ok(data.startsWith('2.') && data.length <= 4096, data);
      const saved = decodeSuspend(data);
      assert.deepEqual(saved.tests.map((t) => t && [t.att, t.done]), [[[33], true], [[100, 33], true], [[0, 100], true]]);

      // Relaunch with what the LMS kept.
      frame = await launchSco(page, version, href, { ...firstCmi(version), ...kept(flat, version) });
      const state = await frame.evaluate(() => JSON.parse(JSON.stringify(window.darslikProgress.state())));
      for (const p of [PRE, GRADED, POST]) {
        const was = saved.tests[[PRE, GRADED, POST].indexOf(p)];
        assert.deepEqual([state.tests[p].att, state.tests[p].done, state.tests[p].seed], [was.att, was.done, was.seed], `${p}: attempts, done and seed come back`);
      }
      assert.deepEqual(state.tests[POST].r, Object.fromEntries(post2.results.map((r) => [r.qid, r.resp])), 'the post-test responses come back');
      assert.deepEqual(state.tests[PRE].r, Object.fromEntries(pre.results.map((r) => [r.qid, r.resp])), 'the pre-test responses come back');
      assert.deepEqual(state.tests, stateBefore.tests, 'state.tests as before');
      for (const [qid, , resp] of practice) {
        assert.deepEqual(state.answers[qid].r, resp, `practice ${qid} comes back`);
      }
      await show(frame, POST);
      const panel = await frame.evaluate((p) => {
        const el = document.querySelector(`.doc-locale:not([hidden]) .assess[data-assess="${p}"]`);
        return { submit: el.querySelector('.assess-submit').hidden, again: el.querySelector('.assess-again').hidden, status: el.querySelector('.assess-status').textContent };
      }, POST);
      assert.deepEqual([panel.submit, panel.again], [true, true], `the post-test has no attempt left: ${panel.status}`);
      const calls2 = await closeSco(page, version);
      assert.equal(interactions(calls2, version).length, 0, 'relaunch writes no new interaction');
      assert.deepEqual(calls2.filter((c) => c.fn === v.set && /objectives/.test(c.args[0])), [], 'nor the objective again');
      const set2 = lastSet(calls2, version);
      if (set2[v.score + 'raw'] !== undefined) assert.equal(Number(set2[v.score + 'raw']), 100);
      assert.deepEqual(problems, [], 'no request outside the package, no error');
    } finally {
      await context.close();
      await srv.close();
    }
  });
}

// ---------------------------------------------------------------- suspend_data budget (Node)

test('scorm.js keeps a 40-question graded module with a pre-test within 4096, cutting texts', () => {
  const PAGES = 40;
  const pages = [...Array(PAGES).keys()].map((i) => `big/${String(i).padStart(2, '0')}-page.md`);
  const tests = [
    { page: 'big/01-page', kind: 'pre-test', n: 40, pool: 40, attempts: 1 },
    { page: 'big/02-page', kind: 'post-test', n: 40, pool: 40, attempts: 3 },
  ];
  const tqids = Object.fromEntries(tests.map((t) => [t.page, [...Array(40).keys()].map((i) => `${t.page}/${i + 1}`)]));
  const el = (attrs, children = {}) => ({
    getAttribute: (k) => (k in attrs ? attrs[k] : null),
    querySelectorAll: (sel) => children[sel] || [],
  });
  const fieldsets = Object.values(tqids).flat().map((qid) => el({ 'data-qid': qid, 'data-kind': 'short' }, { input: [0] }));
  const json = JSON.stringify({ module: 'big', pages, qids: [], tests, tqids, mastery: 60, t: {} });
  const sets = [];
  const api = {
    LMSInitialize: () => 'true',
    LMSGetValue: () => '',
    LMSSetValue: (k, val) => { sets.push([k, val]); return 'true'; },
    LMSCommit: () => 'true',
    LMSFinish: () => 'true',
    LMSGetLastError: () => '0',
  };
  const window = { API: api, addEventListener() {}, location: {} };
  window.parent = window;
  window.top = window;
  window.document = {
    addEventListener() {},
    body: el({ 'data-kind': 'module-doc', 'data-scorm-version': '1.2' }),
    querySelector: (sel) => (sel === 'script.progress-data' ? { textContent: json } : null),
    querySelectorAll: (sel) =>
      sel === '.doc-locale' ? ['en', 'ru', 'uz'].map((t) => el({ 'data-locale': t }))
        : sel === 'fieldset.quiz-q' ? fieldsets : [],
  };
  const context = vm.createContext({ window, document: window.document, Date, JSON, Math, String, Object, parseInt, parseFloat, isNaN, encodeURIComponent });
  for (const f of ['scorm-state.js', 'scorm.js']) {
    vm.runInContext(fs.readFileSync(path.join(STATIC, f), 'utf8'), context, { filename: f });
  }
  // Every question answered with 60 characters of 3 bytes, 3 attempts used.
  const text = '‘'.repeat(60);
  const state = { seen: Object.fromEntries(pages.map((p) => [p, 1])), answers: {}, last: pages[PAGES - 1], lang: 'uz', tests: {} };
  for (const t of tests) {
    state.tests[t.page] = { seed: 2 ** 30 - 1, att: t.attempts === 1 ? [99] : [99, 98, 97], done: true, r: Object.fromEntries(tqids[t.page].map((q) => [q, text])) };
  }
  window.darslikProgress = {
    state: () => state,
    moduleStatus: () => ({ seen: PAGES, pages: PAGES, correct: 40, answered: 40, total: 40, percent: 99, completed: true, passed: true, graded: true }),
  };
  window.darslikStore.save(state);
  const data = sets.filter(([k]) => k === 'cmi.suspend_data').map(([, val]) => val).pop();
  assert.equal(window.darslikScorm.errors.length, 0, String(window.darslikScorm.errors));
  assert.equal(data.length, 4041, 'as the Rust test graded_module_40_questions_3_attempts_and_a_pre_test');
  assert.equal(window.darslikScorm.cut, 38, 'every text cut to 38 bytes (12 characters of 3 bytes)');
  const back = decodeSuspend(data);
  assert.deepEqual(back.tests.map((t) => t.att), [[99], [99, 98, 97]]);
  assert.equal(back.tests[1].r[0].text, '‘'.repeat(12));
});
