// The partner directory's data, read back by independent parsers and
// checked against the demo content in content/:
//   - every partner page lists exactly the actions, events, services and
//     newsletter issues that refer to it, as computed here from the
//     content files themselves (a partner that leads two actions lists
//     exactly those two as "trekker");
//   - every vCard parses with ical.js (RFC 6350: CRLF, 75-octet lines)
//     and carries the partner's name, phone and e-mail;
//   - the CSV export parses with Python's csv module (RFC 4180) into one
//     row per partner with the partner's own values;
//   - the JSON-LD of each page is valid JSON, a schema.org Organization,
//     and never contains "</".
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import ICAL from 'ical.js';
import { buildSite, check, finish } from '../browser/lib.mjs';

// ---- the content files, read without the generator ----

// Front matter keys we need: scalars, [flow, lists] and block lists.
function frontMatter(path) {
  const text = readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
  const m = text.match(/^\uFEFF?---\n([\s\S]*?)\n---\n?([\s\S]*)$/);
  const fm = {};
  let last = null;
  for (const line of m[1].split('\n')) {
    if (/^\s*#/.test(line) || !line.trim()) continue;
    const item = line.match(/^\s+-\s+(.*)$/);
    if (item && last && Array.isArray(fm[last])) { fm[last].push(unquote(item[1])); continue; }
    const kv = line.match(/^([a-z_]+):\s*(.*?)\s*(#.*)?$/);
    if (!kv) continue;
    last = kv[1];
    const v = kv[2];
    if (v === '') fm[last] = [];
    else if (v.startsWith('[')) fm[last] = v.slice(1, v.lastIndexOf(']')).split(',').map((s) => unquote(s.trim())).filter(Boolean);
    else fm[last] = unquote(v);
  }
  return { fm, body: m[2] };
}
function unquote(s) { return s.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1'); }

function kind(folder) {
  const dir = join('content', folder);
  return readdirSync(dir).filter((f) => f.endsWith('.md')).sort()
    .map((f) => ({ id: f.slice(0, -3), ...frontMatter(join(dir, f)) }));
}

const partners = kind('partners');
const actions = kind('actions').filter((a) => (a.fm.visibility || 'public') === 'public' &&
  a.fm.status !== 'placeholder' && a.fm.template !== 'stub');
const events = kind('events').filter((e) => (e.fm.visibility || 'public') === 'public');
const services = kind('services');
const newsletters = kind('newsletters');
const asList = (v) => (Array.isArray(v) ? v : v ? [v] : []);

// ---- the build ----

const root = buildSite('content');
const html = (p) => readFileSync(join(root, p), 'utf8');
function section(page, id) {
  const m = page.match(new RegExp(`<section aria-labelledby="${id}">([\\s\\S]*?)</section>`));
  return m ? m[1] : '';
}
const hrefs = (s, prefix) => [...s.matchAll(new RegExp(`href="/${prefix}/([a-z0-9-]+)/"`, 'g'))].map((m) => m[1]).sort();
const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

let bad = { actions: [], lead: [], events: [], services: [], newsletters: [] };
for (const p of partners) {
  const page = html(`partners/${p.id}/index.html`);
  const acts = section(page, 'partner-acties');
  const wantActions = actions.filter((a) => a.fm.lead === p.id || asList(a.fm.partners).includes(p.id)).map((a) => a.id).sort();
  if (!same(hrefs(acts, 'acties'), wantActions)) bad.actions.push(`${p.id}: ${hrefs(acts, 'acties')} vs ${wantActions}`);
  const led = [...acts.matchAll(/<li><a href="\/acties\/([a-z0-9-]+)\/">[^]*?<\/li>/g)]
    .filter((m) => m[0].includes('<strong>trekker</strong>')).map((m) => m[1]).sort();
  const wantLed = actions.filter((a) => a.fm.lead === p.id).map((a) => a.id).sort();
  if (!same(led, wantLed)) bad.lead.push(`${p.id}: ${led} vs ${wantLed}`);
  const wantEvents = events.filter((e) => e.fm.organiser === p.id || asList(e.fm.co_organisers).includes(p.id)).map((e) => e.id).sort();
  const gotEvents = hrefs(section(page, 'partner-activiteiten'), 'kalender');
  if (!same(gotEvents, wantEvents)) bad.events.push(`${p.id}: ${gotEvents} vs ${wantEvents}`);
  const wantServices = services.filter((s) => s.fm.partner === p.id).map((s) => s.id).sort();
  const gotServices = hrefs(section(page, 'partner-aanbod'), 'kaart');
  if (!same(gotServices, wantServices)) bad.services.push(`${p.id}: ${gotServices} vs ${wantServices}`);
  const wantIssues = newsletters.filter((n) => n.fm.spotlight === p.id ||
    new RegExp(`\\]\\(partner:${p.id}(#[^)]*)?\\)`).test(n.body)).map((n) => n.id).sort();
  const gotIssues = hrefs(section(page, 'partner-nieuwsbrief'), 'nieuwsbrief');
  if (!same(gotIssues, wantIssues)) bad.newsletters.push(`${p.id}: ${gotIssues} vs ${wantIssues}`);
}
check(bad.actions.length === 0, `each of ${partners.length} partner pages lists exactly the actions it leads or joins`, bad.actions.join('\n'));
check(bad.lead.length === 0, 'and marks exactly the ones it leads as trekker', bad.lead.join('\n'));
check(bad.events.length === 0, 'each partner page lists exactly the events it organises or co-organises', bad.events.join('\n'));
check(bad.services.length === 0, 'each partner page lists exactly the services it runs', bad.services.join('\n'));
check(bad.newsletters.length === 0, 'each partner page lists exactly the issues that spotlight it or link to it', bad.newsletters.join('\n'));

// The demo's partner with two actions of its own.
const nowe = section(html('partners/ggz-netwerk-nowe/index.html'), 'partner-acties');
const noweLed = [...nowe.matchAll(/<li><a href="\/acties\/([a-z0-9-]+)\/">[^]*?<\/li>/g)]
  .filter((m) => m[0].includes('<strong>trekker</strong>')).map((m) => m[1]);
check(same(noweLed, ['we40-a13-conventie-psychologische-zorg', 'we40-a28-vinger-aan-de-pols-ggz']),
  'GGZ netwerk NOWE leads exactly actions 13 and 28', noweLed.join(', '));
check(/actieplan 2025, actie 13/.test(nowe), "an action shows the zone's plan year and code");
// Upcoming and past apart, as on 1 October 2025 (the day buildSite uses):
// checked for every day-precise event.
const NOW = '2025-10-01';
let split = [], both = 0;
for (const p of partners) {
  const sec = section(html(`partners/${p.id}/index.html`), 'partner-activiteiten');
  const [up, past] = sec.includes('<h3>Voorbij</h3>') ? sec.split('<h3>Voorbij</h3>') : [sec, ''];
  if (hrefs(up, 'kalender').length && hrefs(past, 'kalender').length) both++;
  for (const [part, isPast] of [[up, false], [past, true]])
    for (const id of hrefs(part, 'kalender')) {
      const e = events.find((x) => x.id === id);
      const last = String(e.fm.end || e.fm.start);
      if (/^\d{4}-\d{2}-\d{2}/.test(last) && (last.slice(0, 10) < NOW) !== isPast) split.push(`${p.id}: ${id}`);
    }
}
check(split.length === 0 && both > 0, `upcoming and past events are listed apart (${both} partners have both)`, split.join('\n'));

// ---- vCards ----

let vbad = [];
for (const p of partners) {
  const text = readFileSync(join(root, `partners/${p.id}.vcf`), 'utf8');
  const lines = text.split('\r\n');
  if (lines.pop() !== '') vbad.push(`${p.id}: does not end in CRLF`);
  if (lines.some((l) => l.includes('\n') || Buffer.byteLength(l) > 75)) vbad.push(`${p.id}: a line is longer than 75 octets or has a bare LF`);
  let card;
  try { card = new ICAL.Component(ICAL.parse(text)); } catch (e) { vbad.push(`${p.id}: ${e}`); continue; }
  if (card.name !== 'vcard') vbad.push(`${p.id}: not a vcard`);
  if (card.getFirstPropertyValue('version') !== '4.0') vbad.push(`${p.id}: version`);
  if (card.getFirstPropertyValue('fn') !== p.fm.name) vbad.push(`${p.id}: FN ${card.getFirstPropertyValue('fn')}`);
  if (card.getFirstPropertyValue('kind') !== 'org') vbad.push(`${p.id}: KIND`);
  if (p.fm.email && card.getFirstPropertyValue('email') !== p.fm.email) vbad.push(`${p.id}: EMAIL`);
  if (p.fm.phone && card.getFirstPropertyValue('tel') !== 'tel:' + p.fm.phone.replace(/[^+0-9]/g, '')) vbad.push(`${p.id}: TEL ${card.getFirstPropertyValue('tel')}`);
  if (p.fm.website && card.getFirstPropertyValue('url') !== p.fm.website) vbad.push(`${p.id}: URL`);
  const adr = card.getFirstPropertyValue('adr');
  const street = (p.fm.address || '').match(/street: ([^,}]+)/);
  if (street && (!adr || adr[2] !== street[1].trim())) vbad.push(`${p.id}: ADR ${JSON.stringify(adr)}`);
}
check(vbad.length === 0, `${partners.length} vCards parse with ical.js and carry name, kind, phone, e-mail, website and street`, vbad.join('\n'));
const note = readFileSync(join(root, 'partners/ggz-netwerk-nowe.vcf'), 'utf8');
const noteCard = new ICAL.Component(ICAL.parse(note));
check(noteCard.getFirstPropertyValue('note').includes('conventie psychologische zorg, waardoor'),
  'a folded NOTE with an escaped comma reads back whole', noteCard.getFirstPropertyValue('note'));

// ---- CSV, by Python's csv module ----

const py = spawnSync('/usr/bin/python3', ['-c', `
import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    raw = f.read()
rows = list(csv.reader(raw.splitlines(keepends=True), strict=True))
print(json.dumps({"rows": rows, "crlf": raw.count("\\r\\n"), "lf": raw.count("\\n")}))
`, join(root, 'partners/partners.csv')], { encoding: 'utf8' });
check(py.status === 0, 'partners.csv parses with Python\'s csv module (strict)', py.stderr);
if (py.status === 0) {
  const { rows, crlf, lf } = JSON.parse(py.stdout);
  const [head, ...body] = rows;
  check(head.join(',') === 'id,naam,korte_naam,soort,cluster,gemeenten,telefoon,email,website,straat,postcode,gemeente,lid,bestuur,bijgewerkt,pagina',
    'the CSV header names the columns', head.join(','));
  check(body.length === partners.length && body.every((r) => r.length === head.length),
    `one row of ${head.length} fields per partner (${body.length})`);
  check(crlf === lf && crlf === rows.length, 'every record ends in CRLF');
  const byId = Object.fromEntries(body.map((r) => [r[0], Object.fromEntries(head.map((h, i) => [h, r[i]]))]));
  const wrong = partners.filter((p) => { const r = byId[p.id];
    return !r || r.naam !== p.fm.name || r.email !== (p.fm.email || '') || r.telefoon !== (p.fm.phone || '') ||
      r.lid !== (p.fm.member === 'true' ? 'ja' : 'nee') || r.pagina !== `https://www.elzwe40.example/partners/${p.id}/`; });
  check(wrong.length === 0, 'each row holds its partner\'s name, e-mail, phone, membership and page', wrong.map((p) => p.id).join(', '));
  check(byId['de-woonwinkel'].gemeenten === 'Beernem, Oostkamp, Zedelgem, Jabbeke' && byId['de-woonwinkel'].straat === 'Kerkstraat 40',
    'a quoted field with commas reads back as one value', JSON.stringify(byId['de-woonwinkel']));
  const order = body.map((r) => r[1]);
  const dir = [...html('partners/index.html').matchAll(/<ul class="az-list">([\s\S]*?)<\/ul>/g)]
    .flatMap((m) => [...m[1].matchAll(/">([^<]+)<\/a>/g)].map((x) => x[1].replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"')));
  check(same(order, dir), 'rows come in the directory\'s A-Z order', `${order.slice(0, 5)} vs ${dir.slice(0, 5)}`);
}

// ---- JSON-LD ----

let jbad = [];
for (const p of partners) {
  const page = html(`partners/${p.id}/index.html`);
  const m = page.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/);
  if (!m) { jbad.push(`${p.id}: none`); continue; }
  if (m[1].includes('</')) jbad.push(`${p.id}: contains </`);
  let j;
  try { j = JSON.parse(m[1]); } catch (e) { jbad.push(`${p.id}: ${e}`); continue; }
  if (j['@context'] !== 'https://schema.org' || j['@type'] !== 'Organization' || j.name !== p.fm.name)
    jbad.push(`${p.id}: ${j['@type']} ${j.name}`);
  if (p.fm.email && j.email !== p.fm.email) jbad.push(`${p.id}: email`);
}
check(jbad.length === 0, `${partners.length} pages carry schema.org Organization JSON-LD that parses`, jbad.join('\n'));

// ---- facets ----

const munis = ['beernem', 'oostkamp', 'zedelgem', 'jabbeke'];
let fbad = [];
for (const m of munis) {
  const want = partners.filter((p) => asList(p.fm.municipalities).includes(m)).map((p) => p.id).sort();
  const got = hrefs(html(`partners/gemeente/${m}/index.html`).split('<main')[1], 'partners')
    .filter((id) => !['gemeente', 'soort'].includes(id)).sort();
  const uniq = [...new Set(got)];
  if (!same(uniq, want)) fbad.push(`${m}: ${uniq.length} vs ${want.length}`);
}
check(fbad.length === 0, 'each municipality page lists exactly the partners that work there', fbad.join('\n'));
const types = [...new Set(partners.map((p) => p.fm.type).filter(Boolean))];
const tbad = types.filter((t) => {
  const want = partners.filter((p) => p.fm.type === t).map((p) => p.id).sort();
  const got = [...new Set(hrefs(html(`partners/soort/${t}/index.html`).split('<main')[1], 'partners'))]
    .filter((id) => !['gemeente', 'soort'].includes(id)).sort();
  return !same(got, want);
});
check(tbad.length === 0, `each of ${types.length} type pages lists exactly the partners of that type`, tbad.join(', '));
finish();
