// The newsletter's mail version as a reader sees it, in headless chromium:
// every issue of the demo zone at 800, 600 and 400 px wide.  The mail's
// URLs are absolute (https://www.elzwe40.example/...), so requests to the
// zone's host are answered from the build folder, as the real web server
// would; any other request is recorded and fails the test.  The 600 px
// screenshot of the October issue is kept in tests/artifacts/.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, launch, check, finish, artifact } from '../browser/lib.mjs';

const BASE = 'https://www.elzwe40.example/';
const TYPES = { '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.css': 'text/css',
  '.png': 'image/png', '.txt': 'text/plain; charset=utf-8' };

const root = buildSite('content');
const issues = readdirSync(join(root, 'nieuwsbrief'), { withFileTypes: true })
  .filter((d) => d.isDirectory()).map((d) => d.name).sort();

// The zone's host, served from the build folder.
async function routeSite(page, outside) {
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (!route.request().url().startsWith(BASE)) {
      outside.push(route.request().url());
      return route.abort();
    }
    let file = join(root, decodeURIComponent(url.pathname));
    if (file.endsWith('/')) file = join(file, 'index.html');
    if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    const ext = file.slice(file.lastIndexOf('.'));
    return route.fulfill({ status: 200, contentType: TYPES[ext] || 'application/octet-stream',
      body: readFileSync(file) });
  });
}

const browser = await launch();
try {
  check(issues.length >= 3, `${issues.length} issues in the demo`);
  for (const width of [800, 600, 400]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const outside = [];
    await routeSite(page, outside);
    for (const id of issues) {
      const resp = await page.goto(`${BASE}nieuwsbrief/${id}/email.html`);
      await page.waitForLoadState('load');
      check(resp && resp.ok(), `${width}px ${id}: email.html loads`);
      const m = await page.evaluate(() => {
        const content = [...document.querySelectorAll('div')].filter((t) => /max-width:\s*600px/.test(t.getAttribute('style') || ''));
        const imgs = [...document.images];
        return {
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          contentWidth: content.length ? content[0].getBoundingClientRect().width : -1,
          widest: Math.max(...[...document.body.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)),
          scripts: document.scripts.length,
          forms: document.forms.length,
          sheets: document.styleSheets.length,
          broken: imgs.filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.src),
          noAlt: imgs.filter((i) => !i.alt.trim()).map((i) => i.src),
          font: getComputedStyle(document.querySelector('p')).fontFamily,
        };
      });
      check(m.overflow <= 0, `${width}px ${id}: no horizontal scrolling`, `overflow ${m.overflow}px`);
      if (width === 800) {
        check(m.contentWidth === 600, `${width}px ${id}: the content is 600 px wide, no wider`, m.contentWidth);
      } else if (width === 600) {
        check(m.contentWidth > 0 && m.contentWidth <= 600, `${width}px ${id}: the content is at most 600 px wide`, m.contentWidth);
      } else {
        check(m.contentWidth > 0 && m.contentWidth <= width, `${width}px ${id}: the content table shrinks to the window`, m.contentWidth);
      }
      check(m.widest <= width, `${width}px ${id}: nothing sticks out past ${width} px`, m.widest);
      check(m.scripts === 0 && m.forms === 0 && m.sheets === 0, `${width}px ${id}: no script, form or style sheet in the DOM`, JSON.stringify(m));
      check(m.broken.length === 0, `${width}px ${id}: every image loads from the site`, m.broken.join('\n'));
      check(m.noAlt.length === 0, `${width}px ${id}: every image has alt text`, m.noAlt.join('\n'));
      check(/Arial/.test(m.font), `${width}px ${id}: styled inline (font ${m.font})`);
      if (width === 600 && id === '2025-10') {
        await page.screenshot({ path: artifact('newsletter-email-600.png'), fullPage: true });
        // The "view online" link leads to the issue's archive page.
        await Promise.all([page.waitForNavigation(), page.click('text=Bekijk deze nieuwsbrief online')]);
        const u = new URL(page.url());
        check(u.pathname === `/nieuwsbrief/${id}/` && u.searchParams.get('utm_campaign') === `nieuwsbrief-${id}`,
          `${id}: "bekijk deze nieuwsbrief online" opens the archive page, with the campaign`, page.url());
        const h1 = await page.textContent('h1');
        check(/oktober 2025/.test(h1), `${id}: the archive page shows the issue`, h1);
      }
    }
    check(outside.length === 0, `${width}px: no request leaves the zone's site`, outside.join('\n'));
    await page.close();
  }
} finally {
  await browser.close();
  finish();
}
