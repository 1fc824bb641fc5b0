// search.js: the site search of /zoeken/, as you type.
//
// An enhancement only: without it /zoeken/ lists the calendar, directory
// and map facets, which need no script.  With it, the search box appears
// and looks what is typed up in the index the build wrote beside the page
// (index.json, see generator/render_search.c): no server, no request to
// any other host, and it keeps working when the site is copied elsewhere.
//
// Words are folded and stemmed with the rule of generator/search.h, step
// for step, with the same stop words: "Mantelzorgers" and "mantelzorger"
// meet, accents and case do not matter.  Every word typed must match a
// term of an item; the last word, while it is being typed (no space after
// it yet), may be the start of a term, so "mantelz" already finds the week
// van de mantelzorg.  Items whose title holds every word come first; the
// rest keep the index's order (upcoming activities, the plan, services,
// partners, pages, newsletters, past activities).
//
// ?q=... in the address fills the box and searches, so a search can be
// linked to, and the box's own form (GET) keeps that address up to date.
(function () {
  'use strict';
  var root = document.querySelector('[data-site-search]');
  if (!root || !window.fetch || !String.prototype.normalize) return;

  var SHOWN = 20; // results shown at first, and added by "Toon meer"
  var DELAY = 80; // ms of quiet typing before searching

  // ---- the rule of generator/search.h and search.c ----

  var LIGATURES = { 'æ': 'ae', 'ð': 'd', 'ø': 'o', 'þ': 'th', 'ß': 'ss', 'đ': 'd', 'ħ': 'h', 'ı': 'i',
    'ĳ': 'ij', 'ĸ': 'k', 'ŀ': 'l', 'ł': 'l', 'ŉ': 'n', 'ŋ': 'n', 'œ': 'oe', 'ŧ': 't', 'ſ': 's' };
  // Between words, as collate.c's classify(): ASCII and Latin-1
  // punctuation and symbols, general and CJK punctuation.
  var SEPARATORS = /[\u0000-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00bf\u2000-\u206f\u3000-\u303f]+/g;
  var STOP = {};
  ('aan al als bij dan dat de den der des deze die dit door een en er het hun in is je maar met ' +
   'naar nog of om ons onze ook op over s t te ten ter tot u uit uw van voor we wordt ze zich zijn')
    .split(' ').forEach(function (w) { STOP[w] = true; });
  var MIN_STEM = 3;

  function foldChar(c) {
    if (c >= 'A' && c <= 'Z') return c.toLowerCase();
    if (c === '\u00d7' || c === '\u00f7') return c; // × and ÷ are not letters
    var l = c.toLowerCase();
    return LIGATURES[l] || l.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }

  function fold(text) {
    return text.replace(/['\u2018\u2019\u02bc\u00ad\u0300-\u036f]/g, '')
      .replace(/[A-Z\u00c0-\u017f]/g, foldChar)
      .replace(SEPARATORS, ' ').trim();
  }

  function consonant(c) { return c >= 'a' && c <= 'z' && 'aeiouy'.indexOf(c) < 0; }

  function pluralS(w) {
    if (w.length < MIN_STEM + 1 || w.slice(-1) !== 's') return false;
    if (/(ers|els|jes|ies)$/.test(w)) return true;
    return 'aouy'.indexOf(w.charAt(w.length - 2)) >= 0;
  }

  function devoice(w) {
    var c = w.slice(-1);
    return c === 'z' ? w.slice(0, -1) + 's' : c === 'v' ? w.slice(0, -1) + 'f' : w;
  }

  function stem(w) {
    if (pluralS(w)) w = w.slice(0, -1);
    if (/heden$/.test(w) && w.length - 5 >= MIN_STEM) return w.slice(0, -5) + 'heid';
    if (/en$/.test(w) && w.length - 2 >= MIN_STEM) {
      w = w.slice(0, -2);
      var n = w.length;
      if (w.charAt(n - 1) === w.charAt(n - 2) && consonant(w.charAt(n - 1))) w = w.slice(0, -1);
      return devoice(w);
    }
    if (w.length > MIN_STEM && w.slice(-1) === 'e' && consonant(w.charAt(w.length - 2))) {
      return devoice(w.slice(0, -1));
    }
    return w;
  }

  function terms(text) {
    var f = fold(text);
    return f ? f.split(' ').filter(function (w) { return !STOP[w]; }).map(stem) : [];
  }

  // For the tests (tests/suites/search.mjs) and for a theme's own box.
  window.zonesiteSearch = { fold: fold, stem: stem, terms: terms };

  // ---- the query ----

  // {full: stems that must be terms, last: {word, stem} that may start
  // one}, or null when nothing searchable was typed.
  function parse(raw) {
    var f = fold(raw);
    if (!f) return null;
    var words = f.split(' ');
    var typing = !/\s$/.test(raw);
    var last = typing ? words.pop() : null;
    var full = words.filter(function (w) { return !STOP[w]; }).map(stem);
    // A stop word being typed is left out, unless it is all there is:
    // "de" may be the start of "dementie".
    if (last !== null && STOP[last] && (full.length || words.length)) last = null;
    if (!full.length && last === null) return null;
    return { full: full, last: last === null ? null : { word: last, stem: stem(last) } };
  }

  function startsTerm(t, last) {
    if (t.indexOf(last.stem) === 0 || t.indexOf(last.word) === 0) return true;
    // "less" on its way to "lessen" (term "les").
    return last.word.indexOf(t) === 0 &&
      (t.slice(-1) + 'en').indexOf(last.word.slice(t.length)) === 0;
  }

  function matches(list, q) {
    for (var i = 0; i < q.full.length; i++) if (list.indexOf(q.full[i]) < 0) return false;
    return !q.last || list.some(function (t) { return startsTerm(t, q.last); });
  }

  // ---- the page ----

  var form = root.querySelector('[data-search-form]');
  var input = form.querySelector('input[type="search"]');
  var status = root.querySelector('[data-search-status]');
  var results = root.querySelector('[data-search-results]');
  var more = root.querySelector('[data-search-more]');
  var browse = document.querySelector('[data-search-browse]');
  var nojs = document.querySelector('[data-search-nojs]');
  var index = null; // {kinds, items: [{k, t, u, d, w, terms}]}
  var failed = false;
  var found = [];
  var shown = 0;

  form.hidden = false;
  if (nojs) nojs.hidden = true;

  function item(it) {
    var li = document.createElement('li');
    li.className = 'search-result';
    var kind = document.createElement('span');
    kind.className = 'search-kind';
    kind.textContent = index.kinds[it.k] || it.k;
    var a = document.createElement('a');
    a.href = it.u;
    a.textContent = it.t;
    li.appendChild(kind);
    li.appendChild(a);
    if (it.d) {
      var d = document.createElement('span');
      d.className = 'search-meta';
      d.textContent = it.d;
      li.appendChild(d);
    }
    return li;
  }

  function showMore() {
    var end = Math.min(found.length, shown + SHOWN);
    for (; shown < end; shown++) results.appendChild(item(found[shown]));
    more.hidden = shown >= found.length;
  }

  function say(text) {
    status.textContent = text;
  }

  function run() {
    var raw = input.value;
    var q = parse(raw);
    results.textContent = '';
    found = [];
    shown = 0;
    more.hidden = true;
    if (failed) {
      say('De zoekfunctie kan haar gegevens niet laden. Blader hieronder per onderwerp.');
      return;
    }
    if (!q) {
      results.hidden = true;
      if (browse) browse.hidden = false;
      say(raw.trim() ? 'Typ een woord dat meer zegt dan "' + raw.trim() + '".' : '');
      return;
    }
    if (!index) {
      say('Even geduld: de zoekfunctie laadt.');
      return;
    }
    var first = [], rest = [];
    index.items.forEach(function (it) {
      if (!matches(it.terms, q)) return;
      if (!it.titleTerms) it.titleTerms = terms(it.t);
      (matches(it.titleTerms, q) ? first : rest).push(it);
    });
    found = first.concat(rest);
    results.hidden = found.length === 0;
    if (browse) browse.hidden = found.length > 0;
    showMore();
    if (!found.length) {
      say('Geen resultaten voor "' + raw.trim() + '". Probeer een ander woord, of blader hieronder per onderwerp.');
    } else {
      say(found.length + (found.length === 1 ? ' resultaat' : ' resultaten') +
          (found.length > shown ? ', de eerste ' + shown + ' staan hieronder.' : '.'));
    }
  }

  function remember() {
    var url = new URL(location.href);
    if (input.value.trim()) url.searchParams.set('q', input.value.trim());
    else url.searchParams.delete('q');
    history.replaceState(null, '', url.pathname + url.search);
  }

  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(); remember(); }, DELAY);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    run();
    remember();
  });
  more.querySelector('button').addEventListener('click', function () {
    var next = shown;
    showMore();
    var link = results.children[next] && results.children[next].querySelector('a');
    if (link) link.focus();
  });

  var q = new URLSearchParams(location.search).get('q');
  if (q) input.value = q;

  fetch(root.getAttribute('data-index'))
    .then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    })
    .then(function (data) {
      data.items.forEach(function (it) { it.terms = it.w ? it.w.split(' ') : []; });
      index = data;
      if (input.value) run();
    })
    .catch(function () {
      failed = true;
      if (input.value) run();
    });
})();
