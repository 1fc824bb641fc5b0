// The partner directory in headless chromium: the filter script narrows
// the list as you type (and puts it back), the directory, a facet page
// and a partner page are usable on a 375 px phone (no sideways
// scrolling, tap targets of the A-Z list and filter at least 44 px), and
// without JavaScript the facet pages still do the job.
import { buildSite, serve, launch, check, finish, artifact, recordRequests } from '../browser/lib.mjs';

const root = buildSite('content');
const server = await serve(root);
const browser = await launch();

async function visibleCards(page) {
  return page.evaluate(() => [...document.querySelectorAll('.partner-card')]
    .filter((el) => el.offsetParent !== null)
    .map((el) => el.querySelector('.card-title a').textContent));
}

try {
  const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  const requests = recordRequests(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + '/partners/');
  const all = await visibleCards(page);
  check(all.length === 35, 'all 35 partner cards are shown before filtering', all.length);

  const box = page.getByLabel('Zoek een partner');
  check(await box.count() === 1, 'the script adds a labelled search box');
  const boxSize = await box.boundingBox();
  check(boxSize && boxSize.height >= 44, 'the search box is at least 44 px high', JSON.stringify(boxSize));

  await box.fill('woon');
  await page.waitForFunction(() => document.querySelector('.filter-status').textContent !== '');
  const woon = await visibleCards(page);
  check(woon.length >= 1 && woon.length < all.length, 'typing "woon" narrows the list', woon.join(' | '));
  check(woon.includes('De Woonwinkel'), '"woon" finds De Woonwinkel', woon.join(' | '));
  const status = await page.textContent('.filter-status');
  check(status.startsWith(`${woon.length} partner`), 'the live status tells how many partners were found', status);
  const hiddenEmpty = await page.evaluate(() => [...document.querySelectorAll('section.cluster')]
    .every((s) => s.hidden === (s.querySelectorAll('.partner-card:not([hidden])').length === 0)));
  check(hiddenEmpty, 'clusters without a match are hidden, the others shown');
  const counts = await page.evaluate(() => [...document.querySelectorAll('section.cluster:not([hidden])')]
    .every((s) => Number(s.querySelector('h2 [data-count]').textContent) === s.querySelectorAll('.partner-card:not([hidden])').length));
  check(counts, 'the counts of the shown clusters follow the filter');

  await box.fill('Zedelgem huis');
  await page.waitForTimeout(300);
  const two = await visibleCards(page);
  const expectTwo = await page.evaluate(() => [...document.querySelectorAll('.partner-card')]
    .filter((el) => el.dataset.search.includes('zedelgem') && el.dataset.search.includes('huis')).length);
  check(two.length === expectTwo && two.length > 0, 'every word must match: "Zedelgem huis"', two.join(' | '));

  await box.fill('Wóónwinkel');
  await page.waitForTimeout(300);
  const accents = await visibleCards(page);
  check(accents.length === 1 && accents[0] === 'De Woonwinkel', 'accents and case are ignored while filtering', accents.join(' | '));

  await box.fill('xyzzy');
  await page.waitForTimeout(300);
  check((await visibleCards(page)).length === 0, 'a word that matches nothing hides every card');
  check((await page.textContent('.filter-status')).startsWith('Geen partners gevonden'), 'and says so');

  await box.fill('');
  await page.waitForTimeout(300);
  check((await visibleCards(page)).length === all.length, 'clearing the box shows every partner again');

  for (const path of ['/partners/', '/partners/gemeente/beernem/', '/partners/soort/ziekenhuis/',
    '/partners/ggz-netwerk-nowe/', '/partners/gemeente/']) {
    await page.goto(server.url + path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, `375px ${path} has no horizontal scrolling`, `overflow ${overflow}px`);
  }
  await page.goto(server.url + '/partners/');
  const small = await page.evaluate(() => [...document.querySelectorAll('.az a')]
    .map((a) => a.getBoundingClientRect()).filter((r) => r.width < 44 || r.height < 44).length);
  check(small === 0, 'the A-Z links are at least 44 x 44 px', `${small} smaller`);
  await page.click('.az a[href="#letter-w"]');
  const target = await page.evaluate(() => {
    const h = document.getElementById('letter-w');
    const top = h.getBoundingClientRect().top;
    return { hash: location.hash, inView: top >= 0 && top < window.innerHeight, next: h.nextElementSibling.textContent };
  });
  check(target.hash === '#letter-w' && target.inView && target.next.includes('De Woonwinkel'),
    'the A-Z list jumps to W, where De Woonwinkel is filed', JSON.stringify(target));
  await page.goto(server.url + '/partners/');
  await page.screenshot({ path: artifact('partners-375.png'), fullPage: false });
  await page.goto(server.url + '/partners/ggz-netwerk-nowe/');
  await page.screenshot({ path: artifact('partner-375.png'), fullPage: true });
  const outside = requests.filter((u) => !u.startsWith(server.url));
  check(outside.length === 0, 'no request leaves the site', outside.join('\n'));
  check(errors.length === 0, 'no script errors', errors.join('\n'));
  await page.close();

  const wide = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await wide.goto(server.url + '/partners/');
  await wide.screenshot({ path: artifact('partners-1280.png'), fullPage: false });
  await wide.close();

  // Without JavaScript: no search box, the facet pages instead.
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const plain = await ctx.newPage();
  await plain.goto(server.url + '/partners/');
  check(await plain.locator('input[type=search]').count() === 0, 'without JavaScript there is no dead search box');
  await plain.click('.partner-facets a:text-is("Beernem")');
  check(plain.url().endsWith('/partners/gemeente/beernem/'), 'without JavaScript the municipality links lead to a static page', plain.url());
  const beernem = await plain.evaluate(() => document.querySelectorAll('.partner-card').length);
  const expected = await plain.evaluate(() => Number(document.querySelector('.lead').textContent.match(/\d+/)[0]));
  check(beernem > 0 && beernem === expected, 'the Beernem page lists as many cards as it says', `${beernem} vs ${expected}`);
  const current = await plain.getAttribute('.partner-facets a[aria-current]', 'href');
  check(current && current.endsWith('/gemeente/beernem/'), 'the facet list marks the current page');
  await ctx.close();
} finally {
  await browser.close();
  server.close();
  finish();
}
