import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../src/audit/audit-events-table.js';
import { loadConfig } from '../../src/config/config.js';
import { type Database, openDatabase } from '../../src/db/database.js';
import { memberships } from '../../src/people/memberships-table.js';
import { organisations } from '../../src/people/organisations-table.js';
import { verifyPassword } from '../../src/people/password-hash.js';
import { createSession } from '../../src/people/session-repository.js';
import { sessions } from '../../src/people/sessions-table.js';
import { users } from '../../src/people/users-table.js';
import { runCli } from '../support/run-cli.js';
import { repoRoot } from '../support/shared-data.js';
import { createTestDatabase, databaseKinds } from '../support/test-database.js';

const scratch = mkdtempSync(join(tmpdir(), 'healthhub-user-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const password = 'a long enough passphrase';

/** A database for the command to use, and a handle for the test to look at it after each run. */
async function databaseFor(kind: 'pglite' | 'postgres', name: string) {
  if (kind === 'pglite') {
    const env = { HEALTHHUB_DATA_DIR: join(scratch, name) };
    return {
      env,
      // PGlite is one process's: open it only between commands.
      look: async <T>(f: (database: Database) => Promise<T>): Promise<T> => {
        const database = await openDatabase(loadConfig({ NODE_ENV: 'test', ...env }));
        try {
          return await f(database);
        } finally {
          await database.close();
        }
      },
      cleanup: async () => {},
    };
  }
  const t = await createTestDatabase('postgres');
  if (t.config.database.kind !== 'postgres') throw new Error('expected PostgreSQL');
  return {
    env: { DATABASE_URL: t.config.database.url },
    look: <T>(f: (database: Database) => Promise<T>) => f(t.database),
    cleanup: () => t.cleanup(),
  };
}

for (const kind of databaseKinds()) {
  describe(`healthhub user add and set-password (${kind})`, () => {
    test('makes the first platform admin on a fresh database: migrated, organisations loaded, argon2id, audited', async () => {
      const db = await databaseFor(kind, 'first');
      try {
        const result = await runCli(
          [
            'user',
            'add',
            '--email',
            ' First.Admin@Example.org ',
            '--name',
            'First Admin',
            '--admin',
            '--password-stdin',
          ],
          db.env,
          60_000,
          `${password}\n`,
        );
        assert.equal(result.code, 0, result.stderr);
        assert.match(
          result.stdout,
          /^added First Admin <first\.admin@example\.org> \(id \d+\): platform admin\n$/,
        );
        await db.look(async ({ db: d }) => {
          const [user] = await d.select().from(users).where(eq(users.email, 'first.admin@example.org'));
          assert.ok(user);
          assert.equal(user.isPlatformAdmin, true);
          assert.match(user.passwordHash!, /^\$argon2id\$/);
          assert.equal(
            await verifyPassword(user.passwordHash!, password),
            true,
            'the trailing newline is not part of it',
          );
          assert.ok((await d.select().from(organisations).where(eq(organisations.slug, 'gla'))).length === 1);
          const audit = await d.select().from(auditEvents).where(eq(auditEvents.entity, 'users'));
          assert.equal(audit.length, 1);
          assert.equal(audit[0]!.actorUserId, null);
          assert.equal(audit[0]!.action, 'create');
          assert.doesNotMatch(JSON.stringify(audit[0]!.after), /argon2/);
        });
        const again = await runCli(
          ['user', 'add', '--email', 'first.admin@example.org', '--name', 'Someone Else', '--password-stdin'],
          db.env,
          60_000,
          password,
        );
        assert.equal(again.code, 1);
        assert.match(
          again.stderr,
          /^healthhub: a person with the email first\.admin@example\.org already exists\n$/,
        );
      } finally {
        await db.cleanup();
      }
    });

    test('gives a role in a built-in organisation in the same transaction, audited', async () => {
      const db = await databaseFor(kind, 'member');
      try {
        const result = await runCli(
          [
            'user',
            'add',
            '--email',
            'editor@example.org',
            '--name',
            'An Editor',
            '--organisation',
            'gla',
            '--role',
            'editor',
            '--password-stdin',
          ],
          db.env,
          60_000,
          password,
        );
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /editor of Greater London Authority/);
        await db.look(async ({ db: d }) => {
          const [user] = await d.select().from(users).where(eq(users.email, 'editor@example.org'));
          assert.equal(user!.isPlatformAdmin, false);
          const held = await d.select().from(memberships).where(eq(memberships.userId, user!.id));
          assert.deepEqual(
            held.map((m) => m.role),
            ['editor'],
          );
          const audit = await d.select().from(auditEvents).where(eq(auditEvents.entity, 'memberships'));
          assert.equal(audit.length, 1);
          assert.equal(audit[0]!.actorUserId, null);
        });
        const unknown = await runCli(
          [
            'user',
            'add',
            '--email',
            'x@example.org',
            '--name',
            'X',
            '--organisation',
            'nowhere',
            '--role',
            'viewer',
            '--password-stdin',
          ],
          db.env,
          60_000,
          password,
        );
        assert.equal(unknown.code, 2);
        assert.match(unknown.stderr, /no active organisation has the short name 'nowhere'/);
        await db.look(async ({ db: d }) => {
          assert.equal((await d.select().from(users).where(eq(users.email, 'x@example.org'))).length, 0);
        });
      } finally {
        await db.cleanup();
      }
    });

    test('set-password replaces the password, clears a lockout and ends sessions', async () => {
      const db = await databaseFor(kind, 'reset');
      try {
        const added = await runCli(
          ['user', 'add', '--email', 'someone@example.org', '--name', 'Someone', '--password-stdin'],
          db.env,
          60_000,
          password,
        );
        assert.equal(added.code, 0, added.stderr);
        await db.look(async ({ db: d }) => {
          const [user] = await d.select().from(users).where(eq(users.email, 'someone@example.org'));
          await d
            .update(users)
            .set({ failedSignIns: 3, lockedUntil: new Date(Date.now() + 600_000) })
            .where(eq(users.id, user!.id));
          await createSession(d, user!.id, 3600);
        });
        const set = await runCli(
          ['user', 'set-password', '--email', 'SOMEONE@example.org', '--password-stdin'],
          db.env,
          60_000,
          'another long passphrase\r\n',
        );
        assert.equal(set.code, 0, set.stderr);
        await db.look(async ({ db: d }) => {
          const [user] = await d.select().from(users).where(eq(users.email, 'someone@example.org'));
          assert.equal(await verifyPassword(user!.passwordHash!, 'another long passphrase'), true);
          assert.equal(user!.lockedUntil, null);
          assert.equal(user!.failedSignIns, 0);
          const open = (await d.select().from(sessions).where(eq(sessions.userId, user!.id))).filter(
            (s) => s.endedAt === null,
          );
          assert.equal(open.length, 0);
        });
        const nobody = await runCli(
          ['user', 'set-password', '--email', 'nobody@example.org', '--password-stdin'],
          db.env,
          60_000,
          password,
        );
        assert.equal(nobody.code, 2);
        assert.match(nobody.stderr, /no one has the email nobody@example\.org/);
      } finally {
        await db.cleanup();
      }
    });
  });
}

describe('healthhub user: refusals before touching the database', () => {
  const env = () => ({ HEALTHHUB_DATA_DIR: join(scratch, 'refusals') });
  const add = ['user', 'add', '--email', 'p@example.org', '--name', 'P', '--password-stdin'];

  test('a password under 12 or over 1,024 characters: exit 2, one clear line', async () => {
    const short = await runCli(add, env(), 60_000, 'elevenchars\n');
    assert.equal(short.code, 2);
    assert.equal(short.stderr, 'healthhub: user add: the password must be 12 characters or more\n');
    const long = await runCli(add, env(), 60_000, 'x'.repeat(1025));
    assert.equal(long.code, 2);
    assert.equal(long.stderr, 'healthhub: user add: the password must be 1,024 characters or fewer\n');
  });

  test('bad options: exit 2 with one line each', async () => {
    const cases: [string[], RegExp][] = [
      [['user', 'add', '--name', 'P', '--password-stdin'], /--email must be an email address/],
      [
        ['user', 'add', '--email', 'not-an-email', '--name', 'P', '--password-stdin'],
        /--email must be an email address/,
      ],
      [['user', 'add', '--email', 'p@example.org', '--password-stdin'], /--name is required/],
      [[...add, '--organisation', 'gla'], /--organisation and --role go together/],
      [
        [...add, '--organisation', 'gla', '--role', 'owner'],
        /--role must be one of viewer, editor, approver, admin/,
      ],
      [['user', 'remove'], /unknown subcommand 'remove'/],
      [['user', 'add', '--password', 'on-the-command-line'], /Unknown option '--password'/],
    ];
    for (const [args, pattern] of cases) {
      const result = await runCli(args, env(), 60_000, password);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, pattern);
      assert.equal(result.stderr.trim().split('\n').length, 1);
    }
  });

  test('without --password-stdin and without a terminal it says how to give the password', async () => {
    const result = await runCli(['user', 'add', '--email', 'p@example.org', '--name', 'P'], env());
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no terminal to ask for the password on: pipe it in with --password-stdin/);
  });

  test('on a terminal it asks twice without echoing, and refuses two different answers', {
    skip: process.platform !== 'linux',
  }, async () => {
    const ask = (answers: string[], email: string) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        // util-linux script gives the command a pseudo-terminal, as a person's shell would.
        const command = `${process.execPath} bin/healthhub.js user add --email ${email} --name Typist`;
        const child = spawn('script', ['-qec', command, '/dev/null'], {
          cwd: repoRoot,
          env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env() },
        });
        let output = '';
        let answered = 0;
        child.stdout.on('data', (d) => {
          output += d;
          // Answer each prompt only once it is shown: typed earlier, the terminal would still echo.
          const prompts = (
            output.match(/Password \(12 characters or more\): |The same password again: /g) ?? []
          ).length;
          while (answered < prompts && answered < answers.length)
            child.stdin.write(`${answers[answered++]}\r`);
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve({ code, output });
        });
      });
    const differ = await ask(['first long password', 'second long password'], 'typist1@example.org');
    assert.equal(differ.code, 2);
    assert.match(differ.output, /the two passwords differ/);
    const same = await ask(['a typed long password', 'a typed long password'], 'typist2@example.org');
    assert.equal(same.code, 0, same.output);
    assert.match(same.output, /added Typist <typist2@example\.org>/);
    assert.doesNotMatch(same.output, /a typed long password/);
  });
});
