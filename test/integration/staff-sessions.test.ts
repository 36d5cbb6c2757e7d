import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app/create-app.js';
import { maxFailedSignIns } from '../../src/people/authenticate.js';
import { sessions } from '../../src/people/sessions-table.js';
import { users } from '../../src/people/users-table.js';
import {
  createStaffFixtures,
  formBody,
  type StaffFixtures,
  signedOut,
  signIn,
} from '../support/staff-fixtures.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

for (const kind of databaseKinds()) {
  describe(`staff sessions and CSRF (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let f: StaffFixtures;
    before(async () => {
      t = await createTestDatabase(kind);
      f = await createStaffFixtures(t.database.db);
      app = await createApp(t.config, { database: t.database });
      await app.ready();
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('signs in with the right password: an HttpOnly SameSite session cookie, the hash stored, not the token', async () => {
      const visitor = await signedOut(app);
      const response = await app.inject({
        method: 'POST',
        url: '/sign-in',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: visitor.cookie },
        payload: formBody({
          _csrf: visitor.csrf,
          email: f.users.editor.email,
          password: 'correct horse battery staple',
          next: '/staff',
        }),
      });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/staff');
      const setCookie = [response.headers['set-cookie']].flat().join('\n');
      assert.match(setCookie, /healthhub_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200/);
      const token = /healthhub_session=([^;]+)/.exec(setCookie)![1]!;
      const stored = await t.database.db.select().from(sessions);
      assert.ok(stored.length >= 1);
      assert.ok(stored.every((s) => s.tokenHash !== token && /^[0-9a-f]{64}$/.test(s.tokenHash)));
      const page = await app.inject({
        method: 'GET',
        url: '/staff',
        headers: { cookie: `healthhub_session=${token}` },
      });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Test Home Partner/);
    });

    it('refuses a wrong password with the same answer as an unknown email, and saves no session', async () => {
      const before = (await t.database.db.select().from(sessions)).length;
      const visitor = await signedOut(app);
      for (const email of [f.users.viewer.email, 'nobody-at-all@test.example']) {
        const response = await visitor.post('/sign-in', { email, password: 'wrong' });
        assert.equal(response.statusCode, 401);
        assert.match(response.body, /govuk-error-summary/);
        assert.match(response.body, /Enter a correct email address and password/);
      }
      assert.equal((await t.database.db.select().from(sessions)).length, before);
    });

    it('locks an account after repeated failures, even against the right password, then lets it in after the lock', async () => {
      const visitor = await signedOut(app);
      const email = f.users.secondEditor.email;
      for (let i = 0; i < maxFailedSignIns; i++)
        await visitor.post('/sign-in', { email, password: `wrong ${i}` });
      const locked = await visitor.post('/sign-in', { email, password: 'correct horse battery staple' });
      assert.equal(locked.statusCode, 429);
      assert.match(locked.body, /locked/);
      await t.database.db
        .update(users)
        .set({ lockedUntil: sql`now() - interval '1 second'` })
        .where(eq(users.email, email));
      await signIn(app, email);
    });

    it('gives bad input the GOV.UK error summary', async () => {
      const visitor = await signedOut(app);
      const response = await visitor.post('/sign-in', { email: 'not an email', password: '' });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /There is a problem/);
      assert.match(response.body, /href="#email"/);
      assert.match(response.body, /<title>Error: /);
    });

    it("refuses a form without the CSRF token, or with another session's, before doing anything", async () => {
      const noToken = await app.inject({
        method: 'POST',
        url: '/sign-in',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: formBody({ email: f.users.editor.email, password: 'correct horse battery staple' }),
      });
      assert.equal(noToken.statusCode, 403);
      assert.ok(!noToken.headers['set-cookie']?.toString().includes('healthhub_session'));
      const a = await signIn(app, f.users.editor.email);
      const b = await signIn(app, f.users.approver.email);
      assert.notEqual(a.csrf, b.csrf);
      const crossed = await app.inject({
        method: 'POST',
        url: '/sign-out',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: a.cookie },
        payload: formBody({ _csrf: b.csrf }),
      });
      assert.equal(crossed.statusCode, 403);
      const json = await app.inject({
        method: 'POST',
        url: '/sign-out',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: a.cookie,
          accept: 'application/json',
        },
        payload: formBody({ _csrf: 'x'.repeat(43) }),
      });
      assert.equal(json.json().code, 'CSRF_TOKEN_INVALID');
      assert.equal((await a.get('/staff')).statusCode, 200, 'the session survives a refused form');
    });

    it('signs out: the session ends in the database, and the old cookie no longer works', async () => {
      const a = await signIn(app, f.users.viewer.email);
      const out = await a.post('/sign-out');
      assert.equal(out.statusCode, 303);
      const again = await a.get('/staff');
      assert.equal(again.statusCode, 303);
      assert.match(String(again.headers.location), /^\/sign-in\?next=%2Fstaff$/);
    });

    it('ends sessions of a disabled person at once, and expired sessions', async () => {
      const a = await signIn(app, f.users.otherApprover.email);
      await t.database.db
        .update(users)
        .set({ disabledAt: new Date() })
        .where(eq(users.id, f.users.otherApprover.id));
      assert.equal((await a.get('/staff')).statusCode, 303);
      const b = await signIn(app, f.users.otherEditor.email);
      await t.database.db
        .update(sessions)
        .set({ expiresAt: sql`now() - interval '1 second'` })
        .where(eq(sessions.userId, f.users.otherEditor.id));
      assert.equal((await b.get('/staff')).statusCode, 303);
    });

    it('only redirects to paths on this site after sign-in', async () => {
      const visitor = await signedOut(app);
      for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
        const response = await visitor.post('/sign-in', {
          email: f.users.admin.email,
          password: 'correct horse battery staple',
          next,
        });
        assert.equal(response.statusCode, 303);
        assert.equal(response.headers.location, '/staff');
      }
    });
  });
}
