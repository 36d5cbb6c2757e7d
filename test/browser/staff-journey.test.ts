import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../src/app/create-app.js';
import { loadBuiltInGeography } from '../../src/areas/load-built-in-geography.js';
import { seedDecisionsDemo } from '../../src/decisions/seed-decisions-demo.js';
import { loadBuiltInOrganisations } from '../../src/people/built-in-organisations.js';
import { organisations } from '../../src/people/organisations-table.js';
import { axeViolations, chromiumAvailable, launchChromium, screenshotPath } from '../support/browser.js';
import { tinyPdf } from '../support/decision-fixtures.js';
import { createStaffFixtures, type StaffFixtures, staffPassword } from '../support/staff-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const title = 'Healthy streets for school journeys';

describe('a decision from draft to the public register, in Chromium', {
  timeout: 300_000,
  skip: chromiumAvailable() ? false : 'chromium is not installed (apt-get install -y chromium)',
}, () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let f: StaffFixtures;
  let base: string;
  let chromium: Browser;
  let decisionPath = '';

  before(async () => {
    t = await createTestDatabase('pglite');
    const { db } = t.database;
    await loadBuiltInGeography(db);
    await loadBuiltInOrganisations(db);
    const organisationIds = new Map(
      (await db.select({ id: organisations.id, slug: organisations.slug }).from(organisations)).map((o) => [
        o.slug,
        o.id,
      ]),
    );
    await db.transaction((trx) => seedDecisionsDemo({ db: trx, organisationIds, ids: new Map() }));
    f = await createStaffFixtures(db);
    app = await createApp(t.config, { database: t.database });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    chromium = await launchChromium();
  });
  after(async () => {
    await chromium?.close();
    await app?.close();
    await t?.cleanup();
  });

  /** Watches a page for console errors and failed requests for the whole test. */
  function watch(page: Page): string[] {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    return problems;
  }

  /** The page as it is now: its h1, no axe violation, no console error so far, and a screenshot. */
  async function checkPage(page: Page, problems: string[], h1: RegExp | string, name: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    const heading = (await page.locator('h1').first().textContent())?.trim() ?? '';
    if (typeof h1 === 'string') assert.equal(heading, h1, name);
    else assert.match(heading, h1, name);
    assert.deepEqual(await axeViolations(page), [], name);
    assert.deepEqual(problems, [], name);
    await page.screenshot({ path: screenshotPath(`decisions-${name}`), fullPage: true });
  }

  async function signInAs(page: Page, problems: string[], email: string, name: string): Promise<void> {
    await page.goto(`${base}/sign-in`);
    await checkPage(page, problems, 'Sign in', `${name}-sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(staffPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/staff`);
  }

  async function signOut(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${base}/`);
  }

  test('an editor drafts a decision through the form, adds its money and submits it', async () => {
    const context = await chromium.newContext();
    const page = await context.newPage();
    const problems = watch(page);
    await signInAs(page, problems, f.users.editor.email, 'editor');
    await page.goto(`${base}/staff/decisions`);
    await checkPage(page, problems, 'Decisions', 'staff-list');
    await page.getByRole('button', { name: 'Create a decision' }).click();
    await page.waitForURL(`${base}/staff/decisions/new`);
    await checkPage(page, problems, 'Create a decision', 'new');

    // Sent empty first: the GOV.UK error summary, and nothing saved.
    await page.getByRole('button', { name: 'Save as a draft' }).click();
    assert.equal(await page.locator('.govuk-error-summary').count(), 1);
    // The refused form comes back with status 400, which Chromium reports on the console: expected here.
    assert.deepEqual(problems.splice(0), [
      'Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
    await checkPage(page, problems, 'Create a decision', 'new-errors');

    await page.getByLabel('Reference').fill('HS-2025-01');
    await page.getByLabel('Other', { exact: true }).check();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Directorate').fill('Public Health');
    await page.getByLabel('Decision-maker').fill('Director of Public Health');
    await page.getByLabel('Executive summary').fill('Safer, cleaner streets around twelve primary schools.');
    await page.getByLabel('The decision', { exact: true }).fill('That the programme is funded for 2024-25.');
    await page.getByLabel('Age', { exact: true }).check();
    await page.getByLabel('Disability', { exact: true }).check();
    await page.getByLabel('Legal comments').fill('The general power of competence.');
    await page.getByLabel('Part 2').fill('Confidential: the contractor shortlist.');
    await page.getByRole('button', { name: 'Save as a draft' }).click();
    await page.waitForURL(/\/staff\/decisions\/[0-9]+$/);
    decisionPath = new URL(page.url()).pathname;
    await checkPage(page, problems, title, 'draft');

    await page.getByRole('link', { name: 'Add a money line (expenditure or receipt)' }).click();
    await checkPage(page, problems, 'Add a money line', 'add-money');
    await page.getByLabel('Spent (expenditure)').check();
    await page.getByLabel('Amount').fill('150,000');
    await page.getByLabel('Financial year').fill('2024-25');
    await page.getByLabel('Recipient or payer').fill('Twelve primary schools');
    await page.getByLabel('Grant').check();
    await page.getByRole('button', { name: 'Add the line' }).click();
    await page.waitForURL(new RegExp(`${decisionPath}#money$`));
    assert.match((await page.locator('main').textContent()) ?? '', /£150,000/);

    await page.getByRole('link', { name: 'Add a risk' }).click();
    await checkPage(page, problems, 'Add a risk', 'add-risk');
    await page.getByLabel('Risk or issue').fill('Schools may not sign up in time');
    await page.getByLabel('Mitigation').fill('Early engagement through the borough');
    await page.getByLabel('Amber').check();
    await page.getByRole('button', { name: 'Add the risk' }).click();
    await page.waitForURL(new RegExp(`${decisionPath}#risks$`));

    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.waitForURL(`${base}${decisionPath}`);
    await checkPage(page, problems, title, 'submitted');
    assert.match((await page.locator('main').textContent()) ?? '', /Status:\s*submitted/);
    await signOut(page);
    await context.close();
  });

  test('an approver approves it, uploads the signed PDF, signs and publishes it', async () => {
    assert.ok(decisionPath, 'the editor drafted it');
    const context = await chromium.newContext();
    const page = await context.newPage();
    const problems = watch(page);
    await signInAs(page, problems, f.users.approver.email, 'approver');
    await page.goto(base + decisionPath);
    await checkPage(page, problems, title, 'to-approve');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.waitForURL(`${base}${decisionPath}`);
    await checkPage(page, problems, title, 'approved');

    await page.getByLabel(/Signed decision form/).setInputFiles({
      name: 'HS-2025-01 signed.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf('HS-2025-01 signed by the Director of Public Health'),
    });
    await page.getByRole('button', { name: 'Upload the signed form' }).click();
    await page.waitForURL(new RegExp(`${decisionPath}#actions$`));
    assert.match((await page.locator('main').textContent()) ?? '', /SHA-256/);
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await page.waitForURL(`${base}${decisionPath}`);
    await checkPage(page, problems, title, 'signed');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.waitForURL(`${base}${decisionPath}`);
    await checkPage(page, problems, title, 'published');
    assert.match((await page.locator('main').textContent()) ?? '', /Status:\s*published/);
    assert.match((await page.locator('#history').locator('..').textContent()) ?? '', /publish/);
    await signOut(page);
    await context.close();
  });

  test('anyone finds it in the public register by a word of its title and opens it', async () => {
    const context = await chromium.newContext();
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${base}/decisions`);
    await checkPage(page, problems, 'Decisions', 'register');
    await page.getByLabel('Words to search for').fill('streets');
    await page.getByRole('button', { name: 'Find decisions' }).click();
    await page.waitForURL(`${base}/decisions?q=streets**`);
    await checkPage(page, problems, 'Decisions', 'register-search');
    await page.getByRole('link', { name: 'HS-2025-01' }).click();
    await page.waitForURL(`${base}/decisions/HS-2025-01`);
    await checkPage(page, problems, `HS-2025-01: ${title}`, 'public-decision');
    const main = (await page.locator('main').textContent()) ?? '';
    assert.match(main, /£150,000/);
    assert.match(main, /Amber/);
    assert.doesNotMatch(main, /contractor shortlist/, 'Part 2 is not published');
    assert.match(main, /Part 2: confidential, not published/);
    const pdf = await page.request.get(`${base}/decisions/HS-2025-01/signed.pdf`);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    // Demonstration content is labelled where it is shown.
    await page.goto(`${base}/decisions/MD3326`);
    await checkPage(page, problems, /^MD3326: /, 'public-demo-decision');
    assert.match(
      (await page.locator('main').textContent()) ?? '',
      /Demonstration content based on the GLA's published decision MD3326/,
    );
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('form[action="/decisions"]').count(), 0);
    await page.screenshot({ path: screenshotPath('decisions-public-decision-print'), fullPage: true });
    await context.close();
  });

  test('with JavaScript off, the register and the decision page still work', async () => {
    const context = await chromium.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/decisions`);
    await page.getByLabel('Words to search for').fill('pooled');
    await page.getByLabel('Type').selectOption('MD');
    await page.getByRole('button', { name: 'Find decisions' }).click();
    await page.waitForURL(/\/decisions\?q=pooled&type=MD/);
    const rows = await page.locator('table.govuk-table tbody tr').count();
    assert.equal(rows, 4);
    await page.screenshot({ path: screenshotPath('decisions-register-no-js'), fullPage: true });
    await page.getByRole('link', { name: 'MD3326' }).click();
    await page.waitForURL(`${base}/decisions/MD3326`);
    assert.match((await page.locator('h1').textContent()) ?? '', /^MD3326: /);
    assert.match((await page.locator('main').textContent()) ?? '', /Continued by|Continues/);
    assert.ok((await page.locator('table.govuk-table tbody tr').count()) >= 3);
    await page.screenshot({ path: screenshotPath('decisions-public-decision-no-js'), fullPage: true });
    await page.goto(`${base}/decisions/HS-2025-01`);
    assert.match((await page.locator('h1').textContent()) ?? '', /Healthy streets/);
    await context.close();
  });
});
