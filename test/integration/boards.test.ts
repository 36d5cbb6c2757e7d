import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app/create-app.js';
import { londonToday } from '../../src/app/london-today.js';
import { loadBuiltInGeography } from '../../src/areas/load-built-in-geography.js';
import { boardMembers } from '../../src/boards/board-members-table.js';
import { boards } from '../../src/boards/boards-table.js';
import { meetingActions } from '../../src/boards/meeting-actions-table.js';
import { meetings } from '../../src/boards/meetings-table.js';
import { loadGovernanceDemo } from '../../src/demo/load-governance-demo.js';
import { loadBuiltInOrganisations } from '../../src/people/built-in-organisations.js';
import {
  auditOf,
  dateFields,
  featureSnapshot,
  insertDecision,
} from '../support/programmes-risks-boards-fixtures.js';
import {
  createStaffFixtures,
  type StaffAgent,
  type StaffFixtures,
  signedOut,
  signIn,
} from '../support/staff-fixtures.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

/** A date `days` from today in London, as YYYY-MM-DD. */
function fromToday(days: number): string {
  const today = new Date(`${londonToday()}T00:00:00Z`);
  today.setUTCDate(today.getUTCDate() + days);
  return today.toISOString().slice(0, 10);
}

for (const kind of databaseKinds()) {
  describe(`boards (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let f: StaffFixtures;
    let editor: StaffAgent;
    let boardId: number;
    let meetingId: number;

    before(async () => {
      t = await createTestDatabase(kind);
      f = await createStaffFixtures(t.database.db);
      await insertDecision(t.database.db, f.organisations.home, 'MD9101', 'published', { isDemo: false });
      await insertDecision(t.database.db, f.organisations.home, 'MD9102', 'draft');
      app = await createApp(t.config, { database: t.database });
      await app.ready();
      editor = await signIn(app, f.users.editor.email);
      const created = await editor.post('/staff/boards', {
        name: 'Test Health Board',
        slug: 'test-health-board',
        remit: 'Champions and challenges.\n\nMeets three times a year.',
        organisationId: String(f.organisations.home),
      });
      assert.equal(created.statusCode, 303);
      boardId = Number(/\/staff\/boards\/(\d+)/.exec(String(created.headers.location))![1]);
      const meeting = await editor.post(`/staff/boards/${boardId}/meetings`, {
        kind: 'board',
        title: 'Spring meeting',
        ...dateFields('heldOn', '2026-03-10'),
        location: 'City Hall',
        status: 'held',
        minutes: '',
      });
      assert.equal(meeting.statusCode, 303);
      meetingId = Number(/\/staff\/meetings\/(\d+)/.exec(String(meeting.headers.location))![1]);
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('creates a board, audited, listed publicly with its remit; a reserved or taken short name is refused', async () => {
      const audit = await auditOf(t.database.db, 'boards', boardId);
      assert.equal(audit[0]!.action, 'create');
      assert.equal(audit[0]!.actor_user_id, f.users.editor.id);
      const visitor = await signedOut(app);
      assert.match(
        (await visitor.get('/boards')).body,
        /href="\/boards\/test-health-board">Test Health Board</,
      );
      const page = await visitor.get('/boards/test-health-board');
      assert.match(page.body, /<p class="govuk-body">Meets three times a year.<\/p>/);
      const before = await featureSnapshot(t.database.db);
      for (const slug of ['actions', 'test-health-board']) {
        const refused = await editor.post('/staff/boards', {
          name: 'Clash',
          slug,
          organisationId: String(f.organisations.home),
        });
        assert.equal(refused.statusCode, 400, slug);
        assert.match(refused.body, /govuk-error-summary/);
      }
      assert.equal(await featureSnapshot(t.database.db), before);
      const edited = await editor.post(`/staff/boards/${boardId}/edit`, {
        name: 'Test Health Board',
        slug: 'test-health-board',
        remit: 'A new remit.',
        organisationId: String(f.organisations.home),
      });
      assert.equal(edited.statusCode, 303);
      const update = (await auditOf(t.database.db, 'boards', boardId)).at(-1)!;
      assert.equal(update.action, 'update');
      assert.match(String((update.before as { remit: string }).remit), /^Champions/);
      assert.equal((update.after as { remit: string }).remit, 'A new remit.');
    });

    it('adds members with role and organisation, and ends a membership: a past member from then on', async () => {
      for (const [name, role] of [
        ['Chair of the board', 'Chair'],
        ['A departing member', 'Member'],
      ])
        assert.equal(
          (
            await editor.post(`/staff/boards/${boardId}/members`, {
              name,
              role,
              organisationId: String(f.organisations.other),
            })
          ).statusCode,
          303,
        );
      const [departing] = await t.database.db
        .select()
        .from(boardMembers)
        .where(eq(boardMembers.name, 'A departing member'));
      const ended = await editor.post(
        `/staff/boards/${boardId}/members/${departing!.id}/end`,
        dateFields('toDate', fromToday(-1)),
      );
      assert.equal(ended.statusCode, 303);
      const page = await (await signedOut(app)).get('/boards/test-health-board');
      const current = page.body.slice(page.body.indexOf('data-members'), page.body.indexOf('Past members'));
      assert.match(
        current,
        /Chair of the board<\/td>\s*<td class="govuk-table__cell">Chair<\/td>\s*<td class="govuk-table__cell">Test Other Partner/,
      );
      assert.doesNotMatch(current, /A departing member/);
      assert.match(page.body, /Past members[\s\S]*A departing member, Member \(Test Other Partner\), until/);
      const audit = await auditOf(t.database.db, 'board_members', departing!.id);
      assert.deepEqual(
        audit.map((a) => a.action),
        ['create', 'end'],
      );
      assert.equal((audit[1]!.before as { toDate: unknown }).toDate, null);
      assert.equal((audit[1]!.after as { toDate: string }).toDate, fromToday(-1));
    });

    it('refuses an end date before the member joined', async () => {
      assert.equal(
        (
          await editor.post(`/staff/boards/${boardId}/members`, {
            name: 'Joined in 2025',
            role: 'Member',
            ...dateFields('fromDate', '2025-06-01'),
          })
        ).statusCode,
        303,
      );
      const [member] = await t.database.db
        .select()
        .from(boardMembers)
        .where(eq(boardMembers.name, 'Joined in 2025'));
      const before = await featureSnapshot(t.database.db);
      const refused = await editor.post(
        `/staff/boards/${boardId}/members/${member!.id}/end`,
        dateFields('toDate', '2025-01-01'),
      );
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /must be on or after the date they joined, 1 June 2025/);
      assert.equal(await featureSnapshot(t.database.db), before);
    });

    it('edits minutes and status of a meeting, audited with before and after', async () => {
      const response = await editor.post(`/staff/meetings/${meetingId}/edit`, {
        kind: 'board',
        title: 'Spring meeting',
        ...dateFields('heldOn', '2026-03-10'),
        location: 'City Hall',
        status: 'held',
        minutes: 'The board met.\n\nIt agreed two actions.',
      });
      assert.equal(response.statusCode, 303);
      const update = (await auditOf(t.database.db, 'meetings', meetingId)).at(-1)!;
      assert.equal(update.action, 'update');
      assert.equal((update.before as { minutes: string }).minutes, '');
      assert.match((update.after as { minutes: string }).minutes, /^The board met/);
      const page = await (await signedOut(app)).get(`/boards/test-health-board/meetings/${meetingId}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<p class="govuk-body">It agreed two actions.<\/p>/);
      assert.match(page.body, /10 March 2026/);
      assert.match(page.body, /City Hall/);
    });

    it('adds agenda items with papers as links, refusing a link that is not a web address', async () => {
      const ok = await editor.post(`/staff/meetings/${meetingId}/agenda`, {
        title: 'The mission',
        paperTitle: 'Mission paper',
        paperUrl: 'https://example.org/mission.pdf',
      });
      assert.equal(ok.statusCode, 303);
      assert.equal(
        (await editor.post(`/staff/meetings/${meetingId}/agenda`, { title: 'Any other business' }))
          .statusCode,
        303,
      );
      const before = await featureSnapshot(t.database.db);
      const bad = await editor.post(`/staff/meetings/${meetingId}/agenda`, {
        title: 'Bad',
        paperTitle: 'Bad',
        paperUrl: 'javascript:alert(1)',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Enter a link starting https:\/\//);
      assert.equal(await featureSnapshot(t.database.db), before);
      const page = await (await signedOut(app)).get(`/boards/test-health-board/meetings/${meetingId}`);
      assert.match(
        page.body,
        /<li>The mission: <a class="govuk-link" href="https:\/\/example.org\/mission.pdf">Mission paper<\/a><\/li>\s*<li>Any other business<\/li>/,
      );
    });

    it('links decisions taken: only published ones appear on the public page', async () => {
      assert.equal(
        (await editor.post(`/staff/meetings/${meetingId}/decisions`, { reference: 'MD9101' })).statusCode,
        303,
      );
      assert.equal(
        (await editor.post(`/staff/meetings/${meetingId}/decisions`, { reference: 'MD9102' })).statusCode,
        303,
      );
      assert.equal(
        (await editor.post(`/staff/meetings/${meetingId}/decisions`, { reference: 'MD0000' })).statusCode,
        400,
      );
      const page = await (await signedOut(app)).get(`/boards/test-health-board/meetings/${meetingId}`);
      assert.match(page.body, /href="\/decisions\/MD9101">MD9101: Decision MD9101<\/a>/);
      assert.doesNotMatch(page.body, /MD9102/);
      assert.match(
        (await editor.get(`/staff/meetings/${meetingId}`)).body,
        /MD9102: Decision MD9102 \(draft\)/,
      );
      assert.deepEqual(
        (await auditOf(t.database.db, 'meetings', meetingId)).filter((a) => a.action === 'link-decision')
          .length,
        2,
      );
    });

    it('shows overdue actions (open, due before today) with an Overdue tag and words; done ones are not overdue', async () => {
      for (const [description, due] of [
        ['Overdue action', fromToday(-3)],
        ['Due today', fromToday(0)],
        ['Done late', fromToday(-10)],
      ] as const)
        assert.equal(
          (
            await editor.post(`/staff/meetings/${meetingId}/actions`, {
              description,
              owner: 'Programme lead',
              ...dateFields('dueOn', due),
            })
          ).statusCode,
          303,
        );
      const [done] = await t.database.db
        .select()
        .from(meetingActions)
        .where(eq(meetingActions.description, 'Done late'));
      const noStatus = await editor.post(`/staff/actions/${done!.id}/status`, {});
      assert.equal(noStatus.statusCode, 400);
      assert.match(noStatus.body, /Select whether the action is done or dropped/);
      assert.equal(
        (await editor.post(`/staff/actions/${done!.id}/status`, { status: 'done', note: 'Finished' }))
          .statusCode,
        303,
      );
      const audit = await auditOf(t.database.db, 'meeting_actions', done!.id);
      assert.deepEqual(
        audit.map((a) => [a.action, a.reason]),
        [
          ['create', null],
          ['done', 'Finished'],
        ],
      );
      assert.equal((audit[1]!.before as { status: string }).status, 'open');
      const page = await (await signedOut(app)).get(`/boards/test-health-board/meetings/${meetingId}`);
      const row = (description: string) => {
        const start = page.body.lastIndexOf('<tr', page.body.indexOf(description));
        return page.body.slice(start, page.body.indexOf('</tr>', start));
      };
      assert.match(
        row('Overdue action'),
        /data-overdue[\s\S]*<strong class="govuk-tag govuk-tag--red">Overdue<\/strong> <span class="govuk-body-s">by 3 days<\/span>/,
      );
      assert.doesNotMatch(row('Due today'), /Overdue/);
      assert.match(row('Due today'), />Open</);
      assert.doesNotMatch(row('Done late'), /Overdue/);
      assert.match(row('Done late'), />Done</);
      const all = await (await signedOut(app)).get('/boards/actions');
      assert.equal(all.statusCode, 200);
      assert.ok(all.body.indexOf('Overdue action') < all.body.indexOf('Due today'), 'overdue first');
      assert.doesNotMatch(all.body, /Done late/);
      assert.match(all.body, /2 open actions, 1 overdue/);
    });

    it('records champion-and-challenge meetings, and labels demonstration meetings on the public pages', async () => {
      const response = await editor.post(`/staff/boards/${boardId}/meetings`, {
        kind: 'champion-and-challenge',
        title: 'Champion and challenge with NHS leaders',
        ...dateFields('heldOn', '2026-10-07'),
        status: 'held',
      });
      assert.equal(response.statusCode, 303);
      const page = await (await signedOut(app)).get('/boards/test-health-board');
      assert.match(
        page.body,
        /Champion and challenge with NHS leaders<\/a><br><span class="govuk-body-s">Champion-and-challenge meeting/,
      );
      assert.doesNotMatch(page.body, /demonstration data/i);
      await t.database.db.update(meetings).set({ isDemo: true }).where(eq(meetings.id, meetingId));
      assert.match(
        (await (await signedOut(app)).get('/boards/test-health-board')).body,
        /demonstration data/i,
      );
      assert.match(
        (await (await signedOut(app)).get(`/boards/test-health-board/meetings/${meetingId}`)).body,
        /demonstration data/i,
      );
      await t.database.db.update(meetings).set({ isDemo: false }).where(eq(meetings.id, meetingId));
    });

    it('finds nothing for unknown boards, meetings under another board, or archived boards', async () => {
      const visitor = await signedOut(app);
      assert.equal((await visitor.get('/boards/no-such-board')).statusCode, 404);
      assert.equal((await visitor.get(`/boards/another-board/meetings/${meetingId}`)).statusCode, 404);
      assert.equal((await visitor.get('/boards/test-health-board/meetings/999999')).statusCode, 404);
      const [archived] = await t.database.db
        .insert(boards)
        .values({
          organisationId: f.organisations.home,
          slug: 'archived-board',
          name: 'Archived board',
          archivedAt: new Date(),
        })
        .returning();
      assert.equal((await visitor.get('/boards/archived-board')).statusCode, 404);
      assert.doesNotMatch((await visitor.get('/boards')).body, /Archived board/);
      assert.match(
        (await editor.get('/staff/boards')).body,
        /Archived board <strong class="govuk-tag govuk-tag--grey">Archived/,
      );
      assert.ok(archived);
    });
  });

  describe(`boards demo content (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    before(async () => {
      t = await createTestDatabase(kind);
      await loadBuiltInGeography(t.database.db);
      await loadBuiltInOrganisations(t.database.db);
      await loadGovernanceDemo(t.database.db);
      app = await createApp(t.config, { database: t.database });
      await app.ready();
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('loads the three boards with role titles as members, labelled demonstration meetings and some overdue actions', async () => {
      const rows = await t.database.db.select().from(boards).orderBy(boards.slug);
      assert.deepEqual(
        rows.map((b) => b.slug),
        ['london-estates-board', 'london-health-and-care-strategic-partnership-board', 'london-health-board'],
      );
      const visitor = await signedOut(app);
      const lhb = await visitor.get('/boards/london-health-board');
      assert.match(
        lhb.body,
        /Mayor of London<\/td>\s*<td class="govuk-table__cell">Chair<\/td>\s*<td class="govuk-table__cell">Greater London Authority/,
      );
      assert.match(lhb.body, /Deputy Mayor/);
      assert.match(lhb.body, /Borough leader nominated through London Councils/);
      assert.match(lhb.body, /demonstration data/i);
      const allMeetings = await t.database.db.select().from(meetings);
      assert.ok(allMeetings.every((m) => m.isDemo));
      assert.ok(allMeetings.some((m) => m.kind === 'champion-and-challenge'));
      assert.ok(allMeetings.some((m) => m.status === 'planned' && m.heldOn > '2026-11-23'));
      const lhbMeetings = allMeetings.filter((m) => m.boardId === rows[2]!.id);
      for (const year of ['2024', '2025', '2026'])
        assert.ok(
          lhbMeetings.filter((m) => m.heldOn.startsWith(year) && m.kind === 'board').length >= 2,
          year,
        );
      const actions = await t.database.db.select().from(meetingActions);
      assert.ok(actions.every((a) => a.isDemo));
      assert.ok(
        actions.some((a) => a.status === 'open' && a.dueOn < '2026-11-23'),
        'some overdue',
      );
      const held = lhbMeetings.find((m) => m.status === 'held')!;
      const meetingPage = await visitor.get(`/boards/london-health-board/meetings/${held.id}`);
      assert.match(meetingPage.body, /Demonstration minutes written for healthhub/);
      assert.match(meetingPage.body, /demonstration data/i);
      const open = await visitor.get('/boards/actions');
      assert.match(open.body, /Overdue<\/strong>/);
      assert.match(open.body, /demonstration data/i);
      const audit = await auditOf(t.database.db, 'meetings', held.id);
      assert.equal(audit[0]!.actor_user_id, null);
    });
  });
}
