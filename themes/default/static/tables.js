/* darslik: a table wider than its box says so. Above it a hint ("scroll the
   table sideways", the text of the nearest data-table-hint) only while it
   really overflows, and .is-scrollable on its .table-wrap (the edge
   shadows are CSS only). Loaded only where the content has a table.
   Cued at load, after a resize, when a <details> opens, and in a module
   document for each page paging.js shows or lays out ahead (its pages are
   hidden, so not measurable, at load): window.darslikTables.cue(page). ES5. */
(function () {
  'use strict';
  var doc = document;
  if (!doc.querySelectorAll) { return; }
  function hintText(w) {
    for (var el = w.parentNode; el && el.getAttribute; el = el.parentNode) {
      var t = el.getAttribute('data-table-hint');
      if (t) { return t; }
    }
    return '';
  }
  function cue(w) {
    var over = w.scrollWidth > w.clientWidth + 1;
    var hint = w.previousSibling;
    if (!hint || hint.className !== 'table-hint') {
      var text = over ? hintText(w) : '';
      if (!text) { return; }
      hint = doc.createElement('p');
      hint.className = 'table-hint';
      hint.setAttribute('aria-hidden', 'true');
      hint.appendChild(doc.createTextNode(text));
      w.parentNode.insertBefore(hint, w);
    }
    if (hint.hidden !== !over) { hint.hidden = !over; }
    var cls = w.className.replace(/ ?\bis-scrollable\b/g, '') + (over ? ' is-scrollable' : '');
    if (cls !== w.className) { w.className = cls; }
  }
  function cueIn(root) {
    var wraps = (root || doc).querySelectorAll('.table-wrap');
    for (var i = 0; i < wraps.length; i++) { cue(wraps[i]); }
  }
  cueIn(doc);
  var timer = null;
  window.addEventListener('resize', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { cueIn(doc); }, 100);
  });
  // Tables in a <details>: measure again when it opens.
  doc.addEventListener('toggle', function () { cueIn(doc); }, true);
  window.darslikTables = { cue: cueIn };
})();
