// serve-in-browser: the open tab of `make serve` in headless chromium.
//
// generator/zonesite-serve previews a copy of tests/regress/mini; a tab
// open on one of its pages must reload by itself after a saved change,
// show a failed build's diagnostics over the page (an accessible
// alertdialog that hides the stale site from eyes, keyboard and screen
// readers, passing axe-core's WCAG 2.1 A/AA rules), and come back by
// itself once the error is fixed -- with no request leaving 127.0.0.1.
// Every wait is bounded (WAIT_MS); nothing asserts how fast a rebuild is.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, check, finish, artifact, recordRequests } from '../browser/lib.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const WAIT_MS = 30000;
const zs = resolve(process.env.ZONESITE || 'build/release/zonesite');

const tmp = mkdtempSync(join(tmpdir(), 'zs-serve-browser-'));
const site = join(tmp, 'site');
cpSync('tests/regress/mini/site', site, { recursive: true });
const state = join(tmp, 't');
mkdirSync(state);

const port = await new Promise((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); });
});
const url = `http://127.0.0.1:${port}`;
let log = '';
const child = spawn('bash', ['generator/zonesite-serve', '-C', site, '-p', String(port), '--now', '2025-10-01'],
  { env: { ...process.env, ZONESITE: zs, TMPDIR: state }, stdio: ['ignore', 'pipe', 'pipe'] });
child.stdout.on('data', (d) => { log += d; });
child.stderr.on('data', (d) => { log += d; });
const exited = new Promise((ok) => child.on('exit', (code, sig) => ok({ code, sig })));

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
// Polls fn (async; exceptions count as "not yet") until it returns true.
async function until(fn) {
  const end = Date.now() + WAIT_MS;
  while (Date.now() < end) {
    try { if (await fn()) return true; } catch { /* a page being reloaded */ }
    await sleep(100);
  }
  return false;
}
async function status() {
  const r = await fetch(`${url}/.zonesite-preview.json`, { cache: 'no-store' });
  return r.ok ? r.json() : null;
}
const overPage = join(site, 'pages', 'over-ons.md');
const setTitle = (t) => writeFileSync(overPage, readFileSync(overPage, 'utf8').replace(/^title: .*$/m, `title: ${t}`));

let browser;
try {
  check(await until(async () => (await status())?.ok === true), 'zonesite-serve builds and serves the site', log);
  browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const requests = recordRequests(page);
  await page.goto(`${url}/over-ons/`);
  await page.evaluate(() => { window.zonesiteTestMark = 1; });
  check((await page.title()).startsWith('Over ons ·'), 'the tab shows the page');

  setTitle('Over ons vernieuwd');
  check(await until(async () => (await page.title()).startsWith('Over ons vernieuwd ·')),
    'after a saved change the open tab reloads by itself and shows it', log);
  check(await page.evaluate(() => window.zonesiteTestMark === undefined), '... it is a reload, not an edit in place');

  writeFileSync(join(site, 'pages', 'kapot.md'), '---\ntitle: Kapot\nstrat: 2025-10-14\n---\nTekst.\n');
  const dialog = page.locator('[role="alertdialog"]');
  check(await until(() => dialog.isVisible()), 'a content error: the tab shows an alert dialog', log);
  const o = await page.evaluate(() => {
    const d = document.querySelector('[role="alertdialog"]');
    const r = d.getBoundingClientRect();
    const st = getComputedStyle(d);
    const label = document.getElementById(d.getAttribute('aria-labelledby'));
    const others = [...document.body.children].filter((c) => c !== d);
    return {
      text: d.textContent, modal: d.getAttribute('aria-modal'), label: label && label.textContent,
      covers: r.left <= 0 && r.top <= 0 && r.right >= innerWidth && r.bottom >= innerHeight,
      bg: st.backgroundColor, fg: st.color,
      focusInside: d.contains(document.activeElement),
      othersInert: others.length > 0 && others.every((c) => c.inert && c.getAttribute('aria-hidden') === 'true'),
    };
  });
  check(/pages\/kapot\.md:3:1: .*strat/.test(o.text), 'the dialog shows the diagnostic with file, line and column', o.text);
  check(o.modal === 'true' && /Fout/.test(o.label || ''), 'it is modal and labelled in words ("Fout ..."), not by colour alone', JSON.stringify(o));
  check(o.covers && o.bg === 'rgb(255, 255, 255)' && o.fg === 'rgb(26, 26, 26)',
    'it covers the stale page, dark text on an opaque white background', JSON.stringify(o));
  check(o.focusInside, 'the focus moves into the dialog');
  check(o.othersInert, 'the stale page behind it is inert and hidden from screen readers');
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => !document.activeElement || document.activeElement === document.body ||
    document.querySelector('[role="alertdialog"]').contains(document.activeElement)),
  'Tab does not reach a link of the stale page');
  await page.screenshot({ path: artifact('serve-error-overlay.png') });
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document.querySelector('[role="alertdialog"]'),
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help}`);
  });
  check(violations.length === 0, 'axe-core: the dialog has no WCAG 2.1 A/AA violation', violations.join('\n'));
  check(/pages\/kapot\.md:3:1: .*strat/.test(log), 'the terminal shows the diagnostic too', log);

  await page.evaluate(() => { window.zonesiteTestMark = 2; });
  writeFileSync(join(site, 'pages', 'kapot.md'), '---\ntitle: Hersteld\n---\nTekst.\n');
  check(await until(async () => !(await dialog.isVisible()) && (await page.title()).startsWith('Over ons vernieuwd ·') &&
      await page.evaluate(() => window.zonesiteTestMark === undefined)),
    'once fixed, the tab reloads by itself (a new page, not the overlay removed) and shows the site again', log);

  const foreign = requests.filter((u) => !u.startsWith(`${url}/`));
  check(foreign.length === 0, 'no request leaves the preview server', foreign.join('\n'));
} finally {
  if (browser) await browser.close();
  child.kill('SIGTERM');
  const end = await Promise.race([exited, sleep(WAIT_MS).then(() => null)]);
  check(end !== null, 'SIGTERM stops zonesite-serve', log);
  if (end === null) child.kill('SIGKILL');
  check(readdirSync(state).length === 0, 'its preview folder is removed');
  rmSync(tmp, { recursive: true, force: true });
  finish();
}
