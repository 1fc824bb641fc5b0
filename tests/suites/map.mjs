// map.mjs: the services map of the demo zone in headless chromium, and its
// open data.
//
// - /kaart/ at 375 px and 1280 px (screenshots in tests/artifacts/): no
//   sideways scrolling, the map drawn, no request leaves the site (also on
//   a service page and a filter page);
// - the keyboard: Tab reaches every marker, in the order of the list, each
//   with a visible name, with and without JavaScript;
// - the category filter (script) hides exactly the other markers and list
//   items; the static filter page shows the same without script;
// - /kaart/diensten.geojson: valid RFC 7946 structure, one feature per
//   service, coordinates [longitude, latitude] equal to the source files'
//   geo [latitude, longitude];
// - the optional tile layer on the fixture of tests/map/, with tiles asked
//   of the test's own server: the right tiles, laid under the right spot,
//   and zooming.
import { readFileSync, readdirSync, mkdtempSync, cpSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildSite, serve, launch, check, finish, artifact, recordRequests } from '../browser/lib.mjs';

// The services as the source files say, read here without the generator.
function sourceServices(dir) {
  return readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    const fm = text.split(/^---$/m)[1];
    const get = (k) => { const m = fm.match(new RegExp(`^${k}:\\s*(.*)$`, 'm')); return m ? m[1].trim() : null; };
    const geo = get('geo');
    const pair = geo ? geo.replace(/#.*$/, '').match(/^\[\s*([-\d.]+)\s*,\s*([-\d.]+)\s*\]/) : null;
    return { id: f.slice(0, -3), name: get('name'), category: get('category'), municipality: get('municipality'),
      geo: pair ? [Number(pair[1]), Number(pair[2])] : null };
  });
}

const services = sourceServices('content/services');
const withGeo = services.filter((s) => s.geo);
const root = buildSite('content');
const server = await serve(root);
const browser = await launch();

try {
  // ---- open data ----
  const gj = JSON.parse(readFileSync(join(root, 'kaart/diensten.geojson'), 'utf8'));
  check(gj.type === 'FeatureCollection' && Array.isArray(gj.features), 'diensten.geojson is a FeatureCollection');
  check(gj.features.length === services.length, `diensten.geojson has one feature per service (${services.length})`,
        gj.features.length);
  const shapeOk = gj.features.every((f) => f.type === 'Feature' && 'geometry' in f && f.properties &&
    (f.geometry === null || (f.geometry.type === 'Point' && f.geometry.coordinates.length === 2 &&
      f.geometry.coordinates.every((c) => typeof c === 'number'))) &&
    ['id', 'name', 'category', 'municipality', 'url'].every((k) => typeof f.properties[k] === 'string'));
  check(shapeOk, 'every feature: Point or null geometry, and id, name, category, municipality, url');
  let coordsOk = true, seen = 0;
  const detail = [];
  for (const s of services) {
    const f = gj.features.find((x) => x.properties.id === s.id);
    if (!f) { coordsOk = false; detail.push(`missing ${s.id}`); continue; }
    if (f.properties.name !== s.name || f.properties.category !== s.category ||
        f.properties.municipality !== s.municipality) { coordsOk = false; detail.push(`properties of ${s.id}`); }
    if (s.geo) {
      seen++;
      const [lon, lat] = f.geometry ? f.geometry.coordinates : [];
      if (lon !== s.geo[1] || lat !== s.geo[0]) { coordsOk = false; detail.push(`${s.id}: ${lon},${lat} vs geo ${s.geo}`); }
    } else if (f.geometry !== null) {
      coordsOk = false; detail.push(`${s.id} has no geo but a geometry`);
    }
  }
  check(coordsOk && seen === withGeo.length,
        'GeoJSON coordinates are [lon, lat] and equal the source geo [lat, lon]; properties match', detail.join('\n'));
  check(gj.features.every((f) => f.properties.url === `https://www.elzwe40.example/kaart/${f.properties.id}/`),
        'each feature links to its service page with an absolute URL');
  check(gj.features.every((f) => !f.geometry || (f.geometry.coordinates[0] > 2.5 && f.geometry.coordinates[0] < 3.6 &&
        f.geometry.coordinates[1] > 51 && f.geometry.coordinates[1] < 51.3)),
        'longitude first: every point is at about 3 E, 51 N');

  // ---- layout at two widths, and no request leaving the site ----
  for (const width of [375, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const requests = recordRequests(page);
    for (const path of ['/kaart/', '/kaart/ldc-de-kade/', '/kaart/soort/ldc/', '/kaart/gemeente/beernem/']) {
      const resp = await page.goto(server.url + path);
      check(resp && resp.ok(), `${width}px ${path} loads`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(overflow <= 0, `${width}px ${path}: no horizontal scrolling`, `overflow ${overflow}px`);
      const box = await page.evaluate(() => {
        const s = document.querySelector('svg.map-svg');
        const r = s && s.getBoundingClientRect();
        return r ? { w: r.width, h: r.height, ratio: r.width / r.height,
          vb: s.viewBox.baseVal.width / s.viewBox.baseVal.height } : null;
      });
      check(box && box.w > 200 && Math.abs(box.ratio - box.vb) < 0.02,
            `${width}px ${path}: the map is drawn at its own proportions`, JSON.stringify(box));
    }
    await page.goto(server.url + '/kaart/');
    await page.screenshot({ path: artifact(`map-${width}.png`), fullPage: true });
    await page.goto(server.url + '/kaart/ldc-de-kade/');
    await page.screenshot({ path: artifact(`map-service-${width}.png`), fullPage: true });
    const outside = requests.filter((u) => !u.startsWith(server.url));
    check(outside.length === 0, `${width}px: no request leaves the site`, outside.join('\n'));
    check(requests.some((u) => new URL(u).pathname === '/assets/map.js'), `${width}px: the map script is the site's own`);
    await page.close();
  }

  // ---- markers and the keyboard ----
  for (const js of [true, false]) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: js });
    const page = await ctx.newPage();
    const how = js ? 'with script' : 'without script';
    await page.goto(server.url + '/kaart/');
    const info = await page.evaluate(() => ({
      markers: [...document.querySelectorAll('svg.map-svg a.marker')].map((a) => ({
        id: a.dataset.id, name: a.getAttribute('aria-label'), href: a.getAttribute('href') })),
      list: [...document.querySelectorAll('.service-card')].map((li) => ({
        id: li.dataset.id, name: li.querySelector('.card-title a').textContent })),
    }));
    check(info.markers.length === withGeo.length,
          `${how}: ${info.markers.length} markers for ${withGeo.length} services with geo`);
    const listOrder = info.list.filter((l) => withGeo.some((s) => s.id === l.id)).map((l) => l.id);
    check(JSON.stringify(info.markers.map((m) => m.id)) === JSON.stringify(listOrder),
          `${how}: markers are in the order of the list`);
    check(info.markers.every((m) => { const l = info.list.find((x) => x.id === m.id);
      return l && m.name.startsWith(l.name + ' (') && m.href === `/kaart/${m.id}/`; }),
          `${how}: each marker links to its service and is named after it, with its category`);

    // What assistive technology gets: a named group of named links.
    const group = page.getByRole('group', { name: /^Kaart van de diensten, \d+ op de kaart/ });
    const groupLinks = await group.getByRole('link').count();
    check(groupLinks === withGeo.length, `${how}: the map is a named group of ${withGeo.length} links`, groupLinks);
    const kade = await group.getByRole('link', { name: 'Lokaal dienstencentrum De Kade (Lokaal dienstencentrum)', exact: true }).count();
    check(kade === 1, `${how}: a marker's accessible name is the service and its category`);

    // Tab from the last filter link: the next stops are the markers.
    await page.focus('.map-places li:last-child a');
    const reached = [];
    let labelShown = true, labelDetail = '';
    for (let i = 0; i < info.markers.length; i++) {
      await page.keyboard.press('Tab');
      const st = await page.evaluate(() => {
        const a = document.activeElement;
        const own = a.querySelector && a.querySelector('.marker-label');
        const tip = document.querySelector('.map-tip.is-shown');
        const shown = tip || own;
        const r = shown && shown.getBoundingClientRect();
        return { id: a.dataset ? a.dataset.id : null, cls: a.getAttribute('class'),
          text: shown ? shown.textContent : '', vis: shown ? getComputedStyle(shown).visibility : 'none',
          w: r ? r.width : 0, stroke: a.querySelector ? getComputedStyle(a.querySelector('.marker-shape')).strokeWidth : '' };
      });
      reached.push(st.id);
      if (!(st.vis === 'visible' && st.w > 10 && st.stroke === '3.5px') && labelShown) {
        labelShown = false;
        labelDetail = JSON.stringify(st);
      }
    }
    check(JSON.stringify(reached) === JSON.stringify(listOrder),
          `${how}: Tab reaches every marker, in list order`, `${reached.slice(0, 5)} ...`);
    check(labelShown, `${how}: a focused marker shows its name and a focus ring`, labelDetail);
    await page.keyboard.press('Tab');
    const after = await page.evaluate(() => document.activeElement.closest('.map-list') !== null);
    check(after, `${how}: after the last marker, Tab goes on into the list`);
    await ctx.close();
  }

  // ---- the category filter ----
  {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url + '/kaart/');
    await page.click('a[data-filter="category"][data-value="ldc"]');
    const st = await page.evaluate(() => {
      const shown = (el) => getComputedStyle(el).display !== 'none';
      return {
        url: location.pathname,
        markers: [...document.querySelectorAll('a.marker')].filter(shown).map((a) => a.dataset.category),
        hidden: [...document.querySelectorAll('a.marker')].filter((a) => !shown(a)).map((a) => a.dataset.category),
        cards: [...document.querySelectorAll('.service-card')].filter(shown).map((c) => c.dataset.category),
        current: document.querySelector('a[data-filter="category"][aria-current]').dataset.value,
        status: document.querySelector('.map-status').textContent,
        focusable: [...document.querySelectorAll('a.marker')].filter((a) => !shown(a)).every((a) => { a.focus(); return document.activeElement !== a; }),
      };
    });
    const ldc = services.filter((s) => s.category === 'ldc');
    check(st.url === '/kaart/', 'filter: the script filters in place');
    check(st.markers.length === ldc.filter((s) => s.geo).length && st.markers.every((c) => c === 'ldc'),
          `filter ldc: the ${ldc.filter((s) => s.geo).length} ldc markers stay`, JSON.stringify(st.markers));
    check(st.hidden.length === withGeo.length - st.markers.length && st.hidden.every((c) => c !== 'ldc'),
          'filter ldc: every other marker is hidden');
    check(st.focusable, 'filter ldc: hidden markers cannot take focus');
    check(st.cards.length === ldc.length && st.cards.every((c) => c === 'ldc'),
          'filter ldc: the list shows the same services', JSON.stringify(st.cards));
    check(st.current === 'ldc', 'filter ldc: the chosen filter is marked current');
    check(st.status.includes(`${ldc.length} van de ${services.length}`), 'filter ldc: the status line counts', st.status);
    // Then a municipality as well: both apply.
    await page.click('a[data-filter="municipality"][data-value="beernem"]');
    const both = await page.evaluate(() => [...document.querySelectorAll('.service-card')]
      .filter((c) => getComputedStyle(c).display !== 'none').map((c) => c.dataset.id));
    const want = services.filter((s) => s.category === 'ldc' && s.municipality === 'beernem').map((s) => s.id);
    check(JSON.stringify(both.sort()) === JSON.stringify(want.sort()), 'filter ldc + beernem: both apply', both.join(' '));
    const emptyHidden = await page.evaluate(() => [...document.querySelectorAll('section.municipality')]
      .filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.dataset.municipality));
    check(JSON.stringify(emptyHidden) === '["beernem"]', 'filter: sections left empty are hidden', emptyHidden.join(' '));
    await page.close();

    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const p2 = await ctx.newPage();
    await p2.goto(server.url + '/kaart/');
    await p2.click('a[data-filter="category"][data-value="ldc"]');
    const stat = await p2.evaluate(() => ({ url: location.pathname,
      markers: [...document.querySelectorAll('a.marker')].map((a) => a.dataset.category) }));
    check(stat.url === '/kaart/soort/ldc/' && stat.markers.length === ldc.filter((s) => s.geo).length &&
          stat.markers.every((c) => c === 'ldc'), 'without script the filter link opens the static page with the same markers');
    await ctx.close();
  }

  // ---- print ----
  {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url + '/kaart/');
    await page.emulateMedia({ media: 'print' });
    const pr = await page.evaluate(() => ({
      map: getComputedStyle(document.querySelector('figure.map')).display,
      legend: getComputedStyle(document.querySelector('.map-legend')).display,
      places: getComputedStyle(document.querySelectorAll('.map-filter')[1]).display,
      sticky: getComputedStyle(document.querySelector('figure.map')).position,
    }));
    check(pr.map !== 'none' && pr.legend !== 'none', 'print: the map and its legend are printed', JSON.stringify(pr));
    check(pr.places === 'none' && pr.sticky === 'static', 'print: the municipality filter is left out, the map is not sticky',
          JSON.stringify(pr));
    await page.close();
  }
  // ---- the optional tile layer (site.yaml map.tiles), on the fixture ----
  {
    const dir = mkdtempSync(join(tmpdir(), 'zs-map-tiles-'));
    const tileServer = await serve(join(dir, 'public'));
    cpSync('tests/map/site', join(dir, 'site'), { recursive: true });
    appendFileSync(join(dir, 'site', 'site.yaml'),
      `map: {tiles: "${tileServer.url}/tiles/{z}/{x}/{y}.png", attribution: "Tegels: testserver"}\n`);
    const zs = process.env.ZONESITE || 'build/release/zonesite';
    const b = spawnSync(zs, ['build', '-C', join(dir, 'site'), '-o', join(dir, 'public'), '--now', '2025-10-01'],
                        { encoding: 'utf8' });
    check(b.status === 0, 'tiles: the fixture with map.tiles builds', b.stderr);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests = recordRequests(page);
    await page.goto(tileServer.url + '/kaart/', { waitUntil: 'networkidle' });
    const tiles = () => requests.map((u) => u.match(/\/tiles\/(\d+)\/(\d+)\/(\d+)\.png$/)).filter(Boolean)
      .map((m) => m.slice(1).map(Number));
    const first = tiles();
    const z = first.length ? first[0][0] : -1;
    // The tile holding (0.5E, 60N), a-west's place, by the Web Mercator tile formulas.
    const n = 2 ** z, lat = 60 * Math.PI / 180;
    const tx = Math.floor((0.5 + 180) / 360 * n);
    const ty = Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
    check(first.length > 0 && first.every((t) => t[0] === z), `tiles: the script asks the zone's server for tiles at one zoom (${z})`,
          requests.join('\n'));
    check(first.some((t) => t[1] === tx && t[2] === ty), `tiles: among them ${z}/${tx}/${ty}, which holds 0.5E 60N`,
          first.map((t) => t.join('/')).join(' '));
    const aligned = await page.evaluate(([z, tx, ty]) => {
      const img = [...document.querySelectorAll('.map-tiles image')].find((i) => i.getAttribute('href').endsWith(`/${z}/${tx}/${ty}.png`));
      const m = document.querySelector('a.marker[data-id="a-west"] .marker-shape').getAttribute('d').match(/^M([\d.]+),([\d.]+)/);
      if (!img || !m) return null;
      const x = +img.getAttribute('x'), y = +img.getAttribute('y'), w = +img.getAttribute('width'), h = +img.getAttribute('height');
      return { inside: +m[1] >= x && +m[1] <= x + w && +m[2] >= y && +m[2] <= y + h, x, y, w, h, mx: +m[1], my: +m[2] };
    }, [z, tx, ty]);
    check(aligned && aligned.inside, 'tiles: that tile is laid where a-west\'s marker is drawn', JSON.stringify(aligned));
    const credit = await page.evaluate(() => (document.querySelector('.map-attribution') || {}).textContent);
    check(credit === 'Tegels: testserver', 'tiles: the credit is shown', credit);
    const before = await page.evaluate(() => document.querySelector('svg.map-svg').viewBox.baseVal.width);
    await page.click('.map-zoom button[aria-label="Inzoomen"]');
    await page.waitForLoadState('networkidle');
    const after = await page.evaluate(() => document.querySelector('svg.map-svg').viewBox.baseVal.width);
    check(Math.abs(after - before / 2) < 0.01, 'tiles: "Inzoomen" halves the view', `${before} -> ${after}`);
    check(tiles().some((t) => t[0] === z + 1), 'tiles: zoomed in, the next zoom level is asked for');
    const markers = await page.evaluate(() => document.querySelectorAll('a.marker[href]').length);
    check(markers === 4, 'tiles: the markers stay links');
    const outside = requests.filter((u) => !u.startsWith(tileServer.url));
    check(outside.length === 0, 'tiles: nothing is asked of any other host', outside.join('\n'));
    await page.close();
    tileServer.close();
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  await browser.close();
  server.close();
  finish();
}
