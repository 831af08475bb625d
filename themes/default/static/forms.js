/* darslik question forms: reading, writing, keys and grading of the five
   question kinds (single, multiple, matching, ordering, short), shared by
   quiz.js (practice) and assess.js (graded). Plain ES5, no dependencies, no
   network; works in old browsers (no Math.imul, no String#normalize needed).
   Markup and key format: src/markdown/quiz (issue 19 contract, sections 2-4, 9).

   window.darslikForms = { read, write, key, unseal, grade, normalize, number,
                           mark, unmark, setup, lock, order, rng } */
(function () {
  'use strict';
  var doc = document;

  /* ---- small DOM helpers ---- */
  function each(list, fn) {
    for (var i = 0; i < list.length; i++) { fn(list[i], i); }
  }
  function has(el, c) {
    return (' ' + el.className + ' ').indexOf(' ' + c + ' ') >= 0;
  }
  function add(el, c) {
    if (!has(el, c)) { el.className = (el.className ? el.className + ' ' : '') + c; }
  }
  function rm(el, c) {
    if (!el.className) { return; }
    el.className = (' ' + el.className + ' ').replace(' ' + c + ' ', ' ').replace(/^\s+|\s+$/g, '');
  }
  function one(root, cls) {
    return root.querySelector('.' + cls);
  }
  /* Direct children of el with class c (the items of an ordering). */
  function kids(el, c) {
    var out = [];
    for (var n = el ? el.firstChild : null; n; n = n.nextSibling) {
      if (n.nodeType === 1 && has(n, c)) { out.push(n); }
    }
    return out;
  }
  /* The quiz block (.quiz) of a question. */
  function block(fs) {
    var el = fs.parentNode;
    while (el && el.nodeType === 1 && !has(el, 'quiz')) { el = el.parentNode; }
    return el && el.nodeType === 1 ? el : null;
  }
  function str(fs, attr) {
    var q = block(fs);
    return (q && q.getAttribute(attr)) || '';
  }
  function kindOf(fs) {
    return fs.getAttribute('data-kind') || 'single';
  }
  function int(s) {
    return /^-?\d+$/.test(String(s)) ? parseInt(s, 10) : null;
  }
  function isArray(v) {
    return Object.prototype.toString.call(v) === '[object Array]';
  }
  function choices(fs) {
    return fs.querySelectorAll('input[type=radio],input[type=checkbox]');
  }
  function labelOf(inp) {
    var el = inp.parentNode;
    while (el && el.tagName && el.tagName !== 'LABEL') { el = el.parentNode; }
    return el && el.tagName === 'LABEL' ? el : null;
  }
  /* The .quiz-pair rows of a matching question, in source order of the left items. */
  function pairs(fs) {
    var list = [];
    each(fs.querySelectorAll('.quiz-pair'), function (p) { list.push(p); });
    list.sort(function (a, b) {
      return (int(a.getAttribute('data-left')) || 0) - (int(b.getAttribute('data-left')) || 0);
    });
    return list;
  }
  function selectOf(pair) {
    return pair.querySelector('select');
  }
  function orderList(fs) {
    return one(fs, 'quiz-order');
  }
  function items(fs) {
    return kids(orderList(fs), 'quiz-item');
  }
  function shortInput(fs) {
    return fs.querySelector('.quiz-short input');
  }

  /* ---- 32-bit arithmetic, hashing, the keystream ---- */
  var imul = Math.imul || function (a, b) {
    var ah = (a >>> 16) & 0xffff, al = a & 0xffff;
    var bh = (b >>> 16) & 0xffff, bl = b & 0xffff;
    return ((al * bl) + ((((ah * bl + al * bh) & 0xffff) << 16) >>> 0)) | 0;
  };

  /* UTF-8 bytes of a string (surrogate pairs joined). */
  function utf8(s) {
    var out = [];
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
        var d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        }
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
  /* A string from UTF-8 bytes; throws on malformed input. */
  function fromUtf8(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) {
      s += '%' + (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return decodeURIComponent(s);
  }
  function fnv1a32(bytes) {
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }
  function rng(seed) {
    var a = seed | 0;
    return function () {
      a = (a + 0x6D2B79F5) | 0;
      var t = imul(a ^ (a >>> 15), 1 | a);
      t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (t ^ (t >>> 14)) >>> 0;
    };
  }
  /* Fisher-Yates from the end: for i = n-1 .. 1, swap i with r() % (i + 1). */
  function order(seed, n) {
    var r = rng(seed), out = [], i;
    for (i = 0; i < n; i++) { out.push(i); }
    for (i = n - 1; i > 0; i--) {
      var j = r() % (i + 1), t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  /* Bytes of base64url text (padding and line breaks ignored); null when malformed. */
  function unbase64(text) {
    var out = [], bits = 0, n = 0;
    text = String(text).replace(/[=\s]/g, '');
    for (var i = 0; i < text.length; i++) {
      var v = B64.indexOf(text.charAt(i));
      if (v < 0) {
        v = text.charAt(i) === '+' ? 62 : text.charAt(i) === '/' ? 63 : -1;
        if (v < 0) { return null; }
      }
      bits = (bits << 6) | v;
      n += 6;
      if (n >= 8) {
        n -= 8;
        out.push((bits >>> n) & 255);
        bits &= (1 << n) - 1;
      }
    }
    return out;
  }

  /* The key object sealed in `text` for question `qid` of the block sealed with `seal`. */
  function unseal(text, seal, qid) {
    var bytes = unbase64(text || '');
    if (!bytes || !bytes.length) { return null; }
    var r = rng(fnv1a32(utf8(String(seal) + '/' + String(qid)))), x = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (i % 4 === 0) { x = r(); }
      bytes[i] ^= (x >>> (8 * (i % 4))) & 255;
    }
    try {
      var k = JSON.parse(fromUtf8(bytes));
      return k && typeof k === 'object' && !isArray(k) ? k : null;
    } catch (e) {
      return null;
    }
  }

  /* ---- keys, responses, grading ---- */
  function numbers(s) {
    var out = [];
    each(String(s || '').split(','), function (p) {
      var v = int(p.replace(/^\s+|\s+$/g, ''));
      if (v !== null) { out.push(v); }
    });
    return out;
  }
  function key(fs) {
    var kind = kindOf(fs);
    var sealed = fs.getAttribute('data-key');
    if (sealed !== null) {
      var q = block(fs);
      return unseal(sealed, (q && q.getAttribute('data-seal')) || '', fs.getAttribute('data-qid') || '');
    }
    var a = fs.getAttribute('data-answer');
    if (a === null) { return null; }
    if (kind === 'single' || kind === 'multiple') {
      if (/^\s*\{/.test(a)) {
        try { return JSON.parse(a); } catch (e) { return null; }
      }
      return { a: numbers(a).sort(function (x, y) { return x - y; }) };
    }
    try {
      var k = JSON.parse(a);
      return k && typeof k === 'object' && !isArray(k) ? k : null;
    } catch (e2) {
      return null;
    }
  }

  var APOS = /[\u02bb\u02bc\u2018\u2019\u0060\u00b4\u02b9]/g;
  function normalize(s) {
    return String(s == null ? '' : s).toLowerCase()
      .replace(/^\s+|\s+$/g, '')
      .replace(/\s+/g, ' ')
      .replace(APOS, '\'')
      .replace(/\u0451/g, '\u0435');
  }
  function number(s) {
    var t = String(s == null ? '' : s).replace(/^\s+|\s+$/g, '').replace(/,/g, '.');
    return /^-?\d+(\.\d+)?$/.test(t) ? parseFloat(t) : null;
  }

  function read(fs) {
    var kind = kindOf(fs), out;
    if (kind === 'single') {
      out = null;
      each(choices(fs), function (inp) { if (inp.checked && out === null) { out = int(inp.value); } });
      return out;
    }
    if (kind === 'multiple') {
      out = [];
      each(choices(fs), function (inp) { if (inp.checked) { out.push(int(inp.value)); } });
      out.sort(function (x, y) { return x - y; });
      return out.length ? out : null;
    }
    if (kind === 'matching') {
      var any = false;
      out = [];
      each(pairs(fs), function (p) {
        var s = selectOf(p), v = s ? int(s.value) : null;
        if (v === null || v < 0) { v = -1; } else { any = true; }
        out.push(v);
      });
      return any ? out : null;
    }
    if (kind === 'ordering') {
      out = [];
      each(items(fs), function (li) { out.push(int(li.getAttribute('data-value'))); });
      return out.length ? out : null;
    }
    if (kind === 'short') {
      var inp = shortInput(fs);
      var v = inp ? String(inp.value).replace(/^\s+|\s+$/g, '').slice(0, 60) : '';
      return v === '' ? null : v;
    }
    return null;
  }

  /* Puts a response back into the widget; null or undefined empties it.
     Returns false when the response does not fit this question (nothing is
     changed then), true otherwise. */
  function write(fs, resp) {
    var kind = kindOf(fs), ok = true;
    var empty = resp === null || resp === undefined;
    if (kind === 'single' || kind === 'multiple') {
      var want = empty ? [] : isArray(resp) ? resp : [resp];
      var found = 0;
      each(choices(fs), function (inp) { if (indexOf(want, int(inp.value)) >= 0) { found++; } });
      if (!empty && want.length && !found) { return false; }
      each(choices(fs), function (inp) { inp.checked = indexOf(want, int(inp.value)) >= 0; });
      return true;
    }
    if (kind === 'matching') {
      var ps = pairs(fs);
      if (!empty && (!isArray(resp) || resp.length !== ps.length)) { return false; }
      var vals = [];
      each(ps, function (p, i) {
        var s = selectOf(p);
        var v = empty || resp[i] === null || resp[i] < 0 ? '' : String(resp[i]);
        var hit = v === '';
        if (s) { each(s.options, function (o) { if (o.value === v) { hit = true; } }); }
        if (!s || !hit) { ok = false; }
        vals.push(v);
      });
      if (!ok) { return false; }
      each(ps, function (p, i) {
        var s = selectOf(p);
        s.value = vals[i];
        chosen(p, s);
      });
      return true;
    }
    if (kind === 'ordering') {
      var list = orderList(fs), lis = items(fs), byValue = {}, seq = [];
      if (!list) { return false; }
      each(lis, function (li) { byValue[li.getAttribute('data-value')] = li; });
      if (empty) {
        each(lis, function (li) { seq.push(li); });
        seq.sort(function (a, b) { return int(a.getAttribute('data-value')) - int(b.getAttribute('data-value')); });
      } else {
        if (!isArray(resp) || resp.length !== lis.length) { return false; }
        var used = {};
        for (var i = 0; i < resp.length; i++) {
          var li = byValue[String(resp[i])];
          if (!li || used[resp[i]]) { return false; }
          used[resp[i]] = 1;
          seq.push(li);
        }
      }
      each(seq, function (li) { list.appendChild(li); });
      ends(fs);
      return true;
    }
    if (kind === 'short') {
      var inp = shortInput(fs);
      if (!inp) { return false; }
      if (!empty && typeof resp !== 'string' && typeof resp !== 'number') { return false; }
      inp.value = empty ? '' : String(resp).slice(0, 60);
      return true;
    }
    return false;
  }
  function indexOf(list, v) {
    for (var i = 0; i < list.length; i++) { if (list[i] === v) { return i; } }
    return -1;
  }

  function sameList(a, b) {
    if (!isArray(a) || !isArray(b) || a.length !== b.length) { return false; }
    for (var i = 0; i < a.length; i++) { if (a[i] !== b[i]) { return false; } }
    return true;
  }
  function grade(kind, resp, k) {
    if (!k || resp === null || resp === undefined) { return false; }
    var a = isArray(k.a) ? k.a : [];
    if (kind === 'single') {
      var v = isArray(resp) ? (resp.length === 1 ? resp[0] : null) : resp;
      return a.length > 0 && indexOf(a, v) >= 0;
    }
    if (kind === 'multiple') {
      var set = isArray(resp) ? resp.slice(0) : [resp];
      var want = a.slice(0);
      set.sort(function (x, y) { return x - y; });
      want.sort(function (x, y) { return x - y; });
      return want.length > 0 && sameList(set, want);
    }
    if (kind === 'matching' || kind === 'ordering') {
      return a.length > 0 && sameList(resp, a);
    }
    if (kind === 'short') {
      var t = isArray(k.t) ? k.t : [], r = isArray(k.r) ? k.r : [];
      if (indexOf(t, normalize(resp)) >= 0) { return true; }
      var n = number(resp);
      if (n === null) { return false; }
      for (var i = 0; i < r.length; i++) {
        if (isArray(r[i]) && n >= r[i][0] && n <= r[i][1]) { return true; }
      }
      return false;
    }
    return false;
  }

  /* ---- marks ---- */
  function markable(fs) {
    var out = [];
    each(fs.querySelectorAll('.quiz-opt, .quiz-pair, .quiz-item, .quiz-short'), function (el) { out.push(el); });
    return out;
  }
  function unmark(fs) {
    each(markable(fs), function (el) { rm(el, 'is-correct'); rm(el, 'is-wrong'); });
    each(fs.querySelectorAll('.quiz-right-answer'), function (p) { p.parentNode.removeChild(p); });
  }
  function textOf(el) {
    return el ? String(el.textContent || '').replace(/\s+/g, ' ').replace(/^\s+|\s+$/g, '') : '';
  }
  /* <p class="quiz-right-answer"><strong>label</strong> lines...</p>: in the
     question's live region when it has one (after the verdict, before an
     explanation), so that it is read out with the verdict; else after the
     options. */
  function rightAnswer(fs, label, lines) {
    var p = doc.createElement('p');
    p.className = 'quiz-right-answer';
    var b = doc.createElement('strong');
    b.className = 'quiz-right-label';
    b.appendChild(doc.createTextNode(label));
    p.appendChild(b);
    each(lines, function (line) {
      var s = doc.createElement('span');
      s.className = 'quiz-right-line';
      s.appendChild(doc.createTextNode(line));
      p.appendChild(doc.createTextNode(' '));
      p.appendChild(s);
    });
    var fb = one(fs, 'quiz-feedback'), opts = one(fs, 'quiz-options');
    if (fb) {
      var ex = one(fb, 'quiz-explanation');
      fb.insertBefore(p, ex || one(fb, 'quiz-announce'));
    } else if (opts && opts.parentNode) {
      opts.parentNode.insertBefore(p, opts.nextSibling);
    } else {
      fs.appendChild(p);
    }
    return p;
  }
  function mark(fs, resp, k, showKey) {
    unmark(fs);
    if (!k) { return; }
    var kind = kindOf(fs), a = isArray(k.a) ? k.a : [];
    if (kind === 'single' || kind === 'multiple') {
      var got = resp === null || resp === undefined ? [] : isArray(resp) ? resp : [resp];
      each(choices(fs), function (inp) {
        var l = labelOf(inp), v = int(inp.value);
        if (!l) { return; }
        var right = indexOf(a, v) >= 0, picked = indexOf(got, v) >= 0;
        if (picked) { add(l, right ? 'is-correct' : 'is-wrong'); } else if (showKey && right) { add(l, 'is-correct'); }
      });
      return;
    }
    var title = str(fs, 'data-right-answer') || 'Right answer';
    if (kind === 'matching') {
      var lines = [];
      each(pairs(fs), function (p, i) {
        var s = selectOf(p), want = a[i], v = isArray(resp) ? resp[i] : -1;
        add(p, v === want && v !== undefined ? 'is-correct' : 'is-wrong');
        var right = '';
        if (s) { each(s.options, function (o) { if (o.value !== '' && int(o.value) === want) { right = textOf(o); } }); }
        lines.push(textOf(one(p, 'quiz-left')) + ' \u2014 ' + right);
      });
      if (showKey) { rightAnswer(fs, title + ':', lines); }
      return;
    }
    if (kind === 'ordering') {
      var byValue = {}, seq = [];
      each(items(fs), function (li, i) {
        byValue[li.getAttribute('data-value')] = li;
        add(li, int(li.getAttribute('data-value')) === a[i] ? 'is-correct' : 'is-wrong');
      });
      each(a, function (v, i) { seq.push((i + 1) + '. ' + textOf(one(byValue[String(v)] || doc.createElement('span'), 'quiz-item-text'))); });
      if (showKey) { rightAnswer(fs, title + ':', seq); }
      return;
    }
    if (kind === 'short') {
      var box = one(fs, 'quiz-short');
      var ok = grade('short', resp, k);
      if (box) { add(box, ok ? 'is-correct' : 'is-wrong'); }
      if (showKey) {
        var shown = isArray(k.s) && k.s.length ? k.s : isArray(k.t) ? k.t : [];
        /* "Accepted answers:" in bold, the answers plain. */
        var tpl = str(fs, 'data-accepted') || 'Accepted answers: {answers}';
        var at = tpl.indexOf('{answers}');
        if (at < 0) {
          rightAnswer(fs, tpl, [shown.join(', ')]);
        } else {
          var p = rightAnswer(fs, tpl.slice(0, at).replace(/\s+$/, ''), [shown.join(', ') + tpl.slice(at + 9)]);
          add(p, 'quiz-accepted');
        }
      }
    }
  }

  /* ---- widgets ---- */
  function chosen(pair, s) {
    if (s.value === '') { add(pair, 'is-empty'); } else { rm(pair, 'is-empty'); }
  }
  /* The first item's Move up and the last item's Move down do nothing: disabled. */
  function ends(fs) {
    if (fs.getAttribute('data-forms-locked')) { return; }
    var lis = items(fs);
    each(lis, function (li, i) {
      var up = one(li, 'quiz-up'), down = one(li, 'quiz-down');
      if (up) { up.disabled = i === 0; }
      if (down) { down.disabled = i === lis.length - 1; }
    });
  }
  /* A visually hidden line of the question's live region for move announcements. */
  function announce(fs, text) {
    var fb = one(fs, 'quiz-feedback');
    if (!fb) { return; }
    var s = one(fb, 'quiz-announce');
    if (!s) {
      s = doc.createElement('span');
      s.className = 'quiz-announce';
      fb.appendChild(s);
    }
    /* The same words twice in a row are still announced. */
    s.textContent = text + (s.textContent === text ? '\u00a0' : '');
  }
  /* Builds the print-only list of a matching question's right-hand answers
     (a select prints as one box): lettered in the select's option order. */
  function printList(fs) {
    var m = one(fs, 'quiz-match'), s = fs.querySelector('.quiz-match select');
    if (!m || !s) { return; }
    var old = one(fs, 'quiz-match-list');
    var list = doc.createElement('ol');
    list.className = 'quiz-match-list';
    list.setAttribute('aria-hidden', 'true');
    each(s.options, function (o) {
      if (o.value === '') { return; }
      var li = doc.createElement('li');
      li.appendChild(doc.createTextNode(textOf(o)));
      list.appendChild(li);
    });
    if (old) { old.parentNode.replaceChild(list, old); } else { m.parentNode.insertBefore(list, m.nextSibling); }
  }
  function move(fs, li, by, btn, onChange) {
    var list = orderList(fs), lis = items(fs), i = indexOf(lis, li), j = i + by;
    if (i < 0 || j < 0 || j >= lis.length) { return; }
    if (by < 0) { list.insertBefore(li, lis[j]); } else { list.insertBefore(li, lis[j].nextSibling); }
    ends(fs);
    /* Focus stays on the same button of the moved item, or on its other
       button when the item reached an end. Moving a focused element out of
       the document blurs it in some browsers: focus it again in any case. */
    var target = btn;
    if (btn.disabled) { target = one(li, by < 0 ? 'quiz-down' : 'quiz-up') || btn; }
    try { target.focus(); } catch (e) { /* old browser */ }
    var tpl = str(fs, 'data-moved') || '{position} / {total}';
    announce(fs, tpl.replace('{position}', String(j + 1)).replace('{total}', String(lis.length)));
    if (onChange) { onChange(fs); }
  }
  function setup(fs, onChange) {
    if (fs.getAttribute('data-forms-ready')) { return; }
    fs.setAttribute('data-forms-ready', '1');
    var kind = kindOf(fs);
    var changed = function () { if (onChange) { onChange(fs); } };
    if (kind === 'single' || kind === 'multiple') {
      each(choices(fs), function (inp) { inp.addEventListener('change', changed, false); });
    } else if (kind === 'matching') {
      each(pairs(fs), function (p) {
        var s = selectOf(p);
        if (!s) { return; }
        chosen(p, s);
        s.addEventListener('change', function () { chosen(p, s); changed(); }, false);
      });
      printList(fs);
    } else if (kind === 'ordering') {
      each(items(fs), function (li) {
        var box = one(li, 'quiz-move');
        if (box) { box.removeAttribute('hidden'); }
        each(li.querySelectorAll('button[data-move]'), function (b) {
          b.addEventListener('click', function () {
            var by = int(b.getAttribute('data-move')) || 0;
            var at = b.parentNode;
            while (at && !(at.nodeType === 1 && has(at, 'quiz-item'))) { at = at.parentNode; }
            if (at) { move(fs, at, by < 0 ? -1 : 1, b, onChange); }
          }, false);
        });
      });
      ends(fs);
    } else if (kind === 'short') {
      var inp = shortInput(fs);
      if (inp) { inp.addEventListener('input', changed, false); }
    }
  }
  function lock(fs, locked) {
    if (locked) { fs.setAttribute('data-forms-locked', '1'); } else { fs.removeAttribute('data-forms-locked'); }
    each(fs.querySelectorAll('input, select, button, textarea'), function (el) { el.disabled = !!locked; });
    if (!locked) { ends(fs); }
  }

  /* Before printing, the lists follow the options' current order. */
  if (window.addEventListener) {
    window.addEventListener('beforeprint', function () {
      each(doc.querySelectorAll('.quiz-q[data-forms-ready]'), function (fs) {
        if (kindOf(fs) === 'matching') { printList(fs); }
      });
    }, false);
  }

  window.darslikForms = {
    read: read,
    write: write,
    key: key,
    unseal: unseal,
    grade: grade,
    normalize: normalize,
    number: number,
    mark: mark,
    unmark: unmark,
    setup: setup,
    lock: lock,
    order: order,
    rng: rng
  };
}());
