/*
 * map.js: enhancements of the services map (/kaart/).  Everything works
 * without it: the map is an SVG drawn at build time, each marker a link,
 * the filters are links to static filter pages.  With it:
 *
 * - the filter links of /kaart/ hide markers and list items together, in
 *   place, and a status line says how many services are shown;
 * - the name of a marker under the pointer or the keyboard focus is shown
 *   on top of every other marker (the CSS label can be covered by the
 *   markers drawn after it);
 * - when the zone switched on its own tile server (site.yaml map.tiles),
 *   tiles are laid under the outlines and the map can be zoomed and moved.
 *   Without that setting this script asks nothing of any server.
 */
(function () {
  'use strict';

  var SVGNS = 'http://www.w3.org/2000/svg';

  /* ---- filters ---- */

  function setupFilters(root) {
    var state = { category: '', municipality: '' };
    var status = root.querySelector('.map-status');
    var markers = root.querySelectorAll('a.marker');
    var cards = root.querySelectorAll('.service-card');
    var total = cards.length;

    function matches(el) {
      return (!state.category || el.getAttribute('data-category') === state.category) &&
        (!state.municipality || el.getAttribute('data-municipality') === state.municipality);
    }

    function hideEmpty(selector) {
      root.querySelectorAll(selector).forEach(function (group) {
        var any = group.querySelector('.service-card:not(.is-filtered)');
        group.classList.toggle('is-filtered', !any);
      });
    }

    function apply() {
      var shown = 0, names = [];
      var out = {};
      markers.forEach(function (m) {
        out[m.getAttribute('data-id')] = !matches(m);
        m.classList.toggle('is-filtered', !matches(m));
      });
      root.querySelectorAll('.map-leaders [data-id]').forEach(function (l) {
        l.classList.toggle('is-filtered', out[l.getAttribute('data-id')] === true);
      });
      cards.forEach(function (c) {
        var ok = matches(c);
        c.classList.toggle('is-filtered', !ok);
        if (ok) shown++;
      });
      hideEmpty('.service-group');
      hideEmpty('.municipality');
      root.querySelectorAll('a[data-filter]').forEach(function (a) {
        var on = state[a.getAttribute('data-filter')] === a.getAttribute('data-value');
        if (on) {
          a.setAttribute('aria-current', 'true');
          if (a.getAttribute('data-value')) names.push(a.textContent.replace(/\s*\(\d+\)\s*$/, '').trim());
        } else {
          a.removeAttribute('aria-current');
        }
      });
      if (status) {
        status.textContent = shown === total ? 'Alle ' + total + ' diensten worden getoond.' :
          shown + ' van de ' + total + ' diensten worden getoond (' + names.join(', ') + ').';
      }
    }

    root.addEventListener('click', function (ev) {
      var a = ev.target.closest('a[data-filter]');
      if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
      ev.preventDefault();
      var key = a.getAttribute('data-filter'), value = a.getAttribute('data-value');
      state[key] = state[key] === value ? '' : value;
      apply();
    });
  }

  /* ---- the label on top ---- */

  function setupTip(svg) {
    var tip = document.createElementNS(SVGNS, 'g');
    var box = document.createElementNS(SVGNS, 'rect');
    var text = document.createElementNS(SVGNS, 'text');
    tip.setAttribute('class', 'map-tip');
    tip.setAttribute('aria-hidden', 'true');
    box.setAttribute('rx', '4');
    tip.appendChild(box);
    tip.appendChild(text);
    svg.appendChild(tip);
    svg.classList.add('has-tip');

    function show(ev) {
      var m = ev.target.closest && ev.target.closest('a.marker');
      if (!m) return;
      var label = m.querySelector('.marker-label');
      ['x', 'y', 'text-anchor'].forEach(function (k) { text.setAttribute(k, label.getAttribute(k)); });
      text.textContent = label.textContent;
      tip.classList.add('is-shown');
      var b = text.getBBox();
      box.setAttribute('x', b.x - 6);
      box.setAttribute('y', b.y - 3);
      box.setAttribute('width', b.width + 12);
      box.setAttribute('height', b.height + 6);
    }
    function hide() { tip.classList.remove('is-shown'); }
    /* On the figure, not the SVG: Chromium makes an SVG element with a
     * focus listener focusable, which would add a stop to the Tab order. */
    var fig = svg.parentNode;
    fig.addEventListener('mouseover', show);
    fig.addEventListener('focusin', show);
    fig.addEventListener('mouseout', hide);
    fig.addEventListener('focusout', hide);
  }

  /* ---- optional tiles (site.yaml map.tiles) ---- */

  function setupTiles(fig, svg) {
    var template = fig.getAttribute('data-tiles');
    var x0 = parseFloat(svg.getAttribute('data-x0')), y1 = parseFloat(svg.getAttribute('data-y1'));
    var scale = parseFloat(svg.getAttribute('data-scale')), pad = parseFloat(svg.getAttribute('data-pad'));
    var home = svg.getAttribute('viewBox').split(/\s+/).map(Number);
    var view = home.slice();
    var layer = document.createElementNS(SVGNS, 'g');
    if (!(scale > 0)) return;
    layer.setAttribute('class', 'map-tiles');
    layer.setAttribute('aria-hidden', 'true');
    svg.insertBefore(layer, svg.firstChild);
    fig.classList.add('has-tiles');

    /* Web Mercator in degrees (see generator/map.h): tile corners to SVG units. */
    function lonOf(tx, n) { return tx / n * 360 - 180; }
    function yOf(ty, n) { return 180 - ty / n * 360; }
    function sx(lon) { return pad + (lon - x0) * scale; }
    function sy(y) { return pad + (y1 - y) * scale; }

    function draw() {
      var px = svg.getBoundingClientRect().width / view[2] || 1;
      var z = Math.max(0, Math.min(19, Math.round(Math.log2(360 * scale * px / 256))));
      var n = Math.pow(2, z);
      var lonL = x0 + (view[0] - pad) / scale, lonR = x0 + (view[0] + view[2] - pad) / scale;
      var yT = y1 - (view[1] - pad) / scale, yB = y1 - (view[1] + view[3] - pad) / scale;
      var txa = Math.floor((lonL + 180) / 360 * n), txb = Math.floor((lonR + 180) / 360 * n);
      var tya = Math.floor((180 - yT) / 360 * n), tyb = Math.floor((180 - yB) / 360 * n);
      layer.textContent = '';
      for (var tx = txa; tx <= txb; tx++) {
        for (var ty = tya; ty <= tyb; ty++) {
          if (tx < 0 || ty < 0 || tx >= n || ty >= n) continue;
          var img = document.createElementNS(SVGNS, 'image');
          img.setAttribute('href', template.replace('{z}', z).replace('{x}', tx).replace('{y}', ty));
          img.setAttribute('x', sx(lonOf(tx, n)));
          img.setAttribute('y', sy(yOf(ty, n)));
          img.setAttribute('width', sx(lonOf(tx + 1, n)) - sx(lonOf(tx, n)));
          img.setAttribute('height', sy(yOf(ty + 1, n)) - sy(yOf(ty, n)));
          layer.appendChild(img);
        }
      }
      svg.setAttribute('viewBox', view.join(' '));
    }

    function zoom(f) {
      var cx = view[0] + view[2] / 2, cy = view[1] + view[3] / 2;
      view[2] *= f; view[3] *= f;
      view[0] = cx - view[2] / 2; view[1] = cy - view[3] / 2;
      draw();
    }

    var bar = document.createElement('div');
    bar.className = 'map-zoom';
    [['+', 'Inzoomen', function () { zoom(0.5); }], ['−', 'Uitzoomen', function () { zoom(2); }],
     ['⟲', 'Hele zone tonen', function () { view = home.slice(); draw(); }]].forEach(function (b) {
      var btn = document.createElement('button');
      btn.type = 'button';
      btn.textContent = b[0];
      btn.setAttribute('aria-label', b[1]);
      btn.addEventListener('click', b[2]);
      bar.appendChild(btn);
    });
    fig.insertBefore(bar, svg);

    var drag = null;
    svg.addEventListener('pointerdown', function (ev) {
      if (ev.target.closest('a')) return;
      drag = { x: ev.clientX, y: ev.clientY, v: view.slice() };
      svg.setPointerCapture(ev.pointerId);
    });
    svg.addEventListener('pointermove', function (ev) {
      if (!drag) return;
      var k = view[2] / svg.getBoundingClientRect().width;
      view[0] = drag.v[0] - (ev.clientX - drag.x) * k;
      view[1] = drag.v[1] - (ev.clientY - drag.y) * k;
      svg.setAttribute('viewBox', view.join(' '));
    });
    svg.addEventListener('pointerup', function () { if (drag) { drag = null; draw(); } });

    if (fig.getAttribute('data-attribution')) {
      var credit = document.createElement('p');
      credit.className = 'map-attribution';
      credit.textContent = fig.getAttribute('data-attribution');
      fig.appendChild(credit);
    }
    draw();
  }

  function init() {
    document.querySelectorAll('[data-map-filter]').forEach(setupFilters);
    document.querySelectorAll('figure.map').forEach(function (fig) {
      var svg = fig.querySelector('svg.map-svg');
      if (!svg) return;
      setupTip(svg);
      if (fig.hasAttribute('data-tiles') && svg.hasAttribute('data-scale')) setupTiles(fig, svg);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
}());
