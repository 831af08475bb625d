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
    // First visit: pick from the browser's languages; later visits: the remembered choice.
    if (window.location.hash !== '#choose') {
      var available = {};
      for (var j = 0; j < links.length; j++) {
        available[links[j].getAttribute('data-lang').toLowerCase()] = links[j].getAttribute('href');
      }
      var wanted = [];
      var saved = load(KEY);
      if (saved) { wanted.push(saved); }
      var langs = navigator.languages || [navigator.language || ''];
      for (var k = 0; k < langs.length; k++) { wanted.push(langs[k]); }
      for (var w = 0; w < wanted.length; w++) {
        var tag = String(wanted[w]).toLowerCase();
        var target = available[tag] || available[tag.split('-')[0]];
        if (target && (saved || w < langs.length)) {
          window.location.replace(target);
          return;
        }
      }
    }
  } else if (here) {
    store(KEY, here);
  }

  // The table of contents is open on wide screens, a menu on phones.
  var toc = document.getElementById('toc');
  if (toc && window.matchMedia) {
    var wide = window.matchMedia('(min-width: 60rem)');
    var sync = function () { if (wide.matches) { toc.setAttribute('open', ''); } };
    sync();
    if (wide.addListener) { wide.addListener(sync); }
  }
})();
