import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { createApp } from '../../src/app/create-app.js';
import { auditEvents } from '../../src/audit/audit-events-table.js';
import { loadConfig } from '../../src/config/config.js';
import { createPasswordResetMailer } from '../../src/people/password-reset-mailer.js';
import { passwordResets } from '../../src/people/password-resets-table.js';
import { tokenHash } from '../../src/people/session-repository.js';
import { users } from '../../src/people/users-table.js';
import { freshPerson } from '../support/people-test-data.js';
import { runCli } from '../support/run-cli.js';
import { repoRoot } from '../support/shared-data.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import {
  createStaffFixtures,
  formBody,
  type StaffAgent,
  type StaffFixtures,
  signedOut,
  signIn,
  staffPassword,
} from '../support/staff-fixtures.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

const linkPattern = /http:\/\/hub\.test\/password-reset\/([A-Za-z0-9_-]{43})/;

/** A form POST from a given client address, as a visitor with their CSRF cookie. */
function postFrom(
  app: FastifyInstance,
  visitor: StaffAgent,
  ip: string,
  url: string,
  form: Record<string, string>,
) {
  return app.inject({
    method: 'POST',
    url,
    remoteAddress: ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: visitor.cookie },
    payload: formBody({ _csrf: visitor.csrf, ...form }),
  });
}

for (const kind of databaseKinds()) {
  describe(`password reset by emailed link, over SMTP (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let f: StaffFixtures;
    let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
    before(async () => {
      smtp = await startSmtpSink();
      t = await createTestDatabase(kind, {
        SMTP_URL: smtp.url,
        PUBLIC_URL: 'http://hub.test/',
        MAIL_FROM: 'Test Hub <hub@test.example>',
        PASSWORD_RESETS_PER_MINUTE: '1000',
      });
      f = await createStaffFixtures(t.database.db);
      app = await createApp(t.config, { database: t.database });
      await app.ready();
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
      await smtp?.close();
    });

    it('emails a single-use link; the new password works, the old does not, sessions end and the lockout clears', async () => {
      const email = f.users.editor.email;
      const earlier = await signIn(app, email);
      await t.database.db
        .update(users)
        .set({ failedSignIns: 5, lockedUntil: sql`now() + interval '10 minutes'` })
        .where(eq(users.id, f.users.editor.id));

      const visitor = await signedOut(app);
      const asked = await visitor.post('/password-reset', { email: ` ${email.toUpperCase()} ` });
      assert.equal(asked.statusCode, 200);
      assert.match(
        asked.body,
        /If an account exists for <strong>editor@test\.example<\/strong>, we have sent a link/,
      );
      const mail = await smtp.next();
      assert.deepEqual(mail.to, [email]);
      assert.equal(mail.from, 'hub@test.example');
      assert.match(mail.headers, /^Subject: Reset your London Health Hub password/m);
      assert.match(mail.text, /within 60 minutes/);
      const token = linkPattern.exec(mail.text)?.[1];
      assert.ok(token, mail.text);

      // Only the token's SHA-256 is kept.
      const stored = await t.database.db
        .select()
        .from(passwordResets)
        .where(eq(passwordResets.userId, f.users.editor.id));
      assert.equal(stored.length, 1);
      assert.equal(stored[0]!.tokenHash, tokenHash(token));
      assert.notEqual(stored[0]!.tokenHash, token);
      const minutes = (stored[0]!.expiresAt.getTime() - stored[0]!.createdAt.getTime()) / 60_000;
      assert.ok(Math.abs(minutes - 60) < 1, `valid for ${minutes} minutes`);

      const form = await visitor.get(`/password-reset/${token}`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /Choose a new password/);
      assert.equal(form.headers['cache-control'], 'no-store');
      assert.equal(form.headers['referrer-policy'], 'no-referrer');

      for (const [bad, message] of [
        [{ password: 'too short', confirm: 'too short' }, 'Password must be 12 characters or more'],
        [{ password: 'a long new password', confirm: 'not the same one' }, 'Enter the same password twice'],
        [
          { password: 'x'.repeat(1025), confirm: 'x'.repeat(1025) },
          'Password must be 1,024 characters or fewer',
        ],
      ] as const) {
        const refused = await visitor.post(`/password-reset/${token}`, bad);
        assert.equal(refused.statusCode, 400);
        assert.match(refused.body, /There is a problem/);
        assert.ok(refused.body.includes(message), message);
      }
      const [unchanged] = await t.database.db
        .select()
        .from(passwordResets)
        .where(eq(passwordResets.userId, f.users.editor.id));
      assert.equal(unchanged!.usedAt, null, 'a refused form leaves the link usable');

      const done = await visitor.post(`/password-reset/${token}`, {
        password: 'my brand new passphrase',
        confirm: 'my brand new passphrase',
      });
      assert.equal(done.statusCode, 200);
      assert.match(done.body, /Your password has been changed/);

      assert.equal((await earlier.get('/staff')).statusCode, 303, 'the earlier session has ended');
      const [user] = await t.database.db.select().from(users).where(eq(users.id, f.users.editor.id));
      assert.equal(user!.lockedUntil, null);
      assert.equal(user!.failedSignIns, 0);
      await signIn(app, email, 'my brand new passphrase');
      await assert.rejects(signIn(app, email, staffPassword), /refused: 401/);

      const again = await visitor.get(`/password-reset/${token}`);
      assert.equal(again.statusCode, 404);
      assert.match(again.body, /This link no longer works/);
      const reused = await visitor.post(`/password-reset/${token}`, {
        password: 'yet another passphrase',
        confirm: 'yet another passphrase',
      });
      assert.equal(reused.statusCode, 404);

      const audit = await t.database.db
        .select({ action: auditEvents.action, actor: auditEvents.actorUserId })
        .from(auditEvents)
        .where(and(eq(auditEvents.entity, 'users'), eq(auditEvents.entityId, String(f.users.editor.id))));
      assert.ok(audit.some((a) => a.action === 'send-password-reset-link' && a.actor === null));
      assert.ok(audit.some((a) => a.action === 'reset-password' && a.actor === f.users.editor.id));
    });

    it('answers the same for an unknown email or a disabled person, and sends nothing', async () => {
      const disabled = await freshPerson(t.database.db, { disabled: true });
      const before = await t.database.db.select().from(passwordResets);
      const mailsBefore = smtp.received.length;
      const visitor = await signedOut(app);
      const bodies: string[] = [];
      for (const email of ['no-one-at-all@test.example', disabled.email]) {
        const response = await visitor.post('/password-reset', { email });
        assert.equal(response.statusCode, 200);
        bodies.push(response.body.replace(email, 'EMAIL').replace(/value="[^"]+"/g, ''));
      }
      assert.equal(bodies[0], bodies[1]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(smtp.received.length, mailsBefore);
      assert.equal((await t.database.db.select().from(passwordResets)).length, before.length);
    });

    it('refuses an expired link, a made-up one, and a link of someone disabled since', async () => {
      const visitor = await signedOut(app);
      const person = await freshPerson(t.database.db);
      const asked = await visitor.post('/password-reset', { email: person.email });
      assert.equal(asked.statusCode, 200);
      const token = linkPattern.exec((await smtp.next()).text)![1]!;
      await t.database.db
        .update(passwordResets)
        .set({ expiresAt: sql`now() - interval '1 second'` })
        .where(eq(passwordResets.tokenHash, tokenHash(token)));
      assert.equal((await visitor.get(`/password-reset/${token}`)).statusCode, 404);
      assert.equal((await visitor.get(`/password-reset/${'A'.repeat(43)}`)).statusCode, 404);
      assert.equal((await visitor.get('/password-reset/..%2F..%2Fetc')).statusCode, 404);

      await visitor.post('/password-reset', { email: person.email });
      const second = linkPattern.exec((await smtp.next()).text)![1]!;
      await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, person.id));
      const refused = await visitor.post(`/password-reset/${second}`, {
        password: 'a long new password',
        confirm: 'a long new password',
      });
      assert.equal(refused.statusCode, 404);
    });

    it('a platform admin can send a link to someone, and a new person can be invited by link', async () => {
      const admin = await signIn(app, f.users.platformAdmin.email);
      const invited = await admin.post('/admin/people', {
        name: 'Invited Person',
        email: 'invited@test.example',
        setup: 'link',
      });
      assert.equal(invited.statusCode, 303);
      const mail = await smtp.next();
      assert.deepEqual(mail.to, ['invited@test.example']);
      const token = linkPattern.exec(mail.text)![1]!;
      const visitor = await signedOut(app);
      const set = await visitor.post(`/password-reset/${token}`, {
        password: 'chosen by the invited',
        confirm: 'chosen by the invited',
      });
      assert.equal(set.statusCode, 200);
      await signIn(app, 'invited@test.example', 'chosen by the invited');

      const sent = await admin.post(`/admin/people/${f.users.viewer.id}/send-reset-link`);
      assert.equal(sent.statusCode, 303);
      assert.deepEqual((await smtp.next()).to, [f.users.viewer.email]);
    });
  });

  describe(`rate limits on sign-in and password reset (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let f: StaffFixtures;
    before(async () => {
      t = await createTestDatabase(kind, {
        SIGN_IN_FAILURES_PER_MINUTE: '3',
        PASSWORD_RESETS_PER_MINUTE: '4',
        PASSWORD_RESETS_PER_EMAIL: '2',
      });
      f = await createStaffFixtures(t.database.db);
      app = await createApp(t.config, { database: t.database });
      await app.ready();
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('sign-in: after 3 failures from one address even the right password gets 429 with Retry-After; other addresses are not held up', async () => {
      const visitor = await signedOut(app);
      const ip = '203.0.113.7';
      for (const email of [f.users.viewer.email, f.users.approver.email, 'unknown@test.example']) {
        const failed = await postFrom(app, visitor, ip, '/sign-in', { email, password: 'a wrong password' });
        assert.equal(failed.statusCode, 401);
      }
      const limited = await postFrom(app, visitor, ip, '/sign-in', {
        email: f.users.viewer.email,
        password: staffPassword,
      });
      assert.equal(limited.statusCode, 429);
      assert.ok(Number(limited.headers['retry-after']) > 0 && Number(limited.headers['retry-after']) <= 60);
      assert.match(limited.body, /There is a problem/);
      assert.match(limited.body, /Too many failed sign-ins from your network: wait a minute and try again/);
      assert.ok(![limited.headers['set-cookie']].flat().join().includes('healthhub_session='));
      const elsewhere = await postFrom(app, visitor, '198.51.100.9', '/sign-in', {
        email: f.users.viewer.email,
        password: staffPassword,
      });
      assert.equal(elsewhere.statusCode, 303);
    });

    it('sign-in: successful sign-ins do not count', async () => {
      const visitor = await signedOut(app);
      for (let i = 0; i < 6; i++) {
        const response = await postFrom(app, visitor, '198.51.100.20', '/sign-in', {
          email: f.users.editor.email,
          password: staffPassword,
        });
        assert.equal(response.statusCode, 303, `sign-in ${i + 1}`);
      }
    });

    it('reset requests: 4 a minute from an address, 2 per email, then 429 with Retry-After and nothing sent', async () => {
      const visitor = await signedOut(app);
      const person = await freshPerson(t.database.db);
      const count = async () => (await t.database.db.select().from(passwordResets)).length;
      for (let i = 0; i < 2; i++) {
        const response = await postFrom(app, visitor, `192.0.2.${i + 1}`, '/password-reset', {
          email: person.email,
        });
        assert.equal(response.statusCode, 200);
      }
      const before = await count();
      const perEmail = await postFrom(app, visitor, '192.0.2.50', '/password-reset', {
        email: person.email.toUpperCase(),
      });
      assert.equal(perEmail.statusCode, 429);
      assert.ok(Number(perEmail.headers['retry-after']) > 60, 'the per-email window is 15 minutes');
      assert.match(perEmail.body, /Too many links asked for this email/);
      assert.equal(await count(), before);

      const ip = '192.0.2.99';
      for (let i = 0; i < 4; i++) {
        const response = await postFrom(app, visitor, ip, '/password-reset', {
          email: `someone-${i}@test.example`,
        });
        assert.equal(response.statusCode, 200);
      }
      const perAddress = await postFrom(app, visitor, ip, '/password-reset', {
        email: 'someone-else@test.example',
      });
      assert.equal(perAddress.statusCode, 429);
      assert.match(perAddress.body, /There is a problem/);
      assert.match(perAddress.body, /Too many requests from your network/);
      assert.ok(Number(perAddress.headers['retry-after']) > 0);
    });
  });
}

describe('password reset without SMTP', () => {
  it('outside production the link goes to the log at info, clearly labelled', async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _encoding, callback) {
          lines.push(String(chunk));
          callback();
        },
      }),
    );
    const mailer = createPasswordResetMailer(loadConfig({ NODE_ENV: 'development', PORT: '4000' }), logger);
    assert.equal(mailer.available, true);
    assert.equal(mailer.publicUrl, 'http://localhost:4000');
    await mailer.send('someone@test.example', 'http://localhost:4000/password-reset/TOKEN');
    assert.equal(lines.length, 1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    assert.equal(entry.level, 30);
    assert.equal(entry.passwordResetLink, 'http://localhost:4000/password-reset/TOKEN');
    assert.match(
      String(entry.msg),
      /^PASSWORD RESET LINK \(SMTP_URL is not set, so it is logged, not emailed\)/,
    );
  });

  it('in production resets are unavailable: the form says so and refuses requests', async () => {
    const t = await createTestDatabase('pglite');
    try {
      const config = loadConfig({
        NODE_ENV: 'production',
        HEALTHHUB_DATA_DIR: 'memory://',
        LOG_LEVEL: 'silent',
      });
      assert.equal(config.publicUrl, undefined);
      const app = await createApp(config, { database: t.database });
      try {
        const visitor = await signedOut(app);
        const page = await visitor.get('/password-reset');
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /Password reset by email is not available on this site/);
        assert.doesNotMatch(page.body, /<form method="post" action="\/password-reset"/);
      } finally {
        await app.close();
      }
    } finally {
      await t.cleanup();
    }
  });

  it('healthhub serve prints the link in its log, and the link works', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'healthhub-reset-log-'));
    let server: ChildProcess | undefined;
    try {
      const env = { HEALTHHUB_DATA_DIR: dir, NODE_ENV: 'development', PORT: '0' };
      const added = await runCli(
        ['user', 'add', '--email', 'logged@test.example', '--name', 'Logged', '--password-stdin'],
        env,
        120_000,
        'the first long password',
      );
      assert.equal(added.code, 0, added.stderr);
      server = spawn(process.execPath, [join(repoRoot, 'bin', 'healthhub.js'), 'serve'], {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      server.stdout!.on('data', (d) => {
        output += d;
      });
      server.stderr!.on('data', (d) => {
        output += d;
      });
      const waitFor = async (pattern: RegExp) => {
        const deadline = Date.now() + 200_000;
        while (!pattern.test(output)) {
          if (Date.now() > deadline || server!.exitCode !== null)
            throw new Error(`no ${pattern} in:\n${output}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return pattern.exec(output)!;
      };
      const base = (await waitFor(/running at (http:\/\/localhost:\d+)\//))[1]!;
      const page = await fetch(`${base}/password-reset`);
      const cookie = page.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
      const asked = await fetch(`${base}/password-reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: formBody({ _csrf: csrf, email: 'logged@test.example' }),
      });
      assert.equal(asked.status, 200);
      const line = (await waitFor(/^.*PASSWORD RESET LINK.*$/m))[0];
      const entry = JSON.parse(line) as { level: number; passwordResetLink: string; to: string };
      assert.equal(entry.level, 30);
      assert.equal(entry.to, 'logged@test.example');
      const link = entry.passwordResetLink;
      assert.ok(link.startsWith(`http://localhost:`) && link.includes('/password-reset/'), link);
      const path = new URL(link).pathname;
      const done = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: formBody({
          _csrf: csrf,
          password: 'the second long password',
          confirm: 'the second long password',
        }),
      });
      assert.equal(done.status, 200);
      assert.match(await done.text(), /Your password has been changed/);
    } finally {
      server?.kill('SIGTERM');
      if (server && server.exitCode === null) await new Promise((resolve) => server!.once('close', resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
