// links: every link inside a built site leads somewhere.
//
// The demo zone is built three times: the public edition, the internal
// edition, and the public edition with its base_url moved under a
// sub-path (https://.../zone-test/), which catches every link that forgets
// the base path.  In each build, every href and src of every HTML file
// (also <link>, <img srcset>, <meta http-equiv=refresh>, <form action>),
// every url(...) of a stylesheet and every URL of the site's own host in
// the other text files (sitemap, feeds, iCalendar, GeoJSON, vCard, CSV,
// mail versions) must resolve to a file of the build, and a #fragment
// to an id of the page it names.  Links to other hosts, mailto: and tel:
// are listed, not followed (no network in tests).
//
// Each HTML file is a check of its own; each broken link is printed under
// it with the line, the link and the reason.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, check, finish } from '../browser/lib.mjs';
import { walk, tokenize, idsOf, baseUrlOf, siteWithBase, decodeEntities, removeTemp } from '../tools/site-files.mjs';

const SITE = 'content';
const TEXT_EXT = /\.(xml|ics|json|geojson|jsonld|vcf|csv|txt|webmanifest)$/;
const LINK_ATTRS = { a: ['href'], area: ['href'], link: ['href'], img: ['src', 'srcset'],
  script: ['src'], iframe: ['src'], source: ['src', 'srcset'], audio: ['src'], video: ['src', 'poster'],
  track: ['src'], embed: ['src'], object: ['data'], form: ['action'], input: ['src'],
  use: ['href', 'xlink:href'], image: ['href', 'xlink:href'], blockquote: ['cite'], q: ['cite'],
  ins: ['cite'], del: ['cite'] };

function linksOfTag(t) {
  const out = [];
  for (const attr of LINK_ATTRS[t.name] || []) {
    if (!t.attrs.has(attr)) continue;
    const v = t.attrs.get(attr);
    if (attr === 'srcset') for (const part of v.split(',')) out.push(part.trim().split(/\s+/)[0]);
    else out.push(v);
  }
  if (t.name === 'meta' && /^refresh$/i.test(t.attrs.get('http-equiv') || '')) {
    const m = /url\s*=\s*['"]?([^'"]+)/i.exec(t.attrs.get('content') || '');
    if (m) out.push(m[1].trim());
  }
  return out.filter((u) => u !== undefined);
}

// Resolves site-relative paths to files, and fragments to ids.
class Site {
  constructor(root, baseUrl) {
    this.root = root;
    this.base = new URL(baseUrl);
    this.files = new Set(walk(root));
    this.idCache = new Map();
    this.external = new Map(); // url -> first file linking to it
  }

  // The output file for a path below the base path, or null.
  fileFor(pathname) {
    const bp = this.base.pathname;
    if (!pathname.startsWith(bp)) return { error: `outside the base path ${bp}` };
    let rel;
    try { rel = decodeURIComponent(pathname.slice(bp.length)); } catch { return { error: 'bad percent-encoding' }; }
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    if (this.files.has(rel)) return { file: rel };
    if (this.files.has(`${rel}/index.html`)) return { file: `${rel}/index.html` };
    return { error: 'no such file in the build' };
  }

  ids(file) {
    if (!this.idCache.has(file)) {
      const text = readFileSync(join(this.root, file), 'utf8');
      this.idCache.set(file, idsOf(tokenize(text)));
    }
    return this.idCache.get(file);
  }

  // null when fine, else why not.  from: the output file the link is in.
  check(link, from) {
    const trimmed = link.trim();
    if (trimmed === '') return 'empty link';
    if (/^(mailto|tel|sms):/i.test(trimmed)) { this.note(trimmed, from); return null; }
    if (/^data:/i.test(trimmed)) return null;
    if (/^(javascript|vbscript|file):/i.test(trimmed)) return 'unsafe scheme';
    const pageUrl = new URL(from.replace(/(^|\/)index\.html$/, '$1'), this.base);
    let url;
    try { url = new URL(trimmed, pageUrl); } catch { return 'not a URL'; }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') { this.note(trimmed, from); return null; }
    if (url.host !== this.base.host) { this.note(url.href, from); return null; }
    if (url.protocol !== this.base.protocol) return `uses ${url.protocol} on the site's own host`;
    const target = this.fileFor(url.pathname);
    if (target.error) return target.error;
    if (url.hash.length > 1) {
      let frag;
      try { frag = decodeURIComponent(url.hash.slice(1)); } catch { return 'bad percent-encoding in the fragment'; }
      if (!target.file.endsWith('.html')) return `#${frag} points into ${target.file}, which has no ids`;
      if (!this.ids(target.file).has(frag)) return `no id "${frag}" in ${target.file}`;
    }
    return null;
  }

  note(url, from) {
    if (!this.external.has(url)) this.external.set(url, from);
  }
}

function linksOfHtml(text) {
  const out = [];
  for (const t of tokenize(text)) {
    for (const link of linksOfTag(t)) out.push({ link, line: t.line });
    if (t.name === 'style' && t.text) for (const l of cssUrls(t.text)) out.push({ link: l, line: t.line });
    if (t.attrs.has('style')) for (const l of cssUrls(t.attrs.get('style'))) out.push({ link: l, line: t.line });
  }
  return out;
}

function cssUrls(css) {
  const out = [];
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)) out.push(m[2] || m[4]);
  return out;
}

function lineOf(text, index) {
  let n = 1;
  for (let k = 0; k < index; k++) if (text.charCodeAt(k) === 10) n++;
  return n;
}

// A non-HTML text file as its readers see it: iCalendar and vCard lines
// unfolded (RFC 5545 3.1) and unescaped, XML entities decoded (an Atom
// entry's HTML content is escaped once more).  Line numbers are those of
// the result: logical lines for .ics and .vcf.
function readable(file, text) {
  if (/\.(ics|vcf)$/.test(file)) return text.replace(/\r?\n[ \t]/g, '').replace(/\\([,;\\])/g, '$1').replace(/\\[nN]/g, '\n');
  if (/\.xml$/.test(file)) return decodeEntities(text);
  return text;
}

// Absolute URLs of the site's own host in a non-HTML text file.
function ownUrls(text, base) {
  const out = [];
  const origin = base.origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`${origin}[^\\s"'<>\\\\,;)\\]}]*`, 'g');
  for (const m of text.matchAll(re)) out.push({ link: m[0].replace(/&amp;/g, '&'), line: lineOf(text, m.index) });
  return out;
}

function checkBuild(label, root, baseUrl, perFile) {
  const site = new Site(root, baseUrl);
  let total = 0;
  const broken = [];
  for (const file of [...site.files]) {
    let links = [];
    const text = file.endsWith('.html') || file.endsWith('.css') || TEXT_EXT.test(file)
      ? readFileSync(join(root, file), 'utf8') : null;
    if (file.endsWith('.html')) links = linksOfHtml(text);
    else if (file.endsWith('.css')) {
      links = cssUrls(text).map((link) => ({ link, line: lineOf(text, text.indexOf(link)) }));
    } else if (TEXT_EXT.test(file)) links = ownUrls(readable(file, text), site.base);
    else continue;
    const bad = [];
    for (const { link, line } of links) {
      const why = site.check(link, file);
      if (why) bad.push(`${file}:${line}: ${link} (${why})`);
    }
    total += links.length;
    broken.push(...bad);
    if (perFile) check(bad.length === 0, `links ${label}: ${file}: ${links.length} links resolve`, bad.join('\n'));
  }
  if (!perFile) {
    check(broken.length === 0, `links ${label}: ${site.files.size} files, ${total} links resolve`,
          broken.slice(0, 60).join('\n') + (broken.length > 60 ? `\n... and ${broken.length - 60} more` : ''));
  }
  return site;
}

const base = baseUrlOf(SITE);
const builds = [];
const build = (...args) => { const b = buildSite(...args); builds.push(b); return b; };
const pub = checkBuild('public', build(SITE), base, true);
checkBuild('internal', build(SITE, ['--edition', 'internal']), base, false);
const sub = new URL('zone-test/', base).href;
const subSite = siteWithBase(SITE, sub);
checkBuild(`under ${new URL(sub).pathname}`, build(subSite), sub, false);
builds.push(subSite);
builds.forEach(removeTemp);

console.log(`# note: ${pub.external.size} external links listed, not followed (log: links)`);
for (const [url, from] of [...pub.external].sort()) console.log(`#   ${url}  (first in ${from})`);
finish();
