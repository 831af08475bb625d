/* darslik graded assessments: pre-test, post-test, graded pages. Plain ES5,
 * no network. Markup and state: the issue 19 contract (.assess panel after the
 * page's last .quiz-graded block; state.tests[page] kept by progress.js).
 *
 * Every .quiz-graded question of a page is one assessment. Per attempt the
 * questions (within each block) and their options may be shuffled and N of
 * them drawn, all from one seed kept in the state, so a reload shows the same
 * attempt. Nothing is marked before Submit; after it the score is stored and
 * the inputs locked; the panel's data-review says what is shown of the key.
 *
 * After each submit: window.darslik.onSubmit(res). window.darslikAssess =
 * { state(page), reset() }. The widgets (read, write, key, grade, mark, lock,
 * order) are window.darslikForms (forms.js). */
(function () {
  'use strict';
  var doc = document;
  if (!doc.querySelectorAll) { return; }

  function each(list, fn) { for (var i = 0; i < list.length; i++) { fn(list[i], i); } }
  function has(el, c) { return (' ' + el.className + ' ').indexOf(' ' + c + ' ') >= 0; }
  function add(el, c) { if (!has(el, c)) { el.className = (el.className ? el.className + ' ' : '') + c; } }
  function rm(el, c) {
    el.className = (' ' + el.className + ' ').replace(' ' + c + ' ', ' ').replace(/^\s+|\s+$/g, '');
  }
  function hide(el, yes) { if (yes) { el.setAttribute('hidden', ''); } else { el.removeAttribute('hidden'); } }
  function closest(el, cls) {
    while (el && el.nodeType === 1) {
      if (has(el, cls)) { return el; }
      el = el.parentNode;
    }
    return null;
  }
  function kids(el, cls) {
    var out = [];
    each(el.querySelectorAll('.' + cls), function (k) { out.push(k); });
    return out;
  }
  function int(s, d) {
    var n = parseInt(s, 10);
    return isNaN(n) ? d : n;
  }
  /* "{n} of {max}" with the values of `vars`. */
  function fill(t, vars) {
    return String(t || '').replace(/\{(\w+)\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(vars, k) ? String(vars[k]) : m;
    });
  }
  function imul(a, b) {
    if (Math.imul) { return Math.imul(a, b); }
    var ah = (a >>> 16) & 0xffff, al = a & 0xffff, bh = (b >>> 16) & 0xffff, bl = b & 0xffff;
    return ((al * bl) + (((ah * bl + al * bh) << 16) >>> 0)) | 0;
  }
  /* fnv1a32 of a string's UTF-16 units: one seed per question, block, draw. */
  function mix(seed, tag) {
    var s = String(seed) + '/' + tag, h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = imul(h, 0x01000193) >>> 0; }
    return h;
  }
  function newSeed(old) {
    var s;
    do { s = Math.floor(Math.random() * 1073741824); } while (s === old);
    return s;
  }
  function forms() { return window.darslikForms || null; }
  function call(name, args, fallback) {
    var f = forms();
    if (!f || typeof f[name] !== 'function') { return fallback; }
    try { return f[name].apply(f, args); } catch (e) { return fallback; }
  }
  function order(seed, n) {
    var p = call('order', [seed, n], null);
    if (p && p.length === n) { return p; }
    p = [];
    for (var i = 0; i < n; i++) { p.push(i); }
    return p;
  }

  /* The state, from progress.js (which saves it); a page of its own without. */
  var own = { tests: {} };
  function tests() {
    var p = window.darslikProgress;
    var s = p && p.state ? p.state() : own;
    if (!s.tests || typeof s.tests !== 'object') { s.tests = {}; }
    return s.tests;
  }
  function save() {
    var p = window.darslikProgress;
    if (p && p.save) { p.save(); }
  }
  function stateOf(page, create) {
    var all = tests(), st = all[page];
    if (st && typeof st === 'object') {
      if (typeof st.seed !== 'number') { st.seed = newSeed(); }
      if (!st.att || typeof st.att.push !== 'function') { st.att = []; }
      if (!st.r || typeof st.r !== 'object') { st.r = {}; }
      st.done = !!st.done;
      return st;
    }
    if (!create) { return null; }
    st = all[page] = { seed: newSeed(), att: [], r: {}, done: false };
    save();
    return st;
  }

  /* One panel and the graded questions before it on its page. */
  function Assessment(panel) {
    var self = this;
    var root = closest(panel, 'doc-page') || doc;
    var a = function (n) { return panel.getAttribute('data-' + n); };
    self.panel = panel;
    self.page = a('assess');
    self.kind = a('assess-kind') || 'graded';
    self.attempts = Math.max(0, int(a('attempts'), 1));
    self.shuffle = a('shuffle') === '1';
    self.draw = Math.max(0, int(a('draw'), 0));
    self.review = a('review') || 'after-last-attempt';
    self.mastery = int(a('mastery'), 0);
    self.blocks = [];
    self.qs = [];
    each(root.querySelectorAll('.quiz-graded'), function (el) {
      var qs = [];
      each(el.querySelectorAll('.quiz-q'), function (fs) {
        if (closest(fs.parentNode, 'quiz-graded') !== el) { return; }
        qs.push(fs);
        self.qs.push(fs);
        fs.darslikItems = items(fs);
      });
      if (qs.length) {
        self.blocks.push({ el: el, qs: qs, after: qs[qs.length - 1].nextSibling });
      }
      add(el, 'quiz-js');
    });
    self.status = panel.querySelector('.assess-status');
    self.submit = panel.querySelector('.assess-submit');
    self.again = panel.querySelector('.assess-again');
    self.result = panel.querySelector('.assess-result');
    self.confirming = false;
  }

  /* The movable parts of a question in their build order: choice labels,
     matching rows, ordering items. */
  function items(fs) {
    var kind = fs.getAttribute('data-kind'), list;
    if (kind === 'matching') { list = kids(fs, 'quiz-pair'); } else if (kind === 'ordering') { list = kids(fs, 'quiz-item'); } else if (kind === 'single' || kind === 'multiple') { list = kids(fs, 'quiz-opt'); } else { list = []; }
    if (list.length < 2) { return null; }
    return { list: list, parent: list[0].parentNode, after: list[list.length - 1].nextSibling };
  }
  function place(parent, after, list) {
    each(list, function (el) {
      if (after && after.parentNode === parent) { parent.insertBefore(el, after); } else { parent.appendChild(el); }
    });
  }

  Assessment.prototype.t = function (name, vars) {
    return fill(this.panel.getAttribute('data-t-' + name), vars || {});
  };
  Assessment.prototype.state = function () { return stateOf(this.page, true); };
  Assessment.prototype.left = function (st) {
    return this.attempts === 0 || st.att.length < this.attempts;
  };
  /* Review: per-question marks, right answers and explanations now? */
  Assessment.prototype.detail = function (st) {
    if (!st.done || this.review === 'never') { return false; }
    return this.review === 'after-submit' || !this.left(st);
  };

  /* The questions of the attempt of `seed` in source order (draw), and the
     page arranged for it: question and option order, hidden undrawn ones,
     numbers 1..n in the order shown. */
  Assessment.prototype.arrange = function (seed) {
    var self = this, pool = self.qs.length, drawn = {};
    if (self.draw > 0 && self.draw < pool) {
      var p = order(mix(seed, 'draw'), pool);
      for (var i = 0; i < self.draw; i++) { drawn[p[i]] = true; }
    } else {
      for (var j = 0; j < pool; j++) { drawn[j] = true; }
    }
    var out = [];
    each(self.qs, function (fs, i) {
      fs.darslikDrawn = !!drawn[i];
      hide(fs, !drawn[i]);
      if (drawn[i]) { out.push(fs); }
      var it = fs.darslikItems;
      if (!it) { return; }
      var list = it.list;
      if (self.shuffle) {
        var perm = order(mix(seed, fs.getAttribute('data-qid')), list.length);
        list = [];
        each(perm, function (k) { list.push(it.list[k]); });
        if (fs.getAttribute('data-kind') === 'ordering') { list = notSolved(fs, list); }
      }
      place(it.parent, it.after, list);
    });
    each(self.blocks, function (b, bi) {
      var list = b.qs;
      if (self.shuffle) {
        var perm = order(mix(seed, 'block' + bi), list.length);
        list = [];
        each(perm, function (k) { list.push(b.qs[k]); });
      }
      place(b.el, b.after, list);
      var any = false;
      each(list, function (fs) { if (fs.darslikDrawn) { any = true; } });
      hide(b.el, !any);
    });
    var n = 0;
    each(self.blocks, function (b) {
      each(b.el.querySelectorAll('.quiz-q'), function (fs) {
        var num = fs.querySelector('.quiz-num');
        if (fs.darslikDrawn && num) { n++; num.textContent = n + '.'; }
      });
    });
    return out;
  };
  /* A shuffled ordering question never starts in the right order. */
  function notSolved(fs, list) {
    var key = call('key', [fs], null);
    if (!key || !key.a || key.a.length !== list.length) { return list; }
    for (var i = 0; i < list.length; i++) {
      if (String(key.a[i]) !== list[i].getAttribute('data-value')) { return list; }
    }
    var out = list.slice(1);
    out.push(list[0]);
    return out;
  }

  function feedback(fs) { return fs.querySelector('.quiz-feedback'); }
  function clearFeedback(fs) {
    var fb = feedback(fs);
    if (fb) {
      while (fb.firstChild) { fb.removeChild(fb.firstChild); }
      rm(fb, 'is-correct');
      rm(fb, 'is-wrong');
    }
    rm(fs, 'is-checked');
    call('unmark', [fs]);
  }
  /* Empty widgets: nothing chosen, no text, ordering as arranged. */
  function blank(fs) {
    each(fs.querySelectorAll('input'), function (inp) {
      if (inp.type === 'radio' || inp.type === 'checkbox') { inp.checked = false; } else { inp.value = ''; }
    });
    each(fs.querySelectorAll('select'), function (s) { s.selectedIndex = 0; });
  }
  function present(r) { return r !== null && r !== undefined; }

  /* The page as the state says: arrangement, answers, locks, marks, texts. */
  Assessment.prototype.render = function () {
    var self = this, st = self.state();
    var shown = self.arrange(st.seed);
    var locked = st.done || !self.left(st);
    var detail = self.detail(st);
    each(self.qs, function (fs) {
      if (!fs.darslikSetup) {
        fs.darslikSetup = true;
        call('setup', [fs, function (q) { self.changed(q || fs); }]);
      }
      clearFeedback(fs);
      blank(fs);
      var qid = fs.getAttribute('data-qid');
      if (fs.darslikDrawn && present(st.r[qid])) { call('write', [fs, st.r[qid]]); }
      call('lock', [fs, locked]);
      /* A submitted ordering keeps no dead Move buttons. */
      each(fs.querySelectorAll('.quiz-move'), function (m) { hide(m, locked); });
    });
    if (detail) {
      each(shown, function (fs) { self.reveal(fs, st.r[fs.getAttribute('data-qid')]); });
    }
    self.confirming = false;
    rm(self.panel, 'is-confirming');
    self.texts(st);
  };

  /* Marks, right answers and the explanation of one submitted question. */
  Assessment.prototype.reveal = function (fs, resp) {
    var key = call('key', [fs], null);
    if (!key) { return; }
    var r = present(resp) ? resp : null;
    var ok = r !== null && !!call('grade', [fs.getAttribute('data-kind'), r, key], false);
    call('mark', [fs, r, key, true]);
    add(fs, 'is-checked');
    var fb = feedback(fs);
    if (!fb) { return; }
    var v = doc.createElement('span');
    v.className = 'quiz-verdict';
    v.textContent = this.t(ok ? 'right' : 'wrong');
    fb.insertBefore(v, fb.firstChild);
    add(fb, ok ? 'is-correct' : 'is-wrong');
    if (key.e) {
      var ex = doc.createElement('div');
      ex.className = 'quiz-explanation';
      ex.innerHTML = key.e;
      fb.appendChild(ex);
    }
  };

  Assessment.prototype.attemptLine = function (n) {
    return this.attempts === 0 ? this.t('attempt-unlimited', { n: n }) : this.t('attempt', { n: n, max: this.attempts });
  };

  /* Status, result and buttons. */
  Assessment.prototype.texts = function (st) {
    var self = this, att = st.att, left = self.left(st);
    var status = [], result = [];
    var open = !st.done && left;
    if (open) {
      status.push(self.attemptLine(att.length + 1));
      status.push(self.t('open'));
      if (self.draw > 0 && self.draw < self.qs.length) { status.push(self.t('drawn', { n: self.draw, total: self.qs.length })); }
    } else if (!left && self.attempts > 1) {
      status.push(self.t('no-attempts', { max: self.attempts }));
    }
    if (att.length) {
      var best = Math.max.apply(Math, att);
      if (self.kind === 'pre-test') {
        if (att.length > 1) { each(att, function (s, i) { result.push(self.t('score', { n: i + 1, score: s })); }); }
        result.push(self.t('pre', { score: att[att.length - 1] }));
      } else {
        each(att, function (s, i) { result.push(self.t('score', { n: i + 1, score: s })); });
        if (self.attempts !== 1) { result.push(self.t('best', { score: best })); }
        var pass = best >= self.mastery;
        result.push({ text: self.t(pass ? 'passed' : 'failed', { score: best, mastery: self.mastery }),
          cls: 'assess-verdict ' + (pass ? 'is-passed' : 'is-failed') });
      }
      if (self.review === 'never') {
        result.push(self.t('review-never'));
      } else if (st.done && !self.detail(st)) {
        result.push(self.t('review-later'));
      }
    }
    if (self.status) { lines(self.status, status); }
    if (self.result) {
      while (self.result.firstChild) { self.result.removeChild(self.result.firstChild); }
      each(result, function (line) {
        var p = doc.createElement('p');
        p.textContent = typeof line === 'string' ? line : line.text;
        if (line.cls) { p.className = line.cls; }
        self.result.appendChild(p);
      });
      hide(self.result, !result.length);
      self.result.setAttribute('tabindex', '-1');
    }
    if (self.submit) {
      hide(self.submit, !open);
      self.submit.disabled = !open;
    }
    if (self.again) {
      var again = st.done && left;
      self.again.textContent = again ? self.t('again', { n: att.length + 1 }) : '';
      hide(self.again, !again);
      self.again.disabled = !again;
    }
  };

  /* Text lines in one element, separated by line breaks. */
  function lines(el, list) {
    while (el.firstChild) { el.removeChild(el.firstChild); }
    each(list, function (line, i) {
      if (i) { el.appendChild(doc.createElement('br')); }
      el.appendChild(doc.createTextNode(line));
    });
  }

  /* The drawn questions (source order) still without an answer. */
  Assessment.prototype.unanswered = function () {
    var n = 0;
    each(this.qs, function (fs) {
      if (fs.darslikDrawn && !present(call('read', [fs], null))) { n++; }
    });
    return n;
  };

  /* An answer changed: keep it, in every copy of the page (a multilingual
     module document holds one per locale). */
  Assessment.prototype.changed = function (fs) {
    var st = this.state();
    if (st.done || !this.left(st)) { return; }
    var qid = fs.getAttribute('data-qid');
    var r = call('read', [fs], null);
    if (typeof r === 'string' && r.length > 60) { r = r.slice(0, 60); }
    if (present(r)) { st.r[qid] = r; } else { delete st.r[qid]; }
    save();
    var self = this;
    each(twins(self), function (o) {
      each(o.qs, function (q) {
        /* Only the copies in other locales: rewriting the question being
           edited would move the caret and drop focus from a moved item. */
        if (q === fs || q.getAttribute('data-qid') !== qid) { return; }
        blank(q);
        if (present(r)) { call('write', [q, r]); }
      });
    });
    if (self.confirming) {
      self.confirming = false;
      rm(self.panel, 'is-confirming');
      self.texts(st);
    }
  };

  /* Submit: a first press asks (in the live status, with the number of
     questions left without an answer); the second press submits. */
  Assessment.prototype.ask = function () {
    var st = this.state();
    if (st.done || !this.left(st)) { this.render(); return; }
    if (!this.confirming) {
      this.confirming = true;
      add(this.panel, 'is-confirming');
      var n = this.unanswered(), msg = [];
      if (n > 0) { msg.push(this.t('unanswered', { count: n })); }
      msg.push(this.t('confirm'));
      if (this.status) { lines(this.status, msg); }
      return;
    }
    this.finish();
  };

  Assessment.prototype.finish = function () {
    var self = this, st = self.state();
    if (st.done || !self.left(st)) { self.render(); return; }
    var results = [], right = 0, n = 0, r = {};
    each(self.qs, function (fs) {
      if (!fs.darslikDrawn) { return; }
      n++;
      var qid = fs.getAttribute('data-qid'), kind = fs.getAttribute('data-kind');
      var resp = call('read', [fs], null);
      if (typeof resp === 'string' && resp.length > 60) { resp = resp.slice(0, 60); }
      var key = call('key', [fs], null);
      var ok = present(resp) && !!key && !!call('grade', [kind, resp, key], false);
      if (ok) { right++; }
      if (present(resp)) { r[qid] = resp; }
      results.push({ qid: qid, kind: kind, response: present(resp) ? resp : null, correct: ok, key: key });
    });
    var score = n ? Math.round(100 * right / n) : 0;
    st.r = r;
    st.done = true;
    st.att.push(score);
    save();
    each(twins(self), function (o) { o.render(); });
    var res = {
      page: self.page, kind: self.kind, attempt: st.att.length, score: score,
      best: Math.max.apply(Math, st.att), last: !self.left(st), results: results
    };
    var d = window.darslik;
    if (d && typeof d.onSubmit === 'function') {
      try { d.onSubmit(res); } catch (e) { /* a listener must not break the assessment */ }
    }
    if (self.result && !self.result.hasAttribute('hidden')) { self.result.focus(); }
  };

  Assessment.prototype.start = function () {
    var st = this.state();
    if (!st.done || !this.left(st)) { this.render(); return; }
    st.seed = newSeed(st.seed);
    st.r = {};
    st.done = false;
    save();
    var self = this;
    each(twins(self), function (o) { o.render(); });
    // The first question in the order shown.
    var first = null;
    each(self.blocks, function (b) {
      each(b.el.querySelectorAll('.quiz-q'), function (fs) {
        if (!first && fs.darslikDrawn) { first = fs; }
      });
    });
    var f = first && first.querySelector('input, select, button:not([hidden])');
    if (f && f.focus) { f.focus(); }
  };

  var list = [];
  function twins(a) {
    var out = [];
    each(list, function (o) { if (o.page === a.page) { out.push(o); } });
    return out;
  }

  function init() {
    each(doc.querySelectorAll('.assess[data-assess]'), function (panel) {
      if (panel.darslikAssess) { return; }
      var a = new Assessment(panel);
      panel.darslikAssess = a;
      if (!a.qs.length || !forms()) { return; }
      list.push(a);
      each(panel.querySelectorAll('.assess-nojs'), function (el) { hide(el, true); });
      /* The scores read before the buttons (and Tab goes from the result,
         which takes the focus after a submit, to "Start attempt n"). */
      if (a.result && a.submit && a.result.parentNode === a.submit.parentNode) {
        a.submit.parentNode.insertBefore(a.result, a.submit);
      }
      if (a.submit) { a.submit.addEventListener('click', function () { a.ask(); }, false); }
      if (a.again) { a.again.addEventListener('click', function () { a.start(); }, false); }
      a.render();
    });
  }

  window.darslikAssess = {
    /* The saved state of a test page (key without .md), or null. */
    state: function (page) { return stateOf(page, false); },
    /* Forgets every attempt of the tests of this document and starts over. */
    reset: function () {
      var all = tests();
      each(list, function (a) { delete all[a.page]; });
      save();
      each(list, function (a) { a.render(); });
      var p = window.darslikProgress;
      if (p && p.refresh) { p.refresh(); }
    }
  };

  init();
  if (doc.readyState === 'loading') { doc.addEventListener('DOMContentLoaded', init, false); }
}());
