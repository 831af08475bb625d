/* darslik: language choice and small page helpers. ES5, no dependencies,
   works from file:// (no fetch, no modules). Content never depends on it. */
(function () {
  'use strict';
  var body = document.body;
  var course = body.getAttribute('data-course') || 'course';
  var KEY = 'darslik:' + course + ':lang';

  function store(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode */ }
  }
  function load(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  // Remember the language a reader picks.
  var links = document.querySelectorAll('a[data-lang]');
  for (var i = 0; i < links.length; i++) {
    links[i].addEventListener('click', function (ev) {
      store(KEY, ev.currentTarget.getAttribute('data-lang'));
    });
  }
  var here = body.getAttribute('data-locale');
  if (body.getAttribute('data-kind') === 'chooser') {
    // Later visits go to the remembered language (#choose: stay here). The
    // first visit shows the chooser with the browser's language suggested:
    // the reader confirms it, or picks another (uz and uz-Cyrl are two).
    var saved = load(KEY);
    var byTag = {};
    for (var j = 0; j < links.length; j++) {
      byTag[links[j].getAttribute('data-lang').toLowerCase()] = links[j];
    }
    if (saved && byTag[saved.toLowerCase()] && window.location.hash !== '#choose') {
      window.location.replace(byTag[saved.toLowerCase()].getAttribute('href'));
      return;
    }
    var langs = navigator.languages || [navigator.language || ''];
    var pick = null;
    for (var k = 0; k < langs.length && !pick; k++) {
      var tag = String(langs[k]).toLowerCase();
      // uz-Cyrl-UZ: uz-cyrl; uz-UZ, uz-Latn: uz
      pick = byTag[tag] || byTag[tag.split('-').slice(0, 2).join('-')] || byTag[tag.split('-')[0]];
    }
    if (pick) {
      pick.className += ' is-suggested';
      var note = pick.querySelector('.chooser-suggested');
      if (note) { note.hidden = false; }
      if (!saved && window.location.hash !== '#choose') { pick.focus(); }
    }
  } else if (here) {
    store(KEY, here);
  }

  // Closed on phones, open on wide screens: the table of contents, the
  // header's menu, "On this page".
  var opens = document.querySelectorAll('details.toc, details[data-wide-open]');
  if (opens.length && window.matchMedia) {
    var wide = window.matchMedia('(min-width: 60rem)');
    var sync = function () {
      if (!wide.matches) { return; }
      for (var d = 0; d < opens.length; d++) { opens[d].setAttribute('open', ''); }
    };
    sync();
    if (wide.addListener) { wide.addListener(sync); }
  }

  // A table wider than its box: a hint above it ("scroll sideways"), only
  // while it really overflows; .at-end once scrolled to its right edge.
  var wraps = document.querySelectorAll('.table-wrap');
  var hintText = (document.getElementById('main') || body).getAttribute('data-table-hint');
  function cue(w) {
    var over = w.scrollWidth > w.clientWidth + 1;
    var hint = w.previousSibling;
    if (!hint || hint.className !== 'table-hint') {
      if (!over || !hintText) { return; }
      hint = document.createElement('p');
      hint.className = 'table-hint';
      hint.setAttribute('aria-hidden', 'true');
      hint.appendChild(document.createTextNode(hintText));
      w.parentNode.insertBefore(hint, w);
    }
    hint.hidden = !over;
    w.className = w.className.replace(/ ?\b(is-scrollable|at-end)\b/g, '') +
      (over ? ' is-scrollable' : '') + (over && w.scrollLeft + w.clientWidth >= w.scrollWidth - 1 ? ' at-end' : '');
  }
  function cueAll() { for (var c = 0; c < wraps.length; c++) { cue(wraps[c]); } }
  if (wraps.length) {
    cueAll();
    var timer = null;
    window.addEventListener('resize', function () {
      clearTimeout(timer);
      timer = setTimeout(cueAll, 100);
    });
    for (var c = 0; c < wraps.length; c++) {
      wraps[c].addEventListener('scroll', function (ev) { cue(ev.currentTarget); });
    }
    // Tables in a <details> or shown later: measure again when opened.
    document.addEventListener('toggle', cueAll, true);
  }
})();
