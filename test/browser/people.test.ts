import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApp } from '../../src/app/create-app.js';
import { createPasswordReset } from '../../src/people/password-reset-repository.js';
import { axeViolations, chromiumAvailable, launchChromium, screenshotPath } from '../support/browser.js';
import { createStaffFixtures, type StaffFixtures, staffPassword } from '../support/staff-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('people and access in Chromium', {
  timeout: 300_000,
  skip: chromiumAvailable() ? false : 'chromium is not installed (apt-get install -y chromium)',
}, () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let f: StaffFixtures;
  let base: string;
  let chromium: Browser;
  before(async () => {
    t = await createTestDatabase('pglite');
    f = await createStaffFixtures(t.database.db);
    app = await createApp(t.config, { database: t.database });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    chromium = await launchChromium();
  });
  after(async () => {
    await chromium?.close();
    await app?.close();
    await t?.cleanup();
  });

  /** A browser signed in as `email` through the real sign-in form. */
  async function signedIn(
    email: string,
    javaScriptEnabled = true,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await chromium.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(staffPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/staff`);
    return { context, page };
  }

  /** Opens a page, checks its status and h1, runs axe and watches the console, and screenshots it. */
  async function check(page: Page, path: string, h1: string, name: string, status = 200): Promise<void> {
    const problems: string[] = [];
    page.on('console', (m) => {
      // The browser reports a page's own 404 as a failed load: expected for the dead link's page.
      if (m.type() === 'error' && !(status === 404 && /status of 404/.test(m.text())))
        problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const response = await page.goto(base + path);
    assert.equal(response?.status(), status, path);
    await page.waitForLoadState('networkidle');
    assert.equal((await page.locator('h1').first().textContent())?.trim(), h1, path);
    assert.deepEqual(await axeViolations(page), [], path);
    assert.deepEqual(problems, [], path);
    await page.screenshot({ path: screenshotPath(`people-${name}`), fullPage: true });
  }

  test('public pages: sign in, password reset, choosing a new password, a dead link', async () => {
    const context = await chromium.newContext();
    const page = await context.newPage();
    await check(page, '/sign-in', 'Sign in', 'sign-in');
    assert.equal(await page.getByRole('link', { name: 'Forgotten your password?' }).count(), 1);
    await check(page, '/password-reset', 'Reset your password', 'password-reset');
    const token = await createPasswordReset(t.database.db, f.users.viewer.id);
    await check(page, `/password-reset/${token}`, 'Choose a new password', 'password-reset-choose');
    await check(
      page,
      `/password-reset/${'x'.repeat(43)}`,
      'This link no longer works',
      'password-reset-invalid',
      404,
    );
    await page.goto(`${base}/password-reset`);
    await page.getByRole('button', { name: 'Send the link' }).click();
    assert.equal(await page.locator('.govuk-error-summary').count(), 1);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: screenshotPath('people-password-reset-error'), fullPage: true });
    await context.close();
  });

  test('/admin pages for a platform admin: render, pass axe, no console errors', async () => {
    const { context, page } = await signedIn(f.users.platformAdmin.email);
    const pages: [string, string, string][] = [
      ['/admin', 'Manage organisations and people', 'admin'],
      ['/admin/organisations', 'Organisations', 'admin-organisations'],
      ['/admin/organisations/new', 'Add an organisation', 'admin-organisation-new'],
      ['/admin/organisations/test-home', 'Test Home Partner', 'admin-organisation'],
      ['/admin/people', 'People', 'admin-people'],
      ['/admin/people/new', 'Add a person', 'admin-person-new'],
      [`/admin/people/${f.users.editor.id}`, 'Test editor', 'admin-person'],
      ['/staff/organisations/test-home/members', 'Members', 'organisation-members'],
    ];
    for (const [path, h1, name] of pages) await check(page, path, h1, name);
    // A form with problems: the error summary takes focus and the page still passes axe.
    await page.goto(`${base}/admin/organisations/new`);
    await page.getByRole('button', { name: 'Add organisation' }).click();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('.govuk-error-summary').count(), 1);
    assert.equal(
      await page.evaluate('document.activeElement?.classList.contains("govuk-error-summary")'),
      true,
    );
    assert.match(await page.title(), /^Error: /);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: screenshotPath('people-admin-organisation-new-error'), fullPage: true });
    await context.close();
  });

  test('with JavaScript off, a platform admin adds an organisation and a person, and gives a role', async () => {
    const { context, page } = await signedIn(f.users.platformAdmin.email, false);
    await page.goto(`${base}/admin/organisations/new`);
    await page.getByLabel('Name', { exact: true }).fill('Browser Organisation');
    await page.getByLabel('Short name').fill('browser-org');
    await page.getByLabel('NHS trust').check();
    await page.getByRole('button', { name: 'Add organisation' }).click();
    await page.waitForURL(`${base}/admin/organisations/browser-org?done=organisation-created`);
    assert.match(
      (await page.locator('.govuk-notification-banner').textContent()) ?? '',
      /Organisation added/,
    );

    await page.goto(`${base}/admin/people/new`);
    await page.getByLabel('Full name').fill('Browser Person');
    await page.getByLabel('Email address').fill('browser.person@test.example');
    await page.getByLabel('Set a temporary password now and tell them it').check();
    await page.getByLabel('Temporary password (only if you set one)').fill('a temporary password');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.waitForURL(/\/admin\/people\/\d+\?done=person-created$/);
    await page.getByLabel('Organisation').selectOption('browser-org');
    await page.getByLabel('Role', { exact: true }).selectOption('editor');
    await page.getByRole('button', { name: 'Save role' }).click();
    await page.waitForURL(/done=role-set$/);
    assert.match((await page.locator('main table').textContent()) ?? '', /Browser Organisation\s+editor/);
    await page.screenshot({ path: screenshotPath('people-admin-person-after'), fullPage: true });
    await context.close();
  });
});
