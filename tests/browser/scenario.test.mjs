// Real-Chromium checks of case scenarios (issue 20; SPEC §8) on the sample
// course's scenario pages (a `section.scenario` on a page of the built site:
// case-digest/04-* and module-07/04-*), over file:// with the network
// disabled:
//
//   - the markup agrees with the scenario's graph, worked out here from the
//     choices' targets and points: every step's data-best is the best sum of
//     points from it to an ending, data-good marks exactly the choices on a
//     best path; at least 8 steps and 3 endings
//   - en and ru: the best path and then a poor path (the fewest points of any
//     path to an ending), played by clicking: one step shown at a time, the
//     status line, the choice and its feedback at the top of the next step,
//     focus on the new step's text; at the ending the path (every choice, its
//     feedback and points) and the score (points of best, percent), also
//     hard-coded for the sample scenarios; the state in localStorage and one
//     window.darslik.onChoice call per choice; Restart keeps the best run
//   - reload resumes at the step with the path shown, without onChoice; Back
//     after the reload; an ending reloaded shows its result
//   - JavaScript off: every step shown, and reached from the first by
//     following the choices' links
//   - keyboard only (Tab, Shift+Tab, Enter): a run with a Back on the way,
//     and "start again" at the ending
//   - axe: no serious or critical violation at 360 and 1280 px, light and
//     dark, en, ru and uz, on a step after a choice and at an ending with the
//     facilitator view open
//   - progress: a finished scenario counts as one question of its module in
//     the module summary and on the course home
//   - print (a PDF made of the page in the middle of a run): every step
//     shown, no buttons, the facilitator view opened for printing and closed
//     again after
//   - an unscored scenario (no points anywhere; tests/fixtures/scenario with
//     a page added): it plays to an ending with no score and no points, says
//     it is not scored, keeps no best run and is not in the module's count
//   - a single-file module (one document, every page, ids prefixed): the
//     scenario plays on its page without the pager moving, and a reload
//     opens the document at that page and step
//
// Every page must make no request outside the output and log no console
// error or uncaught exception.
//
//   node --test tests/browser/scenario.test.mjs   (after a build of the sample course)
//
// Env: DARSLIK_DIST (the built output, default <repo>/dist), DARSLIK_BIN (the
// binary that builds the unscored fixture, default target/release/darslik).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, repoRoot } from './lib.mjs';
import { SINGLE, axeInto, darslikBin, htmlFiles, open, requireBuilt, withPage } from './a11ykit.mjs';
import { SITE, TEXT as QTEXT, courseConfig, modulePages } from './quizkit.mjs';

const LOCALES = ['en', 'ru'];
const AXE_LOCALES = ['en', 'ru', 'uz'];
const COURSE = courseConfig();
const SCHEMES = ['light', 'dark'];
const WIDTHS = [
  { width: 360, options: { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true } },
  { width: 1280, options: { viewport: { width: 1280, height: 800 } } },
];

/** What a learner must read, per locale (themes/default/locales/<l>/theme.ftl, by hand). */
const TEXT = {
  en: {
    status: (n) => `Step ${n}`,
    finished: 'You reached an ending.',
    score: (points, best, percent) => `${points} of ${best} points (${percent}%)`,
    bestRun: (percent) => `Your best finished run: ${percent}%`,
    points: (p) => `points: ${p}`,
    again: 'Start the scenario again',
  },
  ru: {
    status: (n) => `Шаг ${n}`,
    finished: 'Вы дошли до одного из финалов.',
    score: (points, best, percent) => `Баллы: ${points} из ${best} (${percent} %)`,
    bestRun: (percent) => `Лучшее завершённое прохождение: ${percent} %`,
    points: (p) => `баллы: ${p}`,
    again: 'Пройти кейс заново',
  },
};

/**
 * The sample scenarios' scores, worked out by hand from their Markdown
 * (content/<locale>/<key>.md): the best path's points, and the poor path's
 * (the fewest points to an ending) points and percent.
 */
const EXPECTED = {
  // best: start → conditions +2 → corroborate +2 → evidence +2 → expert +2 →
  // trial +2 → convicted +2 = 12. Poor: start → conditions +2 → confrontation
  // -2 → closed -1 = -1: 0%. Loop: start → reinterview -1 → start 0, then the
  // best path: 11 of 12, 92%.
  'case-digest/04-scenario-changed-statement': { best: 12, poor: -1, percent: 0, loop: 11, loopPercent: 92 },
  // best: start → separate +2 → interview +2 → disclosure +2 → migration +2 →
  // referral +2 → protected +2 = 12. Poor: the same to migration (+8), then
  // punished -2 → lost -1 = 5: 42%. Loop: start → employer -2 → start 0,
  // then the best path: 10 of 12, 83%.
  'module-07/04-scenario-bus-station': { best: 12, poor: 5, percent: 42, loop: 10, loopPercent: 83 },
};
const EXPECTED_NOTE = 'the sample scenarios (content/*/case-digest/04-*.md, module-07/04-*.md)';

const url = (locale, rel) => pathToFileURL(path.join(SITE, locale, rel)).href;
const progressKey = (locale) => `darslik:${COURSE.id}:${COURSE.version}:${locale}:progress`;
const signed = (n) => (n > 0 ? `+${n}` : String(n));
const percentOf = (points, best) => Math.max(0, Math.min(100, Math.round((100 * points) / best)));
const squash = (s) => String(s || '').replace(/\s+/g, ' ').trim();

/** The pages of the site in `locale` that hold a scenario: [{ rel, key, module }]. */
function scenarioPages(locale) {
  return htmlFiles(path.join(SITE, locale))
    .filter((rel) => rel.split('/').length === 2 && /<section class="scenario"[\s>]/.test(fs.readFileSync(path.join(SITE, locale, rel), 'utf8')))
    .map((rel) => ({ rel, key: rel.replace(/\.html$/, ''), module: rel.split('/')[0] }));
}

let browser;
before(async () => {
  requireBuilt(path.join(SITE, 'index.html'));
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
});

/** A scenario of the page (the n-th) as its markup says: steps, choices, points, good marks. */
function readScenario(page, n = 0) {
  return page.evaluate((n) => {
    const sec = document.querySelectorAll('section.scenario')[n];
    if (!sec) return null;
    const squash = (s) => String(s || '').replace(/\s+/g, ' ').trim();
    const steps = {};
    const order = [];
    for (const el of sec.querySelectorAll(':scope > .scenario-step')) {
      const id = el.getAttribute('data-step');
      order.push(id);
      steps[id] = {
        id,
        dom: el.id,
        end: el.hasAttribute('data-end'),
        best: Number(el.getAttribute('data-best')),
        choices: [...el.querySelectorAll(':scope > .scenario-choices a.scenario-choice')].map((a) => ({
          i: Number(a.getAttribute('data-choice')),
          target: a.getAttribute('data-target'),
          href: a.getAttribute('href'),
          points: Number(a.getAttribute('data-points')),
          good: a.hasAttribute('data-good'),
          text: squash(a.textContent),
          feedback: squash(a.parentElement.querySelector('.scenario-feedback')?.textContent),
        })),
      };
    }
    return { sid: sec.getAttribute('data-sid'), dom: sec.id, best: Number(sec.getAttribute('data-best')), start: sec.getAttribute('data-start'), order, steps };
  }, n);
}

/** Every path from the start to an ending that visits no step twice: [[{step, i, target, points, ...choice}]]. */
function simplePaths(sc, from = sc.start) {
  const out = [];
  const walk = (at, seen, path) => {
    if (out.length > 50000) throw new Error(`${sc.sid}: too many paths`);
    const s = sc.steps[at];
    if (s.end) {
      out.push(path);
      return;
    }
    for (const c of s.choices) {
      if (seen.has(c.target)) continue;
      walk(c.target, new Set([...seen, c.target]), [...path, { step: at, ...c }]);
    }
  };
  walk(from, new Set([from]), []);
  return out;
}
const pointsOf = (path) => path.reduce((s, c) => s + c.points, 0);
/** The highest sum of points from `from` to an ending (no positive cycles: a simple path has it). */
const bestFrom = (sc, from) => Math.max(...simplePaths(sc, from).map(pointsOf));
/**
 * The best path (fewest steps among the best); a poor one (the fewest points
 * of the paths of at least 3 choices, then the fewest steps); and a loop: a
 * choice from the first step to a step that leads straight back, then the
 * best path (points taken twice count twice), or null.
 */
function paths(sc) {
  const all = simplePaths(sc);
  const byLen = (a, b) => a.length - b.length;
  const best = all.filter((p) => pointsOf(p) === sc.best).sort(byLen)[0];
  const long = all.filter((p) => p.length >= 3);
  const pool = long.length ? long : all;
  const low = Math.min(...pool.map(pointsOf));
  const poor = pool.filter((p) => pointsOf(p) === low).sort(byLen)[0];
  let loop = null;
  for (const c of sc.steps[sc.start].choices) {
    const back = sc.steps[c.target].choices.find((x) => x.target === sc.start);
    if (back && !loop) loop = [{ step: sc.start, ...c }, { step: c.target, ...back }, ...best];
  }
  return { best, poor, loop };
}

/** What the n-th scenario shows now. */
function readView(page, n = 0) {
  return page.evaluate((n) => {
    const sec = document.querySelectorAll('section.scenario')[n];
    const squash = (s) => String(s || '').replace(/\s+/g, ' ').trim();
    const vis = (el) => !!el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const shown = [...sec.querySelectorAll(':scope > .scenario-step')].filter(vis);
    const step = shown[0];
    const result = sec.querySelector(':scope > .scenario-result');
    const text = step && step.querySelector(':scope > .scenario-text');
    const back = sec.querySelector('.scenario-back');
    return {
      visible: shown.map((s) => s.getAttribute('data-step')),
      barVisible: vis(sec.querySelector('.scenario-bar')),
      backDisabled: back ? back.disabled : null,
      status: squash(sec.querySelector('.scenario-status')?.textContent),
      said: squash(step?.querySelector('.scenario-said')?.textContent),
      focusInText: !!text && document.activeElement === text,
      resultVisible: vis(result),
      items: [...(result?.querySelectorAll('.scenario-path > li') || [])].map((li) => squash(li.textContent)),
      score: result?.querySelector('.scenario-score') ? squash(result.querySelector('.scenario-score').textContent) : null,
      bestRun: result?.querySelector('.scenario-best') ? squash(result.querySelector('.scenario-best').textContent) : null,
      again: vis(result?.querySelector('.scenario-result-again')),
      againText: squash(result?.querySelector('.scenario-result-again')?.textContent),
    };
  }, n);
}

/** The run kept in localStorage for `sid`. */
async function stored(page, locale, sid) {
  const raw = await page.evaluate((k) => localStorage.getItem(k), progressKey(locale));
  const st = raw ? JSON.parse(raw) : null;
  return st && st.scen ? st.scen[sid] : undefined;
}

/** Records window.darslik.onChoice calls in window.__choices (progress.js keeps the object). */
async function recordChoices(context) {
  await context.addInitScript(() => {
    window.__choices = [];
    window.darslik = { onChoice: (c) => window.__choices.push(c) };
  });
}
const choices = (page) => page.evaluate(() => window.__choices);

/** The said box after choice `c`: its text, its points (scored) and its feedback. */
function assertSaid(said, c, sc, T, when) {
  assert.ok(said.includes(c.text), `${when}: the choice's text is not shown at the top of the next step (${JSON.stringify(said)})`);
  if (c.feedback) assert.ok(said.includes(c.feedback), `${when}: the choice's feedback is not shown (${JSON.stringify(said)})`);
  if (sc.best > 0) assert.ok(said.includes(T.points(signed(c.points))), `${when}: the choice's points "${T.points(signed(c.points))}" are not shown (${JSON.stringify(said)})`);
}

/** Plays `path` from its k-th choice on by clicking, checking every step on the way. */
async function play(page, sc, path, T, label, { from = 0, n = 0 } = {}) {
  for (let k = from; k < path.length; k++) {
    const c = path[k];
    const when = `${label}: choice ${k + 1} (${c.step} → ${c.target})`;
    const before = await readView(page, n);
    assert.deepEqual(before.visible, [c.step], `${when}: the step shown before it`);
    await page.click(`#${sc.steps[c.step].dom} > .scenario-choices a.scenario-choice[data-choice="${c.i}"]`);
    const v = await readView(page, n);
    assert.deepEqual(v.visible, [c.target], `${when}: one step shown, the target`);
    assert.ok(v.focusInText, `${when}: the focus is not on the new step's text`);
    assert.ok(v.status.startsWith(T.status(k + 2)), `${when}: status "${v.status}" should start with "${T.status(k + 2)}"`);
    assertSaid(v.said, c, sc, T, when);
    assert.equal(v.backDisabled, false, `${when}: Back is disabled`);
    if (sc.steps[c.target].end) {
      assert.ok(v.status.includes(T.finished), `${when}: the status does not say the ending is reached (${v.status})`);
    } else {
      assert.equal(v.resultVisible, false, `${when}: the result is shown before an ending`);
    }
  }
}

/** The result at the end of `path`; `best` is the best finished run so far. */
function assertResult(v, sc, path, T, best, when) {
  assert.ok(v.resultVisible, `${when}: the result is not shown at the ending`);
  assert.equal(v.items.length, path.length, `${when}: the path shows ${v.items.length} choices, the run made ${path.length}`);
  path.forEach((c, k) => assertSaid(v.items[k], c, sc, T, `${when}: path item ${k + 1}`));
  const pts = pointsOf(path);
  const pc = percentOf(pts, sc.best);
  assert.equal(v.score, T.score(pts, sc.best, pc), `${when}: the score`);
  assert.ok(v.status.includes(T.score(pts, sc.best, pc)), `${when}: the status line does not give the score (${v.status})`);
  assert.equal(v.bestRun, best > pc ? T.bestRun(best) : null, `${when}: the best finished run`);
  assert.ok(v.again, `${when}: no "start again" button`);
  assert.equal(v.againText, T.again, `${when}: the "start again" button's text`);
}

test('the sample course has a scenario page in case-digest and module-07 in en, ru and uz; each scenario\'s markup agrees with its graph (data-best, data-good), ≥ 8 steps and 3 endings', async () => {
  for (const locale of ['en', 'ru', 'uz']) {
    const pages = scenarioPages(locale);
    const modules = new Set(pages.map((p) => p.module));
    for (const m of ['case-digest', 'module-07']) assert.ok(modules.has(m), `site/${locale}/${m}: no page with a scenario (pages with one: ${pages.map((p) => p.rel).join(', ') || 'none'})`);
  }
  await withPage(browser, SITE, {}, async (page, problems) => {
    for (const locale of ['en', 'ru', 'uz']) {
      for (const { rel, key } of scenarioPages(locale)) {
        await open(page, problems, url(locale, rel));
        const sc = await readScenario(page);
        const label = `${locale}/${rel} (${sc.sid})`;
        assert.equal(sc.sid, `${key}/s1`, `${label}: data-sid`);
        assert.ok(sc.order.length >= 8, `${label}: ${sc.order.length} steps, fewer than 8`);
        assert.ok(sc.order.filter((id) => sc.steps[id].end).length >= 3, `${label}: fewer than 3 endings`);
        assert.equal(sc.start, sc.order[0], `${label}: data-start is not the first step`);
        for (const id of sc.order) {
          const s = sc.steps[id];
          assert.equal(s.dom, `${sc.dom}-${id}`, `${label}: step ${id}'s element id`);
          const b = bestFrom(sc, id);
          assert.equal(s.best, b, `${label}: step ${id}'s data-best`);
          for (const c of s.choices) {
            assert.ok(sc.steps[c.target], `${label}: ${id} choice ${c.i} leads to a missing step ${c.target}`);
            assert.equal(c.href, `#${sc.dom}-${c.target}`, `${label}: ${id} choice ${c.i}'s href`);
            assert.equal(c.good, c.points + bestFrom(sc, c.target) === b, `${label}: ${id} choice ${c.i}'s data-good`);
          }
        }
        assert.equal(sc.best, sc.steps[sc.start].best, `${label}: the section's data-best`);
        assert.ok(sc.best > 0, `${label}: the sample scenario is not scored`);
        const { best, poor } = paths(sc);
        assert.ok(pointsOf(poor) < pointsOf(best), `${label}: no path scores less than the best`);
      }
    }
  });
});

for (const locale of LOCALES) {
  const T = TEXT[locale];

  test(`${locale}: the best path, then Restart and a poor path: steps, feedback, focus, status, path and score; the state and onChoice; the best run is kept`, async () => {
    const pages = scenarioPages(locale);
    assert.ok(pages.length >= 2, `site/${locale}: fewer than two scenario pages`);
    await withPage(browser, SITE, {}, async (page, problems) => {
      await recordChoices(page.context());
      for (const { rel, key } of pages) {
        await open(page, problems, url(locale, rel));
        const sc = await readScenario(page);
        const label = `${locale}/${rel}`;
        const { best, poor, loop } = paths(sc);
        const v0 = await readView(page);
        assert.deepEqual(v0.visible, [sc.start], `${label}: at first only the first step is shown`);
        assert.ok(v0.barVisible, `${label}: the Back / Restart bar is not shown`);
        assert.equal(v0.backDisabled, true, `${label}: Back is enabled at the first step`);
        assert.equal(v0.status, T.status(1), `${label}: status at the first step`);

        // The best path.
        await play(page, sc, best, T, `${label} best path`);
        assertResult(await readView(page), sc, best, T, 100, `${label} best path`);
        assert.equal(percentOf(pointsOf(best), sc.best), 100, `${label}: the best path does not score 100%`);
        assert.deepEqual(await stored(page, locale, sc.sid), { p: best.map((c) => c.i), d: 1, b: 100 }, `${label}: the state after the best path`);
        const calls = await choices(page);
        assert.equal(calls.length, best.length, `${label}: onChoice calls for the best path`);
        best.forEach((c, k) => {
          const end = k === best.length - 1;
          assert.deepEqual(calls[k], { sid: sc.sid, step: c.step, choice: c.i, target: c.target, points: c.points, good: c.good, end, percent: end ? 100 : null }, `${label}: onChoice ${k + 1}`);
          assert.ok(c.good, `${label}: choice ${k + 1} of the best path is not marked good`);
        });

        // Restart (the bar's button): the first step again, the best run kept.
        await page.click(`#${sc.dom} .scenario-restart`);
        const v1 = await readView(page);
        assert.deepEqual(v1.visible, [sc.start], `${label}: Restart shows the first step`);
        assert.ok(v1.focusInText, `${label}: after Restart the focus is not on the first step's text`);
        assert.equal(v1.status, T.status(1), `${label}: status after Restart`);
        assert.equal(v1.said, '', `${label}: a choice is shown at the top of the first step after Restart`);
        assert.equal(v1.resultVisible, false, `${label}: the result is still shown after Restart`);
        assert.deepEqual(await stored(page, locale, sc.sid), { p: [], d: 0, b: 100 }, `${label}: the state after Restart`);

        // A poor path: its score, and the best run under it.
        await page.evaluate(() => { window.__choices = []; });
        await play(page, sc, poor, T, `${label} poor path`);
        const pc = percentOf(pointsOf(poor), sc.best);
        assertResult(await readView(page), sc, poor, T, 100, `${label} poor path`);
        assert.deepEqual(await stored(page, locale, sc.sid), { p: poor.map((c) => c.i), d: 1, b: 100 }, `${label}: the state after the poor path`);
        const last = (await choices(page)).at(-1);
        assert.equal(last.end, true, `${label}: the poor path's last onChoice has end false`);
        assert.equal(last.percent, pc, `${label}: the poor path's last onChoice percent`);
        assert.ok(poor.some((c) => !c.good), `${label}: the poor path has no choice off the best path`);

        // The sample's own numbers, by hand.
        const want = EXPECTED[key];
        assert.ok(want, `${label}: no hand-worked score for ${key} in EXPECTED (${EXPECTED_NOTE})`);
        assert.equal(sc.best, want.best, `${label}: the best path's points`);
        assert.equal(pointsOf(poor), want.poor, `${label}: the poor path's points`);
        assert.equal(pc, want.percent, `${label}: the poor path's percent`);

        // "Start again" under the result, and a run through a loop: the
        // points of a choice taken twice count twice.
        await page.click(`#${sc.dom} .scenario-result-again`);
        assert.deepEqual((await readView(page)).visible, [sc.start], `${label}: "start again" does not show the first step`);
        assert.ok(loop, `${label}: no choice from the first step leads straight back to it`);
        await play(page, sc, loop, T, `${label} loop`);
        assertResult(await readView(page), sc, loop, T, 100, `${label} loop`);
        assert.equal(pointsOf(loop), want.loop, `${label}: the loop's points`);
        assert.equal(percentOf(pointsOf(loop), sc.best), want.loopPercent, `${label}: the loop's percent`);
        assert.deepEqual(await stored(page, locale, sc.sid), { p: loop.map((c) => c.i), d: 1, b: 100 }, `${label}: the state after the loop`);
      }
    });
  });

  test(`${locale}: a reload resumes at the step with the path shown, without onChoice; Back after it; an ending reloaded shows its result`, async () => {
    await withPage(browser, SITE, {}, async (page, problems) => {
      await recordChoices(page.context());
      for (const { rel } of scenarioPages(locale)) {
        const href = url(locale, rel);
        await open(page, problems, href);
        const sc = await readScenario(page);
        const label = `${locale}/${rel}`;
        const { poor } = paths(sc);
        const k = Math.max(1, Math.min(2, poor.length - 1));
        await play(page, sc, poor.slice(0, k), T, `${label} before the reload`);
        await open(page, problems, href);
        assert.deepEqual(await choices(page), [], `${label}: onChoice was called when the saved path was replayed`);
        const v = await readView(page);
        const c = poor[k - 1];
        assert.deepEqual(v.visible, [c.target], `${label}: after the reload the step shown`);
        assert.equal(v.status, T.status(k + 1), `${label}: the status after the reload`);
        assertSaid(v.said, c, sc, T, `${label}: after the reload`);
        assert.deepEqual(await stored(page, locale, sc.sid), { p: poor.slice(0, k).map((x) => x.i), d: 0 }, `${label}: the state after the reload`);

        await page.click(`#${sc.dom} .scenario-back`);
        const b = await readView(page);
        assert.deepEqual(b.visible, [c.step], `${label}: Back after the reload`);
        assert.ok(b.focusInText, `${label}: after Back the focus is not on the step's text`);
        assert.equal(b.status, T.status(k), `${label}: the status after Back`);
        assert.deepEqual(await stored(page, locale, sc.sid), { p: poor.slice(0, k - 1).map((x) => x.i), d: 0 }, `${label}: the state after Back`);

        await play(page, sc, poor, T, `${label} after Back`, { from: k - 1 });
        const pc = percentOf(pointsOf(poor), sc.best);
        await open(page, problems, href);
        const e = await readView(page);
        assert.deepEqual(e.visible, [poor.at(-1).target], `${label}: the ending after a reload`);
        assertResult(e, sc, poor, T, pc, `${label}: the ending reloaded`);
        assert.deepEqual(await choices(page), [], `${label}: onChoice at the reload of an ending`);
      }
    });
  });

  test(`${locale}: JavaScript off: every step shown, and reached from the first by following the choices' links`, async () => {
    await withPage(browser, SITE, { javaScriptEnabled: false }, async (page, problems) => {
      for (const { rel } of scenarioPages(locale)) {
        const href = url(locale, rel);
        await open(page, problems, href);
        const sc = await readScenario(page);
        const label = `${locale}/${rel} without JavaScript`;
        const v = await readView(page);
        assert.deepEqual(v.visible, sc.order, `${label}: every step is shown`);
        const reached = new Set([sc.start]);
        const queue = [sc.start];
        while (queue.length) {
          const id = queue.shift();
          for (const c of sc.steps[id].choices) {
            await page.click(`#${sc.steps[id].dom} > .scenario-choices a.scenario-choice[data-choice="${c.i}"]`);
            const at = await page.evaluate(() => {
              const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
              return el && el.classList.contains('scenario-step') && el.checkVisibility() ? el.getAttribute('data-step') : null;
            });
            assert.equal(at, c.target, `${label}: ${id} choice ${c.i} does not lead to the shown step ${c.target}`);
            if (!reached.has(at)) {
              reached.add(at);
              queue.push(at);
            }
          }
        }
        assert.deepEqual([...reached].sort(), [...sc.order].sort(), `${label}: steps not reached by links from the first`);
      }
    });
  });
}

/** Where the keyboard focus is, relative to the n-th scenario. */
function focusAt(page, n = 0) {
  return page.evaluate((n) => {
    const sec = document.querySelectorAll('section.scenario')[n];
    const a = document.activeElement;
    if (!a || !sec.contains(a)) return { inside: false };
    return {
      inside: true,
      cls: a.getAttribute('class') || '',
      choice: a.classList.contains('scenario-choice') ? Number(a.getAttribute('data-choice')) : null,
      step: a.closest('.scenario-step')?.getAttribute('data-step') || null,
    };
  }, n);
}
async function tabTo(page, pred, what, key = 'Tab', max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focusAt(page);
    if (pred(f)) return f;
  }
  assert.fail(`${key} (${max} times) never reached ${what}`);
}

for (const locale of LOCALES) {
  test(`${locale}: keyboard only: a run with a Back on the way, and "start again" at the ending`, async () => {
    const T = TEXT[locale];
    await withPage(browser, SITE, { viewport: { width: 1280, height: 800 } }, async (page, problems) => {
      for (const { rel } of scenarioPages(locale)) {
        await open(page, problems, url(locale, rel));
        const sc = await readScenario(page);
        const label = `${locale}/${rel} (keyboard)`;
        const { best, poor } = paths(sc);
        const choose = async (c) => {
          await tabTo(page, (f) => f.step === c.step && f.choice === c.i, `choice ${c.i} of ${c.step}`);
          await page.keyboard.press('Enter');
          assert.deepEqual((await readView(page)).visible, [c.target], `${label}: Enter on ${c.step} choice ${c.i}`);
          assert.ok((await readView(page)).focusInText, `${label}: the focus is not on ${c.target}'s text`);
        };
        // A wrong turn first, taken back with Shift+Tab to Back and Enter.
        const detour = poor.find((c) => c.step === sc.start) || poor[0];
        await choose(detour);
        await tabTo(page, (f) => /\bscenario-back\b/.test(f.cls || ''), 'Back', 'Shift+Tab');
        await page.keyboard.press('Enter');
        const v = await readView(page);
        assert.deepEqual(v.visible, [detour.step], `${label}: Back with Enter`);
        assert.ok(v.focusInText, `${label}: the focus after Back`);
        for (const c of best) await choose(c);
        const end = await readView(page);
        assert.ok(end.resultVisible, `${label}: no result at the ending`);
        assert.equal(end.score, T.score(sc.best, sc.best, 100), `${label}: the score`);
        await tabTo(page, (f) => /\bscenario-result-again\b/.test(f.cls || ''), '"start again"');
        await page.keyboard.press('Enter');
        const again = await readView(page);
        assert.deepEqual(again.visible, [sc.start], `${label}: "start again" with Enter`);
        assert.ok(again.focusInText, `${label}: the focus after "start again"`);
        assert.equal(again.status, T.status(1), `${label}: the status after "start again"`);
      }
    });
  });
}

for (const { width, options } of WIDTHS) {
  for (const scheme of SCHEMES) {
    test(`axe at ${width} px, ${scheme}: en, ru, uz scenario pages after a choice and at an ending with the facilitator view open — no serious or critical violation; no sideways scroll`, async (t) => {
      const failures = [];
      const minor = [];
      await withPage(browser, SITE, { ...options, colorScheme: scheme }, async (page, problems) => {
        for (const locale of AXE_LOCALES) {
          for (const { rel } of scenarioPages(locale)) {
            const label = `${locale}/${rel} [${width} px, ${scheme}]`;
            await open(page, problems, url(locale, rel), label);
            const sc = await readScenario(page);
            const { poor } = paths(sc);
            const first = poor[0];
            await page.click(`#${sc.steps[first.step].dom} > .scenario-choices a.scenario-choice[data-choice="${first.i}"]`);
            await axeInto(page, `${label} after a choice`, failures, minor);
            for (const c of poor.slice(1)) await page.click(`#${sc.steps[c.step].dom} > .scenario-choices a.scenario-choice[data-choice="${c.i}"]`);
            await page.click(`#${sc.dom} > .scenario-facilitator > summary`);
            const shown = await page.evaluate((dom) => {
              const sec = document.getElementById(dom);
              const fig = sec.querySelector('.scenario-diagram');
              const svg = fig && fig.querySelector('svg');
              const sizes = svg ? [svg, ...svg.querySelectorAll('[font-size]')].map((el) => Number(el.getAttribute('font-size'))).filter((n) => n > 0) : [];
              return {
                result: sec.querySelector('.scenario-result').checkVisibility(),
                open: sec.querySelector('.scenario-facilitator').open,
                svgWidth: svg ? svg.getBoundingClientRect().width : null,
                viewBoxWidth: svg ? svg.viewBox.baseVal.width : null,
                smallestFont: sizes.length ? Math.min(...sizes) : null,
                figScrolls: fig ? fig.scrollWidth > fig.clientWidth + 1 : null,
                figFocusable: fig ? fig.getAttribute('tabindex') === '0' : null,
                pageScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                small: [...sec.querySelectorAll('a.scenario-choice, .scenario-bar button, .scenario-result-again')]
                  .filter((el) => el.checkVisibility())
                  .map((el) => el.getBoundingClientRect())
                  .filter((r) => r.height < 44 || r.width < 44).length,
              };
            }, sc.dom);
            assert.ok(shown.result && shown.open, `${label}: result or facilitator view not shown (${JSON.stringify(shown)})`);
            // The diagram's labels stay readable (9 px or more); when that
            // makes it wider than its column, it scrolls there, and the
            // keyboard can reach it.
            assert.ok(shown.svgWidth > 0 && shown.smallestFont, `${label}: no diagram with labels (${JSON.stringify(shown)})`);
            const px = (shown.smallestFont * shown.svgWidth) / shown.viewBoxWidth;
            assert.ok(px >= 9, `${label}: the diagram's smallest label is ${px.toFixed(1)} px high (${JSON.stringify(shown)})`);
            assert.equal(shown.figFocusable, shown.figScrolls, `${label}: the diagram scrolls sideways but cannot be reached with the keyboard, or the reverse (${JSON.stringify(shown)})`);
            assert.ok(shown.pageScroll <= 0, `${label}: the page scrolls sideways by ${shown.pageScroll} px`);
            assert.equal(shown.small, 0, `${label}: a button or choice smaller than 44 px`);
            await axeInto(page, `${label} at the ending, facilitator view open`, failures, minor);
          }
        }
      });
      for (const m of minor) for (const line of `(not failing) ${m}`.split('\n')) t.diagnostic(line);
      if (failures.length) assert.fail(`${failures.length} serious/critical axe violation(s):\n${failures.join('\n')}`);
    });
  }
}

for (const locale of LOCALES) {
  test(`${locale}: a finished scenario counts as one question in its module's summary and on the course home`, async () => {
    const T = QTEXT[locale];
    await withPage(browser, SITE, {}, async (page, problems) => {
      for (const { rel, key, module } of scenarioPages(locale)) {
        await page.evaluate(() => localStorage.clear()).catch(() => {});
        await open(page, problems, url(locale, rel));
        const sc = await readScenario(page);
        const label = `${locale}/${rel}`;
        const { poor } = paths(sc);
        await page.evaluate(() => localStorage.clear());
        await open(page, problems, url(locale, rel));
        await play(page, sc, poor, TEXT[locale], `${label} poor path`);
        const pc = percentOf(pointsOf(poor), sc.best);

        // The module summary: the page of the module that has one.
        const summaryRel = modulePages(locale, module).find((r) => /data-summary/.test(fs.readFileSync(path.join(SITE, locale, r), 'utf8')));
        assert.ok(summaryRel, `${locale}/${module}: no page with the module summary`);
        await open(page, problems, url(locale, summaryRel));
        const m = await page.evaluate((module) => {
          for (const el of document.querySelectorAll('script.progress-data')) {
            const d = JSON.parse(el.textContent);
            if (d.module === module) return d;
          }
          return null;
        }, module);
        assert.ok(m, `${locale}/${summaryRel}: no progress data for ${module}`);
        assert.deepEqual(m.scen, [{ id: sc.sid, page: key }], `${locale}/${summaryRel}: the module's scored scenarios (progress-data "scen")`);
        const graded = (m.tests || []).filter((x) => x.kind === 'graded' || x.kind === 'post-test');
        const total = (graded.length ? graded.reduce((s, x) => s + (x.n || 0), 0) : m.qids.length) + 1;
        const correct = pc / 100;
        const percent = Math.round((correct * 100) / total);
        const summary = await page.evaluate(() => {
          const box = document.querySelector('section.module-summary[data-summary]');
          return box && { visible: box.checkVisibility(), score: box.querySelector('.summary-score')?.textContent.trim() };
        });
        assert.ok(summary && summary.visible, `${locale}/${summaryRel}: the module summary is not shown after a finished scenario`);
        assert.equal(summary.score, T.score(total, Math.round(correct), percent), `${locale}/${summaryRel}: the module summary (the scenario at ${pc}% counts as one of ${total} questions)`);

        // The course home: pages seen (the scenario's and the summary's) and the score.
        await open(page, problems, url(locale, 'index.html'));
        const home = await page.evaluate((module) => document.querySelector(`[data-module-progress="${module}"]`)?.textContent.trim(), module);
        const seen = new Set([`${key}.md`, summaryRel.replace(/\.html$/, '.md')]).size;
        assert.equal(home, T.home(seen, m.pages.length, percent, false), `${locale}/index.html: ${module}'s progress`);
      }
    });
  });
}

for (const locale of LOCALES) {
  test(`${locale}: single-file module-07: the scenario plays on its page, the pager stays; a reload returns to the page and step`, async () => {
    const T = TEXT[locale];
    const file = path.join(SINGLE, locale, 'module-07.html');
    assert.ok(fs.existsSync(file), `${file} not found: build with --format single`);
    const href = pathToFileURL(file).href;
    await withPage(browser, SINGLE, { viewport: { width: 1280, height: 800 } }, async (page, problems) => {
      await recordChoices(page.context());
      await open(page, problems, href);
      const shownPage = () => page.evaluate(() => {
        const p = document.querySelector('.doc-locale:not([hidden]) .doc-page:not([hidden])');
        return { key: p && p.getAttribute('data-page'), scenario: !!(p && p.querySelector('section.scenario')) };
      });
      // Page on with the pager, as a learner does, to the scenario's page.
      for (let i = 0; i < 20 && !(await shownPage()).scenario; i++) await page.click('.doc-locale:not([hidden]) .pager-next');
      const at = await shownPage();
      assert.ok(at.scenario, `${locale}/module-07.html: no page with the scenario reached with the pager`);
      const sc = await readScenario(page);
      assert.ok(sc.dom.endsWith(`sc-${sc.sid.replace(/[^A-Za-z0-9_-]/g, '-')}`) && sc.dom !== `sc-${sc.sid.replace(/[^A-Za-z0-9_-]/g, '-')}`, `the section's id ${sc.dom} has no document prefix`);
      const { best } = paths(sc);
      const k = Math.min(2, best.length - 1);
      await play(page, sc, best.slice(0, k), T, `${locale}/module-07.html`);
      assert.deepEqual(await shownPage(), at, `${locale}/module-07.html: a choice moved the document to another page`);
      assert.equal((await choices(page)).length, k, `${locale}/module-07.html: onChoice calls`);
      await open(page, problems, href);
      assert.deepEqual(await shownPage(), at, `${locale}/module-07.html: the reload does not return to the scenario's page`);
      const v = await readView(page);
      assert.deepEqual(v.visible, [best[k - 1].target], `${locale}/module-07.html: the step after the reload`);
      assert.equal(v.status, T.status(k + 1), `${locale}/module-07.html: the status after the reload`);
      await play(page, sc, best, T, `${locale}/module-07.html after the reload`, { from: k });
      assertResult(await readView(page), sc, best, T, 100, `${locale}/module-07.html`);
    });
  });
}

test('print: every step shown without the buttons, the facilitator view open while printing', async () => {
  await withPage(browser, SITE, {}, async (page, problems) => {
    for (const locale of ['en', 'ru', 'uz']) {
      for (const { rel } of scenarioPages(locale)) {
        const label = `${locale}/${rel} (print)`;
        await open(page, problems, url(locale, rel), label);
        const sc = await readScenario(page);
        const c = paths(sc).best[0];
        await page.click(`#${sc.steps[c.step].dom} > .scenario-choices a.scenario-choice[data-choice="${c.i}"]`);
        await page.emulateMedia({ media: 'print' });
        const shown = await page.evaluate((dom) => {
          const sec = document.getElementById(dom);
          const vis = (el) => !!el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
          return {
            steps: [...sec.querySelectorAll(':scope > .scenario-step')].filter((s) => !vis(s)).map((s) => s.getAttribute('data-step')),
            buttons: [...sec.querySelectorAll('button')].filter(vis).map((b) => b.className),
          };
        }, sc.dom);
        assert.deepEqual(shown.steps, [], `${label}: steps not printed`);
        assert.deepEqual(shown.buttons, [], `${label}: buttons printed`);
        await page.evaluate((dom) => {
          const d = document.querySelector(`#${dom} > .scenario-facilitator`);
          window.__print = [];
          // Registered after scenario.js's own listeners, so they have run.
          window.addEventListener('beforeprint', () => window.__print.push(d.open ? 'open' : 'closed'));
          window.addEventListener('afterprint', () => setTimeout(() => window.__print.push(d.open ? 'open' : 'closed'), 0));
        }, sc.dom);
        await page.pdf({ format: 'A4' });
        await page.waitForFunction(() => window.__print.length === 2);
        assert.deepEqual(await page.evaluate(() => window.__print), ['open', 'closed'], `${label}: the facilitator view while printing, and after`);
        await page.emulateMedia({ media: 'screen' });
      }
    }
  });
});

const UNSCORED = `+++
title = "Talk it through"
+++

\`\`\`scenario
# start
A colleague asks what to do first.
* Listen to her -> listen
> She has more to say.
* Send her away -> away

# listen
She says the passport is gone.
* Call the hotline -> hotline
* Wait -> away

# hotline (end)
Help is on the way.

# away (end)
Nothing happens.
\`\`\`
`;

test('en: an unscored scenario plays to an ending with no score or points, says it is not scored, keeps no best run and does not count', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'darslik-scenario-'));
  try {
    const course = path.join(tmp, 'course');
    const out = path.join(tmp, 'out');
    fs.cpSync(path.join(repoRoot, 'tests', 'fixtures', 'scenario'), course, { recursive: true });
    fs.writeFileSync(path.join(course, 'content', 'en', 'm1', '03-unscored.md'), UNSCORED);
    try {
      execFileSync(darslikBin(), ['build', '--course', course, '--out', out, '--format', 'site', '-q'], { stdio: 'pipe' });
    } catch (e) {
      throw new Error(`building tests/fixtures/scenario with an unscored page failed: ${e.stderr || e.message}`);
    }
    const site = path.join(out, 'site');
    await withPage(browser, site, {}, async (page, problems) => {
      await recordChoices(page.context());
      await open(page, problems, pathToFileURL(path.join(site, 'en', 'm1', '03-unscored.html')).href);
      const sc = await readScenario(page);
      assert.equal(sc.best, 0, 'data-best of a scenario without points');
      const run = [{ step: 'start', ...sc.steps.start.choices[0] }, { step: 'listen', ...sc.steps.listen.choices[0] }];
      await play(page, sc, run, TEXT.en, 'unscored');
      const v = await readView(page);
      assert.ok(v.resultVisible, 'unscored: no result at the ending');
      assert.equal(v.items.length, 2, 'unscored: the path');
      assert.ok(!/points|\d+%/.test(v.items.join(' ') + v.status), `unscored: points or a percent shown (${JSON.stringify(v)})`);
      assert.equal(v.score, 'This scenario is not scored: think about your choices and discuss them.', 'unscored: the note instead of a score');
      assert.equal(v.bestRun, null, 'unscored: a best run shown');
      const calls = await choices(page);
      assert.deepEqual(calls.map((c) => [c.end, c.percent]), [[false, null], [true, null]], 'unscored: onChoice end and percent');
      const st = JSON.parse(await page.evaluate(() => localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith(':progress')))));
      assert.deepEqual(st.scen[sc.sid], { p: [0, 0], d: 1 }, 'unscored: the state (no best run)');
      await open(page, problems, pathToFileURL(path.join(site, 'en', 'index.html')).href);
      const scen = await page.evaluate(() => [...document.querySelectorAll('script.progress-data')].flatMap((el) => JSON.parse(el.textContent).scen || []).map((x) => x.id));
      assert.ok(scen.length > 0, 'the course home has no scored scenario in its progress data (the fixture has two)');
      assert.ok(!scen.includes(sc.sid), `unscored: the scenario is counted in the module (progress-data scen: ${scen.join(', ')})`);
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
