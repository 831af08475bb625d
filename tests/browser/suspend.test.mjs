// Unit test of themes/default/static/scorm-state.js (the cmi.suspend_data
// encoding) in plain Node: no browser. The script is run with `vm` in a
// context whose only global is a fake `window`, as it would run in a page.
// The expected strings come from the Rust twin's tests
// (src/output/scorm/suspend.rs, `golden()`): both sides must agree.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";

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

// Same states, same order, as golden() in suspend.rs.
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

// Plain objects: the vm context has its own Array/Object prototypes.
const plain = (value) => JSON.parse(JSON.stringify(value));

test("encodes the fixed states exactly as the Rust encoder does", () => {
  const s = load();
  for (const [state, expected] of GOLDEN) {
    assert.equal(s.encode(state), expected);
  }
});

test("decodes the Rust strings back to the same states", () => {
  const s = load();
  for (const [state, encoded] of GOLDEN) {
    assert.deepEqual(plain(s.decode(encoded)), state);
  }
});

test("round-trips random states and stays within maxLen", () => {
  const s = load();
  let seed = 0x9e3779b9;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
  for (let n = 0; n < 2000; n++) {
    const pages = next() % 80;
    const options = 2 + (next() % 29);
    const state = {
      locale: next() % 2 === 0 ? next() % 70 : null,
      page: next() % Math.max(pages, 1),
      seen: Array.from({ length: pages }, () => next() % 2 === 0),
      answers: Array.from({ length: next() % 90 }, () => {
        const kind = next() % 3;
        const choice =
          kind === 0 ? null : kind === 1 ? next() % options : bitsOf(next() % 2 ** options);
        return q(choice, next() % 2 === 0);
      }),
    };
    const encoded = s.encode(state);
    assert.match(encoded, /^[A-Za-z0-9._-]*$/);
    assert.deepEqual(plain(s.decode(encoded)), state, encoded);
    assert.ok(encoded.length <= s.maxLen(pages, state.answers.length, options, 70), encoded);
  }
});

test("maxLen agrees with Rust and the 14 x 40 x 60 course fits", () => {
  const s = load();
  assert.equal(s.maxLen(40, 60, 8, 1), 135);
  assert.equal(s.maxLen(40, 60, 8, 64), 136);
  assert.equal(s.maxLen(40, 60, 30, 1), 375);
  assert.equal(s.maxLen(40, 60, 31, 1), Infinity);
  assert.ok(14 * s.maxLen(40, 60, 8, 64) < 4096 / 2);
});

test("rejects damaged or foreign strings with null, and bad states with an error", () => {
  const s = load();
  for (const bad of [
    "", "2..A.A..", "1..A.A.", "1..A.A...", "1.AB.A.A..", "1..A.B..", "1..A.B.C.",
    "1..A.F.g.", "1..A.A..B", "1..A.A..Q", "1..A.A..gAB", "1..A.A..w", "1..A.A..E",
    "1..A.A..$$", "1..AAAAAA.A..", "1..A.A..QA\u00e9", "1..\u0000.A..",
    "{\"page\":3}", null, undefined, 42,
  ]) {
    assert.equal(s.decode(bad), null, JSON.stringify(bad));
  }
  assert.throws(() => s.encode({ page: 2 ** 30, seen: [], answers: [] }), { name: "RangeError" });
  assert.throws(() => s.encode({ page: -1, seen: [], answers: [] }), { name: "RangeError" });
  assert.throws(() => s.encode({ page: 0, seen: [], answers: [q([30], true)] }), { name: "RangeError" });
  assert.throws(() => s.encode({ page: 0, seen: [], answers: [q(1.5, true)] }), { name: "RangeError" });
});
