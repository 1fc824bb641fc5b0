// lib.mjs: what the browser suites share.
//
// Each suite is a plain Node script that prints one line per check,
// "ok - ..." or "not ok - ...", like every other suite of make test.  The
// browser is Debian's chromium driven by playwright-core (never a browser
// download); pages are served from a local folder on 127.0.0.1 by a tiny
// static server, so the site is seen exactly as a web server would give it.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, statSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname, normalize } from 'node:path';
import { chromium } from 'playwright-core';

let failures = 0;

export function check(cond, what, detail) {
  if (cond) {
    console.log(`ok - ${what}`);
  } else {
    failures++;
    console.log(`not ok - ${what}`);
    if (detail !== undefined) console.log(`#   ${String(detail).split('\n').join('\n#   ')}`);
  }
  return cond;
}

export function finish() {
  process.exitCode = failures ? 1 : 0;
}

// Every folder buildSite made goes when the suite ends, however it ends:
// a suite run a thousand times must not fill /tmp.
const made = [];
process.on('exit', () => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

// Builds a site with the generator under test into a fresh folder.
export function buildSite(siteDir, args = []) {
  const out = mkdtempSync(join(tmpdir(), 'zs-browser-'));
  made.push(out);
  const zs = process.env.ZONESITE || 'build/release/zonesite';
  const r = spawnSync(zs, ['build', '-C', siteDir, '-o', join(out, 'public'), '--now', '2025-10-01', ...args],
                      { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '0' } });
  if (r.status !== 0) throw new Error(`zonesite build failed:\n${r.stderr}`);
  return join(out, 'public');
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.svg': 'image/svg+xml', '.xml': 'application/xml', '.ics': 'text/calendar; charset=utf-8',
  '.json': 'application/json', '.geojson': 'application/geo+json', '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png', '.vcf': 'text/vcard', '.csv': 'text/csv; charset=utf-8' };

// Serves root on 127.0.0.1 at a free port; folders answer with index.html.
export function serve(root) {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    path = normalize(path).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      try { res.end(readFileSync(join(root, '404.html'))); } catch { res.end('not found'); }
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
  }));
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Screenshots are kept as test artifacts in tests/artifacts/.
export function artifact(name) {
  mkdirSync('tests/artifacts', { recursive: true });
  return join('tests/artifacts', name);
}

// Every request a page makes, so a test can assert none leaves the site.
export function recordRequests(page) {
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}
