import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config/config.js';
import { type RunningServer, startServer } from '../../src/server.js';
import { axeViolations, chromiumAvailable, launchChromium, screenshotPath } from '../support/browser.js';

// Every evidence page type built so far, on the demonstration data (loaded into the empty database at start).
const pages = [
  { name: 'indicators', path: '/indicators', h1: 'Indicators', chart: false },
  { name: 'indicator', path: '/indicators/990003', h1: 'Low birth weight of term babies', chart: true },
  {
    name: 'indicator-icbs',
    path: '/indicators/990010?areaType=icb&benchmark=england',
    h1: null,
    chart: true,
  },
  { name: 'area-profile', path: '/areas/E09000012', h1: 'Hackney', chart: true },
  { name: 'london-profile', path: '/areas/E12000007', h1: 'London', chart: true },
  { name: 'api-docs', path: '/api/v1', h1: null, chart: false },
];

describe('evidence pages in Chromium', {
  timeout: 300_000,
  skip: chromiumAvailable() ? false : 'chromium is not installed (apt-get install -y chromium)',
}, () => {
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    server = await startServer(
      loadConfig({ NODE_ENV: 'test', HEALTHHUB_DATA_DIR: 'memory://', HOST: '127.0.0.1', PORT: '0' }),
    );
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const p of pages) {
    test(`${p.path}: renders, passes axe, is screenshotted`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      const response = await page.goto(server.url + p.path);
      assert.equal(response?.status(), 200);
      await page.waitForLoadState('networkidle');
      if (p.h1) assert.equal(await page.locator('h1').textContent(), p.h1);
      else assert.equal(await page.locator('h1').count(), 1);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(problems, []);
      await page.screenshot({ path: screenshotPath(`evidence-${p.name}`), fullPage: true });
      await context.close();
    });
  }

  test('with JavaScript off, each chart and its table are still there', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const p of pages.filter((x) => x.chart)) {
      await page.goto(server.url + p.path);
      assert.ok((await page.locator('figure svg[role="img"]').count()) >= 1, `${p.path}: a chart`);
      assert.ok((await page.locator('table.govuk-table tbody tr').count()) >= 5, `${p.path}: its table`);
      assert.match((await page.locator('main').textContent()) ?? '', /demonstration data/i);
      await page.screenshot({ path: screenshotPath(`evidence-${p.name}-no-js`), fullPage: true });
    }
    await context.close();
  });
});
