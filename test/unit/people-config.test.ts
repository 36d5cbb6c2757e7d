import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/errors/config-error.js';
import { RateLimiter } from '../../src/people/rate-limiter.js';

const refuses = (env: Record<string, string>, variable: string, hidden?: string) =>
  assert.throws(
    () => loadConfig(env, '/srv/healthhub'),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.variable === variable &&
      (hidden === undefined || !error.message.includes(hidden)),
  );

describe('people and access configuration', () => {
  test('defaults: no SMTP, a From line, a local public URL outside production, no OIDC, the rate limits', () => {
    const config = loadConfig({ PORT: '8080' }, '/srv/healthhub');
    assert.deepEqual(config.mail, { smtpUrl: undefined, from: 'London Health Hub <no-reply@localhost>' });
    assert.equal(config.publicUrl, 'http://localhost:8080');
    assert.equal(config.oidc, undefined);
    assert.deepEqual(config.rateLimits, {
      signInFailuresPerMinute: 10,
      passwordResetsPerMinute: 10,
      passwordResetsPerEmail: 5,
    });
    assert.equal(loadConfig({ NODE_ENV: 'production' }).publicUrl, undefined);
  });

  test('SMTP_URL, MAIL_FROM and PUBLIC_URL (trailing slash dropped)', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://user:pass@mail.example.org:465',
      MAIL_FROM: 'Hub <hub@example.org>',
      PUBLIC_URL: 'https://hub.example.org/',
    });
    assert.equal(config.mail.smtpUrl, 'smtps://user:pass@mail.example.org:465');
    assert.equal(config.mail.from, 'Hub <hub@example.org>');
    assert.equal(config.publicUrl, 'https://hub.example.org');
  });

  test('a bad SMTP_URL is refused without echoing its password', () => {
    refuses({ SMTP_URL: 'http://user:secret@mail.example.org' }, 'SMTP_URL', 'secret');
    refuses({ PUBLIC_URL: 'ftp://hub.example.org' }, 'PUBLIC_URL');
  });

  test('OIDC: all three settings or none; https issuers (plain http on loopback only); PUBLIC_URL in production', () => {
    const oidc = {
      OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
      OIDC_CLIENT_ID: 'id',
      OIDC_CLIENT_SECRET: 'secret',
    };
    const config = loadConfig(oidc);
    assert.deepEqual(config.oidc, {
      issuer: 'https://login.microsoftonline.com/tenant/v2.0',
      clientId: 'id',
      clientSecret: 'secret',
      label: 'Sign in with Microsoft',
      trustEmail: false,
    });
    assert.equal(
      loadConfig({ ...oidc, OIDC_LABEL: 'Sign in with NHSmail', OIDC_TRUST_EMAIL: 'true' }).oidc?.trustEmail,
      true,
    );
    refuses({ OIDC_ISSUER: oidc.OIDC_ISSUER, OIDC_CLIENT_ID: 'id' }, 'OIDC_CLIENT_SECRET');
    refuses({ OIDC_CLIENT_SECRET: 'shh' }, 'OIDC_ISSUER');
    refuses({ ...oidc, OIDC_ISSUER: 'http://login.example.org' }, 'OIDC_ISSUER');
    assert.equal(
      loadConfig({ ...oidc, OIDC_ISSUER: 'http://127.0.0.1:9000' }).oidc?.issuer,
      'http://127.0.0.1:9000',
    );
    refuses({ ...oidc, NODE_ENV: 'production' }, 'PUBLIC_URL');
    assert.ok(loadConfig({ ...oidc, NODE_ENV: 'production', PUBLIC_URL: 'https://hub.example.org' }).oidc);
  });

  test('rate limits are whole numbers from 1', () => {
    assert.equal(loadConfig({ SIGN_IN_FAILURES_PER_MINUTE: '50' }).rateLimits.signInFailuresPerMinute, 50);
    refuses({ SIGN_IN_FAILURES_PER_MINUTE: '0' }, 'SIGN_IN_FAILURES_PER_MINUTE');
    refuses({ PASSWORD_RESETS_PER_EMAIL: 'many' }, 'PASSWORD_RESETS_PER_EMAIL');
  });
});

describe('RateLimiter', () => {
  test('counts per key in a fixed window and says how long to wait', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(2, 60, () => now);
    assert.equal(limiter.take('a').limited, false);
    assert.equal(limiter.take('a').limited, false);
    assert.deepEqual(limiter.take('a'), { limited: true, retryAfterSeconds: 60 });
    assert.equal(limiter.take('b').limited, false, 'keys count apart');
    now += 45_000;
    assert.deepEqual(limiter.state('a'), { limited: true, retryAfterSeconds: 15 });
    now += 15_000;
    assert.equal(limiter.state('a').limited, false, 'a new window');
  });

  test('state looks without counting; record counts', () => {
    const limiter = new RateLimiter(1, 60);
    assert.equal(limiter.state('x').limited, false);
    assert.equal(limiter.state('x').limited, false);
    limiter.record('x');
    assert.equal(limiter.state('x').limited, true);
  });
});
