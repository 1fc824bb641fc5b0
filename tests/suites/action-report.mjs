// action-report.mjs: `zonesite report` on the action-plan golden site
// (tests/regress/action-plan/site), against figures worked out by hand
// from its files below, as on 1 October 2025.  Also the report's command
// line: formats, --plan, exit statuses, and that it is the same bytes twice.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ZS = process.env.ZONESITE || 'build/release/zonesite';
const SITE = 'tests/regress/action-plan/site';
let failures = 0;
function check(cond, what, detail) {
  console.log(`${cond ? 'ok' : 'not ok'} - ${what}`);
  if (!cond) {
    failures++;
    if (detail !== undefined) console.log(`#   ${String(detail).split('\n').join('\n#   ')}`);
  }
}
function zs(args) {
  return spawnSync(ZS, args, { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '0' } });
}

// RFC 4180: fields separated by commas, "..." with "" inside, CRLF rows.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const csv = zs(['report', '-C', SITE, '--now', '2025-10-01', '--format', 'csv']);
check(csv.status === 0, 'report --format csv exits 0', csv.stderr);
const rows = parseCsv(csv.stdout);
const head = rows[0] || [];
check(head.join(',') === 'onderdeel,actie,code,titel,soort,onderwerp,meting,datum,activiteit,streefwaarde,gepland,gehouden,niet_gemeld,geannuleerd,waarde,stand,bestand',
  'the CSV header names the 17 columns', head.join(','));
check(rows.every((r) => r.length === head.length), 'every CSV row has 17 fields',
  rows.filter((r) => r.length !== head.length).map((r) => r.join('|')).join('\n'));
check(csv.stdout.endsWith('\r\n') && !/[^\r]\n/.test(csv.stdout), 'CSV rows end in CRLF');
const recs = rows.slice(1).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
const by = (part, pred = () => true) => recs.filter((r) => r.onderdeel === part && pred(r));

// Action 1 (p-a01-platformen), plan 2025, 3 per year.  Its events:
//   moment-februari   2025-02-10 done, 30 present          -> held
//   moment-maart-intern 2025-03-01 done, 7, internal       -> held (the report counts every edition)
//   moment-mei        2025-05-10 confirmed, 25 present     -> held (attendance given)
//   moment-juni       2025-06-12 confirmed, no attendance  -> past, not reported
//   moment-september  2025-09-01 cancelled                 -> cancelled
//   moment-november   2025-11-20                           -> planned
//   moment-later      tbd                                  -> planned
//   moment-2024       2024-12-01 done, 99                  -> another year: not counted
// held 3 >= 3: "gehaald"; attendance 30 + 7 + 25 = 62.
const a1 = by('actie', (r) => r.actie === 'p-a01-platformen')[0] || {};
check(a1.streefwaarde === '3' && a1.gepland === '2' && a1.gehouden === '3' && a1.niet_gemeld === '1' &&
  a1.geannuleerd === '1' && a1.stand === 'gehaald', 'action 1: target 3, planned 2, held 3, unreported 1, cancelled 1, reached', JSON.stringify(a1));
// Action 3 (p-a03-brochure): min. 1 per quarter = 4 a year; brochure-q1
// (2025-Q1, done, 12) held, brochure-oktober (2025-10, not over by 1
// October) planned: 1 + 1 < 4, short by 2.
const a3 = by('actie', (r) => r.actie === 'p-a03-brochure')[0] || {};
check(a3.streefwaarde === '4' && a3.gepland === '1' && a3.gehouden === '1' && a3.stand === 'tekort: 2',
  'action 3: 1 per quarter is 4 a year; 1 held + 1 planned, short by 2', JSON.stringify(a3));
// Listed: 1, 2, 3, 6 in code order; not the stub (4), the placeholder (5)
// or the 2026 fiche.
check(by('actie').map((r) => r.code).join(' ') === '1 2 3 6', 'the actions of plan 2025 in code order, without stub, placeholder and 2026',
  by('actie').map((r) => r.code).join(' '));

// Indicators with a metric.  Newsletter mentions of action 1: issues sent
// in 2025 by 1 October that link to it: 2025-03 (two links, one issue) and
// 2025-09; not 2024-12 (other year) nor 2025-11 (not sent yet) -> 2.
const ind = (code, metric) => by('indicator', (r) => r.code === code && r.meting === metric)[0] || {};
check(ind('1', 'newsletter-mentions').waarde === '2' && ind('1', 'newsletter-mentions').stand === 'gehaald',
  'newsletter mentions of action 1: 2 issues (target 2, reached)', JSON.stringify(ind('1', 'newsletter-mentions')));
check(ind('1', 'event-count').waarde === '3', 'event count of action 1: 3 held events', JSON.stringify(ind('1', 'event-count')));
check(ind('1', 'attendance').waarde === '62' && ind('1', 'attendance').stand === 'gehaald',
  'attendance of action 1: 30 + 7 + 25 = 62 (target 50, reached)', JSON.stringify(ind('1', 'attendance')));
check(ind('2', 'attendance').waarde === '0' && ind('2', 'attendance').stand === '',
  'attendance of action 2: no events, 0, no numeric target so no verdict', JSON.stringify(ind('2', 'attendance')));
check(ind('3', 'event-count').waarde === '1' && ind('3', 'event-count').stand === 'nog niet gehaald',
  'event count of action 3: 1 of 4', JSON.stringify(ind('3', 'event-count')));
check(by('indicator').length === 5, 'only the 5 indicators with a metric are listed', by('indicator').length);

// Milestones past by 1 October without a held event: action 1's
// "Tussentijds overleg" (2025-04, no event) and "Tweede netwerkmoment"
// (moment-juni, not reported as held); action 2's "Eerste helft klaar"
// (2025-H1).  Not: February's (held), 2025-Q4 and 2026-03 (not past),
// 2025-najaar (not past), the brochure's 2025-Q1 (held).
const late = by('mijlpaal').map((r) => `${r.code}:${r.onderwerp}:${r.datum}:${r.activiteit}`);
check(late.join('|') === '1:Tussentijds overleg:2025-04:|1:Tweede netwerkmoment:2025-06-12:moment-juni|2:Eerste helft klaar:2025-H1:',
  'late milestones: three, with the linked event that was not held', late.join('\n'));

check(by('in-opmaak').map((r) => r.actie).join(' ') === 'p-a05-in-opmaak', 'the placeholder fiche is listed',
  by('in-opmaak').map((r) => r.actie).join(' '));
// Stale: updated more than 12 months before 2025-10-01, i.e. before
// 2024-10-01: oude-partner (2024-09-30) and ldc-aalter (2023-01-15); not
// ziekenhuis (2024-10-01 exactly) nor the others.
check(by('partner').map((r) => r.onderwerp).join(' ') === 'oude-partner' &&
  by('dienst').map((r) => r.onderwerp).join(' ') === 'ldc-aalter',
  'stale: the partner of 2024-09-30 and the service of 2023, not the one of 2024-10-01',
  recs.filter((r) => r.onderdeel === 'partner' || r.onderdeel === 'dienst').map((r) => r.onderwerp).join(' '));

// The Markdown report carries the same figures.
const md = zs(['report', '-C', SITE, '--now', '2025-10-01']);
check(md.status === 0 && md.stdout.startsWith('# Planrapport 2025\n'), 'report (Markdown by default) exits 0 with its title', md.stdout.slice(0, 80));
check(md.stdout.includes('| 1 | De zone organiseert 3 netwerkmomenten per jaar | Lopend | 3 keer per jaar | 3 | 2 | 3 | 1 | 1 | gehaald |'),
  'the Markdown table row of action 1 has the same figures');
check(md.stdout.includes('| 1 | Output | Samen minstens 50 deelnemers | 50 | aantal aanwezigen | 62 | gehaald |'),
  'the Markdown indicator row of the attendance has 62');
check(zs(['report', '-C', SITE, '--now', '2025-10-01']).stdout === md.stdout, 'two reports are the same bytes');

// --plan 2026: only the 2026 fiche, which has no events.
const y26 = parseCsv(zs(['report', '-C', SITE, '--now', '2025-10-01', '--plan', '2026', '--format', 'csv']).stdout)
  .slice(1).filter((r) => r[0] === 'actie').map((r) => r[1]);
check(y26.join(' ') === 'p-2026-a01-platformen', '--plan 2026 reports the 2026 plan', y26.join(' '));
// Without --plan the plan in force: on 2026-02-01 that is 2026.
const in2026 = parseCsv(zs(['report', '-C', SITE, '--now', '2026-02-01', '--format', 'csv']).stdout)
  .slice(1).filter((r) => r[0] === 'actie').map((r) => r[1]);
check(in2026.join(' ') === 'p-2026-a01-platformen', 'on 2026-02-01 the default plan is 2026', in2026.join(' '));
// On a day with a later figure: by 2026-01-01 action 1's tbd event is
// still planned, moment-november (2025-11-20, confirmed, no attendance)
// is past but not reported, the newsletter of 2025-11 is sent (3 issues).
const late25 = parseCsv(zs(['report', '-C', SITE, '--now', '2026-01-01', '--plan', '2025', '--format', 'csv']).stdout);
const a1b = late25.find((r) => r[0] === 'actie' && r[1] === 'p-a01-platformen') || [];
const nm = late25.find((r) => r[0] === 'indicator' && r[1] === 'p-a01-platformen' && r[6] === 'newsletter-mentions') || [];
check(a1b[10] === '1' && a1b[11] === '3' && a1b[12] === '2' && nm[14] === '3',
  'reporting on 2025 from 2026-01-01: planned 1, held 3, unreported 2, newsletter mentions 3', `${a1b.join('|')}\n${nm.join('|')}`);

// Usage and content errors.
check(zs(['report', '-C', SITE, '--format', 'xml']).status === 2, 'an unknown --format is a usage error (2)');
check(zs(['report', '-C', SITE, '--plan', '25']).status === 2, 'a --plan that is not a plan year is a usage error (2)');
check(zs(['report', '-C', SITE, '-o', 'x']).status === 2, 'report takes no -o (2)');
check(zs(['report', '-C', SITE, '--edition', 'public']).status === 2, 'report takes no --edition (2)');
check(zs(['build', '-C', SITE, '--format', 'csv']).status === 2, '--format is for report only (2)');
const broken = mkdtempSync(join(tmpdir(), 'zs-report-'));
cpSync(SITE, broken, { recursive: true });
writeFileSync(join(broken, 'actions', 'kapot.md'), '---\ntitle: Kapot\nplan: 2025\nstatus: bezig\n---\n');
const bad = zs(['report', '-C', broken, '--now', '2025-10-01']);
check(bad.status === 1 && bad.stdout === '' && /kapot\.md:4:9: fout:/.test(bad.stderr),
  'with a content error the report exits 1, prints the diagnostic and no report', `${bad.status}\n${bad.stderr}`);
rmSync(broken, { recursive: true, force: true });

process.exitCode = failures ? 1 : 0;
