/*
 * darslik: compact cmi.suspend_data encoding of one module's progress.
 * Twin of src/output/scorm/suspend.rs; both must give the same string for the
 * same state (tests/browser/suspend.test.mjs pins strings made by the Rust tests).
 *
 * state = {
 *   locale:  null | index of the current locale (multilingual packages),
 *   page:    index of the last page visited in the module,
 *   seen:    [true, false, ...] one flag per page of the module,
 *   answers: [{ choice: null | optionIndex | [optionIndex, ...], checked: bool }, ...]
 * }
 * A number choice is a single-choice answer; an array (possibly empty) is a
 * multiple-choice answer; null is "not answered yet".
 *
 * Format "1": six fields joined by ".", only [A-Za-z0-9._-]:
 *   1 . locale . page . pages . seen . answers
 * Numbers are base64url digits (A=0 ... _=63), most significant first, no
 * leading A, below 2^30. seen: bit p%6 of digit p/6. Each answer token starts
 * with a flag digit (32 extended, 16 answered, 8 checked, 4 multiple, 2 payload
 * bits); an unanswered question is 1 character, an answer below 256 (any
 * question of up to 8 options) 2 characters. See suspend.rs for the details.
 *
 * darslikState.encode(state) returns the string (throws on an invalid state);
 * darslikState.decode(string) returns the state, or null for anything that is
 * not a canonical version-1 string (start afresh then);
 * darslikState.maxLen(pages, questions, maxOptions, locales) is the longest
 * string a module of that size can produce.
 */
(function (global) {
  "use strict";

  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var VERSION = "1";
  var LIMIT = 1073741824; // 2^30
  var MAX_OPTIONS = 30;

  function digitCount(v) {
    var n = 1;
    while (v >= 64) {
      v = Math.floor(v / 64);
      n += 1;
    }
    return n;
  }

  function checkNumber(v, what) {
    if (typeof v !== "number" || v !== Math.floor(v) || v < 0 || v >= LIMIT) {
      throw new RangeError("darslikState: invalid " + what + ": " + v);
    }
    return v;
  }

  function number(v, what) {
    checkNumber(v, what);
    var out = "";
    var n = digitCount(v);
    for (var i = n - 1; i >= 0; i--) {
      out += ALPHABET.charAt((v >> (6 * i)) & 63);
    }
    return out;
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

  function encode(state) {
    var out = VERSION + ".";
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
    var answers = state.answers || [];
    for (var q = 0; q < answers.length; q++) {
      var a = answers[q] || {};
      var checked = a.checked ? 8 : 0;
      var choice = a.choice;
      var multiple = 0;
      var value;
      if (choice === null || choice === undefined) {
        out += ALPHABET.charAt(checked);
        continue;
      } else if (Object.prototype.toString.call(choice) === "[object Array]") {
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
        out += ALPHABET.charAt(16 | checked | multiple | (value >> 6));
        out += ALPHABET.charAt(value & 63);
      } else {
        var n = digitCount(value);
        out += ALPHABET.charAt(32 | 16 | checked | multiple | (n - 2));
        out += number(value, "answer");
      }
    }
    return out;
  }

  function decode(s) {
    if (typeof s !== "string") {
      return null;
    }
    var fields = s.split(".");
    if (fields.length !== 6 || fields[0] !== VERSION) {
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
    var text = fields[5];
    var answers = [];
    var p = 0;
    while (p < text.length) {
      var d = valueOf(text.charAt(p));
      p += 1;
      if (d < 0) {
        return null;
      }
      var checked = (d & 8) !== 0;
      if ((d & 16) === 0) {
        if ((d & ~8) !== 0) {
          return null;
        }
        answers.push({ choice: null, checked: checked });
        continue;
      }
      var value;
      if ((d & 32) === 0) {
        if (p >= text.length) {
          return null;
        }
        var low = valueOf(text.charAt(p));
        p += 1;
        if (low < 0) {
          return null;
        }
        value = ((d & 3) << 6) | low;
      } else {
        var n = (d & 3) + 2;
        if (p + n > text.length) {
          return null;
        }
        value = parseNumber(text.substr(p, n));
        p += n;
        if (value < 256) {
          return null;
        }
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
      answers.push({ choice: choice, checked: checked });
    }
    return { locale: locale, page: page, seen: seen, answers: answers };
  }

  function maxLen(pages, questions, maxOptions, locales) {
    if (maxOptions > MAX_OPTIONS) {
      return Infinity;
    }
    var maxValue = Math.pow(2, maxOptions) - 1;
    var perQuestion = maxValue < 256 ? 2 : 1 + digitCount(maxValue);
    var locale = locales > 1 ? digitCount(locales - 1) : 0;
    return VERSION.length + 5 + locale + digitCount(Math.max(pages - 1, 0)) +
      digitCount(pages) + Math.ceil(pages / 6) + questions * perQuestion;
  }

  global.darslikState = { encode: encode, decode: decode, maxLen: maxLen, VERSION: VERSION };
}(typeof window !== "undefined" ? window : this));
