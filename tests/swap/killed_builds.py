#!/usr/bin/env python3
"""A build killed at any moment leaves the previous output or the new one,
never a mix (SPEC §11; issue 16 acceptance 2).

Builds the `medium` corpus of ../shared/bench/gen_corpus.py, changes it, and
builds it again while `kill -9` hits: at random moments over the whole build,
and aimed at the swap (the moment the new folder is complete, the moment
--out changes, and the moment any of its format folders changes). After every kill, every byte under --out must be the complete
old output or the complete new one. Then a normal build must recover.

usage: killed_builds.py DARSLIK SHARED [--random N] [--aimed N] [--seed S]
"""
import argparse
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def snapshot(d):
    """path -> sha256 of every file under d (symlinks and folders too)."""
    out = {}
    for root, dirs, files in os.walk(d):
        dirs.sort()
        for name in sorted(files) + [x for x in dirs if os.path.islink(os.path.join(root, x))]:
            p = os.path.join(root, name)
            rel = os.path.relpath(p, d)
            if os.path.islink(p):
                out[rel] = "link:" + os.readlink(p)
                continue
            with open(p, "rb") as f:
                out[rel] = hashlib.sha256(f.read()).hexdigest()
    return out


def build(darslik, course, out, env, check=True):
    r = subprocess.run(
        [darslik, "build", "--course", course, "--out", out, "--quiet"],
        env=env, capture_output=True, text=True)
    if check and r.returncode != 0:
        sys.exit(f"build failed: {r.stderr}")
    return r


def edit(course, new):
    """Put the course in its new state (True) or back in its old one."""
    for rel, text in EDITS:
        p = os.path.join(course, rel)
        with open(p + (".orig" if new else ""), "r", encoding="utf-8") as f:
            body = f.read()
        if new:
            with open(p, "w", encoding="utf-8") as f:
                f.write(text(body))
        else:
            with open(p[: -len(".orig")] if p.endswith(".orig") else p, "w", encoding="utf-8") as f:
                f.write(body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("darslik")
    ap.add_argument("shared")
    ap.add_argument("--random", type=int, default=30)
    ap.add_argument("--aimed", type=int, default=20)
    ap.add_argument("--seed", type=int, default=16)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    darslik = os.path.abspath(a.darslik)
    work = tempfile.mkdtemp(prefix="darslik-kill-")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    try:
        course = os.path.join(work, "course")
        subprocess.run([sys.executable, os.path.join(a.shared, "bench", "gen_corpus.py"),
                        "--preset", "medium", "--out", course, "--no-peers"],
                       check=True, capture_output=True)
        pages = sorted(
            os.path.relpath(os.path.join(r, f), course)
            for r, _, fs in os.walk(os.path.join(course, "content")) for f in fs if f.endswith(".md"))
        # The new state: a changed page in each locale, one more sentence.
        global EDITS
        picks = pages[:: max(1, len(pages) // 6)][:6]
        EDITS = [(p, lambda b: b + "\n\nA sentence added for the new build.\n") for p in picks]
        for rel, _ in EDITS:
            shutil.copyfile(os.path.join(course, rel), os.path.join(course, rel + ".orig"))

        out = os.path.join(course, "dist")
        t0 = time.monotonic()
        build(darslik, course, out, env)
        took = time.monotonic() - t0
        old = snapshot(out)
        pristine = os.path.join(work, "old-dist")
        shutil.copytree(out, pristine, symlinks=True)
        twin = os.path.join(work, "new-dist")
        for rel, text in EDITS:
            with open(os.path.join(course, rel + ".orig"), encoding="utf-8") as f:
                body = f.read()
            with open(os.path.join(course, rel), "w", encoding="utf-8") as f:
                f.write(text(body))
        build(darslik, course, twin, env)
        new = snapshot(twin)
        assert old != new, "the edit changed no output"
        print(f"medium corpus: {len(pages)} pages, {len(old)} files in the output, "
              f"a build takes {took:.2f} s", flush=True)

        beside = os.path.join(course, ".dist.darslik-new")
        marker = os.path.join(beside, ".darslik-output")
        seen = {"old": 0, "new": 0}
        aims = ["marker", "exchange", "format"]
        plan = [("random", None)] * a.random + [("aimed", aims[k % 3]) for k in range(a.aimed)]
        formats = [os.path.join(out, f) for f in ("scorm12", "scorm2004", "site")]
        for i, (kind, aim) in enumerate(plan):
            shutil.rmtree(out)
            shutil.copytree(pristine, out, symlinks=True)
            inode = os.stat(out).st_ino
            format_inodes = [os.stat(f).st_ino for f in formats]
            child = subprocess.Popen(
                [darslik, "build", "--course", course, "--out", out, "--quiet"],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            start = time.monotonic()
            if kind == "random":
                at = rng.uniform(0, took * 1.1)
                while time.monotonic() - start < at and child.poll() is None:
                    time.sleep(0.0005)
                what = f"at {at * 1000:.0f} ms"
            else:
                # Spin until the moment aimed at, then a random 0-2 ms.
                deadline = start + took * 5 + 5
                while child.poll() is None and time.monotonic() < deadline:
                    if aim == "marker" and os.path.exists(marker):
                        break
                    if aim == "format":
                        # The first format folder to change (darslik before
                        # issue 16 swapped them in one at a time).
                        try:
                            if [os.stat(f).st_ino for f in formats] != format_inodes:
                                break
                        except FileNotFoundError:
                            break
                    if aim == "exchange":
                        try:
                            if os.stat(out).st_ino != inode:
                                break
                        except FileNotFoundError:
                            break
                wait = rng.uniform(0, 0.002)
                time.sleep(wait)
                what = f"{wait * 1000:.1f} ms after the {aim}"
            ran = child.poll() is None
            try:
                os.kill(child.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            child.wait()
            now = snapshot(out) if os.path.isdir(out) else {}
            state = "old" if now == old else "new" if now == new else None
            if state is None:
                extra = sorted(set(now) - set(old) - set(new))[:5]
                missing = sorted((set(old) & set(new)) - set(now))[:5]
                sys.exit(f"kill {i + 1} ({kind}, {what}): a MIX under dist/ "
                         f"(extra {extra}, missing {missing})")
            seen[state] += 1
            print(f"kill {i + 1:2} {kind:6} {what:28} {'killed' if ran else 'done'}: "
                  f"dist/ is the complete {state} output", flush=True)
        # The next build recovers: the new output, nothing left beside it.
        build(darslik, course, out, env)
        assert snapshot(out) == new, "the build after the kills did not give the new output"
        left = [n for n in os.listdir(course) if "darslik" in n]
        assert not left, f"left beside the output: {left}"
        print(f"killed-builds: {len(plan)} kills, {seen['old']} left the old output, "
              f"{seen['new']} the new, 0 mixed")
    finally:
        shutil.rmtree(work, ignore_errors=True)


EDITS = []
if __name__ == "__main__":
    main()
