// The site search (/zoeken/) of the demo zone, in headless chromium.
//
// The index: /zoeken/index.json parses as JSON, has the documented shape
// (kinds with their Dutch labels; items with kind, title, URL, line and
// sorted, unique terms), every URL in it is a page of the build, and the
// public edition's index holds nothing the public edition does not publish
// (compared with a build of the internal edition, whose index has more):
// no URL, no title and no word of the text of a non-public item.
//
// The page, on a 375 px phone: typing "mantelzorg" lists the week van de
// mantelzorg (already while typing, from "mantelz"); a plural and an
// accented query find every item with the singular's term; a query
// without a match says so; the live region announces the count; of many
// results exactly the first 20 are shown, and each click on "Toon meer
// resultaten" adds the next 20 in order (the focus on the first); ?q= in
// the address searches; the script folds and stems titles exactly as the
// generator did; no request leaves the site.  Without JavaScript the page
// offers the calendar and directory facets, the map and the action plan.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, serve, launch, check, finish, artifact, recordRequests } from '../browser/lib.mjs';
import { removeTemp } from '../tools/site-files.mjs';

const WEEK = 'Week van de mantelzorg 2025';
const WEEK_URL = '/kalender/week-van-de-mantelzorg-2025/';
const INTERNAL_ONLY = '/kalender/gbo-kerngroep-2025-1/';   // visibility: internal
const PARTNERS_ONLY = '/kalender/overleg-mantelzorgpartners-2025/'; // visibility: partners
const PLACEHOLDER = '/acties/we40-a33-covid-vaccinatie/';   // status: placeholder

const root = buildSite('content');
const internalRoot = buildSite('content', ['--edition', 'internal']);
const readIndex = (dir) => JSON.parse(readFileSync(join(dir, 'zoeken', 'index.json'), 'utf8'));

// ---- the index file ----

let index = null;
try {
  index = readIndex(root);
  check(true, 'zoeken/index.json parses as JSON');
} catch (e) {
  check(false, 'zoeken/index.json parses as JSON', e.message);
}
const KINDS = { action: 'Actie', event: 'Activiteit', newsletter: 'Nieuwsbrief', partner: 'Partner',
  service: 'Dienst', page: 'Pagina' };
if (index) {
  check(index.version === 1, 'the index says its version (1)', index.version);
  check(JSON.stringify(index.kinds) === JSON.stringify(KINDS), 'the index names the six kinds in Dutch',
        JSON.stringify(index.kinds));
  const items = Array.isArray(index.items) ? index.items : [];
  check(items.length > 100, `the index lists the demo's items (${items.length})`);
  const bad = items.filter((it) => !(it.k in KINDS) || typeof it.t !== 'string' || !it.t ||
    typeof it.u !== 'string' || !/^\/.*\/$/.test(it.u) || typeof it.d !== 'string' ||
    typeof it.w !== 'string' || Object.keys(it).join() !== 'k,t,u,d,w');
  check(bad.length === 0, 'every item is {k, t, u, d, w} with a known kind, a title and a folder URL',
        JSON.stringify(bad.slice(0, 3)));
  const unsorted = items.filter((it) => {
    const w = it.w ? it.w.split(' ') : [];
    return w.some((t, i) => !t || /[^a-z0-9\u0080-\uffff]/.test(t) || (i > 0 && !(w[i - 1] < t)));
  });
  check(unsorted.length === 0, 'terms are folded words, sorted, each once', JSON.stringify(unsorted.slice(0, 2)));
  const missing = items.filter((it) => !existsSync(join(root, it.u, 'index.html')));
  check(missing.length === 0, 'every URL in the index is a page of the build', missing.map((it) => it.u).join(' '));
  const urls = new Set(items.map((it) => it.u));
  check(urls.size === items.length, 'each page is in the index once');
  for (const kind of Object.keys(KINDS)) {
    check(items.some((it) => it.k === kind), `the index has items of kind ${kind}`);
  }
  const week = items.find((it) => it.u === WEEK_URL);
  check(week && week.t === WEEK && week.k === 'event', `the index has the event "${WEEK}"`, JSON.stringify(week));
  check(week && /oktober 2025/.test(week.d), 'its line gives the date', week && week.d);
  check(week && week.w.split(' ').includes('mantelzorg'), 'its terms hold "mantelzorg"', week && week.w);
  const stop = items.filter((it) => it.w.split(' ').some((t) => ['de', 'het', 'van', 'en'].includes(t)));
  check(stop.length === 0, 'stop words are left out of the terms', stop.map((it) => it.u).join(' '));

  // Nothing the public edition leaves out.
  const internal = readIndex(internalRoot);
  const internalUrls = new Set(internal.items.map((it) => it.u));
  for (const u of [INTERNAL_ONLY, PARTNERS_ONLY, PLACEHOLDER]) {
    check(!urls.has(u) && internalUrls.has(u), `${u} is in the internal index only`);
  }
  const extra = [...internalUrls].filter((u) => !urls.has(u));
  const leaked = extra.filter((u) => existsSync(join(root, u, 'index.html')));
  check(extra.length >= 3 && leaked.length === 0,
        `the ${extra.length} items only the internal index has are pages the public edition does not publish`,
        leaked.join(' '));
  const notInInternal = [...urls].filter((u) => !internalUrls.has(u));
  check(notInInternal.length === 0, 'the public index is part of the internal one', notInInternal.join(' '));
  const text = readFileSync(join(root, 'zoeken', 'index.json'), 'utf8');
  check(!/gbo-kerngroep|covid-vaccinatie|overleg-mantelzorgpartners/.test(text),
        'no URL of a non-public item in the public index file');
  // Their titles: not in the file as written nor as JSON escapes them,
  // nor in any title or line the index holds once parsed.
  const lower = text.toLowerCase();
  const shownText = items.map((it) => `${it.t}\n${it.d}`.toLowerCase());
  const extraItems = internal.items.filter((it) => !urls.has(it.u));
  const titleLeaks = extraItems.filter((it) => {
    const t = it.t.toLowerCase();
    return lower.includes(t) || lower.includes(JSON.stringify(t).slice(1, -1)) || shownText.some((s) => s.includes(t));
  }).map((it) => `${it.u}: "${it.t}"`);
  check(extraItems.length >= 3 && titleLeaks.length === 0,
        `no title of the ${extraItems.length} non-public items in the public index file`, titleLeaks.join('\n'));
  // A word of each one's text (summary or first paragraph) that no
  // public item has: the internal index has it as a term of that item
  // (so a leak would show), the public index has it nowhere.
  for (const [u, word, term] of [[INTERNAL_ONLY, 'deelprojecten', 'deelproject'],
    ['/kalender/werkgroep-zorgcoordinatie-2025-09/', 'ontwerptekst', 'ontwerptekst'],
    ['/kalender/overleg-schepenen-sociale-diensten-2025/', 'beleidsplan', 'beleidsplan'],
    [PLACEHOLDER, 'plaatshouder', 'plaatshouder']]) {
    const own = internal.items.find((it) => it.u === u);
    const where = items.filter((it) => it.w.split(' ').includes(term)).map((it) => it.u);
    const inText = lower.includes(word) || shownText.some((s) => s.includes(word));
    check(own && own.w.split(' ').includes(term) && where.length === 0 && !inText,
          `"${word}", from the text of ${u} only, is not in the public index (the internal one has it)`,
          `internal terms: ${own && own.w}; public items with it: ${where.join(' ')}; in a title or line: ${inText}`);
  }
}
const again = buildSite('content');
check(readFileSync(join(again, 'zoeken', 'index.json'), 'utf8') ===
      readFileSync(join(root, 'zoeken', 'index.json'), 'utf8'), 'two builds write the same index bytes');
removeTemp(again);

// ---- the page ----

const server = await serve(root);
const browser = await launch();

async function results(page) {
  return page.evaluate(() => [...document.querySelectorAll('#zoek-resultaten li')].map((li) => ({
    kind: li.querySelector('.search-kind').textContent,
    title: li.querySelector('a').textContent,
    url: li.querySelector('a').getAttribute('href'),
  })));
}

// Types the query into an emptied box; the status it announces.
async function type(page, box, query) {
  await box.fill('');
  await page.waitForFunction(() => document.querySelector('[data-search-status]').textContent === '');
  await box.fill(query);
  await page.waitForFunction(() => document.querySelector('[data-search-status]').textContent !== '');
  return page.textContent('[data-search-status]');
}

// Types the query and shows every result ("Toon meer resultaten").
async function search(page, box, query) {
  const status = await type(page, box, query);
  const more = page.locator('[data-search-more] button');
  while (await more.isVisible()) await more.click();
  return { list: await results(page), status };
}

// Items whose terms include the stem, from the index itself.
const withTerm = (stem) => index.items.filter((it) => it.w.split(' ').includes(stem)).map((it) => it.u);

// "Toon meer resultaten", batch by batch.  The query is a word still being
// typed, so it finds every item with a term that starts with it: the
// URLs expected, in order, are worked out from the index itself (the
// items whose title has such a term first, then the rest, each group in
// the index's order; the titles' terms come from search.js, whose rule
// the generator's is checked against below).
const BATCH = 20;
const MORE_QUERY = 'zorg';
async function showMore(page, box) {
  const titleTerms = await page.evaluate((items) => items.map((it) => window.zonesiteSearch.terms(it.t)),
                                         index.items);
  const starts = (terms) => terms.some((t) => t.startsWith(MORE_QUERY));
  const found = index.items.map((it, i) => ({ u: it.u, title: starts(titleTerms[i]) }))
    .filter((x, i) => starts(index.items[i].w.split(' ')));
  const want = [...found.filter((x) => x.title), ...found.filter((x) => !x.title)].map((x) => x.u);
  const batches = Math.ceil(want.length / BATCH);
  const status = await type(page, box, MORE_QUERY);
  const more = page.locator('[data-search-more] button');
  let shown = (await results(page)).map((x) => x.url);
  check(want.length > 2 * BATCH && want.length % BATCH !== 0,
        `"${MORE_QUERY}" has ${want.length} results: full batches of ${BATCH} and a shorter last one`);
  check(status === `${want.length} resultaten, de eerste ${BATCH} staan hieronder.`,
        `of ${want.length} results the live region says the first ${BATCH} are shown`, status);
  check(JSON.stringify(shown) === JSON.stringify(want.slice(0, BATCH)) && await more.isVisible(),
        `before "Toon meer resultaten": exactly the first ${BATCH} results, in ranking order, and the button`,
        `got ${shown.length}: ${shown.slice(0, 5).join(' ')} ...`);
  const wrong = [];
  const unfocused = [];
  let clicks = 0;
  while (await more.isVisible() && clicks < batches) {
    await more.click();
    clicks++;
    const now = (await results(page)).map((x) => x.url);
    const added = now.slice(shown.length);
    const next = want.slice(shown.length, shown.length + BATCH);
    if (JSON.stringify(now.slice(0, shown.length)) !== JSON.stringify(shown)) {
      wrong.push(`click ${clicks}: the ${shown.length} results shown before changed`);
    }
    if (JSON.stringify(added) !== JSON.stringify(next) || added.some((u) => shown.includes(u))) {
      wrong.push(`click ${clicks}: added ${added.length} (${added.slice(0, 3).join(' ')} ...), ` +
                 `want ${next.length} (${next.slice(0, 3).join(' ')} ...)`);
    }
    const focus = await page.evaluate(() => document.activeElement.getAttribute('href'));
    if (focus !== next[0]) unfocused.push(`click ${clicks}: focus on ${focus}, want ${next[0]}`);
    shown = now;
  }
  check(clicks === batches - 1 && wrong.length === 0,
        `each of the ${batches - 1} clicks adds the next ${BATCH} results (the last one ` +
        `${want.length % BATCH}), new ones, in order, the earlier ones kept`, wrong.join('\n') || `${clicks} clicks`);
  check(!(await more.isVisible()) && JSON.stringify(shown) === JSON.stringify(want),
        `after the last batch the button is gone and all ${want.length} results are shown`, `${shown.length} shown`);
  check(clicks > 0 && unfocused.length === 0, 'each click moves the focus to the first new result',
        unfocused.join('\n'));
}

try {
  const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  const requests = recordRequests(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  await page.goto(server.url + '/');
  const navLink = await page.locator('nav.site-nav a[href="/zoeken/"]').count();
  check(navLink === 1, 'the site navigation links to /zoeken/');

  await page.goto(server.url + '/zoeken/');
  const box = page.getByLabel('Zoek op de website');
  check(await box.count() === 1, 'the search box has a <label>');
  check(await box.isVisible(), 'with JavaScript the search box is shown');
  const nojsShown = await page.locator('[data-search-nojs]').isVisible();
  check(!nojsShown, 'with JavaScript the no-script note is hidden');
  const role = await page.getAttribute('[data-search-status]', 'role');
  check(role === 'status', 'the count is announced by a live region (role=status)');
  const size = await box.boundingBox();
  check(size && size.height >= 44, 'the search box is at least 44 px high', JSON.stringify(size));

  let r = await search(page, box, 'mantelz');
  check(r.list.some((x) => x.title === WEEK), `while typing, "mantelz" already lists "${WEEK}"`,
        r.list.map((x) => x.title).join(' | '));
  r = await search(page, box, 'mantelzorg');
  const hit = r.list.find((x) => x.title === WEEK);
  check(hit, `typing "mantelzorg" lists "${WEEK}"`, r.list.map((x) => x.title).join(' | '));
  check(hit && hit.url === WEEK_URL && hit.kind === 'Activiteit',
        'the result links to the event and says it is an Activiteit', JSON.stringify(hit));
  const n = Number((/^(\d+) resultaten/.exec(r.status) || [])[1]);
  check(n === r.list.length && n > 0, 'the live region announces the count ("N resultaten")', r.status);
  check(/mantelzorg/i.test(r.list[0].title), 'a result with the word in its title comes first', r.list[0].title);
  const kinds = new Set(r.list.map((x) => x.kind));
  check(['Activiteit', 'Actie', 'Dienst', 'Partner'].every((k) => kinds.has(k)),
        '"mantelzorg" finds activities, actions, services and partners', [...kinds].join(', '));
  await page.screenshot({ path: artifact('search-375.png'), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, 'the results fit 375 px without sideways scrolling', `overflow ${overflow}px`);
  const url = new URL(page.url());
  check(url.searchParams.get('q') === 'mantelzorg', 'the address keeps the query (?q=mantelzorg)', page.url());

  for (const [query, stem] of [['zorgverleners', 'zorgverlener'], ['activiteiten', 'activiteit'],
    ['ZORGVERLENERS', 'zorgverlener'], ['activitéiten', 'activiteit'], ['Mantelzorgers', 'mantelzorger']]) {
    r = await search(page, box, query);
    const want = withTerm(stem);
    const got = new Set(r.list.map((x) => x.url));
    const lost = want.filter((u) => !got.has(u));
    check(want.length > 0 && lost.length === 0 && r.list.length > 0,
          `"${query}" finds all ${want.length} items with the term "${stem}"`, `missing: ${lost.join(' ')}`);
  }
  r = await search(page, box, 'mantelzorg beernem');
  const both = new Set(index.items.filter((it) => {
    const w = it.w.split(' ');
    return w.includes('mantelzorg') && w.some((t) => t.startsWith('beernem'));
  }).map((it) => it.u));
  check(r.list.length > 0 && r.list.length === both.size && r.list.every((x) => both.has(x.url)),
        `two words: exactly the ${both.size} items with both words`, r.list.map((x) => x.title).join(' | '));

  await showMore(page, box);

  r = await search(page, box, 'xylofoonquiz');
  check(r.list.length === 0 && /^Geen resultaten voor "xylofoonquiz"/.test(r.status),
        'a query without a match says so', r.status);
  check(await page.locator('[data-search-browse]').isVisible(), 'without results the facets are offered again');

  // The script's rule is the generator's: every title's words, folded and
  // stemmed in the page, are terms the build gave that item.
  const mismatch = await page.evaluate((items) => items.filter((it) => {
    const w = new Set(it.w.split(' '));
    return !window.zonesiteSearch.terms(it.t).every((t) => w.has(t));
  }).map((it) => `${it.t} -> ${window.zonesiteSearch.terms(it.t).join(' ')}`), index.items);
  check(mismatch.length === 0, `search.js folds and stems all ${index.items.length} titles as the generator did`,
        mismatch.slice(0, 5).join('\n'));
  const stems = await page.evaluate(() => ['Mantelzorgers', 'zorgverleners', 'activiteiten', 'ziekenhuizen',
    'lessen', 'gemeenten', 'mogelijkheden', 'huis', 'auto\'s', 'Ærø', 'ideeën'].map((w) => window.zonesiteSearch.terms(w).join(' ')));
  check(stems.join(',') === 'mantelzorger,zorgverlener,activiteit,ziekenhuis,les,gemeent,mogelijkheid,huis,auto,aero,idee',
        'search.js stems as tests/unit/test_search.c expects', stems.join(','));

  await page.goto(server.url + '/zoeken/?q=mantelzorg');
  await page.waitForFunction(() => document.querySelector('[data-search-status]').textContent !== '');
  const fromUrl = await results(page);
  check(await box.inputValue() === 'mantelzorg' && fromUrl.some((x) => x.title === WEEK),
        '?q=mantelzorg in the address fills the box and searches');

  await page.goto(server.url + '/zoeken/');
  await page.evaluate(() => { window.zonesiteTestMark = 1; });
  await box.fill('mantelzorg');
  await box.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-search-status]').textContent !== '');
  check(new URL(page.url()).pathname === '/zoeken/' && (await results(page)).length > 0 &&
        await page.evaluate(() => window.zonesiteTestMark === 1),
        'Enter searches in place (the page is not submitted and loaded again)');

  const outside = requests.filter((u) => !u.startsWith(server.url));
  check(outside.length === 0, 'no request leaves the site', outside.join('\n'));
  check(errors.length === 0, 'no script error', errors.join('\n'));
  await page.close();

  // Without JavaScript: the facets do the job.
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 900 } });
  const plain = await ctx.newPage();
  await plain.goto(server.url + '/zoeken/');
  check(!(await plain.locator('form[role="search"]').isVisible()), 'without JavaScript the useless box is hidden');
  check(await plain.locator('[data-search-nojs]').isVisible(), 'without JavaScript a note says where to look');
  const hrefs = await plain.evaluate(() => [...document.querySelectorAll('.search-browse a')]
    .filter((a) => a.offsetParent !== null).map((a) => a.getAttribute('href')));
  for (const [what, re] of [['calendar by type', /^\/kalender\/soort\/[^/]+\/$/],
    ['calendar by audience', /^\/kalender\/doelgroep\/[^/]+\/$/],
    ['calendar by municipality', /^\/kalender\/gemeente\/[^/]+\/$/],
    ['directory by type', /^\/partners\/soort\/[^/]+\/$/],
    ['directory by municipality', /^\/partners\/gemeente\/[^/]+\/$/],
    ['the map', /^\/kaart\/$/], ['the action plan', /^\/acties\/$/]]) {
    const found = hrefs.filter((h) => re.test(h));
    check(found.length > 0 && found.every((h) => existsSync(join(root, h, 'index.html'))),
          `without JavaScript the page links to ${what}`, found.join(' '));
  }
  await plain.screenshot({ path: artifact('search-nojs-375.png'), fullPage: true });
  const overflowPlain = await plain.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflowPlain <= 0, 'the no-script page fits 375 px', `overflow ${overflowPlain}px`);
  await ctx.close();
} finally {
  await browser.close();
  server.close();
  removeTemp(root);
  removeTemp(internalRoot);
  finish();
}
