// axe: WCAG 2.1 A and AA, as axe-core sees the demo site in Debian's
// headless chromium, and a visible keyboard focus on every stop.
//
// Every HTML page of the demo build (alias redirects aside) is loaded
// from a local server and checked by axe-core (tests/package.json, pinned;
// injected from tests/node_modules, no network) with the rules tagged
// wcag2a, wcag2aa, wcag21a and wcag21aa.  Each page is one check; a
// failing one lists each violated rule with its WCAG criterion, its
// impact and the elements, so the file and the rule are named.
//
// On one page of each kind (mail versions aside: they have no site
// navigation), the keyboard walks the page: the first Tab reaches the skip
// link, and every element Tab reaches afterwards (up to KEY_STOPS) is on
// screen with a focus indicator (an outline or a box shadow).
//
// The issue lists the kinds that must be covered; a kind the build does
// not make yet is reported as "# missing kind", never as a pass.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, serve, launch, check, finish } from '../browser/lib.mjs';
import { walk, pageKind, isRedirect, removeTemp } from '../tools/site-files.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const KEY_STOPS = 40;
const KINDS = ['home', 'calendar list', 'month grid', 'event', 'newsletter archive', 'newsletter issue',
  'directory', 'partner', 'map', 'service', 'fiche', 'timeline', 'free page', '404', 'search'];

const root = buildSite('content');
const pages = walk(root).filter((f) => f.endsWith('.html'))
  .filter((f) => !isRedirect(readFileSync(join(root, f), 'utf8')));
const byKind = new Map();
for (const f of pages) {
  const k = pageKind(f);
  if (!byKind.has(k)) byKind.set(k, []);
  byKind.get(k).push(f);
}
const urlOf = (f) => `/${f.replace(/(^|\/)index\.html$/, '$1')}`;

function describe(violations) {
  return violations.map((v) => {
    const wcag = v.tags.filter((t) => /^wcag\d{3,}$/.test(t)).map((t) => t.slice(4).split('').join('.')).join(', ');
    const nodes = v.nodes.slice(0, 3).map((n) => `    ${n.target.join(' ')}: ${n.html.slice(0, 140)}${n.failureSummary ? `\n      ${n.failureSummary.split('\n').slice(1, 2).join('').trim()}` : ''}`);
    return `${v.id} (WCAG ${wcag || '-'}, ${v.impact}): ${v.help}; ${v.nodes.length} element(s)\n${nodes.join('\n')}`;
  }).join('\n');
}

// Tabs through the page; returns what went wrong at which stop.
async function keyboardWalk(page) {
  const problems = [];
  const seen = new Set();
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement.className);
  if (!/\bskip-link\b/.test(first)) problems.push(`the first Tab reaches "${first}", not the skip link`);
  for (let i = 0; i < KEY_STOPS; i++) {
    const s = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const focused = getComputedStyle(el);
      const ring = (focused.outlineStyle !== 'none' && parseFloat(focused.outlineWidth) > 0) ||
        (focused.boxShadow && focused.boxShadow !== 'none');
      const r = el.getBoundingClientRect();
      const path = [];
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        path.unshift(e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') +
          (e.classList.length ? `.${[...e.classList].join('.')}` : ''));
      }
      return { path: path.join(' > '), ring, visible: r.width > 0 && r.height > 0,
        text: (el.textContent || el.value || '').trim().slice(0, 40) };
    });
    if (s === null) break;
    if (seen.has(s.path + s.text)) break; // wrapped around
    seen.add(s.path + s.text);
    if (!s.ring) problems.push(`stop ${i + 1}: ${s.path} "${s.text}" has no visible focus indicator`);
    if (!s.visible) problems.push(`stop ${i + 1}: ${s.path} "${s.text}" is focused but not on screen`);
    await page.keyboard.press('Tab');
  }
  return { problems, stops: seen.size };
}

async function axeViolations(page, f) {
  await page.goto(server.url + urlOf(f));
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, tags: v.tags,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) }));
  }, TAGS);
}

const server = await serve(root);
const browser = await launch();
try {
  // Two tabs share the pages (two cores); results are printed in order.
  const results = new Map();
  let next = 0;
  const worker = async () => {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    while (next < pages.length) {
      const f = pages[next++];
      results.set(f, await axeViolations(tab, f));
    }
    await tab.close();
  };
  await Promise.all([worker(), worker()]);
  for (const f of pages) {
    const result = results.get(f);
    check(result.length === 0, `axe ${pageKind(f)} ${urlOf(f)}: no WCAG 2.1 A/AA violation`, describe(result));
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const kind of [...byKind.keys()].sort()) {
    // A mail version is pasted into a mailing tool: no site navigation
    // to skip there.
    if (kind === 'newsletter mail') continue;
    const f = byKind.get(kind)[0];
    await page.goto(server.url + urlOf(f));
    const { problems, stops } = await keyboardWalk(page);
    check(problems.length === 0, `keyboard ${kind} ${urlOf(f)}: skip link first, ${stops} stops, each with a visible focus`,
          problems.slice(0, 10).join('\n'));
  }
  await page.close();
} finally {
  await browser.close();
  server.close();
  removeTemp(root);
}
const missing = KINDS.filter((k) => !byKind.has(k));
console.log(`# kinds checked: ${[...byKind.keys()].sort().map((k) => `${k} (${byKind.get(k).length})`).join(', ')}`);
for (const k of missing) console.log(`# note: missing kind: ${k} (no such page in the demo build yet)`);
finish();
