// calendar.js: filters the upcoming list of /kalender/ in place.
//
// An enhancement only: without JavaScript the form stays hidden and the
// facet pages (/kalender/soort/..., /doelgroep/..., /gemeente/...) do the
// same job.  Each entry carries its ids in data-type, data-audience and
// data-municipality; a day, band or month whose entries are all hidden is
// hidden too, and a live region says how many activities remain.
(function () {
  'use strict';
  var form = document.querySelector('[data-cal-filter]');
  var list = document.querySelector('[data-cal-list]');
  if (!form || !list) return;
  var selects = Array.prototype.slice.call(form.querySelectorAll('[data-cal-facet]'));
  var status = form.querySelector('[data-cal-status]');
  var empty = document.querySelector('[data-cal-empty]');
  var entries = Array.prototype.slice.call(list.querySelectorAll('.cal-entry'));
  var groups = Array.prototype.slice.call(list.querySelectorAll('[data-cal-group]'));

  function matches(entry) {
    return selects.every(function (s) {
      var ids = (entry.getAttribute('data-' + s.getAttribute('data-cal-facet')) || '').split(' ');
      return !s.value || ids.indexOf(s.value) >= 0;
    });
  }

  function apply(announce) {
    var shown = {};
    var count = 0;
    entries.forEach(function (entry) {
      var ok = matches(entry);
      entry.hidden = !ok;
      // an item of several days is listed on each day: count it once
      var link = entry.querySelector('a');
      var key = link ? link.getAttribute('href') : '';
      if (ok && !shown[key]) {
        shown[key] = true;
        count++;
      }
    });
    // innermost groups first: a month is empty when its days and band are
    groups.slice().reverse().forEach(function (g) {
      g.hidden = !g.querySelector('.cal-entry:not([hidden])');
    });
    if (empty) empty.hidden = count > 0;
    if (announce && status) {
      status.textContent = count === 0 ? 'Geen activiteiten voor deze keuze.' :
        count === 1 ? '1 activiteit.' : count + ' activiteiten.';
    }
  }

  form.hidden = false;
  form.addEventListener('change', function () { apply(true); });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  // a browser that restores the selects on "back" restores the filter too
  if (selects.some(function (s) { return s.value; })) apply(false);
})();
