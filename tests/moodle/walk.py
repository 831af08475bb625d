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
Cases 1, 2, 3, 5, 6 and 7 open the other SCOs of a package with a fresh player
page (--nav=url) so that they do not depend on the TOC; case 4 is the TOC.
The zips are whatever the build writes to scorm12/ and scorm2004/ (one per
course or one per module): every zip is walked and every SCO asserted.

usage: walk.py [--darslik PATH] [--quick] [--one-locale] [--cases 1,4] [--versions 12,2004]
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


def build_variant(args, tmp, name):
    """Copy the course, edit [scorm], build scorm12 + scorm2004. Returns the variant's folder."""
    d = os.path.join(tmp, name)
    os.makedirs(d)
    for item in ('course.toml', 'content', 'locales', 'themes'):
        src = os.path.join(args.course, item)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(d, item))
        elif os.path.exists(src):
            shutil.copy2(src, os.path.join(d, item))
    path = os.path.join(d, 'course.toml')
    with open(path, encoding='utf-8') as f:
        toml = f.read()
    if name == 'module':
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

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--darslik', default=os.path.join(REPO, 'target', 'release', 'darslik'))
    ap.add_argument('--course', default=REPO, help='the course folder (default: the repository root)')
    ap.add_argument('--shared', default=os.environ.get('SHARED') or os.path.join(os.path.dirname(REPO), 'shared'))
    ap.add_argument('--quick', action='store_true', help='case 1 only, both versions')
    ap.add_argument('--cases', default='1,2,3,4,5,6,7,8')
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
    if not set(cases) <= set(range(1, 9)) or not versions:
        ap.error('--cases takes numbers 1-8, --versions 12 and/or 2004')
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
    for name in ('default', 'module', 'multilingual'):
        if name in needed:
            variants[name] = build_variant(args, tmp, name)
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
