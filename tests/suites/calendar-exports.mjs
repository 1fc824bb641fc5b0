// Every .ics file of the demo build and of the calendar's golden site,
// read by an independent parser (ical.js) and checked against the source
// files themselves, not against the generator's idea of them:
//   - the bytes: CRLF only, lines of at most 75 octets, no character
//     split by folding;
//   - which events each feed holds (the whole calendar, per event type,
//     audience and municipality, one file per event), by UID;
//   - each event's instants, computed here from the Markdown front matter
//     with the platform's own Europe/Brussels rules (Intl), so a mistake
//     in our civil.c would show;
//   - DTSTAMP from --now, STATUS, SUMMARY, a UID that stays when the
//     event's day and title change;
// and the schema.org JSON-LD of every event page: valid JSON that cannot
// close its <script>, with the source's name, instants (with their UTC
// offset), status, attendance mode and place.
import ICAL from 'ical.js';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';

let failures = 0;
let tmp = null;
function check(cond, what, detail) {
  console.log(`${cond ? 'ok' : 'not ok'} - ${what}`);
  if (!cond) {
    failures++;
    if (detail !== undefined) console.log(`#   ${String(detail).split('\n').join('\n#   ')}`);
  }
  return cond;
}

const ZS = process.env.ZONESITE || 'build/release/zonesite';
const NOW = '2025-10-01';

function build(site, out) {
  const r = spawnSync(ZS, ['build', '-C', site, '-o', out, '--now', NOW],
    { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '0' } });
  if (r.status !== 0) throw new Error(`build of ${site} failed:\n${r.stderr}`);
  return out;
}

// ---- the source, read with a deliberately small front matter reader ----

function unquote(v) {
  v = v.trim();
  if (v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).replace(/\\(["\\])/g, '$1');
  if (v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  return v;
}

// Top-level "key: value" lines; a trailing " # comment" is dropped outside
// quotes; "[a, b]" becomes a list; milestones are read as {date, event}.
function frontMatter(path) {
  const text = readFileSync(path, 'utf8');
  const fm = text.split(/^---$/m)[1];
  const out = { milestones: [] };
  let inMilestones = false;
  for (const line of fm.split('\n')) {
    const top = /^([a-z_]+):\s?(.*)$/.exec(line);
    if (top) {
      inMilestones = top[1] === 'milestones';
      let v = top[2];
      if (!/^["']/.test(v)) v = v.replace(/\s+#.*$/, '');
      v = v.trim();
      if (v.startsWith('[')) out[top[1]] = v.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean);
      else if (v !== '' && v !== 'null') out[top[1]] = unquote(v);
      continue;
    }
    if (inMilestones && /^\s+- \{/.test(line)) {
      const date = /date: ([^,}]+)/.exec(line)[1].trim();
      out.milestones.push({ date, event: /event: /.test(line) });
    }
  }
  return out;
}

function readSite(dir) {
  const read = (kind) => existsSync(join(dir, kind)) ? readdirSync(join(dir, kind)).filter((f) => f.endsWith('.md')).sort()
    .map((f) => ({ id: basename(f, '.md'), ...frontMatter(join(dir, kind, f)) })) : [];
  return { events: read('events'), actions: read('actions') };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MOMENT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const dayPrecise = (v) => DAY.test(v) || MOMENT.test(v);

// Europe/Brussels wall time to a UTC instant (ms), by asking Intl which
// offset makes the wall time come out; the summer offset is tried first,
// so the autumn hour that happens twice gives the first one.
const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', hourCycle: 'h23',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
function brussels(y, mo, d, h, mi) {
  const want = `${String(d).padStart(2, '0')}/${String(mo).padStart(2, '0')}/${y}, ${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
  for (const off of [2, 1]) {
    const t = Date.UTC(y, mo - 1, d, h - off, mi);
    if (fmt.format(new Date(t)) === want) return t;
  }
  return NaN; // does not exist
}

// What the source says an item's DTSTART and DTEND are.
function expectedTimes(start, end) {
  let m;
  if ((m = MOMENT.exec(start))) {
    const s = brussels(+m[1], +m[2], +m[3], +m[4], +m[5]);
    let e = null;
    if (end && (m = MOMENT.exec(end))) e = brussels(+m[1], +m[2], +m[3], +m[4], +m[5]);
    return { timed: true, start: s, end: e };
  }
  m = DAY.exec(start);
  const last = end ? (DAY.exec(end) || MOMENT.exec(end)) : m;
  const next = new Date(Date.UTC(+last[1], +last[2] - 1, +last[3] + 1));
  return { timed: false, start: `${m[1]}-${m[2]}-${m[3]}`, end: next.toISOString().slice(0, 10) };
}

// The entries a feed must hold, as UID prefixes (before '@').
function expectations(site) {
  const pub = (x) => !x.visibility || x.visibility === 'public';
  const out = [];
  for (const e of site.events) {
    if (!pub(e) || !dayPrecise(e.start) || (e.end && !dayPrecise(e.end))) continue;
    out.push({ uid: `event-${e.id}`, event: e, type: e.type, audience: e.audience || [],
      municipalities: e.municipalities || [], times: expectedTimes(e.start, e.end) });
  }
  for (const a of site.actions) {
    if (!pub(a) || a.status === 'placeholder') continue;
    a.milestones.forEach((ms, i) => {
      if (ms.event || !dayPrecise(ms.date)) return;
      out.push({ uid: `milestone-${a.id}-${i + 1}`, type: null, audience: [],
        municipalities: a.municipalities || [], times: expectedTimes(ms.date, null) });
    });
  }
  return out;
}

// ---- the files ----

function rawOk(name, bytes) {
  const text = bytes.toString('latin1');
  const problems = [];
  if (/[^\r]\n/.test(text) || /\r(?!\n)/.test(text)) problems.push('a line break other than CRLF');
  if (!text.endsWith('\r\n')) problems.push('no CRLF at the end');
  const dec = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 13 || bytes[i + 1] !== 10) continue;
    const line = bytes.subarray(start, i);
    if (line.length > 75) problems.push(`a line of ${line.length} octets`);
    try { dec.decode(line); } catch { problems.push(`a line that splits a character: ${line.toString('latin1').slice(0, 30)}`); }
    start = i + 2;
  }
  return problems;
}

function parse(path) {
  const comp = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return comp;
}

const uidOf = (ev) => ev.uid.split('@')[0];

function instantOk(exp, ev) {
  const t = exp.times;
  if (t.timed) {
    const s = ev.startDate.toUnixTime() * 1000;
    const e = ev.endDate ? ev.endDate.toUnixTime() * 1000 : null;
    const endOk = t.end === null ? true : e === t.end;
    return { ok: !ev.startDate.isDate && s === t.start && endOk,
      got: `${new Date(s).toISOString()} .. ${e && new Date(e).toISOString()}`,
      want: `${new Date(t.start).toISOString()} .. ${t.end && new Date(t.end).toISOString()}` };
  }
  const s = ev.startDate.toString(), e = ev.endDate.toString();
  return { ok: ev.startDate.isDate && s === t.start && e === t.end, got: `${s} .. ${e}`, want: `${t.start} .. ${t.end}` };
}

function checkSite(label, siteDir, out) {
  const site = readSite(siteDir);
  const exp = expectations(site);
  const byUid = new Map(exp.map((x) => [x.uid, x]));
  const cal = join(out, 'kalender');
  const files = [join(out, 'kalender.ics'),
    ...readdirSync(cal).filter((f) => f.endsWith('.ics')).map((f) => join(cal, f)),
    ...['soort', 'doelgroep', 'gemeente'].flatMap((d) => existsSync(join(cal, d)) ?
      readdirSync(join(cal, d)).filter((f) => f.endsWith('.ics')).map((f) => join(cal, d, f)) : [])];
  const stampWant = brussels(2025, 10, 1, 0, 0);
  let nEvents = 0, badRaw = [], badStamp = [], badInstant = [], badStatus = [], badSummary = [];

  for (const f of files) {
    const rel = f.slice(out.length + 1);
    const problems = rawOk(rel, readFileSync(f));
    if (problems.length) badRaw.push(`${rel}: ${problems[0]}`);
    const comp = parse(f);
    const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    nEvents += events.length;
    const uids = events.map(uidOf);
    let want;
    const name = basename(f, '.ics');
    if (rel === 'kalender.ics') want = exp;
    else if (rel.startsWith('kalender/doelgroep/')) want = exp.filter((x) => x.audience.includes(name));
    else if (rel.startsWith('kalender/gemeente/')) want = exp.filter((x) => x.municipalities.includes(name));
    else if (rel.startsWith('kalender/soort/')) want = exp.filter((x) => x.type === name);
    else want = exp.filter((x) => x.uid === `event-${name}`);
    const wantUids = want.map((x) => x.uid).sort();
    check(JSON.stringify([...uids].sort()) === JSON.stringify(wantUids) && new Set(uids).size === uids.length,
      `${label} ${rel}: holds exactly the ${wantUids.length} day-precise published item(s) of the source`,
      `got ${[...uids].sort().join(' ')}\nwant ${wantUids.join(' ')}`);
    for (const ev of events) {
      const x = byUid.get(uidOf(ev));
      if (!x) continue;
      const r = instantOk(x, ev);
      if (!r.ok) badInstant.push(`${rel} ${ev.uid}: got ${r.got}, want ${r.want}`);
      const stamp = ev.component.getFirstPropertyValue('dtstamp').toUnixTime() * 1000;
      if (stamp !== stampWant) badStamp.push(`${rel} ${ev.uid}`);
      const status = ev.component.getFirstPropertyValue('status');
      if (x.event) {
        // status defaults to confirmed (schema.c)
        const st = x.event.status || 'confirmed', cancelled = st === 'cancelled' || st === 'postponed';
        const wantStatus = cancelled ? 'CANCELLED' : x.event.tentative === 'true' ? 'TENTATIVE' :
          st === 'confirmed' || st === 'done' ? 'CONFIRMED' : null;
        if ((status || null) !== wantStatus) badStatus.push(`${rel} ${ev.uid}: ${status} (want ${wantStatus})`);
        const prefix = st === 'cancelled' ? 'Geannuleerd: ' : st === 'postponed' ? 'Uitgesteld: ' : '';
        if (ev.summary !== prefix + x.event.title) badSummary.push(`${rel}: ${ev.summary} (want ${prefix + x.event.title})`);
      }
    }
  }
  check(files.length > 3 && nEvents > 0, `${label}: ${files.length} .ics files with ${nEvents} events were parsed by ical.js`);
  // one feed per event type, audience and municipality of site.yaml
  const yaml = readFileSync(join(siteDir, 'site.yaml'), 'utf8');
  for (const [key, dir] of [['event_types', 'soort'], ['audiences', 'doelgroep'], ['municipalities', 'gemeente']]) {
    const block = new RegExp(`^${key}:\\n((?:  - .*\\n)+)`, 'm').exec(yaml);
    const ids = block ? [...block[1].matchAll(/id: ([a-z0-9-]+)/g)].map((m) => m[1]).sort() : [];
    const feeds = readdirSync(join(cal, dir)).filter((f) => f.endsWith('.ics')).map((f) => basename(f, '.ics')).sort();
    check(ids.length > 0 && JSON.stringify(ids) === JSON.stringify(feeds),
      `${label}: a feed for each of the ${ids.length} ${key} of site.yaml`, `${feeds.join(' ')} vs ${ids.join(' ')}`);
  }
  check(badRaw.length === 0, `${label}: every file has CRLF lines of at most 75 octets, none splitting a character`, badRaw.join('\n'));
  check(badInstant.length === 0, `${label}: every DTSTART and DTEND is the instant the source gives (Europe/Brussels)`, badInstant.join('\n'));
  check(badStamp.length === 0, `${label}: DTSTAMP is --now`, badStamp.join('\n'));
  check(badStatus.length === 0, `${label}: STATUS follows status and tentative`, badStatus.join('\n'));
  check(badSummary.length === 0, `${label}: SUMMARY is the title (marked when cancelled or postponed)`, badSummary.join('\n'));
  return exp;
}

// ---- JSON-LD ----

const SCHEMA = 'https://schema.org/';
function jsonLd(label, siteDir, out) {
  const site = readSite(siteDir);
  const bad = [];
  let n = 0;
  for (const e of site.events) {
    if (e.visibility && e.visibility !== 'public') continue;
    const html = readFileSync(join(out, 'kalender', e.id, 'index.html'), 'utf8');
    const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
    if (!m) { bad.push(`${e.id}: no JSON-LD`); continue; }
    n++;
    if (m[1].includes('</') || m[1].includes('<!--')) bad.push(`${e.id}: "</" or "<!--" inside the script`);
    let j;
    try { j = JSON.parse(m[1]); } catch (err) { bad.push(`${e.id}: ${err.message}`); continue; }
    const st = e.status || 'confirmed';
    const online = e.online && !/url:\s*null/.test(e.online);
    const want = {
      '@type': 'Event', name: e.title,
      eventStatus: SCHEMA + (st === 'cancelled' ? 'EventCancelled' : st === 'postponed' ? 'EventPostponed' : 'EventScheduled'),
      eventAttendanceMode: SCHEMA + (e.location && online ? 'MixedEventAttendanceMode' :
        online ? 'OnlineEventAttendanceMode' : 'OfflineEventAttendanceMode'),
    };
    for (const [k, v] of Object.entries(want)) if (j[k] !== v) bad.push(`${e.id}: ${k} is ${j[k]}, want ${v}`);
    if (MOMENT.test(e.start)) {
      const mm = MOMENT.exec(e.start);
      const t = Date.parse(j.startDate);
      if (!/[+-]\d\d:\d\d$/.test(j.startDate || '') || t !== brussels(+mm[1], +mm[2], +mm[3], +mm[4], +mm[5]))
        bad.push(`${e.id}: startDate ${j.startDate} is not ${e.start} in Brussels with its offset`);
    } else if (DAY.test(e.start) && j.startDate !== e.start) {
      bad.push(`${e.id}: startDate ${j.startDate}, want ${e.start}`);
    }
    const places = [].concat(j.location || []);
    const place = places.find((p) => p['@type'] === 'Place');
    if (e.location && (!place || (place.address && place.address['@type'] !== 'PostalAddress')))
      bad.push(`${e.id}: no Place with a PostalAddress`);
    if (e.organiser && ![].concat(j.organizer || []).some((o) => o['@type'] === 'Organization' && o.name))
      bad.push(`${e.id}: no organizer`);
  }
  check(n > 0 && bad.length === 0, `${label}: the JSON-LD of all ${n} event pages is valid and agrees with the source`, bad.join('\n'));
}

try {
  tmp = mkdtempSync(join(tmpdir(), 'zs-ical-'));
  const demo = build('content', join(tmp, 'demo'));
  const exp = checkSite('demo', 'content', demo);
  check(exp.some((x) => x.uid.startsWith('milestone-')), 'demo: milestones without an event are in the feed');

  jsonLd('demo', 'content', demo);

  const golden = 'tests/regress/calendar/site';
  const out = build(golden, join(tmp, 'golden'));
  checkSite('golden', golden, out);
  jsonLd('golden', golden, out);
  const facetPages = [['soort', 'vorming'], ['doelgroep', 'burgers'], ['gemeente', 'aalter']].map(([d, id]) => {
    const html = readFileSync(join(out, 'kalender', d, id, 'index.html'), 'utf8');
    const alt = /<link rel="alternate" type="text\/calendar"[^>]* href="([^"]+)"/.exec(html);
    return { want: `/zone/kalender/${d}/${id}.ics`, alt: alt && alt[1],
      webcal: html.includes(`href="webcal://kal.example/zone/kalender/${d}/${id}.ics"`) };
  });
  check(facetPages.every((p) => p.alt === p.want && p.webcal),
    'a facet page announces and offers its own feed (rel=alternate, webcal link)', JSON.stringify(facetPages));
  const listAlt = /<link rel="alternate" type="text\/calendar"[^>]* href="([^"]+)"/.exec(
    readFileSync(join(out, 'kalender/index.html'), 'utf8'));
  check(listAlt && listAlt[1] === '/zone/kalender.ics', 'the calendar announces /kalender.ics (rel=alternate)', listAlt && listAlt[1]);
  const toneel = readFileSync(join(out, 'kalender/voorbij-online/index.html'), 'utf8');
  check(toneel.includes('"name":"Toneel \\"\\u003c/script\\u003e\\u003c!--\\" \\u0026 co"'),
    'a title with "</script><!--" is escaped in the JSON-LD');

  // The clock changes, as a client sees them.
  const night = parse(join(out, 'kalender/nacht-van-de-klok.ics')).getFirstSubcomponent('vevent');
  const ne = new ICAL.Event(night);
  check(new Date(ne.startDate.toUnixTime() * 1000).toISOString() === '2025-10-26T00:30:00.000Z',
    'the ambiguous 02:30 of 26 October 2025 is read as the first one (00:30Z)', ne.startDate.toString());
  check(ne.endDate.toUnixTime() - ne.startDate.toUnixTime() === 3.5 * 3600,
    'from the first 02:30 to 05:00 lasts three and a half hours', ne.endDate.toUnixTime() - ne.startDate.toUnixTime());
  const spring = new ICAL.Event(parse(join(out, 'kalender/voorjaarsnacht.ics')).getFirstSubcomponent('vevent'));
  check(spring.endDate.toUnixTime() - spring.startDate.toUnixTime() === 3600 &&
        spring.startDate.zone && spring.startDate.zone.tzid === 'Europe/Brussels',
    'from 01:30 to 03:30 over the spring change lasts one hour, with TZID', spring.startDate.toString());

  // The text survives escaping and folding: what ical.js reads back is
  // exactly what the source says.
  const plat = new ICAL.Event(parse(join(out, 'kalender/platform-zorg-welzijn.ics')).getFirstSubcomponent('vevent'));
  check(plat.description.includes('Een middag over zorg, welzijn; en alles daartussen. Backslash: \\ blijft staan.'),
    'DESCRIPTION keeps commas, semicolons and backslashes', plat.description);
  check(plat.description.includes('<https://kal.example/zone/acties/k-a01-platformen/>'),
    'links in DESCRIPTION are absolute', plat.description);
  check(plat.location === 'Dienstencentrum Aalter, Markt 3, 9880 Aalter', 'LOCATION is the place and its address', plat.location);
  check(plat.component.getFirstPropertyValue('url') === 'https://kal.example/zone/kalender/platform-zorg-welzijn/',
    'URL is the event page');
  const cats = plat.component.getFirstProperty('categories').getValues();
  check(JSON.stringify(cats) === JSON.stringify(['Eerstelijnsplatform', 'Zorg- en hulpverleners']), 'CATEGORIES are the type and audiences', cats);
  // ical.js reads NAME and X-WR-CALNAME raw; RFC 5545 3.8.8.2 makes an
  // X- property TEXT by default, so the value is escaped as TEXT.
  const vorming = parse(join(out, 'kalender/soort/vorming.ics'));
  const rawName = vorming.getFirstPropertyValue('x-wr-calname');
  const textName = ICAL.design.icalendar.value.text.fromICAL(rawName);
  check(rawName === 'ELZ Kal – Vorming\\; bijscholing' && textName === 'ELZ Kal – Vorming; bijscholing' &&
        vorming.getFirstPropertyValue('name') === rawName,
    'a feed is named after its facet, escaped as TEXT', `${rawName} -> ${textName}`);

  // UIDs come from the site and the id: moving and renaming keep them.
  const edited = join(tmp, 'edited');
  cpSync(golden, edited, { recursive: true });
  const f = join(edited, 'events/platform-zorg-welzijn.md');
  writeFileSync(f, readFileSync(f, 'utf8').replace('start: 2025-10-14T12:00', 'start: 2025-10-16T12:00')
    .replace('end: 2025-10-14T13:30', 'end: 2025-10-16T13:30').replace(/^title: .*$/m, 'title: Een nieuwe titel'));
  const out2 = build(edited, join(tmp, 'edited-out'));
  const after = new ICAL.Event(parse(join(out2, 'kalender/platform-zorg-welzijn.ics')).getFirstSubcomponent('vevent'));
  check(after.uid === plat.uid && after.summary === 'Een nieuwe titel' &&
        after.startDate.toString() === '2025-10-16T12:00:00',
    'the UID stays the same when the event moves and is renamed', `${plat.uid} -> ${after.uid}`);
} catch (e) {
  check(false, 'the suite ran to the end', e.stack);
} finally {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  process.exitCode = failures ? 1 : 0;
}
