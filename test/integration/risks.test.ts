import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app/create-app.js';
import { loadBuiltInGeography } from '../../src/areas/load-built-in-geography.js';
import { loadGovernanceDemo } from '../../src/demo/load-governance-demo.js';
import { loadBuiltInOrganisations } from '../../src/people/built-in-organisations.js';
import { createProgramme } from '../../src/programmes/programme-repository.js';
import { riskRatings } from '../../src/risks/risk-ratings-table.js';
import { risks } from '../../src/risks/risks-table.js';
import { auditOf, featureSnapshot } from '../support/programmes-risks-boards-fixtures.js';
import {
  createStaffFixtures,
  type StaffAgent,
  type StaffFixtures,
  signedOut,
  signIn,
} from '../support/staff-fixtures.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

const idFrom = (location: unknown) => Number(/\/risks\/(\d+)/.exec(String(location))?.[1]);

/** The risk ids in a register page's tables, in order. */
const listed = (html: string) => [...html.matchAll(/data-risk="(\d+)"/g)].map((m) => Number(m[1]));

for (const kind of databaseKinds()) {
  describe(`risk register (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let f: StaffFixtures;
    let editor: StaffAgent;
    let viewer: StaffAgent;
    let programmeId: number;

    before(async () => {
      t = await createTestDatabase(kind);
      f = await createStaffFixtures(t.database.db);
      const programme = await t.database.db.transaction((trx) =>
        createProgramme(trx, null, {
          organisationId: f.organisations.home,
          slug: 'register-test',
          name: 'Register test programme',
          aims: '',
          status: 'active',
        }),
      );
      programmeId = programme.id;
      app = await createApp(t.config, { database: t.database });
      await app.ready();
      editor = await signIn(app, f.users.editor.email);
      viewer = await signIn(app, f.users.viewer.email);
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    async function add(
      title: string,
      likelihood: number,
      impact: number,
      extra: Record<string, string> = {},
    ) {
      const response = await editor.post('/risks', {
        organisationId: String(f.organisations.home),
        kind: 'risk',
        title,
        description: 'What could happen.',
        owner: 'Programme lead',
        likelihood: String(likelihood),
        impact: String(impact),
        mitigations: 'What we do about it.',
        programmeId: String(programmeId),
        ...extra,
      });
      assert.equal(response.statusCode, 303, response.body.slice(0, 400));
      return idFrom(response.headers.location);
    }

    it('creates a risk: the RAG from the banding of the score, the first rating in its history, audited', async () => {
      const id = await add('Red risk', 4, 4);
      const [row] = await t.database.db.select().from(risks).where(eq(risks.id, id));
      assert.equal(row!.score, 16);
      assert.equal(row!.rag, 'red');
      const ratings = await t.database.db.select().from(riskRatings).where(eq(riskRatings.riskId, id));
      assert.equal(ratings.length, 1);
      assert.equal(ratings[0]!.rag, 'red');
      assert.equal(ratings[0]!.ratedByUserId, f.users.editor.id);
      const audit = await auditOf(t.database.db, 'risks', id);
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.action, 'create');
      assert.equal((audit[0]!.after as { rag: string }).rag, 'red');
      const page = await viewer.get(`/risks/${id}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /data-score>16</);
      assert.match(page.body, /data-rag><strong class="govuk-tag govuk-tag--red">Red<\/strong>/);
      assert.match(page.body, /Register test programme/);
      assert.match(page.body, /What we do about it./);
    });

    it('bands every score as configured: 6 green, 8 amber, 12 amber, 15 red', async () => {
      for (const [l, i, rag] of [
        [2, 3, 'green'],
        [2, 4, 'amber'],
        [3, 4, 'amber'],
        [3, 5, 'red'],
      ] as const) {
        const id = await add(`Banded ${l}x${i}`, l, i);
        const [row] = await t.database.db.select().from(risks).where(eq(risks.id, id));
        assert.equal(row!.rag, rag, `${l} × ${i}`);
      }
    });

    it('edits a risk: no new rating unless the rating changes, and then only with a reason', async () => {
      const id = await add('Edited risk', 2, 2);
      const form = {
        kind: 'issue',
        title: 'Edited risk, now an issue',
        description: '',
        owner: 'Another owner',
        likelihood: '2',
        impact: '2',
        mitigations: '',
        programmeId: '',
      };
      assert.equal((await editor.post(`/risks/${id}/edit`, form)).statusCode, 303);
      assert.equal(
        (await t.database.db.select().from(riskRatings).where(eq(riskRatings.riskId, id))).length,
        1,
      );
      const before = await featureSnapshot(t.database.db);
      const noReason = await editor.post(`/risks/${id}/edit`, { ...form, likelihood: '5' });
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.body, /govuk-error-summary/);
      assert.match(noReason.body, /Enter why the rating is changing/);
      assert.equal(await featureSnapshot(t.database.db), before);
      assert.equal(
        (await editor.post(`/risks/${id}/edit`, { ...form, likelihood: '5', ratingReason: 'It happened' }))
          .statusCode,
        303,
      );
      const ratings = await t.database.db.select().from(riskRatings).where(eq(riskRatings.riskId, id));
      assert.equal(ratings.length, 2);
      assert.ok(ratings.some((r) => r.reason === 'It happened' && r.likelihood === 5 && r.rag === 'amber'));
      const audit = await auditOf(t.database.db, 'risks', id);
      assert.deepEqual(
        audit.map((a) => a.action),
        ['create', 'update', 'update'],
      );
      const first = audit[1]! as { before: Record<string, unknown>; after: Record<string, unknown> };
      assert.equal(first.before.kind, 'risk');
      assert.equal(first.after.kind, 'issue');
      assert.equal(first.before.programmeId, programmeId);
      assert.equal(first.after.programmeId, null);
      assert.equal(audit[2]!.reason, 'It happened');
    });

    it('re-rates with a required reason: a new row in the rating history, the RAG moved, audited', async () => {
      const id = await add('Re-rated risk', 4, 5);
      const missing = await editor.post(`/risks/${id}/rerate`, { likelihood: '1', impact: '2', reason: ' ' });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /Enter why the rating is changing/);
      assert.equal(
        (await editor.post(`/risks/${id}/rerate`, { likelihood: '2', impact: '4', reason: 'Mitigated' }))
          .statusCode,
        303,
      );
      assert.equal(
        (await editor.post(`/risks/${id}/rerate`, { likelihood: '1', impact: '2', reason: 'Nearly gone' }))
          .statusCode,
        303,
      );
      const [row] = await t.database.db.select().from(risks).where(eq(risks.id, id));
      assert.deepEqual([row!.likelihood, row!.impact, row!.score, row!.rag], [1, 2, 2, 'green']);
      const page = await viewer.get(`/risks/${id}`);
      const history = page.body.slice(page.body.indexOf('Rating history'));
      const reasons = ['Nearly gone', 'Mitigated', 'First rating'].map((r) => history.indexOf(r));
      assert.ok(
        reasons.every((i, n) => i > 0 && (n === 0 || i > reasons[n - 1]!)),
        'newest first',
      );
      assert.match(
        history,
        /govuk-tag--green">Green[\s\S]*govuk-tag--yellow">Amber[\s\S]*govuk-tag--red">Red/,
      );
      const audit = await auditOf(t.database.db, 'risks', id);
      assert.deepEqual(
        audit.map((a) => a.action),
        ['create', 'rerate', 'rerate'],
      );
      assert.equal((audit[1]!.before as { rag: string }).rag, 'red');
      assert.equal((audit[1]!.after as { rag: string }).rag, 'amber');
      assert.match(page.body, /rerate \(risks/);
    });

    it('closes and archives with reasons: closed leaves the open register, archived leaves it altogether', async () => {
      const closed = await add('To close', 3, 3);
      const archived = await add('To archive', 3, 3);
      assert.equal((await editor.post(`/risks/${closed}/close`, { reason: '' })).statusCode, 400);
      assert.equal((await editor.post(`/risks/${closed}/close`, { reason: 'It passed' })).statusCode, 303);
      assert.equal(
        (await editor.post(`/risks/${archived}/archive`, { reason: 'Entered twice' })).statusCode,
        303,
      );
      const open = listed((await viewer.get('/risks')).body);
      assert.ok(!open.includes(closed) && !open.includes(archived));
      const closedList = listed((await viewer.get('/risks?status=closed')).body);
      assert.deepEqual(closedList, [closed]);
      assert.ok(!listed((await viewer.get('/risks?status=all')).body).includes(archived));
      const page = await viewer.get(`/risks/${archived}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Archived<\/strong>/);
      assert.deepEqual(
        (await auditOf(t.database.db, 'risks', closed)).map((a) => [a.action, a.reason]),
        [
          ['create', null],
          ['close', 'It passed'],
        ],
      );
    });

    it('shows a 5 × 5 matrix with the count and RAG in words in each cell, and filters, groups and sorts the register', async () => {
      const page = await viewer.get('/risks');
      assert.equal(page.statusCode, 200);
      const matrix = page.body.slice(page.body.indexOf('data-matrix'), page.body.indexOf('id="register"'));
      assert.equal((matrix.match(/<td class="govuk-table__cell" data-likelihood/g) ?? []).length, 25);
      assert.match(
        matrix,
        /data-likelihood="4" data-impact="4">\s*<a class="govuk-link" href="\/risks\?likelihood=4&amp;impact=4#register"><span class="govuk-!-font-weight-bold">1<\/span>[\s\S]*?govuk-tag--red">Red<\/strong>\s*<span class="govuk-body-s govuk-!-display-block">Score 16/,
      );
      assert.match(
        matrix,
        /data-likelihood="1" data-impact="1">\s*0\s*<br><strong class="govuk-tag govuk-tag--green">Green/,
      );
      const all = await t.database.db.select().from(risks);
      const open = all.filter((r) => r.status === 'open' && !r.archivedAt);
      const byScore = [...open]
        .sort((a, b) => b.score! - a.score! || a.title.localeCompare(b.title))
        .map((r) => r.id);
      assert.deepEqual(listed(page.body), byScore, 'highest score first by default');
      assert.match(
        page.body,
        /aria-sort="descending"><a class="govuk-link" href="\/risks\?sort=score-asc#register">Score/,
      );
      const ascending = await viewer.get('/risks?sort=score-asc');
      assert.deepEqual(
        listed(ascending.body).map((id) => open.find((r) => r.id === id)!.score),
        [...open.map((r) => r.score!)].sort((a, b) => a - b),
      );
      const red = listed((await viewer.get('/risks?rag=red')).body);
      assert.deepEqual(
        red.sort(),
        open
          .filter((r) => r.rag === 'red')
          .map((r) => r.id)
          .sort(),
      );
      const cell = listed((await viewer.get('/risks?likelihood=4&impact=4')).body);
      assert.deepEqual(
        cell,
        open.filter((r) => r.likelihood === 4 && r.impact === 4).map((r) => r.id),
      );
      const byRag = await viewer.get('/risks?view=rag');
      assert.ok(
        byRag.body.indexOf('<h3 class="govuk-heading-s">Red</h3>') <
          byRag.body.indexOf('<h3 class="govuk-heading-s">Amber</h3>'),
      );
      const byProgramme = await viewer.get('/risks?view=programme');
      assert.match(byProgramme.body, /<h3 class="govuk-heading-s">Register test programme<\/h3>/);
      assert.match(byProgramme.body, /<h3 class="govuk-heading-s">No programme<\/h3>/);
      assert.equal(
        listed((await viewer.get(`/risks?programme=${programmeId}`)).body).length,
        open.filter((r) => r.programmeId === programmeId).length,
      );
      const bad = await viewer.get('/risks?rag=purple');
      assert.equal(bad.statusCode, 400);
      assert.equal((await viewer.get('/risks?colour=red')).statusCode, 400);
    });

    it('is for staff only: only the owning organisation sees its risks, and nothing is public', async () => {
      const id = await add('Home only', 2, 2);
      const visitor = await signedOut(app);
      const signedOutList = await visitor.get('/risks');
      assert.equal(signedOutList.statusCode, 303);
      assert.equal(signedOutList.headers.location, '/sign-in?next=%2Frisks');
      assert.equal((await visitor.get(`/risks/${id}`)).statusCode, 303);
      const other = await signIn(app, f.users.otherEditor.email);
      assert.deepEqual(listed((await other.get('/risks')).body), []);
      const refused = await other.get(`/risks/${id}`);
      assert.equal(refused.statusCode, 403);
      assert.doesNotMatch(refused.body, /Home only/);
      const admin = await signIn(app, f.users.platformAdmin.email);
      assert.equal((await admin.get(`/risks/${id}`)).statusCode, 403);
      assert.match((await admin.get('/risks')).body, /no role in any organisation/);
      assert.equal((await viewer.get('/risks')).headers['cache-control'], 'no-store');
      assert.doesNotMatch((await visitor.get('/programmes/register-test')).body, /Home only/);
      const viewerPage = await viewer.get(`/risks/${id}`);
      assert.doesNotMatch(viewerPage.body, /href="\/risks\/\d+\/edit"/);
      assert.equal((await viewer.get(`/risks/${id}/edit`)).statusCode, 403);
    });
  });

  describe(`risk register with another banding (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    before(async () => {
      t = await createTestDatabase(kind, { RISK_BANDING: 'green:1-4,amber:5-12,red:15-25' });
      const f = await createStaffFixtures(t.database.db);
      app = await createApp(t.config, { database: t.database });
      await app.ready();
      const editor = await signIn(app, f.users.editor.email);
      const response = await editor.post('/risks', {
        organisationId: String(f.organisations.home),
        kind: 'risk',
        title: 'Five',
        owner: 'Lead',
        likelihood: '1',
        impact: '5',
      });
      assert.equal(response.statusCode, 303);
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('rates with RISK_BANDING as configured', async () => {
      const [row] = await t.database.db.select().from(risks);
      assert.equal(row!.score, 5);
      assert.equal(row!.rag, 'amber');
    });
  });

  describe(`risk register demo content (${kind})`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(kind);
      await loadBuiltInGeography(t.database.db);
      await loadBuiltInOrganisations(t.database.db);
      await loadGovernanceDemo(t.database.db);
    });
    after(async () => {
      await t?.cleanup();
    });

    it("loads the GLA's register with rating histories, MD3326's green risk among them, all demonstration content", async () => {
      const rows = await t.database.db.select().from(risks);
      assert.ok(rows.length >= 8);
      assert.ok(rows.every((r) => r.isDemo));
      assert.ok(rows.some((r) => r.kind === 'issue'));
      assert.ok(rows.every((r) => r.programmeId !== null));
      const mission = rows.find(
        (r) => r.title === 'The focus of the London Health Mission is still to be agreed',
      );
      assert.equal(mission?.rag, 'green');
      assert.equal(mission?.mitigations, 'Ongoing work across the partnership.');
      const ratings = await t.database.db.select().from(riskRatings);
      assert.ok(ratings.length > rows.length, 'some risks have been re-rated');
      assert.ok(ratings.every((r) => r.ratedByUserId === null));
      for (const r of rows) {
        const audit = await auditOf(t.database.db, 'risks', r.id);
        assert.equal(audit[0]!.action, 'create');
        assert.equal(audit[0]!.actor_user_id, null);
      }
    });
  });
}
