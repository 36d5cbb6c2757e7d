import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describePagesInChromium } from '../support/browser-pages.js';

// The trend, heatmap and population pages, on the demonstration data (loaded into the empty database at start).
const pages = [
  { name: 'trend', path: '/indicators/990003/trend', h1: 'Low birth weight of term babies', chart: true },
  {
    name: 'trend-boroughs',
    path: '/indicators/990007/trend?areas=E09000012,E09000030,E12000007,E92000001&sex=Male',
    h1: 'Suicide rate',
    chart: true,
  },
  { name: 'heatmap', path: '/heatmap', h1: 'Indicators by area', chart: false },
  {
    name: 'heatmap-chosen',
    path: '/heatmap?indicators=990001,990003&areas=E09000001,E09000002',
    h1: 'Indicators by area',
    chart: false,
  },
  { name: 'population', path: '/areas/E09000012/population', h1: 'Population by age and sex', chart: true },
  {
    name: 'population-london',
    path: '/areas/E12000007/population?year=2015',
    h1: 'Population by age and sex',
    chart: true,
  },
];

describePagesInChromium(
  'trend, heatmap and population pages in Chromium',
  'more-evidence',
  pages,
  (suite) => {
    test('the heatmap’s swatches are painted: patterns resolve and every cell’s text is on white', async () => {
      const context = await suite.browser().newContext();
      const page = await context.newPage();
      await page.goto(`${suite.url()}/heatmap`);
      const cells = page.locator('tbody td.govuk-table__cell:not(.govuk-table__cell--numeric)');
      assert.equal(await cells.count(), 14 * 33);
      // The comparison is text, and the cell behind it stays white (the colour is in the swatch alone), so the
      // contrast of every cell's text is GOV.UK's text colour on white: 19:1, checked here as computed styles.
      // The page's code runs in the browser, so it reaches the DOM through the elements (the tests' types have none).
      const colours = await cells.evaluateAll((tds) => [
        ...new Set(
          tds.map((td) => {
            const style = td.ownerDocument.defaultView!.getComputedStyle(td);
            return `${style.color} on ${style.backgroundColor}`;
          }),
        ),
      ]);
      assert.deepEqual(colours, ['rgb(11, 12, 12) on rgba(0, 0, 0, 0)']);
      const unresolved = await page.locator('td svg rect').evaluateAll(
        (rects) =>
          rects.filter((r) => {
            const fill = r.getAttribute('fill') ?? '';
            return fill.startsWith('url(#') && !r.ownerDocument.getElementById(fill.slice(5, -1));
          }).length,
      );
      assert.equal(unresolved, 0);
      await context.close();
    });
  },
);
