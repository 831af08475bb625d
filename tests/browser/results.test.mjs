// "My results" and the results file (issue 21, acceptance 1; SPEC §9; the
// file's format is the issue 21 contract §1), in real Chromium over file://
// with the network disabled:
//
//   - the site (ru): a learner works through every module of the sample
//     course as a learner does (every page, practice answers with one wrong
//     first, each pre-test half right, each post-test all right, the
//     scenario with a loop back to its start and then to an ending), opens
//     My results, sees their summary, enters details in Cyrillic and saves:
//     the download is captured, its name is darslik-results-tip-uz-<name>-
//     <date>.json, the page says its size and where it went, and the JSON
//     follows the contract (worked out here, not taken from the page: ids
//     UUID v4 and unique, timestamps, the course id and version, the five
//     kinds with their verbs, types, results and extensions, the responses
//     in xAPI syntax, the scenario's path, the modules' statuses); its size
//     is printed (the whole course)
//   - `darslik results add FILE --db DB` accepts it; the same file again
//     adds nothing; a truncated copy is refused naming the file and the
//     register is unchanged (row counts and a SHA-256 of every row of every
//     table, computed with python3's sqlite3 module)
//   - saving twice without a change gives the same module statuses (same
//     ids), and "New learner on this computer" clears details, log and
//     progress after a confirm
//   - a single-file module (ru, module-07) played through with its pager:
//     the same file, from the section at its end
//   - axe: no serious or critical violation on the results page at 360 and
//     1280 px; screenshots /tmp/results-1280.png and /tmp/results-360.png
//   - no request leaves the output; no console error
//
//   node --test tests/browser/results.test.mjs   (after `darslik build --format site,single`)
//
// Env: DARSLIK_DIST (the built output, default <repo>/dist), DARSLIK_BIN (the
// darslik binary for `results add`, default target/release/darslik).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dist, formatProblems, gotoSettled, launch, offlineContext, repoRoot, watchPage } from './lib.mjs';
import { FAIL_ON, runAxe } from './a11ykit.mjs';
import { answer, courseConfig, modulePages, pageKind, readQuestions, rightSet, takeAttempt, wrongSet } from './quizkit.mjs';

const SITE = path.join(dist(), 'site');
const SINGLE = path.join(dist(), 'single');
const BIN = process.env.DARSLIK_BIN || path.join(repoRoot, 'target', 'release', 'darslik');
const COURSE = courseConfig();
const LOCALE = 'ru';
const MODULES = ['module-06', 'module-07', 'case-digest'];
const LEARNER = { name: 'Зарина Абдуллаева', organisation: 'Прокуратура г. Ташкента', region: 'Ташкентская область' };
const SHOWN = '.doc-locale:not([hidden]) .doc-page:not([hidden])';
const url = (rel) => pathToFileURL(path.join(SITE, LOCALE, rel)).href;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'darslik-results-'));

const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const A = 'http://adlnet.gov/expapi/activities/';
const VERB = 'http://adlnet.gov/expapi/verbs/';
const U = `urn:darslik:${COURSE.id}`;

let browser;
before(async () => {
  for (const f of [path.join(SITE, LOCALE, 'results.html'), path.join(SINGLE, LOCALE, 'module-07.html')]) {
    if (!fs.existsSync(f)) throw new Error(`${f} not found: build the course first (darslik build --format site,single), or set DARSLIK_DIST`);
  }
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
});

/** The date of today as the page names the file (the learner's day). */
function today() {
  const d = new Date();
  return new Date(d - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

/** Play the scenario in `scope` as a learner: a choice that leads back to the start first (where there is one), then the best choices to an ending. */
async function playScenario(page, scope = '') {
  let looped = false;
  for (let n = 0; n < 40; n++) {
    const step = page.locator(`${scope} section.scenario .scenario-step:not([hidden])`).first();
    if ((await step.getAttribute('data-end')) !== null) return;
    const back = step.locator(':scope > .scenario-choices a.scenario-choice[data-target="employer"], :scope > .scenario-choices a.scenario-choice[data-target="reinterview"]');
    if (!looped && (await back.count())) {
      looped = true;
      await back.first().click();
    } else {
      await step.locator(':scope > .scenario-choices a.scenario-choice[data-good]').first().click();
    }
  }
  throw new Error('the scenario reached no ending in 40 choices');
}

/** Practice questions of the page (or `scope`): the first answered wrong and then right, the others right. */
async function practise(page, scope = '') {
  const { questions } = await readQuestions(page, scope);
  for (const [i, q] of questions.entries()) {
    if (i === 0) await answer(page, q, wrongSet(q), scope);
    await answer(page, q, rightSet(q), scope);
  }
  return questions.length;
}

/** What a module page asks of the learner, done. */
async function work(page, kind, scope = '') {
  if (kind === 'pre-test') await takeAttempt(page, (i) => (i % 2 ? 'right' : 'wrong'), scope);
  else if (kind === 'post-test' || kind === 'graded') await takeAttempt(page, () => 'right', scope);
  else if (kind === 'practice') await practise(page, scope);
  if (await page.locator(`${scope} section.scenario`).count()) await playScenario(page, scope);
}

/** Fill in the details and press Save; returns { file, json, name, status }. */
async function save(page, scope, learner = LEARNER) {
  const box = page.locator(`${scope} section.results`);
  for (const [k, v] of Object.entries(learner)) await box.locator(`input[name="${k}"]`).fill(v);
  const [download] = await Promise.all([page.waitForEvent('download'), box.locator('button.results-save').click()]);
  const name = download.suggestedFilename();
  const file = path.join(tmp, `${Date.now()}-${name}`);
  await download.saveAs(file);
  await page.waitForFunction((s) => document.querySelector(s).textContent.trim() !== '', `${scope} section.results .results-status`.trim());
  const status = (await box.locator('.results-status').textContent()).trim();
  return { file, name, status, bytes: fs.readFileSync(file), json: JSON.parse(fs.readFileSync(file, 'utf8')) };
}

/** The results file checked against the contract; returns the statements by kind. */
function checkFile(f, { modules, locale = LOCALE, learner = LEARNER }) {
  assert.notEqual(f.bytes[0], 0xef, 'no BOM');
  const j = f.json;
  assert.equal(j.darslik, 'results');
  assert.equal(j.format, 1);
  assert.equal(j.course.id, COURSE.id);
  assert.equal(j.course.version, COURSE.version);
  assert.ok(j.course.title, 'course title');
  assert.deepEqual(j.course.modules.map((m) => m.id), MODULES, 'every module of the course in course order');
  for (const m of j.course.modules) {
    assert.ok(m.title && Number.isInteger(m.pages) && m.pages > 0 && m.mastery === COURSE.mastery, JSON.stringify(m));
    assert.equal(m.pages, modulePages(LOCALE, m.id).length, `${m.id}: pages`);
  }
  assert.match(j.learner.id, UUID4);
  assert.deepEqual({ name: j.learner.name, organisation: j.learner.organisation, region: j.learner.region }, learner);
  assert.equal(j.learner.locale, locale);
  assert.match(j.saved, TIME);
  const ids = new Set();
  const kinds = { lesson: [], 'cmi.interaction': [], assessment: [], simulation: [], module: [] };
  for (const [i, s] of j.statements.entries()) {
    const at = `statements[${i}] ${JSON.stringify(s).slice(0, 300)}`;
    assert.match(s.id, UUID4, at);
    assert.ok(!ids.has(s.id), `${at}: id repeated`);
    ids.add(s.id);
    assert.deepEqual(s.actor, { objectType: 'Agent', name: learner.name, account: { homePage: 'urn:darslik:learner', name: j.learner.id } }, at);
    assert.equal(s.object.objectType, 'Activity', at);
    const type = s.object.definition.type.replace(A, '');
    assert.ok(kinds[type], `${at}: type`);
    kinds[type].push(s);
    assert.ok(s.object.id.startsWith(`${U}/`), at);
    assert.equal(s.verb.id, VERB + s.verb.display['en-US'], at);
    assert.equal(s.context.language, locale, at);
    assert.deepEqual(s.context.contextActivities.grouping, [{ id: U }], at);
    assert.equal(s.context.extensions['urn:darslik:version'], COURSE.version, at);
    assert.match(s.timestamp, TIME, at);
    assert.ok(s.timestamp <= j.saved, `${at}: after saved`);
    const name = s.object.definition.name[locale];
    assert.ok(typeof name === 'string' && name.length > 0 && name.length <= 300, `${at}: name`);
  }
  const local = (s) => s.object.id.slice(U.length + 1);
  const parent = (s) => s.context.contextActivities.parent[0].id;
  const moduleOf = (s) => `${U}/${local(s).split('/')[0]}`;
  const pageOf = (s) => `${U}/${local(s).replace(/\/[^/]*$/, '')}.md`;
  // 1. pages seen: once per page, every page of the worked modules.
  for (const s of kinds.lesson) {
    assert.equal(s.verb.display['en-US'], 'experienced');
    assert.equal(parent(s), moduleOf(s));
    assert.equal(s.result, undefined);
  }
  const seen = kinds.lesson.map(local);
  assert.equal(new Set(seen).size, seen.length, 'a page seen once');
  for (const m of modules) {
    const want = modulePages(LOCALE, m).map((r) => r.replace(/\.html$/, '.md'));
    assert.deepEqual(seen.filter((k) => k.startsWith(`${m}/`)).sort(), want.sort(), `${m}: pages seen`);
  }
  // 2. answers: choice ids a, b…; matching 1[.]a; sequencing; fill-in/numeric text.
  const tests = new Set();
  for (const s of kinds['cmi.interaction']) {
    const d = s.object.definition;
    const at = JSON.stringify(s).slice(0, 400);
    assert.equal(s.verb.display['en-US'], 'answered');
    assert.equal(parent(s), pageOf(s), at);
    assert.equal(typeof s.result.success, 'boolean', at);
    assert.equal(typeof s.result.response, 'string', at);
    const test = s.context.extensions['urn:darslik:test'];
    tests.add(test);
    if (test !== 'practice') assert.ok(s.context.extensions['urn:darslik:attempt'] >= 1, at);
    const ids = (list) => list.map((c) => c.id).join(',');
    const texts = (list) => list.every((c) => typeof c.description[locale] === 'string' && c.description[locale].length > 0);
    switch (d.interactionType) {
      case 'choice':
        assert.ok(texts(d.choices) && ids(d.choices) === 'abcdefghij'.slice(0, d.choices.length).split('').join(','), at);
        assert.match(s.result.response, /^[a-j](\[,\][a-j])*$/, at);
        break;
      case 'matching':
        assert.ok(texts(d.source) && texts(d.target), at);
        assert.equal(ids(d.source), '123456789'.slice(0, d.source.length).split('').join(','), at);
        assert.match(s.result.response, /^\d\[\.\][a-j](\[,\]\d\[\.\][a-j])*$/, at);
        break;
      case 'sequencing':
        assert.ok(texts(d.choices), at);
        assert.match(s.result.response, /^[a-j](\[,\][a-j])*$/, at);
        assert.equal(s.result.response.split('[,]').length, d.choices.length, at);
        break;
      case 'fill-in':
      case 'numeric':
        break;
      default:
        assert.fail(`${at}: interactionType`);
    }
  }
  assert.deepEqual([...tests].sort(), ['post-test', 'practice', 'pre-test'], 'answers of practice, pre-tests and post-tests');
  assert.ok(kinds['cmi.interaction'].some((s) => s.context.extensions['urn:darslik:test'] === 'practice' && !s.result.success), 'a wrong practice answer');
  // 3. test attempts.
  for (const s of kinds.assessment) {
    assert.equal(s.verb.display['en-US'], 'completed');
    assert.equal(parent(s), moduleOf(s));
    assert.match(local(s), /\.md$/);
    assert.equal(s.result.completion, true);
    assert.equal(s.result.score.scaled * 100, s.result.score.raw);
    assert.deepEqual([s.result.score.min, s.result.score.max], [0, 100]);
    assert.ok(['pre-test', 'post-test', 'graded'].includes(s.context.extensions['urn:darslik:test']));
    assert.equal(s.context.extensions['urn:darslik:attempt'], 1);
  }
  for (const m of modules) {
    const t = kinds.assessment.filter((s) => local(s).startsWith(`${m}/`));
    assert.deepEqual(t.map((s) => s.context.extensions['urn:darslik:test']).sort(), ['post-test', 'pre-test'], `${m}: attempts`);
    assert.equal(t.find((s) => s.context.extensions['urn:darslik:test'] === 'post-test').result.score.raw, 100);
    const answers = kinds['cmi.interaction'].filter((s) => local(s).startsWith(`${m}/`) && s.context.extensions['urn:darslik:test'] === 'pre-test');
    assert.equal(answers.length, 8, `${m}: one answer per question of the pre-test`);
    assert.equal(Math.round((100 * answers.filter((s) => s.result.success).length) / 8), t.find((s) => s.context.extensions['urn:darslik:test'] === 'pre-test').result.score.raw);
  }
  // 4. scenario runs: the path from the start to an ending.
  for (const s of kinds.simulation) {
    assert.equal(s.verb.display['en-US'], 'completed');
    assert.equal(parent(s), pageOf(s));
    assert.equal(s.result.completion, true);
  }
  if (modules.includes('module-07')) {
    const run = kinds.simulation.find((s) => local(s) === 'module-07/04-scenario-bus-station/s1');
    assert.ok(run, 'the module-07 scenario run');
    assert.equal(run.result.response, 'start[,]employer[,]start[,]separate[,]interview[,]disclosure[,]migration[,]referral[,]protected');
    assert.equal(run.result.score.raw, 83);
  }
  // 5. module statuses: passed, every page seen, the score.
  for (const m of modules) {
    const st = kinds.module.filter((s) => local(s) === m);
    assert.equal(st.length, 1, `${m}: one module status`);
    const [s] = st;
    assert.equal(s.verb.display['en-US'], 'passed', JSON.stringify(s));
    assert.equal(s.result.completion, true);
    assert.equal(s.result.success, true);
    assert.ok(s.result.score.raw >= COURSE.mastery);
    const pages = modulePages(LOCALE, m).length;
    assert.deepEqual(s.result.extensions, { 'urn:darslik:pages-seen': pages, 'urn:darslik:pages': pages });
  }
  return kinds;
}

/** Row counts of every table and a SHA-256 of all their rows (python3's sqlite3). */
function register(db) {
  const code = `
import hashlib, json, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
out = {}
h = hashlib.sha256()
for (t,) in c.execute("select name from sqlite_master where type='table' order by name"):
    rows = sorted(repr(r) for r in c.execute('select * from "%s"' % t))
    out[t] = len(rows)
    h.update(t.encode()); h.update('\\n'.join(rows).encode())
out['sha256'] = h.hexdigest()
print(json.dumps(out))
`;
  return JSON.parse(execFileSync('python3', ['-c', code, db], { encoding: 'utf8' }));
}

function add(file, db) {
  return spawnSync(BIN, ['results', 'add', file, '--db', db], { encoding: 'utf8' });
}

/** add, add again, a truncated copy: accepted, nothing new, refused with the db unchanged. */
function addTwiceAndTruncated(file, db, t) {
  const first = add(file, db);
  assert.equal(first.status, 0, `darslik results add ${file}:\n${first.stdout}${first.stderr}`);
  t.diagnostic(`add: ${first.stdout.trim()}`);
  const after1 = register(db);
  assert.ok(after1.statements > 0, JSON.stringify(after1));
  const again = add(file, db);
  assert.equal(again.status, 0, `again:\n${again.stdout}${again.stderr}`);
  t.diagnostic(`again: ${again.stdout.trim()}`);
  assert.deepEqual(register(db), after1, 'the same file twice adds nothing');
  const bytes = fs.readFileSync(file);
  const cut = path.join(tmp, `truncated-${path.basename(file)}`);
  fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  const bad = add(cut, db);
  assert.equal(bad.status, 1, `truncated:\n${bad.stdout}${bad.stderr}`);
  assert.ok((bad.stdout + bad.stderr).includes(path.basename(cut)), `the refusal names the file:\n${bad.stdout}${bad.stderr}`);
  t.diagnostic(`truncated: ${(bad.stdout + bad.stderr).trim()}`);
  assert.deepEqual(register(db), after1, 'the register is unchanged after the refusal');
  return after1;
}

test('site: a learner finishes the whole course, saves the results file from My results, and the register takes it once', async (t) => {
  const { context, blocked } = await offlineContext(browser, { acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watchPage(page, SITE);
  try {
    for (const m of MODULES) {
      for (const rel of modulePages(LOCALE, m)) {
        problems.current = url(rel);
        await gotoSettled(page, url(rel));
        await work(page, pageKind(LOCALE, rel));
      }
    }
    // My results, linked from the course home and from the contents.
    await gotoSettled(page, url('index.html'));
    assert.equal(await page.locator('.home-results a[href="results.html"]').count(), 1, 'the course home links My results');
    await gotoSettled(page, url(`${MODULES[0]}/index.html`));
    await page.locator('.toc-results a').click();
    await page.waitForURL(url('results.html'));
    problems.current = url('results.html');
    const summary = await page.locator('.results-summary').innerText();
    for (const want of ['6 из 6 страниц', 'Лучший результат', '100 % · зачтено', 'Входной тест', 'Итоговый тест', 'Кейс', 'start → employer → start → separate']) {
      assert.ok(summary.includes(want), `the summary shows “${want}”:\n${summary}`);
    }
    const f = await save(page, '');
    assert.equal(f.name, `darslik-results-${COURSE.id}-Зарина-Абдуллаева-${today()}.json`);
    const kb = Math.ceil(f.bytes.length / 1024);
    assert.ok(f.status.includes(f.name) && f.status.includes(`${kb} КБ`) && f.status.includes('«Загрузки»') && f.status.includes('тренеру'), f.status);
    assert.equal(await page.locator('.results-status').getAttribute('aria-live'), 'polite');
    const kinds = checkFile(f, { modules: MODULES });
    t.diagnostic(`whole course: ${f.bytes.length} bytes (${kb} KB), ${f.json.statements.length} statements: ${Object.entries(kinds).map(([k, v]) => `${k} ${v.length}`).join(', ')}`);
    assert.ok(f.bytes.length < 200 * 1024, `${f.bytes.length} bytes`);

    // Saved again without a change: the same statements (module statuses too).
    const g = await save(page, '');
    assert.deepEqual(g.json.statements.map((s) => s.id), f.json.statements.map((s) => s.id), 'saving again gives the same statements');
    assert.equal(g.json.learner.id, f.json.learner.id);

    // Accessibility and screenshots at 1280 and 360 px.
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
      const serious = (await runAxe(page)).filter((v) => FAIL_ON.has(v.impact));
      assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`), [], `axe at ${width} px`);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= width, `no sideways scrolling at ${width} px (${wide})`);
      await page.screenshot({ path: `/tmp/results-${width}.png`, fullPage: true });
      // A long page at 360 px is also kept in screen-high parts, to be looked at.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, n = 0; width === 360 && y < height; y += 1200, n++) {
        await page.screenshot({ path: `/tmp/results-360-${n}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(1200, height - y) } });
      }
    }

    // The register.
    const rows = addTwiceAndTruncated(f.file, path.join(tmp, 'site.sqlite'), t);
    t.diagnostic(`register: ${JSON.stringify(rows)}`);
    const db2 = path.join(tmp, 'site2.sqlite');
    addTwiceAndTruncated(g.file, db2, t);
    assert.equal(add(f.file, db2).status, 0);
    assert.equal(register(db2).statements, register(path.join(tmp, 'site.sqlite')).statements, 'the second save adds no statement to the first');

    // A new learner on this computer: everything of this course goes.
    page.once('dialog', (d) => d.accept());
    await page.locator('.results-new button').click();
    await page.waitForFunction(() => document.querySelector('.results-status').textContent.trim() !== '');
    // darslik.js remembers the language chosen again at the reload.
    const left = await page.evaluate((c) => Object.keys(localStorage).filter((k) => k.startsWith(`darslik:${c}:`) && !k.endsWith(':lang')), COURSE.id);
    assert.deepEqual(left, [], 'no details, log or progress of the course is left');
    assert.equal(await page.locator('input[name="name"]').inputValue(), '');
    assert.ok((await page.locator('.results-summary').innerText()).includes('ещё не начали'));
    assert.equal((await page.locator('.results-status').textContent()).trim(), 'Всё удалено. Следующий слушатель может начинать курс.');
  } finally {
    await context.close();
  }
  assert.deepEqual(blocked, [], 'no request leaves');
  assert.equal(problems.length, 0, formatProblems(problems));
});

test('single file: a learner finishes module-07 in one file and saves the results file from its end', async (t) => {
  const file = path.join(SINGLE, LOCALE, 'module-07.html');
  const { context, blocked } = await offlineContext(browser, { acceptDownloads: true, viewport: { width: 360, height: 780 }, isMobile: true });
  const page = await context.newPage();
  const problems = watchPage(page, path.dirname(file));
  try {
    await gotoSettled(page, pathToFileURL(file).href);
    const count = await page.evaluate(() => window.darslikDoc.position().count);
    for (let i = 0; i < count; i++) {
      if (i) await page.click('.doc-locale:not([hidden]) .pager-next');
      const kind = await page.evaluate((s) => {
        const p = document.querySelector(`${s} .assess[data-assess]`);
        return p ? p.getAttribute('data-assess-kind') : document.querySelector(`${s} .quiz:not(.quiz-graded)`) ? 'practice' : 'content';
      }, SHOWN);
      await work(page, kind, SHOWN);
    }
    const scope = '.doc-locale:not([hidden])';
    assert.ok(await page.locator(`${scope} section.results`).isVisible(), 'My results is at the end of the module');
    const f = await save(page, scope);
    assert.equal(f.name, `darslik-results-${COURSE.id}-Зарина-Абдуллаева-${today()}.json`);
    checkFile(f, { modules: ['module-07'] });
    t.diagnostic(`module-07 from a single file: ${f.bytes.length} bytes`);
    addTwiceAndTruncated(f.file, path.join(tmp, 'single.sqlite'), t);

    // Names a Windows disk cannot take as they are: no <>:"/\|?* or control
    // characters, spaces as "-", any script kept, at most 60 characters, no
    // trailing dot.
    for (const [name, part] of [
      [' <Ли> Вэй: "a/b\\c|d?e*f"\u0007 Oʻgʻil G‘ayrat.  ', 'Ли-Вэй-abcdef-Oʻgʻil-G‘ayrat'],
      [`${'я'.repeat(59)} x`, 'я'.repeat(59)],
    ]) {
      const h = await save(page, scope, { ...LEARNER, name });
      assert.equal(h.name, `darslik-results-${COURSE.id}-${part}-${today()}.json`, name);
      assert.equal(h.json.learner.name, name.trim());
    }

    // A browser that cannot download: the file's text to copy instead.
    const old = await context.newPage();
    await old.addInitScript(() => { delete HTMLAnchorElement.prototype.download; });
    await gotoSettled(old, pathToFileURL(file).href);
    const results = old.locator(`${scope} section.results`);
    await old.click(`${scope} .pager-prev`);
    assert.ok(!(await results.isVisible()), 'My results is not below every page');
    await old.locator(`${scope} details.doc-toc > summary`).click();
    await old.locator(`${scope} .toc-results a`).click();
    assert.ok(await results.isVisible(), 'the contents link shows My results below any page');
    await old.locator(`${scope} section.results button.results-save`).click();
    const copy = old.locator(`${scope} .results-copy textarea`);
    await copy.waitFor({ state: 'visible' });
    const j = JSON.parse(await copy.inputValue());
    assert.equal(j.darslik, 'results');
    assert.equal(j.statements.length, f.json.statements.length);
    await old.waitForFunction((s) => document.querySelector(s).textContent.includes('Скопируйте весь текст'), `${scope} .results-status`);
    await old.click(`${scope} .pager-prev`);
    assert.ok(!(await results.isVisible()), 'the next page shown hides it again');
    await old.close();
  } finally {
    await context.close();
  }
  assert.deepEqual(blocked, [], 'no request leaves');
  assert.equal(problems.length, 0, formatProblems(problems));
});

// file:// pages share one storage in Chromium: another file may have put
// anything under the course's keys. The page still works and the file is
// still a results file, without what is not well-formed.
test('hostile storage: My results still shows and saves', async () => {
  const { context, blocked } = await offlineContext(browser, { acceptDownloads: true });
  const page = await context.newPage();
  const problems = watchPage(page, SITE);
  try {
    await gotoSettled(page, url('results.html'));
    await page.evaluate((c) => {
      const k = `darslik:${c.id}:`;
      localStorage.setItem(`${k}${c.version}:records`, JSON.stringify({ e: [{ k: 'a', o: 5 }, { k: 's', i: 'x', t: 'y', o: 'z', l: 'en' }, { k: 'p', i: 'x', t: 'y', o: 'z', l: 'en', n: '1' }, 7, null], d: 'x', m: 3 }));
      localStorage.setItem(`${k}learner`, '"<img src=x onerror=alert(1)>"');
      localStorage.setItem(`${k}${c.version}:module-07:ru:progress`, JSON.stringify({ seen: 'all', tests: 5, scen: [1] }));
      localStorage.setItem(`${k}${c.version}:ru:progress`, '{"seen":');
    }, COURSE);
    await gotoSettled(page, url('results.html'));
    assert.ok((await page.locator('.results-summary').innerText()).includes('ещё не начали'));
    const f = await save(page, '');
    assert.equal(f.json.darslik, 'results');
    assert.match(f.json.learner.id, UUID4);
    assert.deepEqual(f.json.statements, []);
  } finally {
    await context.close();
  }
  assert.deepEqual(blocked, []);
  assert.equal(problems.length, 0, formatProblems(problems));
});
