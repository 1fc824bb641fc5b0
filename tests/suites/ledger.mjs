// The published-URL ledger (published-urls.txt), end to end, on a copy of
// tests/newsletter/site (a site in the folder /zone/ of its host):
//   1. an empty ledger is filled by a build, sorted, with the page that
//      last linked to each URL (the newest newsletter mail first);
//   2. renaming an event that a newsletter links to fails the build with a
//      diagnostic at the ledger's line that names the URL, the mail that
//      last linked to it and the exact aliases: line; `check` says the
//      same; the published site and the ledger are left untouched;
//   3. with that aliases: line the build passes, the ledger gains the new
//      URL, the redirect page stays out of the sitemap, and in chromium the
//      old URL with a #fragment lands on the new page at that fragment
//      (and without JavaScript, the meta refresh still lands on the page);
//   4. retiring a URL on purpose is a line in retired-urls.txt;
//   5. other editions never write the ledger; a read-only site folder
//      builds, with a warning naming what was not recorded;
//   6. a merge conflict left in the ledger is an error at its line.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, renameSync, rmSync,
  readdirSync, statSync, chmodSync, chownSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { serve, launch, check, finish } from '../browser/lib.mjs';

const zs = process.env.ZONESITE || 'build/release/zonesite';
const tmp = mkdtempSync(join(tmpdir(), 'zs-ledger-'));
const site = join(tmp, 'site');
const www = join(tmp, 'www');
const out = join(www, 'zone'); // base_url https://www.zone.example/zone/
const ledgerPath = join(site, 'published-urls.txt');
cpSync('tests/newsletter/site', site, { recursive: true });
mkdirSync(www);

function zonesite(cmd, extra = [], opts = {}) {
  const args = [cmd, '-C', site];
  if (cmd === 'build') args.push('-o', opts.out || out);
  // The assertions quote the English messages.
  args.push('--now', '2025-10-01', '--lang', 'en', ...extra);
  const r = spawnSync(opts.bin || zs, args, { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '0' } });
  return { status: r.status, stderr: r.stderr || String(r.error || '') };
}

// Every file of a folder with its size, mtime and hash.
function snapshot(dir) {
  const lines = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const st = statSync(p);
        lines.push(`${relative(dir, p)} ${st.size} ${st.mtimeMs} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
      }
    }
  };
  walk(dir);
  return lines.join('\n');
}

const ledger = () => readFileSync(ledgerPath, 'utf8');
const edit = (rel, f) => writeFileSync(join(site, rel), f(readFileSync(join(site, rel), 'utf8')));
const errorLines = (s) => s.split('\n').filter((l) => / error: /.test(l));

// ---- 1. the first build fills the ledger ----
writeFileSync(ledgerPath, '');
let r = zonesite('build');
check(r.status === 0, 'a site with an empty ledger builds', r.stderr);
let text = ledger();
const lines = text.trimEnd().split('\n');
const paths = lines.map((l) => l.split(' <- ')[0]);
check(paths.length > 10 && paths.every((p) => p.startsWith('/')), `the ledger lists ${paths.length} published paths`);
check(JSON.stringify(paths) === JSON.stringify([...paths].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : a === b ? 0 : 1))) &&
  new Set(paths).size === paths.length, 'the ledger is sorted (bytewise), one path per line');
check(lines.includes('/kalender/elp-wonen/ <- /nieuwsbrief/2025-02/email.html'),
  'an event is recorded with the newest newsletter mail that linked to it', lines.filter((l) => l.includes('elp-wonen')).join('\n'));
check(paths.includes('/nieuwsbrief/2025-01/') && paths.includes('/documenten/brochure.pdf'),
  'issue pages and static files are recorded');
check(!paths.some((p) => p.endsWith('/email.html') || p === '/404.html' || p.startsWith('/assets/') || p.endsWith('.xml')),
  'mail versions, 404.html, theme assets and feeds are not recorded');
const mtime = statSync(ledgerPath).mtimeMs;
r = zonesite('build');
check(r.status === 0 && ledger() === text && statSync(ledgerPath).mtimeMs === mtime,
  'a second build leaves the ledger untouched (same bytes, same mtime)', r.stderr);

// ---- 2. rename an event that the newsletters link to ----
renameSync(join(site, 'events/elp-wonen.md'), join(site, 'events/elp-wonen-2025.md'));
for (const f of ['newsletters/2025-01.md', 'newsletters/2025-02.md'])
  edit(f, (s) => s.replace(/elp-wonen(?![-\w])/g, 'elp-wonen-2025'));
const before = snapshot(out);
const lineNo = lines.indexOf('/kalender/elp-wonen/ <- /nieuwsbrief/2025-02/email.html') + 1;
const want = `${ledgerPath}:${lineNo}:1: error: published URL '/kalender/elp-wonen/' no longer resolves ` +
  '(last linked from /nieuwsbrief/2025-02/email.html); to keep it alive, add this line to the front matter of ' +
  `${site}/events/elp-wonen-2025.md: aliases: ["/kalender/elp-wonen/"]; or retire the URL in retired-urls.txt\n` +
  `${String(lineNo).padStart(5)} | /kalender/elp-wonen/ <- /nieuwsbrief/2025-02/email.html\n` +
  '      | ^\n';
r = zonesite('build');
check(r.status === 1, 'after the rename the build fails (status 1)', `status ${r.status}`);
check(r.stderr.includes(want), 'the diagnostic names the ledger line, the URL, the mail that linked to it and the exact aliases: line',
  `want:\n${want}got:\n${r.stderr}`);
check(errorLines(r.stderr).length === 1, 'it is the only error', r.stderr);
check(snapshot(out) === before, 'the published site is untouched (every file, size, mtime and hash)');
check(ledger() === text, 'the ledger is untouched');
r = zonesite('check');
check(r.status === 1 && r.stderr.includes(want), '`zonesite check` reports the same diagnostic', r.stderr);

// ---- 3. add the alias ----
edit('events/elp-wonen-2025.md', (s) => s.replace(/^---\n/, '---\naliases: ["/kalender/elp-wonen/"]\n'));
r = zonesite('build');
check(r.status === 0, 'with the aliases: line the build passes', r.stderr);
text = ledger();
check(text.includes('\n/kalender/elp-wonen-2025/ <- /nieuwsbrief/2025-02/email.html\n') &&
  text.includes('\n/kalender/elp-wonen/ <- /nieuwsbrief/2025-02/email.html\n'),
  'the ledger gains the new URL and keeps the old one', text.split('\n').filter((l) => l.includes('elp-wonen')).join('\n'));
const sitemap = readFileSync(join(out, 'sitemap.xml'), 'utf8');
check(sitemap.includes('/zone/kalender/elp-wonen-2025/</loc>') && !sitemap.includes('/zone/kalender/elp-wonen/</loc>'),
  'the redirect page is not in the sitemap; the new page is');
const redirect = readFileSync(join(out, 'kalender/elp-wonen/index.html'), 'utf8');
check(/<link rel="canonical" href="https:\/\/www\.zone\.example\/zone\/kalender\/elp-wonen-2025\/">/.test(redirect) &&
  /<meta http-equiv="refresh" content="0; url=\/zone\/kalender\/elp-wonen-2025\/">/.test(redirect) &&
  /location\.hash/.test(redirect), 'the redirect page has a canonical link, a meta refresh and a script that keeps the #fragment');

const server = await serve(www);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 360, height: 260 } });
  await page.goto(`${server.url}/zone/kalender/elp-wonen/#programma`);
  await page.waitForURL(/elp-wonen-2025/);
  await page.waitForLoadState('load');
  const at = await page.evaluate(() => ({ path: location.pathname, hash: location.hash, scrollY: window.scrollY,
    top: document.getElementById('programma') ? document.getElementById('programma').getBoundingClientRect().top : null }));
  check(at.path === '/zone/kalender/elp-wonen-2025/' && at.hash === '#programma',
    'chromium: the old URL with #programma lands on the new page at #programma', JSON.stringify(at));
  check(at.top !== null && at.scrollY > 0 && Math.abs(at.top) < 2,
    'chromium: the page is scrolled to the #programma heading', JSON.stringify(at));
  await page.close();
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const nojs = await ctx.newPage();
  await nojs.goto(`${server.url}/zone/kalender/elp-wonen/`);
  await nojs.waitForURL(/elp-wonen-2025\/$/, { timeout: 10000 }).catch(() => {});
  check(new URL(nojs.url()).pathname === '/zone/kalender/elp-wonen-2025/',
    'chromium without JavaScript: the meta refresh lands on the new page', nojs.url());
  await ctx.close();
} finally {
  await browser.close();
  server.close();
}

// ---- 4. retiring a URL on purpose ----
rmSync(join(site, 'pages/over-ons.md'));
edit('newsletters/2025-02.md', (s) => s.replace('[over ons](page:over-ons)', 'over ons'));
r = zonesite('build');
check(r.status === 1 && r.stderr.includes("published URL '/over-ons/' no longer resolves") &&
  r.stderr.includes('add this line to the front matter of the page that replaced it: aliases: ["/over-ons/"]'),
  'a removed page without a successor fails the build, and the message says how to keep or retire it', r.stderr);
writeFileSync(join(site, 'retired-urls.txt'), '# URLs we stopped publishing on purpose\n/over-ons/ pagina opgeheven\n');
r = zonesite('build');
check(r.status === 0 && !/ledger|retired/.test(r.stderr), 'a line in retired-urls.txt retires the URL: the build passes', r.stderr);
check(ledger().includes('\n/over-ons/'), 'the retired URL stays in the ledger');
writeFileSync(join(site, 'retired-urls.txt'), '/over-ons/\n/over-onz/ tikfout\n');
r = zonesite('build');
check(r.status === 0 && r.stderr.includes(`${join(site, 'retired-urls.txt')}:2:1: warning: retired URL '/over-onz/' is not in published-urls.txt`),
  'retiring a URL that was never published is a warning at its line', r.stderr);

// ---- 5. editions and a read-only site folder ----
writeFileSync(join(site, 'pages/nieuw.md'), '---\ntitle: Nieuw\n---\nEen nieuwe pagina.\n');
text = ledger();
r = zonesite('build', ['--edition', 'partners'], { out: join(tmp, 'partners') });
check(r.status === 0 && ledger() === text, 'a build of the partners edition does not write the ledger', r.stderr);
const roOut = join(tmp, 'ro');
mkdirSync(roOut, { mode: 0o777 });
chmodSync(roOut, 0o777);
let ro;
if (process.getuid() === 0) {
  // root writes anywhere: run the build as nobody, for whom the folder is read-only.
  chmodSync(tmp, 0o755);
  ro = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', zs, 'build', '-C', site,
    '-o', join(roOut, 'site'), '--now', '2025-10-01', '--lang', 'en'], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '0' } });
} else {
  chmodSync(site, 0o555);
  ro = spawnSync(zs, ['build', '-C', site, '-o', join(roOut, 'site'), '--now', '2025-10-01', '--lang', 'en'],
    { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '0' } });
  chmodSync(site, 0o755);
}
check(ro.status === 0 && existsSync(join(roOut, 'site/nieuw/index.html')),
  'a read-only site folder still builds and publishes', `${ro.status} ${ro.stderr}`);
check((ro.stderr || '').includes(`${ledgerPath}: warning: cannot update the ledger of published URLs: Permission denied; 1 new URL is not recorded`),
  'and warns that the new URL was not recorded', ro.stderr);
check(ledger() === text, 'the ledger of a read-only site is unchanged');
r = zonesite('build');
check(r.status === 0 && ledger().includes('\n/nieuw/\n'), 'the next writable public build records it', r.stderr);

// ---- 6. a merge conflict left in the ledger ----
writeFileSync(ledgerPath, `${ledger()}<<<<<<< HEAD\n`);
const conflictLine = ledger().trimEnd().split('\n').length;
r = zonesite('build');
check(r.status === 1 && r.stderr.includes(`${ledgerPath}:${conflictLine}:1: error: '<<<<<<< HEAD' is not a site path`),
  'a merge conflict marker in the ledger is an error at its line', r.stderr);

rmSync(tmp, { recursive: true, force: true });
finish();
