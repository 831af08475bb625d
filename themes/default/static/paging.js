/* darslik module documents: one file holds every page of a module (and, in a
   multilingual SCORM package, every locale). Shows one page at a time, keeps
   the place, switches language without leaving the document (so an LMS
   session stays open). ES5, no network. Without JS every page is shown. */
(function () {
  'use strict';
  var doc = document;
  var body = doc.body;
  if (body.getAttribute('data-kind') !== 'module-doc') { return; }
  function each(list, fn) { for (var i = 0; i < list.length; i++) { fn(list[i], i); } }
  function closest(el, cls) {
    while (el && el.nodeType === 1) {
      if ((' ' + el.className + ' ').indexOf(' ' + cls + ' ') >= 0) { return el; }
      el = el.parentNode;
    }
    return null;
  }
  var locales = doc.querySelectorAll('.doc-locale');
  if (!locales.length) { return; }
  var progress = window.darslikProgress;
  var state = progress ? progress.state() : {};
  var current = locales[0];
  var index = 0;
  var listeners = [];

  function pages(loc) { return loc.querySelectorAll('.doc-page'); }
  function localeEl(tag) {
    for (var i = 0; i < locales.length; i++) {
      if (locales[i].getAttribute('data-locale') === tag) { return locales[i]; }
    }
    return null;
  }
  function positions(loc) {
    var el = loc.querySelector('script.doc-strings');
    try { return JSON.parse(el.textContent); } catch (e) { return []; }
  }

  function show(loc, i, focus) {
    var list = pages(loc);
    if (!list.length) { return; }
    if (i < 0) { i = 0; }
    if (i >= list.length) { i = list.length - 1; }
    each(locales, function (l) { if (l === loc) { l.removeAttribute('hidden'); } else { l.setAttribute('hidden', ''); } });
    each(list, function (p, j) { if (j === i) { p.removeAttribute('hidden'); } else { p.setAttribute('hidden', ''); } });
    var last = i === list.length - 1;
    loc.className = loc.className.replace(/\s*at-end/g, '') + (last ? ' at-end' : '');
    var pager = loc.querySelector('.doc-pager');
    if (pager) {
      pager.removeAttribute('hidden');
      pager.querySelector('.pager-prev').disabled = i === 0;
      pager.querySelector('.pager-next').disabled = last;
      var pos = positions(loc)[i];
      pager.querySelector('.doc-position').textContent = pos || '';
    }
    each(loc.querySelectorAll('[data-doc-page]'), function (a, j) {
      if (j === i) { a.setAttribute('aria-current', 'page'); } else { a.removeAttribute('aria-current'); }
    });
    var changed = loc !== current || i !== index;
    current = loc;
    index = i;
    var page = list[i];
    doc.documentElement.setAttribute('lang', loc.getAttribute('data-locale'));
    if (progress && progress.visit) { progress.visit(page.getAttribute('data-page'), loc.getAttribute('data-locale')); }
    if (focus) {
      var h = page.querySelector('h1');
      if (h) { h.setAttribute('tabindex', '-1'); h.focus(); }
      window.scrollTo(0, 0);
    }
    if (changed || focus) {
      each(listeners, function (fn) { try { fn(api.position()); } catch (e) { /* ignore */ } });
    }
  }

  var api = {
    position: function () {
      var list = pages(current);
      return { locale: current.getAttribute('data-locale'), index: index, count: list.length,
        key: list[index] ? list[index].getAttribute('data-page') : null };
    },
    show: function (i) { show(current, i, false); },
    language: function (tag) { var l = localeEl(tag); if (l) { show(l, index, false); } },
    locales: function () {
      var out = [];
      each(locales, function (l) { out.push(l.getAttribute('data-locale')); });
      return out;
    },
    onChange: function (fn) { listeners.push(fn); }
  };
  window.darslikDoc = api;

  doc.addEventListener('click', function (ev) {
    var t = ev.target;
    var step = t && t.closest ? t.closest('[data-doc-step]') : null;
    if (step) {
      show(current, index + parseInt(step.getAttribute('data-doc-step'), 10), true);
      return;
    }
    var a = t && t.closest ? t.closest('a') : null;
    if (!a) { return; }
    var lang = a.getAttribute('data-doc-lang');
    if (lang) {
      ev.preventDefault();
      var l = localeEl(lang);
      if (l) {
        show(l, index, false);
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
    var list = pages(loc);
    for (var i = 0; i < list.length; i++) {
      if (list[i] === page) {
        show(loc, i, target === page);
        if (target !== page) { target.scrollIntoView(); }
        break;
      }
    }
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
  var startList = pages(start);
  each(startList, function (p, j) { if (p.getAttribute('data-page') === state.last) { startIndex = j; } });
  if (window.location.hash.length > 1) {
    var el = doc.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    var p = el && closest(el, 'doc-page');
    var lo = el && closest(el, 'doc-locale');
    if (p && lo) {
      start = lo;
      each(pages(lo), function (x, j) { if (x === p) { startIndex = j; } });
    }
  }
  show(start, startIndex, false);
})();
