// partners.js: filters the partner directory in place as you type.
//
// An enhancement only: without it the directory, its A-Z index and the
// static pages per municipality and per type work as they are.  The
// script adds a search box above the list; every word typed must occur
// in a partner's name, short name, type, cluster or municipalities.
// Accents and case are ignored the way the generator folds the
// data-search attribute of each card (collate.h): "Ältere" matches
// "altere".  Groups left empty are hidden and their counts follow.
(function () {
  'use strict';
  var root = document.querySelector('[data-partner-directory]');
  var slot = root && root.querySelector('[data-partner-filter]');
  if (!slot || !String.prototype.normalize) return;

  var LIGATURES = { 'æ': 'ae', 'œ': 'oe', 'ß': 'ss', 'ĳ': 'ij', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i' };

  function fold(text) {
    return text.toLowerCase()
      .replace(/[æœßĳøłđðþı]/g, function (c) { return LIGATURES[c]; })
      .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/['\u2018\u2019\u02bc\u00ad]/g, '')
      .replace(/[^a-z0-9\u0080-\uffff]+/g, ' ')
      .trim();
  }

  var items = Array.prototype.slice.call(root.querySelectorAll('[data-search]'));
  var cards = items.filter(function (el) { return el.classList.contains('partner-card'); });
  var groups = Array.prototype.slice.call(root.querySelectorAll('[data-group]'));

  var label = document.createElement('label');
  label.htmlFor = 'partner-zoek';
  label.textContent = 'Zoek een partner';
  var input = document.createElement('input');
  input.type = 'search';
  input.id = 'partner-zoek';
  input.autocomplete = 'off';
  input.setAttribute('aria-describedby', 'partner-zoek-uitleg');
  var hint = document.createElement('p');
  hint.id = 'partner-zoek-uitleg';
  hint.className = 'hint';
  hint.textContent = 'Op naam, soort, cluster of gemeente; de lijst past zich aan terwijl je typt.';
  var status = document.createElement('p');
  status.className = 'filter-status';
  status.setAttribute('role', 'status');
  slot.appendChild(label);
  slot.appendChild(input);
  slot.appendChild(hint);
  slot.appendChild(status);

  function apply() {
    var words = fold(input.value).split(' ').filter(Boolean);
    items.forEach(function (el) {
      var text = ' ' + el.getAttribute('data-search') + ' ';
      el.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
    });
    groups.forEach(function (g) {
      var shown = g.querySelectorAll('[data-search]:not([hidden])').length;
      var own = g.querySelector('[data-count]');
      if (own && own.closest('[data-group]') === g) own.textContent = shown;
      g.hidden = shown === 0;
    });
    var n = cards.filter(function (el) { return !el.hidden; }).length;
    if (!words.length) status.textContent = '';
    else if (n === 0) status.textContent = 'Geen partners gevonden. Probeer een ander woord, of kies een gemeente of soort hierboven.';
    else status.textContent = n + (n === 1 ? ' partner gevonden.' : ' partners gevonden.');
  }

  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(apply, 120);
  });
  var q = new URLSearchParams(location.search).get('zoek');
  if (q) {
    input.value = q;
    apply();
  }
})();
