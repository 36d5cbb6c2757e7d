import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app/create-app.js';
import { loadBuiltInGeography } from '../../src/areas/load-built-in-geography.js';
import { loadGovernanceDemo } from '../../src/demo/load-governance-demo.js';
import { loadBuiltInOrganisations } from '../../src/people/built-in-organisations.js';
import { programmeMilestones } from '../../src/programmes/programme-milestones-table.js';
import { programmes } from '../../src/programmes/programmes-table.js';
import { parseRiskBanding } from '../../src/risks/risk-banding.js';
import { createRisk } from '../../src/risks/risk-repository.js';
import {
  auditOf,
  dateFields,
  featureSnapshot,
  insertDecision,
  insertIndicator,
  rowCount,
} from '../support/programmes-risks-boards-fixtures.js';
import {
  createStaffFixtures,
  type StaffAgent,
  type StaffFixtures,
  signedOut,
  signIn,
} from '../support/staff-fixtures.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

const idFrom = (location: unknown) => Number(/\/staff\/programmes\/(\d+)/.exec(String(location))?.[1]);

for (const kind of databaseKinds()) {
  describe(`programmes (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let f: StaffFixtures;
    let editor: StaffAgent;
    let viewer: StaffAgent;
    let published: number;
    let otherDraft: number;
    let homeDraft: number;

    before(async () => {
      t = await createTestDatabase(kind);
      f = await createStaffFixtures(t.database.db);
      await insertIndicator(t.database.db, 90001, 'Smoking prevalence (test)');
      await insertIndicator(t.database.db, 90002, 'Walking or cycling (test)');
      published = await insertDecision(t.database.db, f.organisations.other, 'MD9001', 'published');
      otherDraft = await insertDecision(t.database.db, f.organisations.other, 'MD9002', 'draft');
      homeDraft = await insertDecision(t.database.db, f.organisations.home, 'DD9003', 'draft');
      app = await createApp(t.config, { database: t.database });
      await app.ready();
      editor = await signIn(app, f.users.editor.email);
      viewer = await signIn(app, f.users.viewer.email);
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    async function create(slug: string, extra: Record<string, string> = {}): Promise<number> {
      const response = await editor.post('/staff/programmes', {
        name: `Programme ${slug}`,
        slug,
        aims: 'First aim.\n\nSecond aim.',
        status: 'active',
        organisationId: String(f.organisations.home),
        ...extra,
      });
      assert.equal(response.statusCode, 303, response.body.slice(0, 500));
      return idFrom(response.headers.location);
    }

    it('creates a programme, audited with the record after, and lists it publicly with its owner and status', async () => {
      const id = await create('heart-health');
      const [row] = await t.database.db.select().from(programmes).where(eq(programmes.id, id));
      assert.equal(row!.name, 'Programme heart-health');
      assert.equal(row!.isDemo, false);
      const audit = await auditOf(t.database.db, 'programmes', id);
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.action, 'create');
      assert.equal(audit[0]!.actor_user_id, f.users.editor.id);
      assert.equal(audit[0]!.before, null);
      assert.equal((audit[0]!.after as { slug: string }).slug, 'heart-health');
      const list = await (await signedOut(app)).get('/programmes');
      assert.equal(list.statusCode, 200);
      assert.match(
        list.body,
        /<a class="govuk-link" href="\/programmes\/heart-health">Programme heart-health<\/a>/,
      );
      assert.match(list.body, /Test Home Partner/);
      assert.match(list.body, /govuk-tag[^"]*">Active</);
      assert.doesNotMatch(list.body, /demonstration data/i);
      const page = await (await signedOut(app)).get('/programmes/heart-health');
      assert.equal(page.statusCode, 200);
      assert.match(
        page.body,
        /<p class="govuk-body">First aim.<\/p>\s*<p class="govuk-body">Second aim.<\/p>/,
      );
    });

    it('edits a programme: the audit entry has the record before and after', async () => {
      const id = await create('to-edit');
      const response = await editor.post(`/staff/programmes/${id}/edit`, {
        name: 'Renamed programme',
        slug: 'to-edit',
        aims: '',
        status: 'proposed',
        organisationId: String(f.organisations.home),
      });
      assert.equal(response.statusCode, 303);
      const audit = await auditOf(t.database.db, 'programmes', id);
      assert.deepEqual(
        audit.map((a) => a.action),
        ['create', 'update'],
      );
      const update = audit[1]! as {
        before: { name: string; status: string };
        after: { name: string; status: string };
      };
      assert.equal(update.before.name, 'Programme to-edit');
      assert.equal(update.after.name, 'Renamed programme');
      assert.equal(update.before.status, 'active');
      assert.equal(update.after.status, 'proposed');
      const staffPage = await editor.get(`/staff/programmes/${id}`);
      assert.match(staffPage.body, /name: Programme to-edit → Renamed programme/);
    });

    it('refuses a slug in use and bad input with the error summary, saving nothing', async () => {
      await create('taken');
      const before = await featureSnapshot(t.database.db);
      const taken = await editor.post('/staff/programmes', {
        name: 'Another',
        slug: 'taken',
        status: 'active',
        organisationId: String(f.organisations.home),
      });
      assert.equal(taken.statusCode, 400);
      assert.match(taken.body, /govuk-error-summary/);
      assert.match(taken.body, /Another programme already uses this short name/);
      const bad = await editor.post('/staff/programmes', { name: ' ', slug: 'Not A Slug', status: 'maybe' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Enter the programme name/);
      assert.match(bad.body, /Short name must use only lower-case letters/);
      assert.match(bad.body, /Select the programme status/);
      assert.match(bad.body, /href="#organisationId"/);
      assert.match(bad.body, /value="Not A Slug"/, 'the form keeps what was typed');
      assert.equal(await featureSnapshot(t.database.db), before);
    });

    it('lets an editor choose only an organisation where they are an editor', async () => {
      const response = await editor.post('/staff/programmes', {
        name: 'Elsewhere',
        slug: 'elsewhere',
        status: 'active',
        organisationId: String(f.organisations.other),
      });
      assert.equal(response.statusCode, 403);
      const form = await editor.get('/staff/programmes/new');
      assert.match(form.body, /Test Home Partner/);
      assert.doesNotMatch(form.body, /Test Other Partner/);
    });

    it('adds and edits milestones (status in words), with dates from the GOV.UK date input', async () => {
      const id = await create('milestones');
      const added = await editor.post(`/staff/programmes/${id}/milestones`, {
        title: 'Pilot in two boroughs',
        ...dateFields('dueOn', '2026-03-31'),
        status: 'in-progress',
      });
      assert.equal(added.statusCode, 303);
      const [milestone] = await t.database.db
        .select()
        .from(programmeMilestones)
        .where(eq(programmeMilestones.programmeId, id));
      assert.equal(milestone!.dueOn, '2026-03-31');
      const edited = await editor.post(`/staff/programmes/${id}/milestones/${milestone!.id}/edit`, {
        title: 'Pilot in two boroughs',
        ...dateFields('dueOn', '2026-04-30'),
        status: 'late',
      });
      assert.equal(edited.statusCode, 303);
      const audit = await auditOf(t.database.db, 'programme_milestones', milestone!.id);
      assert.deepEqual(
        audit.map((a) => a.action),
        ['create', 'update'],
      );
      assert.equal((audit[1]!.before as { dueOn: string }).dueOn, '2026-03-31');
      assert.equal((audit[1]!.after as { dueOn: string; status: string }).status, 'late');
      const page = await (await signedOut(app)).get('/programmes/milestones');
      assert.match(
        page.body,
        /Pilot in two boroughs<\/td>\s*<td class="govuk-table__cell">30 April 2026<\/td>/,
      );
      assert.match(page.body, /govuk-tag govuk-tag--red">Late<\/strong>/);
      const badDate = await editor.post(`/staff/programmes/${id}/milestones`, {
        title: 'x',
        ...dateFields('dueOn', '2026-02-30'),
        status: 'done',
      });
      assert.equal(badDate.statusCode, 400);
      assert.match(badDate.body, /Due date must be a real date/);
      assert.match(badDate.body, /href="#dueOn-day"/);
    });

    it('shows updates newest first, each with its date', async () => {
      const id = await create('updates');
      for (const [asOf, body] of [
        ['2025-06-30', 'Older update'],
        ['2026-01-31', 'Newer update'],
      ] as const)
        assert.equal(
          (await editor.post(`/staff/programmes/${id}/updates`, { ...dateFields('asOf', asOf), body }))
            .statusCode,
          303,
        );
      const page = await (await signedOut(app)).get('/programmes/updates');
      assert.ok(page.body.indexOf('Newer update') < page.body.indexOf('Older update'));
      assert.match(page.body, /31 January 2026/);
      assert.equal((await auditOf(t.database.db, 'programme_updates', 1)).length >= 1, true);
    });

    it('links decisions by reference: only published ones are shown in public, linking to /decisions/{reference}', async () => {
      const id = await create('with-decisions');
      assert.equal(
        (await editor.post(`/staff/programmes/${id}/decisions`, { reference: 'md9001' })).statusCode,
        303,
      );
      assert.equal(
        (await editor.post(`/staff/programmes/${id}/decisions`, { reference: 'DD9003' })).statusCode,
        303,
      );
      const unseen = await editor.post(`/staff/programmes/${id}/decisions`, { reference: 'MD9002' });
      assert.equal(
        unseen.statusCode,
        400,
        "another organisation's draft cannot be linked, or even confirmed",
      );
      assert.match(unseen.body, /There is no decision with this reference that you can see/);
      const page = await (await signedOut(app)).get('/programmes/with-decisions');
      assert.match(
        page.body,
        /<a class="govuk-link" href="\/decisions\/MD9001">MD9001: Decision MD9001<\/a>/,
      );
      assert.doesNotMatch(page.body, /DD9003/, 'a draft is never named publicly');
      const staffPage = await editor.get(`/staff/programmes/${id}`);
      assert.match(staffPage.body, /DD9003: Decision DD9003/);
      const audit = await auditOf(t.database.db, 'programmes', id);
      assert.deepEqual(
        audit.map((a) => a.action),
        ['create', 'link-decision', 'link-decision'],
      );
      assert.deepEqual(audit[1]!.after, { decisionId: published, reference: 'MD9001' });
      const unlinked = await editor.post(`/staff/programmes/${id}/decisions/${homeDraft}/unlink`);
      assert.equal(unlinked.statusCode, 303);
      const last = (await auditOf(t.database.db, 'programmes', id)).at(-1)!;
      assert.equal(last.action, 'unlink-decision');
      assert.deepEqual(last.before, { decisionId: homeDraft, reference: 'DD9003' });
      assert.equal(
        (await editor.post(`/staff/programmes/${id}/decisions/${otherDraft}/unlink`)).statusCode,
        404,
        'not linked',
      );
    });

    it('links and unlinks indicators, shown with links to /indicators/{id}', async () => {
      const id = await create('with-indicators');
      assert.equal(
        (await editor.post(`/staff/programmes/${id}/indicators`, { indicatorId: '90001' })).statusCode,
        303,
      );
      const unknown = await editor.post(`/staff/programmes/${id}/indicators`, { indicatorId: '12345678' });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, /There is no indicator with this id/);
      const page = await (await signedOut(app)).get('/programmes/with-indicators');
      assert.match(
        page.body,
        /<a class="govuk-link" href="\/indicators\/90001">Smoking prevalence \(test\)<\/a>/,
      );
      assert.equal((await editor.post(`/staff/programmes/${id}/indicators/90001/unlink`)).statusCode, 303);
      assert.doesNotMatch((await (await signedOut(app)).get('/programmes/with-indicators')).body, /90001/);
      assert.deepEqual(
        (await auditOf(t.database.db, 'programmes', id)).map((a) => a.action),
        ['create', 'link-indicator', 'unlink-indicator'],
      );
    });

    it('archives a programme with a reason: gone from the public pages, kept and marked for staff', async () => {
      const id = await create('to-archive');
      const noReason = await editor.post(`/staff/programmes/${id}/archive`, { reason: '' });
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.body, /Enter why you are archiving this programme/);
      assert.equal(
        (await editor.post(`/staff/programmes/${id}/archive`, { reason: 'Merged' })).statusCode,
        303,
      );
      const [row] = await t.database.db.select().from(programmes).where(eq(programmes.id, id));
      assert.ok(row!.archivedAt);
      const visitor = await signedOut(app);
      assert.equal((await visitor.get('/programmes/to-archive')).statusCode, 404);
      assert.doesNotMatch((await visitor.get('/programmes')).body, /to-archive/);
      assert.match(
        (await editor.get('/staff/programmes')).body,
        /Programme to-archive<\/th>[\s\S]*?Archived/,
      );
      const archive = (await auditOf(t.database.db, 'programmes', id)).at(-1)!;
      assert.equal(archive.action, 'archive');
      assert.equal(archive.reason, 'Merged');
      assert.equal((archive.before as { archivedAt: unknown }).archivedAt, null);
      assert.ok((archive.after as { archivedAt: unknown }).archivedAt);
    });

    it("never shows the programme's risks on its public page", async () => {
      const id = await create('with-risks');
      await t.database.db.transaction((trx) =>
        createRisk(
          trx,
          null,
          f.organisations.home,
          {
            kind: 'risk',
            title: 'A confidential risk title',
            description: '',
            owner: 'Someone',
            likelihood: 5,
            impact: 5,
            mitigations: '',
            programmeId: id,
          },
          parseRiskBanding('green:1-6,amber:8-12,red:15-25'),
        ),
      );
      const page = await (await signedOut(app)).get('/programmes/with-risks');
      assert.doesNotMatch(page.body, /A confidential risk title/);
      assert.doesNotMatch(page.body, /\/risks/);
    });

    it('gives viewers the staff page and history without the means to change anything', async () => {
      const id = await create('viewed');
      const page = await viewer.get(`/staff/programmes/${id}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /History/);
      assert.doesNotMatch(page.body, /Edit programme|Add a milestone|Archive programme/);
      assert.equal((await viewer.get(`/staff/programmes/${id}/edit`)).statusCode, 403);
      const other = await signIn(app, f.users.otherEditor.email);
      assert.equal((await other.get(`/staff/programmes/${id}`)).statusCode, 403);
      assert.equal((await editor.get('/staff/programmes/999999')).statusCode, 404);
      assert.equal((await editor.get('/staff/programmes/abc')).statusCode, 404);
    });
  });

  describe(`programmes demo content (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    before(async () => {
      t = await createTestDatabase(kind);
      await loadBuiltInGeography(t.database.db);
      await loadBuiltInOrganisations(t.database.db);
      await insertIndicator(t.database.db, 91001, 'Smoking prevalence in adults');
      await insertIndicator(
        t.database.db,
        91002,
        'Adults walking or cycling for two 10-minute periods a day',
      );
      await loadGovernanceDemo(t.database.db);
      app = await createApp(t.config, { database: t.database });
      await app.ready();
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('loads the four GLA programmes as demonstration content, labelled on every page, with audited creation', async () => {
      const rows = await t.database.db.select().from(programmes).orderBy(programmes.slug);
      assert.deepEqual(
        rows.map((p) => p.slug),
        [
          'cvd-prevention',
          'london-office',
          'physical-activity-in-healthcare',
          'structural-racism-recommendations',
        ],
      );
      assert.ok(rows.every((p) => p.isDemo));
      const visitor = await signedOut(app);
      const list = await visitor.get('/programmes');
      assert.match(list.body, /demonstration data/i);
      assert.match(list.body, /Greater London Authority/);
      for (const p of rows) {
        const page = await visitor.get(`/programmes/${p.slug}`);
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /demonstration data/i, p.slug);
        const audit = await auditOf(t.database.db, 'programmes', p.id);
        assert.equal(audit[0]!.action, 'create');
        assert.equal(audit[0]!.actor_user_id, null);
      }
      assert.match((await visitor.get('/programmes/cvd-prevention')).body, /href="\/indicators\/91001"/);
      assert.match(
        (await visitor.get('/programmes/physical-activity-in-healthcare')).body,
        /href="\/indicators\/91002"/,
      );
      assert.ok((await rowCount(t.database.db, 'programme_milestones')) >= 12);
      assert.ok((await rowCount(t.database.db, 'programme_updates')) >= 6);
    });
  });
}
