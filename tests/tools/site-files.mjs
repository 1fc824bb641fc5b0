// site-files.mjs: reading a built site without a browser, for the suites
// that check its files (links.mjs, formats.mjs, axe.mjs).
//
// The HTML tokenizer here is small on purpose: zonesite writes the HTML
// itself, so the suites need tags, attributes (entities decoded), ids and
// line numbers, not a DOM.  It still follows the HTML rules that matter
// for finding links: comments are skipped, <script> and <style> bodies are
// raw text, attribute values may be double-, single- or unquoted.
import { readdirSync, readFileSync, statSync, mkdtempSync, cpSync, writeFileSync, rmSync } from 'node:fs';
import { join, relative, sep, dirname } from 'node:path';
import { tmpdir } from 'node:os';

// Every file under root, as '/'-separated paths relative to it, sorted.
export function walk(root) {
  const out = [];
  const visit = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) visit(p);
      else out.push(relative(root, p).split(sep).join('/'));
    }
  };
  visit(root);
  return out;
}

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return NAMED[e] ?? m;
  });
}

const RAW_TEXT = new Set(['script', 'style']);

// Tags of an HTML text: [{ name, attrs: Map, line, text? }]; raw-text
// elements (script, style) carry their body in `text`.
export function tokenize(html) {
  const tags = [];
  let i = 0;
  let line = 1;
  const advance = (to) => {
    for (let k = i; k < to; k++) if (html.charCodeAt(k) === 10) line++;
    i = to;
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    advance(lt);
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      advance(end < 0 ? html.length : end + 3);
      continue;
    }
    const m = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(i, i + 64));
    if (!m) { advance(i + 1); continue; }
    const tag = { name: m[1].toLowerCase(), attrs: new Map(), line };
    let k = i + m[0].length;
    for (;;) {
      while (k < html.length && /[\s/]/.test(html[k])) k++;
      if (k >= html.length || html[k] === '>') break;
      const a = /^[^\s"'>/=]+/.exec(html.slice(k, k + 256));
      if (!a) { k++; continue; }
      const name = a[0].toLowerCase();
      k += a[0].length;
      while (k < html.length && /\s/.test(html[k])) k++;
      let value = '';
      if (html[k] === '=') {
        k++;
        while (k < html.length && /\s/.test(html[k])) k++;
        const q = html[k];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, k + 1);
          value = html.slice(k + 1, end < 0 ? html.length : end);
          k = end < 0 ? html.length : end + 1;
        } else {
          const v = /^[^\s>]*/.exec(html.slice(k))[0];
          value = v;
          k += v.length;
        }
      }
      if (!tag.attrs.has(name)) tag.attrs.set(name, decodeEntities(value));
    }
    advance(Math.min(k + 1, html.length));
    if (RAW_TEXT.has(tag.name)) {
      const close = html.toLowerCase().indexOf(`</${tag.name}`, i);
      const end = close < 0 ? html.length : close;
      tag.text = html.slice(i, end);
      advance(end);
    }
    tags.push(tag);
  }
  return tags;
}

// The ids a fragment may point at: id="..." anywhere, <a name="...">.
export function idsOf(tags) {
  const ids = new Set();
  for (const t of tags) {
    if (t.attrs.has('id')) ids.add(t.attrs.get('id'));
    if (t.name === 'a' && t.attrs.has('name')) ids.add(t.attrs.get('name'));
  }
  return ids;
}

// base_url of a site folder's site.yaml (a plain or quoted scalar).
export function baseUrlOf(siteDir) {
  const yaml = readFileSync(join(siteDir, 'site.yaml'), 'utf8');
  const m = /^base_url:\s*["']?([^"'\s#]+)/m.exec(yaml);
  if (!m) throw new Error(`no base_url in ${siteDir}/site.yaml`);
  return m[1].endsWith('/') ? m[1] : `${m[1]}/`;
}

// A copy of a site folder whose base_url is replaced, to build the same
// site under a sub-path; returns the copy's folder.
export function siteWithBase(siteDir, baseUrl) {
  const dir = join(mkdtempSync(join(tmpdir(), 'zs-site-')), 'site');
  cpSync(siteDir, dir, { recursive: true });
  const p = join(dir, 'site.yaml');
  const yaml = readFileSync(p, 'utf8');
  writeFileSync(p, yaml.replace(/^base_url:.*$/m, `base_url: ${baseUrl}`));
  return dir;
}

// The kind of page an output path is, for "one page of each kind" checks.
// Paths are relative to the output folder, e.g. 'kalender/x/index.html'.
export function pageKind(path) {
  const dir = path.replace(/index\.html$/, '');
  const rules = [
    [/^$/, 'home'],
    [/^404\.html$/, '404'],
    [/^kalender\/$/, 'calendar list'],
    [/^kalender\/archief\/$/, 'calendar archive'],
    [/^kalender\/abonneren\/$/, 'calendar subscriptions'],
    [/^kalender\/\d{4}\/\d{2}\/$/, 'month grid'],
    [/^kalender\/(soort|doelgroep|gemeente)\/[^/]+\/$/, 'calendar facet'],
    [/^kalender\/[^/]+\/$/, 'event'],
    [/^nieuwsbrief\/$/, 'newsletter archive'],
    [/^nieuwsbrief\/[^/]+\/email\.html$/, 'newsletter mail'],
    [/^nieuwsbrief\/[^/]+\/$/, 'newsletter issue'],
    [/^partners\/$/, 'directory'],
    [/^partners\/(soort|gemeente|cluster)\/[^/]+\/$/, 'directory facet'],
    [/^partners\/[^/]+\/$/, 'partner'],
    [/^kaart\/$/, 'map'],
    [/^kaart\/(soort|gemeente)\/[^/]+\/$/, 'map facet'],
    [/^kaart\/[^/]+\/$/, 'service'],
    [/^acties\/$/, 'action plan'],
    [/^acties\/(\d{4}\/)?tijdslijn\/$/, 'timeline'],
    [/^acties\/\d{4}\/$/, 'action plan'],
    [/^acties\/rapport\/$/, 'plan report'],
    [/^acties\/[^/]+\/$/, 'fiche'],
    [/^zoeken\/$/, 'search'],
    [/^[^/]+\/$/, 'free page'],
  ];
  for (const [re, kind] of rules) if (re.test(dir)) return kind;
  return 'other';
}

// True for an output file that is a redirect left by an alias.
export function isRedirect(html) {
  return /<meta\s+http-equiv=["']?refresh/i.test(html);
}

// Removes the temporary folder of a build (buildSite's ROOT/public) or of
// a site copy (siteWithBase's ROOT/site), so suites leave /tmp as it was.
export function removeTemp(path) {
  rmSync(dirname(path), { recursive: true, force: true });
}
