// Case scenarios in a SCORM LMS (issue 20; SPEC §6, §8; contract 20 §5).
//
// The fixture course tests/fixtures/scenario (one module, m1, whose only
// scored items are two scenarios: 01-station, best path 6 points, and
// 02-mixed, best path 1 point) is built into a temp folder as SCORM 1.2 and
// 2004, served with the test LMS of scormlms.mjs (scorm-again, every API
// call recorded), and played in headless Chromium:
//   - one interaction per choice made, repeats too: type choice, id
//     "m1_01-station_s1_<step id>", the choice's letter as the response, the
//     step's good choices as correct_responses, result correct or
//     wrong/incorrect (valid SCORM 1.2 syntax; scorm-again checks 2004);
//   - the module's score: each scenario counts as one question, its best
//     finished run's percent as a fraction (progress.js moduleStatus), in
//     cmi.core.score.raw / cmi.score.raw once both are finished, then only
//     upwards;
//   - suspend_data version 3 holds the runs; a relaunch with what the LMS
//     kept resumes each scenario at its step with its path, writing no new
//     interaction.
//
//   node --test tests/browser/scorm-scenario.test.mjs   (needs target/release/darslik,
//   or DARSLIK_BIN)

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { execFileSync } from 'node:child_process';
import { launch, repoRoot } from './lib.mjs';
import { keptCmi, launchFiles, openLms as openLmsWith, serve, unzip } from './scormlms.mjs';

const FIXTURE = path.join(repoRoot, 'tests', 'fixtures', 'scenario');
const STATIC = path.join(repoRoot, 'themes', 'default', 'static');
const STATION = 'm1/01-station';
const MIXED = 'm1/02-mixed';
const S1 = `${STATION}/s1`;
const S2 = `${MIXED}/s1`;

let browser;
let out;
const cleanup = [];
/** The fixture built and Chromium started, once, for the browser tests only. */
async function ready() {
  if (browser) return;
  const bin = process.env.DARSLIK_BIN || path.join(repoRoot, 'target', 'release', 'darslik');
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'darslik-scenario-'));
  cleanup.push(out);
  execFileSync(bin, ['build', '--course', FIXTURE, '--out', out, '--format', 'scorm12,scorm2004', '-q'], { stdio: 'pipe' });
  browser = await launch();
}
after(async () => {
  if (browser) await browser.close();
  for (const d of cleanup) fs.rmSync(d, { recursive: true, force: true });
});

const V = {
  '1.2': {
    set: 'LMSSetValue', term: 'LMSFinish', score: 'cmi.core.score.', response: 'student_response', wrong: 'wrong',
    entry: 'cmi.core.entry', exit: 'cmi.core.exit', status: 'cmi.core.lesson_status',
  },
  2004: {
    set: 'SetValue', term: 'Terminate', score: 'cmi.score.', response: 'learner_response', wrong: 'incorrect',
    entry: 'cmi.entry', exit: 'cmi.exit', status: 'cmi.success_status',
  },
};

function firstCmi(version) {
  return version === '1.2'
    ? { 'cmi.core.student_id': 'u1', 'cmi.core.student_name': 'Learner, Test', 'cmi.core.credit': 'credit', 'cmi.core.entry': 'ab-initio', 'cmi.core.lesson_mode': 'normal', 'cmi.student_data.mastery_score': '60' }
    : { 'cmi.learner_id': 'u1', 'cmi.learner_name': 'Learner, Test', 'cmi.credit': 'credit', 'cmi.entry': 'ab-initio', 'cmi.mode': 'normal' };
}

/** What an LMS keeps for the next launch. */
const kept = (flat, version) => keptCmi(flat, version, V);

const openLms = (srv) => openLmsWith(browser, srv);

async function launchSco(page, version, href, cmi) {
  await page.evaluate(([v, h, c]) => window.lms.launch(v, h, c), [version, href, cmi]);
  const handle = await page.waitForSelector('#sco');
  await page.waitForFunction(() => {
    const w = document.getElementById('sco').contentWindow;
    return w && w.darslikDoc && w.darslikScorm && w.document.readyState === 'complete' &&
      w.document.querySelector('section.scenario[data-scenario-ready]');
  });
  return handle.contentFrame();
}

async function closeSco(page, version) {
  await page.evaluate(() => window.lms.close());
  await page.waitForFunction((t) => window.lms.calls.some((c) => c.fn === t), V[version].term, { timeout: 5000 });
  return page.evaluate(() => window.lms.calls);
}

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

const VIS = '.doc-locale:not([hidden])';

async function show(frame, key) {
  await frame.evaluate((k) => {
    const m = JSON.parse(document.querySelector('script.progress-data').textContent);
    window.darslikDoc.show(m.pages.indexOf(k + '.md'));
  }, key);
}

const section = (sid) => `${VIS} section.scenario[data-sid="${sid}"]`;

/** The step shown now in scenario `sid`. */
function shownStep(frame, sid) {
  return frame.evaluate((sel) => {
    const steps = [...document.querySelector(sel).querySelectorAll('.scenario-step')].filter((s) => !s.hidden);
    return steps.length === 1 ? steps[0].dataset.step : steps.map((s) => s.dataset.step).join(',');
  }, section(sid));
}

/** Make choice `index` of the shown step, which must be `step`, the way a learner does (a click). */
async function choose(frame, sid, step, index) {
  assert.equal(await shownStep(frame, sid), step, `${sid}: at ${step}`);
  await frame.locator(`${section(sid)} .scenario-step[data-step="${step}"] a.scenario-choice[data-choice="${index}"]`).click();
}

async function restart(frame, sid) {
  await frame.locator(`${section(sid)} .scenario-bar .scenario-restart`).click();
}

/** The good choices of each step, by the contract's rule, from the fixture's graph. */
const STATION_GOOD = { start: [1], employer: [0], interpreter: [0], passport: [0], story: [0] };
const MIXED_GOOD = { start: [0] };
const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';

for (const [version, folder] of [['1.2', 'scorm12'], ['2004', 'scorm2004']]) {
  test(`SCORM ${version}: one interaction per scenario choice, the module score, resume`, async () => {
    await ready();
    const v = V[version];
    const zips = fs.readdirSync(path.join(out, folder)).filter((n) => n.endsWith('-en.zip'));
    assert.equal(zips.length, 1, `one English zip: ${zips}`);
    const dir = unzip(path.join(out, folder, zips[0]));
    cleanup.push(dir);
    const href = launchFiles(dir)['RES-m1'];
    assert.ok(href, 'the module m1 is a SCO');
    const srv = await serve(dir);
    const { context, page, problems } = await openLms(srv);
    try {
      let frame = await launchSco(page, version, href, firstCmi(version));
      const m = await frame.evaluate(() => JSON.parse(document.querySelector('script.progress-data').textContent));
      assert.deepEqual(m.scen.map((s) => s.id), [S1, S2], 'progress-data scen: both scenarios, in module order');
      assert.deepEqual(m.qids, [], 'no questions: the scenarios alone make the score');

      // Scenario 1, a poor run: the "go back" loop once, a weaker branch, a
      // weaker ending: -1 + 0 + 2 + 1 + 0 + 0 = 2 of 6 points.
      await show(frame, STATION);
      const made = [];
      const run = async (sid, good, steps) => {
        for (const [step, index] of steps) {
          await choose(frame, sid, step, index);
          made.push({ sid, step, index, ok: good[step].includes(index) });
        }
      };
      await run(S1, STATION_GOOD, [['start', 0], ['employer', 0], ['start', 1], ['interpreter', 1], ['passport', 0], ['story', 1]]);
      assert.equal(await shownStep(frame, S1), 'partial', 'the run ends at "partial"');
      let st = await frame.evaluate((sid) => JSON.parse(JSON.stringify(window.darslikProgress.state().scen[sid])), S1);
      assert.deepEqual(st, { p: [0, 0, 1, 1, 0, 1], d: 1, b: 33 }, 'state.scen: the run, finished, 33%');
      let set = lastSet(await page.evaluate(() => window.lms.calls), version);
      assert.equal(set[v.score + 'raw'], undefined, 'no score while a scenario is unfinished');

      // Scenario 2: the good choice, 100%.
      await show(frame, MIXED);
      await run(S2, MIXED_GOOD, [['start', 0]]);
      const first = Math.round(((33 + 100) / 100) * 100 / 2);
      set = lastSet(await page.evaluate(() => window.lms.calls), version);
      assert.equal(Number(set[v.score + 'raw']), first, 'both finished: each counts as one question');

      // Scenario 1 again, the best path: the module's score goes up.
      await show(frame, STATION);
      await restart(frame, S1);
      await run(S1, STATION_GOOD, [['start', 1], ['interpreter', 0], ['story', 0]]);
      assert.equal(await shownStep(frame, S1), 'referral');
      set = lastSet(await page.evaluate(() => window.lms.calls), version);
      assert.equal(Number(set[v.score + 'raw']), 100, 'the best finished runs: 100');
      // A new run under way, one choice in: the best stays.
      await restart(frame, S1);
      await run(S1, STATION_GOOD, [['start', 1]]);
      const status = await frame.evaluate((mm) => window.darslikProgress.moduleStatus(mm), m);
      assert.deepEqual([status.total, status.answered, status.percent], [2, 2, 100], 'moduleStatus: two scenarios, both counted');

      const stateBefore = await frame.evaluate(() => JSON.parse(JSON.stringify(window.darslikProgress.state().scen)));
      const errors = await frame.evaluate(() => window.darslikScorm.errors);
      const calls = await closeSco(page, version);
      assert.deepEqual(errors, [], 'scorm.js reports no API error');
      assert.deepEqual(calls.filter((c) => !/GetLastError$/.test(c.fn) && c.error && c.error !== '0' &&
        !(version === '2004' && c.fn === 'GetValue' && c.error === '403')), [], 'no API call failed');
      set = lastSet(calls, version);
      const flat = await page.evaluate(() => window.lms.flat());

      // One interaction per choice, in order, repeats too.
      const list = interactions(calls, version);
      assert.equal(list.length, made.length, 'one interaction per choice made');
      made.forEach((c, i) => {
        const it = list[i], what = `choice ${i + 1} (${c.sid} ${c.step})`;
        const good = (c.sid === S1 ? STATION_GOOD : MIXED_GOOD)[c.step];
        assert.equal(it.id, `${c.sid.replaceAll('/', '_')}_${c.step}`, `${what}: id`);
        assert.equal(it.type, 'choice', `${what}: type`);
        assert.equal(it[v.response], LETTERS[c.index], `${what}: the choice's letter`);
        const patterns = Object.keys(it).filter((k) => /^correct_responses\.\d+\.pattern$/.test(k)).sort().map((k) => it[k]);
        assert.deepEqual(patterns, good.map((g) => LETTERS[g]), `${what}: the step's good choices`);
        assert.equal(it.result, c.ok ? 'correct' : v.wrong, `${what}: result`);
        if (version === '1.2') {
          assert.match(it.id, /^[\u0021-\u007E]{1,255}$/, `${what}: id is a CMIIdentifier`);
          for (const p of [...patterns, it[v.response]]) assert.match(p, /^[0-9a-z]$/, `${what}: ${p} is a 1.2 choice`);
          assert.match(it.time, /^\d\d:\d\d:\d\d$/, `${what}: time`);
        } else {
          assert.match(it.timestamp, /^\d{4}-\d\d-\d\dT/, `${what}: timestamp`);
        }
      });
      assert.deepEqual(list.map((it) => it.id.split('_').pop()),
        ['start', 'employer', 'start', 'interpreter', 'passport', 'story', 'start', 'start', 'interpreter', 'story', 'start'],
        'the step of every choice, the start three times');
      // Stored by the LMS too (scorm-again's CMI).
      assert.equal(flat['cmi.interactions.0.id'], 'm1_01-station_s1_start');
      assert.equal(flat[`cmi.interactions.${made.length - 1}.id`], 'm1_01-station_s1_start');

      // The score: written when both were finished, then only upwards.
      const raws = calls.filter((c) => c.fn === v.set && c.args[0] === v.score + 'raw').map((c) => Number(c.args[1]));
      assert.deepEqual(raws, [first, 100], 'score.raw: both scenarios counted, then the better run');
      assert.equal(Number(flat[v.score + 'raw']), 100);
      if (version === '1.2') {
        assert.equal(set['cmi.core.lesson_status'], 'passed');
      } else {
        assert.deepEqual([set['cmi.success_status'], Number(set['cmi.score.scaled'])], ['passed', 1]);
      }

      // suspend_data: version 3 with both runs.
      const data = set['cmi.suspend_data'];
      assert.ok(data.startsWith('3.') && data.length <= 4096, data);
      const saved = decodeSuspend(data);
      assert.deepEqual(saved.scen, [{ b: 100, d: 0, p: [1] }, { b: 100, d: 1, p: [0] }], `runs in suspend_data ${data}`);

      // Relaunch with what the LMS kept: each scenario at its step with its path.
      frame = await launchSco(page, version, href, { ...firstCmi(version), ...kept(flat, version) });
      const state = await frame.evaluate(() => JSON.parse(JSON.stringify(window.darslikProgress.state().scen)));
      assert.deepEqual(state, stateBefore, 'state.scen comes back');
      await show(frame, STATION);
      assert.equal(await shownStep(frame, S1), 'interpreter', 'scenario 1 resumes at its step');
      const said = await frame.evaluate((sel) => document.querySelector(sel).querySelectorAll('.scenario-said').length, section(S1));
      assert.equal(said, 1, 'with the choice that led there');
      await show(frame, MIXED);
      assert.equal(await shownStep(frame, S2), 'left', 'scenario 2 at its ending');
      const calls2 = await closeSco(page, version);
      assert.equal(interactions(calls2, version).length, 0, 'relaunch writes no new interaction');
      const set2 = lastSet(calls2, version);
      if (set2[v.score + 'raw'] !== undefined) assert.equal(Number(set2[v.score + 'raw']), 100);
      assert.deepEqual(problems, [], 'no request outside the package, no error');
    } finally {
      await context.close();
      await srv.close();
    }
  });
}

// ---------------------------------------------------------------- in Node: edge cases of scorm.js

/** scorm.js with a fake API and a fake page: {window, sets}. */
function fakeSco(progress, steps) {
  const el = (attrs, children = {}) => ({
    getAttribute: (k) => (k in attrs ? attrs[k] : null),
    hasAttribute: (k) => k in attrs,
    querySelectorAll: (sel) => children[sel] || [],
  });
  const choices = (good, n) => [...Array(n).keys()].map((i) => el(good.includes(i) ? { 'data-choice': String(i), 'data-good': '' } : { 'data-choice': String(i) }));
  const stepEls = Object.entries(steps).map(([id, [good, n]]) => el({ 'data-step': id }, { 'a.scenario-choice': choices(good, n) }));
  const sections = [el({ 'data-sid': 'm/p/s1' }, { '.scenario-step': stepEls })];
  const json = JSON.stringify(progress);
  const sets = [];
  let count = 0;
  const api = {
    LMSInitialize: () => 'true',
    LMSGetValue: (k) => (k === 'cmi.interactions._count' ? String(count) : ''),
    LMSSetValue: (k, val) => {
      sets.push([k, val]);
      const mm = k.match(/^cmi\.interactions\.(\d+)\.id$/);
      if (mm) count = Math.max(count, Number(mm[1]) + 1);
      return 'true';
    },
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
    querySelectorAll: (sel) => (sel === '.doc-locale' ? [el({ 'data-locale': 'en' })] : sel === 'section.scenario' ? sections : []),
  };
  const context = vm.createContext({ window, document: window.document, Date, JSON, Math, String, Object, parseInt, parseFloat, isNaN, encodeURIComponent });
  for (const f of ['scorm-state.js', 'scorm.js']) {
    vm.runInContext(fs.readFileSync(path.join(STATIC, f), 'utf8'), context, { filename: f });
  }
  return { window, sets };
}

test('scorm.js: a long run keeps its first 64 choices; many good choices give at most 10 patterns', () => {
  const m = { module: 'm', pages: ['m/index.md', 'm/p.md'], qids: [], tests: [], tqids: {}, scen: [{ id: 'm/p/s1', page: 'm/p' }], mastery: 60, t: {} };
  const { window, sets } = fakeSco(m, { loop: [[...Array(12).keys()], 12] });
  const scen = { 'm/p/s1': { p: Array(70).fill(3), d: 1, b: 40 } };
  const state = { seen: { 'm/index.md': 1, 'm/p.md': 1 }, answers: {}, tests: {}, scen, last: 'm/p.md' };
  window.darslikProgress = {
    state: () => state,
    moduleStatus: () => ({ seen: 2, pages: 2, correct: 0.4, answered: 1, total: 1, percent: 40, completed: true, passed: false, graded: false }),
  };
  window.darslik.onChoice({ sid: 'm/p/s1', step: 'loop', choice: 3, target: 'loop', points: 0, good: true, end: false, percent: null });
  assert.equal(window.darslikScorm.errors.length, 0, String(window.darslikScorm.errors));
  const it = Object.fromEntries(sets.filter(([k]) => k.startsWith('cmi.interactions.0.')).map(([k, val]) => [k.slice(19), val]));
  assert.equal(it.id, 'm_p_s1_loop');
  assert.equal(it.student_response, 'd');
  assert.deepEqual(Object.keys(it).filter((k) => k.startsWith('correct_responses')).map((k) => it[k]), [...'abcdefghij'], 'at most 10 patterns');
  assert.equal(it.result, 'correct');
  assert.equal(sets.filter(([k]) => k === 'cmi.core.score.raw').pop()[1], '40', 'a module whose only scored item is a scenario is scored');
  const data = sets.filter(([k]) => k === 'cmi.suspend_data').pop()[1];
  const back = decodeSuspend(data);
  assert.deepEqual(back.scen, [{ b: 40, d: 0, p: Array(64).fill(3) }], 'the first 64 choices, not finished');
});
