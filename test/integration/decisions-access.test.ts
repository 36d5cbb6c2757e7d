import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { createApp } from '../../src/app/create-app.js';
import type { Db } from '../../src/db/db.js';
import { decisionExpenditures } from '../../src/decisions/decision-expenditures-table.js';
import { decisionMilestones } from '../../src/decisions/decision-milestones-table.js';
import { decisionRelations } from '../../src/decisions/decision-relations-table.js';
import { decisionRisks } from '../../src/decisions/decision-risks-table.js';
import { decisionRoutes } from '../../src/decisions/decision-routes.js';
import { decisionWorkflow } from '../../src/decisions/decision-workflow.js';
import { type DecisionStatus, decisions } from '../../src/decisions/decisions-table.js';
import { memberships, type Role, roles } from '../../src/people/memberships-table.js';
import { organisations } from '../../src/people/organisations-table.js';
import {
  createTestDecision,
  decisionSnapshot,
  postMultipart,
  tinyPdf,
} from '../support/decision-fixtures.js';
import {
  createStaffFixtures,
  formBody,
  homeRoleOf,
  type StaffAgent,
  type StaffFixtures,
  type StaffPerson,
  signedOut,
  signIn,
  staffPeople,
} from '../support/staff-fixtures.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

interface Target {
  readonly id: number;
  readonly lineId: number;
  readonly relatedId: number;
}

/** One write route of the feature: where it is, on a decision in which status, who may use it, with what. */
interface WriteRoute {
  readonly name: string;
  /** The decision's status for the attempt (null: the route makes a new decision). */
  readonly status: DecisionStatus | null;
  readonly minimumRole: Role;
  readonly path: (t: Target) => string;
  readonly form?: Record<string, string>;
  /** The route takes multipart (the signed form). */
  readonly upload?: boolean;
  /** Lines the route removes, made before the attempt. */
  readonly line?: 'expenditure' | 'risk' | 'milestone' | 'relation';
  readonly withDocument?: boolean;
}

const inAMonth = new Date(Date.now() + 30 * 86_400_000);

/** Every POST of the decisions feature. */
const writeRoutes = (relatedReference: string): WriteRoute[] => [
  {
    name: 'create a decision',
    status: null,
    minimumRole: 'editor',
    path: () => '/staff/decisions',
    form: { type: 'other', title: 'Made by the access test' },
  },
  {
    name: 'edit a decision',
    status: 'draft',
    minimumRole: 'editor',
    path: (t) => `/staff/decisions/${t.id}`,
    form: { type: 'other', title: 'Edited by the access test' },
  },
  {
    name: 'add a money line',
    status: 'draft',
    minimumRole: 'editor',
    path: (t) => `/staff/decisions/${t.id}/expenditures`,
    form: { direction: 'expenditure', amount: '150,000', financialYear: '2024-25', kind: 'contribution' },
  },
  {
    name: 'add a risk',
    status: 'returned',
    minimumRole: 'editor',
    path: (t) => `/staff/decisions/${t.id}/risks`,
    form: { description: 'A risk', mitigation: 'Its mitigation', rag: 'amber' },
  },
  {
    name: 'add a milestone',
    status: 'draft',
    minimumRole: 'editor',
    path: (t) => `/staff/decisions/${t.id}/milestones`,
    form: { description: 'A milestone', 'dueOn-day': '31', 'dueOn-month': '3', 'dueOn-year': '2026' },
  },
  {
    name: 'add a related decision',
    status: 'draft',
    minimumRole: 'editor',
    path: (t) => `/staff/decisions/${t.id}/relations`,
    form: { kind: 'continues', relatedReference },
  },
  {
    name: 'remove a money line',
    status: 'draft',
    minimumRole: 'editor',
    line: 'expenditure',
    path: (t) => `/staff/decisions/${t.id}/expenditures/${t.lineId}/remove`,
  },
  {
    name: 'remove a risk',
    status: 'draft',
    minimumRole: 'editor',
    line: 'risk',
    path: (t) => `/staff/decisions/${t.id}/risks/${t.lineId}/remove`,
  },
  {
    name: 'remove a milestone',
    status: 'returned',
    minimumRole: 'editor',
    line: 'milestone',
    path: (t) => `/staff/decisions/${t.id}/milestones/${t.lineId}/remove`,
  },
  {
    name: 'remove a related decision',
    status: 'draft',
    minimumRole: 'editor',
    line: 'relation',
    path: (t) => `/staff/decisions/${t.id}/relations/${t.relatedId}/remove`,
  },
  {
    name: 'upload the signed form',
    status: 'approved',
    minimumRole: 'editor',
    upload: true,
    path: (t) => `/staff/decisions/${t.id}/documents`,
  },
  ...decisionWorkflow.map(
    (w): WriteRoute => ({
      name: `${w.action} (from ${w.from})`,
      status: w.from,
      minimumRole: w.minimumRole,
      withDocument: w.rules.includes('signed-document'),
      path: (t) => `/staff/decisions/${t.id}/${w.action}`,
      form: {
        ...(w.rules.includes('reason') ? { reason: 'Because' } : {}),
        ...(w.rules.includes('deferred-until')
          ? {
              'deferredUntil-day': String(inAMonth.getUTCDate()),
              'deferredUntil-month': String(inAMonth.getUTCMonth() + 1),
              'deferredUntil-year': String(inAMonth.getUTCFullYear()),
            }
          : {}),
      },
    }),
  ),
];

/**
 * The answer `person` should get: 303 when allowed; 401 signed out; 403 FORBIDDEN for a member of the owning
 * organisation without the role (and for anyone creating a decision for an organisation they cannot edit);
 * 404 DECISION_NOT_FOUND for anyone outside it, to whom an unpublished decision does not exist.
 */
function expected(person: StaffPerson | 'signedOut', route: WriteRoute): { status: number; code?: string } {
  if (person === 'signedOut') return { status: 401, code: 'SIGN_IN_REQUIRED' };
  const role = homeRoleOf(person);
  if (role === null)
    return route.status === null
      ? { status: 403, code: 'FORBIDDEN' }
      : { status: 404, code: 'DECISION_NOT_FOUND' };
  return roles.indexOf(role) >= roles.indexOf(route.minimumRole)
    ? { status: 303 }
    : { status: 403, code: 'FORBIDDEN' };
}

async function addLine(db: Db, id: number, line: WriteRoute['line'], relatedId: number): Promise<number> {
  if (line === 'expenditure')
    return (
      await db
        .insert(decisionExpenditures)
        .values({ decisionId: id, amountPence: 100, financialYear: 2024 })
        .returning()
    )[0]!.id;
  if (line === 'risk')
    return (
      await db.insert(decisionRisks).values({ decisionId: id, description: 'r', rag: 'red' }).returning()
    )[0]!.id;
  if (line === 'milestone')
    return (await db.insert(decisionMilestones).values({ decisionId: id, description: 'm' }).returning())[0]!
      .id;
  if (line === 'relation')
    await db
      .insert(decisionRelations)
      .values({ decisionId: id, relatedDecisionId: relatedId, kind: 'amends' });
  return 0;
}

for (const kind of databaseKinds()) {
  describe(`decisions: who may do what (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let f: StaffFixtures;
    let db: Db;
    let related: { id: number; reference: string };
    const agents = {} as Record<StaffPerson | 'signedOut', StaffAgent>;

    before(async () => {
      t = await createTestDatabase(kind);
      db = t.database.db;
      f = await createStaffFixtures(db);
      const relatedId = await createTestDecision(db, {
        organisationId: f.organisations.home,
        authorUserId: f.users.editor.id,
        status: 'published',
      });
      const [row] = await db.select().from(decisions).where(eq(decisions.id, relatedId));
      related = { id: relatedId, reference: row!.reference };
      app = await createApp(t.config, { database: t.database });
      await app.ready();
      for (const person of staffPeople) agents[person] = await signIn(app, f.users[person].email);
      agents.signedOut = await signedOut(app);
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    /** POSTs as `agent`, asking for JSON so that refusals carry their code (successes still redirect). */
    function attempt(
      agent: StaffAgent,
      route: WriteRoute,
      target: Target,
      n: number,
    ): Promise<LightMyRequestResponse> {
      if (route.upload)
        return postMultipart(
          app,
          route.path(target),
          agent,
          { content: tinyPdf() },
          { accept: 'application/json' },
        );
      const form = { ...route.form };
      if (route.status === null || route.name === 'edit a decision') {
        form.reference = `ACCESS-${n}`;
        form.organisationId = String(f.organisations.home);
      }
      return app.inject({
        method: 'POST',
        url: route.path(target),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          ...(agent.cookie ? { cookie: agent.cookie } : {}),
        },
        payload: formBody({ _csrf: agent.csrf, ...form }),
      });
    }

    it('lists every write route of the feature', async () => {
      const declared: string[] = [];
      const bare = Fastify();
      bare.addHook('onRoute', (route) => {
        for (const method of [route.method].flat()) if (method === 'POST') declared.push(route.url);
      });
      await bare.register(decisionRoutes, { database: t.database });
      await bare.ready();
      await bare.close();
      const placeholders = { id: ':id', lineId: ':lineId', relatedId: ':relatedId' } as unknown as Target;
      const listed = new Set(
        writeRoutes('X').map((r) =>
          r
            .path(placeholders)
            .replace(/\/(submit|approve|return|resubmit|sign|publish|defer|withdraw)$/, '/$1'),
        ),
      );
      assert.deepEqual([...new Set(declared)].sort(), [...listed].sort());
    });

    let n = 0;
    for (const route of writeRoutes('RELATED')) {
      it(`${route.name}: allowed only to ${route.status === null ? 'editors of the organisation it is for' : `an ${route.minimumRole} or above of the owning organisation`}; a refusal changes nothing`, async () => {
        const routeWithRelated = {
          ...route,
          form: route.form?.relatedReference
            ? { ...route.form, relatedReference: related.reference }
            : route.form,
        };
        for (const person of [...staffPeople, 'signedOut'] as const) {
          n += 1;
          const id =
            route.status === null
              ? 0
              : await createTestDecision(db, {
                  organisationId: f.organisations.home,
                  authorUserId: f.users.editor.id,
                  status: route.status,
                  withDocument: route.withDocument ?? false,
                });
          const lineId = route.line ? await addLine(db, id, route.line, related.id) : 0;
          const before = await decisionSnapshot(db);
          const response = await attempt(
            agents[person],
            routeWithRelated,
            { id, lineId, relatedId: related.id },
            n,
          );
          const want = expected(person, route);
          assert.equal(response.statusCode, want.status, `${person}: ${response.body.slice(0, 300)}`);
          if (want.code) {
            assert.equal(response.json().code, want.code, person);
            assert.equal(await decisionSnapshot(db), before, `${person}'s refused attempt changed nothing`);
          } else {
            assert.notEqual(await decisionSnapshot(db), before, `${person}'s attempt did something`);
          }
        }
      });
    }

    it('serves the staff pages to staff only, and the create form to editors only', async () => {
      for (const person of staffPeople) {
        assert.equal((await agents[person].get('/staff/decisions')).statusCode, 200, person);
        const canCreate = [
          'editor',
          'secondEditor',
          'approver',
          'secondApprover',
          'admin',
          'otherEditor',
          'otherApprover',
        ].includes(person);
        assert.equal(
          (await agents[person].get('/staff/decisions/new')).statusCode,
          canCreate ? 200 : 403,
          person,
        );
      }
      for (const url of ['/staff/decisions', '/staff/decisions/new', `/staff/decisions/${related.id}`]) {
        const response = await agents.signedOut.get(url);
        assert.equal(response.statusCode, 303);
        assert.equal(response.headers.location, `/sign-in?next=${encodeURIComponent(url)}`);
      }
      const list = await agents.otherEditor.get('/staff/decisions');
      assert.doesNotMatch(
        list.body,
        new RegExp(related.reference),
        "another organisation's decisions are not listed",
      );
    });

    describe('bad input on every form: 400, the error summary, and nothing saved', () => {
      const cases: {
        name: string;
        status: DecisionStatus | null;
        path: (id: number) => string;
        form: Record<string, string>;
        message: RegExp;
        as?: StaffPerson;
      }[] = [
        {
          name: 'create: nothing filled in',
          status: null,
          path: () => '/staff/decisions',
          form: { organisationId: 'home' },
          message: /Enter the reference, like MD3326/,
        },
        {
          name: 'create: no organisation',
          status: null,
          path: () => '/staff/decisions',
          form: { reference: 'NOORG', type: 'other', title: 'x' },
          message: /Select the organisation that owns this decision/,
        },
        {
          name: 'create: a date that is not real',
          status: null,
          path: () => '/staff/decisions',
          form: {
            organisationId: 'home',
            reference: 'BADDATE',
            type: 'MD',
            title: 'x',
            'decisionDate-day': '31',
            'decisionDate-month': '2',
            'decisionDate-year': '2025',
          },
          message: /Decision date must be a real date/,
        },
        {
          name: 'create: a reference already taken',
          status: null,
          path: () => '/staff/decisions',
          form: { organisationId: 'home', reference: 'RELATED', type: 'other', title: 'x' },
          message: /A decision with the reference .* already exists/,
        },
        {
          name: 'edit: a bad reference, type and title',
          status: 'draft',
          path: (id) => `/staff/decisions/${id}`,
          form: { reference: 'no spaces!', type: 'XX', title: ' ' },
          message: /Select the type of decision/,
        },
        {
          name: 'money: amount and year',
          status: 'draft',
          path: (id) => `/staff/decisions/${id}/expenditures`,
          form: { direction: 'expenditure', amount: '12.345', financialYear: '2024-26', kind: 'grant' },
          message: /Amount must be in pounds/,
        },
        {
          name: 'money: nothing filled in',
          status: 'draft',
          path: (id) => `/staff/decisions/${id}/expenditures`,
          form: {},
          message: /Enter the amount/,
        },
        {
          name: 'money: an unknown programme',
          status: 'draft',
          path: (id) => `/staff/decisions/${id}/expenditures`,
          form: {
            direction: 'receipt',
            amount: '10',
            financialYear: '2024-25',
            kind: 'other',
            programmeId: '999999',
          },
          message: /Select a programme from the list/,
        },
        {
          name: 'risk',
          status: 'draft',
          path: (id) => `/staff/decisions/${id}/risks`,
          form: { description: '', rag: 'purple' },
          message: /Describe the risk/,
        },
        {
          name: 'milestone',
          status: 'draft',
          path: (id) => `/staff/decisions/${id}/milestones`,
          form: { description: 'x', 'dueOn-day': '40', 'dueOn-month': '1', 'dueOn-year': '2026' },
          message: /Due date must be a real date/,
        },
        {
          name: 'related decision: none given',
          status: 'draft',
          path: (id) => `/staff/decisions/${id}/relations`,
          form: { kind: '', relatedReference: '' },
          message: /Select whether this decision continues/,
        },
        {
          name: 'related decision: unknown',
          status: 'draft',
          path: (id) => `/staff/decisions/${id}/relations`,
          form: { kind: 'amends', relatedReference: 'NOSUCH1' },
          message: /There is no decision NOSUCH1 that you can see/,
        },
        {
          name: 'return without a reason',
          status: 'submitted',
          path: (id) => `/staff/decisions/${id}/return`,
          form: { reason: ' ' },
          message: /Enter the reason to return it/,
          as: 'approver',
        },
        {
          name: 'withdraw without a reason',
          status: 'draft',
          path: (id) => `/staff/decisions/${id}/withdraw`,
          form: {},
          message: /Enter the reason to withdraw it/,
        },
        {
          name: 'defer without a date',
          status: 'signed',
          path: (id) => `/staff/decisions/${id}/defer`,
          form: { reason: 'Commercial' },
          message: /Enter the date until which publication is deferred/,
          as: 'approver',
        },
        {
          name: 'defer to a date that is not real',
          status: 'signed',
          path: (id) => `/staff/decisions/${id}/defer`,
          form: {
            reason: 'Commercial',
            'deferredUntil-day': '30',
            'deferredUntil-month': '2',
            'deferredUntil-year': '2030',
          },
          message: /must be a real date/,
          as: 'approver',
        },
        {
          name: 'defer to a past date',
          status: 'signed',
          path: (id) => `/staff/decisions/${id}/defer`,
          form: {
            reason: 'Commercial',
            'deferredUntil-day': '1',
            'deferredUntil-month': '1',
            'deferredUntil-year': '2001',
          },
          message: /today or later/,
          as: 'approver',
        },
        {
          name: 'sign without a signed form',
          status: 'approved',
          path: (id) => `/staff/decisions/${id}/sign`,
          form: {},
          message: /Upload the signed decision form/,
          as: 'approver',
        },
      ];
      for (const c of cases) {
        it(c.name, async () => {
          const id =
            c.status === null
              ? 0
              : await createTestDecision(db, {
                  organisationId: f.organisations.home,
                  authorUserId: f.users.editor.id,
                  status: c.status,
                });
          const form = { ...c.form };
          if (form.organisationId === 'home') form.organisationId = String(f.organisations.home);
          if (form.reference === 'RELATED') form.reference = related.reference;
          const before = await decisionSnapshot(db);
          const response = await agents[c.as ?? 'editor'].post(c.path(id), form);
          assert.equal(response.statusCode, 400, response.body.slice(0, 300));
          assert.match(response.body, /govuk-error-summary/);
          assert.match(response.body, /There is a problem/);
          assert.match(response.body, c.message);
          assert.equal(await decisionSnapshot(db), before, 'nothing saved');
        });
      }

      it('submit: a GLA decision of the wrong type for its total', async () => {
        const [gla] = await db
          .insert(organisations)
          .values({ slug: 'gla', name: 'Greater London Authority', kind: 'partner' })
          .returning();
        await db
          .insert(memberships)
          .values({ userId: f.users.secondEditor.id, organisationId: gla!.id, role: 'editor' });
        const id = await createTestDecision(db, {
          organisationId: gla!.id,
          authorUserId: f.users.secondEditor.id,
          fields: { type: 'DAR' },
        });
        await db
          .insert(decisionExpenditures)
          .values({ decisionId: id, amountPence: 1_000_001, financialYear: 2024 });
        const before = await decisionSnapshot(db);
        const response = await agents.secondEditor.post(`/staff/decisions/${id}/submit`);
        assert.equal(response.statusCode, 400);
        assert.match(response.body, /There is a problem/);
        assert.match(response.body, /make a decision spending £10,000.01 an ADD, but this is a DAR/);
        assert.equal(await decisionSnapshot(db), before);
      });

      it('upload: a file that is not a PDF', async () => {
        const id = await createTestDecision(db, {
          organisationId: f.organisations.home,
          authorUserId: f.users.editor.id,
          status: 'approved',
        });
        const before = await decisionSnapshot(db);
        const response = await postMultipart(app, `/staff/decisions/${id}/documents`, agents.editor, {
          content: Buffer.from('GIF89a'),
          contentType: 'application/pdf',
        });
        assert.equal(response.statusCode, 400);
        assert.match(response.body, /There is a problem/);
        assert.match(response.body, /The selected file must be a PDF/);
        assert.equal(await decisionSnapshot(db), before);
      });
    });
  });
}
