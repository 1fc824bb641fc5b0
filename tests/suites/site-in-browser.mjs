// The demo site as a person sees it, in headless chromium: on a phone and
// a desktop, with the keyboard, and without a single request leaving the
// site (no fonts, scripts or trackers from third parties).
import { buildSite, serve, launch, check, finish, artifact, recordRequests } from '../browser/lib.mjs';

const pages = ['/', '/kalender/', '/kalender/elp-wonen-2025/', '/nieuwsbrief/', '/nieuwsbrief/2025-10/',
  '/partners/', '/partners/de-woonwinkel/', '/kaart/', '/kaart/ldc-de-kade/', '/acties/',
  '/acties/we40-a01-eerstelijnsplatformen/', '/over-ons/', '/404.html'];

const root = buildSite('content');
const server = await serve(root);
const browser = await launch();

// The font of a page no style sheet touches, in this browser: what a page
// whose theme did not load would show.  (Chromium gives '"Times New
// Roman"', quotes and all, so comparing with the bare name never failed.)
async function unstyledFont() {
  const page = await browser.newPage();
  await page.setContent('<!DOCTYPE html><html lang="nl-BE"><body><p>x</p></body></html>');
  const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  await page.close();
  return font;
}

try {
  const plainFont = await unstyledFont();
  for (const width of [375, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const requests = recordRequests(page);
    for (const path of pages) {
      const resp = await page.goto(server.url + path);
      // 404.html too is a file of the build, served as it is (status 200).
      check(resp && resp.ok(), `${width}px ${path} loads`, resp && resp.status());
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(overflow <= 0, `${width}px ${path} has no horizontal scrolling`, `overflow ${overflow}px`);
      const css = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
      check(css && css !== plainFont, `${width}px ${path} is styled by the theme`, `${css} (unstyled: ${plainFont})`);
    }
    await page.goto(server.url + '/');
    await page.screenshot({ path: artifact(`home-${width}.png`), fullPage: true });
    const outside = requests.filter((u) => !u.startsWith(server.url));
    check(outside.length === 0, `${width}px: no request leaves the site`, outside.join('\n'));
    await page.close();
  }

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + '/kalender/');
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => ({ cls: document.activeElement.className,
    outline: getComputedStyle(document.activeElement).outlineStyle,
    visible: document.activeElement.getBoundingClientRect().height > 0 }));
  check(first.cls === 'skip-link', 'Tab first reaches the skip link', JSON.stringify(first));
  check(first.visible && first.outline !== 'none', 'the focused skip link is visible with a focus ring', JSON.stringify(first));
  await page.keyboard.press('Enter');
  const after = await page.evaluate(() => document.activeElement.id);
  check(after === 'inhoud', 'the skip link moves focus to the main content', after);
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => ({ inMain: !!document.activeElement.closest('main'),
    outline: getComputedStyle(document.activeElement).outlineStyle }));
  check(next.inMain && next.outline !== 'none', 'after skipping, Tab lands inside the content with a visible focus ring', JSON.stringify(next));
  const lang = await page.evaluate(() => document.documentElement.lang);
  check(lang === 'nl-BE', 'pages declare lang="nl-BE"', lang);
  const landmarks = await page.evaluate(() => ['header', 'nav', 'main', 'footer'].every((t) => document.querySelector(t)));
  check(landmarks, 'pages have header, nav, main and footer landmarks');
  await page.emulateMedia({ media: 'print' });
  const navShown = await page.evaluate(() => getComputedStyle(document.querySelector('nav.site-nav')).display);
  check(navShown === 'none', 'the print style hides the navigation', navShown);
} finally {
  await browser.close();
  server.close();
  finish();
}
