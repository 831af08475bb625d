#!/usr/bin/env python3
"""Recomputes every figure of `darslik results report` from the learners'
results files themselves (not from the register) and compares them with
the report's tables (report-<locale>.html: data-table / data-key /
data-col / data-value) and with records.csv (read with the csv module).

    python3 tests/results/recompute.py FILES_DIR REPORT_DIR

Exit 0 when everything matches; 1 with the differences listed.
Pure Python, standard library only.

The definitions (the contract of issue 21):
- learners are told apart by learner.id; name, organisation, region and
  locale come from the file with the newest `saved`;
- statements are de-duplicated by id (the first one read is kept);
- a learner x module takes the latest module-status statement (timestamp,
  then id): verb, result.score.raw (the best score), completion, pages;
- pre = the best pre-test attempt, post = the best post-test or graded one;
- per organisation / region: means over the pairs (learner x module with
  both pre and post);
- a question takes each learner's earliest answer (timestamp, then id):
  answered by, right, share right, the most chosen wrong first response
  (ties: the smallest response text).
"""
import csv
import glob
import hashlib
import io
import json
import os
import sys
from collections import Counter, defaultdict
from html.parser import HTMLParser

COLUMNS = ["learner_id", "name", "organisation", "region", "locale", "module", "module_title",
           "pages_seen", "pages", "completed", "best_score", "pre_test", "post_test", "passed",
           "last_activity"]
KINDS = {"lesson": "page", "cmi.interaction": "question", "assessment": "test",
         "simulation": "scenario", "module": "module"}
STATUSES = ["passed", "completed", "failed", "progressed", "not-started"]


def load(files_dir):
    files = sorted(glob.glob(os.path.join(files_dir, "*.json")))
    learners, statements, digests = {}, {}, set()
    latest = None
    for f in files:
        raw = open(f, "rb").read()
        digests.add(hashlib.sha256(raw).hexdigest())
        d = json.loads(raw)
        lr = d["learner"]
        if lr["id"] not in learners or d["saved"] > learners[lr["id"]]["saved"]:
            learners[lr["id"]] = dict(lr, saved=d["saved"])
        if latest is None or d["saved"] > latest["saved"]:
            latest = d
        prefix = "urn:darslik:" + d["course"]["id"] + "/"
        for s in d["statements"]:
            if s["id"] in statements:
                continue
            obj = s["object"]["id"]
            obj = obj[len(prefix):] if obj.startswith(prefix) else ""
            otype = s["object"]["definition"]["type"].rsplit("/", 1)[1]
            res = s.get("result", {})
            ext = s.get("context", {}).get("extensions", {})
            statements[s["id"]] = {
                "id": s["id"], "learner": lr["id"], "verb": s["verb"]["id"].rsplit("/", 1)[1],
                "kind": KINDS[otype], "object": obj, "module": obj.split("/")[0] if obj else None,
                "test": ext.get("urn:darslik:test"),
                "score": res.get("score", {}).get("raw"), "success": res.get("success"),
                "completion": res.get("completion"), "response": res.get("response"),
                "pages_seen": res.get("extensions", {}).get("urn:darslik:pages-seen"),
                "pages": res.get("extensions", {}).get("urn:darslik:pages"),
                "timestamp": s["timestamp"],
            }
    modules = [(m["id"], m["title"], m["pages"]) for m in latest["course"]["modules"]] if latest else []
    return learners, list(statements.values()), len(digests), modules


def figures(files_dir):
    learners, sts, nfiles, modules = load(files_dir)
    mods = [m[0] for m in modules]
    cells = {}
    for lid in learners:
        for mid, title, pages in modules:
            cells[(lid, mid)] = {"status": "not-started", "pages_seen": 0, "pages": pages,
                                 "completed": False, "best": None, "pre": None, "post": None,
                                 "last": None, "_st": None}
    first = {}
    for s in sts:
        key = (s["learner"], s["module"])
        if key not in cells:
            continue
        c = cells[key]
        if c["last"] is None or s["timestamp"] > c["last"]:
            c["last"] = s["timestamp"]
        if s["kind"] == "module":
            if c["_st"] is None or (s["timestamp"], s["id"]) > (c["_st"]["timestamp"], c["_st"]["id"]):
                c["_st"] = s
        elif s["kind"] == "test" and s["score"] is not None:
            slot = "pre" if s["test"] == "pre-test" else "post" if s["test"] in ("post-test", "graded") else None
            if slot and (c[slot] is None or s["score"] > c[slot]):
                c[slot] = s["score"]
        elif s["kind"] == "question":
            k = (s["learner"], s["object"])
            if k not in first or (s["timestamp"], s["id"]) < (first[k]["timestamp"], first[k]["id"]):
                first[k] = s
    for c in cells.values():
        st = c.pop("_st")
        if st:
            c["status"] = st["verb"] if st["verb"] in ("passed", "completed", "failed") else "progressed"
            c["best"] = st["score"]
            c["completed"] = st["completion"] is True
            c["pages_seen"] = st["pages_seen"] or 0
            if st["pages"] is not None:
                c["pages"] = st["pages"]

    def groups(field):
        out = {}
        for lid, lr in learners.items():
            g = out.setdefault(lr[field], {"learners": 0, "pairs": 0, "pre": 0.0, "post": 0.0})
            g["learners"] += 1
            for mid in mods:
                c = cells[(lid, mid)]
                if c["pre"] is not None and c["post"] is not None:
                    g["pairs"] += 1
                    g["pre"] += c["pre"]
                    g["post"] += c["post"]
        for g in out.values():
            n = g["pairs"]
            g["pre"] = g["pre"] / n if n else None
            g["post"] = g["post"] / n if n else None
            g["gain"] = g["post"] - g["pre"] if n else None
        return out

    questions = defaultdict(lambda: {"by": 0, "right": 0, "wrong": Counter()})
    for (lid, qid), s in first.items():
        q = questions[qid]
        q["by"] += 1
        if s["success"] is True:
            q["right"] += 1
        else:
            q["wrong"][s["response"] or ""] += 1
    bins = [0] * 10
    for c in cells.values():
        if c["best"] is not None:
            bins[min(int(max(c["best"], 0) // 10), 9)] += 1
    stamps = [s["timestamp"] for s in sts]
    return {
        "learners": learners, "modules": modules, "cells": cells, "files": nfiles,
        "statements": len(sts), "period": (min(stamps)[:10], max(stamps)[:10]) if stamps else ("", ""),
        "orgs": groups("organisation"), "regions": groups("region"), "questions": questions,
        "bins": bins,
    }


class Tables(HTMLParser):
    """data-table -> data-key -> data-col -> (data-value, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables = {}
        self.table = self.row = self.col = None
        self.text = None
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "table" and "data-table" in a:
            self.table = self.tables.setdefault(a["data-table"], {})
        elif tag == "tr" and self.table is not None and "data-key" in a:
            self.row = self.table.setdefault(a["data-key"], {})
        elif tag in ("td", "th") and self.row is not None and "data-col" in a:
            self.col = (a["data-col"], a.get("data-value"))
            self.text = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.col is not None:
            self.row[self.col[0]] = (self.col[1], "".join(self.text).strip())
            self.col = None
        elif tag == "tr":
            self.row = None
        elif tag == "table":
            self.table = None

    def handle_data(self, data):
        if self.col is not None:
            self.text.append(data)


def num(v):
    return "" if v is None else v


def close(a, b):
    if a is None or b is None or a == "" or b == "":
        return (a in (None, "")) and (b in (None, ""))
    return abs(float(a) - float(b)) <= 0.006


def machine(v):
    if v is None:
        return ""
    r = round(v * 100) / 100
    return str(int(r)) if r == int(r) else repr(r)


def compare(files_dir, report_dir):
    f = figures(files_dir)
    diffs = []

    def want(cond, what):
        if not cond:
            diffs.append(what)

    htmls = sorted(glob.glob(os.path.join(report_dir, "report-*.html")))
    want(htmls, f"no report-*.html in {report_dir}")
    for path in htmls:
        name = os.path.basename(path)
        p = Tables()
        p.feed(open(path, encoding="utf-8").read())
        t = p.tables
        want(p.scripts == 0, f"{name}: has {p.scripts} <script> elements")
        summary = {k: v[0] for k, r in t.get("summary", {}).items() for v in r.values()}
        orgs_n = len(f["orgs"])
        regions_n = len(f["regions"])
        for key, value in [("learners", len(f["learners"])), ("organisations", orgs_n),
                           ("regions", regions_n), ("modules", len(f["modules"])),
                           ("files", f["files"]), ("statements", f["statements"]),
                           ("period", "/".join(f["period"]))]:
            want(summary.get(key) == str(value), f"{name}: summary {key} = {summary.get(key)}, recomputed {value}")

        comp = t.get("completion", {})
        for mid, _, _ in f["modules"]:
            counts = Counter(f["cells"][(lid, mid)]["status"] for lid in f["learners"])
            all_pages = sum(f["cells"][(lid, mid)]["completed"] for lid in f["learners"])
            row = comp.get(mid, {})
            for s in STATUSES:
                got = row.get(s, (None,))[0]
                want(got == str(counts[s]), f"{name}: completion {mid} {s} = {got}, recomputed {counts[s]}")
            got = row.get("all-pages", (None,))[0]
            want(got == str(all_pages), f"{name}: completion {mid} all-pages = {got}, recomputed {all_pages}")

        lt = t.get("learners", {})
        want(len(lt) == len(f["learners"]), f"{name}: {len(lt)} learner rows, recomputed {len(f['learners'])}")
        for lid, lr in f["learners"].items():
            row = lt.get(lid)
            if row is None:
                diffs.append(f"{name}: learner {lid} missing")
                continue
            for col, field in [("name", "name"), ("organisation", "organisation"), ("region", "region")]:
                want(row.get(col, (None, None))[1] == lr[field],
                     f"{name}: learner {lid} {col} = {row.get(col)}, recomputed {lr[field]!r}")
            for mid, _, _ in f["modules"]:
                c = f["cells"][(lid, mid)]
                got = row.get(f"{mid}|status", (None,))[0]
                want(got == c["status"], f"{name}: {lid} {mid} status = {got}, recomputed {c['status']}")
                got = row.get(f"{mid}|pages-seen", (None,))[0]
                want(got == str(c["pages_seen"]), f"{name}: {lid} {mid} pages seen = {got}, recomputed {c['pages_seen']}")
                got = row.get(f"{mid}|best", (None,))[0]
                want(close(got, c["best"]), f"{name}: {lid} {mid} best = {got}, recomputed {c['best']}")

        dist = t.get("distribution", {})
        for i, n in enumerate(f["bins"]):
            got = dist.get(str(i), {}).get("count", (None,))[0]
            want(got == str(n), f"{name}: distribution bin {i} = {got}, recomputed {n}")

        for table, groups in [("organisations", f["orgs"]), ("regions", f["regions"])]:
            rows = t.get(table, {})
            want(len(rows) == len(groups), f"{name}: {len(rows)} rows in {table}, recomputed {len(groups)}")
            for g, v in groups.items():
                row = rows.get(g)
                if row is None:
                    diffs.append(f"{name}: {table} {g!r} missing")
                    continue
                for col in ["learners", "pairs"]:
                    got = row.get(col, (None,))[0]
                    want(got == str(v[col]), f"{name}: {table} {g!r} {col} = {got}, recomputed {v[col]}")
                for col in ["pre", "post", "gain"]:
                    got = row.get(col, (None,))[0]
                    want(close(got, v[col]), f"{name}: {table} {g!r} {col} = {got}, recomputed {v[col]}")

        tests = t.get("learner-tests", {})
        expected = {f"{lid}|{mid}": f["cells"][(lid, mid)] for lid in f["learners"] for mid, _, _ in f["modules"]
                    if f["cells"][(lid, mid)]["pre"] is not None or f["cells"][(lid, mid)]["post"] is not None}
        want(set(tests) == set(expected), f"{name}: learner-tests rows differ: {sorted(set(tests) ^ set(expected))[:5]}")
        for key, c in expected.items():
            row = tests.get(key, {})
            for col in ["pre", "post"]:
                got = row.get(col, (None,))[0]
                want(close(got, c[col]), f"{name}: learner-tests {key} {col} = {got}, recomputed {c[col]}")

        qs = t.get("questions", {})
        want(set(qs) == set(f["questions"]), f"{name}: questions differ: {sorted(set(qs) ^ set(f['questions']))[:5]}")
        for qid, q in f["questions"].items():
            row = qs.get(qid, {})
            share = 100 * q["right"] / q["by"]
            for col, v in [("answered-by", str(q["by"])), ("right", str(q["right"]))]:
                got = row.get(col, (None,))[0]
                want(got == v, f"{name}: question {qid} {col} = {got}, recomputed {v}")
            got = row.get("share-right", (None,))[0]
            want(close(got, share), f"{name}: question {qid} share right = {got}, recomputed {share}")
            wrong = min(q["wrong"].items(), key=lambda kv: (-kv[1], kv[0])) if q["wrong"] else ("", "")
            got = row.get("wrong", (None,))[0]
            want(got == wrong[0], f"{name}: question {qid} wrong = {got!r}, recomputed {wrong[0]!r}")
            got = row.get("wrong-count", (None,))[0]
            want(got == str(wrong[1]), f"{name}: question {qid} wrong count = {got}, recomputed {wrong[1]}")

    # records.csv
    path = os.path.join(report_dir, "records.csv")
    raw = open(path, "rb").read()
    want(raw.startswith(b"\xef\xbb\xbf"), "records.csv: no UTF-8 BOM")
    want(b"\n" not in raw.replace(b"\r\n", b""), "records.csv: a line end that is not CRLF")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    want(rows and rows[0] == COLUMNS, f"records.csv: columns {rows[0] if rows else None}")
    got = {(r[0], r[5]): dict(zip(COLUMNS, r)) for r in rows[1:]}
    want(len(rows) - 1 == len(f["learners"]) * len(f["modules"]),
         f"records.csv: {len(rows) - 1} rows, recomputed {len(f['learners']) * len(f['modules'])}")

    def guard(v):
        return "'" + v if v[:1] in ("=", "+", "-", "@", "\t", "\r") else v

    for lid, lr in f["learners"].items():
        for mid, title, _ in f["modules"]:
            c = f["cells"][(lid, mid)]
            r = got.get((lid, mid))
            if r is None:
                diffs.append(f"records.csv: no row for {lid} {mid}")
                continue
            exp = {"name": guard(lr["name"]), "organisation": guard(lr["organisation"]),
                   "region": guard(lr["region"]), "locale": guard(lr["locale"]),
                   "module_title": guard(title), "pages_seen": str(c["pages_seen"]),
                   "pages": str(c["pages"]), "completed": "1" if c["completed"] else "0",
                   "passed": "1" if c["status"] == "passed" else "0", "last_activity": c["last"] or ""}
            for k, v in exp.items():
                want(r[k] == v, f"records.csv: {lid} {mid} {k} = {r[k]!r}, recomputed {v!r}")
            for k, v in [("best_score", c["best"]), ("pre_test", c["pre"]), ("post_test", c["post"])]:
                want(close(r[k], v), f"records.csv: {lid} {mid} {k} = {r[k]!r}, recomputed {v}")
    cyr = [lr["name"] for lr in f["learners"].values() if any("\u0400" <= ch <= "\u04ff" for ch in lr["name"])]
    return diffs, len(f["learners"]), len(f["questions"]), len(cyr)


def main():
    if len(sys.argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    diffs, learners, questions, cyrillic = compare(sys.argv[1], sys.argv[2])
    if diffs:
        for d in diffs[:60]:
            print(d)
        if len(diffs) > 60:
            print(f"... and {len(diffs) - 60} more")
        print(f"recompute.py: {len(diffs)} differences")
        return 1
    print(f"recompute.py: every figure matches ({learners} learners, {questions} questions, "
          f"{cyrillic} Cyrillic names in the CSV intact)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
