/* darslik search: runs a query against the locale's index
   (search-index.js: window.DARSLIK_SEARCH, built by darslik) on search.html.
   ES5, no dependencies, no network: works from file://.

   The word and key rules mirror src/search/normalize.rs; keep the two in
   step (tests/fixtures/search/normalize.tsv is checked against both). */
(function (root) {
  'use strict';

  var APOS = '\'\u2018\u2019`\u00B4\u02BB\u02BC\u02B9\u02BD\u2032';
  var IGNORABLE = '\u00AD\u200B\u200C\u200D\u2060\uFEFF';
  var COMPOSE = {
    '\u0438\u0306': '\u0439', '\u0443\u0306': '\u045E', '\u0435\u0308': '\u0451',
    'o\u0308': '\u00F6', 'o\u0303': '\u00F5', 'o\u0304': '\u014D', 'o\u0306': '\u014F',
    'g\u0306': '\u011F', 'g\u0304': '\u1E21', 's\u0327': '\u015F', 'c\u0327': '\u00E7'
  };
  var FOLD_LIST = [
    ['àáâãäåāăą', 'a'], ['çćĉċč', 'c'], ['ďđ', 'd'], ['èéêëēĕėęě', 'e'], ['ĝğġģḡ', 'g'],
    ['ĥħ', 'h'], ['ìíîïĩīĭįı', 'i'], ['ĵ', 'j'], ['ķ', 'k'], ['ĺļľŀł', 'l'], ['ñńņňŉ', 'n'],
    ['òóôõöøōŏő', 'o'], ['ŕŗř', 'r'], ['śŝşšș', 's'], ['ţťŧț', 't'], ['ùúûüũūŭůűų', 'u'],
    ['ŵ', 'w'], ['ýÿŷ', 'y'], ['źżž', 'z'], ['æ', 'ae'], ['œ', 'oe'], ['ß', 'ss'],
    ['þ', 'th'], ['ð', 'd']
  ];
  var FOLD = {};
  for (var f = 0; f < FOLD_LIST.length; f++) {
    for (var g = 0; g < FOLD_LIST[f][0].length; g++) { FOLD[FOLD_LIST[f][0].charAt(g)] = FOLD_LIST[f][1]; }
  }
  var RU_ENDINGS = ['остями', 'остью', 'остей', 'ость', 'ости', 'иями', 'ями', 'ами', 'иях', 'иям', 'ием',
    'ией', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'ей',
    'ой', 'ом', 'ем', 'ою', 'ею', 'ую', 'юю', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ый', 'ий',
    'ых', 'их', 'ым', 'им', 'ия', 'ию', 'ии', 'ье', 'ья', 'ьи', 'ью', 'а', 'я', 'о', 'е', 'ы',
    'и', 'у', 'ю', 'ь', 'й'];
  var UZ_SUFFIXES = ['ingiz', 'ингиз', 'imiz', 'имиз', 'lari', 'лари', 'ning', 'нинг', 'dagi', 'даги', 'dan',
    'дан', 'lar', 'лар', 'ni', 'ни', 'ga', 'га', 'ka', 'ка', 'qa', 'қа', 'da', 'да', 'si', 'си'];
  var MIN_STEM = 3;

  /* Code points of a string (a surrogate pair is one). */
  function chars(s) {
    var out = [];
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i), n = s.charCodeAt(i);
      if (n >= 0xD800 && n <= 0xDBFF && i + 1 < s.length) {
        var m = s.charCodeAt(i + 1);
        if (m >= 0xDC00 && m <= 0xDFFF) { c += s.charAt(i + 1); i++; }
      }
      out.push(c);
    }
    return out;
  }
  function isMark(c) {
    var n = c.length === 1 ? c.charCodeAt(0) : 0;
    return n >= 0x300 && n <= 0x36F;
  }
  function isApostrophe(c) { return c.length === 1 && APOS.indexOf(c) >= 0; }
  function isIgnorable(c) { return c.length === 1 && IGNORABLE.indexOf(c) >= 0; }
  function isWordChar(c) {
    return (c.length === 1 && c >= '0' && c <= '9') || isMark(c) || c.toLowerCase() !== c.toUpperCase();
  }

  /* Words of a text: [{start, end, text}], positions in code points. */
  function words(text, lang) {
    var cs = chars(text), out = [], cur = null, last = '';
    for (var i = 0; i < cs.length; i++) {
      var c = cs[i], joins = false;
      if (isWordChar(c)) {
        joins = true;
      } else if (cur && isIgnorable(c)) {
        continue;
      } else if (cur && isApostrophe(c)) {
        var j = i + 1;
        while (j < cs.length && isIgnorable(cs[j])) { j++; }
        joins = (j < cs.length && isWordChar(cs[j])) ||
          (lang === 'uz' && (last === 'o' || last === 'O' || last === 'g' || last === 'G'));
      }
      if (joins) {
        if (!cur) { cur = { start: i, end: i, text: '' }; }
        cur.text += c;
        cur.end = i + 1;
        last = c;
      } else if (cur) {
        out.push(cur);
        cur = null;
        last = '';
      }
    }
    if (cur) { out.push(cur); }
    return out;
  }

  function fold(word, lang) {
    var cs = chars(word.toLowerCase()), composed = [], out = '', i, c;
    for (i = 0; i < cs.length; i++) {
      c = cs[i];
      if (isMark(c)) {
        var k = composed.length - 1;
        if (k >= 0 && COMPOSE[composed[k] + c]) { composed[k] = COMPOSE[composed[k] + c]; }
        continue;
      }
      composed.push(c);
    }
    for (i = 0; i < composed.length; i++) {
      c = composed[i];
      var nextApos = i + 1 < composed.length && isApostrophe(composed[i + 1]);
      if (lang === 'uz') {
        if (c === 'o' && nextApos) { out += '\u00F6'; i++; }
        else if (c === 'g' && nextApos) { out += '\u011F'; i++; }
        else if (isApostrophe(c)) { out += '\''; }
        else if (c === '\u00F6' || c === '\u00F5' || c === '\u014D' || c === '\u014F') { out += '\u00F6'; }
        else if (c === '\u011F' || c === '\u1E21') { out += '\u011F'; }
        else if (c === '\u015F') { out += 'sh'; }
        else if (c === '\u00E7') { out += 'ch'; }
        else { out += FOLD.hasOwnProperty(c) ? FOLD[c] : c; }
      } else if (isApostrophe(c)) {
        continue;
      } else if (c === '\u0451') {
        out += '\u0435';
      } else {
        out += FOLD.hasOwnProperty(c) ? FOLD[c] : c;
      }
    }
    return out;
  }

  function endsWith(s, e) { return s.length >= e.length && s.slice(s.length - e.length) === e; }
  function strip(w, e) {
    if (!endsWith(w, e)) { return null; }
    var rest = w.slice(0, w.length - e.length);
    return chars(rest).length >= MIN_STEM ? rest : null;
  }
  function hasVowel(s) { return /[aeiouy]/.test(s); }
  function firstStrip(w, list) {
    for (var i = 0; i < list.length; i++) {
      var r = strip(w, list[i]);
      if (r !== null) { return r; }
    }
    return null;
  }

  function stem(w, lang) {
    var r;
    if (lang === 'en') {
      if (endsWith(w, 'sses')) { w = w.slice(0, -2); }
      else if ((r = strip(w, 'ies')) !== null) { w = r + 'i'; }
      else if (!(endsWith(w, 'ss') || endsWith(w, 'us') || endsWith(w, 'is')) && (r = strip(w, 's')) !== null) { w = r; }
      if ((r = strip(w, 'ing')) !== null && hasVowel(r)) { w = r; }
      else if ((r = strip(w, 'ed')) !== null && hasVowel(r)) { w = r; }
      else if ((r = strip(w, 'e')) !== null) { w = r; }
      else if ((r = strip(w, 'y')) !== null) { w = r + 'i'; }
      return w;
    }
    if (lang === 'ru') {
      r = firstStrip(w, RU_ENDINGS);
      return r === null ? w : r;
    }
    if (lang === 'uz') {
      for (var i = 0; i < 3; i++) {
        r = firstStrip(w, UZ_SUFFIXES);
        if (r === null) { break; }
        w = r;
      }
    }
    return w;
  }

  /* The search key of a word: folded, stemmed, cut to n characters. */
  function key(word, lang, n) {
    return chars(stem(fold(word, lang), lang)).slice(0, n).join('');
  }
  function usable(k) { return chars(k).length >= 2; }
  function keys(text, lang, n) {
    var ws = words(text, lang), out = [];
    for (var i = 0; i < ws.length; i++) {
      var k = key(ws[i].text, lang, n);
      if (usable(k)) { out.push(k); }
    }
    return out;
  }

  /* A heading id from its text, as src/search/mod.rs (plain_slug) expects. */
  function slug(text) {
    var cs = chars(text), out = '';
    for (var i = 0; i < cs.length; i++) {
      var c = cs[i];
      if (isWordChar(c) || c === '_' || c === '-' || c === '\u02BB' || c === '\u02BC') { out += c.toLowerCase(); }
      else if (c === ' ') { out += '-'; }
    }
    return out;
  }

  var WEIGHT = { title: 10, heading: 4, description: 2, unit: 1, body: 1 };
  /* A sharded index's postings: page * 8 + where (body, body often, description, heading, title). */
  var FIELD = [1, 1.5, 2, 4, 10];
  var DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

  /* Front-coded keys: a capital letter (characters shared with the previous key), then the rest. */
  function unfront(k) {
    var cs = chars(k), prev = [], cur = null, out = [];
    for (var i = 0; i <= cs.length; i++) {
      var c = cs[i];
      if (i === cs.length || (c >= 'A' && c <= 'Z')) {
        if (cur) { out.push(cur.join('')); prev = cur; }
        if (i < cs.length) { cur = prev.slice(0, c.charCodeAt(0) - 65); }
      } else if (cur) {
        cur.push(c);
      }
    }
    return out;
  }

  /* Load a script of the index (file:// allows no fetch): it sets window.DARSLIK_SEARCH_PART. */
  function load(src, done) {
    var s = document.createElement('script');
    s.onload = s.onerror = function () {
      s.onload = s.onerror = null;
      var data = root.DARSLIK_SEARCH_PART;
      root.DARSLIK_SEARCH_PART = null;
      if (s.parentNode) { s.parentNode.removeChild(s); }
      done(data);
    };
    s.src = src;
    document.body.appendChild(s);
  }
  /* Load the scripts `srcs` at once; `each(i, data)`, then `done()`. */
  function loadAll(srcs, each, done) {
    var left = srcs.length;
    if (!left) { done(); return; }
    for (var i = 0; i < srcs.length; i++) {
      (function (i) {
        load(srcs[i], function (data) { each(i, data); if (!--left) { done(); } });
      })(i);
    }
  }

  /* The index, decoded once. A sharded one (v 2) has its keys and page
     texts in scripts under `base + 'search/'`, loaded when a query needs them. */
  function Index(data, base) {
    this.lang = data.l;
    this.n = data.n;
    this.width = data.w;
    this.modules = data.m;
    this.pages = data.p;
    this.sharded = data.v === 2;
    this.base = (base || '') + 'search/';
    this.cache = [];
    if (this.sharded) {
      this.shards = data.s;
      this.firsts = data.t;
      this.terms = {}; // shard -> {keys, lists}
      this.text = {}; // page -> [description, headings, sections]
    } else {
      this.keys = unfront(data.k);
      this.lists = data.d ? data.d.split(',') : [];
    }
  }
  /* The term shard of a key: as src/search/encode.rs (shard_of). */
  Index.prototype.shardOf = function (k) {
    var p = chars(k).slice(0, 3).join(''), h = 0;
    for (var i = 0; i < p.length; i++) { h = (h * 31 + p.charCodeAt(i)) % 1000003; }
    return h % this.shards;
  };
  Index.prototype.decode = function (s, mul) {
    var out = [], w = this.width;
    for (var i = 0; i + w <= s.length; i += w) {
      var v = 0;
      for (var j = 0; j < w; j++) { v = v * 64 + DIGITS.indexOf(s.charAt(i + j)); }
      out.push({ page: Math.floor(v / mul), field: v % mul });
    }
    return out;
  };
  Index.prototype.postings = function (ki) {
    var out = this.decode(this.lists[ki] || '', 2);
    for (var i = 0; i < out.length; i++) { out[i].often = out[i].field === 1; }
    return out;
  };
  /* A page's texts: description, headings, units by section ([] for a
     sharded index's page whose texts are not loaded). */
  Index.prototype.parts = function (pi) {
    if (!this.sharded) { return this.pages[pi].slice(4); }
    return this.text[pi] || ['', [], []];
  };
  /* Keys of a page's stored texts: title, description, headings, units. */
  Index.prototype.texts = function (pi) {
    if (this.cache[pi]) { return this.cache[pi]; }
    var p = this.parts(pi), self = this, out = [];
    function add(kind, text, anchor) {
      out.push({ kind: kind, text: text, anchor: anchor, keys: keys(text, self.lang, self.n) });
    }
    add('title', this.pages[pi][1], '');
    if (p[0]) { add('description', p[0], ''); }
    var heads = p[1], sections = p[2], ids = [];
    // A heading's id: "" means the one its text gives, null none.
    for (var h = 0; h + 1 < heads.length; h += 2) {
      ids.push(heads[h] === null ? '' : heads[h] || slug(heads[h + 1]));
      add('heading', heads[h + 1], ids[ids.length - 1]);
    }
    for (var s = 0; s < sections.length; s++) {
      var anchor = s > 0 ? ids[s - 1] : '';
      for (var u = 0; u < sections[s].length; u++) { add('unit', sections[s][u], anchor); }
    }
    if (!this.sharded || this.text[pi]) { this.cache[pi] = out; }
    return out;
  };
  /* Load what `srcs` name, once each; `put(i, data)` keeps it. */
  Index.prototype.fetch = function (srcs, put, done) {
    var want = [], at = [];
    for (var i = 0; i < srcs.length; i++) {
      if (srcs[i] !== null) { want.push(this.base + srcs[i]); at.push(i); }
    }
    loadAll(want, function (i, data) { put(at[i], data); }, done);
  };
  /* Run `done()` when the texts of pages `pis` are at hand. */
  Index.prototype.need = function (pis, done) {
    var self = this, srcs = [], asked = {};
    if (!this.sharded) { done(); return; }
    for (var i = 0; i < pis.length; i++) {
      var t = 0;
      while (t + 1 < this.firsts.length && this.firsts[t + 1] <= pis[i]) { t++; }
      if (!this.text[pis[i]] && !asked[t]) { asked[t] = 1; srcs[t] = 't' + t + '.js'; }
    }
    for (i = 0; i < srcs.length; i++) { if (srcs[i] === undefined) { srcs[i] = null; } }
    this.fetch(srcs, function (t, data) {
      var ps = (data && data.p) || [];
      for (var j = 0; j < ps.length; j++) { self.text[self.firsts[t] + j] = ps[j]; }
    }, done);
  };
  /* Run a query when its keys' shards are at hand: `done(found)` (see search). */
  Index.prototype.find = function (query, done) {
    var self = this, srcs = [], ks = keys(query, this.lang, this.n);
    if (!this.sharded) { done(this.search(query)); return; }
    for (var i = 0; i < ks.length; i++) {
      var sh = this.shardOf(ks[i]);
      if (!this.terms[sh]) { srcs[sh] = 'k' + sh + '.js'; this.terms[sh] = { keys: [], lists: [] }; }
    }
    for (i = 0; i < srcs.length; i++) { if (srcs[i] === undefined) { srcs[i] = null; } }
    this.fetch(srcs, function (sh, data) {
      if (data && data.k) { self.terms[sh] = { keys: unfront(data.k), lists: data.d.split(',') }; }
    }, function () { done(self.search(query)); });
  };

  function matches(k, q) {
    if (k === q) { return 1; }
    return q.length >= 3 && k.indexOf(q) === 0 && chars(q).length >= 3 ? 0.8 : 0;
  }

  /* Run a query (a sharded index: once find has loaded its shards): the
     query keys and the pages found, best first. */
  Index.prototype.search = function (query) {
    var qs = [], seen = {}, ks = keys(query, this.lang, this.n), i, pi, qi, ki, m;
    for (i = 0; i < ks.length; i++) {
      if (!seen.hasOwnProperty(ks[i])) { seen[ks[i]] = 1; qs.push(ks[i]); }
    }
    var best = []; // best[pi][qi]: weight of the best field
    for (pi = 0; pi < this.pages.length; pi++) { best.push([]); }
    function note(page, q, w) { if (!(best[page][q] >= w)) { best[page][q] = w; } }
    for (qi = 0; qi < qs.length; qi++) {
      if (this.sharded) {
        // Every key has all its pages, and where on them.
        var sh = this.terms[this.shardOf(qs[qi])] || { keys: [] };
        for (ki = 0; ki < sh.keys.length; ki++) {
          m = matches(sh.keys[ki], qs[qi]);
          if (!m) { continue; }
          var ps = this.decode(sh.lists[ki], 8);
          for (i = 0; i < ps.length; i++) {
            if (ps[i].page < this.pages.length) { note(ps[i].page, qi, FIELD[ps[i].field] * m); }
          }
        }
        continue;
      }
      for (ki = 0; ki < this.keys.length; ki++) {
        m = matches(this.keys[ki], qs[qi]);
        if (!m) { continue; }
        var posts = this.postings(ki);
        for (i = 0; i < posts.length; i++) {
          if (posts[i].page < this.pages.length) {
            note(posts[i].page, qi, WEIGHT.body * m * (posts[i].often ? 1.5 : 1));
          }
        }
      }
      for (pi = 0; pi < this.pages.length; pi++) {
        var texts = this.texts(pi);
        for (var t = 0; t < texts.length; t++) {
          for (var x = 0; x < texts[t].keys.length; x++) {
            var mm = matches(texts[t].keys[x], qs[qi]);
            if (mm) { note(pi, qi, WEIGHT[texts[t].kind] * mm); }
          }
        }
      }
    }
    var df = [], idf = [];
    for (qi = 0; qi < qs.length; qi++) {
      df[qi] = 0;
      for (pi = 0; pi < this.pages.length; pi++) { if (best[pi][qi]) { df[qi]++; } }
      idf[qi] = Math.log(1 + this.pages.length / Math.max(1, df[qi]));
    }
    var results = [];
    for (pi = 0; pi < this.pages.length; pi++) {
      var matched = 0, score = 0;
      for (qi = 0; qi < qs.length; qi++) {
        if (best[pi][qi]) { matched++; score += best[pi][qi] * idf[qi]; }
      }
      if (matched) { results.push({ page: pi, matched: matched, score: score, terms: best[pi] }); }
    }
    results.sort(function (a, b) { return b.matched - a.matched || b.score - a.score || a.page - b.page; });
    return { terms: qs, idf: idf, results: results };
  };

  /* Which query keys a text's key matches. */
  function hits(textKeys, terms) {
    var out = {};
    for (var i = 0; i < textKeys.length; i++) {
      for (var q = 0; q < terms.length; q++) { if (matches(textKeys[i], terms[q])) { out[q] = 1; } }
    }
    return out;
  }

  /* The snippet of a result: the stored text that shows the most of the
     query (rarest words count most; a heading or a sentence before the
     description, as it leads to its section), else the description or the
     first unit. Its anchor is the section's, unless the title has every
     query word the page matches. */
  Index.prototype.snippet = function (pi, found, result) {
    var texts = this.texts(pi), best = null, bestScore = 0, fallback = null, titleHits = {};
    for (var t = 0; t < texts.length; t++) {
      var x = texts[t], h = hits(x.keys, found.terms), s = 0;
      if (x.kind === 'title') { titleHits = h; continue; }
      if (!fallback && (x.kind === 'description' || x.kind === 'unit')) { fallback = x; }
      for (var q in h) { if (h.hasOwnProperty(q)) { s += found.idf[q]; } }
      if (s > 0 && x.kind !== 'description') { s += 0.001; }
      if (s > bestScore) { best = x; bestScore = s; }
    }
    var pick = best || fallback;
    if (!pick) { return null; }
    var inTitle = true;
    for (var r = 0; !result && r < found.results.length; r++) {
      if (found.results[r].page === pi) { result = found.results[r]; }
    }
    for (var qi = 0; result && qi < found.terms.length; qi++) {
      if (result.terms[qi] && !titleHits[qi]) { inTitle = false; }
    }
    return { text: pick.text, anchor: inTitle ? '' : pick.anchor };
  };

  /* Put a text into an element, query words in <mark>. */
  function marked(el, text, lang, n, terms) {
    var doc = el.ownerDocument, cs = chars(text), ws = words(text, lang), at = 0;
    for (var i = 0; i < ws.length; i++) {
      var k = key(ws[i].text, lang, n), hit = false;
      if (usable(k)) {
        for (var q = 0; q < terms.length; q++) { if (matches(k, terms[q])) { hit = true; } }
      }
      if (!hit) { continue; }
      if (ws[i].start > at) { el.appendChild(doc.createTextNode(cs.slice(at, ws[i].start).join(''))); }
      var mark = doc.createElement('mark');
      mark.textContent = cs.slice(ws[i].start, ws[i].end).join('');
      el.appendChild(mark);
      at = ws[i].end;
    }
    if (at < cs.length) { el.appendChild(doc.createTextNode(cs.slice(at).join(''))); }
  }

  var api = {
    chars: chars, words: words, fold: fold, stem: stem, key: key, keys: keys, slug: slug,
    Index: Index, marked: marked, isApostrophe: isApostrophe, isWordChar: isWordChar, load: load
  };
  root.DarslikSearch = api;

  /* The search page. */
  if (typeof document === 'undefined' || !document.querySelector) { return; }
  var box = document.querySelector('[data-search]');
  if (!box || !root.DARSLIK_SEARCH) { return; }
  var strings = {};
  try { strings = JSON.parse(document.getElementById('search-strings').textContent); } catch (e) { /* defaults */ }

  function param(name) {
    var parts = (root.location.search || '').replace(/^\?/, '').split('&');
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      var k = eq < 0 ? parts[i] : parts[i].slice(0, eq);
      if (decode(k) === name) { return eq < 0 ? '' : decode(parts[i].slice(eq + 1)); }
    }
    return '';
  }
  function decode(s) {
    try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch (e) { return s; }
  }
  function fill(template, query) { return String(template || '').split('{query}').join(query); }

  var query = param('q').replace(/\s+/g, ' ').replace(/^ | $/g, '').slice(0, 200);
  var input = document.getElementById('site-search-q');
  var status = box.querySelector('[data-search-status]');
  var list = box.querySelector('[data-search-results]');
  var hint = box.querySelector('[data-search-hint]');
  var all = box.querySelector('[data-search-all]');
  if (input) { input.value = query; }

  if (!query) {
    if (hint) { hint.hidden = false; }
    if (input) { input.focus(); }
    return;
  }
  if (all) { all.hidden = true; }
  var title = document.title, sep = title.indexOf(' \u00B7 ');
  document.title = fill(strings.title || '{query}', query) + (sep >= 0 ? title.slice(sep) : '');

  /* Results into `ol`; another locale's: hrefs from `base`, its `tag` and
     name `label`. Returns how many; a sharded index's are put in by fours as
     the list's end nears the view: titles at once, snippets once their
     pages' texts are loaded. */
  var BATCH = 4, waiting = [];
  function show(ol, index, found, base, tag, label) {
    var items = [];
    for (var r = 0; r < found.results.length; r++) {
      // A fallback page: its own locale lists it.
      if (!(tag && index.pages[found.results[r].page][3])) { items.push(found.results[r]); }
    }
    pump({ ol: ol, index: index, found: found, base: base, tag: tag, label: label, items: items, at: 0 });
    return items.length;
  }
  function near(ol) {
    return !!ol.offsetParent && ol.getBoundingClientRect().bottom < (root.innerHeight || 800) * 3;
  }
  function pump(job) {
    var index = job.index;
    while (job.at < job.items.length) {
      if (index.sharded && job.at && !near(job.ol)) { waiting.push(job); return; }
      var batch = job.items.slice(job.at, job.at + (index.sharded ? BATCH : job.items.length)), pis = [], lis = [];
      for (var b = 0; b < batch.length; b++) { pis.push(batch[b].page); lis.push(item(job, batch[b])); }
      job.at += batch.length;
      if (index.sharded) {
        // The titles are shown now; the snippets once their pages' texts are loaded.
        index.need(pis, function () {
          for (var j = 0; j < batch.length; j++) { snippet(job, batch[j], lis[j]); }
          pump(job);
        });
        return;
      }
      for (b = 0; b < batch.length; b++) { snippet(job, batch[b], lis[b]); }
    }
  }
  function wake() {
    var w = waiting;
    waiting = [];
    for (var i = 0; i < w.length; i++) { pump(w[i]); }
  }
  if (root.addEventListener) {
    root.addEventListener('scroll', wake);
    root.addEventListener('resize', wake);
  }
  /* A result's item: its language, title link and module (the snippet comes after). */
  function item(job, result) {
    var index = job.index, found = job.found, p = index.pages[result.page];
    var li = document.createElement('li');
    li.className = 'search-result';
    if (p[3] || job.tag) { li.setAttribute('lang', p[3] || job.tag); }
    if (job.label) {
      var l = document.createElement('span');
      l.className = 'search-lang';
      l.textContent = job.label;
      li.appendChild(l);
    }
    var a = document.createElement('a');
    a.className = 'search-link';
    a.setAttribute('href', job.base + p[0]);
    marked(a, p[1], index.lang, index.n, found.terms);
    li.appendChild(a);
    var module = p[2] >= 0 ? index.modules[p[2]] : '';
    if (module && module !== p[1]) {
      var m = document.createElement('span');
      m.className = 'search-module';
      m.textContent = module;
      li.appendChild(m);
    }
    job.ol.appendChild(li);
    return li;
  }
  /* The result's snippet, and the link to its place in the page. */
  function snippet(job, result, li) {
    var index = job.index, found = job.found, p = index.pages[result.page];
    var snip = index.snippet(result.page, found, result);
    if (!snip) { return; }
    if (snip.anchor) { li.querySelector('.search-link').setAttribute('href', job.base + p[0] + '#' + snip.anchor); }
    var para = document.createElement('p');
    para.className = 'search-snippet';
    marked(para, snip.text, index.lang, index.n, found.terms);
    li.appendChild(para);
  }

  var index = new Index(root.DARSLIK_SEARCH);
  // For benches/device.mjs: the index is ready (a sharded one: its head).
  if (root.performance && root.performance.mark) { root.performance.mark('darslik-search-ready'); }
  var counts = strings.results || [];
  var more = box.querySelector('[data-search-more]');
  var asked = param('all') === '1';
  var page = api.page = {
    box: box, list: list, index: index, query: query, count: 0, asked: asked, show: show, fill: fill, wake: wake,
    message: function (n, q) { return n ? fill(counts[Math.min(n, counts.length - 1)], q) : fill(strings.none, q); },
    announce: function (text) {
      // Filled after load, so screen readers announce it.
      root.setTimeout(function () { status.textContent = text; }, 100);
    },
    offer: function () {
      if (!more || !box.querySelector('[data-lang]')) { return; }
      more.querySelector('a').setAttribute('href', 'search.html?q=' + encodeURIComponent(query) + '&all=1');
      more.hidden = false;
    }
  };
  index.find(query, function (found) {
    var count = page.count = show(list, index, found, '', '', '');
    list.hidden = count === 0;
    /* No result, or &all=1: search-more.js tries the other Uzbek alphabet and the other locales. */
    if (!count || asked) {
      var s = document.createElement('script');
      s.onerror = function () { page.announce(page.message(count, query)); };
      s.src = box.getAttribute('data-more');
      document.body.appendChild(s);
      return;
    }
    if (count < 3) { page.offer(); }
    page.announce(page.message(count, query));
  });
})(this);
