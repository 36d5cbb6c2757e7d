import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config/config.js';
import { type RunningServer, startServer } from '../../src/server.js';
import { axeViolations, chromiumAvailable, launchChromium, screenshotPath } from '../support/browser.js';

describe('home page in Chromium', {
  timeout: 120_000,
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

  test('renders, passes axe, breaks no CSP rule, and is screenshotted', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
    const response = await page.goto(`${server.url}/`);
    assert.equal(response?.status(), 200);
    await page.waitForLoadState('networkidle');
    assert.equal(await page.title(), 'Home – London Health Hub');
    assert.equal(await page.locator('h1').textContent(), 'London Health Hub');
    // GOV.UK Frontend's script ran: the body is marked as enhanced.
    assert.match((await page.locator('body').getAttribute('class')) ?? '', /govuk-frontend-supported/);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await page.screenshot({ path: screenshotPath('home'), fullPage: true });
    await context.close();
  });

  test('works with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    assert.equal(await page.locator('h1').textContent(), 'London Health Hub');
    // axe itself needs JavaScript, so this checks content and layout; the test above runs axe.
    assert.match((await page.locator('main').textContent()) ?? '', /What is here now/);
    assert.doesNotMatch((await page.locator('body').getAttribute('class')) ?? '', /js-enabled/);
    await page.screenshot({ path: screenshotPath('home-no-js'), fullPage: true });
    await context.close();
  });

  test('the 404 page passes axe too', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/no/such/page`);
    assert.equal(response?.status(), 404);
    assert.equal(await page.locator('h1').textContent(), 'Page not found');
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: screenshotPath('not-found'), fullPage: true });
    await context.close();
  });
});
