import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app/create-app.js';
import { loadBuiltInGeography } from '../../src/areas/load-built-in-geography.js';
import { auditEvents } from '../../src/audit/audit-events-table.js';
import { memberships } from '../../src/people/memberships-table.js';
import { organisations } from '../../src/people/organisations-table.js';
import { passwordResets } from '../../src/people/password-resets-table.js';
import { users } from '../../src/people/users-table.js';
import { freshPerson, giveRole } from '../support/people-test-data.js';
import {
  createStaffFixtures,
  type StaffAgent,
  type StaffFixtures,
  signIn,
  staffPassword,
} from '../support/staff-fixtures.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

const summaryOf = (body: string) =>
  (/<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(body)?.[1] ?? '').replace(
    /\s+/g,
    ' ',
  );

for (const kind of databaseKinds()) {
  describe(`administration of organisations and people (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let f: StaffFixtures;
    let admin: StaffAgent;
    before(async () => {
      t = await createTestDatabase(kind);
      await loadBuiltInGeography(t.database.db);
      f = await createStaffFixtures(t.database.db);
      app = await createApp(t.config, { database: t.database });
      await app.ready();
      admin = await signIn(app, f.users.platformAdmin.email);
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const lastAudit = async (entity: string, entityId: string | number) => {
      const [row] = await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entity, entity), eq(auditEvents.entityId, String(entityId))))
        .orderBy(desc(auditEvents.id))
        .limit(1);
      return row!;
    };

    it('adds an organisation with its area, refuses a taken short name and an unknown area, renames it with before and after audited', async () => {
      const made = await admin.post('/admin/organisations', {
        name: ' Camden Health Partnership ',
        slug: 'camden-partnership',
        kind: 'partner',
        areaCode: 'E09000007',
      });
      assert.equal(made.statusCode, 303);
      assert.equal(
        made.headers.location,
        '/admin/organisations/camden-partnership?done=organisation-created',
      );
      const [row] = await t.database.db
        .select()
        .from(organisations)
        .where(eq(organisations.slug, 'camden-partnership'));
      assert.equal(row!.name, 'Camden Health Partnership');
      assert.equal(row!.areaCode, 'E09000007');
      const created = await lastAudit('organisations', row!.id);
      assert.equal(created.action, 'create');
      assert.equal(created.actorUserId, f.users.platformAdmin.id);
      assert.deepEqual((created.after as { slug: string }).slug, 'camden-partnership');

      const page = await admin.get('/admin/organisations/camden-partnership?done=organisation-created');
      assert.match(page.body, /govuk-notification-banner--success/);
      assert.match(page.body, /Organisation added/);

      const taken = await admin.post('/admin/organisations', {
        name: 'Again',
        slug: 'camden-partnership',
        kind: 'other',
      });
      assert.equal(taken.statusCode, 409);
      assert.match(summaryOf(taken.body), /Another organisation has this short name/);
      const unknownArea = await admin.post('/admin/organisations', {
        name: 'X',
        slug: 'x-area',
        kind: 'other',
        areaCode: 'E09999999',
      });
      assert.equal(unknownArea.statusCode, 400);
      assert.match(summaryOf(unknownArea.body), /There is no area with the code E09999999/);
      assert.equal(
        (await t.database.db.select().from(organisations).where(eq(organisations.slug, 'x-area'))).length,
        0,
      );

      const renamed = await admin.post('/admin/organisations/camden-partnership/rename', {
        name: 'Camden Partnership',
      });
      assert.equal(renamed.statusCode, 303);
      const update = await lastAudit('organisations', row!.id);
      assert.equal(update.action, 'update');
      assert.equal((update.before as { name: string }).name, 'Camden Health Partnership');
      assert.equal((update.after as { name: string }).name, 'Camden Partnership');
    });

    it('archiving an organisation keeps it and its memberships but its roles stop counting at once; restoring brings them back', async () => {
      const viewer = await signIn(app, f.users.otherEditor.email);
      assert.match((await viewer.get('/staff')).body, /Test Other Partner/);
      assert.equal((await admin.post('/admin/organisations/test-other/archive')).statusCode, 303);
      const [archived] = await t.database.db
        .select()
        .from(organisations)
        .where(eq(organisations.slug, 'test-other'));
      assert.ok(archived!.archivedAt);
      assert.ok(
        (await t.database.db.select().from(memberships).where(eq(memberships.organisationId, archived!.id)))
          .length > 0,
      );
      assert.doesNotMatch((await viewer.get('/staff')).body, /Test Other Partner/);
      assert.match(
        (await admin.get('/admin/organisations')).body,
        /Test Other Partner<\/a> <strong class="govuk-tag govuk-tag--grey">\s*Archived/,
      );
      assert.equal((await lastAudit('organisations', archived!.id)).action, 'archive');
      assert.equal((await admin.post('/admin/organisations/test-other/restore')).statusCode, 303);
      assert.match((await viewer.get('/staff')).body, /Test Other Partner/);
    });

    it('adds a person with a temporary password (who can then sign in), refuses a taken email, and audits without the hash', async () => {
      const made = await admin.post('/admin/people', {
        name: 'Temporary Person',
        email: 'Temporary@Test.Example',
        setup: 'password',
        password: 'a temporary password',
      });
      assert.equal(made.statusCode, 303);
      const id = Number(
        /\/admin\/people\/(\d+)\?done=person-created$/.exec(String(made.headers.location))![1],
      );
      const created = await lastAudit('users', id);
      assert.equal(created.action, 'create');
      assert.equal((created.after as { email: string }).email, 'temporary@test.example');
      assert.doesNotMatch(JSON.stringify(created.after), /argon2|passwordHash/);
      await signIn(app, 'temporary@test.example', 'a temporary password');

      const taken = await admin.post('/admin/people', {
        name: 'Someone',
        email: 'temporary@test.example',
        setup: 'password',
        password: 'another temporary one',
      });
      assert.equal(taken.statusCode, 409);
      assert.match(summaryOf(taken.body), /Someone already has this email address/);
    });

    it('adds a person by link (no password yet; the link logged here as there is no SMTP in tests)', async () => {
      const made = await admin.post('/admin/people', {
        name: 'Linked Person',
        email: 'linked@test.example',
        setup: 'link',
      });
      assert.equal(made.statusCode, 303);
      const [person] = await t.database.db.select().from(users).where(eq(users.email, 'linked@test.example'));
      assert.equal(person!.passwordHash, null);
      assert.equal(
        (await t.database.db.select().from(passwordResets).where(eq(passwordResets.userId, person!.id)))
          .length,
        1,
      );
    });

    it('disabling ends their sessions and stops sign-in; enabling lets them back; nobody disables themselves', async () => {
      const person = await signIn(app, f.users.secondApprover.email);
      const disabled = await admin.post(`/admin/people/${f.users.secondApprover.id}/disable`);
      assert.equal(disabled.statusCode, 303);
      assert.equal((await person.get('/staff')).statusCode, 303);
      await assert.rejects(signIn(app, f.users.secondApprover.email), /refused: 401/);
      const audit = await lastAudit('users', f.users.secondApprover.id);
      assert.equal(audit.action, 'disable');
      assert.equal((audit.before as { disabledAt: unknown }).disabledAt, null);
      assert.ok((audit.after as { disabledAt: unknown }).disabledAt);
      assert.match((await admin.get('/admin/people')).body, /Disabled/);

      assert.equal((await admin.post(`/admin/people/${f.users.secondApprover.id}/enable`)).statusCode, 303);
      await signIn(app, f.users.secondApprover.email);

      const self = await admin.post(`/admin/people/${f.users.platformAdmin.id}/disable`);
      assert.equal(self.statusCode, 409);
      assert.match(summaryOf(self.body), /You cannot disable your own account/);
      assert.equal((await admin.get('/staff')).statusCode, 200);
    });

    it('clears a lockout', async () => {
      const person = await freshPerson(t.database.db);
      await t.database.db
        .update(users)
        .set({ failedSignIns: 0, lockedUntil: new Date(Date.now() + 10 * 60_000) })
        .where(eq(users.id, person.id));
      assert.match((await admin.get('/admin/people')).body, /Locked/);
      assert.match((await admin.get(`/admin/people/${person.id}`)).body, /Clear lockout/);
      assert.equal((await admin.post(`/admin/people/${person.id}/clear-lockout`)).statusCode, 303);
      const [after] = await t.database.db.select().from(users).where(eq(users.id, person.id));
      assert.equal(after!.lockedUntil, null);
      assert.equal((await lastAudit('users', person.id)).action, 'clear-lockout');
    });

    it('never removes the last active platform admin, by unmaking or disabling', async () => {
      const self = await admin.post(`/admin/people/${f.users.platformAdmin.id}/unmake-platform-admin`);
      assert.equal(self.statusCode, 409);
      assert.match(summaryOf(self.body), /last active platform admin/);

      // A disabled platform admin does not count.
      const second = await freshPerson(t.database.db, { isPlatformAdmin: true, disabled: true });
      assert.equal(
        (await admin.post(`/admin/people/${f.users.platformAdmin.id}/unmake-platform-admin`)).statusCode,
        409,
      );
      assert.equal((await admin.post(`/admin/people/${second.id}/enable`)).statusCode, 303);
      assert.equal((await admin.post(`/admin/people/${second.id}/unmake-platform-admin`)).statusCode, 303);
      assert.equal((await admin.post(`/admin/people/${second.id}/make-platform-admin`)).statusCode, 303);
      const [made] = await t.database.db.select().from(users).where(eq(users.id, second.id));
      assert.equal(made!.isPlatformAdmin, true);
      assert.equal((await lastAudit('users', second.id)).action, 'grant-platform-admin');
      // Now there are two: either may go, but not both.
      assert.equal((await admin.post(`/admin/people/${second.id}/disable`)).statusCode, 303);
      assert.equal(
        (await admin.post(`/admin/people/${f.users.platformAdmin.id}/unmake-platform-admin`)).statusCode,
        409,
      );
      const [stillAdmin] = await t.database.db
        .select()
        .from(users)
        .where(eq(users.id, f.users.platformAdmin.id));
      assert.equal(stillAdmin!.isPlatformAdmin, true);
    });

    it('gives, changes and takes away roles; each takes effect at once and is audited with before and after', async () => {
      const person = await freshPerson(t.database.db, { email: 'roles@test.example' });
      await t.database.db
        .update(users)
        .set({
          passwordHash: (await t.database.db.select().from(users).where(eq(users.id, f.users.viewer.id)))[0]!
            .passwordHash,
        })
        .where(eq(users.id, person.id));
      const agent = await signIn(app, person.email, staffPassword);
      const grant = await admin.post(`/admin/people/${person.id}/memberships`, {
        organisation: 'test-home',
        role: 'editor',
      });
      assert.equal(grant.statusCode, 303);
      assert.match(
        (await agent.get('/staff')).body,
        /Test Home Partner<\/td><td class="govuk-table__cell">editor/,
      );
      const created = await lastAudit('memberships', `${f.organisations.home}:${person.id}`);
      assert.equal(created.action, 'create');
      assert.equal(created.organisationId, f.organisations.home);

      assert.equal(
        (
          await admin.post(`/admin/people/${person.id}/memberships`, {
            organisation: 'test-home',
            role: 'approver',
          })
        ).statusCode,
        303,
      );
      const changed = await lastAudit('memberships', `${f.organisations.home}:${person.id}`);
      assert.equal(changed.action, 'update');
      assert.deepEqual(changed.before, { userId: person.id, role: 'editor' });
      assert.deepEqual(changed.after, { userId: person.id, role: 'approver' });

      assert.equal(
        (await admin.post(`/admin/people/${person.id}/memberships/test-home/revoke`)).statusCode,
        303,
      );
      assert.doesNotMatch((await agent.get('/staff')).body, /Test Home Partner/);
      const revoked = await lastAudit('memberships', `${f.organisations.home}:${person.id}`);
      assert.equal(revoked.action, 'revoke');
      assert.deepEqual(revoked.before, { userId: person.id, role: 'approver' });
      // Revoked, not deleted: the row stays, marked, and a new grant brings it back.
      const [kept] = await t.database.db
        .select()
        .from(memberships)
        .where(and(eq(memberships.userId, person.id), eq(memberships.organisationId, f.organisations.home)));
      assert.ok(kept?.revokedAt instanceof Date);
      assert.equal(
        (
          await admin.post(`/admin/people/${person.id}/memberships`, {
            organisation: 'test-home',
            role: 'viewer',
          })
        ).statusCode,
        303,
      );
      assert.match((await agent.get('/staff')).body, /Test Home Partner/);
      assert.equal((await lastAudit('memberships', `${f.organisations.home}:${person.id}`)).action, 'create');
      await admin.post(`/admin/people/${person.id}/memberships/test-home/revoke`);

      await t.database.db
        .update(organisations)
        .set({ archivedAt: new Date() })
        .where(eq(organisations.id, f.organisations.other));
      const archived = await admin.post(`/admin/people/${person.id}/memberships`, {
        organisation: 'test-other',
        role: 'viewer',
      });
      assert.equal(archived.statusCode, 400);
      assert.match(summaryOf(archived.body), /Select an organisation from the list/);
      await t.database.db
        .update(organisations)
        .set({ archivedAt: null })
        .where(eq(organisations.id, f.organisations.other));
    });

    it("an organisation's admin manages its members: adds by email, changes roles, removes; never their own", async () => {
      const orgAdmin = await signIn(app, f.users.admin.email);
      assert.match((await orgAdmin.get('/staff')).body, /href="\/staff\/organisations\/test-home\/members"/);
      const person = await freshPerson(t.database.db);
      const added = await orgAdmin.post('/staff/organisations/test-home/members', {
        email: person.email.toUpperCase(),
        role: 'viewer',
      });
      assert.equal(added.statusCode, 303);
      const audit = await lastAudit('memberships', `${f.organisations.home}:${person.id}`);
      assert.equal(audit.actorUserId, f.users.admin.id);

      const twice = await orgAdmin.post('/staff/organisations/test-home/members', {
        email: person.email,
        role: 'editor',
      });
      assert.equal(twice.statusCode, 409);
      assert.match(summaryOf(twice.body), /already a member/);
      const unknown = await orgAdmin.post('/staff/organisations/test-home/members', {
        email: 'no-such@test.example',
        role: 'editor',
      });
      assert.equal(unknown.statusCode, 400);
      assert.match(summaryOf(unknown.body), /There is no one with this email address/);
      const disabled = await freshPerson(t.database.db, { disabled: true });
      const refused = await orgAdmin.post('/staff/organisations/test-home/members', {
        email: disabled.email,
        role: 'editor',
      });
      assert.equal(refused.statusCode, 400);

      assert.equal(
        (
          await orgAdmin.post(`/staff/organisations/test-home/members/${person.id}/role`, {
            role: 'approver',
          })
        ).statusCode,
        303,
      );
      const [held] = await t.database.db.select().from(memberships).where(eq(memberships.userId, person.id));
      assert.equal(held!.role, 'approver');
      assert.equal(
        (await orgAdmin.post(`/staff/organisations/test-home/members/${person.id}/revoke`)).statusCode,
        303,
      );
      const afterRevoke = await t.database.db
        .select()
        .from(memberships)
        .where(eq(memberships.userId, person.id));
      assert.equal(afterRevoke.length, 1, 'revoked, not deleted');
      assert.ok(afterRevoke[0]!.revokedAt instanceof Date);
      assert.doesNotMatch(
        (await orgAdmin.get('/staff/organisations/test-home/members')).body,
        new RegExp(person.email),
      );

      for (const [path, form] of [
        [`/staff/organisations/test-home/members/${f.users.admin.id}/role`, { role: 'viewer' }],
        [`/staff/organisations/test-home/members/${f.users.admin.id}/revoke`, {}],
        ['/staff/organisations/test-home/members', { email: f.users.admin.email, role: 'viewer' }],
      ] as const) {
        const own = await orgAdmin.post(path, form);
        assert.equal(own.statusCode, 409, path);
        assert.match(summaryOf(own.body), /You cannot change your own membership/);
      }
      const [own] = await t.database.db
        .select()
        .from(memberships)
        .where(
          and(eq(memberships.userId, f.users.admin.id), eq(memberships.organisationId, f.organisations.home)),
        );
      assert.equal(own!.role, 'admin');

      const elsewhere = await orgAdmin.post('/staff/organisations/test-other/members', {
        email: person.email,
        role: 'viewer',
      });
      assert.equal(elsewhere.statusCode, 403);
      const raise = await orgAdmin.post(`/admin/people/${f.users.admin.id}/make-platform-admin`);
      assert.equal(raise.statusCode, 403);
      const [notRaised] = await t.database.db.select().from(users).where(eq(users.id, f.users.admin.id));
      assert.equal(notRaised!.isPlatformAdmin, false);
      await giveRole(t.database.db, person.id, f.organisations.other, 'viewer');
      assert.equal((await orgAdmin.get('/staff/organisations/test-other/members')).statusCode, 403);
    });
  });
}
