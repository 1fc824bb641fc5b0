// action-plan-browser.mjs: the action plan's pages in headless chromium.
//
// On screen: the plan, the timeline and a fiche of each template fit a
// phone and a desktop without the page scrolling sideways; the timeline
// scrolls inside its own region with the action column kept in view.
// On paper: the timeline prints on A4 landscape (and only the timeline:
// the plan stays portrait), one page per 15 actions, the month header on
// every page and each action on the page it belongs to, read back from
// the PDF with pdftotext (poppler-utils); checked on the demo and on
// generated plans of 16 and 31 actions with the longest texts and the
// most milestone rows a page must hold.  The print screenshot and the PDF's
// first page are kept in tests/artifacts/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, serve, launch, check, finish, artifact } from '../browser/lib.mjs';

const PER_PAGE = 15;
const MONTHS = 'jan feb mrt apr mei jun jul aug sep okt nov dec';

// Pages of a PDF as text, in content order, blanks collapsed.
function pdfPages(pdf) {
  const dir = mkdtempSync(join(tmpdir(), 'zs-pdf-'));
  const file = join(dir, 'p.pdf');
  writeFileSync(file, pdf);
  const pages = [];
  for (let p = 1; ; p++) {
    const r = spawnSync('pdftotext', ['-raw', '-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' });
    if (r.status !== 0) break;
    pages.push(r.stdout.replace(/\s+/g, ' ').trim());
  }
  rmSync(dir, { recursive: true, force: true });
  return pages;
}

// The MediaBox of the first page: [width, height] in points.
function mediaBox(pdf) {
  const m = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  return m ? [Number(m[1]), Number(m[2])] : null;
}

// Prints the timeline and checks that page k holds actions 15k..15k+14.
async function checkPrint(page, url, what) {
  await page.emulateMedia({ media: 'print' });
  await page.goto(url);
  const rows = await page.$$eval('tbody.tl-action .tl-name', (ths) => ths.map((th) =>
    `${th.querySelector('.code') ? th.querySelector('.code').textContent + ' ' : ''}${th.querySelector('a').textContent}`
      .replace(/\s+/g, ' ').slice(0, 30)));
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const box = mediaBox(pdf);
  check(box && Math.round(box[0]) === 842 && Math.round(box[1]) === 595, `${what}: printed on A4 landscape`, JSON.stringify(box));
  const pages = pdfPages(pdf);
  const want = Math.max(1, Math.ceil(rows.length / PER_PAGE));
  check(pages.length === want, `${what}: ${rows.length} actions print on ${want} page(s)`, `${pages.length} pages`);
  const misplaced = [];
  pages.forEach((text, k) => {
    if (!text.includes(`Actie ${MONTHS}`)) misplaced.push(`page ${k + 1} lacks the month header`);
    rows.forEach((row, i) => {
      const here = Math.floor(i / PER_PAGE) === k;
      if (here !== text.includes(row)) misplaced.push(`page ${k + 1} ${here ? 'lacks' : 'has'} "${row}"`);
    });
  });
  check(misplaced.length === 0, `${what}: every page has the month header and exactly its ${PER_PAGE} actions`, misplaced.join('\n'));
  await page.emulateMedia({ media: 'screen' });
  return pdf;
}

// A plan of n actions with long titles and up to four milestone rows.
function makePlan(n) {
  const dir = mkdtempSync(join(tmpdir(), 'zs-plan-'));
  mkdirSync(join(dir, 'actions'));
  writeFileSync(join(dir, 'site.yaml'), 'zone: {name: Drukproefzone}\nbase_url: https://druk.example/\n');
  const long = 'een lange titel zoals actieplannen ze schrijven, met een bijzin die de regel zeker doet omslaan';
  for (let i = 1; i <= n; i++) {
    const spans = ['2025-Q1', '2025-H1', '2025-01/2025-04', '2025'].slice(0, i % 5)
      .map((d, k) => `  - {date: "${d}", title: "Mijlpaal over meerdere maanden nummer ${k + 1} met veel woorden erin"}`);
    const months = [2, 5, 9, 11].map((m) =>
      `  - {date: 2025-${String(m).padStart(2, '0')}, title: "Een mijlpaal met een lange naam in maand ${m}"}`);
    writeFileSync(join(dir, 'actions', `a${String(i).padStart(2, '0')}.md`),
      `---\ntitle: "Actie ${i}: ${long}"\nplan: 2025\ncode: "${i}"\ntemplate: short\n` +
      `period: {start: 2025-01, end: 2025-12}\nmilestones:\n${months.concat(spans).join('\n')}\n---\nTekst.\n`);
  }
  return dir;
}

const root = buildSite('content');
const server = await serve(root);
const browser = await launch();
try {
  const pages = ['/acties/', '/acties/tijdslijn/', '/acties/we40-a01-eerstelijnsplatformen/',
    '/acties/we40-a08-speeddates/', '/acties/we40-a02-partnerbezoeken/', '/acties/we40-a06-eerstelijnsplatformen-netwerk/'];
  for (const width of [375, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    for (const path of pages) {
      const resp = await page.goto(server.url + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(resp && resp.ok() && overflow <= 0, `${width}px ${path} loads without sideways scrolling`, `overflow ${overflow}px`);
    }
    await page.goto(server.url + '/acties/tijdslijn/');
    const grid = await page.evaluate(() => {
      const box = document.querySelector('.timeline-scroll');
      return { scrolls: box.scrollWidth > box.clientWidth,
        sticky: getComputedStyle(document.querySelector('.timeline th.tl-name')).position };
    });
    check(grid.sticky === 'sticky', `${width}px: the timeline's action column stays in view`, JSON.stringify(grid));
    if (width === 375)
      check(grid.scrolls, '375px: the timeline scrolls inside its own region', JSON.stringify(grid));
    await page.close();
  }

  const page = await browser.newPage({ viewport: { width: 1123, height: 794 } });
  await page.goto(server.url + '/acties/tijdslijn/');
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => ['.site-header', '.site-nav', '.timeline-intro']
    .map((s) => getComputedStyle(document.querySelector(s)).display));
  check(shown.every((d) => d === 'none'), 'printed, the timeline leaves out the header, menu and introduction', shown.join(' '));
  const shaded = await page.evaluate(() => getComputedStyle(document.querySelector('.timeline td.on')).backgroundColor);
  check(shaded !== 'rgba(0, 0, 0, 0)', 'printed, running months keep their shading', shaded);
  await page.screenshot({ path: artifact('timeline-print.png'), fullPage: true });

  const pdf = await checkPrint(page, server.url + '/acties/tijdslijn/', 'demo timeline');
  writeFileSync(artifact('timeline.pdf'), pdf);
  const png = spawnSync('pdftoppm', ['-r', '110', '-png', '-f', '1', '-l', '1', '-singlefile',
    artifact('timeline.pdf'), artifact('timeline-print-page1')]);
  check(png.status === 0, 'the printed first page is kept as tests/artifacts/timeline-print-page1.png', png.stderr);

  await page.emulateMedia({ media: 'print' });
  await page.goto(server.url + '/acties/');
  const plan = mediaBox(await page.pdf({ preferCSSPageSize: true }));
  check(plan && plan[0] < plan[1], 'the plan page still prints portrait: landscape is the timeline\'s alone', JSON.stringify(plan));

  for (const n of [16, 31]) {
    const site = makePlan(n);
    const out = buildSite(site);
    const s = await serve(out);
    await checkPrint(page, s.url + '/acties/tijdslijn/', `a plan of ${n} long actions`);
    s.close();
    rmSync(site, { recursive: true, force: true });
  }
  await page.close();
} finally {
  await browser.close();
  server.close();
  finish();
}
