/* darslik: language choice and small page helpers (a table's scroll hint is
   tables.js). ES5, no dependencies, works from file:// (no fetch, no
   modules). Content never depends on it. */
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
})();
