import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createApp } from '../../src/app/create-app.js';
import { auditEvents } from '../../src/audit/audit-events-table.js';
import { sessions } from '../../src/people/sessions-table.js';
import { users } from '../../src/people/users-table.js';
import { type Grant, startOidcTestProvider } from '../support/oidc-test-provider.js';
import { freshPerson } from '../support/people-test-data.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

const client = { id: 'healthhub-test-client', secret: 'a client secret for the test' };

function cookiesOf(response: LightMyRequestResponse): string {
  return [response.headers['set-cookie'] ?? []]
    .flat()
    .map((c) => String(c).split(';')[0]!)
    .filter((c) => !c.endsWith('='))
    .join('; ');
}

for (const kind of databaseKinds()) {
  describe(`sign-in through OpenID Connect (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let provider: Awaited<ReturnType<typeof startOidcTestProvider>>;
    before(async () => {
      provider = await startOidcTestProvider(client);
      t = await createTestDatabase(kind, {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: client.id,
        OIDC_CLIENT_SECRET: client.secret,
        OIDC_LABEL: 'Sign in with Test ID',
        PUBLIC_URL: 'http://hub.test',
      });
      app = await createApp(t.config, { database: t.database });
      await app.ready();
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
      await provider?.close();
    });

    /** Starts the flow, lets the provider grant `grant`, and comes back; `tamper` changes the callback. */
    async function signInThroughProvider(
      grant: Grant,
      tamper: { state?: string; dropCookie?: boolean; json?: boolean } = {},
    ) {
      const start = await app.inject({ method: 'GET', url: '/sign-in/oidc?next=%2Fstaff%2Forganisations' });
      assert.equal(start.statusCode, 303);
      const location = String(start.headers.location);
      const flowCookie = cookiesOf(start);
      assert.match(
        String(start.headers['set-cookie']),
        /healthhub_oidc=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=600/,
      );
      const { code, state, params } = provider.authorize(location, grant);
      const callback = await app.inject({
        method: 'GET',
        url: `/sign-in/oidc/callback?code=${encodeURIComponent(code)}&state=${encodeURIComponent(tamper.state ?? state)}`,
        headers: {
          ...(tamper.dropCookie ? {} : { cookie: flowCookie }),
          ...(tamper.json ? { accept: 'application/json' } : {}),
        },
      });
      return { location, params, callback };
    }

    const sessionCount = async (userId: number) =>
      (await t.database.db.select().from(sessions).where(eq(sessions.userId, userId))).length;

    it('the sign-in page offers the provider', async () => {
      const page = await app.inject({ method: 'GET', url: '/sign-in?next=%2Fstaff' });
      assert.match(
        page.body,
        /<a href="\/sign-in\/oidc\?next=%2Fstaff"[^>]*class="govuk-button govuk-button--secondary"/,
      );
      assert.match(page.body, /Sign in with Test ID/);
    });

    it('asks the provider with PKCE (S256), state and nonce, keeping them in the browser’s cookie, not memory', async () => {
      const start = await app.inject({ method: 'GET', url: '/sign-in/oidc' });
      const url = new URL(String(start.headers.location));
      assert.equal(`${url.origin}${url.pathname}`, `${provider.issuer}/authorize`);
      assert.equal(url.searchParams.get('response_type'), 'code');
      assert.equal(url.searchParams.get('client_id'), client.id);
      assert.equal(url.searchParams.get('redirect_uri'), 'http://hub.test/sign-in/oidc/callback');
      assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
      assert.match(url.searchParams.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
      assert.ok((url.searchParams.get('state') ?? '').length >= 22);
      assert.ok((url.searchParams.get('nonce') ?? '').length >= 22);
      assert.match(url.searchParams.get('scope') ?? '', /\bopenid\b.*\bemail\b/);
    });

    it('signs in a person with a verified email the first time, links their identity, then by identity alone', async () => {
      const person = await freshPerson(t.database.db, { email: 'oidc.person@test.example' });
      const { callback } = await signInThroughProvider({
        subject: 'subject-1',
        email: 'OIDC.Person@test.example',
        emailVerified: true,
      });
      assert.equal(callback.statusCode, 303, callback.body);
      assert.equal(callback.headers.location, '/staff/organisations');
      const cookies = String(callback.headers['set-cookie']);
      assert.match(cookies, /healthhub_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
      assert.match(cookies, /healthhub_oidc=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/);
      const staff = await app.inject({
        method: 'GET',
        url: '/staff',
        headers: { cookie: cookiesOf(callback) },
      });
      assert.equal(staff.statusCode, 200);
      assert.match(staff.body, /oidc\.person@test\.example/);

      const [linked] = await t.database.db.select().from(users).where(eq(users.id, person.id));
      assert.equal(linked!.oidcIssuer, provider.issuer);
      assert.equal(linked!.oidcSubject, 'subject-1');
      const audit = await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entity, 'users'), eq(auditEvents.entityId, String(person.id))));
      assert.ok(audit.some((a) => a.action === 'link-oidc'));
      assert.ok(audit.some((a) => a.action === 'sign-in' && a.reason === 'openid-connect'));

      // Next time the identity is enough, whatever email the provider now says.
      const again = await signInThroughProvider({ subject: 'subject-1', email: 'renamed@test.example' });
      assert.equal(again.callback.statusCode, 303);
      assert.equal(await sessionCount(person.id), 2);
    });

    it('never creates an account, and refuses an unverified email unless the issuer is trusted for emails', async () => {
      const before = (await t.database.db.select().from(users)).length;
      const stranger = await signInThroughProvider(
        { subject: 'subject-x', email: 'stranger@test.example', emailVerified: true },
        { json: true },
      );
      assert.equal(stranger.callback.statusCode, 403);
      assert.equal(stranger.callback.json().code, 'OIDC_NO_ACCOUNT');
      assert.equal((await t.database.db.select().from(users)).length, before);

      const person = await freshPerson(t.database.db);
      for (const grant of [
        { subject: 'subject-2', email: person.email, emailVerified: false },
        { subject: 'subject-2', email: person.email },
      ]) {
        const { callback } = await signInThroughProvider(grant, { json: true });
        assert.equal(callback.statusCode, 403);
        assert.equal(callback.json().code, 'OIDC_NO_ACCOUNT');
      }
      assert.equal(await sessionCount(person.id), 0);
      const [unlinked] = await t.database.db.select().from(users).where(eq(users.id, person.id));
      assert.equal(unlinked!.oidcSubject, null);
    });

    it('refuses a disabled person, and does not relink someone already linked to another identity', async () => {
      const disabled = await freshPerson(t.database.db, { disabled: true });
      const refused = await signInThroughProvider({
        subject: 'subject-3',
        email: disabled.email,
        emailVerified: true,
      });
      assert.equal(refused.callback.statusCode, 403);
      assert.match(refused.callback.body, /no active London Health Hub account/);

      const person = await freshPerson(t.database.db);
      assert.equal(
        (await signInThroughProvider({ subject: 'subject-4', email: person.email, emailVerified: true }))
          .callback.statusCode,
        303,
      );
      const other = await signInThroughProvider({
        subject: 'subject-5',
        email: person.email,
        emailVerified: true,
      });
      assert.equal(other.callback.statusCode, 403);
      await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, person.id));
      const afterDisabled = await signInThroughProvider({ subject: 'subject-4' });
      assert.equal(afterDisabled.callback.statusCode, 403);
    });

    it('refuses a wrong state, nonce, audience, issuer, signature, an expired token, a lost cookie and a wrong PKCE verifier', async () => {
      const person = await freshPerson(t.database.db);
      const good: Grant = { subject: 'subject-tamper', email: person.email, emailVerified: true };
      const now = Math.floor(Date.now() / 1000);
      const cases: [string, Grant, Parameters<typeof signInThroughProvider>[1]][] = [
        ['state', good, { state: 'not-the-state-we-sent' }],
        ['nonce', { ...good, override: { nonce: 'another-nonce' } }, {}],
        ['audience', { ...good, override: { aud: 'someone-else' } }, {}],
        ['issuer', { ...good, override: { iss: 'https://evil.example' } }, {}],
        ['signature', { ...good, forged: true }, {}],
        ['expiry', { ...good, override: { exp: now - 600, iat: now - 900 } }, {}],
        ['cookie', good, { dropCookie: true }],
      ];
      for (const [what, grant, tamper] of cases) {
        const { callback } = await signInThroughProvider(grant, { ...tamper, json: true });
        assert.equal(callback.statusCode, 401, `${what}: ${callback.body}`);
        assert.equal(callback.json().code, 'OIDC_SIGN_IN_FAILED', what);
        assert.ok(!String(callback.headers['set-cookie']).includes('healthhub_session='), what);
      }
      // PKCE: the flow cookie of another attempt carries another verifier.
      const first = await app.inject({ method: 'GET', url: '/sign-in/oidc' });
      const second = await app.inject({ method: 'GET', url: '/sign-in/oidc' });
      const { code, state } = provider.authorize(String(first.headers.location), good);
      const crossed = await app.inject({
        method: 'GET',
        url: `/sign-in/oidc/callback?code=${code}&state=${state}`,
        headers: { cookie: cookiesOf(second), accept: 'application/json' },
      });
      assert.equal(crossed.statusCode, 401);
      assert.equal(await sessionCount(person.id), 0);
      const [untouched] = await t.database.db.select().from(users).where(eq(users.id, person.id));
      assert.equal(untouched!.oidcSubject, null);
    });

    it('the browser sees a page, not JSON, when sign-in fails', async () => {
      const { callback } = await signInThroughProvider({ subject: 's', forged: true });
      assert.equal(callback.statusCode, 401);
      assert.match(String(callback.headers['content-type']), /text\/html/);
      assert.match(callback.body, /Sign in with Test ID did not work: start again from the sign-in page/);
    });
  });
}

describe('OpenID Connect with OIDC_TRUST_EMAIL=true', () => {
  it('links on a matching email even without email_verified (as Microsoft Entra ID sends)', async () => {
    const provider = await startOidcTestProvider(client);
    const t = await createTestDatabase('pglite', {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: client.id,
      OIDC_CLIENT_SECRET: client.secret,
      OIDC_TRUST_EMAIL: 'true',
    });
    const app = await createApp(t.config, { database: t.database });
    try {
      const person = await freshPerson(t.database.db);
      const start = await app.inject({ method: 'GET', url: '/sign-in/oidc' });
      const { code, state, params } = provider.authorize(String(start.headers.location), {
        subject: 'entra-object-id',
        email: person.email,
      });
      assert.equal(params.get('redirect_uri'), 'http://localhost:3000/sign-in/oidc/callback');
      const callback = await app.inject({
        method: 'GET',
        url: `/sign-in/oidc/callback?code=${code}&state=${state}`,
        headers: { cookie: cookiesOf(start) },
      });
      assert.equal(callback.statusCode, 303, callback.body);
      const [linked] = await t.database.db.select().from(users).where(eq(users.id, person.id));
      assert.equal(linked!.oidcSubject, 'entra-object-id');
    } finally {
      await app.close();
      await t.cleanup();
      await provider.close();
    }
  });
});
