/* darslik search, part two: loaded by search.js on search.html only when
   the locale has no result or the other languages are asked for (&all=1).
   An Uzbek query in the other alphabet is searched transliterated; then the
   other locales' indexes are loaded as scripts, one after another (each sets
   window.DARSLIK_SEARCH; file:// allows no fetch), and their matches listed
   with the language's name. ES5, no network. */
(function (root) {
  'use strict';
  var S = root.DarslikSearch, P = S && S.page;
  if (!P) { return; }

  /* Uzbek Latin <-> Cyrillic pairs (the first of a letter wins) for a query in the other alphabet. */
  var TL = {}, TC = {}, UZ_PAIRS = ('sh ш ch ч o\u02BB ў g\u02BB ғ yo ё yu ю ya я ts ц a а b б d д e е f ф g г ' +
    'h ҳ i и j ж k к l л m м n н o о p п q қ r р s с t т u у v в x х y й z з \u02BC ъ e э ye е').split(' ');
  for (var tp = 0; tp < UZ_PAIRS.length; tp += 2) {
    if (!TL[UZ_PAIRS[tp]]) { TL[UZ_PAIRS[tp]] = UZ_PAIRS[tp + 1]; }
    if (!TC[UZ_PAIRS[tp + 1]]) { TC[UZ_PAIRS[tp + 1]] = UZ_PAIRS[tp]; }
  }
  function translit(q, toCyr) {
    var s = '', out = '', i, c, low, m;
    for (i = 0; i < q.length; i++) {
      c = q.charAt(i);
      s += S.isApostrophe(c) ? (/[og]/i.test(q.charAt(i - 1)) ? '\u02BB' : '\u02BC') : c;
    }
    for (i = 0; i < s.length; i++) {
      c = s.charAt(i);
      low = c.toLowerCase();
      var two = s.substr(i, 2).toLowerCase(), start = !i || !S.isWordChar(s.charAt(i - 1));
      if (toCyr && two.length === 2 && TL[two]) { m = TL[two]; i++; }
      else if (start && low === (toCyr ? 'e' : '\u0435')) { m = toCyr ? '\u044D' : 'ye'; }
      else { m = (toCyr ? TL : TC)[low] || c; }
      out += c !== low ? m.charAt(0).toUpperCase() + m.slice(1) : m;
    }
    return out;
  }

  S.translit = translit;

  var index = P.index, query = P.query, box = P.box, mine = root.DARSLIK_SEARCH, count = P.count, said = query;
  var cyr = /[\u0400-\u04FF]/, cyrIndex = index.pages.length > 0 && cyr.test(index.pages[0][1]);
  var note = box.querySelector('[data-search-note]');
  if (!count && index.lang === 'uz' && note && (cyrIndex ? /[a-z]/i : cyr).test(query)) {
    var tq = translit(query, cyrIndex);
    index.find(tq, function (found) {
      count = P.show(P.list, index, found, '', '', '');
      if (count) {
        said = tq;
        P.list.hidden = false;
        note.textContent = P.fill(note.getAttribute('data-text'), tq);
        note.hidden = false;
      }
      others();
    });
  } else {
    others();
  }
  function others() {
    var message = P.message(count, said);
    var other = box.querySelector('[data-search-other]');
    var langs = other ? other.querySelectorAll('[data-lang]') : [];
    if (!langs.length || (count && !P.asked)) {
      if (count) { P.offer(); }
      P.announce(message);
      return;
    }
    var ol = other.querySelector('ol'), at = 0, total = 0;
    function next() {
      if (at >= langs.length) {
        root.DARSLIK_SEARCH = mine;
        if (!total && P.asked) {
          var none = document.createElement('p');
          none.textContent = other.getAttribute('data-none');
          other.replaceChild(none, ol);
        }
        other.hidden = !total && !P.asked;
        P.wake();
        P.announce(total && !count ? message + ' ' + other.getAttribute('data-found') : message);
        return;
      }
      var lang = langs[at++], tag = lang.getAttribute('data-lang'), s = document.createElement('script');
      root.DARSLIK_SEARCH = null;
      s.onload = s.onerror = function () {
        s.onload = s.onerror = null;
        var data = root.DARSLIK_SEARCH;
        s.parentNode.removeChild(s);
        if (!data || !data.p) { next(); return; }
        // A sharded index's shards are under its locale's folder.
        var ix = new S.Index(data, '../' + tag + '/');
        ix.find(query, function (found) {
          total += P.show(ol, ix, found, '../' + tag + '/', tag, lang.textContent);
          next();
        });
      };
      s.src = '../' + tag + '/search-index.js';
      document.body.appendChild(s);
    }
    next();
  }
})(this);
