// formats: every machine-readable file of the demo build, read back by a
// parser that is not ours, then checked against its format's rules.
//
//   JSON-LD   each <script type="application/ld+json"> block: JSON.parse,
//             an object (or @graph) with @context (schema.org) and @type;
//   sitemap   sitemap.xml: xml.etree (Python), the sitemaps.org schema's
//             shape, absolute <loc>s under base_url, no duplicates;
//   Atom      any .xml whose root is an Atom feed (RFC 4287): id, title,
//             updated (RFC 3339) on the feed and each entry, unique ids;
//   iCalendar .ics: ical.js, plus RFC 5545's own rules ical.js forgives
//             (CRLF, lines of at most 75 octets, UID, DTSTAMP, DTSTART,
//             DTEND not before DTSTART, unique UIDs);
//   GeoJSON   .geojson: JSON.parse, RFC 7946's structure, positions
//             [longitude, latitude] in range, closed rings; the demo zone
//             lies in Belgium, which catches swapped coordinates;
//   vCard     .vcf: ical.js's vCard parser, VERSION and FN present;
//   CSV       .csv: Python's csv module in strict mode, a header row with
//             unique names, every row as wide as the header.
// Each file (each JSON-LD page) is a check.  A kind the build does not
// produce yet prints "# none yet" and counts nothing: finding nothing is
// never a pass.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import ICAL from 'ical.js';
import { buildSite, check, finish } from '../browser/lib.mjs';
import { walk, tokenize, baseUrlOf, removeTemp } from '../tools/site-files.mjs';

const SITE = 'content';
const PYTHON = process.env.PYTHON || 'python3';
const ATOM = '{http://www.w3.org/2005/Atom}';
const SITEMAP = '{http://www.sitemaps.org/schemas/sitemap/0.9}';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const W3CDATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
// Belgium with a margin: longitude 2.4..6.5 east, latitude 49.4..51.6 north.
const BELGIUM = { lon: [2.4, 6.5], lat: [49.4, 51.6] };

const root = buildSite(SITE);
const base = baseUrlOf(SITE);
const files = walk(root);
const counts = {};
const none = [];

function kind(name, list, fn) {
  counts[name] = list.length;
  if (list.length === 0) {
    none.push(name);
    console.log(`# note: ${name}: none in the demo build yet, nothing checked`);
    return;
  }
  for (const f of list) {
    let problems;
    try { problems = fn(f); } catch (e) { problems = [`${e.message}`]; }
    check(problems.length === 0, `${name}: ${f}`, problems.slice(0, 20).join('\n'));
  }
}

const text = (f) => readFileSync(join(root, f), 'utf8');
const children = (el, tag) => el.children.filter((c) => c.tag === tag);
const child = (el, tag) => children(el, tag)[0];

// ---- XML and CSV, parsed by Python ----
const xmlFiles = files.filter((f) => f.endsWith('.xml'));
const csvFiles = files.filter((f) => f.endsWith('.csv'));
let parsed = {};
if (xmlFiles.length + csvFiles.length) {
  const r = spawnSync(PYTHON, ['tests/tools/parse.py', ...[...xmlFiles, ...csvFiles].map((f) => join(root, f))],
                      { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) {
    check(false, `${PYTHON} tests/tools/parse.py runs`, r.stderr || r.error);
  } else {
    for (const [p, v] of Object.entries(JSON.parse(r.stdout))) parsed[p.slice(root.length + 1)] = v;
  }
}

// ---- JSON-LD ----
function checkLd(node, where, problems) {
  if (Array.isArray(node)) { node.forEach((n, i) => checkLd(n, `${where}[${i}]`, problems)); return; }
  if (node === null || typeof node !== 'object') { problems.push(`${where}: not an object`); return; }
  if (Array.isArray(node['@graph'])) {
    if (!node['@context']) problems.push(`${where}: @graph without @context`);
    node['@graph'].forEach((n, i) => { if (!n['@type']) problems.push(`${where}.@graph[${i}]: no @type`); });
    return;
  }
  const ctx = node['@context'];
  if (!ctx) problems.push(`${where}: no @context`);
  else if (typeof ctx === 'string' && !/^https?:\/\/schema\.org\/?$/.test(ctx)) problems.push(`${where}: @context is ${ctx}, not schema.org`);
  if (!node['@type']) problems.push(`${where}: no @type`);
}

const ldPages = [];
const ldBlocks = new Map();
for (const f of files.filter((x) => x.endsWith('.html'))) {
  const blocks = tokenize(text(f)).filter((t) => t.name === 'script' &&
    (t.attrs.get('type') || '').toLowerCase() === 'application/ld+json');
  if (blocks.length) { ldPages.push(f); ldBlocks.set(f, blocks); }
}
kind('JSON-LD', ldPages, (f) => {
  const problems = [];
  ldBlocks.get(f).forEach((b, i) => {
    let data;
    try { data = JSON.parse(b.text); } catch (e) { problems.push(`line ${b.line}: block ${i + 1}: ${e.message}`); return; }
    checkLd(data, `line ${b.line}: block ${i + 1}`, problems);
  });
  return problems;
});

// ---- sitemap ----
kind('sitemap', xmlFiles.filter((f) => /(^|\/)sitemap[^/]*\.xml$/.test(f)), (f) => {
  const doc = parsed[f];
  if (!doc) return ['not parsed'];
  if (doc.error) return [doc.error];
  if (doc.tag !== `${SITEMAP}urlset`) return [`root element is ${doc.tag}, not urlset of sitemaps.org 0.9`];
  const problems = [];
  const seen = new Set();
  const urls = children(doc, `${SITEMAP}url`);
  if (urls.length === 0) problems.push('no <url>');
  if (doc.children.length !== urls.length) problems.push('elements other than <url> in <urlset>');
  for (const u of urls) {
    const loc = child(u, `${SITEMAP}loc`);
    if (!loc) { problems.push('<url> without <loc>'); continue; }
    if (!loc.text.startsWith(base)) problems.push(`<loc>${loc.text}</loc> is not under ${base}`);
    if (seen.has(loc.text)) problems.push(`<loc>${loc.text}</loc> twice`);
    seen.add(loc.text);
    const lastmod = child(u, `${SITEMAP}lastmod`);
    if (lastmod && !W3CDATE.test(lastmod.text)) problems.push(`<lastmod>${lastmod.text}</lastmod> is not a W3C date`);
  }
  if (urls.length > 50000) problems.push(`${urls.length} URLs: a sitemap holds at most 50,000`);
  return problems;
});

// ---- Atom ----
function atomCommon(el, what, problems) {
  for (const tag of ['id', 'title', 'updated']) {
    const n = children(el, `${ATOM}${tag}`).length;
    if (n !== 1) problems.push(`${what}: ${n} <${tag}> elements, want exactly 1`);
  }
  const updated = child(el, `${ATOM}updated`);
  if (updated && !RFC3339.test(updated.text)) problems.push(`${what}: <updated>${updated.text}</updated> is not RFC 3339`);
  const id = child(el, `${ATOM}id`);
  if (id && !/^[a-z][a-z0-9+.-]*:/i.test(id.text)) problems.push(`${what}: <id>${id.text}</id> is not an IRI`);
  for (const l of children(el, `${ATOM}link`)) {
    if (!l.attrs.href) problems.push(`${what}: <link> without href`);
    else if (!/^https?:\/\//.test(l.attrs.href)) problems.push(`${what}: <link href="${l.attrs.href}"> is not absolute`);
  }
}

kind('Atom feed', xmlFiles.filter((f) => parsed[f] && parsed[f].tag === `${ATOM}feed`), (f) => {
  const doc = parsed[f];
  const problems = [];
  atomCommon(doc, 'feed', problems);
  const feedAuthor = children(doc, `${ATOM}author`).length > 0;
  const ids = new Set();
  for (const [i, e] of children(doc, `${ATOM}entry`).entries()) {
    const what = `entry ${i + 1}`;
    atomCommon(e, what, problems);
    if (!feedAuthor && !child(e, `${ATOM}author`)) problems.push(`${what}: no <author>, and the feed has none`);
    const alt = children(e, `${ATOM}link`).some((l) => (l.attrs.rel || 'alternate') === 'alternate');
    if (!alt && !child(e, `${ATOM}content`)) problems.push(`${what}: neither <content> nor <link rel="alternate">`);
    const id = child(e, `${ATOM}id`);
    if (id && ids.has(id.text)) problems.push(`${what}: id ${id.text} used twice`);
    if (id) ids.add(id.text);
  }
  return problems;
});
// An .xml that is neither a sitemap nor a feed: it must at least parse.
for (const f of xmlFiles) {
  const doc = parsed[f];
  if (doc && (doc.tag === `${ATOM}feed` || /(^|\/)sitemap[^/]*\.xml$/.test(f))) continue;
  check(doc && !doc.error, `XML: ${f} is well-formed`, doc && doc.error);
}

// ---- iCalendar and vCard: the octet rules ical.js does not enforce ----
function contentLines(raw, problems) {
  if (/[^\r]\n/.test(raw) || /\r(?!\n)/.test(raw)) problems.push('lines do not all end in CRLF');
  if (!raw.endsWith('\r\n')) problems.push('does not end with CRLF');
  raw.split('\r\n').forEach((l, i) => {
    const n = Buffer.byteLength(l, 'utf8');
    if (n > 75) problems.push(`line ${i + 1}: ${n} octets, more than 75 (fold it)`);
  });
}

const icalTime = (p) => (p ? p.getFirstValue() : null);

kind('iCalendar', files.filter((f) => f.endsWith('.ics')), (f) => {
  const raw = text(f);
  const problems = [];
  contentLines(raw, problems);
  const cal = new ICAL.Component(ICAL.parse(raw));
  if (cal.name !== 'vcalendar') return [`top component is ${cal.name}`];
  if (cal.getFirstPropertyValue('version') !== '2.0') problems.push('VERSION is not 2.0');
  if (!cal.getFirstPropertyValue('prodid')) problems.push('no PRODID');
  const uids = new Set();
  for (const ev of cal.getAllSubcomponents('vevent')) {
    const uid = ev.getFirstPropertyValue('uid');
    const what = `VEVENT ${uid || '(no UID)'}`;
    if (!uid) problems.push(`${what}: no UID`);
    else if (uids.has(uid)) problems.push(`${what}: UID used twice`);
    uids.add(uid);
    if (!ev.getFirstProperty('dtstamp')) problems.push(`${what}: no DTSTAMP`);
    const start = icalTime(ev.getFirstProperty('dtstart'));
    const end = icalTime(ev.getFirstProperty('dtend'));
    if (!start) problems.push(`${what}: no DTSTART`);
    if (start && end && end.compare(start) < 0) problems.push(`${what}: DTEND before DTSTART`);
    if (end && ev.getFirstProperty('duration')) problems.push(`${what}: both DTEND and DURATION`);
    if (start && end && start.isDate !== end.isDate) problems.push(`${what}: DTSTART and DTEND of different value types`);
    if (!ev.getFirstPropertyValue('summary')) problems.push(`${what}: no SUMMARY`);
  }
  for (const tz of cal.getAllSubcomponents('vtimezone')) {
    if (!tz.getFirstPropertyValue('tzid')) problems.push('VTIMEZONE without TZID');
  }
  for (const ev of cal.getAllSubcomponents('vevent')) {
    for (const p of ['dtstart', 'dtend']) {
      const prop = ev.getFirstProperty(p);
      const tzid = prop && prop.getParameter('tzid');
      if (tzid && !cal.getAllSubcomponents('vtimezone').some((z) => z.getFirstPropertyValue('tzid') === tzid)) {
        problems.push(`${p.toUpperCase()};TZID=${tzid} has no VTIMEZONE`);
      }
    }
  }
  return problems;
});

kind('vCard', files.filter((f) => f.endsWith('.vcf')), (f) => {
  const raw = text(f);
  const problems = [];
  contentLines(raw, problems);
  let jcal = ICAL.parse(raw);
  if (typeof jcal[0] === 'string') jcal = [jcal];
  for (const [i, j] of jcal.entries()) {
    const card = new ICAL.Component(j);
    const what = `card ${i + 1}`;
    if (card.name !== 'vcard') { problems.push(`${what}: ${card.name}, not a vcard`); continue; }
    const v = card.getFirstPropertyValue('version');
    if (v !== '3.0' && v !== '4.0') problems.push(`${what}: VERSION ${v}, want 3.0 or 4.0`);
    if (!card.getFirstPropertyValue('fn')) problems.push(`${what}: no FN`);
    if (v === '3.0' && !card.getFirstProperty('n')) problems.push(`${what}: vCard 3.0 needs N`);
  }
  return problems;
});

// ---- GeoJSON ----
function position(p, where, problems) {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    problems.push(`${where}: position ${JSON.stringify(p)} is not [lon, lat]`);
    return;
  }
  const [lon, lat] = p;
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) problems.push(`${where}: [${lon}, ${lat}] out of range`);
  else if (lon < BELGIUM.lon[0] || lon > BELGIUM.lon[1] || lat < BELGIUM.lat[0] || lat > BELGIUM.lat[1]) {
    problems.push(`${where}: [${lon}, ${lat}] is not in Belgium (latitude and longitude swapped?)`);
  }
}

function ring(r, where, problems) {
  if (!Array.isArray(r) || r.length < 4) { problems.push(`${where}: a ring needs at least 4 positions`); return; }
  r.forEach((p, i) => position(p, `${where}[${i}]`, problems));
  if (JSON.stringify(r[0]) !== JSON.stringify(r[r.length - 1])) problems.push(`${where}: ring not closed`);
}

function geometry(g, where, problems) {
  if (g === null) return;
  if (!g || typeof g !== 'object') { problems.push(`${where}: geometry is not an object`); return; }
  const c = g.coordinates;
  const arr = (x) => Array.isArray(x) ? x : (problems.push(`${where}: coordinates are not an array`), []);
  switch (g.type) {
  case 'Point': position(c, where, problems); break;
  case 'MultiPoint': case 'LineString': arr(c).forEach((p, i) => position(p, `${where}[${i}]`, problems)); break;
  case 'MultiLineString': arr(c).forEach((l, i) => arr(l).forEach((p, j) => position(p, `${where}[${i}][${j}]`, problems))); break;
  case 'Polygon': arr(c).forEach((r, i) => ring(r, `${where}[${i}]`, problems)); break;
  case 'MultiPolygon': arr(c).forEach((poly, i) => arr(poly).forEach((r, j) => ring(r, `${where}[${i}][${j}]`, problems))); break;
  case 'GeometryCollection': (g.geometries || []).forEach((x, i) => geometry(x, `${where}.geometries[${i}]`, problems)); break;
  default: problems.push(`${where}: unknown geometry type ${g.type}`);
  }
}

function feature(ft, where, problems) {
  if (!ft || ft.type !== 'Feature') { problems.push(`${where}: type is not "Feature"`); return; }
  if (!('geometry' in ft)) problems.push(`${where}: no geometry member`);
  if (!('properties' in ft) || (ft.properties !== null && typeof ft.properties !== 'object')) {
    problems.push(`${where}: properties must be an object or null`);
  }
  geometry(ft.geometry, `${where}.geometry`, problems);
}

kind('GeoJSON', files.filter((f) => f.endsWith('.geojson')), (f) => {
  const doc = JSON.parse(text(f));
  const problems = [];
  if (doc.type === 'FeatureCollection') {
    if (!Array.isArray(doc.features)) return ['FeatureCollection without a features array'];
    const ids = new Set();
    doc.features.forEach((ft, i) => {
      feature(ft, `features[${i}]`, problems);
      if (ft && ft.id !== undefined) {
        if (ids.has(ft.id)) problems.push(`features[${i}]: id ${ft.id} used twice`);
        ids.add(ft.id);
      }
    });
  } else if (doc.type === 'Feature') {
    feature(doc, 'feature', problems);
  } else {
    geometry(doc, 'geometry', problems);
  }
  if ('crs' in doc) problems.push('"crs" is not part of RFC 7946');
  return problems;
});

// ---- CSV ----
kind('CSV', csvFiles, (f) => {
  const doc = parsed[f];
  if (!doc) return ['not parsed'];
  if (doc.error) return [doc.error];
  const problems = [];
  const [header, ...rows] = doc.rows;
  if (!header || header.length === 0 || header.some((h) => h.trim() === '')) problems.push('no header row, or an empty column name');
  else if (new Set(header).size !== header.length) problems.push(`column names repeat: ${header.join(', ')}`);
  rows.forEach((r, i) => {
    if (header && r.length !== header.length) problems.push(`row ${i + 2}: ${r.length} fields, the header has ${header.length}`);
  });
  return problems;
});

console.log(`# files checked: ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')}`);
removeTemp(root);
finish();
