import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createApp } from '../../src/app/create-app.js';
import type { Db } from '../../src/db/db.js';
import { queryRows } from '../../src/db/query-rows.js';
import { createFund } from '../../src/funds/create-fund.js';
import { createFundingAgreement } from '../../src/funds/create-funding-agreement.js';
import { executeFundingAgreement } from '../../src/funds/execute-funding-agreement.js';
import { openFundYear } from '../../src/funds/open-fund-year.js';
import { postAllocation } from '../../src/funds/post-allocation.js';
import { postPledge } from '../../src/funds/post-pledge.js';
import { postReceipt } from '../../src/funds/post-receipt.js';
import { createFundFixtures, type FundFixtures } from '../support/fund-fixtures.js';
import {
  createStaffFixtures,
  type StaffAgent,
  type StaffFixtures,
  type StaffPerson,
  signedOut,
  signIn,
  staffPeople,
} from '../support/staff-fixtures.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

type Who = StaffPerson | 'signedOut';
const everyone: readonly Who[] = [...staffPeople, 'signedOut'];
// Roles in the fund's organisation (home): editors post, approvers open and close years and execute agreements.
const editorsAndAbove: readonly Who[] = ['editor', 'secondEditor', 'approver', 'secondApprover', 'admin'];
const approversAndAbove: readonly Who[] = ['approver', 'secondApprover', 'admin'];
const viewersAndAbove: readonly Who[] = ['viewer', ...editorsAndAbove];

interface Context {
  readonly db: Db;
  readonly s: StaffFixtures;
  readonly f: FundFixtures;
}

interface Attempt {
  readonly path: string;
  readonly form: Record<string, string>;
}

/** One write route: how to make a fresh target for one attempt, who may, and a form it must refuse. */
interface WriteRoute {
  readonly name: string;
  readonly allowed: readonly Who[];
  attempt(ctx: Context): Promise<Attempt>;
  bad(ctx: Context): Promise<Attempt>;
}

let counter = 0;
const date = (d: string, m: string, y: string) => ({
  'occurredOn-day': d,
  'occurredOn-month': m,
  'occurredOn-year': y,
});
const june2024 = date('1', '6', '2024');
const garbage = { year: '', amount: 'twelve pounds', ...date('31', '2', '2024'), memo: 'x'.repeat(501) };

async function draftAgreement({ db, f }: Context, execute: boolean): Promise<number> {
  const id = await createFundingAgreement(db, {
    fundId: f.fundId,
    organisationId: f.organisationId,
    programmeId: f.programmeId,
    decisionId: f.decisionId,
    recipient: `Matrix recipient ${++counter}`,
    amountPence: 1_000_00,
    actorUserId: null,
  });
  if (execute)
    await executeFundingAgreement(db, {
      fundId: f.fundId,
      organisationId: f.organisationId,
      agreementId: id,
      executedOn: '2024-05-01',
      actorUserId: null,
    });
  return id;
}

/** The year after the fund's last, to open. */
async function nextYear(db: Db, fundId: number): Promise<number> {
  const [row] = await queryRows<{ year: number }>(
    db,
    sql`select max(financial_year) + 1 as year from fund_years where fund_id = ${fundId}`,
  );
  return Number(row!.year);
}

/** Every POST of the funds feature. */
const routes: readonly WriteRoute[] = [
  {
    name: 'POST /staff/funds',
    allowed: approversAndAbove,
    attempt: async ({ s }) => ({
      path: '/staff/funds',
      form: {
        organisation: String(s.organisations.home),
        name: 'Matrix fund',
        slug: `matrix-${++counter}`,
        description: '',
      },
    }),
    bad: async ({ s }) => ({
      path: '/staff/funds',
      form: { organisation: String(s.organisations.home), name: ' ', slug: 'Not A Slug', description: '' },
    }),
  },
  {
    name: 'POST /staff/funds/{id}/years',
    allowed: approversAndAbove,
    attempt: async ({ db, f }) => ({
      path: `/staff/funds/${f.fundId}/years`,
      form: { year: String(await nextYear(db, f.fundId)) },
    }),
    bad: async ({ f }) => ({ path: `/staff/funds/${f.fundId}/years`, form: { year: 'twenty twenty' } }),
  },
  {
    name: 'POST /staff/funds/{id}/years/{year}/close',
    allowed: approversAndAbove,
    attempt: async ({ db, f }) => {
      const year = await nextYear(db, f.fundId);
      await openFundYear(db, {
        fundId: f.fundId,
        organisationId: f.organisationId,
        financialYear: year,
        actorUserId: null,
      });
      return {
        path: `/staff/funds/${f.fundId}/years/${year}/close`,
        form: { confirm: 'yes', reason: 'year end' },
      };
    },
    bad: async ({ f }) => ({
      path: `/staff/funds/${f.fundId}/years/2025/close`,
      form: { confirm: '', reason: '' },
    }),
  },
  {
    name: 'POST /staff/funds/{id}/pledges',
    allowed: editorsAndAbove,
    attempt: async ({ f }) => ({
      path: `/staff/funds/${f.fundId}/pledges`,
      form: { year: '2024', partner: String(f.partnerId), amount: '1,000', ...june2024, memo: '' },
    }),
    bad: async ({ f }) => ({
      path: `/staff/funds/${f.fundId}/pledges`,
      form: { ...garbage, partner: 'nobody' },
    }),
  },
  {
    name: 'POST /staff/funds/{id}/receipts',
    allowed: editorsAndAbove,
    attempt: async ({ f }) => ({
      path: `/staff/funds/${f.fundId}/receipts`,
      form: {
        year: '2024',
        partner: String(f.partnerId),
        amount: '£1,000.50',
        ...june2024,
        memo: 'BACS 123',
      },
    }),
    bad: async ({ f }) => ({ path: `/staff/funds/${f.fundId}/receipts`, form: { ...garbage, partner: '' } }),
  },
  {
    name: 'POST /staff/funds/{id}/allocations',
    allowed: editorsAndAbove,
    attempt: async ({ f }) => ({
      path: `/staff/funds/${f.fundId}/allocations`,
      form: { year: '2024', programme: String(f.otherProgrammeId), amount: '100', ...june2024, memo: '' },
    }),
    bad: async ({ f }) => ({
      path: `/staff/funds/${f.fundId}/allocations`,
      form: { ...garbage, programme: '-1' },
    }),
  },
  {
    name: 'POST /staff/funds/{id}/deallocations',
    allowed: editorsAndAbove,
    attempt: async ({ f }) => ({
      path: `/staff/funds/${f.fundId}/deallocations`,
      form: { year: '2024', programme: String(f.programmeId), amount: '10', ...june2024, memo: '' },
    }),
    bad: async ({ f }) => ({
      path: `/staff/funds/${f.fundId}/deallocations`,
      form: { ...garbage, programme: '' },
    }),
  },
  {
    name: 'POST /staff/funds/{id}/payments',
    allowed: editorsAndAbove,
    attempt: async ({ f }) => ({
      path: `/staff/funds/${f.fundId}/payments`,
      form: {
        year: '2024',
        programme: String(f.programmeId),
        decision: String(f.decisionId),
        agreement: String(f.agreementId),
        amount: '1',
        ...june2024,
        memo: '',
      },
    }),
    bad: async ({ f }) => ({
      path: `/staff/funds/${f.fundId}/payments`,
      form: { ...garbage, programme: '', decision: 'x', agreement: '' },
    }),
  },
  {
    name: 'POST /staff/funds/{id}/agreements',
    allowed: editorsAndAbove,
    attempt: async ({ f }) => ({
      path: `/staff/funds/${f.fundId}/agreements`,
      form: {
        recipient: 'Matrix recipient',
        programme: String(f.programmeId),
        decision: String(f.decisionId),
        amount: '5,000',
      },
    }),
    bad: async ({ f }) => ({
      path: `/staff/funds/${f.fundId}/agreements`,
      form: { recipient: '', programme: '', decision: '', amount: '0' },
    }),
  },
  {
    name: 'POST /staff/funds/{id}/agreements/{id}/execute',
    allowed: approversAndAbove,
    attempt: async (ctx) => ({
      path: `/staff/funds/${ctx.f.fundId}/agreements/${await draftAgreement(ctx, false)}/execute`,
      form: { 'executedOn-day': '1', 'executedOn-month': '4', 'executedOn-year': '2024' },
    }),
    bad: async (ctx) => ({
      path: `/staff/funds/${ctx.f.fundId}/agreements/${await draftAgreement(ctx, false)}/execute`,
      form: { 'executedOn-day': '30', 'executedOn-month': '2', 'executedOn-year': '2024' },
    }),
  },
  {
    name: 'POST /staff/funds/{id}/agreements/{id}/terminate',
    allowed: approversAndAbove,
    attempt: async (ctx) => ({
      path: `/staff/funds/${ctx.f.fundId}/agreements/${await draftAgreement(ctx, true)}/terminate`,
      form: { reason: 'The work is done' },
    }),
    bad: async (ctx) => ({
      path: `/staff/funds/${ctx.f.fundId}/agreements/${await draftAgreement(ctx, true)}/terminate`,
      form: { reason: '   ' },
    }),
  },
];

/** Everything a funds write can change, to show that a refused one changed nothing. */
async function fundsSnapshot(db: Db): Promise<string> {
  const [row] = await queryRows<Record<string, string>>(
    db,
    sql`select (select count(*) from funds)::text as funds,
               (select count(*) || '/' || count(closed_at) from fund_years) as years,
               (select count(*) || ':' || coalesce(string_agg(status, ',' order by id), '') from funding_agreements) as agreements,
               (select count(*) from ledger_transactions)::text as transactions,
               (select count(*) from ledger_entries)::text as entries,
               (select coalesce(string_agg(balance_pence::text, ',' order by id), '') from ledger_accounts) as balances,
               (select count(*) from audit_events where entity <> 'users')::text as audit`,
  );
  return JSON.stringify(row);
}

/** What a page says is wrong (its error summary), or its start, for a failure message. */
function problemsOf(response: LightMyRequestResponse): string {
  const summary = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(response.body)?.[1];
  return summary
    ? summary
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : response.body.slice(0, 300);
}

function assertForbidden(response: LightMyRequestResponse, label: string): void {
  assert.equal(response.statusCode, 403, `${label}: ${response.statusCode} ${response.body.slice(0, 200)}`);
  assert.match(response.body, /You cannot do this/, label);
}

for (const kind of databaseKinds()) {
  describe(`pooled funds: who may do what, and bad input (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let ctx: Context;
    const agents = new Map<Who, StaffAgent>();
    before(async () => {
      t = await createTestDatabase(kind);
      const s = await createStaffFixtures(t.database.db);
      const f = await createFundFixtures(t.database.db, {
        organisationId: s.organisations.home,
        partnerId: s.organisations.other,
      });
      ctx = { db: t.database.db, s, f };
      const header = { fundId: f.fundId, occurredOn: '2024-06-01', actorUserId: null };
      // Money to draw on: received in 2024, and allocated to the programme payments are made for.
      await postPledge(t.database.db, {
        ...header,
        financialYear: 2024,
        amountPence: 900_000_00,
        partnerOrganisationId: f.partnerId,
      });
      await postReceipt(t.database.db, {
        ...header,
        financialYear: 2024,
        amountPence: 500_000_00,
        partnerOrganisationId: f.partnerId,
        isDemo: true,
      });
      await postAllocation(t.database.db, {
        ...header,
        financialYear: 2024,
        amountPence: 90_000_00,
        programmeId: f.programmeId,
      });
      app = await createApp(t.config, { database: t.database });
      await app.ready();
      for (const who of staffPeople) agents.set(who, await signIn(app, s.users[who].email));
      agents.set('signedOut', await signedOut(app));
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    for (const route of routes) {
      it(`${route.name}: allowed for ${route.allowed.join(', ')}; refused for the rest, changing nothing`, async () => {
        for (const who of everyone) {
          const { path, form } = await route.attempt(ctx);
          const before = await fundsSnapshot(ctx.db);
          const response = await agents.get(who)!.post(path, form);
          const label = `${route.name} as ${who}`;
          if (route.allowed.includes(who)) {
            assert.equal(response.statusCode, 303, `${label}: ${problemsOf(response)}`);
            assert.notEqual(await fundsSnapshot(ctx.db), before, `${label} changed something`);
            continue;
          }
          if (who === 'signedOut') assert.equal(response.statusCode, 401, label);
          else assertForbidden(response, label);
          assert.equal(await fundsSnapshot(ctx.db), before, `${label} changed nothing`);
        }
      });
    }

    for (const route of routes) {
      it(`${route.name}: bad input is refused with 400 and the GOV.UK error summary, saving nothing`, async () => {
        const { path, form } = await route.bad(ctx);
        const before = await fundsSnapshot(ctx.db);
        const response = await agents.get('approver')!.post(path, form);
        assert.equal(response.statusCode, 400, response.body.slice(0, 300));
        assert.match(response.body, /govuk-error-summary/);
        assert.match(response.body, /There is a problem/);
        assert.match(response.body, /<title>Error: /);
        assert.match(response.body, /govuk-error-message/);
        assert.equal(await fundsSnapshot(ctx.db), before);
      });
    }

    it('a fund may be created only for an organisation in which the person is an approver', async () => {
      const before = await fundsSnapshot(ctx.db);
      const response = await agents.get('otherApprover')!.post('/staff/funds', {
        organisation: String(ctx.s.organisations.home),
        name: 'Not theirs',
        slug: 'not-theirs',
        description: '',
      });
      assertForbidden(response, 'otherApprover for home');
      assert.equal(await fundsSnapshot(ctx.db), before);
      const own = await agents.get('otherApprover')!.post('/staff/funds', {
        organisation: String(ctx.s.organisations.other),
        name: 'Their own fund',
        slug: 'their-own',
        description: 'Held by the other partner',
      });
      assert.equal(own.statusCode, 303);
      const taken = await agents.get('otherApprover')!.post('/staff/funds', {
        organisation: String(ctx.s.organisations.other),
        name: 'Again',
        slug: 'their-own',
        description: '',
      });
      assert.equal(taken.statusCode, 400);
      assert.match(taken.body, /Another fund has that short name/);
    });

    it("the ledger's refusals come back on the form with the rule's code, saving nothing", async () => {
      const { f } = ctx;
      const cases: { path: string; form: Record<string, string>; code: string; field: string }[] = [
        {
          path: 'pledges',
          form: { year: '2023', partner: String(f.partnerId), amount: '1', ...june2024 },
          code: 'YEAR_CLOSED',
          field: 'year',
        },
        {
          path: 'pledges',
          form: { year: '2000', partner: String(f.partnerId), amount: '1', ...june2024 },
          code: 'YEAR_NOT_OPEN',
          field: 'year',
        },
        {
          path: 'allocations',
          form: { year: '2025', programme: String(f.programmeId), amount: '1', ...june2024 },
          code: 'INSUFFICIENT_UNALLOCATED',
          field: 'amount',
        },
        {
          path: 'deallocations',
          form: { year: '2024', programme: String(f.otherProgrammeId), amount: '1,000,000', ...june2024 },
          code: 'INSUFFICIENT_ALLOCATION',
          field: 'amount',
        },
        ...(
          [
            ['100,000', f.agreementId, f.programmeId, 'DECISION_DOES_NOT_COVER', 'amount'],
            ['1', f.draftAgreementId, f.programmeId, 'AGREEMENT_NOT_EXECUTED', 'agreement'],
            ['1', f.otherAgreementId, f.programmeId, 'AGREEMENT_MISMATCH', 'agreement'],
            ['79,999', f.agreementId, f.programmeId, 'AGREEMENT_EXCEEDED', 'amount'],
            // The matrix allocated £500 to the other programme; its decision and agreement cover £20,000.
            ['1,000', f.otherAgreementId, f.otherProgrammeId, 'INSUFFICIENT_ALLOCATION', 'amount'],
          ] as const
        ).map(([amount, agreement, programme, code, field]) => ({
          path: 'payments',
          form: {
            year: '2024',
            programme: String(programme),
            decision: String(f.decisionId),
            agreement: String(agreement),
            amount,
            ...june2024,
          },
          code,
          field,
        })),
      ];
      for (const c of cases) {
        const before = await fundsSnapshot(ctx.db);
        const response = await agents.get('editor')!.post(`/staff/funds/${f.fundId}/${c.path}`, c.form);
        assert.equal(response.statusCode, 400, `${c.code}: ${problemsOf(response)}`);
        assert.match(
          response.body,
          new RegExp(`data-error-code="${c.code}"`),
          `${c.code}: ${problemsOf(response)}`,
        );
        assert.match(response.body, new RegExp(`href="#${c.field}"`), c.code);
        assert.equal(await fundsSnapshot(ctx.db), before, `${c.code} saved nothing`);
      }
      const again = await agents.get('approver')!.post(`/staff/funds/${f.fundId}/years`, { year: '2024' });
      assert.equal(again.statusCode, 400);
      assert.match(again.body, /data-error-code="YEAR_ALREADY_OPEN"/);
      const executeTwice = await agents
        .get('approver')!
        .post(`/staff/funds/${f.fundId}/agreements/${f.agreementId}/execute`, {
          'executedOn-day': '1',
          'executedOn-month': '4',
          'executedOn-year': '2024',
        });
      assert.equal(executeTwice.statusCode, 400);
      assert.match(executeTwice.body, /data-error-code="AGREEMENT_LOCKED"/);
    });

    it('amounts typed in pounds are kept exactly, in pence', async () => {
      const { f } = ctx;
      const response = await agents.get('editor')!.post(`/staff/funds/${f.fundId}/pledges`, {
        year: '2025',
        partner: String(f.partnerId),
        amount: '£150,000.07',
        ...date('2', '4', '2025'),
        memo: 'exact',
      });
      assert.equal(response.statusCode, 303);
      const [row] = await queryRows<{ amount: string; occurred_on: string }>(
        ctx.db,
        sql`select amount_pence::text as amount, to_char(occurred_on, 'YYYY-MM-DD') as occurred_on
            from ledger_transactions where memo = 'exact'`,
      );
      assert.deepEqual(row, { amount: '15000007', occurred_on: '2025-04-02' });
      const page = await agents.get('editor')!.get(String(response.headers.location));
      assert.match(page.body, /Pledge of £150,000.07 recorded in 2025-26/);
      assert.match(page.body, /Reconciled\./);
    });

    it('pages: only those allowed see them; others get 403, signed-out visitors are sent to sign in', async () => {
      const { f } = ctx;
      const pages: { path: string; allowed: readonly Who[] }[] = [
        { path: '/staff/funds', allowed: staffPeople },
        { path: '/staff/funds/new', allowed: [...approversAndAbove, 'otherApprover'] },
        { path: `/staff/funds/${f.fundId}`, allowed: viewersAndAbove },
        { path: `/staff/funds/${f.fundId}/agreements/${f.agreementId}`, allowed: viewersAndAbove },
        { path: `/staff/funds/${f.fundId}/agreements/new`, allowed: editorsAndAbove },
        { path: `/staff/funds/${f.fundId}/years/new`, allowed: approversAndAbove },
        { path: `/staff/funds/${f.fundId}/years/2025/close`, allowed: approversAndAbove },
        ...['pledges', 'receipts', 'allocations', 'deallocations', 'payments'].map((p) => ({
          path: `/staff/funds/${f.fundId}/${p}/new`,
          allowed: editorsAndAbove,
        })),
      ];
      for (const page of pages) {
        for (const who of everyone) {
          const response = await agents.get(who)!.get(page.path);
          const label = `GET ${page.path} as ${who}`;
          if (page.allowed.includes(who)) assert.equal(response.statusCode, 200, label);
          else if (who === 'signedOut') {
            assert.equal(response.statusCode, 303, label);
            assert.equal(response.headers.location, `/sign-in?next=${encodeURIComponent(page.path)}`);
          } else assertForbidden(response, label);
        }
      }
      const staffPage = await agents.get('viewer')!.get(`/staff/funds/${f.fundId}`);
      assert.match(staffPage.body, /Reconciled\./);
      assert.doesNotMatch(staffPage.body, /Record a pledge/, 'a viewer is offered no posting');
      const editorPage = await agents.get('editor')!.get(`/staff/funds/${f.fundId}`);
      assert.match(editorPage.body, /Record a pledge/);
      assert.doesNotMatch(editorPage.body, /Open a financial year/);
      assert.equal((await agents.get('editor')!.get('/staff/funds/999999')).statusCode, 404);
    });

    it('a forbidden POST without a CSRF token is refused before anything else', async () => {
      const before = await fundsSnapshot(ctx.db);
      const response = await app.inject({
        method: 'POST',
        url: `/staff/funds/${ctx.f.fundId}/pledges`,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: agents.get('editor')!.cookie,
        },
        payload: `year=2024&partner=${ctx.f.partnerId}&amount=1&occurredOn-day=1&occurredOn-month=6&occurredOn-year=2024`,
      });
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /CSRF|form has expired/);
      assert.equal(await fundsSnapshot(ctx.db), before);
    });

    it('the public report and its CSVs need no sign-in, show £ with separators and label demonstration rows', async () => {
      const visitor = agents.get('signedOut')!;
      const { f } = ctx;
      const list = await visitor.get('/funds');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, new RegExp(`href="/funds/${f.fundId}"`));
      const page = await visitor.get(`/funds/${f.fundId}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /By partner and year/);
      assert.match(page.body, /By programme and year/);
      // £900,000 pledged in setup and £1,000 by each of the five allowed in the matrix.
      assert.match(page.body, /£905,000/);
      assert.match(page.body, /demonstration data/i);
      assert.match(page.body, /govuk-tag--yellow">Demonstration/);

      const partners = await visitor.get(`/funds/${f.fundId}/partners.csv`);
      assert.equal(partners.statusCode, 200);
      assert.match(String(partners.headers['content-type']), /^text\/csv/);
      assert.match(String(partners.headers['content-disposition']), /attachment; filename=".+-partners.csv"/);
      const lines = partners.body.trim().split('\n');
      assert.equal(
        lines[0],
        'Fund,Financial year,Partner,Partner slug,Pledged (£),Received (£),Outstanding (£),Received beyond pledge (£),Demonstration data',
      );
      const partner2024 = lines.find((l) => l.includes(',2024-25,Test Other Partner,'));
      assert.ok(partner2024, partners.body);
      // Received: £500,000 in setup and £1,000.50 by each of the five allowed in the matrix.
      assert.match(partner2024!, /,905000\.00,505002\.50,399997\.50,0\.00,yes$/);

      const programmes = await visitor.get(`/funds/${f.fundId}/programmes.csv`);
      assert.match(
        programmes.body,
        /^Fund,Financial year,Programme,Programme slug,Allocated \(£\),Paid \(£\),Remaining \(£\),Demonstration data\n/,
      );
      const transactions = await visitor.get(`/funds/${f.fundId}/transactions.csv`);
      assert.match(
        transactions.body,
        /^Fund,Transaction,Date,Financial year,Kind,Amount \(£\),Partner,Programme,Decision,Funding agreement,Recipient,Note,Demonstration data\n/,
      );
      assert.match(transactions.body, /,2024-06-01,2024-25,Receipt,500000\.00,Test Other Partner,,,,,,yes\n/);
      assert.match(
        transactions.body,
        /,Payment,1\.00,,Test programme [^,]+,T\d+A\d+,\d+,Test recipient,,no\n/,
      );

      assert.equal((await visitor.get('/funds/999999')).statusCode, 404);
      assert.equal((await visitor.get('/funds/not-a-number/partners.csv')).statusCode, 404);
      const archivedId = await createFund(ctx.db, {
        organisationId: ctx.s.organisations.home,
        slug: 'archived-fund',
        name: 'Archived fund',
        actorUserId: null,
      });
      await ctx.db.execute(sql`update funds set archived_at = now() where id = ${archivedId}`);
      assert.equal((await visitor.get(`/funds/${archivedId}`)).statusCode, 404);
      assert.doesNotMatch((await visitor.get('/funds')).body, /Archived fund/);
    });
  });
}
