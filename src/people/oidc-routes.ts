import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import * as client from 'openid-client';
import { recordAudit } from '../audit/record-audit.js';
import type { Database } from '../db/database.js';
import { parseCookies, serializeCookie } from './cookies.js';
import { OidcNoAccountError } from './oidc-no-account-error.js';
import { type OidcSettings, oidcProvider } from './oidc-provider.js';
import { OidcSignInError } from './oidc-sign-in-error.js';
import { linkOidcSubject, normaliseEmail } from './people-repository.js';
import { createSession } from './session-repository.js';
import { safeNext } from './sign-in-routes.js';
import { setSessionCookie } from './staff-auth.js';
import { users } from './users-table.js';

export const oidcCookieName = 'healthhub_oidc';
const flowSeconds = 10 * 60;
// Serialises first-time linking, so that one identity cannot be linked to two people by parallel sign-ins
// (users has no unique index on oidc_issuer + oidc_subject).
const OIDC_LINK_LOCK = 7243100451;

/** What the browser carries between leaving for the provider and coming back: in its own cookie, not memory. */
interface Flow {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  readonly next: string;
}

function readFlow(value: string | undefined): Flow | undefined {
  if (!value) return undefined;
  try {
    const flow = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Flow>;
    if ([flow.state, flow.nonce, flow.verifier, flow.next].every((v) => typeof v === 'string'))
      return flow as Flow;
  } catch {
    // A cookie this application did not write: treated as no flow.
  }
  return undefined;
}

/**
 * Sign-in through an OpenID Connect provider (Microsoft Entra ID or any other): the authorization code flow
 * with PKCE, state and nonce. The flow's secrets live in a short-lived HttpOnly SameSite=Lax cookie, so any
 * instance can finish a flow another began. The ID token is checked (signature by the provider's keys,
 * issuer, audience, expiry, nonce). Someone gets in only if a person here is already linked to that
 * identity, or, the first time, an active person has the same email and the provider says it is verified
 * (or OIDC_TRUST_EMAIL says the provider's emails can be trusted); accounts are never created here.
 */
export async function oidcRoutes(
  app: FastifyInstance,
  options: {
    database: Database;
    settings: OidcSettings;
    publicUrl: string;
    sessionSeconds: number;
    secureCookies: boolean;
  },
): Promise<void> {
  const { database, settings } = options;
  const provider = oidcProvider(settings);
  const redirectUri = `${options.publicUrl}/sign-in/oidc/callback`;
  const setFlowCookie = (reply: FastifyReply, value: string, maxAgeSeconds: number) =>
    reply.header(
      'set-cookie',
      serializeCookie(oidcCookieName, value, {
        maxAgeSeconds,
        secure: options.secureCookies,
        sameSite: 'Lax',
      }),
    );

  app.get('/sign-in/oidc', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const { next } = request.query as { next?: string };
    let configuration: client.Configuration;
    try {
      configuration = await provider();
    } catch (error) {
      request.log.error({ err: error, issuer: settings.issuer }, 'OpenID Connect discovery failed');
      throw new OidcSignInError(settings.label, { cause: error });
    }
    const flow: Flow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      next: safeNext(next),
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    setFlowCookie(reply, Buffer.from(JSON.stringify(flow)).toString('base64url'), flowSeconds);
    return reply.redirect(url.href, 303);
  });

  app.get('/sign-in/oidc/callback', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const flow = readFlow(parseCookies(request.headers.cookie).get(oidcCookieName));
    // One use: whatever happens next, the flow's cookie goes.
    setFlowCookie(reply, '', 0);
    if (!flow) {
      request.log.warn('OpenID Connect callback without a flow cookie');
      throw new OidcSignInError(settings.label);
    }
    const currentUrl = new URL(redirectUri);
    currentUrl.search = new URL(request.url, 'http://callback.invalid').search;
    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(await provider(), currentUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      request.log.warn({ err: error }, 'OpenID Connect sign-in refused');
      throw new OidcSignInError(settings.label, { cause: error });
    }
    if (!claims) throw new OidcSignInError(settings.label);
    const identity = { issuer: claims.iss, subject: claims.sub };
    const email = typeof claims.email === 'string' ? normaliseEmail(claims.email) : undefined;
    const emailTrusted = claims.email_verified === true || settings.trustEmail;

    const userId = await database.db.transaction(async (trx) => {
      await trx.execute(sql`select pg_advisory_xact_lock(${OIDC_LINK_LOCK})`);
      const [linked] = await trx
        .select({ id: users.id, disabledAt: users.disabledAt })
        .from(users)
        .where(and(eq(users.oidcIssuer, identity.issuer), eq(users.oidcSubject, identity.subject)))
        .limit(1);
      if (linked) return linked.disabledAt === null ? linked.id : undefined;
      if (!email || !emailTrusted) return undefined;
      const [byEmail] = await trx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, email), isNull(users.disabledAt), isNull(users.oidcSubject)))
        .limit(1);
      if (!byEmail) return undefined;
      await linkOidcSubject(trx, byEmail.id, identity.issuer, identity.subject);
      return byEmail.id;
    });
    if (userId === undefined) {
      request.log.info({ issuer: identity.issuer, emailTrusted }, 'OpenID Connect sign-in: no account');
      throw new OidcNoAccountError();
    }
    const session = await database.db.transaction(async (trx) => {
      const created = await createSession(trx, userId, options.sessionSeconds);
      await recordAudit(trx, {
        actorUserId: userId,
        organisationId: null,
        entity: 'users',
        entityId: userId,
        action: 'sign-in',
        reason: 'openid-connect',
      });
      return created;
    });
    setSessionCookie(reply, session.token, options.sessionSeconds, options.secureCookies);
    return reply.redirect(flow.next, 303);
  });
}
