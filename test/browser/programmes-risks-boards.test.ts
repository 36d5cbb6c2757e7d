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

const email = 'gla-editor@test.example';

describePagesInChromium(
  'programmes, risks and boards in Chromium',
  'prb',
  [
    { name: 'programmes', path: '/programmes', h1: 'Programmes', chart: false },
    {
      name: 'programme',
      path: '/programmes/london-office',
      h1: "The partnership's London office",
      chart: false,
    },
    { name: 'boards', path: '/boards', h1: 'Boards', chart: false },
    { name: 'board', path: '/boards/london-health-board', h1: 'London Health Board', chart: false },
    { name: 'actions', path: '/boards/actions', h1: 'Open actions', chart: false },
  ],
  (suite) => {
    /** A browser signed in through the real form as an editor of the GLA, with or without JavaScript. */
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

    /** Opens a page, checks it, runs axe and watches the console, and screenshots it. */
    async function check(page: Page, path: string, name: string): Promise<void> {
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      const response = await page.goto(suite.url() + path);
      assert.equal(response?.status(), 200, path);
      await page.waitForLoadState('networkidle');
      assert.equal(await page.locator('h1').count(), 1, path);
      assert.deepEqual(await axeViolations(page), [], path);
      assert.deepEqual(problems, [], path);
      await page.screenshot({ path: screenshotPath(`prb-${name}`), fullPage: true });
    }

    test('a meeting of the London Health Board: agenda, minutes, actions with Overdue in words; passes axe', async () => {
      const context = await suite.browser().newContext();
      const page = await context.newPage();
      await page.goto(`${suite.url()}/boards/london-health-board`);
      const href = await page.getByRole('link', { name: 'London Health Board' }).last().getAttribute('href');
      assert.match(String(href), /^\/boards\/london-health-board\/meetings\/\d+$/);
      await check(page, String(href), 'meeting');
      assert.match((await page.locator('main').textContent()) ?? '', /demonstration data/i);
      const withOverdue = await page.goto(`${suite.url()}/boards/actions`);
      assert.equal(withOverdue?.status(), 200);
      const overdue = page.locator('tr[data-overdue]').first();
      assert.match((await overdue.textContent()) ?? '', /Overdue\s+by \d+ days?/);
      const champion = await page.goto(`${suite.url()}/boards/london-health-board`);
      assert.equal(champion?.status(), 200);
      await page.getByRole('link', { name: /champion-and-challenge meeting with NHS England/i }).click();
      assert.equal(
        await page.locator('h1').textContent(),
        "Mayor's champion-and-challenge meeting with NHS England (London), 7 October 2025",
      );
      await context.close();
    });

    test('signed in: the risk register, a risk, its forms (with errors) and the staff pages pass axe', async () => {
      const { context, page } = await signedIn(true);
      await check(page, '/risks', 'risks');
      assert.equal(await page.locator('table[data-matrix] td[data-likelihood]').count(), 25);
      await check(page, '/risks?view=programme', 'risks-by-programme');
      await page
        .getByRole('link', { name: /^Score/ })
        .first()
        .click();
      assert.match(page.url(), /sort=score-asc/);
      const first = await page
        .locator('table[data-risks] a.govuk-link[href^="/risks/"]')
        .first()
        .getAttribute('href');
      await check(page, String(first), 'risk');
      await check(page, `${first}/rerate`, 'risk-rerate');
      await check(page, '/risks/new', 'risk-new');
      await page.getByRole('button', { name: 'Save' }).click();
      assert.equal(await page.locator('.govuk-error-summary').count(), 1);
      assert.deepEqual(await axeViolations(page), []);
      await page.screenshot({ path: screenshotPath('prb-risk-new-errors'), fullPage: true });
      await check(page, '/staff/programmes', 'staff-programmes');
      const manage = await page
        .getByRole('link', { name: /Manage The partnership's London office/ })
        .getAttribute('href');
      await check(page, String(manage), 'staff-programme');
      await check(page, `${manage}/milestones/new`, 'milestone-new');
      await page.getByRole('button', { name: 'Save milestone' }).click();
      assert.equal(await page.locator('.govuk-error-summary').count(), 1);
      assert.deepEqual(await axeViolations(page), []);
      await check(page, '/staff/boards', 'staff-boards');
      const board = await page.getByRole('link', { name: /Manage London Health Board/ }).getAttribute('href');
      await check(page, String(board), 'staff-board');
      const meeting = await page.locator('a[href^="/staff/meetings/"]').first().getAttribute('href');
      await check(page, String(meeting), 'staff-meeting');
      await check(page, `${meeting}/edit`, 'meeting-edit');
      await context.close();
    });

    test('with JavaScript off, the register, its matrix and the meeting tables are still there', async () => {
      const { context, page } = await signedIn(false);
      await page.goto(`${suite.url()}/risks`);
      assert.equal(await page.locator('table[data-matrix] tbody tr').count(), 5);
      assert.ok((await page.locator('table[data-risks] tbody tr').count()) >= 8);
      assert.match(
        (await page.locator('table[data-matrix]').textContent()) ?? '',
        /Red[\s\S]*Amber[\s\S]*Green/,
      );
      await page.goto(`${suite.url()}/risks?rag=red`);
      assert.ok((await page.locator('table[data-risks] tbody tr').count()) >= 1);
      await page.screenshot({ path: screenshotPath('prb-risks-no-js'), fullPage: true });
      await page.goto(`${suite.url()}/boards/actions`);
      assert.ok((await page.locator('table[data-actions] tbody tr').count()) >= 1);
      assert.ok((await page.locator('tr[data-overdue] strong.govuk-tag').count()) >= 1);
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
      .values({ email, name: 'GLA editor', passwordHash: await hashPassword(staffPassword) })
      .returning({ id: users.id });
    await db.insert(memberships).values({ userId: user!.id, organisationId: gla!.id, role: 'editor' });
  },
);
