// The sample course's role-play clip (content/en/case-digest/role-play.mp4,
// made by make-clip.sh beside it) opened from file:// with the network off:
// in the site, the single-file module and an unzipped SCORM package it
// plays (play() resolves, the time moves on), asks for nothing outside the
// output, and its captions are the page's locale's (the active cue's text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, dist, offlineContext, watchPage, formatProblems } from './lib.mjs';
import { unzip } from './scormlms.mjs';

const PAGE = 'case-digest/01-victim-testimony.html';
// The first cue of each locale's captions (role-play.<locale>.vtt; uz-Cyrl
// transliterated from uz at build time).
const FIRST_CUE = {
  en: 'Investigator: Take your time.',
  ru: 'Следователь: Не торопитесь.',
  uz: 'Tergovchi: Shoshilmang.',
  'uz-Cyrl': 'Терговчи: Шошилманг.',
};
const site = path.join(dist(), 'site');
const skip = !existsSync(path.join(site, 'en', PAGE)) && 'build the sample course first (darslik build --format site,scorm12,scorm2004,single)';

/** Play the page's clip; the state of the video and its captions. */
async function playClip(page) {
  return page.evaluate(async () => {
    const v = document.querySelector('figure.media video');
    if (!v) return { missing: true };
    v.muted = true;
    const out = { autoplay: v.autoplay, controls: v.controls };
    try {
      await v.play();
      out.played = true;
    } catch (e) {
      out.played = String(e);
    }
    const t0 = v.currentTime;
    await new Promise((r) => setTimeout(r, 700));
    out.advanced = v.currentTime - t0;
    out.src = v.currentSrc.startsWith('data:') ? v.currentSrc.slice(0, 40) : v.currentSrc;
    v.pause();
    const track = v.textTracks[0];
    out.tracks = v.textTracks.length;
    if (track) {
      out.mode = track.mode;
      out.srclang = track.language;
      v.currentTime = 1;
      for (let i = 0; i < 40 && !(track.activeCues && track.activeCues.length); i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const cue = track.activeCues && track.activeCues[0];
      out.cue = cue ? cue.text.split('\n')[0] : null;
    }
    return out;
  });
}

function assertPlays(clip, locale, where) {
  assert.ok(!clip.missing, `${where}: no clip on the page`);
  assert.equal(clip.played, true, `${where}: play() rejected: ${clip.played}`);
  assert.ok(clip.advanced > 0.2, `${where}: the time did not move on (${clip.advanced})`);
  assert.equal(clip.autoplay, false, `${where}: autoplay`);
  assert.equal(clip.controls, true, `${where}: no controls`);
  assert.equal(clip.tracks, 1, `${where}: captions track`);
  assert.equal(clip.mode, 'showing', `${where}: captions are not shown`);
  assert.equal(clip.srclang, locale, `${where}: captions language`);
  assert.equal(clip.cue, FIRST_CUE[locale], `${where}: the active cue`);
}

async function open(browser, file, root) {
  const { context, blocked } = await offlineContext(browser);
  const page = await context.newPage();
  const problems = watchPage(page, root);
  await page.goto(pathToFileURL(file).href);
  return { context, page, problems, blocked };
}

test('the clip plays offline in the site and its captions follow the locale', { skip }, async () => {
  const browser = await launch();
  try {
    for (const locale of Object.keys(FIRST_CUE)) {
      const { context, page, problems, blocked } = await open(browser, path.join(site, locale, PAGE), site);
      const clip = await playClip(page);
      assertPlays(clip, locale, `site ${locale}`);
      assert.match(clip.src, /^file:.*\/case-digest\/role-play\.mp4$/, 'plays the MP4 beside the page');
      assert.deepEqual(blocked, [], 'no request outside the site');
      assert.equal(problems.length, 0, formatProblems(problems));
      await context.close();
    }
  } finally {
    await browser.close();
  }
});

test('the clip plays inside a single-file module, with its captions', { skip }, async () => {
  const browser = await launch();
  try {
    for (const locale of ['ru', 'uz-Cyrl']) {
      const file = path.join(dist(), 'single', locale, 'case-digest.html');
      const { context, page, blocked } = await open(browser, file, path.dirname(file));
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      const clip = await playClip(page);
      assertPlays(clip, locale, `single ${locale}`);
      assert.match(clip.src, /^data:video\/mp4;base64,/, 'the clip is inside the file');
      assert.deepEqual(blocked, [], 'no request outside the file');
      assert.deepEqual(requests.filter((u) => !u.startsWith('data:')), [], 'no request besides the file');
      await context.close();
    }
  } finally {
    await browser.close();
  }
});

test('the clip plays in unzipped SCORM 1.2 and 2004 packages opened from file://', { skip }, async () => {
  const browser = await launch();
  try {
    for (const [zip, locale] of [
      [path.join(dist(), 'scorm12', 'tip-uz-ru.zip'), 'ru'],
      [path.join(dist(), 'scorm2004', 'tip-uz-case-digest-uz.zip'), 'uz'],
    ]) {
      const dir = unzip(zip);
      const { context, page, blocked } = await open(browser, path.join(dir, 'case-digest.html'), dir);
      const clip = await playClip(page);
      assertPlays(clip, locale, path.basename(zip));
      assert.match(clip.src, /^file:.*assets\//, 'plays a file of the package');
      assert.deepEqual(blocked, [], 'no request outside the package');
      await context.close();
    }
  } finally {
    await browser.close();
  }
});
