#!/usr/bin/env python3
"""Makes learners' results files (format 1, the contract of issue 21) for
tests and benchmarks: the sample course's modules, pages, questions and
scenarios, read from course.toml and content/<locale>/**; N files (200 by
default) from learners of 20 organisations in 7 regions, in English,
Russian and Uzbek.

Deterministic: the same --seed gives the same files, byte for byte.

A realistic mix: pre-test scores lower than post-test ones, some learners
failing a post-test (and trying again), some stopping half-way, some who
saved twice (the second file repeats the first one's statements), a few
who changed their details between saves, names in Latin and Cyrillic.

    python3 tests/results/gen.py --out DIR [--files 200] [--seed 21]
"""
import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
import tomllib
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ADL = "http://adlnet.gov/expapi/verbs/"
ACT = "http://adlnet.gov/expapi/activities/"

REGIONS = [
    "Toshkent shahri",
    "Samarqand viloyati",
    "Buxoro viloyati",
    "Fargʻona viloyati",
    "Andijon viloyati",
    "Qoraqalpogʻiston Respublikasi",
    "Surxondaryo viloyati",
]
# (name, region index): Latin, Cyrillic, with commas and quotes.
ORGANISATIONS = [
    ("Tashkent City Prosecutor's Office", 0),
    ("Прокуратура города Ташкента, следственный отдел", 0),
    ("Toshkent shahar IIBB", 0),
    ("Supreme School of Judges", 0),
    ("Samarqand viloyati prokuraturasi", 1),
    ("Самаркандский областной суд", 1),
    ("Samarkand Regional Police Department", 1),
    ("Buxoro viloyati IIB", 2),
    ("Бухарский областной суд", 2),
    ("NGO \"Istiqbolli avlod\", Bukhara branch", 2),
    ("Fargʻona viloyati prokuraturasi", 3),
    ("Ферганское областное УВД", 3),
    ("Fergana Regional Court", 3),
    ("Andijon viloyati sudi", 4),
    ("Прокуратура Андижанской области", 4),
    ("Andijan Migration Service", 4),
    ("Qoraqalpogʻiston Respublikasi prokuraturasi", 5),
    ("Nukus City Court", 5),
    ("Surxondaryo viloyati IIB", 6),
    ("Термезский городской суд", 6),
]
FIRST_LATN = ["Aziza", "Bobur", "Dilnoza", "Elyor", "Feruza", "Gʻayrat", "Hulkar", "Ilhom",
              "Jasur", "Kamola", "Laziz", "Madina", "Nodir", "Oʻktam", "Parizoda", "Rustam",
              "Sardor", "Shahnoza", "Temur", "Umida", "Vohid", "Yulduz", "Zarina", "Sanjar"]
LAST_LATN = ["Abdullayev", "Karimova", "Rashidov", "Yusupova", "Tursunov", "Ergasheva",
             "Xoʻjayev", "Qodirova", "Mirzayev", "Saidova", "Gʻulomov", "Normatova",
             "Ismoilov", "Hasanova", "Nazarov", "Olimova"]
FIRST_CYRL = ["Алишер", "Гульнора", "Дмитрий", "Елена", "Зафар", "Ирина", "Камола",
              "Лола", "Отабек", "Светлана", "Шухрат", "Юлия"]
LAST_CYRL = ["Ахмедов", "Белова", "Ёкубов", "Иванова", "Каримов", "Пак", "Рахимова",
             "Тен", "Усманов", "Хасанова"]
WRONG_TEXT = ["136", "art. 134", "133", "16", "21", "3", "5", "I don't know", "не знаю", "bilmayman"]


def parse_front(text):
    m = re.match(r"\+\+\+\n(.*?)\n\+\+\+\n", text, re.S)
    return tomllib.loads(m.group(1)) if m else {}


def plain(s):
    s = re.sub(r"\*\*(.+?)\*\*", r"\1", s)
    s = re.sub(r"\*(.+?)\*", r"\1", s)
    s = re.sub(r"\[(.+?)\]\([^)]*\)", r"\1", s)
    return s.strip()[:300]


def parse_quizzes(text):
    """The questions of a page's quiz blocks, in order."""
    out = []
    for block in re.findall(r"```quiz\n(.*?)```", text, re.S):
        q = None
        for line in block.splitlines():
            if line.startswith("? "):
                q = {"text": plain(line[2:]), "kind": None, "options": [], "right": [],
                     "pairs": [], "order": [], "answers": []}
                out.append(q)
            elif q is None:
                continue
            elif m := re.match(r"([(\[])([ xX])[)\]] (.*)", line):
                q["kind"] = "single" if m.group(1) == "(" else "multiple"
                q["options"].append(plain(m.group(3)))
                if m.group(2) in "xX":
                    q["right"].append(len(q["options"]) - 1)
            elif m := re.match(r"- (.*?) => (.*)", line):
                q["kind"] = "matching"
                q["pairs"].append((plain(m.group(1)), plain(m.group(2))))
            elif m := re.match(r"\d+\. (.*)", line):
                q["kind"] = "ordering"
                q["order"].append(plain(m.group(1)))
            elif line.startswith("= "):
                q["kind"] = "short"
                q["answers"].append(line[2:].strip())
    return out


def scenario_steps(text):
    m = re.search(r"```scenario\n(.*?)```", text, re.S)
    if not m:
        return None
    steps = re.findall(r"^# (\S+)( \(end\))?", m.group(1), re.M)
    return [s for s, e in steps if not e], [s for s, e in steps if e]


def load_course():
    cfg = tomllib.loads((ROOT / "course.toml").read_text(encoding="utf-8"))["course"]
    course = {"id": cfg["id"], "version": cfg["version"], "modules": []}
    for mid in cfg["modules"]:
        mod = {"id": mid, "titles": {}, "pages": []}
        en_dir = ROOT / "content" / "en" / mid
        for path in sorted(en_dir.glob("*.md"), key=lambda p: (p.name != "index.md", p.name)):
            page = {"key": f"{mid}/{path.name}", "slug": path.stem, "titles": {}, "quiz": {},
                    "test": None, "attempts": 1, "scenario": None}
            for loc in ["en", "ru", "uz"]:
                p = ROOT / "content" / loc / mid / path.name
                if not p.exists():
                    p = path
                text = p.read_text(encoding="utf-8")
                front = parse_front(text)
                page["titles"][loc] = front.get("title", path.stem)
                page["quiz"][loc] = parse_quizzes(text)
                if loc == "en":
                    page["test"] = front.get("assessment")
                    page["attempts"] = front.get("attempts", 1)
                    page["draw"] = 6 if "draws six" in text else None
                    page["scenario"] = scenario_steps(text)
                if path.name == "index.md":
                    mod["titles"][loc] = page["titles"][loc]
            mod["pages"].append(page)
        course["modules"].append(mod)
    return course


class Learner:
    def __init__(self, rng, n, course):
        self.rng = rng
        self.course = course
        self.id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        self.locale = rng.choices(["en", "ru", "uz"], [20, 45, 35])[0]
        if self.locale == "ru" and rng.random() < 0.3:
            self.name = f"{rng.choice(FIRST_CYRL)} {rng.choice(LAST_CYRL)}"
        else:
            self.name = f"{rng.choice(FIRST_LATN)} {rng.choice(LAST_LATN)}"
        self.org, region = ORGANISATIONS[n % len(ORGANISATIONS)]
        self.region = REGIONS[region]
        self.ability = rng.uniform(0.25, 0.95)
        self.statements = []
        self.status_memo = {}
        # The organisation's training day, 09:00 Tashkent (04:00 UTC).
        day = dt.datetime(2026, 10, 5, 4, 0, tzinfo=dt.timezone.utc) + dt.timedelta(
            days=(n % len(ORGANISATIONS)) * 2, minutes=rng.randint(0, 40))
        self.t = day

    def tick(self, lo=1, hi=6):
        self.t += dt.timedelta(minutes=self.rng.randint(lo, hi), seconds=self.rng.randint(0, 59),
                               milliseconds=self.rng.randint(0, 999))
        return stamp(self.t)

    def uid(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def statement(self, verb, obj_id, otype, name, parent, result=None, ext=None, extra_def=None,
                  sid=None, when=None):
        cid = self.course["id"]
        definition = {"type": ACT + otype, "name": {self.locale: name}}
        if extra_def:
            definition.update(extra_def)
        extensions = {"urn:darslik:version": self.course["version"]}
        extensions.update(ext or {})
        s = {
            "id": sid or self.uid(),
            "actor": {"objectType": "Agent", "name": self.name,
                      "account": {"homePage": "urn:darslik:learner", "name": self.id}},
            "verb": {"id": ADL + verb, "display": {"en-US": verb}},
            "object": {"objectType": "Activity", "id": f"urn:darslik:{cid}/{obj_id}" if obj_id else f"urn:darslik:{cid}",
                       "definition": definition},
        }
        if result is not None:
            s["result"] = result
        s["context"] = {"language": self.locale,
                        "contextActivities": {"grouping": [{"id": f"urn:darslik:{cid}"}],
                                              "parent": [{"id": f"urn:darslik:{cid}/{parent}"}]},
                        "extensions": extensions}
        s["timestamp"] = when or self.tick()
        self.statements.append(s)
        return s

    def answer(self, mod, page, i, q, p_right, test, attempt):
        """One answer statement; right with probability p_right. Returns success."""
        rng = self.rng
        right = rng.random() < p_right
        qid = f"{mod['id']}/{page['slug']}/{i + 1}"
        letters = "abcdefghij"
        extra = {}
        if q["kind"] in ("single", "multiple"):
            extra = {"interactionType": "choice",
                     "choices": [{"id": letters[j], "description": {self.locale: o}}
                                 for j, o in enumerate(q["options"])]}
            good = [letters[j] for j in q["right"]]
            if right:
                resp = good
            else:
                wrong = [letters[j] for j in range(len(q["options"])) if j not in q["right"]]
                if q["kind"] == "single":
                    # The first wrong option is the tempting one.
                    resp = [wrong[0] if rng.random() < 0.65 or len(wrong) == 1 else rng.choice(wrong)]
                else:
                    resp = sorted(set(good[:-1]) | {wrong[0]}) if rng.random() < 0.6 else good[:-1]
                    if resp == good or not resp:
                        resp = [wrong[0]]
            response = "[,]".join(resp)
        elif q["kind"] == "matching":
            n = len(q["pairs"])
            extra = {"interactionType": "matching",
                     "source": [{"id": str(j + 1), "description": {self.locale: a}}
                                for j, (a, _) in enumerate(q["pairs"])],
                     "target": [{"id": letters[j], "description": {self.locale: b}}
                                for j, (_, b) in enumerate(q["pairs"])]}
            order = list(range(n))
            if not right:
                a, b = (1, 2) if rng.random() < 0.7 and n > 2 else (0, n - 1)
                order[a], order[b] = order[b], order[a]
            response = "[,]".join(f"{j + 1}[.]{letters[order[j]]}" for j in range(n))
        elif q["kind"] == "ordering":
            n = len(q["order"])
            extra = {"interactionType": "sequencing",
                     "choices": [{"id": letters[j], "description": {self.locale: o}}
                                 for j, o in enumerate(q["order"])]}
            order = list(range(n))
            if not right:
                a = 2 if rng.random() < 0.6 and n > 3 else 0
                order[a], order[a + 1] = order[a + 1], order[a]
            response = "[,]".join(letters[j] for j in order)
        else:
            numeric = all(re.fullmatch(r"\d+", a) for a in q["answers"][:1])
            extra = {"interactionType": "numeric" if numeric else "fill-in"}
            response = q["answers"][0] if right else rng.choice(WRONG_TEXT[:4] if rng.random() < 0.7 else WRONG_TEXT)
            if response in q["answers"]:
                right = True
        ext = {"urn:darslik:test": test}
        if attempt:
            ext["urn:darslik:attempt"] = attempt
        self.statement("answered", qid, "cmi.interaction", q["text"], page["key"],
                       result={"response": response, "success": right}, ext=ext, extra_def=extra)
        return right

    def module(self, mod, stop_after):
        """Works through a module's pages; stops after `stop_after` pages. The module's progress."""
        rng, a = self.rng, self.ability
        prog = {"seen": 0, "answered": False, "post": None, "practice": [0, 0], "scenario": None}
        for n, page in enumerate(mod["pages"]):
            if n >= stop_after:
                break
            self.statement("experienced", page["key"], "lesson", page["titles"][self.locale], mod["id"])
            prog["seen"] += 1
            questions = page["quiz"][self.locale]
            if page["test"] in ("pre-test", "post-test", "graded"):
                attempts = page["attempts"] if page["test"] != "pre-test" else 1
                p = 0.22 + 0.4 * a if page["test"] == "pre-test" else 0.45 + 0.5 * a
                for attempt in range(1, attempts + 1):
                    idx = list(range(len(questions)))
                    if page.get("draw"):
                        idx = sorted(rng.sample(idx, page["draw"]))
                    right = sum(self.answer(mod, page, i, questions[i], p, page["test"], attempt) for i in idx)
                    score = round(100 * right / len(idx))
                    self.statement("completed", page["key"], "assessment", page["titles"][self.locale], mod["id"],
                                   result={"score": {"scaled": score / 100, "raw": score, "min": 0, "max": 100},
                                           "completion": True},
                                   ext={"urn:darslik:test": page["test"], "urn:darslik:attempt": attempt})
                    prog["answered"] = True
                    if page["test"] != "pre-test":
                        prog["post"] = max(prog["post"] or 0, score)
                    if page["test"] == "pre-test" or score >= 70 or rng.random() < 0.25:
                        break
                    p = min(0.97, p + 0.15)
                    self.tick(5, 30)
            elif questions:
                for i, q in enumerate(questions):
                    ok = self.answer(mod, page, i, q, 0.4 + 0.45 * a, "practice", None)
                    if not ok and rng.random() < 0.7:
                        ok = self.answer(mod, page, i, q, 0.85, "practice", None)
                    prog["practice"][0] += ok
                    prog["practice"][1] += 1
                prog["answered"] = True
            if page["scenario"]:
                steps, ends = page["scenario"]
                for _ in range(rng.choice([1, 1, 2])):
                    path = ["start"] + rng.sample(steps[1:], min(3, len(steps) - 1))
                    if ends:
                        path.append(rng.choice(ends))
                    pts = rng.choice([40, 60, 80, 100])
                    prog["scenario"] = max(prog["scenario"] or 0, pts)
                    self.statement("completed", f"{mod['id']}/{page['slug']}/s1", "simulation",
                                   page["titles"][self.locale], page["key"],
                                   result={"response": "[,]".join(path), "completion": True,
                                           "score": {"scaled": pts / 100, "raw": pts, "min": 0, "max": 100}})
        return prog

    def status(self, mod, prog, when):
        """The module-status statement at a save: the same id while nothing changed."""
        pages = len(mod["pages"])
        done = prog["seen"] == pages
        # As progress.js moduleStatus: with a post-test the score is the
        # post-test's (never submitted counts 0) and scenario runs; practice
        # and pre-tests never count.
        if prog["post"] is not None:
            score = prog["post"]
            verb = "passed" if score >= 70 else "failed"
        elif prog["scenario"] is not None:
            score = round(prog["scenario"] / 9)
            verb = "failed"
        else:
            score = None
            verb = "progressed"
        key = (mod["id"], verb, score, prog["seen"])
        if key in self.status_memo:
            return self.status_memo[key]
        h = hashlib.sha256(f"{self.id}|{key}".encode()).digest()
        sid = str(uuid.UUID(bytes=h[:16], version=4))
        result = {"completion": done, "extensions": {"urn:darslik:pages-seen": prog["seen"],
                                                     "urn:darslik:pages": pages}}
        if score is not None:
            result["success"] = verb == "passed"
            result["score"] = {"scaled": score / 100, "raw": score, "min": 0, "max": 100}
        s = self.statement(verb, mod["id"], "module", mod["titles"][self.locale], "",
                           result=result, sid=sid, when=when)
        # The module's parent is the course itself.
        s["context"]["contextActivities"]["parent"] = [{"id": f"urn:darslik:{self.course['id']}"}]
        self.statements.remove(s)
        self.status_memo[key] = s
        return s


def stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def safe_name(name):
    s = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "", name).replace(" ", "-").rstrip(". ")
    return s[:60] or "learner"


def results_file(course, learner, details, saved, statements):
    return {
        "darslik": "results",
        "format": 1,
        "course": {"id": course["id"], "version": course["version"],
                   "title": {"en": "Trafficking in persons: a course for criminal justice practitioners",
                             "ru": "Торговля людьми: курс для работников системы уголовного правосудия",
                             "uz": "Odam savdosi: jinoiy odil sudlov xodimlari uchun kurs"}[learner.locale],
                   "modules": [{"id": m["id"], "title": m["titles"][learner.locale],
                                "pages": len(m["pages"]), "mastery": 70} for m in course["modules"]]},
        "learner": {"id": learner.id, "name": details[0], "organisation": details[1],
                    "region": details[2], "locale": learner.locale},
        "saved": saved,
        "statements": statements,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--files", type=int, default=200,
                    help="how many files (a learner who saved twice makes two)")
    ap.add_argument("--seed", type=int, default=21)
    args = ap.parse_args()
    course = load_course()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    files = 0
    names = set()
    n = 0
    while files < args.files:
        lr = Learner(rng, n, course)
        n += 1
        mods = course["modules"]
        started = rng.choices([0, 1, 2, 3], [4, 14, 22, 60])[0]
        saves = []  # (saved time, details, statements, statuses)
        progs = {}
        twice = rng.random() < 0.15 and args.files - files >= 2
        details = (lr.name, lr.org, lr.region)
        for k, mod in enumerate(mods[:started]):
            last = k == started - 1
            stop = len(mod["pages"])
            if last and rng.random() < 0.35:
                stop = rng.randint(1, len(mod["pages"]) - 1)
            progs[mod["id"]] = lr.module(mod, stop)
            if twice and not saves and (k == 0 or last):
                when = lr.tick(1, 3)
                statuses = [lr.status(m, progs[m["id"]], when) for m in mods if m["id"] in progs]
                old = details
                if rng.random() < 0.3:
                    # Details corrected in the later save.
                    old = (details[0].split(" ")[0], details[1], details[2])
                saves.append((when, old, list(lr.statements), statuses))
            lr.tick(20, 180)
        when = lr.tick(1, 3)
        statuses = [lr.status(m, progs[m["id"]], when) for m in mods if m["id"] in progs]
        saves.append((when, details, list(lr.statements), statuses))
        for i, (when, det, statements, statuses) in enumerate(saves):
            data = results_file(course, lr, det, when, statements + statuses)
            base = f"darslik-results-{course['id']}-{safe_name(det[0])}-{when[:10]}"
            name, k = base + ".json", 1
            while name in names:
                name = f"{base} ({k}).json"
                k += 1
            names.add(name)
            (args.out / name).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                                         encoding="utf-8")
            files += 1
    print(f"gen.py: {files} files for {n} learners in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
