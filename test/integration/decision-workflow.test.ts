import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app/create-app.js';
import { auditEvents } from '../../src/audit/audit-events-table.js';
import { applyDecisionTransition } from '../../src/decisions/apply-decision-transition.js';
import { decisionDocuments } from '../../src/decisions/decision-documents-table.js';
import { decisionExpenditures } from '../../src/decisions/decision-expenditures-table.js';
import { DecisionStatusConflictError } from '../../src/decisions/decision-status-conflict-error.js';
import {
  type DecisionTransition,
  decisionWorkflow,
  editableStatuses,
} from '../../src/decisions/decision-workflow.js';
import {
  type DecisionStatus,
  type DecisionType,
  decisionStatuses,
  decisions,
} from '../../src/decisions/decisions-table.js';
import { requiredGlaDecisionType } from '../../src/decisions/required-gla-decision-type.js';
import { memberships, type Role, roles } from '../../src/people/memberships-table.js';
import { organisations } from '../../src/people/organisations-table.js';
import type { StaffUser } from '../../src/people/staff-user.js';
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

const inAMonth = new Date(Date.now() + 30 * 86_400_000);
const inputsFor = (t: DecisionTransition): Record<string, string> => ({
  ...(t.rules.includes('reason') ? { reason: `The reason to ${t.action}` } : {}),
  ...(t.rules.includes('deferred-until')
    ? {
        'deferredUntil-day': String(inAMonth.getUTCDate()),
        'deferredUntil-month': String(inAMonth.getUTCMonth() + 1),
        'deferredUntil-year': String(inAMonth.getUTCFullYear()),
      }
    : {}),
});

/** What the workflow should answer `person` taking transition `t` on a home decision. */
function expectedStatus(person: StaffPerson | 'signedOut', t: DecisionTransition): number {
  if (person === 'signedOut') return 401;
  const role = homeRoleOf(person);
  // Outside the owning organisation an unpublished decision does not exist.
  if (role === null) return 404;
  return roles.indexOf(role) >= roles.indexOf(t.minimumRole) ? 303 : 403;
}

const postJson = (app: FastifyInstance, agent: StaffAgent, url: string, form: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      ...(agent.cookie ? { cookie: agent.cookie } : {}),
    },
    payload: formBody({ _csrf: agent.csrf, ...form }),
  });

for (const kind of databaseKinds()) {
  describe(`decision workflow (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let f: StaffFixtures;
    const agents = {} as Record<StaffPerson | 'signedOut', StaffAgent>;
    let db: TestDatabase['database']['db'];

    before(async () => {
      t = await createTestDatabase(kind);
      db = t.database.db;
      f = await createStaffFixtures(db);
      app = await createApp(t.config, { database: t.database });
      await app.ready();
      for (const person of staffPeople) agents[person] = await signIn(app, f.users[person].email);
      agents.signedOut = await signedOut(app);
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const statusOf = async (id: number) =>
      (await db.select({ status: decisions.status }).from(decisions).where(eq(decisions.id, id)))[0]!.status;
    const lastAudit = async (id: number) =>
      (
        await db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.entity, 'decisions'), eq(auditEvents.entityId, String(id))))
          .orderBy(desc(auditEvents.id))
          .limit(1)
      )[0]!;
    const staffUser = (
      person: StaffPerson,
      organisationId: number,
      role: Role,
      slug = 'test-home',
    ): StaffUser => ({
      id: f.users[person].id,
      email: f.users[person].email,
      name: person,
      isPlatformAdmin: false,
      memberships: [{ organisationId, organisationSlug: slug, organisationName: slug, role }],
    });

    for (const transition of decisionWorkflow) {
      it(`${transition.from} -${transition.action}-> ${transition.to}: only an ${transition.minimumRole} or above of the owning organisation`, async () => {
        for (const person of [...staffPeople, 'signedOut'] as const) {
          const id = await createTestDecision(db, {
            organisationId: f.organisations.home,
            authorUserId: f.users.editor.id,
            status: transition.from,
            withDocument: transition.rules.includes('signed-document'),
          });
          const before = await decisionSnapshot(db);
          const response = await agents[person].post(
            `/staff/decisions/${id}/${transition.action}`,
            inputsFor(transition),
          );
          const expected = expectedStatus(person, transition);
          assert.equal(
            response.statusCode,
            expected,
            `${person} ${transition.action}: ${response.body.slice(0, 200)}`,
          );
          if (expected !== 303) {
            assert.equal(
              await decisionSnapshot(db),
              before,
              `${person}'s refused ${transition.action} changed nothing`,
            );
            continue;
          }
          assert.equal(response.headers.location, `/staff/decisions/${id}`);
          if (person === 'signedOut') throw new Error('a signed-out visitor cannot act');
          const [row] = await db.select().from(decisions).where(eq(decisions.id, id));
          assert.equal(row!.status, transition.to);
          if (transition.action === 'approve') {
            assert.equal(row!.approvedByUserId, f.users[person].id);
            assert.ok(row!.approvedAt);
          }
          if (transition.action === 'sign') {
            assert.ok(row!.signedAt);
            assert.ok(row!.decisionDate, 'signing dates an undated form');
          }
          if (transition.action === 'publish') assert.ok(row!.publishedAt);
          if (transition.action === 'defer') {
            assert.equal(row!.deferralReason, 'The reason to defer');
            assert.equal(row!.deferredUntil, inAMonth.toISOString().slice(0, 10));
          }
          const audit = await lastAudit(id);
          assert.equal(audit.action, transition.action);
          assert.equal(audit.actorUserId, f.users[person].id);
          assert.deepEqual((audit.before as { status: string }).status, transition.from);
          assert.deepEqual((audit.after as { status: string }).status, transition.to);
          if (transition.rules.includes('reason'))
            assert.equal(audit.reason, `The reason to ${transition.action}`);
        }
      });
    }

    it('offers no action the table does not have: anything else is a 409 conflict', async () => {
      for (const status of decisionStatuses) {
        const id = await createTestDecision(db, {
          organisationId: f.organisations.home,
          authorUserId: f.users.editor.id,
          status,
        });
        for (const action of ['submit', 'approve', 'sign', 'publish'] as const) {
          if (decisionWorkflow.some((w) => w.from === status && w.action === action)) continue;
          const response = await postJson(app, agents.admin, `/staff/decisions/${id}/${action}`);
          assert.equal(response.statusCode, 409, `${action} from ${status}`);
          assert.equal(response.json().code, 'DECISION_STATUS_CONFLICT');
          const page = await agents.admin.post(`/staff/decisions/${id}/${action}`);
          assert.equal(page.statusCode, 409);
          assert.match(page.body, /There is a problem/);
          assert.equal(await statusOf(id), status);
        }
      }
    });

    it('never lets the author approve their own decision, and the database refuses it too', async () => {
      const id = await createTestDecision(db, {
        organisationId: f.organisations.home,
        authorUserId: f.users.approver.id,
        status: 'submitted',
      });
      const page = await agents.approver.get(`/staff/decisions/${id}`);
      assert.match(page.body, /another approver must approve it/);
      assert.doesNotMatch(page.body, new RegExp(`action="/staff/decisions/${id}/approve"`));
      const response = await postJson(app, agents.approver, `/staff/decisions/${id}/approve`);
      assert.equal(response.statusCode, 403);
      assert.equal(response.json().code, 'SELF_APPROVAL_FORBIDDEN');
      assert.equal(await statusOf(id), 'submitted');
      await assert.rejects(
        db.update(decisions).set({ approvedByUserId: f.users.approver.id }).where(eq(decisions.id, id)),
        (error: unknown) =>
          JSON.stringify(error, Object.getOwnPropertyNames(error)).includes(
            'decisions_approver_not_author',
          ) || String((error as { cause?: unknown }).cause).includes('decisions_approver_not_author'),
      );
      const other = await agents.secondApprover.post(`/staff/decisions/${id}/approve`);
      assert.equal(other.statusCode, 303);
      assert.equal(await statusOf(id), 'approved');
    });

    it('lets exactly one of two approvers racing to approve succeed; the other gets a 409', async () => {
      const id = await createTestDecision(db, {
        organisationId: f.organisations.home,
        authorUserId: f.users.editor.id,
        status: 'submitted',
      });
      const answers = await Promise.all([
        postJson(app, agents.approver, `/staff/decisions/${id}/approve`),
        postJson(app, agents.secondApprover, `/staff/decisions/${id}/approve`),
      ]);
      assert.deepEqual(answers.map((a) => a.statusCode).sort(), [303, 409]);
      assert.equal(answers.find((a) => a.statusCode === 409)!.json().code, 'DECISION_STATUS_CONFLICT');
      const approvals = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, String(id)), eq(auditEvents.action, 'approve')));
      assert.equal(approvals.length, 1);

      // The same race between two transactions, below HTTP.
      const second = await createTestDecision(db, {
        organisationId: f.organisations.home,
        authorUserId: f.users.editor.id,
        status: 'submitted',
      });
      const results = await Promise.allSettled([
        applyDecisionTransition(db, {
          actor: staffUser('approver', f.organisations.home, 'approver'),
          decisionId: second,
          action: 'approve',
        }),
        applyDecisionTransition(db, {
          actor: staffUser('secondApprover', f.organisations.home, 'approver'),
          decisionId: second,
          action: 'approve',
        }),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      assert.ok(refused.reason instanceof DecisionStatusConflictError);
    });

    describe('the GLA thresholds, checked on submit', () => {
      let gla: number;
      before(async () => {
        const [row] = await db
          .insert(organisations)
          .values({ slug: 'gla', name: 'Greater London Authority', kind: 'partner' })
          .onConflictDoNothing()
          .returning({ id: organisations.id });
        gla = row?.id ?? (await db.select().from(organisations).where(eq(organisations.slug, 'gla')))[0]!.id;
        await db
          .insert(memberships)
          .values({ userId: f.users.editor.id, organisationId: gla, role: 'editor' });
      });

      const glaDecision = async (
        type: DecisionType,
        lines: { pence: number; receipt?: boolean }[],
        novel = false,
      ) => {
        const id = await createTestDecision(db, {
          organisationId: gla,
          authorUserId: f.users.editor.id,
          fields: { type, novelOrContentious: novel },
        });
        for (const line of lines)
          await db.insert(decisionExpenditures).values({
            decisionId: id,
            amountPence: line.pence,
            financialYear: 2024,
            direction: line.receipt ? 'receipt' : 'expenditure',
          });
        return id;
      };
      const submit = (id: number, thresholdOverrideReason?: string) =>
        applyDecisionTransition(db, {
          actor: staffUser('editor', gla, 'editor', 'gla'),
          decisionId: id,
          action: 'submit',
          ...(thresholdOverrideReason ? { thresholdOverrideReason } : {}),
        });

      it('gives DAR up to £10,000, ADD up to £50,000, DD up to £150,000 and MD above, or when novel or contentious', () => {
        const cases: [number, boolean, DecisionType][] = [
          [0, false, 'DAR'],
          [1, false, 'DAR'],
          [1_000_000, false, 'DAR'],
          [1_000_001, false, 'ADD'],
          [5_000_000, false, 'ADD'],
          [5_000_001, false, 'DD'],
          [15_000_000, false, 'DD'],
          [15_000_001, false, 'MD'],
          [1, true, 'MD'],
          [15_000_000, true, 'MD'],
        ];
        for (const [totalExpenditurePence, novelOrContentious, required] of cases)
          assert.equal(
            requiredGlaDecisionType({
              organisationSlug: 'gla',
              type: 'DAR',
              totalExpenditurePence,
              novelOrContentious,
            }),
            required,
            `${totalExpenditurePence} pence${novelOrContentious ? ', novel' : ''}`,
          );
        assert.equal(
          requiredGlaDecisionType({
            organisationSlug: 'gla',
            type: 'other',
            totalExpenditurePence: 1e9,
            novelOrContentious: false,
          }),
          null,
        );
        assert.equal(
          requiredGlaDecisionType({
            organisationSlug: 'london-councils',
            type: 'MD',
            totalExpenditurePence: 1,
            novelOrContentious: false,
          }),
          null,
        );
      });

      it('submits a decision of the right type at each boundary and refuses the wrong one', async () => {
        const cases: [DecisionType, { pence: number; receipt?: boolean }[], boolean, boolean][] = [
          ['DAR', [{ pence: 1_000_000 }], false, true],
          ['ADD', [{ pence: 1_000_000 }], false, false],
          ['DAR', [{ pence: 1_000_001 }], false, false],
          ['ADD', [{ pence: 600_000 }, { pence: 400_001 }], false, true],
          ['ADD', [{ pence: 5_000_000 }], false, true],
          ['ADD', [{ pence: 5_000_001 }], false, false],
          ['DD', [{ pence: 5_000_001 }], false, true],
          ['DD', [{ pence: 15_000_000 }], false, true],
          ['DD', [{ pence: 15_000_001 }], false, false],
          ['MD', [{ pence: 15_000_001 }], false, true],
          ['MD', [{ pence: 100 }], true, true],
          ['DAR', [{ pence: 100 }], true, false],
          ['DAR', [], false, true],
          // Receipts are not spending.
          ['DAR', [{ pence: 20_000_000, receipt: true }, { pence: 1_000_000 }], false, true],
          ['other', [{ pence: 90_000_000 }], false, true],
        ];
        for (const [type, lines, novel, ok] of cases) {
          const id = await glaDecision(type, lines, novel);
          const label = `${type} for ${lines.map((l) => l.pence).join('+')}${novel ? ' novel' : ''}`;
          if (ok) {
            await submit(id);
            assert.equal(await statusOf(id), 'submitted', label);
          } else {
            await assert.rejects(submit(id), { code: 'THRESHOLD_TYPE_MISMATCH' }, label);
            assert.equal(await statusOf(id), 'draft', label);
          }
        }
      });

      it('lets the type differ with a reason, which is recorded and audited; resubmission checks again', async () => {
        const id = await glaDecision('DAR', [{ pence: 1_000_001 }]);
        await submit(id, 'Urgent: agreed with the Executive Director');
        const [row] = await db.select().from(decisions).where(eq(decisions.id, id));
        assert.equal(row!.status, 'submitted');
        assert.equal(row!.thresholdOverrideReason, 'Urgent: agreed with the Executive Director');
        const audit = await lastAudit(id);
        assert.equal(audit.action, 'submit');
        assert.equal(audit.reason, 'Urgent: agreed with the Executive Director');
        assert.equal(
          (audit.after as Record<string, unknown>).thresholdOverrideReason,
          'Urgent: agreed with the Executive Director',
        );

        await db.update(decisions).set({ status: 'returned' }).where(eq(decisions.id, id));
        await assert.rejects(
          applyDecisionTransition(db, {
            actor: staffUser('editor', gla, 'editor', 'gla'),
            decisionId: id,
            action: 'resubmit',
          }),
          { code: 'THRESHOLD_TYPE_MISMATCH' },
        );
      });

      it('explains a refusal on the page (400) and names the code to JSON clients', async () => {
        const id = await glaDecision('ADD', [{ pence: 15_000_001 }]);
        const page = await agents.editor.get(`/staff/decisions/${id}`);
        assert.match(page.body, /Reason to keep the type ADD/);
        const response = await agents.editor.post(`/staff/decisions/${id}/submit`);
        assert.equal(response.statusCode, 400);
        assert.match(response.body, /There is a problem/);
        assert.match(response.body, /thresholds make a decision spending £150,000.01 an MD/);
        assert.match(response.body, /href="#submit-thresholdOverrideReason"/);
        const json = await postJson(app, agents.editor, `/staff/decisions/${id}/submit`);
        assert.equal(json.json().code, 'THRESHOLD_TYPE_MISMATCH');
        assert.equal(await statusOf(id), 'draft');
        const withReason = await agents.editor.post(`/staff/decisions/${id}/submit`, {
          thresholdOverrideReason: 'Delegated by the Mayor',
        });
        assert.equal(withReason.statusCode, 303);
        assert.equal(await statusOf(id), 'submitted');
      });
    });

    it('shows Part 2 only to the owning organisation: never to other staff, the public, the API or exports', async () => {
      const draft = await createTestDecision(db, {
        organisationId: f.organisations.home,
        authorUserId: f.users.editor.id,
      });
      const published = await createTestDecision(db, {
        organisationId: f.organisations.home,
        authorUserId: f.users.editor.id,
        status: 'published',
      });
      const [{ reference }] = (await db
        .select({ reference: decisions.reference })
        .from(decisions)
        .where(eq(decisions.id, published))) as [{ reference: string }];
      for (const person of ['viewer', 'editor', 'approver', 'admin'] as const) {
        const page = await agents[person].get(`/staff/decisions/${published}`);
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /CONFIDENTIAL PART TWO TEXT/, `${person} sees Part 2`);
        assert.match(page.body, /<h2 class="govuk-heading-l" id="history">History/);
        assert.equal((await agents[person].get(`/staff/decisions/${draft}`)).statusCode, 200);
      }
      for (const person of ['otherEditor', 'otherApprover', 'platformAdmin', 'nobody'] as const) {
        const page = await agents[person].get(`/staff/decisions/${published}`);
        assert.equal(page.statusCode, 200);
        assert.doesNotMatch(page.body, /CONFIDENTIAL PART TWO TEXT/, `${person} does not see Part 2`);
        assert.match(page.body, /Part 2: confidential, not published/);
        assert.doesNotMatch(page.body, /id="history"/, 'the history holds Part 2 too');
        assert.equal(
          (await agents[person].get(`/staff/decisions/${draft}`)).statusCode,
          404,
          `${person}: a draft of another organisation does not exist`,
        );
      }
      for (const url of [
        `/decisions/${reference}`,
        `/api/v1/decisions/${reference}`,
        '/api/v1/decisions',
        '/decisions.csv',
        '/decisions.json',
        '/decisions.atom',
        `/decisions?q=${reference}`,
      ]) {
        for (const agent of [agents.signedOut, agents.editor]) {
          const response = await agent.get(url);
          assert.equal(response.statusCode, 200, url);
          assert.doesNotMatch(response.body, /CONFIDENTIAL PART TWO TEXT/, url);
        }
      }
      const publicPage = await agents.signedOut.get(`/decisions/${reference}`);
      assert.match(publicPage.body, /Part 2: confidential, not published/);
      assert.equal((await agents.signedOut.get(`/api/v1/decisions/${reference}`)).json().data.hasPart2, true);
    });

    it('refuses changes to the record outside draft and returned (409), and changes nothing', async () => {
      for (const status of decisionStatuses) {
        const id = await createTestDecision(db, {
          organisationId: f.organisations.home,
          authorUserId: f.users.editor.id,
          status,
        });
        const before = await decisionSnapshot(db);
        const editable = editableStatuses.includes(status);
        const form = { reference: `EDIT-${id}`, type: 'other', title: 'Changed title' };
        const edit = await postJson(app, agents.editor, `/staff/decisions/${id}`, form);
        const line = await postJson(app, agents.editor, `/staff/decisions/${id}/risks`, {
          description: 'A risk',
          rag: 'red',
        });
        const page = await agents.editor.get(`/staff/decisions/${id}/edit`);
        if (editable) {
          assert.equal(edit.statusCode, 303, status);
          assert.equal(line.statusCode, 303, status);
          assert.equal(page.statusCode, 200, status);
        } else {
          assert.equal(edit.statusCode, 409, status);
          assert.equal(edit.json().code, 'DECISION_NOT_EDITABLE');
          assert.equal(line.statusCode, 409, status);
          assert.equal(page.statusCode, 409, status);
          assert.match(page.body, /This decision cannot be changed now/);
          assert.equal(await decisionSnapshot(db), before, `nothing changed in ${status}`);
        }
      }
    });

    it('audits every change with what it was before and after', async () => {
      const created = await agents.editor.post('/staff/decisions', {
        organisationId: String(f.organisations.home),
        reference: 'AUDIT1',
        type: 'other',
        title: 'First title',
        part2: 'Secret',
      });
      assert.equal(created.statusCode, 303);
      const id = Number(/\/staff\/decisions\/([0-9]+)$/.exec(String(created.headers.location))![1]);
      const entries = async () =>
        db
          .select()
          .from(auditEvents)
          .where(eq(auditEvents.organisationId, f.organisations.home))
          .orderBy(auditEvents.id);
      const start = (await entries()).length;
      let audit = await lastAudit(id);
      assert.equal(audit.action, 'create');
      assert.equal(audit.actorUserId, f.users.editor.id);
      assert.equal((audit.after as Record<string, unknown>).title, 'First title');

      await agents.editor.post(`/staff/decisions/${id}`, {
        reference: 'AUDIT1',
        type: 'other',
        title: 'Second title',
        part2: 'Secret',
      });
      audit = await lastAudit(id);
      assert.equal(audit.action, 'update');
      assert.deepEqual(audit.before, { title: 'First title' });
      assert.deepEqual(audit.after, { title: 'Second title' });

      const unchanged = await agents.editor.post(`/staff/decisions/${id}`, {
        reference: 'AUDIT1',
        type: 'other',
        title: 'Second title',
        part2: 'Secret',
      });
      assert.equal(unchanged.statusCode, 303);
      assert.equal((await entries()).length, start + 1, 'saving without a change records nothing');

      const added = await agents.editor.post(`/staff/decisions/${id}/expenditures`, {
        direction: 'expenditure',
        amount: '3,200.50',
        financialYear: '2024-25',
        kind: 'grant',
        recipient: 'Race Equality Foundation',
      });
      assert.equal(added.statusCode, 303);
      const [line] = await db
        .select()
        .from(decisionExpenditures)
        .where(eq(decisionExpenditures.decisionId, id));
      assert.equal(line!.amountPence, 320_050);
      assert.equal(line!.financialYear, 2024);
      const removed = await agents.editor.post(`/staff/decisions/${id}/expenditures/${line!.id}/remove`);
      assert.equal(removed.statusCode, 303);
      assert.equal(
        (await db.select().from(decisionExpenditures).where(eq(decisionExpenditures.decisionId, id))).length,
        0,
      );
      const lineAudit = (await entries()).filter(
        (e) => e.entity === 'decision_expenditures' && e.entityId === String(line!.id),
      );
      assert.deepEqual(
        lineAudit.map((e) => e.action),
        ['create', 'remove'],
      );
      assert.equal((lineAudit[1]!.before as Record<string, unknown>).amountPence, 320_050);

      const history = await agents.viewer.get(`/staff/decisions/${id}`);
      assert.match(history.body, /title: First title → Second title/);
      assert.match(history.body, /add money line/);
      assert.match(history.body, /remove money line/);
      assert.match(history.body, /£3,200.50 in 2024-25/);
    });

    it('stores a signed PDF with its SHA-256 and refuses anything that is not a PDF', async () => {
      const id = await createTestDecision(db, {
        organisationId: f.organisations.home,
        authorUserId: f.users.editor.id,
        status: 'approved',
      });
      const before = await decisionSnapshot(db);
      for (const [content, message] of [
        [Buffer.from('just some text, not a PDF'), /The selected file must be a PDF/],
        [Buffer.from('<html>%PDF-</html>'), /The selected file must be a PDF/],
        [Buffer.alloc(0), /Select the signed decision form/],
        [Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024)]), /smaller than 10 MB/],
      ] as const) {
        const refused = await postMultipart(app, `/staff/decisions/${id}/documents`, agents.editor, {
          content,
          contentType: 'application/pdf',
        });
        assert.equal(refused.statusCode, 400);
        assert.match(refused.body, /There is a problem/);
        assert.match(refused.body, message);
      }
      const none = await postMultipart(app, `/staff/decisions/${id}/documents`, agents.editor, null);
      assert.equal(none.statusCode, 400);
      assert.equal(await decisionSnapshot(db), before, 'nothing stored');

      const pdf = tinyPdf('Signed by the decision-maker');
      const stored = await postMultipart(app, `/staff/decisions/${id}/documents`, agents.editor, {
        content: pdf,
        filename: 'scan.pdf',
      });
      assert.equal(stored.statusCode, 303);
      const [document] = await db
        .select()
        .from(decisionDocuments)
        .where(eq(decisionDocuments.decisionId, id));
      assert.equal(document!.sha256, createHash('sha256').update(pdf).digest('hex'));
      assert.equal(document!.byteLength, pdf.length);
      const download = await agents.viewer.get(`/staff/decisions/${id}/documents/${document!.id}`);
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['content-type'], 'application/pdf');
      assert.deepEqual(download.rawPayload, pdf);
      assert.equal(
        (await agents.otherEditor.get(`/staff/decisions/${id}/documents/${document!.id}`)).statusCode,
        404,
      );

      for (const action of ['sign', 'publish'] as const)
        assert.equal((await agents.approver.post(`/staff/decisions/${id}/${action}`)).statusCode, 303);
      const late = await postMultipart(
        app,
        `/staff/decisions/${id}/documents`,
        agents.editor,
        { content: pdf },
        { accept: 'application/json' },
      );
      assert.equal(late.statusCode, 409);
      assert.equal(late.json().code, 'DECISION_STATUS_CONFLICT');
      const [{ reference }] = (await db
        .select({ reference: decisions.reference })
        .from(decisions)
        .where(eq(decisions.id, id))) as [{ reference: string }];
      const page = await agents.signedOut.get(`/decisions/${reference}`);
      assert.match(page.body, new RegExp(document!.sha256));
      const signed = await agents.signedOut.get(`/decisions/${reference}/signed.pdf`);
      assert.equal(signed.statusCode, 200);
      assert.deepEqual(signed.rawPayload, pdf);
    });

    it('refuses to sign before a signed form is uploaded', async () => {
      const id = await createTestDecision(db, {
        organisationId: f.organisations.home,
        authorUserId: f.users.editor.id,
        status: 'approved',
      });
      const response = await agents.approver.post(`/staff/decisions/${id}/sign`);
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Upload the signed decision form/);
      assert.equal(
        (await postJson(app, agents.approver, `/staff/decisions/${id}/sign`)).json().code,
        'SIGNED_DOCUMENT_REQUIRED',
      );
      assert.equal(await statusOf(id), 'approved' as DecisionStatus);
    });
  });
}
