// A small test LMS for the SCORM runtime checks (scorm.test.mjs): unzips a
// package, serves it with the LMS page and scorm-again (the LMS-side SCORM
// runtime, from node_modules) on 127.0.0.1, and launches SCOs in an iframe
// under window.API (1.2) or window.API_1484_11 (2004), recording every API
// call. Between launches it keeps the CMI data the way an LMS does.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const AGAIN = path.join(here, 'node_modules', 'scorm-again', 'dist');

/** Unzip `zip` (python3's zipfile, no unzip tool needed) into a new temp folder. */
export function unzip(zip) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'darslik-sco-'));
  execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, dir]);
  return dir;
}

/** The launch file of each SCO in the package's imsmanifest.xml: { 'RES-module-06': 'module-06.html', ... }. */
export function launchFiles(dir) {
  const xml = fs.readFileSync(path.join(dir, 'imsmanifest.xml'), 'utf8');
  const out = {};
  for (const m of xml.matchAll(/<resource\b[^>]*>/g)) {
    const tag = m[0];
    if (!/scormtype="sco"/i.test(tag)) continue;
    const id = tag.match(/\bidentifier="([^"]+)"/)[1];
    out[id] = tag.match(/\bhref="([^"]+)"/)[1];
  }
  return out;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.xml': 'application/xml', '.png': 'image/png', '.map': 'application/json' };

// The LMS page. launch() builds a fresh API object for each launch (as an LMS
// does), loads the CMI data kept from the previous launch, wraps every API
// method to record its calls, and opens the SCO in the iframe. close()
// unloads the SCO (the iframe goes to about:blank, so pagehide fires).
const LMS_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>test LMS</title>
<script src="lib/scorm12.js"></script>
<script src="lib/scorm2004.js"></script>
</head><body>
<iframe id="sco" title="SCO" style="width:1000px;height:700px" src="about:blank"></iframe>
<script>
var METHODS = {
  '1.2': ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'],
  '2004': ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic']
};
window.lms = {
  calls: [],
  api: null,
  launch: function (version, href, cmi) {
    var api = version === '1.2'
      ? new Scorm12API({ logLevel: 5, autocommit: false, mastery_override: true })
      : new Scorm2004API({ logLevel: 5, autocommit: false });
    if (cmi) { api.loadFromFlattenedJSON(cmi); }
    var calls = this.calls = [];
    METHODS[version].forEach(function (name) {
      var fn = api[name].bind(api);
      api[name] = function (a, b) {
        var r = fn.apply(null, arguments);
        var rec = { fn: name, args: [].slice.call(arguments), result: r };
        if (name !== 'LMSGetLastError' && name !== 'GetLastError') { rec.error = String(api.lastErrorCode); }
        calls.push(rec);
        return r;
      };
    });
    delete window.API;
    delete window.API_1484_11;
    if (version === '1.2') { window.API = api; } else { window.API_1484_11 = api; }
    this.api = api;
    document.getElementById('sco').src = 'pkg/' + href;
  },
  /* Another SCO into the same API object, as Moodle's table of contents
     does (its 2004 API stays terminated: Initialize fails with 104). */
  launchSame: function (href) {
    this.calls.length = 0;
    document.getElementById('sco').src = 'pkg/' + href;
  },
  close: function () { document.getElementById('sco').src = 'about:blank'; },
  flat: function () { return this.api.getFlattenedCMI(); }
};
</script>
</body></html>
`;

/**
 * Serve `dir` under /pkg/, the LMS page at /lms.html and scorm-again at
 * /lib/. Resolves to { base, requests, close() }; `requests` lists every
 * request the server received.
 */
export function serve(dir) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    let file = null;
    if (url.pathname === '/lms.html') {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      res.end(LMS_HTML);
      return;
    }
    const rel = decodeURIComponent(url.pathname);
    if (rel === '/lib/scorm12.js' || rel === '/lib/scorm2004.js') {
      file = path.join(AGAIN, path.basename(rel));
    } else if (rel.startsWith('/pkg/')) {
      const p = path.resolve(dir, '.' + rel.slice(4));
      if (p.startsWith(path.resolve(dir) + path.sep)) file = p;
    }
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const base = `http://127.0.0.1:${server.address().port}/`;
      resolve({ base, requests, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/** What an LMS keeps of a session for the next launch (V: the version's
    exit and entry names). */
export function keptCmi(flat, version, V) {
  const outCmi = {};
  for (const [k, val] of Object.entries(flat)) {
    if (typeof val !== 'string') continue;
    if (/^cmi\.(suspend_data|core\.lesson_location|core\.lesson_status|core\.score\.|location|completion_status|success_status|score\.|progress_measure|interactions\.|objectives\.)/.test(k)) {
      outCmi[k] = val;
    }
  }
  // 2004 always exits with suspend (Moodle gives the data back only then);
  // a finished 1.2 module exits normally and gets its data back anyway.
  const suspended = flat[V[version].exit] === 'suspend';
  if (version === '2004') assert.ok(suspended, '2004 exits with suspend');
  outCmi[V[version].entry] = suspended ? 'resume' : '';
  return outCmi;
}

/** A page on the test LMS (lms.html of `serve`), with requests outside the
    package and console errors collected in `problems`. */
export async function openLms(browser, srv) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const problems = [];
  await context.route('**/*', (route) => {
    const url = route.request().url().split('#')[0];
    if (url === 'about:blank' || url.startsWith(srv.base)) return route.continue();
    problems.push(`request outside the package: ${url}`);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.location()?.url || '')) problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(srv.base + 'lms.html', { waitUntil: 'load' });
  return { context, page, problems };
}
