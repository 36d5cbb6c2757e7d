import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { importBoundaries } from '../../src/areas/boundaries/import-boundaries.js';
import { screenshotPath } from '../support/browser.js';
import { describePagesInChromium } from '../support/browser-pages.js';
import { sharedPath, sharedRoot } from '../support/shared-data.js';

const BOUNDARIES = ['data', 'boundaries'];
const LAD = 'ons_london_lad_may2024_bsc.geojson';
const ICB = 'ons_london_icb_apr2023_bsc.geojson';
const CREDIT =
  'Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2024';

// The indicator pages with London's district and ICB outlines loaded (when ../shared has them: the map's own
// test below skips, or fails under CI, when it does not).
describePagesInChromium(
  'the geographic map in Chromium',
  'geo-map',
  [
    { name: 'indicator', path: '/indicators/990003', h1: 'Low birth weight of term babies', chart: true },
    {
      name: 'indicator-icbs',
      path: '/indicators/990010?areaType=icb&benchmark=england',
      h1: null,
      chart: true,
    },
  ],
  (suite) => {
    test('the map is drawn: every outline, its patterns resolve, hover text; with JavaScript off too', async (t) => {
      if (sharedPath(t, ...BOUNDARIES, LAD) === null || sharedPath(t, ...BOUNDARIES, ICB) === null) return;
      for (const javaScriptEnabled of [true, false]) {
        const context = await suite.browser().newContext({ javaScriptEnabled });
        const page = await context.newPage();
        await page.goto(`${suite.url()}/indicators/990003`);
        const map = page.locator('figure svg[aria-labelledby="map-title map-desc"]');
        assert.equal(await map.count(), 1, 'one map');
        assert.equal(await map.locator('g.area').count(), 33);
        assert.equal(await map.locator('g.symbols > g').count(), 33, 'a symbol in every area');
        assert.match(
          (await map.locator('g.area[data-code="E09000012"] title').textContent()) ?? '',
          /^Hackney: /,
        );
        // Drawn: the outlines have a size on the page, and every pattern they fill with is defined.
        const box = await map.boundingBox();
        assert.ok(box && box.width >= 500 && box.height >= 400, JSON.stringify(box));
        const unresolved = await map.locator('path').evaluateAll(
          (paths) =>
            paths.filter((p) => {
              const fill = p.getAttribute('fill') ?? '';
              return fill.startsWith('url(#') && !p.ownerDocument.getElementById(fill.slice(5, -1));
            }).length,
        );
        assert.equal(unresolved, 0);
        await page
          .locator('figure', { has: page.locator('svg[aria-labelledby="map-title map-desc"]') })
          .screenshot({ path: screenshotPath(`geo-map-figure${javaScriptEnabled ? '' : '-no-js'}`) });
        const icbs = await page.goto(`${suite.url()}/indicators/990010?areaType=icb&benchmark=england`);
        assert.equal(icbs?.status(), 200);
        assert.equal(
          await page.locator('figure svg[aria-labelledby="map-title map-desc"] g.area').count(),
          5,
        );
        await context.close();
      }
    });
  },
  async (server) => {
    for (const name of [LAD, ICB]) {
      const file = join(sharedRoot, ...BOUNDARIES, name);
      if (!existsSync(file)) continue;
      await importBoundaries(server.database.db, {
        file,
        attribution: CREDIT,
        reportPath: join(tmpdir(), `healthhub-geo-map-${process.pid}.report.csv`),
      });
    }
  },
);
