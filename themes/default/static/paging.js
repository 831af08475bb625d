/* darslik module documents: one file holds every page of a module (and, in a
   multilingual SCORM package, every locale). Shows one page at a time, keeps
   the place, switches language without leaving the document (so an LMS
   session stays open). ES5, no network. Without JS every page is shown.

   A page turn touches the old page and the new one, their two links in the
   contents and the pager: nothing in it grows with the module's page count
   (a 100-page document on a slow phone turns a page as fast as a 3-page one).
   Until this script has run, a one-line script at the top of the body has put
   "doc-js" on the body, and doc.css shows only the first page of each
   locale: the others are neither laid out nor painted before the first paint.
   Here every other page gets the hidden attribute and "doc-js" becomes
   "doc-paged"; if this script never runs, the body's load handler takes
   "doc-js" away again and every page is shown, as without JS. */
(function () {
  'use strict';
  var doc = document;
  var body = doc.body;
  if (body.getAttribute('data-kind') !== 'module-doc') { return; }
  function each(list, fn) { for (var i = 0; i < list.length; i++) { fn(list[i], i); } }
  function hasClass(el, cls) { return (' ' + el.className + ' ').indexOf(' ' + cls + ' ') >= 0; }
  function closest(el, cls) {
    while (el && el.nodeType === 1) {
      if (hasClass(el, cls)) { return el; }
      el = el.parentNode;
    }
    return null;
  }
  function hide(el, yes) {
    if (!el || el.hasAttribute('hidden') === yes) { return; }
    if (yes) { el.setAttribute('hidden', ''); } else { el.removeAttribute('hidden'); }
  }
  var locales = doc.querySelectorAll('.doc-locale');
  if (!locales.length) { return; }
  var progress = window.darslikProgress;
  var state = progress ? progress.state() : {};
  var listeners = [];
  /* Per locale, made once when it is first shown: its pages, their links in
     the contents, the pager and its texts, the page shown in it. */
  var parts = [];
  var current = null;

  function part(loc) {
    for (var k = 0; k < parts.length; k++) { if (parts[k].el === loc) { return parts[k]; } }
    var p = { el: loc, tag: loc.getAttribute('data-locale'), pages: [], links: [], shown: -1, end: hasClass(loc, 'at-end') };
    each(loc.querySelectorAll('.doc-page'), function (s) { p.pages.push(s); });
    each(loc.querySelectorAll('[data-doc-page]'), function (a) {
      var j = parseInt(a.getAttribute('data-doc-page'), 10);
      if (j >= 0) { (p.links[j] = p.links[j] || []).push(a); }
      if (a.getAttribute('aria-current')) { a.removeAttribute('aria-current'); }
    });
    var strings = loc.querySelector('script.doc-strings');
    try { p.positions = JSON.parse(strings.textContent); } catch (e) { p.positions = []; }
    p.pager = loc.querySelector('.doc-pager');
    if (p.pager) {
      p.prev = p.pager.querySelector('.pager-prev');
      p.next = p.pager.querySelector('.pager-next');
      p.position = p.pager.querySelector('.doc-position');
    }
    /* Every page hidden once; from now on only a page turn's two change. */
    each(p.pages, function (s) { hide(s, true); });
    parts.push(p);
    return p;
  }
  function localeEl(tag) {
    for (var i = 0; i < locales.length; i++) {
      if (locales[i].getAttribute('data-locale') === tag) { return locales[i]; }
    }
    return null;
  }
  function indexOf(page) {
    var j = parseInt(page.getAttribute('data-index'), 10);
    return j >= 0 ? j : 0;
  }
  function links(p, i, on) {
    each(p.links[i] || [], function (a) {
      if (on) { a.setAttribute('aria-current', 'page'); } else { a.removeAttribute('aria-current'); }
    });
  }

  /* The next page is laid out while the learner reads this one, still
     hidden (doc.css: .doc-ahead, no height, not visible, [hidden] kept):
     Next then shows a page whose text is shaped and broken into lines. */
  var ready = null, timer = null, cued = null;
  function ahead(page) {
    if (ready === page) { return; }
    if (ready) { ready.className = ready.className.replace(/\s*doc-ahead/g, ''); }
    ready = page;
    if (page) { page.className += ' doc-ahead'; }
  }
  function later(p, j) {
    var idle = window.requestIdleCallback;
    if (timer !== null) { if (idle) { window.cancelIdleCallback(timer); } else { clearTimeout(timer); } }
    var run = function () {
      timer = null;
      if (current === p && p.shown === j - 1 && p.pages[j]) {
        ahead(p.pages[j]);
        /* Its tables' hints too, at the next idle moment (it is laid out
           by then: measuring it costs no layout of its own). */
        var page = p.pages[j];
        if (window.darslikTables) {
          timer = (idle || setTimeout)(function () {
            timer = null;
            if (ready === page) { window.darslikTables.cue(page); cued = page; }
          }, idle ? { timeout: 2000 } : 300);
        }
      }
    };
    timer = idle ? idle(run, { timeout: 2000 }) : setTimeout(run, 300);
  }

  function show(loc, i, focus) {
    var p = part(loc);
    var n = p.pages.length;
    if (!n) { return; }
    if (i < 0) { i = 0; }
    if (i >= n) { i = n - 1; }
    var changed = p !== current || i !== p.shown;
    if (p !== current) {
      if (current) { hide(current.el, true); } else { each(locales, function (l) { hide(l, l !== loc); }); }
      hide(loc, false);
      current = p;
    }
    if (i !== p.shown) {
      if (p.shown >= 0) { hide(p.pages[p.shown], true); links(p, p.shown, false); }
      ahead(null);
      hide(p.pages[i], false);
      links(p, i, true);
      p.shown = i;
    }
    var last = i === n - 1;
    if (last !== p.end) {
      p.end = last;
      loc.className = loc.className.replace(/\s*at-end/g, '') + (last ? ' at-end' : '');
    }
    if (p.pager) {
      hide(p.pager, false);
      if (p.prev && p.prev.disabled !== (i === 0)) { p.prev.disabled = i === 0; }
      if (p.next && p.next.disabled !== last) { p.next.disabled = last; }
      var pos = p.positions[i] || '';
      if (p.position && p.position.textContent !== pos) { p.position.textContent = pos; }
    }
    var page = p.pages[i];
    var root = doc.documentElement;
    if (root.getAttribute('lang') !== p.tag) { root.setAttribute('lang', p.tag); }
    if (progress && progress.visit) { progress.visit(page.getAttribute('data-page'), p.tag); }
    if (changed || focus) {
      each(listeners, function (fn) { try { fn(api.position()); } catch (e) { /* ignore */ } });
    }
    later(p, i + 1);
    /* Last, after every change to the document: focus and scrolling lay it
       out, once, and nothing here changes it again before it is painted. */
    if (focus) {
      var h = page.querySelector('h1');
      if (h) {
        if (h.getAttribute('tabindex') !== '-1') { h.setAttribute('tabindex', '-1'); }
        /* No scroll to the heading first: the page starts at its top. */
        try { h.focus({ preventScroll: true }); } catch (e) { h.focus(); }
      }
      window.scrollTo(0, 0);
    }
    /* Its tables are measured (tables.js), unless that was done while it
       was laid out ahead: a wide one gets its scroll hint the first time
       its page is shown, just after the turn's frame, not in it. */
    if (window.darslikTables && page !== cued) {
      setTimeout(function () { if (p.pages[p.shown] === page) { window.darslikTables.cue(page); } }, 50);
    }
    cued = null;
  }

  var api = {
    position: function () {
      var p = current || part(locales[0]);
      var i = p.shown < 0 ? 0 : p.shown;
      return { locale: p.tag, index: i, count: p.pages.length,
        key: p.pages[i] ? p.pages[i].getAttribute('data-page') : null };
    },
    show: function (i) { show(current.el, i, false); },
    language: function (tag) { var l = localeEl(tag); if (l) { show(l, current.shown, false); } },
    locales: function () {
      var out = [];
      each(locales, function (l) { out.push(l.getAttribute('data-locale')); });
      return out;
    },
    onChange: function (fn) { listeners.push(fn); }
  };

  doc.addEventListener('click', function (ev) {
    var t = ev.target;
    var step = t && t.closest ? t.closest('[data-doc-step]') : null;
    if (step) {
      show(current.el, current.shown + parseInt(step.getAttribute('data-doc-step'), 10), true);
      return;
    }
    var a = t && t.closest ? t.closest('a') : null;
    if (!a) { return; }
    var lang = a.getAttribute('data-doc-lang');
    if (lang) {
      ev.preventDefault();
      var l = localeEl(lang);
      if (l) {
        show(l, current.shown, false);
        var sw = l.querySelector('.lang-switch [aria-current]');
        if (sw) { sw.setAttribute('tabindex', '-1'); sw.focus(); }
      }
      return;
    }
    var href = a.getAttribute('href') || '';
    if (href.charAt(0) !== '#' || href.length < 2) { return; }
    var target = doc.getElementById(decodeURIComponent(href.slice(1)));
    if (!target) { return; }
    var page = closest(target, 'doc-page');
    var loc = closest(target, 'doc-locale');
    if (!page || !loc) { return; }
    ev.preventDefault();
    show(loc, indexOf(page), target === page);
    if (target !== page) { target.scrollIntoView(); }
  }, false);

  // The contents are open beside the page on wide screens, a menu on phones.
  if (window.matchMedia) {
    var wide = window.matchMedia('(min-width: 60rem)');
    var syncToc = function () {
      if (!wide.matches) { return; }
      each(doc.querySelectorAll('details.doc-toc'), function (d) { d.setAttribute('open', ''); });
    };
    syncToc();
    if (wide.addListener) { wide.addListener(syncToc); }
  }

  // Start where the learner left off (or at the page the address names).
  var start = localeEl(state.lang) || locales[0];
  var startIndex = 0;
  var sub = null;
  if (state.last) {
    each(start.querySelectorAll('.doc-page'), function (s) {
      if (s.getAttribute('data-page') === state.last) { startIndex = indexOf(s); }
    });
  }
  if (window.location.hash.length > 1) {
    var el = null;
    try { el = doc.getElementById(decodeURIComponent(window.location.hash.slice(1))); } catch (e) { /* a bad address */ }
    var pg = el && closest(el, 'doc-page');
    var lo = el && closest(el, 'doc-locale');
    if (pg && lo) {
      start = lo;
      startIndex = indexOf(pg);
      if (el !== pg) { sub = el; }
    }
  }
  window.darslikDoc = api;
  show(start, startIndex, false);
  body.className = body.className.replace(/(^|\s)doc-js(?=\s|$)/g, '') + ' doc-paged';
  /* A place inside the page the address names: it is laid out only now. */
  if (sub && sub.scrollIntoView) { sub.scrollIntoView(); }
})();
