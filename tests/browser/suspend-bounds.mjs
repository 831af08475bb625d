// The longest cmi.suspend_data a module can produce, as the Rust preflight
// computes it (src/output/scorm/suspend/): not shipped in scorm-state.js,
// since no page needs it; suspend.test.mjs holds the shipped encoder to it
// (a full state reaches it) and it to the Rust figures.
//
//   worstLen(shape, textBytes): any module shape, {pages, locales,
//     practice: [form], tests: [{pool: [form], draw, attempts}], scenarios},
//     form = {kind: 'choice'|'matching'|'ordering'|'short', n}, every short
//     answer textBytes UTF-8 bytes long;
//   maxLen(pages, questions, maxOptions, locales): choice questions, no tests;
//   scenarioLen(): the longest scenario token.

// As scorm-state.js: options of a choice, items of a matching or ordering,
// the largest "small" number, attempts whose scores are kept.
const MAX_OPTIONS = 30;
const MAX_ITEMS = 63;
const SMALL_MAX = 63 + 4095;
const ATTEMPTS_KEPT = 8;

/** The bounds for the codec `s` (window.darslikState: its VERSION and MAX_PATH). */
export function bounds(s) {
  const digitCount = (v) => {
    let n = 1;
    while (v >= 64) {
      v = Math.floor(v / 64);
      n += 1;
    }
    return n;
  };
  const smallLen = (v) => (v < 63 ? 1 : 3);
  const b64Len = (bytes) => Math.floor(bytes / 3) * 4 + [0, 2, 3][bytes % 3];
  const formLen = (form, textBytes) => {
    const n = form.n || 0;
    if (form.kind === "matching" || form.kind === "ordering") return n > MAX_ITEMS ? Infinity : 2 + n;
    if (form.kind === "short") return textBytes > SMALL_MAX ? Infinity : 1 + smallLen(textBytes) + b64Len(textBytes);
    if (n > MAX_OPTIONS) return Infinity;
    const maxValue = Math.pow(2, n) - 1;
    return maxValue < 256 ? 2 : 1 + digitCount(maxValue);
  };
  // Header, best, run length, 64 choices.
  const scenarioLen = () => 1 + 2 + smallLen(s.MAX_PATH) + s.MAX_PATH;
  const worstLen = (shape, textBytes) => {
    const pages = shape.pages || 0, locales = shape.locales || 1, scen = shape.scenarios || 0;
    let total = s.VERSION.length + 6 + (scen > 0 ? 1 + scen * scenarioLen() : 0) +
      (locales > 1 ? digitCount(locales - 1) : 0) +
      digitCount(Math.max(pages - 1, 0)) + digitCount(pages) + Math.ceil(pages / 6);
    for (const f of shape.practice || []) total += formLen(f, textBytes);
    for (const t of shape.tests || []) {
      const a = t.attempts || 0, costs = (t.pool || []).map((f) => formLen(f, textBytes));
      const att = a === 0 ? smallLen(SMALL_MAX) + 4 : a <= ATTEMPTS_KEPT ? 1 + 2 * a : smallLen(a) + 4;
      costs.sort((x, y) => y - x);
      const drawn = t.draw ? Math.min(t.draw, costs.length) : costs.length;
      total += 1 + 5 + att + smallLen(costs.length) + (costs.length - drawn);
      for (let k = 0; k < drawn; k++) total += costs[k];
    }
    return total;
  };
  const maxLen = (pages, questions, maxOptions, locales) =>
    worstLen({ pages, locales, practice: Array.from({ length: questions }, () => ({ kind: "choice", n: maxOptions })), tests: [] }, 0);
  return { worstLen, maxLen, scenarioLen };
}
