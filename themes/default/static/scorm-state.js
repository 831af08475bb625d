/*
 * darslik: compact cmi.suspend_data encoding of one module's progress.
 * Twin of src/output/scorm/suspend/ (the format is documented there); both
 * must give the same string for the same state (tests/browser/suspend.test.mjs
 * pins strings made by the Rust tests).
 *
 * state = {
 *   locale:  null | index of the current locale (multilingual packages),
 *   page:    index of the last page visited in the module,
 *   seen:    [true, false, ...] one flag per page of the module,
 *   answers: [answer, ...] one per practice question,
 *   tests:   null (a version-1 string) | [null | test, ...] one per test,
 *   scen:    null (a version-1 or -2 string) | [null | scenario, ...] one per
 *            scored case scenario (progress-data scen order)
 * }
 * answer = { choice: null | optionIndex | [optionIndex, ...], checked: bool }
 *        | { match: [rightValue | -1, ...], checked } | { order: [value, ...], checked }
 *        | { text: "string", checked }
 * A number choice is a single-choice answer; an array (possibly empty) is a
 * multiple-choice answer; null is "not answered yet".
 * test = { seed: int, att: [score 0..100, ...], done: bool, r: [answer, ...] one per pool question }
 * (more than 8 attempts: only the best and the last score are kept; they come
 * back as the last two entries after zeros).
 * scenario = { b: null | percent of the best finished run (0..100), d: 0 | 1
 *   (the current run reached an ending), p: [choice index 0..63, ...] the
 *   current run from the first step, at most 64 }
 *
 * Format "3": eight fields joined by ".", only [A-Za-z0-9._-]:
 *   3 . locale . page . pages . seen . answers . tests . scenarios
 * Format "2" (still read; written for a state whose scen is null): the first
 * seven. Format "1" (still read; written for a state whose tests is null):
 * the first six.
 * Numbers are base64url digits (A=0 ... _=63), most significant first, no
 * leading A, below 2^30. seen: bit p%6 of digit p/6. Answer tokens start with
 * a flag digit: a choice answer below 256 takes 2 characters, matching and
 * ordering n+2, a short answer 2-4 + its UTF-8 bytes in base64url. A
 * scenario: "A" never started, else a digit 1 | done 2 | has best 4, the best
 * percent (two digits, when there is one), a small number n and n digits (the
 * choice indexes).
 *
 * darslikState.encode(state) returns the string (throws on an invalid state);
 * darslikState.decode(string) returns the state, or null for anything that is
 * not a canonical version-3, -2 or -1 string (start afresh then);
 * darslikState.fit(state, limit) returns { data, cut }: the string within
 * limit characters, every short-answer text cut to `cut` UTF-8 bytes when it
 * had to be (cut null: nothing cut), or null when it cannot fit;
 * the longest string a module can produce (the build's preflight,
 * src/output/scorm/suspend) is worked out in tests/browser/suspend-bounds.mjs,
 * which the tests hold this encoder to: no page needs it.
 */
(function (global) {
  "use strict";

  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var VERSION = "3";
  var VERSION_2 = "2";
  var VERSION_1 = "1";
  var LIMIT = 1073741824; // 2^30
  var MAX_OPTIONS = 30;
  var MAX_ITEMS = 63;
  var SMALL_MAX = 63 + 4095;
  var ATTEMPTS_KEPT = 8;
  var MAX_TEXT_BYTES = 180;
  var MAX_PATH = 64;
  var MAX_CHOICE = 63;

  function isArray(v) {
    return Object.prototype.toString.call(v) === "[object Array]";
  }

  function fail(what) {
    throw new RangeError("darslikState: invalid " + what);
  }

  function digitCount(v) {
    var n = 1;
    while (v >= 64) {
      v = Math.floor(v / 64);
      n += 1;
    }
    return n;
  }

  function checkNumber(v, what, max) {
    if (typeof v !== "number" || v !== Math.floor(v) || v < 0 || v >= (max || LIMIT)) {
      fail(what + ": " + v);
    }
    return v;
  }

  function number(v, what) {
    checkNumber(v, what);
    var out = "";
    for (var i = digitCount(v) - 1; i >= 0; i--) {
      out += ALPHABET.charAt((v >> (6 * i)) & 63);
    }
    return out;
  }

  function small(v, what) {
    checkNumber(v, what, SMALL_MAX + 1);
    if (v < 63) {
      return ALPHABET.charAt(v);
    }
    return "_" + ALPHABET.charAt((v - 63) >> 6) + ALPHABET.charAt((v - 63) & 63);
  }

  function b64Len(bytes) {
    return Math.floor(bytes / 3) * 4 + [0, 2, 3][bytes % 3];
  }

  function valueOf(ch) {
    var v = ALPHABET.indexOf(ch);
    return ch.length === 1 ? v : -1;
  }

  function parseNumber(field) {
    if (field.length === 0 || field.length > 5 || (field.length > 1 && field.charAt(0) === "A")) {
      return -1;
    }
    var v = 0;
    for (var i = 0; i < field.length; i++) {
      var d = valueOf(field.charAt(i));
      if (d < 0) {
        return -1;
      }
      v = v * 64 + d;
    }
    return v;
  }

  /* UTF-8 bytes of a string; a lone surrogate becomes U+FFFD. */
  function utf8(s) {
    var out = [];
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        var d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        }
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        c = 0xfffd;
      }
      if (c < 0x80) {
        out.push(c);
      } else if (c < 0x800) {
        out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      } else if (c < 0x10000) {
        out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      } else {
        out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      }
    }
    return out;
  }

  /* The string of UTF-8 bytes, or null when they are not valid UTF-8. */
  function fromUtf8(b) {
    var out = "";
    for (var i = 0; i < b.length;) {
      var c = b[i], n, min;
      if (c < 0x80) { n = 0; min = 0; } else if (c >= 0xc2 && c < 0xe0) { n = 1; min = 0x80; c &= 31; } else if (c >= 0xe0 && c < 0xf0) { n = 2; min = 0x800; c &= 15; } else if (c >= 0xf0 && c < 0xf5) { n = 3; min = 0x10000; c &= 7; } else { return null; }
      if (i + n >= b.length) {
        return null;
      }
      for (var k = 1; k <= n; k++) {
        if ((b[i + k] & 0xc0) !== 0x80) {
          return null;
        }
        c = (c << 6) | (b[i + k] & 63);
      }
      if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
        return null;
      }
      i += n + 1;
      if (c >= 0x10000) {
        c -= 0x10000;
        out += String.fromCharCode(0xd800 + (c >> 10), 0xdc00 + (c & 1023));
      } else {
        out += String.fromCharCode(c);
      }
    }
    return out;
  }

  function base64(bytes) {
    var out = "";
    for (var i = 0; i < bytes.length; i += 3) {
      var count = Math.min(3, bytes.length - i);
      var n = (bytes[i] << 16) | ((count > 1 ? bytes[i + 1] : 0) << 8) | (count > 2 ? bytes[i + 2] : 0);
      for (var k = 0; k <= count; k++) {
        out += ALPHABET.charAt((n >> (18 - 6 * k)) & 63);
      }
    }
    return out;
  }

  /* The longest prefix of s of at most max UTF-8 bytes, on a character boundary. */
  function cutText(s, max) {
    var bytes = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i), units = 1, size;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
        units = 2;
        size = 4;
      } else {
        size = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      }
      if (bytes + size > max) {
        return s.slice(0, i);
      }
      bytes += size;
      i += units - 1;
    }
    return s;
  }

  function isV2(a) {
    return !!a && (a.match !== undefined || a.order !== undefined || a.text !== undefined);
  }

  function answerToken(a) {
    a = a || {};
    var checked = a.checked ? 8 : 0, out, i;
    if (a.match !== undefined && a.match !== null) {
      if (!isArray(a.match) || a.match.length > MAX_ITEMS) {
        fail("matching answer");
      }
      out = ALPHABET.charAt(32 | checked | 1) + ALPHABET.charAt(a.match.length);
      for (i = 0; i < a.match.length; i++) {
        var v = a.match[i];
        out += v === -1 || v === null ? "A" : ALPHABET.charAt(checkNumber(v, "matching answer", MAX_ITEMS) + 1);
      }
      return out;
    }
    if (a.order !== undefined && a.order !== null) {
      if (!isArray(a.order) || a.order.length > MAX_ITEMS) {
        fail("ordering answer");
      }
      out = ALPHABET.charAt(32 | checked | 2) + ALPHABET.charAt(a.order.length);
      for (i = 0; i < a.order.length; i++) {
        out += ALPHABET.charAt(checkNumber(a.order[i], "ordering answer", 64));
      }
      return out;
    }
    if (a.text !== undefined && a.text !== null) {
      var bytes = utf8(String(a.text));
      return ALPHABET.charAt(32 | checked | 3) + small(bytes.length, "short answer") + base64(bytes);
    }
    var choice = a.choice, multiple = 0, value;
    if (choice === null || choice === undefined) {
      return ALPHABET.charAt(checked);
    } else if (isArray(choice)) {
      multiple = 4;
      value = 0;
      for (var k = 0; k < choice.length; k++) {
        var opt = checkNumber(choice[k], "option index");
        if (opt >= MAX_OPTIONS) {
          throw new RangeError("darslikState: more than " + MAX_OPTIONS + " options");
        }
        value |= 1 << opt;
      }
    } else {
      value = checkNumber(choice, "option index");
    }
    if (value < 256) {
      return ALPHABET.charAt(16 | checked | multiple | (value >> 6)) + ALPHABET.charAt(value & 63);
    }
    return ALPHABET.charAt(32 | 16 | checked | multiple | (digitCount(value) - 2)) + number(value, "answer");
  }

  function testToken(t) {
    if (!t) {
      return "A";
    }
    var seed = checkNumber(t.seed || 0, "seed");
    var out = ALPHABET.charAt(1 | (t.done ? 2 : 0) | ((digitCount(seed) - 1) << 2)) + number(seed, "seed");
    var att = t.att || [], n = att.length, kept = att, i;
    for (i = 0; i < n; i++) {
      checkNumber(att[i], "score", 101);
    }
    out += small(n, "attempt count");
    if (n > ATTEMPTS_KEPT) {
      var best = 0;
      for (i = 0; i < n; i++) { best = Math.max(best, att[i]); }
      kept = [best, att[n - 1]];
    }
    for (i = 0; i < kept.length; i++) {
      out += ALPHABET.charAt(kept[i] >> 6) + ALPHABET.charAt(kept[i] & 63);
    }
    var r = t.r || [];
    out += small(r.length, "test question count");
    for (i = 0; i < r.length; i++) {
      out += answerToken(r[i]);
    }
    return out;
  }

  function scenarioToken(s) {
    if (!s) {
      return "A";
    }
    var p = s.p || [], has = s.b !== null && s.b !== undefined, i;
    if (!isArray(p) || p.length > MAX_PATH) {
      fail("scenario run");
    }
    var out = ALPHABET.charAt(1 | (s.d ? 2 : 0) | (has ? 4 : 0));
    if (has) {
      checkNumber(s.b, "scenario score", 101);
      out += ALPHABET.charAt(s.b >> 6) + ALPHABET.charAt(s.b & 63);
    }
    out += small(p.length, "scenario run");
    for (i = 0; i < p.length; i++) {
      out += ALPHABET.charAt(checkNumber(p[i], "scenario choice", MAX_CHOICE + 1));
    }
    return out;
  }

  function encode(state) {
    var v2 = state.tests !== null && state.tests !== undefined;
    var v3 = state.scen !== null && state.scen !== undefined;
    var answers = state.answers || [], q;
    if (!v2) {
      for (q = 0; q < answers.length; q++) {
        if (isV2(answers[q])) {
          fail("version-2 answer without tests");
        }
      }
      if (v3) {
        fail("scenarios without tests");
      }
    }
    var out = (v3 ? VERSION : v2 ? VERSION_2 : VERSION_1) + ".";
    if (state.locale !== null && state.locale !== undefined) {
      out += number(state.locale, "locale index");
    }
    out += "." + number(state.page || 0, "page index") + ".";
    var seen = state.seen || [];
    out += number(seen.length, "page count") + ".";
    for (var c = 0; c < seen.length; c += 6) {
      var bits = 0;
      for (var b = 0; b < 6 && c + b < seen.length; b++) {
        if (seen[c + b]) {
          bits |= 1 << b;
        }
      }
      out += ALPHABET.charAt(bits);
    }
    out += ".";
    for (q = 0; q < answers.length; q++) {
      out += answerToken(answers[q]);
    }
    if (v2) {
      out += ".";
      for (var t = 0; t < state.tests.length; t++) {
        out += testToken(state.tests[t]);
      }
    }
    if (v3) {
      out += ".";
      for (var c = 0; c < state.scen.length; c++) {
        out += scenarioToken(state.scen[c]);
      }
    }
    return out;
  }

  /* Reads tokens from one field; every method returns null on a bad string. */
  function Reader(text) {
    this.s = text;
    this.i = 0;
  }
  Reader.prototype.more = function () { return this.i < this.s.length; };
  Reader.prototype.digit = function () {
    if (this.i >= this.s.length) { return -1; }
    return valueOf(this.s.charAt(this.i++));
  };
  Reader.prototype.small = function () {
    var d = this.digit();
    if (d < 63) { return d; }
    var hi = this.digit(), lo = this.digit();
    return hi < 0 || lo < 0 ? -1 : 63 + hi * 64 + lo;
  };
  Reader.prototype.text = function () {
    var len = this.small();
    if (len < 0) { return null; }
    var n = b64Len(len);
    if (this.i + n > this.s.length) { return null; }
    var field = this.s.substr(this.i, n), bytes = [];
    this.i += n;
    for (var p = 0; p < n; p += 4) {
      var chunk = field.substr(p, 4), v = 0, count = chunk.length - 1;
      for (var k = 0; k < chunk.length; k++) {
        var d = valueOf(chunk.charAt(k));
        if (d < 0) { return null; }
        v += d * Math.pow(2, 18 - 6 * k);
      }
      if (count < 3 && v % Math.pow(2, 24 - 8 * count) !== 0) { return null; }
      var full = [(v >> 16) & 255, (v >> 8) & 255, v & 255];
      for (k = 0; k < count; k++) { bytes.push(full[k]); }
    }
    return fromUtf8(bytes);
  };
  Reader.prototype.answer = function (v2) {
    var d = this.digit(), n, k, v, list;
    if (d < 0) { return null; }
    var checked = (d & 8) !== 0;
    if ((d & 16) === 0) {
      if ((d & 32) !== 0 && v2) {
        var kind = d & ~8;
        if (kind === 33 || kind === 34) {
          n = this.digit();
          if (n < 0) { return null; }
          list = [];
          for (k = 0; k < n; k++) {
            v = this.digit();
            if (v < 0) { return null; }
            list.push(kind === 33 ? v - 1 : v);
          }
          return kind === 33 ? { match: list, checked: checked } : { order: list, checked: checked };
        }
        if (kind === 35) {
          var text = this.text();
          return text === null ? null : { text: text, checked: checked };
        }
        return null;
      }
      if ((d & ~8) !== 0) { return null; }
      return { choice: null, checked: checked };
    }
    var value;
    if ((d & 32) === 0) {
      var low = this.digit();
      if (low < 0) { return null; }
      value = ((d & 3) << 6) | low;
    } else {
      n = (d & 3) + 2;
      if (this.i + n > this.s.length) { return null; }
      value = parseNumber(this.s.substr(this.i, n));
      this.i += n;
      if (value < 256) { return null; }
    }
    var choice = value;
    if ((d & 4) !== 0) {
      choice = [];
      for (var o = 0; o < MAX_OPTIONS; o++) {
        if ((value & (1 << o)) !== 0) {
          choice.push(o);
        }
      }
    }
    return { choice: choice, checked: checked };
  };
  Reader.prototype.test = function () {
    var h = this.digit(), k;
    if (h < 0) { return undefined; }
    if (h === 0) { return null; }
    var seedDigits = (h >> 2) + 1;
    if ((h & 1) === 0 || seedDigits > 5 || this.i + seedDigits > this.s.length) { return undefined; }
    var seed = parseNumber(this.s.substr(this.i, seedDigits));
    this.i += seedDigits;
    var n = this.small();
    if (seed < 0 || n < 0) { return undefined; }
    var scores = [], count = n <= ATTEMPTS_KEPT ? n : 2;
    for (k = 0; k < count; k++) {
      var hi = this.digit(), lo = this.digit();
      if (hi < 0 || lo < 0 || hi * 64 + lo > 100) { return undefined; }
      scores.push(hi * 64 + lo);
    }
    var att = scores;
    if (n > ATTEMPTS_KEPT) {
      if (scores[1] > scores[0]) { return undefined; }
      att = [];
      for (k = 0; k < n - 2; k++) { att.push(0); }
      att.push(scores[0], scores[1]);
    }
    var p = this.small(), r = [];
    if (p < 0) { return undefined; }
    for (k = 0; k < p; k++) {
      var a = this.answer(true);
      if (!a) { return undefined; }
      r.push(a);
    }
    return { seed: seed, att: att, done: (h & 2) !== 0, r: r };
  };
  /* A scenario token: null (never started), the state, or undefined (bad). */
  Reader.prototype.scenario = function () {
    var h = this.digit(), b = null, k;
    if (h < 0) { return undefined; }
    if (h === 0) { return null; }
    if ((h & 1) === 0 || h > 7) { return undefined; }
    if ((h & 4) !== 0) {
      var hi = this.digit(), lo = this.digit();
      if (hi < 0 || lo < 0 || hi * 64 + lo > 100) { return undefined; }
      b = hi * 64 + lo;
    }
    var n = this.small(), p = [];
    if (n < 0 || n > MAX_PATH) { return undefined; }
    for (k = 0; k < n; k++) {
      var c = this.digit();
      if (c < 0) { return undefined; }
      p.push(c);
    }
    return { b: b, d: (h & 2) !== 0 ? 1 : 0, p: p };
  };

  function decode(s) {
    if (typeof s !== "string") {
      return null;
    }
    var fields = s.split(".");
    var version = fields[0] === VERSION ? 3 : fields[0] === VERSION_2 ? 2 : fields[0] === VERSION_1 ? 1 : 0;
    var v2 = version >= 2;
    if (!version || fields.length !== version + 5) {
      return null;
    }
    var locale = null;
    if (fields[1] !== "") {
      locale = parseNumber(fields[1]);
      if (locale < 0) {
        return null;
      }
    }
    var page = parseNumber(fields[2]);
    var pages = parseNumber(fields[3]);
    var seenField = fields[4];
    if (page < 0 || pages < 0 || seenField.length !== Math.ceil(pages / 6)) {
      return null;
    }
    var seen = [];
    for (var i = 0; i < seenField.length; i++) {
      var bits = valueOf(seenField.charAt(i));
      var inChunk = Math.min(pages - 6 * i, 6);
      if (bits < 0 || bits >> inChunk !== 0) {
        return null;
      }
      for (var b = 0; b < inChunk; b++) {
        seen.push((bits & (1 << b)) !== 0);
      }
    }
    var reader = new Reader(fields[5]), answers = [];
    while (reader.more()) {
      var a = reader.answer(v2);
      if (!a) {
        return null;
      }
      answers.push(a);
    }
    var tests = null;
    if (v2) {
      tests = [];
      reader = new Reader(fields[6]);
      while (reader.more()) {
        var t = reader.test();
        if (t === undefined) {
          return null;
        }
        tests.push(t);
      }
    }
    var scen = null;
    if (version === 3) {
      scen = [];
      reader = new Reader(fields[7]);
      while (reader.more()) {
        var sc = reader.scenario();
        if (sc === undefined) {
          return null;
        }
        scen.push(sc);
      }
    }
    return { locale: locale, page: page, seen: seen, answers: answers, tests: tests, scen: scen };
  }

  /* A copy of state with every short-answer text cut to max bytes. */
  function cutAll(state, max) {
    function cut(a) {
      if (!a || a.text === undefined || a.text === null) { return a; }
      return { text: cutText(String(a.text), max), checked: a.checked };
    }
    var out = {}, k, i;
    for (k in state) {
      if (Object.prototype.hasOwnProperty.call(state, k)) { out[k] = state[k]; }
    }
    out.answers = [];
    for (i = 0; i < (state.answers || []).length; i++) { out.answers.push(cut(state.answers[i])); }
    if (state.tests) {
      out.tests = [];
      for (i = 0; i < state.tests.length; i++) {
        var t = state.tests[i];
        if (!t) { out.tests.push(t); continue; }
        var r = [];
        for (k = 0; k < (t.r || []).length; k++) { r.push(cut(t.r[k])); }
        out.tests.push({ seed: t.seed, att: t.att, done: t.done, r: r });
      }
    }
    return out;
  }

  function longestText(state) {
    var n = 0, i, k;
    function see(a) { if (a && a.text !== undefined && a.text !== null) { n = Math.max(n, utf8(String(a.text)).length); } }
    for (i = 0; i < (state.answers || []).length; i++) { see(state.answers[i]); }
    for (i = 0; state.tests && i < state.tests.length; i++) {
      for (k = 0; state.tests[i] && k < (state.tests[i].r || []).length; k++) { see(state.tests[i].r[k]); }
    }
    return n;
  }

  function fit(state, limit) {
    var full = encode(state);
    if (full.length <= limit) {
      return { data: full, cut: null };
    }
    var longest = longestText(state);
    var shortest = encode(cutAll(state, 0));
    if (shortest.length > limit || longest === 0) {
      return null;
    }
    var lo = 1, hi = longest - 1, best = { data: shortest, cut: 0 };
    while (lo <= hi) {
      var mid = lo + Math.floor((hi - lo) / 2);
      var s = encode(cutAll(state, mid));
      if (s.length <= limit) {
        best = { data: s, cut: mid };
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return best;
  }

  global.darslikState = {
    encode: encode, decode: decode, fit: fit, cutText: cutText, VERSION: VERSION,
    MAX_TEXT_BYTES: MAX_TEXT_BYTES, MAX_PATH: MAX_PATH, MAX_CHOICE: MAX_CHOICE
  };
}(typeof window !== "undefined" ? window : this));
