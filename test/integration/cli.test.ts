import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { freePort } from '../../scripts/postgres-cluster.mjs';
import { runCli } from '../support/run-cli.js';
import { repoRoot } from '../support/shared-data.js';

const scratch = mkdtempSync(join(tmpdir(), 'healthhub-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** One line on stderr, no stack trace. */
function assertOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, `expected one line, got:\n${stderr}`);
  assert.match(lines[0]!, /^healthhub: /);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(stderr, /\n\s+at /);
}

describe('healthhub command line', () => {
  test('--help lists the commands; each command has its own --help', async () => {
    const top = await runCli(['--help']);
    assert.equal(top.code, 0);
    for (const command of ['serve', 'migrate', 'demo']) {
      assert.match(top.stdout, new RegExp(`^  ${command}\\s`, 'm'));
      const own = await runCli([command, '--help']);
      assert.equal(own.code, 0, command);
      assert.match(own.stdout, new RegExp(`^Usage: healthhub ${command}`));
    }
  });

  test('bad usage exits 2 with one line', async () => {
    const unknownCommand = await runCli(['frobnicate']);
    assert.equal(unknownCommand.code, 2);
    assertOneLineError(unknownCommand.stderr, /unknown command 'frobnicate'/);
    const unknownOption = await runCli(['migrate', '--fast']);
    assert.equal(unknownOption.code, 2);
    assertOneLineError(unknownOption.stderr, /migrate: Unknown option '--fast'/);
    const none = await runCli([]);
    assert.equal(none.code, 2);
  });

  test('migrate then demo on the embedded database; demo again changes nothing', async () => {
    const env = { HEALTHHUB_DATA_DIR: join(scratch, 'db1') };
    const migrate = await runCli(['migrate'], env);
    assert.equal(migrate.code, 0, migrate.stderr);
    assert.match(migrate.stdout, /migrations applied \(pglite\)/);
    const demo = await runCli(['demo'], env);
    assert.equal(demo.code, 0, demo.stderr);
    assert.match(demo.stdout, /demo data loaded: 40 areas, 72 area memberships, 33 tiles/);
    const again = await runCli(['demo'], env);
    assert.match(again.stdout, /already loaded/);
  });

  test('a malformed DATABASE_URL: exit 1, one line naming the variable', async () => {
    const result = await runCli(['migrate'], { DATABASE_URL: 'postgres//nobody:secret@' });
    assert.equal(result.code, 1);
    assertOneLineError(result.stderr, /DATABASE_URL/);
    assert.doesNotMatch(result.stderr, /secret/);
  });

  test('a bad PORT: exit 1, one line naming the variable', async () => {
    const result = await runCli(['serve'], { PORT: 'http', HEALTHHUB_DATA_DIR: join(scratch, 'db-port') });
    assert.equal(result.code, 1);
    assertOneLineError(result.stderr, /^healthhub: PORT: /);
  });

  test('PostgreSQL down at start-up: exit 1, one line', async () => {
    const port = await freePort();
    const result = await runCli(['serve'], {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/healthhub`,
    });
    assert.equal(result.code, 1);
    assertOneLineError(result.stderr, /cannot connect to the database: .*ECONNREFUSED/);
  });

  test('an unwritable data directory: exit 1, one line', async () => {
    const file = join(scratch, 'not-a-directory');
    writeFileSync(file, 'x');
    const result = await runCli(['serve'], { HEALTHHUB_DATA_DIR: join(file, 'data') });
    assert.equal(result.code, 1);
    assertOneLineError(result.stderr, /cannot write the data directory .* \(HEALTHHUB_DATA_DIR\)/);
  });

  test('port in use: exit 1, one line', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runCli(['serve'], {
        PORT: String(port),
        HOST: '127.0.0.1',
        HEALTHHUB_DATA_DIR: join(scratch, 'db2'),
      });
      assert.equal(result.code, 1);
      assertOneLineError(result.stderr, new RegExp(`port ${port} .*already in use`));
    } finally {
      blocker.close();
    }
  });

  test('serve: answers, then stops gracefully on SIGTERM with exit code 0', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'healthhub.js'), 'serve'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        PORT: String(port),
        HOST: '127.0.0.1',
        HEALTHHUB_DATA_DIR: join(scratch, 'db3'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    const exited = new Promise<number | null>((r) => child.on('close', r));
    try {
      for (let i = 0; i < 240 && !output.includes('is running at'); i++)
        await new Promise((r) => setTimeout(r, 250));
      assert.match(output, /London Health Hub is running at http:\/\/127\.0\.0\.1:\d+\//);
      const home = await fetch(`http://127.0.0.1:${port}/`);
      assert.equal(home.status, 200);
      assert.match(await home.text(), /Local authorities/);
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      assert.match(output, /shutting down/);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
