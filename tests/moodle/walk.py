#!/usr/bin/env python3
"""Play the sample course's SCORM packages in a real Moodle as a learner (issue 18).

Builds variants of the course (the default [scorm] table, package = "module",
multilingual = true) into a temporary folder, runs ../shared/moodle/check.sh
--walk on the zips, keeps every JSON it prints, and asserts on what Moodle
stored (`summary`, and `play` where the walk's own data is needed). One line
per case, version and zip: PASS/FAIL and the stored values that decide it.
Exit 1 when any case fails, 2 on a tool error (build, check.sh, Moodle down).

Cases (SCORM 1.2 and 2004 each):
  1  right answers, every default zip of every locale: every SCO passed (2004: completed + passed), score.raw 100,
     interactions, location, suspend_data, grade = number of SCOs; visit 2
     resumes every SCO (page, language, answers).
  2  wrong answers: failed; in 2004 a failed SCO must not be "completed".
  3  mixed answers (first question of each SCO wrong): passed or failed as the
     score says, the score as the answers say.
  4  the next SCO opened from the player's TOC (a package with several SCOs):
     every SCO recorded, location right, visit 2 through the TOC resumes; plus
     the second module's own package (package = "module").
  5  stop mid-module and leave on a middle page (--stop-at, --leave-at): visit 2
     resumes there; after finishing every SCO on a middle page, visit 3 resumes
     every SCO on that page with its answers.
  6  relaunch after finishing (the case 1 run, visit 2): nothing stored after
     visit 1 goes down (status, completion, success, score.raw, suspend_data).
  7  multilingual package, --switch-lang=ru: each SCO opens in the language the
     learner used last, a switch keeps page and answers, visit 2 resumes each
     SCO in its language.
  8  every zip of the package = "module" variant, every locale: imported by Moodle
     (--import-only): accepted, the right SCORM version, every SCO with its launch file.
  9  graded assessments (issue 19): tests/fixtures/assess (en) imported (--import-only), then
     played by this script's own learner (GRADED_DRIVER, playwright-core of the harness: the
     harness's walk knows only practice choice questions): practice matching, ordering and short
     answers, the pre-test, two attempts of the graded page and of the post-test; visit 2 checks
     the resume. Asserts on what Moodle stored (scorm_scoes_value, via tracks.php): every
     interaction's id (pre- for the pre-test), type, correct_responses and learner response, the
     objective "pre-test" (its score, never the module's), the module's score = the best
     attempts, status, suspend_data version 2, nothing new stored by visit 2.
  10 case scenarios (issue 20): the sample course with package = "module" and its tests kept, the
     first module package (--locale) with a scenario imported (--import-only) and played by this
     script's learner (SCENARIO_DRIVER): every page, the module's post-test right, the scenario on
     a poor run, then on its best path. Asserts on what Moodle stored after each run: one
     interaction per choice (id <sid>_<step id>, type choice, the choice's letter, the step's good
     choices as correct_responses, correct/wrong), score.raw = the tests and the scenario's best
     run counted as one question (progress.js moduleStatus), suspend_data version 3; visit 2
     resumes the scenario at its ending with its path and stores nothing new.
Cases 1, 2, 3, 5, 6 and 7 open the other SCOs of a package with a fresh player
page (--nav=url) so that they do not depend on the TOC; case 4 is the TOC.
The zips are whatever the build writes to scorm12/ and scorm2004/ (one per
course or one per module): every zip is walked and every SCO asserted.

usage: walk.py [--darslik PATH] [--quick] [--one-locale] [--cases 1,4,10] [--versions 12,2004]
               [--out DIR] [--keep] [--reuse] [--course DIR] [--shared DIR] [--locale L]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
VERSIONS = ('12', '2004')
RUN_TIMEOUT = 900          # seconds for one check.sh run (a 3-SCO walk takes 35-160 s)

# Status ranks for "never goes down" (case 6).
RANK_12 = {'': 0, 'not attempted': 0, 'browsed': 1, 'incomplete': 1, 'failed': 2, 'completed': 3, 'passed': 3}
RANK_COMPLETION = {'': 0, 'unknown': 0, 'not attempted': 0, 'incomplete': 1, 'completed': 2}
RANK_SUCCESS = {'': 0, 'unknown': 0, 'failed': 1, 'passed': 2}


class ToolError(Exception):
    pass


# ------------------------------------------------------------------------------------------------
# Building the variants

def set_scorm(toml, key, value):
    """course.toml with `key = value` in its [scorm] table (replaced, or added to the table)."""
    lines = toml.split('\n')
    start = next((i for i, l in enumerate(lines) if l.strip() == '[scorm]'), None)
    if start is None:
        return toml.rstrip('\n') + '\n\n[scorm]\n%s = %s\n' % (key, value)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith('[')), len(lines))
    for i in range(start + 1, end):
        if re.match(r'\s*%s\s*=' % re.escape(key), lines[i]):
            lines[i] = '%s = %s' % (key, value)
            return '\n'.join(lines)
    lines.insert(start + 1, '%s = %s' % (key, value))
    return '\n'.join(lines)


def toml_value(toml, key):
    m = re.search(r'^\s*%s\s*=\s*(.+?)\s*(#.*)?$' % re.escape(key), toml, re.M)
    return m.group(1) if m else None


TEST_PAGE = re.compile(r'^\d\d-((pre|post)-test|scenario-[^/]*)\.md$')
TEST_LINK = re.compile(r'\[([^\]]*)\]\((?:[^)\s]*/)?\d\d-(?:(?:pre|post)-test|scenario-[^)/\s]*)\.md[^)]*\)')
SCENARIO_BLOCK = re.compile(r'^(`{3,}|~{3,})[ \t]*scenario\b[^\n]*\n.*?^\1[ \t]*$\n?', re.M | re.S)


def practice_only(content):
    """Leave the variant without its pre- and post-tests: check.sh's walker
    answers choice questions with their Check buttons, which graded pages
    (and the matching, ordering and short-answer forms they use) do not
    have. Case 9 plays graded pages of every form with walk.py's own driver.
    Links to the removed pages keep their text. Case scenarios go too,
    pages and blocks: a scored scenario counts in the module's score, and
    check.sh's walker does not play them (case 10 does); a scenario page
    left without its block would be a module's last page without questions,
    after which the walker clicks the player's TOC while Moodle is still
    redrawing it for the commit of "passed" (its click then lands on
    Moodle's course index, and the walk stops)."""
    for root, _dirs, files in os.walk(content):
        for name in files:
            path = os.path.join(root, name)
            if TEST_PAGE.match(name):
                os.remove(path)
            elif name.endswith('.md'):
                with open(path, encoding='utf-8') as f:
                    text = f.read()
                unlinked = SCENARIO_BLOCK.sub('', TEST_LINK.sub(r'\1', text))
                if unlinked != text:
                    with open(path, 'w', encoding='utf-8') as f:
                        f.write(unlinked)


def build_variant(args, tmp, name):
    """Copy the course, edit [scorm], build scorm12 + scorm2004. Returns the variant's folder.
    Every variant but "scenario" (case 10) is left without its tests (practice_only)."""
    d = os.path.join(tmp, name)
    os.makedirs(d)
    for item in ('course.toml', 'content', 'locales', 'themes', 'branding'):
        src = os.path.join(args.course, item)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(d, item))
        elif os.path.exists(src):
            shutil.copy2(src, os.path.join(d, item))
    if name != 'scenario':
        practice_only(os.path.join(d, 'content'))
    path = os.path.join(d, 'course.toml')
    with open(path, encoding='utf-8') as f:
        toml = f.read()
    if name in ('module', 'scenario'):
        toml = set_scorm(toml, 'package', '"module"')
    elif name == 'multilingual':
        toml = set_scorm(toml, 'multilingual', 'true')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(toml)
    cmd = [args.darslik, 'build', '--course', d, '--out', os.path.join(d, 'dist'),
           '--format', 'scorm12,scorm2004', '--quiet']
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise ToolError('build of variant %s failed (%s):\n%s%s' % (name, ' '.join(cmd), p.stdout, p.stderr))
    return d


def zips_of(variant_dir, version, locale, multilingual):
    """The zips the build wrote for one version (and locale), in name order."""
    d = os.path.join(variant_dir, 'dist', 'scorm' + version)
    names = sorted(n for n in os.listdir(d) if n.endswith('.zip')) if os.path.isdir(d) else []
    if not multilingual:
        names = [n for n in names if n.endswith('-%s.zip' % locale)]
    return [os.path.join(d, n) for n in names]


def has_scenario(zip_path):
    """Does a page of the zip hold a case scenario (its markup)?"""
    with zipfile.ZipFile(zip_path) as z:
        return any(n.endswith('.html') and re.search(rb'<section\b[^>]*\bclass="scenario"', z.read(n))
                   for n in z.namelist())


def manifest_scos(zip_path):
    """[(item identifier, launch href)] of the manifest's SCO items, in order."""
    with zipfile.ZipFile(zip_path) as z:
        root = ET.fromstring(z.read('imsmanifest.xml'))
    local = lambda e: e.tag.rsplit('}', 1)[-1]
    res = {e.get('identifier'): e.get('href') for e in root.iter() if local(e) == 'resource'}
    return [(e.get('identifier'), res.get(e.get('identifierref')))
            for e in root.iter() if local(e) == 'item' and e.get('identifierref')]


# ------------------------------------------------------------------------------------------------
# Running check.sh

class Run:
    """One check.sh --walk of one zip with one set of options (shared by the cases that need it)."""

    def __init__(self, zip_path, version, opts, key):
        self.zip, self.version, self.opts, self.key = zip_path, version, opts, key
        self.cases = []
        self.data = None
        self.error = None
        self.seconds = 0
        self.json_path = None

    def label(self):
        stem = os.path.basename(self.zip)[:-4]
        return 'case%s-scorm%s-%s' % ('+'.join(str(c) for c in sorted(set(self.cases))), self.version, stem)

    def execute(self, args):
        base = os.path.join(args.out, self.label())
        self.json_path = base + '.json'
        if args.reuse and os.path.isfile(self.json_path):
            # --reuse: assert again on the JSON of an earlier run (no walk)
            with open(self.json_path, encoding='utf-8') as f:
                self.data = json.load(f)
            return
        if '--import-only' in self.opts:
            cmd = ['bash', args.check, self.zip, '--import-only']
        else:
            cmd = ['bash', args.check, self.zip, '--walk', '--key=' + self.key] + self.opts
        if not args.keep:
            cmd.append('--cleanup')
        t0 = time.time()
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=RUN_TIMEOUT)
            out, err, rc = p.stdout, p.stderr, p.returncode
        except subprocess.TimeoutExpired as e:
            out = e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or '')
            err, rc = 'timeout after %d s' % RUN_TIMEOUT, 1
        self.seconds = time.time() - t0
        with open(self.json_path, 'w', encoding='utf-8') as f:
            f.write(out)
        with open(base + '.log', 'w', encoding='utf-8') as f:
            f.write('$ %s\nexit %d, %.0f s\n%s' % (' '.join(cmd), rc, self.seconds, err))
        try:
            self.data = json.loads(out)
        except ValueError:
            self.error = 'check.sh exit %d, no JSON: %s' % (rc, err.strip().splitlines()[-1:] or '')
            return
        if rc == 1:
            self.error = 'check.sh tool error (exit 1): %s' % (err.strip().splitlines()[-1:] or '')

    # --- what Moodle stored and what the walk saw -----------------------------------------------
    @property
    def summary(self):
        return self.data['summary']

    @property
    def play(self):
        return self.data.get('play') or {}

    def visits(self):
        return (self.play.get('walk') or {}).get('sessions') or []

    def visit_sco(self, visit, sco):
        """The walk of one SCO in visit N (1-based), or None."""
        vs = self.visits()
        if visit > len(vs):
            return None
        return next((s for s in vs[visit - 1].get('scos') or [] if s.get('sco') == sco and 'end' in s), None)

    def visit_tracks(self, visit):
        """{sco: facts} of the latest attempt after visit N, and Moodle's grade then."""
        vs = self.visits()
        if visit > len(vs):
            return {}, None
        t = vs[visit - 1].get('tracks') or {}
        atts = t.get('attempts') or {}
        if not atts:
            return {}, t.get('grade')
        latest = atts[max(atts, key=lambda a: int(a))]
        return {sco: facts(el) for sco, el in latest.items()}, t.get('grade')

    def final(self):
        """{sco: facts} from summary.stored (latest attempt at the end of the play)."""
        return {sco: dict(v) for sco, v in (self.summary.get('stored') or {}).items()}

    def resumes(self, visit=None):
        return [r for r in self.summary.get('resume') or [] if visit is None or r['visit'] == visit]


def facts(el):
    """The same subset as summary.stored, from raw tracks (cf. report.php)."""
    keep = ('cmi.core.lesson_status', 'cmi.core.score.raw', 'cmi.core.lesson_location', 'cmi.core.exit',
            'cmi.completion_status', 'cmi.success_status', 'cmi.score.raw', 'cmi.score.scaled', 'cmi.location',
            'cmi.exit')
    out = {k: el[k] for k in keep if k in el}
    out['suspend_data_length'] = len(el['cmi.suspend_data']) if 'cmi.suspend_data' in el else None
    out['interactions'] = sum(1 for k in el if re.match(r'^cmi\.interactions[._]\d+\.id$', k))
    return out


# ------------------------------------------------------------------------------------------------
# Assertions

def g(f, ver, what):
    """Field of a facts dict by meaning."""
    names = {'status': 'cmi.core.lesson_status', 'raw': ('cmi.core.score.raw' if ver == '12' else 'cmi.score.raw'),
             'loc': ('cmi.core.lesson_location' if ver == '12' else 'cmi.location'),
             'exit': ('cmi.core.exit' if ver == '12' else 'cmi.exit'),
             'completion': 'cmi.completion_status', 'success': 'cmi.success_status'}
    v = (f or {}).get(names.get(what, what))
    if what == 'loc' and ver != '12' and isinstance(v, str) and v.endswith('~'):
        # scorm.js marks a 2004 value that goes back to its launch value
        # (Moodle's scorm_13.js would not send it otherwise); same page
        v = v[:-1]
    return v


def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def fmt_sco(ver, name, f):
    if f is None:
        return '%s: nothing stored' % name
    st = g(f, ver, 'status') if ver == '12' else '%s/%s' % (g(f, ver, 'completion'), g(f, ver, 'success'))
    loc = g(f, ver, 'loc')
    loc = loc.rsplit('/', 1)[-1][:-3] if loc and loc.endswith('.md') else loc
    return '%s: %s raw=%s loc=%s sd=%s int=%s' % (name, st, g(f, ver, 'raw'), loc,
                                                 f.get('suspend_data_length'), f.get('interactions'))


def short(sco):
    """Manifest item identifiers are long; keep the part that names the module."""
    return re.sub(r'^(item|ITEM)[-_]?', '', sco)[-24:]


def expect_outcome(ver, f, outcome, errs, name):
    """outcome: passed | failed | completed (a SCO without questions)."""
    if f is None:
        errs.append('%s: nothing stored' % name)
        return
    if ver == '12':
        st = g(f, ver, 'status')
        want = {'passed': ('passed',), 'failed': ('failed',), 'completed': ('completed', 'passed')}[outcome]
        if st not in want:
            errs.append('%s: lesson_status=%s, want %s' % (name, st, '/'.join(want)))
        return
    c, s = g(f, ver, 'completion'), g(f, ver, 'success')
    if outcome == 'passed' and (c, s) != ('completed', 'passed'):
        errs.append('%s: completion/success=%s/%s, want completed/passed' % (name, c, s))
    if outcome == 'failed':
        if s != 'failed':
            errs.append('%s: success_status=%s, want failed' % (name, s))
        if c == 'completed':
            errs.append('%s: failed but completion_status=completed' % name)
    if outcome == 'completed' and (c != 'completed' or s not in ('passed', 'unknown', None)):
        errs.append('%s: completion/success=%s/%s, want completed/(passed|unknown)' % (name, c, s))


def expect_recorded(run, ver, visit, answers, errs, mastery, nav_ok=True):
    """Every SCO after visit N: outcome, score, interactions, location, suspend_data. Returns
    (facts per SCO, expected grade)."""
    stored, _ = run.visit_tracks(visit)
    grade = 0
    for sco, _launch in run.scos:
        name = short(sco)
        w = run.visit_sco(visit, sco)
        f = stored.get(sco)
        if w is None:
            errs.append('%s: not walked in visit %d%s' % (name, visit, ' (%s)' % run.walk_error(sco) if run.walk_error(sco) else ''))
            expect_outcome(ver, f, 'passed', errs, name)
            continue
        nq = len(w['end'].get('questions') or [])
        if nq:
            right = nq if answers == 'right' else 0 if answers == 'wrong' else nq - 1
            pct = round(right * 100 / nq)
            outcome = 'passed' if pct >= mastery else 'failed'
            verdicts = sum(1 for a in w.get('answers') or [] if a.get('verdict_kind') == 'correct')
            if len(w.get('answers') or []) == nq and verdicts != right:
                errs.append('%s: the SCO said %d of %d right, the walk meant %d' % (name, verdicts, nq, right))
        else:
            pct, outcome = None, 'completed'
        grade += outcome != 'failed'
        expect_outcome(ver, f, outcome, errs, name)
        if f is None:
            continue
        if pct is not None and num(g(f, ver, 'raw')) != pct:
            errs.append('%s: score.raw=%s, want %s' % (name, g(f, ver, 'raw'), pct))
        answered = len(w.get('answers') or [])
        if f.get('interactions', 0) < answered:
            errs.append('%s: %s interactions stored for %d answers' % (name, f.get('interactions'), answered))
        want_loc = (w['end'].get('position') or {}).get('key')
        if g(f, ver, 'loc') != want_loc:
            errs.append('%s: location=%s, want %s (the page the learner left)' % (name, g(f, ver, 'loc'), want_loc))
        if not f.get('suspend_data_length'):
            errs.append('%s: no suspend_data' % name)
    return stored, grade


def expect_resumed(run, visit, errs, what=('resume_ok',)):
    rs = run.resumes(visit)
    for sco, _ in run.scos:
        r = next((x for x in rs if x['sco'] == sco), None)
        if r is None:
            errs.append('%s: no resume check in visit %d' % (short(sco), visit))
            continue
        bad = [k for k in what if not r.get(k)]
        if bad:
            why = r.get('error') or ', '.join(k for k in ('lms_connected', 'page_ok', 'locale_ok', 'answers_ok')
                                               if r.get(k) is False)
            errs.append('%s: visit %d resume failed (%s)' % (short(sco), visit, why))
    return rs


def expect_clean(run, errs):
    s = run.summary
    for e in s.get('api_errors') or []:
        errs.append('API error: ' + e)
    for e in s.get('walk_errors') or []:
        errs.append('walk: ' + e)
    if s.get('play_error'):
        errs.append('play error: %s' % s['play_error'])


def resume_word(rs):
    if not rs:
        return 'resume=-'
    ok = sum(1 for r in rs if r.get('resume_ok'))
    return 'resume=%s(%d/%d)' % ('ok' if ok == len(rs) else 'FAIL', ok, len(rs))


def line_facts(run, ver, stored, grade, rs):
    parts = [fmt_sco(ver, short(sco), stored.get(sco)) for sco, _ in run.scos]
    return '; '.join(parts) + ' | grade=%s %s' % (grade, resume_word(rs))


def case_recorded(run, ver, answers, mastery):
    """Cases 1-3 (and 4): visit 1 recorded as the answers say, visit 2 resumes."""
    errs = []
    expect_clean(run, errs)
    stored, want_grade = expect_recorded(run, ver, 1, answers, errs, mastery)
    _, grade = run.visit_tracks(1)
    if num(grade) != want_grade:
        errs.append('grade=%s after visit 1, want %d' % (grade, want_grade))
    rs = expect_resumed(run, 2, errs)
    return errs, line_facts(run, ver, stored, grade, rs)


def case_stop(run, ver, mastery):
    """Case 5: --stop-at/--leave-at. Visit 1: first SCO left on a middle page; visit 2 resumes it
    and finishes every SCO, leaving each on that page; visit 3 resumes every SCO there."""
    errs = []
    expect_clean(run, errs)
    first = run.scos[0][0]
    w1 = run.visit_sco(1, first)
    v1, _ = run.visit_tracks(1)
    f1 = v1.get(first)
    if w1 is None or f1 is None:
        errs.append('%s: visit 1 %s' % (short(first), 'not walked' if w1 is None else 'nothing stored'))
    else:
        want = w1['end']['position']['key']
        if g(f1, ver, 'loc') != want:
            errs.append('%s: location=%s after visit 1, want %s' % (short(first), g(f1, ver, 'loc'), want))
        unfinished = g(f1, ver, 'status') == 'incomplete' if ver == '12' else g(f1, ver, 'completion') == 'incomplete'
        if not unfinished:
            errs.append('%s: status %s after stopping mid-module, want incomplete' % (
                short(first), g(f1, ver, 'status') or g(f1, ver, 'completion')))
        if g(f1, ver, 'exit') != 'suspend':
            errs.append('%s: exit=%s after stopping mid-module, want suspend' % (short(first), g(f1, ver, 'exit')))
    rs2 = run.resumes(2)
    r = next((x for x in rs2 if x['sco'] == first), None)
    if not r or not r.get('resume_ok'):
        errs.append('%s: visit 2 resume failed (%s)' % (short(first), (r or {}).get('error') or r))
    # visit 2 finished every SCO: recorded as passed, left on the middle page
    stored, want_grade = expect_recorded(run, ver, 2, 'right', errs, mastery)
    rs3 = expect_resumed(run, 3, errs)
    final = run.final()
    for sco, _ in run.scos:
        w = run.visit_sco(2, sco)
        want = w and w['end']['position']['key']
        if want and g(final.get(sco), ver, 'loc') != want:
            errs.append('%s: final location=%s, want %s' % (short(sco), g(final.get(sco), ver, 'loc'), want))
    facts_line = 'visit1 %s | visit2 %s' % (fmt_sco(ver, short(first), f1), line_facts(run, ver, stored, run.visit_tracks(2)[1], rs2))
    facts_line += ' | visit3 %s' % resume_word(rs3)
    return errs, facts_line


def case_relaunch(run, ver):
    """Case 6: visit 1 (all finished) vs the final stored values (after visit 2)."""
    errs = []
    v1, g1 = run.visit_tracks(1)
    final = run.final()
    parts = []
    for sco, _ in run.scos:
        a, b, name = v1.get(sco), final.get(sco), short(sco)
        if a is None:
            errs.append('%s: nothing stored in visit 1' % name)
            continue
        if b is None:
            errs.append('%s: nothing stored at the end' % name)
            continue
        fields = [('status', RANK_12)] if ver == '12' else [('completion', RANK_COMPLETION), ('success', RANK_SUCCESS)]
        for what, rank in fields:
            x, y = g(a, ver, what) or '', g(b, ver, what) or ''
            if rank.get(y, 0) < rank.get(x, 0):
                errs.append('%s: %s %s -> %s' % (name, what, x, y))
        ra, rb = num(g(a, ver, 'raw')), num(g(b, ver, 'raw'))
        if ra is not None and (rb is None or rb < ra):
            errs.append('%s: score.raw %s -> %s' % (name, g(a, ver, 'raw'), g(b, ver, 'raw')))
        if a.get('suspend_data_length') and not b.get('suspend_data_length'):
            errs.append('%s: suspend_data %s chars -> %s' % (name, a['suspend_data_length'], b.get('suspend_data_length')))
        if g(a, ver, 'loc') and g(b, ver, 'loc') != g(a, ver, 'loc'):
            errs.append('%s: location %s -> %s' % (name, g(a, ver, 'loc'), g(b, ver, 'loc')))
        parts.append('%s -> %s' % (fmt_sco(ver, name, a), fmt_sco(ver, '', b).lstrip(': ')))
    g2 = run.summary.get('grade')
    if num(g1) is not None and (num(g2) is None or num(g2) < num(g1)):
        errs.append('grade %s -> %s' % (g1, g2))
    modes = [v.get('mode') for v in run.visits()]
    return errs, '; '.join(parts) + ' | grade %s -> %s, attempts=%s, visit modes=%s' % (
        g1, g2, run.summary.get('attempts'), '/'.join(str(m) for m in modes))


def case_language(run, ver):
    """Case 7: multilingual, --switch-lang. Language kept across SCOs, after a switch and on resume."""
    errs = []
    expect_clean(run, errs)
    prev_end = None
    parts = []
    for sco, _ in run.scos:
        name = short(sco)
        w = run.visit_sco(1, sco)
        if w is None:
            errs.append('%s: not walked in visit 1' % name)
            prev_end = None
            continue
        start = (w.get('start') or {}).get('position') or {}
        end = (w.get('end') or {}).get('position') or {}
        sw = ','.join('%s>%s' % (s['from'], s['to']) for s in w.get('switches') or [])
        parts.append('%s: opened %s, switched %s, left %s' % (name, start.get('locale'), sw or '-', end.get('locale')))
        if prev_end and start.get('locale') != prev_end:
            errs.append('%s opened in %s, the learner was using %s' % (name, start.get('locale'), prev_end))
        for s in w.get('switches') or []:
            if not s.get('index_kept'):
                errs.append('%s: switch %s>%s lost the page' % (name, s['from'], s['to']))
            if not s.get('answers_kept'):
                errs.append('%s: switch %s>%s lost answers' % (name, s['from'], s['to']))
        if not w.get('switches'):
            errs.append('%s: no language switch happened' % name)
        prev_end = end.get('locale')
    if len(run.scos) == 1:
        parts.append('one SCO per package: no SCO-to-SCO check')
    rs = expect_resumed(run, 2, errs, what=('locale_ok', 'resume_ok'))
    for r in rs:
        parts.append('visit2 %s locale_ok=%s' % (short(r['sco']), r.get('locale_ok')))
    return errs, '; '.join(parts) + ' | grade=%s %s' % (run.summary.get('grade'), resume_word(rs))


def case_imported(run, ver):
    """Case 8: Moodle's own import of a zip (package = "module" variant, every locale)."""
    errs = []
    s = run.summary
    want = 'SCORM_1.2' if ver == '12' else 'SCORM_1.3'
    if not s.get('accepted'):
        errs.append('not accepted: %s %s' % (s.get('validation_errors'), s.get('exception') or ''))
    if s.get('scorm_version') != want:
        errs.append('scorm_version=%s, want %s' % (s.get('scorm_version'), want))
    scos = s.get('scos') or []
    if len(scos) != len(run.scos):
        errs.append('%d SCOs in Moodle, %d in the manifest' % (len(scos), len(run.scos)))
    missing = [x.get('identifier') for x in scos if not x.get('launch_file_exists')]
    if missing:
        errs.append('launch file missing for %s' % ', '.join(map(str, missing)))
    titles = '; '.join(str(x.get('title')) for x in scos)
    return errs, 'accepted=%s %s, %d SCO(s): %s' % (s.get('accepted'), s.get('scorm_version'), len(scos), titles)


# ------------------------------------------------------------------------------------------------
# Case 9: graded assessments (tests/fixtures/assess), played by a learner of our own

FIXTURE_ASSESS = os.path.join(REPO, 'tests', 'fixtures', 'assess')
PRE_TEST = 'm1/02-pre-test'

GRADED_DRIVER = r"""// A learner's run through the graded-assessment fixture (tests/fixtures/assess, module m1) in
// Moodle's player: written out and run by tests/moodle/walk.py (case 9) with node and the
// playwright-core of the Moodle harness. Argument: one JSON object {base, view, chromium, user,
// pass, php, tracks, moodle, scorm_id}. Prints one JSON object: the attempts made (questions,
// keys, responses, verdicts), what the SCO reported, the tracks after each visit, the resume.
'use strict';
const { chromium } = require('playwright-core');
const { execFileSync } = require('child_process');

const a = JSON.parse(process.argv[2]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const PRE = 'm1/02-pre-test', GRADED = 'm1/03-graded', POST = 'm1/04-post-test';
const VIS = '.doc-locale:not([hidden])';

function tracks() {
  return JSON.parse(execFileSync(a.php, [a.tracks, `--scorm-id=${a.scorm_id}`, `--user=${a.user}`, `--moodle=${a.moodle}`],
    { encoding: 'utf8' }));
}

async function scoFrame(page) {
  const t0 = Date.now();
  while (Date.now() - t0 < 30000) {
    for (const f of page.frames()) {
      if (!f.url().includes('/mod_scorm/content/')) continue;
      try {
        if (await f.evaluate(() => !!(window.darslikDoc && window.darslikAssess && window.darslikScorm &&
          document.readyState === 'complete'))) return f;
      } catch (e) { /* navigating */ }
    }
    await sleep(250);
  }
  throw new Error('the SCO did not load in the player');
}

async function enter(page) {
  await page.goto(a.view, { waitUntil: 'load' });
  await Promise.all([page.waitForLoadState('load'), page.click('#n')]);
  const frame = await scoFrame(page);
  const mode = await page.evaluate(() => {
    const m = document.querySelector('#scormmode');
    return m ? m.textContent.trim() : 'normal';
  });
  return { frame, mode };
}

async function leave(page) {
  await page.goto(a.view, { waitUntil: 'load' });
  await sleep(2500);
}

async function show(frame, key) {
  await frame.evaluate((k) => {
    const m = JSON.parse(document.querySelector('script.progress-data').textContent);
    window.darslikDoc.show(m.pages.indexOf(k + '.md'));
  }, key);
}

function drawn(frame, page) {
  return frame.evaluate(([p, vis]) => {
    const root = document.querySelector(`${vis} .assess[data-assess="${p}"]`).closest('.doc-page');
    return [...root.querySelectorAll('.quiz-graded .quiz-q')].filter((fs) => !fs.hidden)
      .map((fs) => ({ qid: fs.dataset.qid, kind: fs.dataset.kind, key: window.darslikForms.key(fs) }));
  }, [page, VIS]);
}

function rightOf(q) {
  if (q.kind === 'single') return q.key.a[0];
  if (q.kind === 'short') return q.key.r && q.key.r.length ? String(q.key.r[0][0]) : q.key.s[0];
  return q.key.a.slice();
}

function wrongOf(q) {
  const k = q.key.a || [];
  if (q.kind === 'single') return k[0] === 0 ? 1 : 0;
  if (q.kind === 'multiple') return [k[0]];
  if (q.kind === 'matching' || q.kind === 'ordering') return [...k.slice(1), k[0]];
  const r = q.key.r || [];
  return r.length && r.length === q.key.s.length ? String(r[0][1] + 1) : 'nothing like it';
}

async function respond(frame, qid, kind, resp) {
  const fs = frame.locator(`${VIS} fieldset.quiz-q[data-qid="${qid}"]`);
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

async function attempt(frame, page, right) {
  await show(frame, page);
  const results = [];
  for (const q of await drawn(frame, page)) {
    const ok = right(q);
    const resp = ok ? rightOf(q) : wrongOf(q);
    await respond(frame, q.qid, q.kind, resp);
    results.push({ ...q, resp, ok });
  }
  const panel = frame.locator(`${VIS} .assess[data-assess="${page}"]`);
  await panel.locator('.assess-submit').click();
  await panel.locator('.assess-submit').click();
  await frame.waitForFunction((p) => window.darslikAssess.state(p).done, page);
  await sleep(300);
  const att = await frame.evaluate((p) => window.darslikAssess.state(p).att, page);
  return { page, pre: page === PRE, results, score: att[att.length - 1] };
}

async function again(frame, page) {
  await frame.locator(`${VIS} .assess[data-assess="${page}"] .assess-again`).click();
  await frame.waitForFunction((p) => !window.darslikAssess.state(p).done, page);
}

const PRACTICE = [
  ['m1/01-practice/3', 'matching', [0, 2, -1], false],
  ['m1/01-practice/4', 'ordering', [2, 1, 0, 3], false],
  ['m1/01-practice/5', 'short', 'Article 3', true],
  ['m1/01-practice/6', 'short', '18,0', true],
  ['m1/01-practice/7', 'short', '19', true],
];

function sco(frame) {
  return frame.evaluate(() => {
    const m = JSON.parse(document.querySelector('script.progress-data').textContent);
    const st = window.darslikProgress.state();
    return { api: window.darslikScorm.api, errors: window.darslikScorm.errors.slice(), cut: window.darslikScorm.cut,
      status: window.darslikProgress.moduleStatus(m), tests: JSON.parse(JSON.stringify(st.tests)),
      answers: JSON.parse(JSON.stringify(st.answers)), position: window.darslikDoc.position() };
  });
}

(async () => {
  const out = { visits: [], blocked: [], page_errors: [] };
  const browser = await chromium.launch({
    executablePath: a.chromium, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>;127.0.0.1'],
  });
  try {
    const context = await browser.newContext();
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith(a.base + '/') || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
      out.blocked.push(u);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => out.page_errors.push(String(e)));
    await page.goto(a.base + '/login/index.php', { waitUntil: 'domcontentloaded' });
    await page.fill('#username', a.user);
    await page.fill('#password', a.pass);
    await Promise.all([page.waitForLoadState('domcontentloaded'), page.click('#loginbtn')]);
    if (await page.locator('#loginbtn').count()) throw new Error('login failed');

    // Visit 1: every page, practice of the new forms, then every test.
    let { frame, mode } = await enter(page);
    const v1 = { mode, practice: [], attempts: [] };
    let pos = await frame.evaluate(() => window.darslikDoc.position());
    while (pos.index < pos.count - 1) {
      await frame.click(`${VIS} .doc-pager .pager-next`);
      pos = await frame.evaluate(() => window.darslikDoc.position());
    }
    await show(frame, 'm1/01-practice');
    for (const [qid, kind, resp, ok] of PRACTICE) {
      await respond(frame, qid, kind, resp);
      await frame.locator(`${VIS} fieldset.quiz-q[data-qid="${qid}"] .quiz-check`).click();
      await frame.waitForFunction((id) => !!window.darslikProgress.state().answers[id], qid);
      const key = await frame.evaluate(([id, vis]) =>
        window.darslikForms.key(document.querySelector(`${vis} fieldset.quiz-q[data-qid="${id}"]`)), [qid, VIS]);
      v1.practice.push({ qid, kind, key, resp, ok });
    }
    v1.attempts.push(await attempt(frame, PRE, (q) => q.kind === 'single'));
    v1.attempts.push(await attempt(frame, GRADED, () => true));
    await again(frame, GRADED);
    v1.attempts.push(await attempt(frame, GRADED, (q) => q.kind === 'short'));
    v1.attempts.push(await attempt(frame, POST, () => false));
    await again(frame, POST);
    v1.attempts.push(await attempt(frame, POST, () => true));
    v1.sco = await sco(frame);
    await leave(page);
    v1.tracks = tracks();
    out.visits.push(v1);

    // Visit 2: the attempts, responses and practice answers come back; nothing new is stored.
    ({ frame, mode } = await enter(page));
    const v2 = { mode };
    await show(frame, POST);
    v2.post_panel = await frame.evaluate(([p, vis]) => {
      const el = document.querySelector(`${vis} .assess[data-assess="${p}"]`);
      return { submit_hidden: el.querySelector('.assess-submit').hidden, again_hidden: el.querySelector('.assess-again').hidden,
        status: el.querySelector('.assess-status').textContent, result: el.querySelector('.assess-result').textContent };
    }, [POST, VIS]);
    v2.sco = await sco(frame);
    await leave(page);
    v2.tracks = tracks();
    out.visits.push(v2);
  } catch (e) {
    out.error = String((e && e.stack) || e);
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(out, null, 1));
})();
"""


def build_fixture(args, tmp):
    """tests/fixtures/assess built as scorm12 + scorm2004 (its own course, not --course)."""
    d = os.path.join(tmp, 'assess')
    cmd = [args.darslik, 'build', '--course', FIXTURE_ASSESS, '--out', os.path.join(d, 'dist'),
           '--format', 'scorm12,scorm2004', '--quiet']
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise ToolError('build of %s failed (%s):\n%s%s' % (FIXTURE_ASSESS, ' '.join(cmd), p.stdout, p.stderr))
    return d


class GradedRun:
    """Case 9: check.sh --import-only, then GRADED_DRIVER in Moodle's player, tracks.php after
    each visit (the driver calls it), then the activity is deleted (unless --keep)."""
    CASE, DRIVER, NAME = 9, GRADED_DRIVER, 'graded'

    def __init__(self, zip_path, version):
        self.zip, self.version = zip_path, version
        self.opts = ['--import-only', '%s driver' % self.NAME]
        self.cases = [self.CASE]
        self.data = None
        self.error = None
        self.seconds = 0
        self.json_path = None

    def label(self):
        return 'case%d-scorm%s-%s' % (self.CASE, self.version, os.path.basename(self.zip)[:-4])

    def execute(self, args):
        base = os.path.join(args.out, self.label())
        self.json_path = base + '.json'
        if args.reuse and os.path.isfile(self.json_path):
            with open(self.json_path, encoding='utf-8') as f:
                self.data = json.load(f)
            return
        t0 = time.time()
        log = []
        try:
            self.data = self._play(args, base, log)
        except ToolError as e:
            self.error = str(e)
        self.seconds = time.time() - t0
        with open(self.json_path, 'w', encoding='utf-8') as f:
            json.dump(self.data or {'error': self.error}, f, indent=1)
        with open(base + '.log', 'w', encoding='utf-8') as f:
            f.write('\n'.join(log))

    def _play(self, args, base, log):
        p = subprocess.run(['bash', args.check, self.zip, '--import-only'], capture_output=True, text=True,
                           timeout=RUN_TIMEOUT)
        log.append('$ check.sh %s --import-only\nexit %d\n%s' % (self.zip, p.returncode, p.stderr))
        try:
            imp = json.loads(p.stdout)['import']
        except (ValueError, KeyError):
            raise ToolError('check.sh --import-only: no JSON (exit %d): %s' % (p.returncode, p.stderr.strip()[-300:]))
        if not imp.get('accepted') or not (imp.get('urls') or {}).get('view'):
            return {'import': imp, 'play': None}
        work = os.path.abspath(os.environ.get('MOODLE_WORK') or '/tmp/darslik-moodle')
        moodle = os.path.join(work, 'moodle-src')
        php = shutil.which('php8.2') or shutil.which('php') or 'php'
        chromium = os.environ.get('MOODLE_CHROMIUM') or next(
            (shutil.which(c) for c in ('chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome')
             if shutil.which(c)), None)
        if not chromium:
            raise ToolError('no Chromium (set MOODLE_CHROMIUM)')
        view = imp['urls']['view']
        driver = os.path.join(args.out, '%s-driver.js' % self.NAME)
        with open(driver, 'w', encoding='utf-8') as f:
            f.write(self.DRIVER)
        conf = {'base': urllib.parse.urlsplit(view)._replace(path='', query='', fragment='').geturl(),
                'view': view, 'chromium': chromium, 'user': 'admin',
                'pass': os.environ.get('MOODLE_ADMIN_PASS') or 'Admin#12345', 'php': php,
                'tracks': os.path.join(os.path.dirname(args.check), 'lib', 'tracks.php'), 'moodle': moodle,
                'scorm_id': imp['activity']['scorm_id']}
        env = dict(os.environ, NODE_PATH=os.path.join(work, 'node', 'node_modules'))
        try:
            p = subprocess.run(['node', driver, json.dumps(conf)], capture_output=True, text=True, env=env,
                               timeout=RUN_TIMEOUT)
            log.append('$ node %s-driver.js\nexit %d\n%s' % (self.NAME, p.returncode, p.stderr))
            try:
                play = json.loads(p.stdout)
            except ValueError:
                raise ToolError('%s driver: no JSON (exit %d): %s' % (self.NAME, p.returncode, p.stderr.strip()[-300:]))
        except subprocess.TimeoutExpired:
            raise ToolError('%s driver: timeout after %d s' % (self.NAME, RUN_TIMEOUT))
        finally:
            if not args.keep:
                cmid = imp['activity']['cmid']
                subprocess.run([php, '-r', 'define("CLI_SCRIPT", 1); ob_start(); require $argv[1] . "/config.php";'
                                ' require_once($CFG->dirroot . "/course/lib.php"); course_delete_module((int)$argv[2]);'
                                ' ob_end_clean();', moodle, str(cmid)], capture_output=True, text=True)
        return {'import': imp, 'play': play}


ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789'


def js_number(v):
    """A number as JavaScript's String() writes it (18.0 -> "18")."""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def expected_interaction(ver, q, resp, ok, pre):
    """The interaction scorm.js must write for response `resp` to question q ({qid, kind, key}), by
    the rules of the issue 19 contract, in the syntax of SCORM 1.2 ('12') or 2004."""
    sep, dot = (',', '.') if ver == '12' else ('[,]', '[.]')
    key, kind = q['key'] or {}, q['kind']
    a = key.get('a') or []
    if kind in ('single', 'multiple'):
        chosen = resp if isinstance(resp, list) else [resp]
        typ, pats, response = 'choice', [sep.join(ID_CHARS[i] for i in a)], sep.join(ID_CHARS[i] for i in chosen)
    elif kind == 'matching':
        typ = 'matching'
        pats = [sep.join('%d%s%s' % (i + 1, dot, ID_CHARS[i]) for i in range(len(a)))]
        response = sep.join('%d%s%s' % (i + 1, dot, ID_CHARS[a.index(v)]) for i, v in enumerate(resp) if v >= 0)
    elif kind == 'ordering':
        typ, pats = 'sequencing', [sep.join(ID_CHARS[i] for i in range(len(a)))]
        response = sep.join(ID_CHARS[a.index(v)] for v in resp)
    else:
        text = str(resp).strip()
        ranges, written = key.get('r') or [], key.get('s') or []
        numeric = bool(re.match(r'^-?\d+([.,]\d+)?$', text)) and ranges and len(ranges) == len(written)
        has_range = any(lo != hi for lo, hi in ranges)
        if numeric and (not has_range if ver == '12' else len(ranges) == 1):
            typ = 'numeric'
            pats = [js_number(lo) if lo == hi else '%s[:]%s' % (js_number(lo), js_number(hi)) for lo, hi in ranges]
            response = text.replace(',', '.')
        else:
            typ, pats, response = 'fill-in', written[:10], text
    iid = ('pre-' if pre else '') + '_'.join(urllib.parse.quote(x, safe="-_.!~*'()") for x in q['qid'].split('/'))
    return {'id': iid, 'type': typ, 'patterns': pats, 'response': response,
            'result': 'correct' if ok else ('wrong' if ver == '12' else 'incorrect')}


def stored_elements(tracks):
    """The SCO's elements of the latest attempt, with Moodle's _N indexes as .N again."""
    atts = (tracks or {}).get('attempts') or {}
    if not atts:
        return {}
    latest = atts[max(atts, key=lambda x: int(x))]
    el = next(iter(latest.values()), {}) if latest else {}
    return {re.sub(r'(interactions|objectives|correct_responses)_(\d+)', r'\1.\2', k): v for k, v in el.items()}


def stored_interactions(el, ver):
    out = {}
    for k, v in el.items():
        m = re.match(r'^cmi\.interactions\.(\d+)\.(.+)$', k)
        if m:
            out.setdefault(int(m.group(1)), {})[m.group(2)] = v
    resp = 'student_response' if ver == '12' else 'learner_response'
    return [{'id': it.get('id'), 'type': it.get('type'), 'result': it.get('result'), 'response': it.get(resp),
             'patterns': [it[p] for p in sorted((p for p in it if re.match(r'^correct_responses\.\d+\.pattern$', p)),
                                                key=lambda p: int(p.split('.')[1]))]}
            for _, it in sorted(out.items())]


def case_graded(run, ver):
    """Case 9: the graded-assessment fixture in Moodle (see the module docs)."""
    errs = []
    imp, play = run.data.get('import') or {}, run.data.get('play')
    if not imp.get('accepted'):
        return ['not accepted: %s' % imp.get('validation_errors')], ''
    if not play or play.get('error'):
        return ['play failed: %s' % ((play or {}).get('error') or 'no play')[:400]], ''
    for what in ('blocked', 'page_errors'):
        if play.get(what):
            errs.append('%s: %s' % (what, play[what][:3]))
    v1, v2 = play['visits'][0], play['visits'][1]
    for n, v in ((1, v1), (2, v2)):
        if (v.get('sco') or {}).get('errors'):
            errs.append('visit %d: the SCO reported %s' % (n, v['sco']['errors'][:3]))
        if not (v.get('sco') or {}).get('api'):
            errs.append('visit %d: the SCO is not connected to Moodle' % n)

    # Interactions: practice checks in order, then each attempt's questions in source order.
    want = [expected_interaction(ver, q, q['resp'], q['ok'], False) for q in v1['practice']]
    qnum = lambda r: int(r['qid'].rsplit('/', 1)[1])
    for att in v1['attempts']:
        want += [expected_interaction(ver, r, r['resp'], r['ok'], att['pre']) for r in sorted(att['results'], key=qnum)]
    el = stored_elements(v1['tracks'])
    got = stored_interactions(el, ver)
    if len(got) != len(want):
        errs.append('%d interactions stored, want %d' % (len(got), len(want)))
    for i, (g_, w) in enumerate(zip(got, want)):
        for field in ('id', 'type', 'patterns', 'response', 'result'):
            if g_.get(field) != w[field]:
                errs.append('interaction %d (%s) %s: stored %r, want %r' % (i, w['id'], field, g_.get(field), w[field]))
    types = {}
    for g_ in got:
        types[g_['type']] = types.get(g_['type'], 0) + 1
    # The spelled-out forms of the fixture.
    sep, dot = (',', '.') if ver == '12' else ('[,]', '[.]')
    by_id = {g_['id']: g_ for g_ in got}
    spelled = [('m1_01-practice_3', 'matching', ['1%sa%s2%sb%s3%sc' % (dot, sep, dot, sep, dot)], '1%sb%s2%sa' % (dot, sep, dot)),
               ('m1_01-practice_4', 'sequencing', [sep.join('abcd')], sep.join('bacd')),
               ('m1_01-practice_5', 'fill-in', ['3', 'article 3', 'art. 3'], 'Article 3'),
               ('m1_01-practice_6', 'numeric', ['18'], '18.0'),
               ('m1_01-practice_7', 'fill-in' if ver == '12' else 'numeric', ['18..20' if ver == '12' else '18[:]20'], '19'),
               ('pre-m1_02-pre-test_3', 'numeric', ['18'], '19')]
    for iid, typ, pats, response in spelled:
        g_ = by_id.get(iid)
        if not g_ or (g_['type'], g_['patterns'], g_['response']) != (typ, pats, response):
            errs.append('%s: stored %s, want %s %s %s' % (iid, g_ and (g_['type'], g_['patterns'], g_['response']), typ, pats, response))
    pre_ids = sorted(g_['id'] for g_ in got if g_['id'].startswith('pre-'))
    if not pre_ids or any('02-pre-test' not in x for x in pre_ids) or any(
            '02-pre-test' in g_['id'] and not g_['id'].startswith('pre-') for g_ in got):
        errs.append('pre- prefix: %s' % pre_ids)

    # The pre-test objective.
    pre_att = next(a for a in v1['attempts'] if a['pre'])
    obj = next((m.group(1) for k, v in el.items() for m in [re.match(r'^cmi\.objectives\.(\d+)\.id$', k)]
                if m and v == 'pre-test'), None)
    if obj is None:
        errs.append('no objective "pre-test" stored: %s' % sorted(k for k in el if 'objectives' in k))
        ostatus = oraw = None
    else:
        o = 'cmi.objectives.%s.' % obj
        oraw = el.get(o + 'score.raw')
        ostatus = el.get(o + ('status' if ver == '12' else 'completion_status'))
        if num(oraw) != pre_att['score'] or num(el.get(o + 'score.min')) != 0 or num(el.get(o + 'score.max')) != 100:
            errs.append('objective pre-test: raw/min/max %s/%s/%s, want %s/0/100' % (
                oraw, el.get(o + 'score.min'), el.get(o + 'score.max'), pre_att['score']))
        if ostatus != 'completed':
            errs.append('objective pre-test: status %s, want completed' % ostatus)

    # The module: the best attempts of the graded page and the post-test; the pre-test never counts.
    best = {}
    for att in v1['attempts']:
        if not att['pre']:
            best[att['page']] = max(best.get(att['page'], 0), att['score'])
    want_raw = round(sum(best.values()) / len(best))      # both tests have 3 questions per attempt
    st = v1['sco']['status']
    raw = num(el.get('cmi.core.score.raw' if ver == '12' else 'cmi.score.raw'))
    if raw != want_raw or st.get('percent') != want_raw:
        errs.append('score.raw=%s (SCO: %s), want %s, the best attempts' % (raw, st.get('percent'), want_raw))
    if ver == '12':
        status = el.get('cmi.core.lesson_status')
        if status != 'passed':
            errs.append('lesson_status=%s, want passed' % status)
    else:
        status = '%s/%s' % (el.get('cmi.completion_status'), el.get('cmi.success_status'))
        if status != 'completed/passed' or num(el.get('cmi.score.scaled')) != want_raw / 100:
            errs.append('completion/success/scaled=%s/%s, want completed/passed/%s' % (
                status, el.get('cmi.score.scaled'), want_raw / 100))
    sd = el.get('cmi.suspend_data') or ''
    if not sd.startswith('2.') or len(sd) > 4096:
        errs.append('suspend_data %r (%d chars), want version 2 within 4096' % (sd[:40], len(sd)))
    grade = (v1['tracks'] or {}).get('grade')
    if num(grade) != 1:
        errs.append('grade=%s, want 1 (the SCO passed)' % grade)

    # Visit 2: everything comes back; nothing new is stored.
    s1, s2 = v1['sco'], v2['sco']
    for page, t in (s1.get('tests') or {}).items():
        t2 = (s2.get('tests') or {}).get(page) or {}
        if [t2.get(k) for k in ('seed', 'att', 'done', 'r')] != [t.get(k) for k in ('seed', 'att', 'done', 'r')]:
            errs.append('visit 2: %s came back as %s, was %s' % (page, t2, t))
    if s2.get('answers') != s1.get('answers'):
        errs.append('visit 2: practice answers %s, were %s' % (s2.get('answers'), s1.get('answers')))
    panel = v2.get('post_panel') or {}
    if not (panel.get('submit_hidden') and panel.get('again_hidden')):
        errs.append('visit 2: the post-test offers another attempt (%s)' % panel)
    el2 = stored_elements(v2['tracks'])
    got2 = stored_interactions(el2, ver)
    if len(got2) != len(got):
        errs.append('visit 2: %d interactions stored, were %d' % (len(got2), len(got)))
    raw2 = num(el2.get('cmi.core.score.raw' if ver == '12' else 'cmi.score.raw'))
    if raw2 != raw:
        errs.append('visit 2: score.raw %s -> %s' % (raw, raw2))
    line = ('int=%d (%s) objective pre-test raw=%s %s | score.raw=%s %s (pre-test %s%%, attempts %s) sd=%d | '
            'grade=%s | visit2 %s: tests, answers back; int=%d score.raw=%s' % (
                len(got), ' '.join('%s:%d' % kv for kv in sorted(types.items())), oraw, ostatus, raw, status,
                pre_att['score'], '/'.join(str(a['score']) for a in v1['attempts'] if not a['pre']), len(sd), grade,
                v2.get('mode'), len(got2), raw2))
    return errs, line


# ------------------------------------------------------------------------------------------------
# Case 10: case scenarios (issue 20) in the sample course's module package, played by our learner

SCENARIO_MAIN = r"""
// Case 10 (tests/moodle/walk.py): the module's case scenario in Moodle's player. The helpers above
// are GRADED_DRIVER's. Visit 1: every page, the post-test with right answers, the scenario on a
// poor run (tracks), then on its best path (tracks). Visit 2: the scenario resumes at its ending
// with its path; nothing new is stored.

/** Every scenario of the shown locale: its sid, page, best points and graph (from the markup). */
function scenarios(frame) {
  return frame.evaluate((vis) => [...document.querySelectorAll(`${vis} section.scenario`)].map((sec) => {
    const steps = {};
    for (const el of sec.querySelectorAll('.scenario-step')) {
      steps[el.dataset.step] = { end: el.hasAttribute('data-end'), best: Number(el.dataset.best),
        choices: [...el.querySelectorAll('a.scenario-choice')].map((c) => ({ i: Number(c.dataset.choice),
          target: c.dataset.target, points: Number(c.dataset.points), good: c.hasAttribute('data-good') })) };
    }
    return { sid: sec.dataset.sid, page: sec.closest('.doc-page').dataset.page.replace(/\.md$/, ''),
      best: Number(sec.dataset.best), start: sec.dataset.start, steps };
  }), VIS);
}

/** The next step on a shortest way from `from` to an ending (over `ok` choices), as a choice. */
function toEnding(sc, from, ok) {
  const prev = { [from]: null }, queue = [from];
  while (queue.length) {
    const at = queue.shift();
    if (sc.steps[at].end) {
      let step = at;
      while (prev[step] && prev[step].from !== from) step = prev[step].from;
      return prev[step] ? prev[step].choice : null;
    }
    for (const c of sc.steps[at].choices) {
      if (ok(c) && !(c.target in prev)) { prev[c.target] = { from: at, choice: c }; queue.push(c.target); }
    }
  }
  return null;
}

function shown(frame, sid) {
  return frame.evaluate(([vis, id]) => {
    const sec = document.querySelector(`${vis} section.scenario[data-sid="${id}"]`);
    const steps = [...sec.querySelectorAll('.scenario-step')].filter((s) => !s.hidden).map((s) => s.dataset.step);
    return { steps, said: sec.querySelectorAll('.scenario-said').length, path: sec.querySelectorAll('.scenario-path-item').length };
  }, [VIS, sid]);
}

/** Play one run from the step shown now: `pick(step, visited)` gives the choice. */
async function run(frame, sc, pick) {
  const made = [], visited = new Set();
  for (let n = 0; n < 40; n++) {
    const at = (await shown(frame, sc.sid)).steps;
    if (at.length !== 1) throw new Error(`${sc.sid}: shown steps ${at}`);
    const step = sc.steps[at[0]];
    if (step.end) return { made, end: at[0] };
    visited.add(at[0]);
    const c = pick(at[0], visited);
    await frame.locator(`${VIS} section.scenario[data-sid="${sc.sid}"] .scenario-step[data-step="${at[0]}"] a.scenario-choice[data-choice="${c.i}"]`).click();
    made.push({ step: at[0], choice: c.i, target: c.target, points: c.points, good: c.good, goods: step.choices.filter((x) => x.good).map((x) => x.i) });
    await sleep(150);
  }
  throw new Error(`${sc.sid}: no ending after 40 choices`);
}

function scen(frame, sid) {
  return frame.evaluate((id) => JSON.parse(JSON.stringify(window.darslikProgress.state().scen[id] || null)), sid);
}

(async () => {
  const out = { visits: [], blocked: [], page_errors: [] };
  const browser = await chromium.launch({
    executablePath: a.chromium, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>;127.0.0.1'],
  });
  try {
    const context = await browser.newContext();
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith(a.base + '/') || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
      out.blocked.push(u);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => out.page_errors.push(String(e)));
    await page.goto(a.base + '/login/index.php', { waitUntil: 'domcontentloaded' });
    await page.fill('#username', a.user);
    await page.fill('#password', a.pass);
    await Promise.all([page.waitForLoadState('domcontentloaded'), page.click('#loginbtn')]);
    if (await page.locator('#loginbtn').count()) throw new Error('login failed');

    let { frame, mode } = await enter(page);
    const v1 = { mode };
    let pos = await frame.evaluate(() => window.darslikDoc.position());
    while (pos.index < pos.count - 1) {
      await frame.click(`${VIS} .doc-pager .pager-next`);
      pos = await frame.evaluate(() => window.darslikDoc.position());
    }
    v1.progress = await frame.evaluate(() => JSON.parse(document.querySelector('script.progress-data').textContent));
    // The tests that make the module's score, all right (the pre-test never counts).
    v1.attempts = [];
    for (const t of v1.progress.tests || []) {
      if (t.kind === 'graded' || t.kind === 'post-test') v1.attempts.push(await attempt(frame, t.page, () => true));
    }
    const all = await scenarios(frame);
    const sc = all.find((x) => v1.progress.scen.some((s) => s.id === x.sid));
    if (!sc) throw new Error('no scored scenario in the module');
    v1.scenario = sc;
    await show(frame, sc.page);
    // A poor run: a choice that is not good and leads somewhere new when there is one, else the
    // shortest way to an ending.
    v1.poor = await run(frame, sc, (at, visited) =>
      sc.steps[at].choices.find((c) => !c.good && !visited.has(c.target)) || toEnding(sc, at, () => true));
    v1.poor.state = await scen(frame, sc.sid);
    v1.poor.sco = await sco(frame);
    await sleep(1500);
    v1.poor.tracks = tracks();
    // The best path: good choices only, the shortest way to an ending.
    await frame.locator(`${VIS} section.scenario[data-sid="${sc.sid}"] .scenario-restart`).click();
    v1.best = await run(frame, sc, (at) => toEnding(sc, at, (c) => c.good));
    v1.best.state = await scen(frame, sc.sid);
    v1.sco = await sco(frame);
    await sleep(1500);
    v1.best.tracks = tracks();
    await leave(page);
    v1.tracks = tracks();
    out.visits.push(v1);

    // Visit 2: at the ending of the best run, with its path; nothing new is stored.
    ({ frame, mode } = await enter(page));
    const v2 = { mode };
    await show(frame, sc.page);
    v2.shown = await shown(frame, sc.sid);
    v2.state = await scen(frame, sc.sid);
    v2.sco = await sco(frame);
    await leave(page);
    v2.tracks = tracks();
    out.visits.push(v2);
  } catch (e) {
    out.error = String((e && e.stack) || e);
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(out, null, 1));
})();
"""

# GRADED_DRIVER's helpers (login, the player's frame, pages, test attempts), then case 10's run.
SCENARIO_DRIVER = GRADED_DRIVER.split('const PRACTICE = [')[0] + SCENARIO_MAIN + r"""
function sco(frame) {
  return frame.evaluate(() => {
    const m = JSON.parse(document.querySelector('script.progress-data').textContent);
    const st = window.darslikProgress.state();
    return { api: window.darslikScorm.api, errors: window.darslikScorm.errors.slice(), status: window.darslikProgress.moduleStatus(m),
      tests: JSON.parse(JSON.stringify(st.tests)), scen: JSON.parse(JSON.stringify(st.scen || {})), position: window.darslikDoc.position() };
  });
}
"""


class ScenarioRun(GradedRun):
    """Case 10: check.sh --import-only of the module's package, then SCENARIO_DRIVER."""
    CASE, DRIVER, NAME = 10, SCENARIO_DRIVER, 'scenario'


def js_round(x):
    """Math.round of a non-negative number."""
    return int(x + 0.5)


def scenario_percent(sc, points):
    best = sc['best']
    return max(0, min(100, js_round(100 * points / best))) if best > 0 else None


def module_percent(progress, attempts, scen_b):
    """progress.js moduleStatus: the graded/post-test best attempts weighted by questions, plus
    one question per scored scenario (its best percent / 100)."""
    correct, total = 0, 0
    best = {}
    for att in attempts:
        best[att['page']] = max(best.get(att['page'], 0), att['score'])
    for t in progress.get('tests') or []:
        if t['kind'] in ('graded', 'post-test'):
            n = t.get('n') or 0
            total += n
            if t['page'] in best:
                correct += min(n, js_round(best[t['page']] * n / 100))
    for s in progress.get('scen') or []:
        total += 1
        correct += (scen_b.get(s['id']) or 0) / 100
    return js_round(correct * 100 / total) if total else None


def scenario_interactions(ver, sc, made):
    """The interactions the choices `made` must give (contract 20 §5)."""
    wrong = 'wrong' if ver == '12' else 'incorrect'
    prefix = '_'.join(urllib.parse.quote(x, safe="-_.!~*'()") for x in sc['sid'].split('/'))
    return [{'id': '%s_%s' % (prefix, c['step']), 'type': 'choice', 'response': ID_CHARS[c['choice']],
             'patterns': [ID_CHARS[g] for g in c['goods']][:10], 'result': 'correct' if c['good'] else wrong}
            for c in made]


def case_scenario(run, ver):
    """Case 10: the case scenario of the module's package in Moodle (see the module docs)."""
    errs = []
    imp, play = run.data.get('import') or {}, run.data.get('play')
    if not imp.get('accepted'):
        return ['not accepted: %s' % imp.get('validation_errors')], ''
    if not play or play.get('error'):
        return ['play failed: %s' % ((play or {}).get('error') or 'no play')[:600]], ''
    for what in ('blocked', 'page_errors'):
        if play.get(what):
            errs.append('%s: %s' % (what, play[what][:3]))
    v1, v2 = play['visits'][0], play['visits'][1]
    for n, s in ((1, v1['poor']['sco']), (1, v1['sco']), (2, v2['sco'])):
        if s.get('errors'):
            errs.append('visit %d: the SCO reported %s' % (n, s['errors'][:3]))
        if not s.get('api'):
            errs.append('visit %d: the SCO is not connected to Moodle' % n)
    sc, progress = v1['scenario'], v1['progress']
    raw_key = 'cmi.core.score.raw' if ver == '12' else 'cmi.score.raw'
    facts = []
    want_all = []
    # The scenario's interactions; the tests' come first (case 9 checks those).
    mine = '_'.join(urllib.parse.quote(x, safe="-_.!~*'()") for x in sc['sid'].split('/')) + '_'
    tests_int = sum(len(att['results']) for att in v1['attempts'])
    for what, r in (('poor', v1['poor']), ('best', v1['best'])):
        points = sum(c['points'] for c in r['made'])
        pc = scenario_percent(sc, points)
        b = pc if what == 'poor' else max(pc, scenario_percent(sc, sum(c['points'] for c in v1['poor']['made'])))
        if (r['state'] or {}).get('b') != b or (r['state'] or {}).get('d') != 1:
            errs.append('%s run: state.scen %s, want b=%s d=1' % (what, r['state'], b))
        want_all += scenario_interactions(ver, sc, r['made'])
        el = stored_elements(r['tracks'])
        every = stored_interactions(el, ver)
        got = [g_ for g_ in every if (g_.get('id') or '').startswith(mine)]
        if len(every) != tests_int + len(got):
            errs.append('after the %s run: %d interactions stored, %d of the tests + %d of the scenario' % (
                what, len(every), tests_int, len(got)))
        if len(got) != len(want_all):
            errs.append('after the %s run: %d interactions stored, want %d (one per choice)' % (what, len(got), len(want_all)))
        for i, (g_, w) in enumerate(zip(got, want_all)):
            for field in ('id', 'type', 'patterns', 'response', 'result'):
                if g_.get(field) != w[field]:
                    errs.append('interaction %d (%s) %s: stored %r, want %r' % (i, w['id'], field, g_.get(field), w[field]))
        want_raw = module_percent(progress, v1['attempts'], {sc['sid']: b})
        raw = num(el.get(raw_key))
        if raw != want_raw:
            errs.append('after the %s run: score.raw=%s, want %s (tests + the scenario at %s%%)' % (what, raw, want_raw, b))
        facts.append('%s run %s -> %s (%d pts, %s%%): int=%d score.raw=%s' % (
            what, '>'.join(c['step'] for c in r['made']), r['end'], points, pc, len(got), raw))
    if v1['poor']['sco']['status'].get('percent') != num(stored_elements(v1['poor']['tracks']).get(raw_key)):
        errs.append('the SCO says %s%%, Moodle stored %s' % (v1['poor']['sco']['status'].get('percent'),
                                                            stored_elements(v1['poor']['tracks']).get(raw_key)))
    el = stored_elements(v1['tracks'])
    got = stored_interactions(el, ver)
    ids = ' '.join('%s:%s:%s[%s]' % (g_['id'][len(mine):], g_['response'], g_['result'], ','.join(g_['patterns']))
                   for g_ in got if g_['id'].startswith(mine))
    sd = el.get('cmi.suspend_data') or ''
    if not sd.startswith('3.') or len(sd) > 4096:
        errs.append('suspend_data %r (%d chars), want version 3 within 4096' % (sd[:40], len(sd)))
    status = el.get('cmi.core.lesson_status') if ver == '12' else '%s/%s' % (
        el.get('cmi.completion_status'), el.get('cmi.success_status'))
    # Visit 2: the best run's ending with its path; nothing new stored.
    if v2['shown'].get('steps') != [v1['best']['end']] or v2['shown'].get('path') != len(v1['best']['made']):
        errs.append('visit 2: shown %s, want the ending %s with a path of %d' % (
            v2['shown'], v1['best']['end'], len(v1['best']['made'])))
    if v2['state'] != v1['best']['state']:
        errs.append('visit 2: state.scen %s, was %s' % (v2['state'], v1['best']['state']))
    el2 = stored_elements(v2['tracks'])
    got2 = stored_interactions(el2, ver)
    if len(got2) != len(got) or num(el2.get(raw_key)) != num(el.get(raw_key)):
        errs.append('visit 2: %d interactions, score.raw %s (were %d, %s)' % (
            len(got2), el2.get(raw_key), len(got), el.get(raw_key)))
    line = '%s | %s | tests %s | %s sd=%d | visit2 %s: at %s, path %d, int=%d' % (
        sc['sid'], ' | '.join(facts), '/'.join(str(x['score']) for x in v1['attempts']) or '-', status, len(sd),
        v2.get('mode'), ','.join(v2['shown'].get('steps') or []), v2['shown'].get('path') or 0, len(got2))
    run.stored = ids
    return errs, line + ' | stored: ' + ids


# ------------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--darslik', default=os.path.join(REPO, 'target', 'release', 'darslik'))
    ap.add_argument('--course', default=REPO, help='the course folder (default: the repository root)')
    ap.add_argument('--shared', default=os.environ.get('SHARED') or os.path.join(os.path.dirname(REPO), 'shared'))
    ap.add_argument('--quick', action='store_true', help='case 1 only, both versions')
    ap.add_argument('--cases', default='1,2,3,4,5,6,7,8,9,10')
    ap.add_argument('--versions', default='12,2004')
    ap.add_argument('--locale', default='en', help='locale of the single-language packages (case 1 walks every locale)')
    ap.add_argument('--one-locale', action='store_true', help='case 1 too walks only --locale')
    ap.add_argument('--out', help='where the JSON files go (default: a new /tmp/darslik-moodle-walk-* folder)')
    ap.add_argument('--keep', action='store_true',
                    help='keep the built variants and the Moodle activities (no check.sh --cleanup)')
    ap.add_argument('--reuse', action='store_true',
                    help='assert on the JSON files already in --out instead of walking again')
    args = ap.parse_args()
    args.darslik = os.path.abspath(args.darslik)
    args.course = os.path.abspath(args.course)
    args.check = os.path.join(os.path.abspath(args.shared), 'moodle', 'check.sh')
    cases = [1] if args.quick else sorted({int(c) for c in args.cases.split(',') if c.strip()})
    versions = [v for v in VERSIONS if v in args.versions.split(',')]
    if not set(cases) <= set(range(1, 11)) or not versions:
        ap.error('--cases takes numbers 1-10, --versions 12 and/or 2004')
    for p, what in ((args.darslik, 'darslik binary'), (args.check, 'check.sh')):
        if not os.path.isfile(p):
            ap.error('no %s at %s' % (what, p))
    args.out = os.path.abspath(args.out or tempfile.mkdtemp(prefix='darslik-moodle-walk-', dir='/tmp'))
    os.makedirs(args.out, exist_ok=True)
    t_start = time.time()
    tmp = tempfile.mkdtemp(prefix='darslik-moodle-build-')
    try:
        return run_all(args, cases, versions, tmp, t_start)
    except ToolError as e:
        print('ERROR %s' % e, file=sys.stderr)
        return 2
    finally:
        if args.keep:
            print('built variants kept in %s' % tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def run_all(args, cases, versions, tmp, t_start):
    with open(os.path.join(args.course, 'course.toml'), encoding='utf-8') as f:
        toml = f.read()
    mastery = num(toml_value(toml, 'mastery_score')) or 0
    modules = re.findall(r'"([^"]+)"', toml_value(toml, 'modules') or '')
    course_id = (toml_value(toml, 'id') or '').strip('"')
    import tomllib
    conf = tomllib.loads(toml)
    all_locales = list(conf.get('course', {}).get('locales') or [])
    all_locales += [l for l in (conf.get('locales') or {}) if l not in all_locales]
    if args.locale not in all_locales:
        all_locales.insert(0, args.locale)
    if args.one_locale:
        all_locales = [args.locale]

    needed = set()
    if set(cases) & {1, 2, 3, 4, 5, 6}:
        needed.add('default')
    if 4 in cases or 8 in cases:
        needed.add('module')
    if 7 in cases:
        needed.add('multilingual')
    variants = {}
    if 10 in cases:
        needed.add('scenario')
    for name in ('default', 'module', 'multilingual', 'scenario'):
        if name in needed:
            variants[name] = build_variant(args, tmp, name)
    if 9 in cases:
        variants['assess'] = build_fixture(args, tmp)
    print('built %s into %s (%.0f s)' % (', '.join(sorted(variants)), tmp, time.time() - t_start))

    runs = {}          # (zip, options) -> Run: cases with the same walk share one run

    def plan(case, variant, ver, zip_path, opts, locale):
        scos = manifest_scos(zip_path)
        o = list(opts)
        if len(scos) < 2:          # one SCO: how other SCOs are opened does not matter
            o = [x for x in o if not x.startswith('--nav=')]
        key = (zip_path, tuple(sorted(o)))
        if key not in runs:
            r = Run(zip_path, ver, o, variants[variant] + (':' + locale if locale else ''))
            r.scos = scos
            r.walk_error = lambda sco, r=r: next((e for e in r.summary.get('walk_errors') or [] if sco in e), None)
            runs[key] = r
        runs[key].cases.append(case)
        return runs[key]

    todo = []          # (case, version, label, run, check)
    for case in cases:
        for ver in versions:
            if case == 1:
                # every default zip of every locale (the answer key from the
                # locale's own Markdown when it has a content folder)
                for loc in all_locales:
                    key_loc = loc if os.path.isdir(os.path.join(variants['default'], 'content', loc)) else None
                    for z in zips_of(variants['default'], ver, loc, False):
                        todo.append((case, ver, '', plan(case, 'default', ver, z, ['--answers=right', '--nav=url'], key_loc)))
            elif case == 6:
                for z in zips_of(variants['default'], ver, args.locale, False):
                    todo.append((case, ver, '', plan(case, 'default', ver, z, ['--answers=right', '--nav=url'], args.locale)))
            elif case == 2 or case == 3:
                mode = 'wrong' if case == 2 else 'mixed'
                for z in zips_of(variants['default'], ver, args.locale, False):
                    todo.append((case, ver, '', plan(case, 'default', ver, z, ['--answers=' + mode, '--nav=url'], args.locale)))
            elif case == 4:
                multi = [z for z in zips_of(variants['default'], ver, args.locale, False) if len(manifest_scos(z)) > 1]
                for z in multi:
                    todo.append((case, ver, 'TOC', plan(case, 'default', ver, z, ['--answers=right', '--nav=toc'], args.locale)))
                if not multi:
                    todo.append((case, ver, 'TOC: every default package has one SCO, no TOC move', None))
                mz = zips_of(variants['module'], ver, args.locale, False)
                want = '%s-%s-%s.zip' % (course_id, modules[1] if len(modules) > 1 else '', args.locale)
                second = [z for z in mz if os.path.basename(z) == want] or mz[1:2] or mz[:1]
                for z in second:
                    todo.append((case, ver, 'module pkg', plan(case, 'module', ver, z, ['--answers=right', '--nav=toc'], args.locale)))
            elif case == 5:
                for z in zips_of(variants['default'], ver, args.locale, False):
                    todo.append((case, ver, '', plan(case, 'default', ver, z, ['--answers=right', '--stop-at=2', '--leave-at=1', '--nav=url'], args.locale)))
            elif case == 8:
                for loc in all_locales:
                    for z in zips_of(variants['module'], ver, loc, False):
                        todo.append((case, ver, 'import', plan(case, 'module', ver, z, ['--import-only'], None)))
            elif case == 7:
                for z in zips_of(variants['multilingual'], ver, args.locale, True):
                    todo.append((case, ver, '', plan(case, 'multilingual', ver, z, ['--answers=right', '--switch-lang=ru', '--nav=url'], None)))
            elif case == 9:
                for z in zips_of(variants['assess'], ver, 'en', False):
                    todo.append((case, ver, 'graded', GradedRun(z, ver)))
            elif case == 10:
                with_scenario = [z for z in zips_of(variants['scenario'], ver, args.locale, False) if has_scenario(z)]
                if not with_scenario:
                    raise ToolError('no module package of the course has a case scenario')
                todo.append((case, ver, 'scenario', ScenarioRun(with_scenario[0], ver)))
    if not todo:
        raise ToolError('the build wrote no zip to walk')
    n_runs = len({id(t[3]) for t in todo if t[3]})
    print('%d check.sh walks for %d case lines; JSON in %s' % (n_runs, len(todo), args.out))

    results, failed, tool_errors = [], 0, 0
    for case, ver, sub, run in todo:
        if run is None:
            print('PASS %d scorm%-4s %s' % (case, ver, sub))
            results.append({'case': case, 'version': ver, 'note': sub, 'pass': True})
            continue
        if run.data is None and run.error is None:
            done = sum(1 for r in runs.values() if r.data is not None or r.error)
            print('  .. walking %s %s (%s), run %d/%d, t+%.0fs' % (
                os.path.basename(run.zip), ' '.join(run.opts), 'scorm' + ver, done + 1, n_runs,
                time.time() - t_start), flush=True)
            run.execute(args)
        name = '%d scorm%-4s %s%s' % (case, ver, os.path.basename(run.zip), ' [%s]' % sub if sub else '')
        if run.error:
            errs, line = [run.error], ''
            tool_errors += 1
        else:
            try:
                if case in (1, 2, 3, 4):
                    mode = {1: 'right', 2: 'wrong', 3: 'mixed', 4: 'right'}[case]
                    errs, line = case_recorded(run, ver, mode, mastery)
                elif case == 5:
                    errs, line = case_stop(run, ver, mastery)
                elif case == 6:
                    errs, line = case_relaunch(run, ver)
                elif case == 8:
                    errs, line = case_imported(run, ver)
                elif case == 9:
                    errs, line = case_graded(run, ver)
                elif case == 10:
                    errs, line = case_scenario(run, ver)
                else:
                    errs, line = case_language(run, ver)
            except (KeyError, TypeError, IndexError) as e:
                errs, line = ['unexpected JSON (%s: %s)' % (type(e).__name__, e)], ''
        ok = not errs
        failed += not ok
        print('%s %s (%.0f s) %s' % ('PASS' if ok else 'FAIL', name, run.seconds, line), flush=True)
        for e in errs:
            print('       - ' + e)
        results.append({'case': case, 'version': ver, 'zip': os.path.basename(run.zip), 'sub': sub,
                        'options': run.opts, 'json': run.json_path, 'pass': ok, 'errors': errs, 'facts': line,
                        'seconds': round(run.seconds)})
    total = time.time() - t_start
    with open(os.path.join(args.out, 'results.json'), 'w', encoding='utf-8') as f:
        json.dump({'cases': results, 'seconds': round(total), 'runs': n_runs}, f, indent=2)
    print('%d of %d case lines failed; %d walks in %.0f s; JSON in %s' % (
        failed, len(results), n_runs, total, args.out))
    if tool_errors == len([r for r in results if 'errors' in r]) and tool_errors:
        return 2
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
