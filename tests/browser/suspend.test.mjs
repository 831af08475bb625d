// Unit test of themes/default/static/scorm-state.js (the cmi.suspend_data
// encoding) in plain Node: no browser. The script is run with `vm` in a
// context whose only global is a fake `window`, as it would run in a page.
// The expected strings come from the Rust twin's tests
// (src/output/scorm/suspend/, `golden()` for version 1, `golden_v2()` for
// version 2 and `golden_v3()` for version 3, with case scenarios): both
// sides must agree.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { bounds } from "./suspend-bounds.mjs";

const source = readFileSync(
  new URL("../../themes/default/static/scorm-state.js", import.meta.url),
  "utf8",
);

function load() {
  const window = {};
  vm.runInNewContext(source, { window }, { filename: "scorm-state.js" });
  assert.ok(window.darslikState, "scorm-state.js must define window.darslikState");
  return window.darslikState;
}

const bitsOf = (mask) => [...Array(30).keys()].filter((i) => (mask & (1 << i)) !== 0);
const q = (choice, checked) => ({ choice, checked });

// Same states, same order, as golden() in suspend.rs (version 1: no tests list).
const GOLDEN = [
  [{ locale: null, page: 0, seen: [], answers: [] }, "1..A.A.."],
  [
    {
      locale: null,
      page: 3,
      seen: [true, true, false, true, false, false, true],
      answers: [q(null, false), q(2, true), q([0, 2], true), q([], false), q(null, true)],
    },
    "1..D.H.LB.AYCcFUAI",
  ],
  [
    {
      locale: 2,
      page: 39,
      seen: [...Array(40).keys()].map((p) => p % 3 !== 1),
      answers: [...Array(60).keys()].map((i) => {
        switch (i % 4) {
          case 0:
            return q(i % 8, i % 3 === 0);
          case 1:
            return q(bitsOf(0xff - i), true);
          case 2:
            return q(null, false);
          default:
            return q(bitsOf(i), false);
        }
      }),
    },
    "1.C.n.o.ttttttN.YAf-AUDQEf6AUHQAf2AULYEfyAUPQAfuAUTQEfqAUXYAfmAUbQEfiAUfQAfeAUjYEfaAUnQAfWAUrQEfSAUvYAfOAUzQEfKAU3QAfGAU7",
  ],
  [
    {
      locale: 0,
      page: 70,
      seen: Array(70).fill(true),
      answers: [q(255, true), q(256, false), q(bitsOf(2 ** 30 - 1), true), q(63, false), q(64, false)],
    },
    "1.A.BG.BG.___________P.b_wEA______Q_RA",
  ],
];

const m = (values, checked = true) => ({ match: values, checked });
const o = (values, checked = true) => ({ order: values, checked });
const t = (text, checked = true) => ({ text, checked });
const none = { choice: null, checked: false };
const test1 = (seed, att, done, r) => ({ seed, att, done, r: r.map((a) => ({ ...a, checked: false })) });

// Same states, same order, as golden_v2() in suspend.rs.
const GOLDEN_V2 = [
  [{ locale: null, page: 0, seen: [], answers: [], tests: [] }, "2..A.A..."],
  [
    {
      locale: null,
      page: 1,
      seen: [true, true, false],
      answers: [q(1, true), m([2, -1, 0]), o([3, 1, 0, 2]), t("art. 3"), t("", false), none],
      tests: [
        test1(123456, [40, 100], true, [q(1), m([0, 1]), t("18,5"), none]),
        null,
        test1(0, [], false, [none, q([0, 2]), o([0, 1])]),
      ],
    },
    "2..B.D.D.YBpDDABqEDBACrGYXJ0LiAzjAA.LeJACAoBkEQBhCBCjEMTgsNQAABAADAUFiCAB",
  ],
  [
    {
      locale: 1,
      page: 0,
      seen: [true],
      answers: [t("oʻgʻil ‘bola’ ёлка 🙂"), t("я".repeat(60))],
      tests: [
        test1(2 ** 30 - 1, [10, 0, 55, 70, 20, 95, 60, 60, 61, 50, 30, 90], false, [m([62, -1]), t("x")]),
        test1(63, Array(8).fill(100), true, []),
      ],
    },
    "2.B.A.B.B.rhb8q7Z8q7aWwg4oCYYm9sYeKAmSDRkdC70LrQsCDwn5mCr_A50Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP.R_____MBfBaChC_AjBeAD_IBkBkBkBkBkBkBkBkA",
  ],
];

const sc = (b, d, p) => ({ b, d, p });

// Same states, same order, as golden_v3() in suspend.rs.
const GOLDEN_V3 = [
  [{ locale: null, page: 0, seen: [], answers: [], tests: [], scen: [] }, "3..A.A...."],
  [
    {
      locale: 2,
      page: 4,
      seen: [true, true, true, true, true, false, false],
      answers: [q(0, true), none],
      tests: [null, test1(77, [60], true, [q(2)])],
      scen: [sc(null, 0, []), null, sc(25, 1, [0, 0, 0, 0, 1, 2]), sc(100, 0, [1, 0])],
    },
    "3.C.E.H.fA.YAA.AHBNBA8BQC.BAAHAZGAAAABCFBkCBA",
  ],
  [
    {
      locale: null,
      page: 0,
      seen: [],
      answers: [],
      tests: [],
      scen: [sc(0, 1, Array(64).fill(63)), sc(null, 1, [...Array(63).keys()])],
    },
    "3..A.A....HAA_AB________________________________________________________________D_AAABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-",
  ],
];

// Plain objects: the vm context has its own Array/Object prototypes.
const plain = (value) => JSON.parse(JSON.stringify(value));

/** What decode gives back: tests null for version 1, scen null for versions 1 and 2; more than 8 attempts keep the best and the last. */
function decoded(state) {
  const out = plain({ ...state, tests: state.tests === undefined ? null : state.tests, scen: state.scen === undefined ? null : state.scen });
  for (const test of out.tests || []) {
    if (test && test.att.length > 8) {
      const n = test.att.length;
      test.att = [...Array(n - 2).fill(0), Math.max(...test.att), test.att[n - 1]];
    }
  }
  return out;
}

test("encodes the fixed states exactly as the Rust encoder does", () => {
  const s = load();
  for (const [state, expected] of [...GOLDEN, ...GOLDEN_V2, ...GOLDEN_V3]) {
    assert.equal(s.encode(state), expected);
  }
});

test("decodes the Rust strings back to the same states", () => {
  const s = load();
  for (const [state, encoded] of [...GOLDEN, ...GOLDEN_V2, ...GOLDEN_V3]) {
    assert.deepEqual(plain(s.decode(encoded)), decoded(state));
    assert.equal(s.encode(s.decode(encoded)), encoded);
  }
});

function rng() {
  let seed = 0x9e3779b9;
  return () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
}

function randomAnswer(next, v2, checked) {
  const options = 2 + (next() % 29);
  switch (next() % (v2 ? 6 : 3)) {
    case 0:
      return q(null, checked);
    case 1:
      return q(next() % options, checked);
    case 2:
      return q(bitsOf(next() % 2 ** options), checked);
    case 3:
      return m(Array.from({ length: next() % 64 }, () => (next() % 4 !== 0 ? next() % 63 : -1)), checked);
    case 4:
      return o(Array.from({ length: next() % 64 }, () => next() % 64), checked);
    default: {
      const chars = ["a", " ", "3", "ʻ", "я", "‘", "🙂", "ё"];
      return t(Array.from({ length: next() % 61 }, () => chars[next() % 8]).join(""), checked);
    }
  }
}

test("round-trips random states and stays within maxLen", () => {
  const s = load();
  const next = rng();
  for (let n = 0; n < 3000; n++) {
    const v2 = n % 3 !== 0;
    const v3 = n % 3 === 2;
    const pages = next() % 80;
    const state = {
      locale: next() % 2 === 0 ? next() % 70 : null,
      page: next() % Math.max(pages, 1),
      seen: Array.from({ length: pages }, () => next() % 2 === 0),
      answers: Array.from({ length: next() % 90 }, () => randomAnswer(next, v2, next() % 2 === 0)),
      tests: v2
        ? Array.from({ length: next() % 4 }, () =>
            next() % 4 !== 0
              ? {
                  seed: next() % 2 ** 30,
                  att: Array.from({ length: next() % 9 }, () => next() % 101),
                  done: next() % 2 === 0,
                  r: Array.from({ length: next() % 30 }, () => randomAnswer(next, true, false)),
                }
              : null,
          )
        : null,
      scen: v3
        ? Array.from({ length: next() % 4 }, () =>
            next() % 4 !== 0
              ? sc(next() % 2 === 0 ? next() % 101 : null, next() % 2, Array.from({ length: next() % 65 }, () => next() % 64))
              : null,
          )
        : null,
    };
    const encoded = s.encode(state);
    assert.match(encoded, /^[A-Za-z0-9._-]*$/);
    assert.ok(encoded.startsWith(v3 ? "3." : v2 ? "2." : "1."), encoded);
    assert.deepEqual(plain(s.decode(encoded)), plain(state), encoded);
    if (!v2) {
      assert.ok(encoded.startsWith("1."), encoded);
      assert.ok(encoded.length < bounds(s).maxLen(pages, state.answers.length, 30, 70), encoded);
    }
  }
});

test("maxLen and worstLen agree with Rust; the 14 x 40 x 60 course fits", () => {
  const codec = load();
  const s = bounds(codec);
  assert.equal(s.maxLen(40, 60, 8, 1), 136);
  assert.equal(s.maxLen(40, 60, 8, 64), 137);
  assert.equal(s.maxLen(40, 60, 30, 1), 376);
  assert.equal(s.maxLen(40, 60, 31, 1), Infinity);
  assert.ok(14 * s.maxLen(40, 60, 8, 64) < 4096 / 2);
  const shape = (form, pre) => ({
    pages: 40,
    locales: 3,
    practice: [],
    tests: [
      { pool: Array(pre).fill(form), draw: 0, attempts: 1 },
      { pool: Array(40).fill(form), draw: 0, attempts: 3 },
    ],
  });
  // Same figures as graded_module_40_questions_3_attempts_and_a_pre_test.
  assert.equal(s.worstLen(shape({ kind: "matching", n: 10 }, 40), 0), 1001);
  assert.equal(s.worstLen(shape({ kind: "short" }, 40), 180), 19561);
  assert.equal(s.worstLen(shape({ kind: "short" }, 40), 120), 13161);
  assert.equal(s.worstLen(shape({ kind: "short" }, 10), 60), 4141);
  assert.equal(s.worstLen(shape({ kind: "short" }, 40), 0), 201);
  // As worst_len_bounds_every_state: a full state reaches the bound.
  const full = {
    locale: 2,
    page: 9,
    seen: Array(10).fill(true),
    answers: [q(bitsOf(0xff), true), m([1, 2, 0]), t("‘".repeat(60))],
    tests: [
      test1(2 ** 30 - 1, [1, 2, 3], true, [o([1, 0]), t("‘".repeat(60)), none]),
      test1(2 ** 30 - 1, Array(70).fill(7), false, [q(7)]),
    ],
    scen: [sc(100, 1, Array(64).fill(63)), sc(64, 0, Array(64).fill(0))],
  };
  const fullShape = {
    pages: 10,
    locales: 3,
    practice: [{ kind: "choice", n: 8 }, { kind: "matching", n: 3 }, { kind: "short" }],
    tests: [
      { pool: [{ kind: "ordering", n: 2 }, { kind: "short" }, { kind: "choice", n: 4 }], draw: 2, attempts: 3 },
      { pool: [{ kind: "choice", n: 8 }], draw: 0, attempts: 0 },
    ],
    scenarios: 2,
  };
  assert.equal(codec.encode(full).length, s.worstLen(fullShape, 180));
  // As the Rust test: a scenario costs at most 70 characters, plus one '.'.
  assert.equal(s.scenarioLen(), 70);
  const withScen = (scenarios) => ({ pages: 40, locales: 3, practice: Array(60).fill({ kind: "choice", n: 8 }), tests: [], scenarios });
  assert.equal(s.worstLen(withScen(0), 0), 137);
  assert.equal(s.worstLen(withScen(3), 0), 137 + 1 + 3 * 70);
});

test("fit cuts every text to one byte length, on character boundaries, as Rust does", () => {
  const s = load();
  // The worst case of the issue: 40 short answers of 60 characters of 3
  // bytes, 3 attempts, and a pre-test of 40: cut to 38 bytes, 4041 characters.
  const answers = (n, text) => Array(n).fill(t(text, false));
  const big = (pre, text) => ({
    locale: 2,
    page: 39,
    seen: Array(40).fill(true),
    answers: [],
    tests: [
      { seed: 2 ** 30 - 1, att: [99], done: true, r: answers(pre, text) },
      { seed: 2 ** 30 - 1, att: [99, 98, 97], done: true, r: answers(40, text) },
    ],
  });
  for (const [text, pre, uncut, cut, len] of [
    ["abcdefghij".repeat(6), 10, 4141, 59, 4091],
    ["abcdefghij".repeat(6), 40, 6601, 36, 4041],
    ["кириллица".repeat(7).slice(0, 60), 40, 13161, 37, 4041],
    ["‘".repeat(60), 40, 19561, 38, 4041],
    ["‘".repeat(60), 10, 12241, 59, 3941],
  ]) {
    const state = big(pre, text);
    assert.equal(s.encode(state).length, uncut);
    const res = s.fit(state, 4096);
    assert.deepEqual([res.cut, res.data.length], [cut, len], `${text.slice(0, 3)} pre-test ${pre}`);
  }
  const state = {
    locale: null,
    page: 0,
    seen: [],
    answers: [t("ab‘cd"), t("ёё"), q(3, true)],
    tests: [test1(5, [50], true, [t("я‘z")])],
  };
  const full = s.encode(state);
  assert.deepEqual(plain(s.fit(state, full.length)), { data: full, cut: null });
  let res = s.fit(state, full.length - 1);
  assert.equal(res.cut, 6);
  assert.equal(s.decode(res.data).answers[0].text, "ab‘c");
  res = s.fit(state, full.length - 3);
  assert.equal(res.cut, 5);
  let back = s.decode(res.data);
  assert.deepEqual(plain(back.answers), plain([t("ab‘"), t("ёё"), q(3, true)]));
  assert.equal(back.tests[0].r[0].text, "я‘");
  const floor = s.fit(state, 0 + s.encode({ ...state, answers: [t(""), t(""), q(3, true)], tests: [test1(5, [50], true, [t("")])] }).length);
  assert.equal(floor.cut, 0);
  assert.equal(s.fit(state, floor.data.length - 1), null);
  assert.equal(s.cutText("ab‘cd", 4), "ab");
  assert.equal(s.cutText("🙂", 3), "");
  assert.equal(s.cutText("🙂", 4), "🙂");
  // A lone surrogate is stored as U+FFFD (what Rust, which cannot hold one, sees).
  back = s.decode(s.encode({ page: 0, seen: [], answers: [t("a\ud800")], tests: [] }));
  assert.equal(back.answers[0].text, "a\ufffd");
});

test("rejects damaged or foreign strings with null, and bad states with an error", () => {
  const s = load();
  for (const bad of [
    "", "3..A.A..", "1..A.A.", "1..A.A...", "1.AB.A.A..", "1..A.B..", "1..A.B.C.",
    "1..A.F.g.", "1..A.A..B", "1..A.A..Q", "1..A.A..gAB", "1..A.A..w", "1..A.A..E",
    "1..A.A..$$", "1..AAAAAA.A..", "1..A.A..QA\u00e9", "1..\u0000.A..",
    "1..A.A..hCCA", "1..A.A..jAB",
    "2..A.A..", "2..A.A....", "2..A.A..h", "2..A.A..hC", "2..A.A..hBA_.", "2..A.A..kAA.",
    "2..A.A..gAA.", "2..A.A..jB.", "2..A.A..jB_w.", "2..A.A..jBYR.", "2..A.A..jCw.",
    "2..A.A..jC__.", "2..A.A..j_.", "2..A.A..j_AAx.", "2..A.A...B", "2..A.A...C",
    "2..A.A...E", "2..A.A...BA", "2..A.A...BAA", "2..A.A...BABBl", "2..A.A...BAAB",
    "2..A.A...BAAA_", "2..A.A...BAAAB", "2..A.A...FAAAAA", "2..A.A...VAAAAAAAA",
    "2..A.A...hBAAAA", "2..A.A...BAJBlAAA", "2..A.A...BAJBABBA", "2..A.A...BAJAABAA",
    "4..A.A...", "3..A.A...", "3..A.A......", "2..A.A....", "3..A.A....C", "3..A.A....I",
    "3..A.A....B", "3..A.A....BB", "3..A.A....FBl", "3..A.A....FA", "3..A.A....HABB",
    "3..A.A....B_AC", "3..A.A....BCA", "3..A.A....BA$",
    "{\"page\":3}", null, undefined, 42,
  ]) {
    assert.equal(s.decode(bad), null, JSON.stringify(bad));
  }
  assert.deepEqual(plain(s.decode("2..A.A...A")), { locale: null, page: 0, seen: [], answers: [], tests: [null], scen: null });
  assert.deepEqual(plain(s.decode("3..A.A....ABA")), { locale: null, page: 0, seen: [], answers: [], tests: [], scen: [null, sc(null, 0, [])] });
  const v2 = (answers, tests = []) => ({ page: 0, seen: [], answers, tests });
  assert.throws(() => s.encode({ page: 2 ** 30, seen: [], answers: [] }), { name: "RangeError" });
  assert.throws(() => s.encode({ page: -1, seen: [], answers: [] }), { name: "RangeError" });
  assert.throws(() => s.encode({ page: 0, seen: [], answers: [q([30], true)] }), { name: "RangeError" });
  assert.throws(() => s.encode({ page: 0, seen: [], answers: [q(1.5, true)] }), { name: "RangeError" });
  assert.throws(() => s.encode({ page: 0, seen: [], answers: [t("3")] }), { name: "RangeError" }, "a text needs version 2");
  for (const bad of [
    v2([m([63])]), v2([m(Array(64).fill(0))]), v2([o([64])]), v2([o(Array(64).fill(0))]),
    v2([t("x".repeat(63 + 4096))]), v2([], [test1(2 ** 30, [], false, [])]),
    v2([], [test1(0, [101], false, [])]), v2([], [test1(0, [], false, [m([63])])]),
  ]) {
    assert.throws(() => s.encode(bad), { name: "RangeError" }, JSON.stringify(bad).slice(0, 80));
  }
  assert.ok(s.encode(v2([t("x".repeat(63 + 4095))])));
  const v3 = (scen) => ({ page: 0, seen: [], answers: [], tests: [], scen });
  for (const bad of [v3([sc(null, 0, Array(65).fill(0))]), v3([sc(null, 0, [64])]), v3([sc(101, 1, [])]), v3([sc(null, 0, [1.5])])]) {
    assert.throws(() => s.encode(bad), { name: "RangeError" }, JSON.stringify(bad).slice(0, 80));
  }
  assert.throws(() => s.encode({ page: 0, seen: [], answers: [], scen: [] }), { name: "RangeError" }, "scenarios need a tests list");
  assert.ok(s.encode(v3([sc(100, 1, Array(64).fill(63))])));
});
