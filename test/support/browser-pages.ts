import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config/config.js';
import { type RunningServer, startServer } from '../../src/server.js';
import { axeViolations, chromiumAvailable, launchChromium, screenshotPath } from './browser.js';

/** A page the browser tests visit: its path, its h1 (null: any one h1), and whether it has a chart. */
export interface PageCase {
  readonly name: string;
  readonly path: string;
  readonly h1: string | null;
  readonly chart: boolean;
}

/** What a suite's further tests get: the running server's URL and the browser. */
export interface BrowserSuite {
  url(): string;
  browser(): Browser;
}

/**
 * A Chromium suite over `pages`, served from a fresh embedded database with the demonstration data: each page
 * renders (200, its h1), passes axe with no console errors, and is screenshotted; with JavaScript off, each
 * chart and its table are still there and the demonstration data is labelled. `more` adds the suite's own
 * tests. `prepare` runs on the server before any page is visited (data a suite needs beyond the demo's).
 */
export function describePagesInChromium(
  title: string,
  prefix: string,
  pages: readonly PageCase[],
  more: (suite: BrowserSuite) => void = () => {},
  prepare: (server: RunningServer) => Promise<void> = async () => {},
): void {
  describe(title, {
    timeout: 300_000,
    skip: chromiumAvailable() ? false : 'chromium is not installed (apt-get install -y chromium)',
  }, () => {
    let server: RunningServer;
    let chromium: Browser;
    before(async () => {
      server = await startServer(
        loadConfig({ NODE_ENV: 'test', HEALTHHUB_DATA_DIR: 'memory://', HOST: '127.0.0.1', PORT: '0' }),
      );
      await prepare(server);
      chromium = await launchChromium();
    });
    after(async () => {
      await chromium?.close();
      await server?.close();
    });

    for (const p of pages) {
      test(`${p.path}: renders, passes axe, is screenshotted`, async () => {
        const context = await chromium.newContext();
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') problems.push(m.text());
        });
        page.on('pageerror', (e) => problems.push(e.message));
        const response = await page.goto(server.url + p.path);
        assert.equal(response?.status(), 200);
        await page.waitForLoadState('networkidle');
        if (p.h1 === null) assert.equal(await page.locator('h1').count(), 1);
        else assert.equal(await page.locator('h1').textContent(), p.h1);
        assert.deepEqual(await axeViolations(page), []);
        assert.deepEqual(problems, []);
        await page.screenshot({ path: screenshotPath(`${prefix}-${p.name}`), fullPage: true });
        await context.close();
      });
    }

    test('with JavaScript off, each chart and its table are still there, and demonstration data is labelled', async () => {
      const context = await chromium.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      for (const p of pages) {
        await page.goto(server.url + p.path);
        if (p.chart)
          assert.ok((await page.locator('figure svg[role="img"]').count()) >= 1, `${p.path}: a chart`);
        if (p.chart || (await page.locator('table.govuk-table').count()) > 0) {
          assert.ok((await page.locator('table.govuk-table tbody tr').count()) >= 1, `${p.path}: its table`);
        }
        if (p.chart) assert.match((await page.locator('main').textContent()) ?? '', /demonstration data/i);
        await page.screenshot({ path: screenshotPath(`${prefix}-${p.name}-no-js`), fullPage: true });
      }
      await context.close();
    });

    more({ url: () => server.url, browser: () => chromium });
  });
}
