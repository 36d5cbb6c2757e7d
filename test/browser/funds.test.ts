import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { memberships } from '../../src/people/memberships-table.js';
import { organisations } from '../../src/people/organisations-table.js';
import { hashPassword } from '../../src/people/password-hash.js';
import { users } from '../../src/people/users-table.js';
import { axeViolations, screenshotPath } from '../support/browser.js';
import { describePagesInChromium } from '../support/browser-pages.js';
import { staffPassword } from '../support/staff-fixtures.js';

const email = 'gla-fund-approver@test.example';
const fundName = 'London Health and Care Partnership pooled fund';

describePagesInChromium(
  'pooled funds in Chromium',
  'funds',
  [{ name: 'list', path: '/funds', h1: 'Pooled funds', chart: false }],
  (suite) => {
    /** Runs axe and watches the console on the page as it stands, then screenshots it. */
    async function check(page: Page, name: string, problems: string[]): Promise<void> {
      await page.waitForLoadState('networkidle');
      assert.equal(await page.locator('h1').count(), 1, name);
      assert.deepEqual(await axeViolations(page), [], name);
      assert.deepEqual(problems, [], name);
      await page.screenshot({ path: screenshotPath(`funds-${name}`), fullPage: true });
    }

    function watch(page: Page): string[] {
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      return problems;
    }

    /** A browser signed in through the real form as an approver of the GLA, which holds the demo fund. */
    async function signedIn(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page }> {
      const context = await suite.browser().newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${suite.url()}/sign-in`);
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(staffPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${suite.url()}/staff`);
      return { context, page };
    }

    test("the demo fund's public report: tables by year, partner and programme, labelled, passing axe", async () => {
      const context = await suite.browser().newContext();
      const page = await context.newPage();
      const problems = watch(page);
      await page.goto(`${suite.url()}/funds`);
      await page.getByRole('link', { name: fundName }).click();
      assert.match(page.url(), /\/funds\/\d+$/);
      assert.equal(await page.locator('h1').textContent(), fundName);
      const main = (await page.locator('main').textContent()) ?? '';
      assert.match(main, /demonstration data/i);
      assert.match(main, /£650,000/, "2021-22's total");
      assert.ok((await page.locator('table.govuk-table').count()) >= 3);
      assert.ok((await page.locator('table.govuk-table tbody tr').count()) >= 30);
      assert.ok((await page.getByRole('link', { name: 'By partner and year (CSV)' }).count()) === 1);
      await check(page, 'report', problems);
      await context.close();

      const noJs = await suite.browser().newContext({ javaScriptEnabled: false });
      const plain = await noJs.newPage();
      await plain.goto(`${suite.url()}/funds`);
      await plain.getByRole('link', { name: fundName }).click();
      assert.ok((await plain.locator('table.govuk-table tbody tr').count()) >= 30);
      assert.match((await plain.locator('main').textContent()) ?? '', /demonstration data/i);
      await plain.screenshot({ path: screenshotPath('funds-report-no-js'), fullPage: true });
      await noJs.close();
    });

    test('the staff fund page reconciles; posting forms, their errors and a pledge recorded pass axe', async () => {
      const { context, page } = await signedIn(true);
      const problems = watch(page);
      await page.goto(`${suite.url()}/staff/funds`);
      await check(page, 'staff-list', problems);
      await page.getByRole('link', { name: fundName }).click();
      const fundUrl = page.url();
      assert.match(fundUrl, /\/staff\/funds\/\d+$/);
      assert.match((await page.locator('#reconciliation').textContent()) ?? '', /Reconciled\./);
      assert.ok((await page.locator('#history ~ table tbody tr').count()) > 50);
      await check(page, 'staff-fund', problems);

      await page.getByRole('link', { name: 'Record a payment' }).click();
      await check(page, 'payment-form', problems);
      await page.getByRole('button', { name: 'Record payment' }).click();
      assert.match(
        (await page.locator('.govuk-error-summary').textContent()) ?? '',
        /Select the financial year/,
      );
      assert.match(await page.title(), /^Error: /);
      // The browser logs the form's 400 answer; that is the only complaint allowed here.
      assert.ok(problems.splice(0).every((m) => /status of 400/.test(m)));
      await check(page, 'payment-form-errors', problems);

      await page.goto(`${fundUrl}/pledges/new`);
      await page.getByLabel('Financial year').selectOption({ label: '2025-26' });
      await page.getByLabel('Partner').selectOption({ label: 'UK Health Security Agency' });
      await page.getByLabel('Amount').fill('12,500.50');
      await page.getByRole('button', { name: 'Record pledge' }).click();
      await page.waitForURL(/recorded=\d+/);
      assert.match(
        (await page.locator('.govuk-notification-banner').textContent()) ?? '',
        /Pledge of £12,500.50 recorded in 2025-26/,
      );
      assert.match((await page.locator('#reconciliation').textContent()) ?? '', /Reconciled\./);
      await check(page, 'pledge-recorded', problems);

      await page
        .getByRole('link', { name: /^Agreement \d+/ })
        .first()
        .click();
      await check(page, 'agreement', problems);
      await page.goto(`${fundUrl}/years/2025/close`);
      await check(page, 'close-year', problems);
      await page.goto(`${fundUrl}/agreements/new`);
      await check(page, 'new-agreement', problems);
      await context.close();
    });

    test('with JavaScript off a pledge can still be recorded', async () => {
      const { context, page } = await signedIn(false);
      await page.goto(`${suite.url()}/staff/funds`);
      await page.getByRole('link', { name: fundName }).click();
      await page.getByRole('link', { name: 'Record a pledge' }).click();
      await page.getByLabel('Financial year').selectOption({ label: '2025-26' });
      await page
        .getByLabel('Partner')
        .selectOption({ label: 'Office for Health Improvement and Disparities (London)' });
      await page.getByLabel('Amount').fill('£1,000');
      await page.getByRole('button', { name: 'Record pledge' }).click();
      await page.waitForURL(/recorded=\d+/);
      assert.match((await page.locator('main').textContent()) ?? '', /Pledge of £1,000 recorded in 2025-26/);
      await context.close();
    });
  },
  async (server) => {
    const db = server.database.db;
    const [gla] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, 'gla'));
    const [user] = await db
      .insert(users)
      .values({ email, name: 'GLA fund approver', passwordHash: await hashPassword(staffPassword) })
      .returning({ id: users.id });
    await db.insert(memberships).values({ userId: user!.id, organisationId: gla!.id, role: 'approver' });
  },
);
