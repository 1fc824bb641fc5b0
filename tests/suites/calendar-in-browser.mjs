// The calendar in headless chromium: the month grid as a real table at
// 1280 px and as a list of days at 375 px (screenshots in tests/artifacts/),
// and the filter of /kalender/ hiding and showing entries, with the page
// still complete when JavaScript is off.
import { buildSite, serve, launch, check, finish, artifact, recordRequests } from '../browser/lib.mjs';

const root = buildSite('content');
const server = await serve(root);
const browser = await launch();
const MONTH = '/kalender/2025/10/';

// What the grid looks like: per visible day cell its box and text.
function gridState() {
  const table = document.querySelector('table.month-grid');
  const cells = [...table.querySelectorAll('td')];
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const st = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && st.display !== 'none' && st.visibility !== 'hidden';
  };
  const items = [...table.querySelectorAll('.cell-item')];
  const firstRow = [...table.querySelectorAll('tbody tr:first-child td')].map((td) => td.getBoundingClientRect());
  return {
    tableDisplay: getComputedStyle(table).display,
    headVisible: visible(table.querySelector('thead')),
    caption: table.querySelector('caption').textContent,
    ths: [...table.querySelectorAll('thead th[scope="col"]')].map((th) => th.textContent),
    rowTops: firstRow.map((r) => Math.round(r.top)),
    rowLefts: firstRow.map((r) => Math.round(r.left)),
    items: items.length,
    itemsVisible: items.filter(visible).length,
    emptyCellsVisible: cells.filter((td) => !td.classList.contains('has-items') && visible(td)).length,
    filledCells: cells.filter((td) => td.classList.contains('has-items')).length,
    filledCellsVisible: cells.filter((td) => td.classList.contains('has-items') && visible(td)).length,
    dateShown: cells.filter((td) => td.classList.contains('has-items'))
      .every((td) => visible(td.querySelector('.cell-wd')) && visible(td.querySelector('.cell-month'))),
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    tableWidth: table.getBoundingClientRect().width,
  };
}

try {
  for (const width of [1280, 375]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const requests = recordRequests(page);
    const resp = await page.goto(server.url + MONTH);
    check(resp && resp.ok(), `${width}px ${MONTH} loads`);
    const g = await page.evaluate(gridState);
    check(g.caption === 'oktober 2025', `${width}px the grid has its caption`, g.caption);
    check(g.ths.length === 7 && g.ths[0] === 'maandag' && g.ths[6] === 'zondag',
      `${width}px the grid heads seven weekdays from Monday`, g.ths.join(','));
    check(g.items > 0 && g.itemsVisible === g.items,
      `${width}px every item of the month is visible`, `${g.itemsVisible} of ${g.items}`);
    check(g.overflow <= 0, `${width}px no horizontal scrolling`, `overflow ${g.overflow}px`);
    if (width === 1280) {
      check(g.tableDisplay === 'table' && g.headVisible, '1280px the grid is laid out as a table with its head',
        `${g.tableDisplay}, head ${g.headVisible}`);
      check(new Set(g.rowTops).size === 1 && g.rowLefts.every((x, i) => i === 0 || x > g.rowLefts[i - 1]),
        '1280px a week is one row of seven cells side by side', JSON.stringify(g.rowLefts));
      check(g.emptyCellsVisible > 0, '1280px days without items still show in the grid', g.emptyCellsVisible);
    } else {
      check(g.tableDisplay === 'block' && !g.headVisible, '375px the grid is restyled as a list (no table layout, no head)',
        `${g.tableDisplay}, head ${g.headVisible}`);
      check(g.emptyCellsVisible === 0 && g.filledCellsVisible === g.filledCells,
        '375px only days with items are listed', `${g.emptyCellsVisible} empty shown, ${g.filledCellsVisible}/${g.filledCells} filled`);
      check(g.filledCells > 0 && g.dateShown,
        '375px each listed day shows its weekday and month', `${g.filledCells} days, shown: ${g.dateShown}`);
      check(g.tableWidth <= width, '375px the list fits the screen', g.tableWidth);
    }
    await page.screenshot({ path: artifact(`calendar-month-${width}.png`), fullPage: true });
    const nav = await page.evaluate(() => [...document.querySelectorAll('.month-nav a')].map((a) => a.getAttribute('rel')));
    check(nav.includes('prev') && nav.includes('next'), `${width}px the month links to the previous and next month`, nav.join(','));
    await page.goto(server.url + '/kalender/');
    await page.screenshot({ path: artifact(`calendar-list-${width}.png`), fullPage: true });
    const outside = requests.filter((u) => !u.startsWith(server.url));
    check(outside.length === 0, `${width}px: no request leaves the site`, outside.join('\n'));
    await page.close();
  }

  // The filter on /kalender/: hides what does not match, shows it again.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + '/kalender/');
  const state = () => page.evaluate(() => {
    const entries = [...document.querySelectorAll('[data-cal-list] .cal-entry')];
    const shown = entries.filter((e) => !e.hidden && e.getBoundingClientRect().height > 0);
    return {
      formShown: !document.querySelector('[data-cal-filter]').hidden,
      total: entries.length,
      shown: shown.length,
      shownTypes: [...new Set(shown.map((e) => e.dataset.type))],
      shownMunis: shown.map((e) => e.dataset.municipality),
      monthsShown: [...document.querySelectorAll('section.month')].filter((s) => !s.hidden).length,
      status: document.querySelector('[data-cal-status]').textContent,
    };
  });
  const before = await state();
  check(before.formShown, 'the script shows the filter form');
  check(before.total > 0 && before.shown === before.total, 'without a choice every entry shows', `${before.shown}/${before.total}`);
  const lunch = await page.evaluate(() => document.querySelectorAll('[data-cal-list] .cal-entry[data-type="lunchwebinar"]').length);
  await page.selectOption('#filter-type', 'lunchwebinar');
  const typed = await state();
  check(lunch > 0 && typed.shown === lunch && typed.shownTypes.length === 1 && typed.shownTypes[0] === 'lunchwebinar',
    'choosing a type hides every entry of another type', JSON.stringify({ lunch, shown: typed.shown, types: typed.shownTypes }));
  check(typed.monthsShown < before.monthsShown, 'months left without entries are hidden',
    `${typed.monthsShown} of ${before.monthsShown}`);
  check(/^\d+ activiteit(en)?\.$/.test(typed.status), 'a live region says how many activities remain', typed.status);
  await page.selectOption('#filter-type', '');
  await page.selectOption('#filter-municipality', 'beernem');
  const muni = await state();
  check(muni.shown > 0 && muni.shown < before.total && muni.shownMunis.every((m) => m.split(' ').includes('beernem')),
    'choosing a municipality shows only its entries', `${muni.shown}/${before.total}`);
  await page.selectOption('#filter-type', 'speeddate');
  await page.selectOption('#filter-municipality', 'zedelgem');
  await page.selectOption('#filter-audience', 'burgers');
  const none = await state();
  const emptyShown = await page.evaluate(() => !document.querySelector('[data-cal-empty]').hidden);
  check(none.shown === 0 && emptyShown && none.status === 'Geen activiteiten voor deze keuze.',
    'a choice that matches nothing says so', JSON.stringify({ shown: none.shown, emptyShown, status: none.status }));
  for (const id of ['#filter-type', '#filter-municipality', '#filter-audience']) await page.selectOption(id, '');
  const after = await state();
  check(after.shown === before.total && after.monthsShown === before.monthsShown,
    'clearing the choice shows every entry and month again', `${after.shown}/${before.total}`);
  await page.close();

  // Without JavaScript: no filter form, every entry, the facet links.
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 900 } });
  const plain = await ctx.newPage();
  await plain.goto(server.url + '/kalender/');
  const nojs = await plain.evaluate(() => ({
    form: getComputedStyle(document.querySelector('[data-cal-filter]')).display,
    entries: [...document.querySelectorAll('.cal-entry')].filter((e) => e.getBoundingClientRect().height > 0).length,
    all: document.querySelectorAll('.cal-entry').length,
    facets: document.querySelectorAll('.cal-facets a').length,
    subscribe: !!document.querySelector('.cal-subscribe a[href^="webcal:"]'),
  }));
  check(nojs.form === 'none' && nojs.entries === nojs.all && nojs.facets > 0,
    'without JavaScript the list is whole and the facet pages are linked', JSON.stringify(nojs));
  check(nojs.subscribe, 'the calendar shows a visible "abonneren" link');
  await plain.goto(server.url + '/kalender/soort/lunchwebinar/');
  const facet = await plain.evaluate(() => [...document.querySelectorAll('.cal-entry')]
    .map((e) => (e.querySelector('.type') || {}).textContent));
  check(facet.length > 0 && facet.every((t) => t === 'Lunchwebinar'), 'a facet page lists only its own type', facet.join(','));
  await ctx.close();
} finally {
  await browser.close();
  server.close();
  finish();
}
