import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app/create-app.js';
import {
  addAction,
  addMember,
  createBoard,
  createMeeting,
  findMeeting,
} from '../../src/boards/board-repository.js';
import type { Db } from '../../src/db/db.js';
import {
  addMilestone,
  createProgramme,
  linkDecision,
  linkIndicator,
} from '../../src/programmes/programme-repository.js';
import { parseRiskBanding } from '../../src/risks/risk-banding.js';
import { createRisk } from '../../src/risks/risk-repository.js';
import {
  dateFields,
  featureSnapshot,
  insertDecision,
  insertIndicator,
  postForJson,
  rowCount,
} from '../support/programmes-risks-boards-fixtures.js';
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

/** What a route acts on, made afresh and owned by the `home` organisation. */
interface Target {
  readonly path: string;
  readonly form: Record<string, string>;
  /** The GET page with the form, where there is one. */
  readonly page?: string;
}

interface WriteRoute {
  readonly name: string;
  prepare(): Promise<Target>;
  /** Input the form must refuse with 400, the GOV.UK error summary and this message, saving nothing. */
  readonly bad?: { readonly form: (target: Target) => Record<string, string>; readonly message: RegExp };
  /** Creating needs an editor role somewhere, so the form page is open to other organisations' editors. */
  readonly creates?: boolean;
}

// Every write of the three features is for editors and above of the organisation that owns the record.
const allowed = new Set<StaffPerson>(['editor', 'secondEditor', 'approver', 'secondApprover', 'admin']);

for (const kind of databaseKinds()) {
  describe(`programmes, risks and boards: who may write (${kind})`, () => {
    let t: TestDatabase;
    let db: Db;
    let app: FastifyInstance;
    let f: StaffFixtures;
    const agents = new Map<StaffPerson | 'signedOut', StaffAgent>();
    let serial = 0;
    let publishedDecision = 0;
    const banding = parseRiskBanding('green:1-6,amber:8-12,red:15-25');

    before(async () => {
      t = await createTestDatabase(kind);
      db = t.database.db;
      f = await createStaffFixtures(db);
      await insertIndicator(db, 90001, 'Test indicator');
      publishedDecision = await insertDecision(db, f.organisations.other, 'MD9001', 'published');
      app = await createApp(t.config, { database: t.database });
      await app.ready();
      for (const person of staffPeople) agents.set(person, await signIn(app, f.users[person].email));
      agents.set('signedOut', await signedOut(app));
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const home = () => String(f.organisations.home);
    const programme = async () => {
      serial += 1;
      return createProgramme(db, null, {
        organisationId: f.organisations.home,
        slug: `access-${serial}`,
        name: `Access programme ${serial}`,
        aims: '',
        status: 'active',
      });
    };
    const risk = async () =>
      createRisk(
        db,
        null,
        f.organisations.home,
        {
          kind: 'risk',
          title: 'Access risk',
          description: '',
          owner: 'Lead',
          likelihood: 3,
          impact: 3,
          mitigations: '',
          programmeId: null,
        },
        banding,
      );
    const board = async () => {
      serial += 1;
      return createBoard(db, null, {
        organisationId: f.organisations.home,
        slug: `access-board-${serial}`,
        name: `Access board ${serial}`,
        remit: '',
      });
    };
    const meeting = async () => {
      const b = await board();
      const m = await createMeeting(db, null, b, {
        kind: 'board',
        title: 'Access meeting',
        heldOn: '2026-03-10',
        location: '',
        status: 'held',
        minutes: '',
      });
      return (await findMeeting(db, m.id))!;
    };
    const programmeForm = (slug: string) => ({
      name: 'A programme',
      slug,
      status: 'active',
      organisationId: home(),
    });
    const riskForm = {
      kind: 'risk',
      title: 'A risk',
      owner: 'Lead',
      likelihood: '2',
      impact: '3',
      ratingReason: 'Reviewed',
    };
    const meetingForm = {
      kind: 'board',
      title: 'A meeting',
      ...dateFields('heldOn', '2026-05-01'),
      status: 'planned',
    };

    const routes: readonly WriteRoute[] = [
      {
        name: 'create a programme',
        creates: true,
        prepare: async () => {
          serial += 1;
          return {
            path: '/staff/programmes',
            page: '/staff/programmes/new',
            form: programmeForm(`new-${serial}`),
          };
        },
        bad: { form: (x) => ({ ...x.form, name: '' }), message: /Enter the programme name/ },
      },
      {
        name: 'edit a programme',
        prepare: async () => {
          const p = await programme();
          return {
            path: `/staff/programmes/${p.id}/edit`,
            page: `/staff/programmes/${p.id}/edit`,
            form: programmeForm(p.slug),
          };
        },
        bad: { form: (x) => ({ ...x.form, status: 'finished' }), message: /Select the programme status/ },
      },
      {
        name: 'add a milestone',
        prepare: async () => {
          const p = await programme();
          return {
            path: `/staff/programmes/${p.id}/milestones`,
            page: `/staff/programmes/${p.id}/milestones/new`,
            form: { title: 'A milestone', ...dateFields('dueOn', '2026-12-31'), status: 'not-started' },
          };
        },
        bad: { form: () => ({ title: 'A milestone', status: 'done' }), message: /Enter the due date/ },
      },
      {
        name: 'edit a milestone',
        prepare: async () => {
          const p = await programme();
          const m = await addMilestone(db, null, p, {
            title: 'M',
            dueOn: '2026-01-01',
            status: 'not-started',
          });
          const path = `/staff/programmes/${p.id}/milestones/${m.id}/edit`;
          return {
            path,
            page: path,
            form: { title: 'M', ...dateFields('dueOn', '2026-02-01'), status: 'done' },
          };
        },
        bad: {
          form: () => ({ title: 'M', 'dueOn-day': '1', 'dueOn-year': '2026', status: 'done' }),
          message: /Due date must include a month/,
        },
      },
      {
        name: 'add an update',
        prepare: async () => {
          const p = await programme();
          return {
            path: `/staff/programmes/${p.id}/updates`,
            page: `/staff/programmes/${p.id}/updates/new`,
            form: { ...dateFields('asOf', '2026-06-30'), body: 'Progress.' },
          };
        },
        bad: {
          form: () => ({ ...dateFields('asOf', '2026-06-30'), body: ' ' }),
          message: /Enter the update/,
        },
      },
      {
        name: 'link a decision to a programme',
        prepare: async () => {
          const p = await programme();
          return {
            path: `/staff/programmes/${p.id}/decisions`,
            page: `/staff/programmes/${p.id}/decisions/new`,
            form: { reference: 'MD9001' },
          };
        },
        bad: { form: () => ({ reference: '' }), message: /Enter the decision reference/ },
      },
      {
        name: 'unlink a decision from a programme',
        prepare: async () => {
          const p = await programme();
          const decisionId = publishedDecision;
          await linkDecision(db, null, p, { id: decisionId, reference: 'MD9001' });
          return { path: `/staff/programmes/${p.id}/decisions/${decisionId}/unlink`, form: {} };
        },
      },
      {
        name: 'link an indicator to a programme',
        prepare: async () => {
          const p = await programme();
          return {
            path: `/staff/programmes/${p.id}/indicators`,
            page: `/staff/programmes/${p.id}/indicators/new`,
            form: { indicatorId: '90001' },
          };
        },
        bad: { form: () => ({ indicatorId: 'ninety' }), message: /Indicator id must be a number/ },
      },
      {
        name: 'unlink an indicator from a programme',
        prepare: async () => {
          const p = await programme();
          await linkIndicator(db, null, p, { id: 90001, name: 'Test indicator' });
          return { path: `/staff/programmes/${p.id}/indicators/90001/unlink`, form: {} };
        },
      },
      {
        name: 'archive a programme',
        prepare: async () => {
          const p = await programme();
          const path = `/staff/programmes/${p.id}/archive`;
          return { path, page: path, form: { reason: 'No longer run' } };
        },
        bad: { form: () => ({ reason: '' }), message: /Enter why you are archiving this programme/ },
      },
      {
        name: 'add a risk',
        creates: true,
        prepare: async () => ({
          path: '/risks',
          page: '/risks/new',
          form: { ...riskForm, organisationId: home() },
        }),
        bad: { form: (x) => ({ ...x.form, title: '' }), message: /Enter a title/ },
      },
      {
        name: 'edit a risk',
        prepare: async () => {
          const r = await risk();
          return { path: `/risks/${r.id}/edit`, page: `/risks/${r.id}/edit`, form: riskForm };
        },
        bad: { form: () => ({ ...riskForm, owner: '' }), message: /Enter who owns it/ },
      },
      {
        name: 're-rate a risk',
        prepare: async () => {
          const r = await risk();
          const path = `/risks/${r.id}/rerate`;
          return { path, page: path, form: { likelihood: '5', impact: '5', reason: 'Worse' } };
        },
        bad: {
          form: () => ({ likelihood: '6', impact: '5', reason: 'Worse' }),
          message: /Select how likely it is/,
        },
      },
      {
        name: 'close a risk',
        prepare: async () => {
          const r = await risk();
          const path = `/risks/${r.id}/close`;
          return { path, page: path, form: { reason: 'Passed' } };
        },
        bad: { form: () => ({ reason: '' }), message: /Enter why you are closing it/ },
      },
      {
        name: 'archive a risk',
        prepare: async () => {
          const r = await risk();
          const path = `/risks/${r.id}/archive`;
          return { path, page: path, form: { reason: 'Duplicate' } };
        },
        bad: { form: () => ({ reason: '' }), message: /Enter why you are archiving it/ },
      },
      {
        name: 'create a board',
        creates: true,
        prepare: async () => {
          serial += 1;
          return {
            path: '/staff/boards',
            page: '/staff/boards/new',
            form: { name: 'A board', slug: `new-board-${serial}`, organisationId: home() },
          };
        },
        bad: { form: (x) => ({ ...x.form, name: '' }), message: /Enter the board name/ },
      },
      {
        name: 'edit a board',
        prepare: async () => {
          const b = await board();
          const path = `/staff/boards/${b.id}/edit`;
          return {
            path,
            page: path,
            form: { name: 'Renamed', slug: b.slug, remit: 'New', organisationId: home() },
          };
        },
        bad: { form: (x) => ({ ...x.form, slug: 'Bad slug!' }), message: /Short name must use only/ },
      },
      {
        name: 'add a board member',
        prepare: async () => {
          const b = await board();
          return {
            path: `/staff/boards/${b.id}/members`,
            page: `/staff/boards/${b.id}/members/new`,
            form: { name: 'Deputy Mayor', role: 'Member', organisationId: '' },
          };
        },
        bad: { form: () => ({ name: 'Deputy Mayor', role: '' }), message: /Enter their role on the board/ },
      },
      {
        name: 'end a board membership',
        prepare: async () => {
          const b = await board();
          const m = await addMember(db, null, b, {
            name: 'Member',
            role: 'Member',
            organisationId: null,
            fromDate: null,
          });
          const path = `/staff/boards/${b.id}/members/${m.id}/end`;
          return { path, page: path, form: dateFields('toDate', '2026-01-31') };
        },
        bad: { form: () => ({}), message: /Enter the date the membership ended/ },
      },
      {
        name: 'add a meeting',
        prepare: async () => {
          const b = await board();
          return {
            path: `/staff/boards/${b.id}/meetings`,
            page: `/staff/boards/${b.id}/meetings/new`,
            form: meetingForm,
          };
        },
        bad: { form: () => ({ ...meetingForm, kind: 'party' }), message: /Select the kind of meeting/ },
      },
      {
        name: 'edit a meeting and its minutes',
        prepare: async () => {
          const m = await meeting();
          const path = `/staff/meetings/${m.id}/edit`;
          return { path, page: path, form: { ...meetingForm, status: 'held', minutes: 'Minutes.' } };
        },
        bad: { form: () => ({ ...meetingForm, title: '' }), message: /Enter the meeting title/ },
      },
      {
        name: 'add an agenda item',
        prepare: async () => {
          const m = await meeting();
          return {
            path: `/staff/meetings/${m.id}/agenda`,
            page: `/staff/meetings/${m.id}/agenda/new`,
            form: { title: 'Item', paperTitle: 'Paper', paperUrl: 'https://example.org/paper.pdf' },
          };
        },
        bad: {
          form: () => ({ title: 'Item', paperUrl: 'https://example.org/paper.pdf' }),
          message: /Enter the paper(&#39;|')s title/,
        },
      },
      {
        name: 'link a decision to a meeting',
        prepare: async () => {
          const m = await meeting();
          return {
            path: `/staff/meetings/${m.id}/decisions`,
            page: `/staff/meetings/${m.id}/decisions/new`,
            form: { reference: 'MD9001' },
          };
        },
        bad: {
          form: () => ({ reference: 'MD 9001!' }),
          message: /Enter a decision reference in the correct format/,
        },
      },
      {
        name: 'add an action',
        prepare: async () => {
          const m = await meeting();
          return {
            path: `/staff/meetings/${m.id}/actions`,
            page: `/staff/meetings/${m.id}/actions/new`,
            form: { description: 'Do it', owner: 'Lead', ...dateFields('dueOn', '2026-12-31') },
          };
        },
        bad: {
          form: () => ({ description: 'Do it', ...dateFields('dueOn', '2026-12-31') }),
          message: /Enter who owns the action/,
        },
      },
      {
        name: 'mark an action done or dropped',
        prepare: async () => {
          const m = await meeting();
          const a = await addAction(db, null, m, {
            description: 'Do it',
            owner: 'Lead',
            dueOn: '2026-12-31',
          });
          const path = `/staff/actions/${a.id}/status`;
          return { path, page: path, form: { status: 'done' } };
        },
        bad: {
          form: () => ({ status: 'forgotten' }),
          message: /Select whether the action is done or dropped/,
        },
      },
    ];

    for (const route of routes) {
      it(`${route.name}: editors and above of the owning organisation only; a refusal changes nothing`, async () => {
        for (const person of staffPeople) {
          if (!allowed.has(person)) continue;
          const target = await route.prepare();
          const audits = await rowCount(db, 'audit_events');
          const response = await postForJson(app, agents.get(person)!, target.path, target.form);
          assert.equal(response.statusCode, 303, `${person}: ${response.body.slice(0, 300)}`);
          assert.ok((await rowCount(db, 'audit_events')) > audits, `${person}: audited`);
        }
        const shared = await route.prepare();
        for (const person of [...staffPeople.filter((p) => !allowed.has(p)), 'signedOut' as const]) {
          const before = await featureSnapshot(db);
          const response = await postForJson(app, agents.get(person)!, shared.path, shared.form);
          const expected = person === 'signedOut' ? [401, 'SIGN_IN_REQUIRED'] : [403, 'FORBIDDEN'];
          assert.deepEqual([response.statusCode, response.json().code], expected, person);
          assert.equal(await featureSnapshot(db), before, `${person}: nothing changed`);
        }
        if (shared.page) {
          for (const person of staffPeople) {
            const open = allowed.has(person) || (route.creates === true && person.startsWith('other'));
            const page = await agents.get(person)!.get(shared.page);
            assert.equal(page.statusCode, open ? 200 : 403, `${person}: GET ${shared.page}`);
            if (open) assert.match(page.body, /name="_csrf"/);
          }
          const visitor = await agents.get('signedOut')!.get(shared.page);
          assert.equal(visitor.statusCode, 303);
          assert.equal(visitor.headers.location, `/sign-in?next=${encodeURIComponent(shared.page)}`);
        }
      });

      if (route.bad) {
        const bad = route.bad;
        it(`${route.name}: bad input gets 400, the error summary and its message, and nothing is saved`, async () => {
          const target = await route.prepare();
          const before = await featureSnapshot(db);
          const response = await agents.get('editor')!.post(target.path, bad.form(target));
          assert.equal(response.statusCode, 400);
          assert.match(response.body, /govuk-error-summary/);
          assert.match(response.body, /There is a problem/);
          assert.match(response.body, bad.message);
          assert.match(response.body, /<title>Error: /);
          assert.equal(await featureSnapshot(db), before);
        });
      }
    }

    it('lists every write route of the three features', () => {
      assert.equal(routes.length, 25);
      assert.equal(
        routes.filter((r) => !r.bad).length,
        2,
        'only the two unlink buttons have no input to refuse',
      );
    });
  });
}
