import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app/create-app.js';
import { AppError } from '../../src/errors/app-error.js';
import { closeDemoApp, createDemoApp, type DemoApp } from '../support/demo-app.js';
import { createTestDatabase } from '../support/test-database.js';

describe('the application over HTTP (inject, PGlite)', () => {
  let app: FastifyInstance;
  let demo: DemoApp | undefined;

  before(async () => {
    demo = await createDemoApp({
      extend: (app) => {
        app.get('/test-only/boom', async () => {
          throw new Error('kaboom: secret detail');
        });
        app.get('/test-only/teapot', async () => {
          throw new AppError('TEAPOT', 'I am a teapot', 418);
        });
      },
    });
    ({ app } = demo);
  });
  after(() => closeDemoApp(demo));

  test('home page says what healthhub is and what exists, from the database', async () => {
    const res = await app.inject('/');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/html/);
    assert.match(res.body, /<title>Home – London Health Hub<\/title>/);
    assert.match(res.body, /Local authorities\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*33 /);
    assert.match(res.body, /Integrated Care Boards\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*5\s/);
    assert.match(res.body, /Coming next/);
  });

  test('no GOV.UK crown or GDS Transport: this is not a GOV.UK service', async () => {
    const res = await app.inject('/');
    assert.doesNotMatch(res.body, /govuk-logo|govuk-header__logotype|crown/i);
    const cssUrl = /href="(\/assets\/app\.[0-9a-f]{12}\.css)"/.exec(res.body)?.[1];
    assert.ok(cssUrl, 'stylesheet is fingerprinted');
    const css = await app.inject(cssUrl);
    assert.doesNotMatch(css.body, /GDS Transport|@font-face/);
  });

  test('GET /healthz answers 200 with the database status', async () => {
    const res = await app.inject('/healthz');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    const body = res.json();
    assert.equal(body.status, 'ok');
    assert.equal(body.database.status, 'ok');
    assert.equal(body.database.kind, 'pglite');
  });

  test('unknown pages get the GOV.UK-style 404 page; unknown API paths a JSON 404', async () => {
    const page = await app.inject('/no/such/page');
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /<h1 class="govuk-heading-l">Page not found<\/h1>/);
    const api = await app.inject('/api/v1/nothing');
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().code, 'NOT_FOUND');
  });

  test('an unexpected error gets the 500 page with a reference, never the detail', async () => {
    const res = await app.inject({ url: '/test-only/boom', headers: { 'x-request-id': 'req-123' } });
    assert.equal(res.statusCode, 500);
    assert.match(res.body, /Sorry, there is a problem with the service/);
    assert.match(res.body, /req-123/);
    assert.doesNotMatch(res.body, /kaboom/);
  });

  test('AppErrors keep their status and code', async () => {
    const res = await app.inject({ url: '/test-only/teapot', headers: { accept: 'application/json' } });
    assert.equal(res.statusCode, 418);
    assert.equal(res.json().code, 'TEAPOT');
  });

  test('security headers: a CSP allowing only our own assets and one hashed inline script', async () => {
    const res = await app.inject('/');
    const csp = res.headers['content-security-policy'] as string;
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.ok(res.headers['strict-transport-security']);
  });

  test('request ids: made for each request, or taken from a well-formed x-request-id', async () => {
    const made = await app.inject('/healthz');
    assert.match(made.headers['x-request-id'] as string, /^[0-9a-f-]{36}$/);
    const given = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'lb-abc.123' } });
    assert.equal(given.headers['x-request-id'], 'lb-abc.123');
    const hostile = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'a b<script>' } });
    assert.notEqual(hostile.headers['x-request-id'], 'a b<script>');
  });

  test('fingerprinted assets are served with a one-year immutable cache; the manifest is not', async () => {
    const home = await app.inject('/');
    const urls = [...home.body.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    assert.ok(urls.length >= 3);
    for (const url of urls) {
      assert.match(url, /\.[0-9a-f]{12}\.[a-z]+$/);
      const res = await app.inject(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(res.headers['cache-control'] as string, /max-age=31536000/);
      assert.match(res.headers['cache-control'] as string, /immutable/);
    }
    assert.equal((await app.inject('/assets/manifest.json')).statusCode, 404);
  });

  test('responses are compressed when the client accepts it', async () => {
    const res = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.match(gunzipSync(res.rawPayload).toString(), /London Health Hub/);
  });
});

describe('when the database goes away (PGlite closed)', () => {
  test('pages answer 503 with the unavailable page and /healthz reports unhealthy', async () => {
    const t = await createTestDatabase('pglite');
    const app = await createApp(t.config, { database: t.database });
    await app.ready();
    await t.database.close();
    const page = await app.inject('/');
    assert.equal(page.statusCode, 503);
    assert.match(page.body, /Sorry, the service is unavailable/);
    assert.equal(page.headers['retry-after'], '30');
    const health = await app.inject('/healthz');
    assert.equal(health.statusCode, 503);
    assert.equal(health.json().status, 'unhealthy');
    await app.close();
  });
});
