import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/errors/config-error.js';

const fails = (env: Record<string, string>, variable: string) =>
  assert.throws(
    () => loadConfig(env, '/srv/healthhub'),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.code === 'CONFIG_INVALID' &&
      error.variable === variable &&
      !error.message.includes('\n'),
  );

describe('loadConfig', () => {
  test('defaults: embedded database under ./data, port 3000, loopback host', () => {
    const config = loadConfig({}, '/srv/healthhub');
    assert.equal(config.port, 3000);
    assert.equal(config.host, 'localhost');
    assert.deepEqual(config.database, { kind: 'pglite', dataDir: '/srv/healthhub/data' });
    assert.equal(config.logLevel, 'info');
    assert.equal(config.fingertipsApiUrl, 'https://fingertips.phe.org.uk');
  });

  test('PORT, HEALTHHUB_DATA_DIR and LOG_LEVEL override the defaults', () => {
    const config = loadConfig(
      { PORT: '8080', HEALTHHUB_DATA_DIR: 'var/db', LOG_LEVEL: 'debug' },
      '/srv/healthhub',
    );
    assert.equal(config.port, 8080);
    assert.deepEqual(config.database, { kind: 'pglite', dataDir: '/srv/healthhub/var/db' });
    assert.equal(config.logLevel, 'debug');
  });

  test('DATABASE_URL selects PostgreSQL with a configurable pool', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db.internal:5432/hh',
      DATABASE_POOL_SIZE: '25',
    });
    assert.deepEqual(config.database, {
      kind: 'postgres',
      url: 'postgres://u:p@db.internal:5432/hh',
      poolSize: 25,
    });
  });

  test('FINGERTIPS_API_URL points the API import elsewhere; a trailing slash is dropped', () => {
    assert.equal(
      loadConfig({ FINGERTIPS_API_URL: 'http://127.0.0.1:8080/' }).fingertipsApiUrl,
      'http://127.0.0.1:8080',
    );
    assert.equal(
      loadConfig({ FINGERTIPS_API_URL: 'https://mirror.example/fingertips' }).fingertipsApiUrl,
      'https://mirror.example/fingertips',
    );
  });

  test('production listens on all interfaces for a load balancer', () => {
    assert.equal(loadConfig({ NODE_ENV: 'production' }).host, '0.0.0.0');
  });

  test('an empty variable counts as unset', () => {
    assert.equal(loadConfig({ PORT: '', DATABASE_URL: '' }).database.kind, 'pglite');
  });

  test('the result is frozen, deeply', () => {
    const config = loadConfig({});
    assert.ok(Object.isFrozen(config));
    assert.ok(Object.isFrozen(config.database));
  });

  test('bad values fail with one line naming the variable', () => {
    fails({ PORT: 'eighty' }, 'PORT');
    fails({ PORT: '70000' }, 'PORT');
    fails({ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL');
    fails({ DATABASE_URL: 'not a url' }, 'DATABASE_URL');
    fails({ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE');
    fails({ NODE_ENV: 'staging' }, 'NODE_ENV');
    fails({ LOG_LEVEL: 'loud' }, 'LOG_LEVEL');
    fails({ FINGERTIPS_API_URL: 'fingertips.phe.org.uk' }, 'FINGERTIPS_API_URL');
    fails({ FINGERTIPS_API_URL: 'ftp://fingertips.phe.org.uk' }, 'FINGERTIPS_API_URL');
    fails({ FINGERTIPS_API_URL: 'https://fingertips.phe.org.uk/?x=1' }, 'FINGERTIPS_API_URL');
  });

  test('a malformed DATABASE_URL is not echoed back: it may hold a password', () => {
    try {
      loadConfig({ DATABASE_URL: 'postgres//user:secret@host' });
      assert.fail('expected ConfigError');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      assert.ok(!error.message.includes('secret'));
    }
  });
});
