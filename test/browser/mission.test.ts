import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describePagesInChromium } from '../support/browser-pages.js';

describePagesInChromium(
  '/mission in Chromium',
  'mission',
  [{ name: 'page', path: '/mission', h1: 'Mission', chart: false }],
  (suite) => {
    test('every chart image loads, and with JavaScript off the tables and status tags are there', async () => {
      const context = await suite.browser().newContext();
      const page = await context.newPage();
      await page.goto(`${suite.url()}/mission`);
      await page.waitForLoadState('networkidle');
      // An image that failed to load has no natural width.
      const widths = await page
        .locator('figure img')
        .evaluateAll((images) => images.map((i) => (i as unknown as { naturalWidth: number }).naturalWidth));
      assert.equal(widths.length, 14);
      assert.ok(
        widths.every((w) => w > 0),
        'every chart loads',
      );
      await context.close();
      const noJs = await suite.browser().newContext({ javaScriptEnabled: false });
      const plain = await noJs.newPage();
      await plain.goto(`${suite.url()}/mission`);
      assert.ok((await plain.locator('table.govuk-table tbody tr[data-indicator]').count()) >= 14);
      assert.ok((await plain.locator('table.govuk-table strong.govuk-tag').count()) >= 14);
      assert.match((await plain.locator('main').textContent()) ?? '', /demonstration data/i);
      await noJs.close();
    });
  },
);
