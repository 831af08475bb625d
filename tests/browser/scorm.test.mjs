// Real-runtime checks of the SCORM packages (issue 4, acceptance 2; SPEC §6, §7).
//
// Each package is unzipped and served from 127.0.0.1 together with a test LMS
// page (scormlms.mjs) whose API is scorm-again's Scorm12API / Scorm2004API
// (the LMS side, npm), every call recorded. In headless Chromium the test
// launches module-06, walks all its pages with the pager, answers its
// practice quiz (some right, some wrong), sometimes submits its pre-test
// (all right), submits its post-test (some right, some wrong), steps back
// one page and closes the SCO. The module's result is the post-test's
// (issue 19): each case puts the practice score on the other side of the
// pass mark, so that a result taken from practice would show. Then:
//   - exactly one Initialize and one Terminate, nothing after Terminate, no
//     API error, few Commits (not one per page change / answered question);
//   - final status (1.2 passed/failed; 2004 completion + success), score
//     raw/min/max (+ scaled) of the post-test attempt, location,
//     suspend_data (place, practice answers, test attempts), exit,
//     session_time; one interaction per answered practice question (id,
//     type, response, result, correct pattern, timestamp) and per question
//     of each submitted test (pre-test ids start with "pre-"); the pre-test's
//     score is the objective "pre-test", never the module's;
//   - relaunch with the CMI data the LMS kept: resumes on the saved page with
//     the saved practice answers selected and checked and the post-test
//     attempt restored, and records no new interaction.
// For SCORM 1.2 and 2004, in en and ru, and for a multilingual package built
// in a temp copy of the course: switching language mid-module keeps the
// place, the practice answers, the post-test's answers before submitting and
// the score, and the language is resumed.
// No request may leave the package (+ the LMS page and scorm-again).
//
// A Node check (no browser) runs scorm.js against a fake page of 40 pages
// and 60 questions: the suspend_data it writes stays within 4096 characters.
//
//   node --test tests/browser/          (from the repository root; needs the
//   sample course built: cargo run --release -- build)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { execFileSync } from 'node:child_process';
import { dirUrl, dist, formatProblems, launch, offlineContext, repoRoot, watchPage } from './lib.mjs';
import { launchFiles, serve, unzip } from './scormlms.mjs';
import { PRACTICE, answerTest, percentOf, readPanel, readTest, startAgain, submitTest, takeAttempt, testState } from './quizkit.mjs';
import { bounds } from './suspend-bounds.mjs';

const MODULE = 'module-06';
const STATIC = path.join(repoRoot, 'themes', 'default', 'static');
const toml = fs.readFileSync(path.join(repoRoot, 'course.toml'), 'utf8');
const COURSE_ID = toml.match(/^\s*id\s*=\s*"([^"]*)"/m)[1];
const MASTERY = Number(toml.match(/^\s*mastery_score\s*=\s*(\d+)/m)[1]);

let browser;
const cleanup = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
  for (const d of cleanup) fs.rmSync(d, { recursive: true, force: true });
});

// ---------------------------------------------------------------- helpers

const V = {
  '1.2': {
    init: 'LMSInitialize', term: 'LMSFinish', set: 'LMSSetValue', get: 'LMSGetValue', commit: 'LMSCommit',
    status: 'cmi.core.lesson_status', loc: 'cmi.core.lesson_location', score: 'cmi.core.score.', exit: 'cmi.core.exit',
    session: 'cmi.core.session_time', response: 'student_response', wrong: 'wrong', sep: ',',
  },
  2004: {
    init: 'Initialize', term: 'Terminate', set: 'SetValue', get: 'GetValue', commit: 'Commit',
    loc: 'cmi.location', score: 'cmi.score.', exit: 'cmi.exit',
    session: 'cmi.session_time', response: 'learner_response', wrong: 'incorrect', sep: '[,]',
  },
};
const letters = (set, sep) => set.map((i) => String.fromCharCode(97 + i)).join(sep);
/** The interaction id scorm.js derives from a question id. */
const interactionId = (qid) => qid.split('/').map(encodeURIComponent).join('_');

/** Open the LMS page, watching every request and error of the page and its frames. */
async function openLms(srv) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const problems = [];
  const allowed = (url) =>
    url === 'about:blank' || url.startsWith(srv.base + 'pkg/') ||
    [srv.base + 'lms.html', srv.base + 'lib/scorm12.js', srv.base + 'lib/scorm2004.js', srv.base + 'favicon.ico'].includes(url);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url.split('#')[0])) return route.continue();
    problems.push(`request outside the package: ${url}`);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.location()?.url || '')) problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(srv.base + 'lms.html', { waitUntil: 'load' });
  return { context, page, problems };
}

/** Launch a SCO with the CMI data `cmi` (flattened) and wait for its pager. */
async function launchSco(page, version, href, cmi) {
  await page.evaluate(([v, h, c]) => window.lms.launch(v, h, c), [version, href, cmi || null]);
  const handle = await page.waitForSelector('#sco');
  await page.waitForFunction(() => {
    const w = document.getElementById('sco').contentWindow;
    return w && w.darslikDoc && w.darslikScorm && w.document.readyState === 'complete';
  });
  return handle.contentFrame();
}

/** Unload the SCO (pagehide) and return the calls of this launch. */
async function closeSco(page, version) {
  await page.evaluate(() => window.lms.close());
  await page.waitForFunction((t) => window.lms.calls.some((c) => c.fn === t), V[version].term, { timeout: 5000 }).catch(() => {});
  return page.evaluate(() => window.lms.calls);
}

const position = (frame) => frame.evaluate(() => window.darslikDoc.position());
const VISIBLE = '.doc-locale:not([hidden])';
/** The page shown in the visible locale. */
const SHOWN = `${VISIBLE} .doc-page:not([hidden])`;

async function step(frame, dir) {
  const before = await position(frame);
  await frame.click(`${VISIBLE} .doc-pager .pager-${dir}`);
  const now = await position(frame);
  assert.equal(now.index, before.index + (dir === 'next' ? 1 : -1), `pager-${dir} moves one page`);
  return now;
}

/** The practice questions of the visible locale (or of `scope`): [{qid, kind, answer:[i], options}]. */
function readQuestions(frame, scope = VISIBLE) {
  return frame.evaluate(
    ([sel, practice]) =>
      [...document.querySelectorAll(`${sel} ${practice} fieldset.quiz-q`)].map((fs) => ({
        qid: fs.getAttribute('data-qid'),
        kind: fs.getAttribute('data-kind'),
        answer: fs.getAttribute('data-answer').split(',').map(Number),
        options: fs.querySelectorAll('input').length,
      })),
    [scope, PRACTICE],
  );
}

/** A wrong answer: single, the first wrong option; multiple, the right ones minus the last. */
function wrongSet(q) {
  if (q.kind === 'single') return [[...Array(q.options).keys()].find((i) => !q.answer.includes(i))];
  return q.answer.length > 1 ? q.answer.slice(0, -1) : [[...Array(q.options).keys()].find((i) => !q.answer.includes(i))];
}

/** Select `set` in question `q` of the visible locale by clicking, press Check. */
async function answer(frame, q, set) {
  const fs = frame.locator(`${VISIBLE} fieldset.quiz-q[data-qid="${q.qid}"]`);
  const inputs = fs.locator('input');
  for (let i = 0; i < q.options; i++) {
    const input = inputs.nth(i);
    const value = Number(await input.getAttribute('value'));
    if (q.kind === 'single') {
      if (set.includes(value)) await input.check();
    } else {
      await input.setChecked(set.includes(value));
    }
  }
  await fs.locator('button.quiz-check').click();
  await frame.waitForFunction((el) => el.classList.contains('is-checked'), await fs.elementHandle());
}

/** What the visible locale shows for each practice question: checked options and whether it is graded. */
function shownAnswers(frame) {
  return frame.evaluate(([sel, practice]) => {
    const out = {};
    for (const fs of document.querySelectorAll(`${sel} ${practice} fieldset.quiz-q`)) {
      out[fs.getAttribute('data-qid')] = {
        checked: [...fs.querySelectorAll('input')].filter((i) => i.checked).map((i) => Number(i.value)),
        graded: fs.classList.contains('is-checked'),
      };
    }
    return out;
  }, [VISIBLE, PRACTICE]);
}

/** The module's result as the SCO computes it (darslikProgress over its module JSON). */
function moduleStatus(frame) {
  return frame.evaluate(() => {
    const m = JSON.parse(document.querySelector('script.progress-data').textContent);
    return window.darslikProgress.moduleStatus(m);
  });
}

const setCalls = (calls, version) => calls.filter((c) => c.fn === V[version].set);
/** The last value the SCO set for each element. */
function lastSet(calls, version) {
  const out = {};
  for (const c of setCalls(calls, version)) out[c.args[0]] = c.args[1];
  return out;
}

/** Session-level assertions on the calls of one launch. */
function checkSession(calls, version, what) {
  const v = V[version];
  const count = (fn) => calls.filter((c) => c.fn === fn).length;
  assert.equal(count(v.init), 1, `${what}: exactly one ${v.init}`);
  assert.equal(count(v.term), 1, `${what}: exactly one ${v.term}`);
  const iInit = calls.findIndex((c) => c.fn === v.init);
  const iTerm = calls.findIndex((c) => c.fn === v.term);
  assert.equal(iInit, 0, `${what}: ${v.init} is the first call`);
  const after = calls.slice(iTerm + 1).filter((c) => !/GetLastError$/.test(c.fn));
  assert.deepEqual(after.map((c) => c.fn), [], `${what}: no call after ${v.term}`);
  for (const c of calls) {
    if (/GetLastError$/.test(c.fn)) continue;
    // 2004: GetValue of an element not set yet answers error 403, by the standard.
    const okError = c.error === '0' || (version === '2004' && c.fn === 'GetValue' && c.error === '403');
    assert.ok(okError, `${what}: ${c.fn}(${c.args.join(', ')}) failed with error ${c.error}`);
    if (c.fn !== v.get) assert.equal(c.result, 'true', `${what}: ${c.fn}(${c.args.join(', ')}) returned ${c.result}`);
  }
  const set = lastSet(calls, version);
  const time = version === '1.2' ? /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/ : /^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/;
  assert.match(set[v.session] || '', time, `${what}: ${v.session} in the ${version} format`);
  const iSession = calls.findIndex((c) => c.fn === v.set && c.args[0] === v.session);
  const lastCommit = calls.map((c) => c.fn).lastIndexOf(v.commit);
  assert.ok(iSession < lastCommit && lastCommit < iTerm, `${what}: exit and session_time, then Commit, then ${v.term}`);
  return set;
}

/** The CMI data an LMS keeps for the next launch (what the SCO set and the LMS decided). */
function kept(flat, version) {
  const out = {};
  for (const [k, val] of Object.entries(flat)) {
    if (typeof val !== 'string') continue;
    if (/^cmi\.(suspend_data|core\.lesson_location|core\.lesson_status|core\.score\.|location|completion_status|success_status|score\.|progress_measure|interactions\.|objectives\.)/.test(k)) {
      out[k] = val;
    }
  }
  const suspended = flat[V[version].exit] === 'suspend';
  // Moodle's 2004 player gives the data back only after an exit of
  // "suspend" (RTE 4.2.8): otherwise the next launch starts blank.
  if (version === '2004' && !suspended) return { 'cmi.entry': 'ab-initio' };
  out[version === '1.2' ? 'cmi.core.entry' : 'cmi.entry'] = suspended ? 'resume' : '';
  return out;
}

/** Fresh learner data, as an LMS gives it at a first launch (Moodle passes the masteryscore). */
function firstCmi(version) {
  return version === '1.2'
    ? { 'cmi.core.student_id': 'u1', 'cmi.core.student_name': 'Learner, Test', 'cmi.core.credit': 'credit', 'cmi.core.entry': 'ab-initio', 'cmi.core.lesson_mode': 'normal', 'cmi.student_data.mastery_score': String(MASTERY) }
    : { 'cmi.learner_id': 'u1', 'cmi.learner_name': 'Learner, Test', 'cmi.credit': 'credit', 'cmi.entry': 'ab-initio', 'cmi.mode': 'normal' };
}

/** Expected final state for `correct` of `total` questions, all pages seen. */
function expectedStatus(version, correct, total) {
  const raw = percentOf(correct, total);
  const passed = raw >= MASTERY;
  return version === '1.2'
    ? { [V[version].status]: passed ? 'passed' : 'failed', raw, exit: passed ? '' : 'suspend' }
    // complete_when = "passed" (the default): a failed module is not
    // complete; 2004 always exits with suspend, so Moodle gives the data back.
    : { 'cmi.completion_status': passed ? 'completed' : 'incomplete', 'cmi.success_status': passed ? 'passed' : 'failed', raw, exit: 'suspend' };
}

function assertResult(set, flat, version, correct, total, what) {
  const v = V[version];
  const exp = expectedStatus(version, correct, total);
  for (const [k, val] of Object.entries(exp)) {
    if (!k.startsWith('cmi.')) continue;
    assert.equal(set[k], val, `${what}: the SCO sets ${k}`);
    assert.equal(flat[k], val, `${what}: the LMS keeps ${k}`);
  }
  assert.equal(Number(set[v.score + 'raw']), exp.raw, `${what}: score.raw = percent correct`);
  assert.equal(Number(flat[v.score + 'raw']), exp.raw, `${what}: the LMS keeps score.raw`);
  assert.equal(set[v.score + 'min'], '0', `${what}: score.min`);
  assert.equal(set[v.score + 'max'], '100', `${what}: score.max`);
  if (version === '2004') {
    assert.equal(Number(set['cmi.score.scaled']), exp.raw / 100, `${what}: score.scaled`);
    assert.equal(Number(set['cmi.progress_measure']), 1, `${what}: progress_measure`);
  }
  assert.equal(set[v.exit], exp.exit, `${what}: exit`);
}

/** Interactions the SCO wrote (from its SetValue calls), in order. */
function interactions(calls, version) {
  const out = [];
  for (const c of setCalls(calls, version)) {
    const m = c.args[0].match(/^cmi\.interactions\.(\d+)\.(.+)$/);
    if (!m) continue;
    (out[Number(m[1])] ||= {})[m[2]] = c.args[1];
  }
  return out;
}

/** The interactions a practice answer { q, set, right } must give. */
const practiceInteraction = (version) => ({ q, set, right }) => ({
  id: interactionId(q.qid),
  types: ['choice'],
  response: letters(set, V[version].sep),
  pattern: letters(q.answer, V[version].sep),
  right,
});

/** The SCORM interaction types of each question form (scorm.js; the details are checked in scorm-assess.test.mjs). */
const TYPES = { single: ['choice'], multiple: ['choice'], matching: ['matching'], ordering: ['sequencing'], short: ['fill-in', 'numeric'] };

/**
 * The interactions a submitted attempt (takeAttempt's result) must give: one
 * per question, in the order of the test's source (assess.js), pre-test ids
 * prefixed "pre-"; choice responses and patterns exactly, the other forms by
 * type and result.
 */
function attemptInteractions(version, attempt) {
  const sep = V[version].sep;
  const pre = attempt.test.kind === 'pre-test' ? 'pre-' : '';
  const source = (qid) => Number(qid.split('/').pop());
  return [...attempt.answered]
    .sort((a, b) => source(a.q.qid) - source(b.q.qid))
    .map(({ q, plan, response }) => {
      const choice = q.kind === 'single' || q.kind === 'multiple';
      const set = q.kind === 'single' ? [response] : choice ? [...response].sort((a, b) => a - b) : null;
      return {
        id: pre + interactionId(q.qid),
        types: TYPES[q.kind],
        response: choice ? letters(set, sep) : undefined,
        pattern: choice ? letters(q.key.a, sep) : undefined,
        right: plan === 'right',
      };
    });
}

function assertInteractions(calls, version, expected, what) {
  const v = V[version];
  const list = interactions(calls, version);
  assert.equal(list.length, expected.length, `${what}: one interaction per answered practice question and per question of each submitted test`);
  expected.forEach((e, n) => {
    const it = list[n];
    assert.equal(it.id, e.id, `${what}: interaction ${n} id`);
    assert.match(it.id, version === '1.2' ? /^[\u0021-\u007E]{1,255}$/ : /^\S{1,4000}$/, `${what}: interaction ${n} id is a valid identifier`);
    assert.ok(e.types.includes(it.type), `${what}: interaction ${n} (${e.id}) type ${it.type}, expected ${e.types.join(' or ')}`);
    assert.ok(it[v.response], `${what}: interaction ${n} (${e.id}) has no ${v.response}`);
    assert.ok(it['correct_responses.0.pattern'], `${what}: interaction ${n} (${e.id}) has no correct pattern`);
    if (e.response !== undefined) assert.equal(it[v.response], e.response, `${what}: interaction ${n} ${v.response}`);
    if (e.pattern !== undefined) assert.equal(it['correct_responses.0.pattern'], e.pattern, `${what}: interaction ${n} correct pattern`);
    assert.equal(it.result, e.right ? 'correct' : v.wrong, `${what}: interaction ${n} (${e.id}) result`);
    if (version === '2004') assert.match(it.timestamp || '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,2})?Z$/, `${what}: interaction ${n} timestamp`);
    else assert.match(it.time || '', /^\d\d:\d\d:\d\d$/, `${what}: interaction ${n} time`);
  });
}

/** The first k questions shown are answered rightly, the others wrongly. */
const firstRight = (k) => (i) => (i < k ? 'right' : 'wrong');

/** The test panel on the shown page, or null. */
const shownTest = (frame) => frame.evaluate((sel) => document.querySelector(`${sel} .assess[data-assess]`)?.getAttribute('data-assess-kind') || null, SHOWN);

function decodeSuspend(data) {
  const window = {};
  vm.runInNewContext(fs.readFileSync(path.join(STATIC, 'scorm-state.js'), 'utf8'), { window });
  return JSON.parse(JSON.stringify(window.darslikState.decode(data)));
}

/** The package of `folder` holding module-06 in `locale` (or every locale:
 * null): the course package, or module-06's own when packages are made
 * one per module (SCORM 2004 by default). */
function zipFor(folder, locale, base = dist()) {
  const tail = locale ? `-${locale}` : '';
  const course = path.join(base, folder, `${COURSE_ID}${tail}.zip`);
  return fs.existsSync(course) ? course : path.join(base, folder, `${COURSE_ID}-${MODULE}${tail}.zip`);
}

/** Serve an unzipped package; returns { dir, srv, href } for module-06. */
async function servePackage(zip) {
  assert.ok(fs.existsSync(zip), `${zip} is missing: build the sample course first (cargo run --release -- build)`);
  const dir = unzip(zip);
  cleanup.push(dir);
  const href = launchFiles(dir)[`RES-${MODULE}`];
  assert.equal(href, `${MODULE}.html`, 'the manifest launches module-06 from module-06.html');
  return { dir, href, srv: await serve(dir) };
}

// ---------------------------------------------------------------- one locale per package

// wrong: the practice questions answered wrongly (by position); post: how
// many post-test questions are answered rightly; pre: the pre-test submitted,
// all right. Practice and post-test are on opposite sides of the pass mark.
const CASES = [
  { version: '1.2', folder: 'scorm12', locale: 'en', wrong: [1], post: 4, pre: true },
  { version: '1.2', folder: 'scorm12', locale: 'ru', wrong: [1, 4], post: 7 },
  { version: '2004', folder: 'scorm2004', locale: 'en', wrong: [0, 2], post: 6 },
  { version: '2004', folder: 'scorm2004', locale: 'ru', wrong: [3], post: 5, pre: true },
];

for (const c of CASES) {
  test(`SCORM ${c.version} ${c.locale}: one session, status and score from the post-test, interactions, resume`, async () => {
    const { href, srv } = await servePackage(zipFor(c.folder, c.locale));
    const { context, page, problems } = await openLms(srv);
    const v = V[c.version];
    try {
      // Launch 1: walk every page, answer the practice quiz and the tests on
      // the way, step back one page, close.
      let frame = await launchSco(page, c.version, href, firstCmi(c.version));
      let pos = await position(frame);
      assert.equal(pos.index, 0, 'a first launch starts on the first page');
      assert.equal(pos.locale, c.locale);
      const pages = pos.count;
      const keys = [pos.key];
      const answered = [];
      const attempts = [];
      const visit = async () => {
        for (const q of await readQuestions(frame, SHOWN)) {
          const right = !c.wrong.includes(answered.length);
          const set = right ? q.answer : wrongSet(q);
          await answer(frame, q, set);
          answered.push({ q, set, right });
        }
        const kind = await shownTest(frame);
        if (kind === 'pre-test' && c.pre) attempts.push(await takeAttempt(frame, () => 'right', SHOWN));
        if (kind === 'post-test') attempts.push(await takeAttempt(frame, firstRight(c.post), SHOWN));
      };
      await visit();
      while (pos.index < pages - 1) {
        keys.push((pos = await step(frame, 'next')).key);
        await visit();
      }
      const module = await frame.evaluate(() => JSON.parse(document.querySelector('script.progress-data').textContent));
      assert.deepEqual(keys, module.pages, 'the pager walks every page of the module, in order');
      assert.ok(answered.length >= 3, 'module-06 has a practice quiz');
      const post = attempts.find((a) => a.test.kind === 'post-test');
      assert.ok(post, 'module-06 has a post-test');
      const pre = attempts.find((a) => a.test.kind === 'pre-test');
      assert.equal(!!pre, !!c.pre, 'the pre-test was submitted as the case says');
      const practicePercent = percentOf(answered.filter((a) => a.right).length, answered.length);
      assert.notEqual(practicePercent >= MASTERY, post.percent >= MASTERY, 'the case puts practice and the post-test on opposite sides of the pass mark');
      const st = await moduleStatus(frame);
      assert.equal(st.percent, post.percent, 'the module score is the post-test attempt');
      pos = await step(frame, 'prev');
      const savedKey = pos.key;
      const savedIndex = pos.index;
      const errors = await frame.evaluate(() => window.darslikScorm.errors);
      const calls = await closeSco(page, c.version);
      const set = checkSession(calls, c.version, 'launch 1');
      assert.deepEqual(errors, [], 'scorm.js reports no API error');
      const commits = calls.filter((x) => x.fn === v.commit).length;
      // Coalesced (issue 18: Moodle sends each Commit as a request, and a
      // storm of them arrived out of order): one per submitted attempt (its
      // interactions), one when the result is known, one at exit; not one
      // per page change and answer.
      assert.ok(commits >= 1 && commits <= attempts.length + 2, `at most ${attempts.length + 2} Commits, not one per change (${pages} pages, ${answered.length} practice answers, ${attempts.length} attempts): ${commits}`);
      const flat = await page.evaluate(() => window.lms.flat());
      assertResult(set, flat, c.version, post.correct, post.n, 'launch 1');
      assert.equal(set[v.loc], savedKey, 'location = the last page shown');
      const suspend = decodeSuspend(set['cmi.suspend_data']);
      assert.ok(set['cmi.suspend_data'].length <= 4096, 'suspend_data within 4096 characters');
      assert.deepEqual(
        { page: suspend.page, seen: suspend.seen, locale: suspend.locale },
        { page: savedIndex, seen: Array(pages).fill(true), locale: null },
        'suspend_data: place and pages seen',
      );
      assert.deepEqual(
        suspend.answers.map((a) => a.choice),
        answered.map(({ q, set }) => (q.kind === 'single' ? set[0] : set)),
        'suspend_data: the practice answers',
      );
      assert.deepEqual(
        suspend.tests.map((t) => (t ? { att: t.att, done: t.done, r: t.r.length } : null)),
        module.tests.map((t) => {
          const a = attempts.find((x) => x.test.page === t.page);
          return a ? { att: [a.percent], done: true, r: module.tqids[t.page].length } : { att: [], done: false, r: module.tqids[t.page].length };
        }),
        'suspend_data: the attempts of the tests',
      );
      // Interactions in the order given: the pre-test (page 2), the practice quiz, the post-test.
      const expected = [...(pre ? attemptInteractions(c.version, pre) : []), ...answered.map(practiceInteraction(c.version)), ...attemptInteractions(c.version, post)];
      assertInteractions(calls, c.version, expected, 'launch 1');
      // The pre-test: the objective "pre-test" with its score; never the module's.
      const objective = Object.keys(set).find((k) => /^cmi\.objectives\.\d+\.id$/.test(k) && set[k] === 'pre-test');
      if (pre) {
        assert.ok(objective, 'the pre-test is the objective "pre-test"');
        assert.equal(set[objective.replace(/id$/, 'score.raw')], '100', 'the objective "pre-test" has the pre-test score');
      } else {
        assert.equal(objective, undefined, 'no pre-test objective without a submitted pre-test');
      }

      // Launch 2 with what the LMS kept: same page, same answers and attempts, no new interaction.
      const cmi = { ...firstCmi(c.version), ...kept(flat, c.version) };
      frame = await launchSco(page, c.version, href, cmi);
      pos = await position(frame);
      assert.deepEqual([pos.locale, pos.index, pos.key], [c.locale, savedIndex, savedKey], 'relaunch resumes on the saved page');
      // Every saved practice answer is selected and graded again.
      const shown = await shownAnswers(frame);
      for (const { q, set } of answered) {
        assert.deepEqual(shown[q.qid], { checked: set, graded: true }, `relaunch shows the saved answer of ${q.qid}`);
      }
      // The post-test page: the attempt, its answers and the offer of attempt 2 are back.
      await step(frame, 'next');
      const restored = await testState(frame, post.test.page);
      assert.deepEqual([restored.att, restored.done], [[post.percent], true], 'relaunch: the post-test attempt');
      for (const { q, response } of post.answered) assert.deepEqual(restored.r[q.qid], response, `relaunch: the post-test answer to ${q.qid}`);
      const panel = await readPanel(frame, SHOWN);
      assert.ok(panel.result.length > 0 && panel.again, `relaunch: the post-test panel shows the result and offers attempt 2 (${JSON.stringify(panel)})`);
      if (pre) assert.deepEqual((await testState(frame, pre.test.page)).att, [100], 'relaunch: the pre-test attempt');
      assert.deepEqual(await moduleStatus(frame), st, 'relaunch: same module result');
      const calls2 = await closeSco(page, c.version);
      const set2 = checkSession(calls2, c.version, 'launch 2');
      assert.equal(interactions(calls2, c.version).length, 0, 'relaunch writes no new interaction');
      const flat2 = await page.evaluate(() => window.lms.flat());
      assertResult(set2, flat2, c.version, post.correct, post.n, 'launch 2');
      assert.deepEqual(problems, [], 'no request outside the package, no error');
    } finally {
      await context.close();
      await srv.close();
    }
  });
}

// ---------------------------------------------------------------- no LMS

test('SCORM package without an LMS: scorm.js stays out of the way, progress in localStorage', async () => {
  const dir = unzip(path.join(dist(), 'scorm12', `${COURSE_ID}-en.zip`));
  cleanup.push(dir);
  const { context } = await offlineContext(browser);
  try {
    const page = await context.newPage();
    const problems = watchPage(page, dir);
    const url = dirUrl(dir) + `${MODULE}.html`;
    await page.goto(url, { waitUntil: 'load' });
    const state = await page.evaluate(() => ({ bridge: window.darslikScorm, store: typeof window.darslikStore }));
    assert.deepEqual(state, { bridge: { api: null, errors: [], recorded: false, notice: 'none' }, store: 'undefined' }, 'no API: no session, no store');
    // Never a silent fallback: the learner is told where the progress is kept.
    const told = await page.locator(`${VISIBLE} .lms-notice`).textContent();
    assert.match(told, /not connected to a learning platform.*this browser only/, told);
    await page.click(`${VISIBLE} .doc-pager .pager-next`);
    await page.reload({ waitUntil: 'load' });
    assert.equal((await position(page)).index, 1, 'standalone: the place comes back from localStorage');
    assert.equal(problems.length, 0, formatProblems(problems));
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------- multilingual

let mlDist = null;
function buildMultilingual() {
  if (mlDist) return mlDist;
  const bin = process.env.DARSLIK_BIN || path.join(repoRoot, 'target', 'release', 'darslik');
  assert.ok(fs.existsSync(bin), `${bin} is missing: cargo build --release first (or set DARSLIK_BIN)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'darslik-ml-'));
  cleanup.push(tmp);
  for (const entry of ['course.toml', 'content', 'locales', 'themes', 'branding']) {
    if (fs.existsSync(path.join(repoRoot, entry))) fs.cpSync(path.join(repoRoot, entry), path.join(tmp, entry), { recursive: true });
  }
  const file = path.join(tmp, 'course.toml');
  const text = fs.readFileSync(file, 'utf8');
  assert.match(text, /^multilingual\s*=\s*false/m);
  fs.writeFileSync(file, text.replace(/^multilingual\s*=\s*false/m, 'multilingual = true'));
  execFileSync(bin, ['build', '--course', tmp, '--out', path.join(tmp, 'dist'), '--format', 'scorm12', '--format', 'scorm2004'], { stdio: 'pipe' });
  mlDist = path.join(tmp, 'dist');
  return mlDist;
}

async function switchLanguage(frame, tag) {
  const before = await position(frame);
  await frame.click(`${VISIBLE} a[data-doc-lang="${tag}"]`);
  const now = await position(frame);
  assert.deepEqual([now.locale, now.index, now.key], [tag, before.index, before.key], `switching to ${tag} keeps the page`);
  return now;
}

for (const [version, folder] of [['1.2', 'scorm12'], ['2004', 'scorm2004']]) {
  test(`SCORM ${version} multilingual: language switch keeps place, practice answers, post-test answers and score; resumes in the language`, async () => {
    const { href, srv } = await servePackage(zipFor(folder, null, buildMultilingual()));
    const { context, page, problems } = await openLms(srv);
    const v = V[version];
    try {
      let frame = await launchSco(page, version, href, firstCmi(version));
      const locales = await frame.evaluate(() => window.darslikDoc.locales());
      assert.deepEqual(locales, ['en', 'ru', 'uz', 'uz-Cyrl'], 'one package holds every locale');
      let pos = await position(frame);
      assert.equal(pos.locale, 'en');
      await step(frame, 'next');
      await switchLanguage(frame, 'ru');
      pos = await position(frame);
      // On to the practice page.
      while (!(await readQuestions(frame, SHOWN)).length && pos.index < pos.count - 1) pos = await step(frame, 'next');
      const questions = await readQuestions(frame, SHOWN);
      assert.ok(questions.length > 3, 'module-06 has a practice quiz');
      const wrong = [1];
      const answered = [];
      const choose = (i) => {
        const q = questions[i];
        const right = !wrong.includes(i);
        return { q, set: right ? q.answer : wrongSet(q), right };
      };
      const saved = () => frame.evaluate(() => JSON.parse(JSON.stringify(window.darslikProgress.state().answers)));
      // Three questions in Russian...
      for (let i = 0; i < 3; i++) {
        const a = choose(i);
        await answer(frame, a.q, a.set);
        answered.push(a);
      }
      const st3 = await moduleStatus(frame);
      assert.deepEqual(Object.values(await saved()).map((a) => a.c), [1, 0, 1], 'three practice answers kept, graded');
      assert.equal(st3.answered, 0, 'practice answers give no module result (the post-test does)');
      // ...switch to Uzbek: the same answers are shown, the state is the same.
      await switchLanguage(frame, 'uz');
      let shown = await shownAnswers(frame);
      for (const { q, set } of answered) assert.deepEqual(shown[q.qid], { checked: set, graded: true }, `uz shows the answer given in ru to ${q.qid}`);
      assert.deepEqual(await moduleStatus(frame), st3, 'the language switch keeps the module status');
      // ...the rest in Uzbek.
      for (let i = 3; i < questions.length; i++) {
        const a = choose(i);
        await answer(frame, a.q, a.set);
        answered.push(a);
      }
      assert.equal(Object.keys(await saved()).length, questions.length, 'every practice answer kept');
      await switchLanguage(frame, 'en');
      shown = await shownAnswers(frame);
      for (const { q, set } of answered) assert.deepEqual(shown[q.qid], { checked: set, graded: true }, `en shows the answer to ${q.qid}`);
      // The post-test: answered in Uzbek, submitted in English (the answers follow the language).
      await switchLanguage(frame, 'uz');
      while (pos.index < pos.count - 1) pos = await step(frame, 'next');
      const rightCount = 6;
      const given = await answerTest(frame, firstRight(rightCount), SHOWN);
      await switchLanguage(frame, 'en');
      const enTest = await readTest(frame, SHOWN);
      assert.deepEqual(enTest.questions.map((q) => q.qid), given.test.questions.map((q) => q.qid), 'en shows the post-test questions in the same order as uz (one seed)');
      const state = await submitTest(frame, SHOWN);
      assert.deepEqual(state.att, [given.percent], `the attempt submitted in en scores the answers given in uz (${rightCount} of ${given.n})`);
      for (const { q, response } of given.answered) assert.deepEqual(state.r[q.qid], response, `the post-test answer to ${q.qid}`);
      const post = { ...given, state };
      const st = await moduleStatus(frame);
      assert.equal(st.percent, post.percent, 'the module score is the post-test attempt');
      await switchLanguage(frame, 'ru');
      const panel = await readPanel(frame, SHOWN);
      assert.ok(panel.result.length > 0 && panel.again, `ru shows the attempt submitted in en (${JSON.stringify(panel)})`);
      assert.deepEqual(await moduleStatus(frame), st, 'the language switch keeps the score');
      pos = await step(frame, 'prev');
      const savedPlace = [pos.locale, pos.index, pos.key];
      const errors = await frame.evaluate(() => window.darslikScorm.errors);
      const calls = await closeSco(page, version);
      const set = checkSession(calls, version, 'launch 1');
      assert.deepEqual(errors, [], 'scorm.js reports no API error');
      const flat = await page.evaluate(() => window.lms.flat());
      assertResult(set, flat, version, post.correct, post.n, 'launch 1');
      assertInteractions(calls, version, [...answered.map(practiceInteraction(version)), ...attemptInteractions(version, post)], 'launch 1');
      assert.equal(set[v.loc], pos.key, 'location = the last page shown');
      const suspend = decodeSuspend(set['cmi.suspend_data']);
      assert.deepEqual([suspend.locale, suspend.page], [locales.indexOf('ru'), pos.index], 'suspend_data keeps the language and the page');

      const cmi = { ...firstCmi(version), ...kept(flat, version) };
      frame = await launchSco(page, version, href, cmi);
      pos = await position(frame);
      assert.deepEqual([pos.locale, pos.index, pos.key], savedPlace, 'relaunch resumes in the saved language on the saved page');
      for (const tag of ['ru', 'en']) {
        if ((await position(frame)).locale !== tag) await switchLanguage(frame, tag);
        shown = await shownAnswers(frame);
        for (const { q, set } of answered) assert.deepEqual(shown[q.qid], { checked: set, graded: true }, `relaunch (${tag}) shows the answer to ${q.qid}`);
      }
      await step(frame, 'next');
      assert.deepEqual((await testState(frame, post.test.page)).att, [post.percent], 'relaunch: the post-test attempt');
      assert.ok((await readPanel(frame, SHOWN)).result.length > 0, 'relaunch: the post-test panel shows the attempt');
      assert.deepEqual(await moduleStatus(frame), st, 'relaunch: same score');
      const calls2 = await closeSco(page, version);
      checkSession(calls2, version, 'launch 2');
      assert.equal(interactions(calls2, version).length, 0, 'relaunch writes no new interaction');
      assert.deepEqual(problems, [], 'no request outside the package, no error');
    } finally {
      await context.close();
      await srv.close();
    }
  });
}

// ---------------------------------------------------------------- what Moodle does (issue 18)

/**
 * Walk every page of the SCO, answering its practice quiz on the way and
 * submitting its post-test at the end: all right, or all wrong.
 */
async function walkAndAnswer(frame, right) {
  let pos = await position(frame);
  for (;;) {
    for (const q of await readQuestions(frame, SHOWN)) await answer(frame, q, right ? q.answer : wrongSet(q));
    if (pos.index >= pos.count - 1) break;
    pos = await step(frame, 'next');
  }
  assert.equal(await shownTest(frame), 'post-test', 'the last page is the post-test');
  return takeAttempt(frame, () => (right ? 'right' : 'wrong'), SHOWN);
}

for (const [version, folder] of [['1.2', 'scorm12'], ['2004', 'scorm2004']]) {
  test(`SCORM ${version}: an LMS that refuses Initialize (Moodle's TOC after Terminate) is told to the learner in ru`, async () => {
    const { href, srv } = await servePackage(zipFor(folder, 'ru'));
    const { context, page } = await openLms(srv);
    try {
      let frame = await launchSco(page, version, href, firstCmi(version));
      await step(frame, 'next');
      await closeSco(page, version);
      // The same (terminated) API object gets the next SCO.
      await page.evaluate((h) => window.lms.launchSame(h), href);
      await page.waitForFunction(() => {
        const w = document.getElementById('sco').contentWindow;
        return w && w.darslikScorm && w.darslikDoc && w.document.readyState === 'complete';
      });
      frame = (await page.waitForSelector('#sco')).contentFrame();
      frame = await frame;
      const bridge = await frame.evaluate(() => window.darslikScorm);
      assert.equal(bridge.api, null, 'no session');
      assert.equal(bridge.notice, 'failed');
      const calls = await page.evaluate(() => window.lms.calls);
      const init = calls.find((c) => c.fn === V[version].init);
      assert.ok(init && init.result === 'false', `${V[version].init} was refused: ${JSON.stringify(init)}`);
      const told = await frame.locator(`${VISIBLE} .lms-notice`).textContent();
      assert.match(told, new RegExp(`Учебная платформа не приняла этот модуль \\(ошибка ${init.error}\\)`), told);
      assert.ok(await frame.locator(`${VISIBLE} .lms-notice`).isVisible(), 'the notice is visible');
    } finally {
      await context.close();
      await srv.close();
    }
  });

  test(`SCORM ${version}: Review mode writes nothing and says so`, async () => {
    const { href, srv } = await servePackage(zipFor(folder, 'en'));
    const { context, page } = await openLms(srv);
    try {
      const cmi = { ...firstCmi(version), [version === '1.2' ? 'cmi.core.lesson_mode' : 'cmi.mode']: 'review' };
      if (version === '2004') cmi['cmi.credit'] = 'no-credit';
      const frame = await launchSco(page, version, href, cmi);
      await walkAndAnswer(frame, false);
      const told = await frame.locator(`${VISIBLE} .lms-notice`).textContent();
      assert.match(told, /reviewing this module/, told);
      const calls = await closeSco(page, version);
      const v = V[version];
      assert.deepEqual(calls.filter((c) => c.fn === v.set || c.fn === v.commit).map((c) => `${c.fn}(${c.args.join(', ')})`), [], 'no SetValue, no Commit in Review mode');
      assert.equal(calls.filter((c) => c.fn === v.term).length, 1, 'the session still ends');
    } finally {
      await context.close();
      await srv.close();
    }
  });

  test(`SCORM ${version}: relaunching a passed module (Moodle-like data) lowers nothing, even after wrong answers`, async () => {
    const { href, srv } = await servePackage(zipFor(folder, 'en'));
    const { context, page } = await openLms(srv);
    const v = V[version];
    try {
      let frame = await launchSco(page, version, href, firstCmi(version));
      const attempt = await walkAndAnswer(frame, true);
      assert.deepEqual(attempt.state.att, [100], 'the post-test, all right');
      await closeSco(page, version);
      const first = await page.evaluate(() => window.lms.flat());
      const status = version === '1.2' ? ['cmi.core.lesson_status'] : ['cmi.completion_status', 'cmi.success_status'];
      assert.deepEqual(status.map((k) => first[k]), version === '1.2' ? ['passed'] : ['completed', 'passed']);
      // Relaunch with what Moodle gives back, try the questions again, all wrong.
      frame = await launchSco(page, version, href, { ...firstCmi(version), ...kept(first, version) });
      const resumed = await position(frame);
      assert.ok(resumed.index > 0, 'the relaunch resumes where the learner was, not on a blank first page');
      // The practice questions again, all wrong ("try again" is not offered:
      // practice does not count in a module with a post-test), and the
      // post-test's second attempt, all wrong.
      let pos = resumed;
      const retry = frame.locator(`${VISIBLE} .summary-retry`);
      assert.ok(!(await retry.isVisible()), 'no "try again" in a module with a post-test');
      for (;;) {
        for (const q of await readQuestions(frame, SHOWN)) await answer(frame, q, wrongSet(q));
        if (pos.index >= pos.count - 1) break;
        pos = await step(frame, 'next');
      }
      await startAgain(frame, SHOWN);
      const second = await takeAttempt(frame, () => 'wrong', SHOWN);
      assert.deepEqual(second.state.att, [100, 0], 'the post-test: 100%, then 0%');
      await closeSco(page, version);
      const now = await page.evaluate(() => window.lms.flat());
      for (const k of status) assert.equal(now[k], first[k], `${k} is not lowered`);
      assert.equal(Number(now[v.score + 'raw']), Number(first[v.score + 'raw']), 'score.raw is not lowered');
    } finally {
      await context.close();
      await srv.close();
    }
  });
}

for (const [version, folder] of [['1.2', 'scorm12'], ['2004', 'scorm2004']]) {
  test(`SCORM ${version} multilingual: the language chosen in one module opens the next, from the LMS or this browser`, async () => {
    const ml = buildMultilingual();
    const zip = fs.existsSync(path.join(ml, folder, `${COURSE_ID}.zip`)) ? path.join(ml, folder, `${COURSE_ID}.zip`) : path.join(ml, folder, `${COURSE_ID}-module-07.zip`);
    const dir = unzip(zipFor(folder, null, ml));
    cleanup.push(dir);
    const dir7 = zip.endsWith('module-07.zip') ? unzip(zip) : dir;
    if (dir7 !== dir) cleanup.push(dir7);
    const pref = version === '1.2' ? 'cmi.student_preference.language' : 'cmi.learner_preference.language';
    // A package of its own (SCORM 2004, one per module) is served from the
    // same origin, as Moodle serves every package of a site.
    let href7 = launchFiles(dir7)['RES-module-07'];
    assert.ok(href7, 'module-07 is a SCO');
    if (dir7 !== dir) {
      fs.cpSync(dir7, path.join(dir, 'm7'), { recursive: true });
      href7 = `m7/${href7}`;
    }
    const srv = await serve(dir);
    const srv7 = srv;
    const { context, page } = await openLms(srv);
    try {
      let frame = await launchSco(page, version, `${MODULE}.html`, firstCmi(version));
      await switchLanguage(frame, 'ru');
      const calls = await closeSco(page, version);
      assert.equal(lastSet(calls, version)[pref], 'ru', `module-06 stores ${pref}`);
      // Module 07: a SCO of its own, with no data of its own in the LMS.
      await page.goto(srv7.base + 'lms.html');
      frame = await launchSco(page, version, href7, firstCmi(version));
      assert.equal((await position(frame)).locale, 'ru', 'module-07 opens in the language chosen in module-06');
      await closeSco(page, version);
    } finally {
      await context.close();
    }
    // Another browser (nothing in localStorage): the LMS's preference decides.
    const other = await openLms(srv7);
    try {
      const frame = await launchSco(other.page, version, href7, { ...firstCmi(version), [pref]: 'uz' });
      assert.equal((await position(frame)).locale, 'uz', 'the LMS-stored preference opens the SCO in uz');
      await closeSco(other.page, version);
    } finally {
      await other.context.close();
      await srv.close();
      if (srv7 !== srv) await srv7.close();
    }
  });
}

test('SCORM 1.2: a module without a quiz still starts a session and is completed', async () => {
  const bin = process.env.DARSLIK_BIN || path.join(repoRoot, 'target', 'release', 'darslik');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'darslik-noquiz-'));
  cleanup.push(tmp);
  execFileSync(bin, ['build', '--course', path.join(repoRoot, 'tests', 'fixtures', 'basic'), '--out', path.join(tmp, 'dist'), '--format', 'scorm12', '-q'], { stdio: 'pipe' });
  const dir = unzip(path.join(tmp, 'dist', 'scorm12', 'fixture-en.zip'));
  cleanup.push(dir);
  const href = launchFiles(dir)['RES-module-b'];
  assert.ok(href, 'module-b (no quiz) is a SCO');
  const srv = await serve(dir);
  const { context, page } = await openLms(srv);
  try {
    await launchSco(page, '1.2', href, firstCmi('1.2'));
    const calls = await closeSco(page, '1.2');
    const set = checkSession(calls, '1.2', 'module without a quiz');
    assert.equal(set['cmi.core.lesson_status'], 'completed', 'its one page seen: completed');
  } finally {
    await context.close();
    await srv.close();
  }
});

// ---------------------------------------------------------------- suspend_data budget (Node)

test('scorm.js keeps suspend_data of a 40-page, 60-question multilingual module within 4096', () => {
  const PAGES = 40;
  const QUESTIONS = 60;
  const OPTIONS = 8;
  const pages = [...Array(PAGES).keys()].map((i) => `big/${String(i).padStart(2, '0')}-page-with-a-long-name.md`);
  const qids = [...Array(QUESTIONS).keys()].map((i) => `big/${String(Math.floor(i / 2)).padStart(2, '0')}-page-with-a-long-name/${(i % 2) + 1}`);
  const el = (attrs, children = {}) => ({
    getAttribute: (k) => (k in attrs ? attrs[k] : null),
    querySelectorAll: (sel) => children[sel] || [],
  });
  const inputs = Array(OPTIONS).fill(0);
  const fieldsets = qids.map((qid) => el({ 'data-qid': qid, 'data-kind': 'multiple', 'data-answer': '0,1' }, { input: inputs }));
  const json = JSON.stringify({ module: 'big', pages, qids, mastery: MASTERY, t: {} });
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
  const context = vm.createContext({ window, document: window.document, Date, JSON, Math, String, parseInt, parseFloat, isNaN, encodeURIComponent });
  for (const f of ['scorm-state.js', 'scorm.js']) {
    vm.runInContext(fs.readFileSync(path.join(STATIC, f), 'utf8'), context, { filename: f });
  }
  assert.ok(window.darslikStore, 'scorm.js found the API and set window.darslikStore');
  // Worst case: every page seen, every question answered with the widest mask, last locale, last page.
  const state = { seen: {}, answers: {}, last: pages[PAGES - 1], lang: 'uz' };
  for (const p of pages) state.seen[p] = 1;
  for (const q of qids) state.answers[q] = { r: [...Array(OPTIONS).keys()], c: 0 };
  window.darslikProgress = {
    state: () => state,
    moduleStatus: () => ({ seen: PAGES, pages: PAGES, correct: 0, answered: QUESTIONS, total: QUESTIONS, percent: 0, completed: true, passed: false }),
  };
  window.darslikStore.save(state);
  const data = sets.filter(([k]) => k === 'cmi.suspend_data').map(([, val]) => val).pop();
  assert.ok(data, 'save() wrote cmi.suspend_data');
  assert.equal(window.darslikScorm.errors.length, 0, String(window.darslikScorm.errors));
  assert.ok(data.length <= 4096, `suspend_data is ${data.length} characters`);
  assert.ok(data.length <= bounds(window.darslikState).maxLen(PAGES, QUESTIONS, OPTIONS, 3), 'within the codec bound');
  const back = decodeSuspend(data);
  assert.deepEqual([back.locale, back.page, back.seen.length, back.answers.length], [2, PAGES - 1, PAGES, QUESTIONS]);
});
