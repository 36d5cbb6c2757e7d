import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import { CsrfTokenError } from '../errors/csrf-token-error.js';
import { parseCookies, serializeCookie } from './cookies.js';
import { csrfTokensMatch, sessionCsrfToken } from './csrf.js';
import { findSession, newToken, touchSession } from './session-repository.js';
import type { StaffUser } from './staff-user.js';

export const sessionCookieName = 'healthhub_session';
export const visitorCsrfCookieName = 'healthhub_csrf';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, when the request carries a live session. */
    staff: StaffUser | undefined;
    /** The session's token, for signing out. */
    sessionToken: string | undefined;
    /** The CSRF token to put in a form (`_csrf`): the session's, or a signed-out visitor's own. */
    csrfToken(): string;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const touchEveryMs = 60_000;

/**
 * Sessions and CSRF for the whole application, on the root instance so every route sees them. A request's
 * session cookie is looked up in PostgreSQL (only the token's hash is stored) and the person's roles read
 * afresh; every unsafe request outside the read-only JSON API must carry the CSRF token (form field `_csrf`
 * or header `x-csrf-token`) of its session, or, signed out (the sign-in form), the double-submit token of
 * the visitor's own SameSite=Strict cookie.
 */
export function registerStaffAuth(
  app: FastifyInstance,
  options: { database: Database; secureCookies: boolean },
): void {
  const { database } = options;
  app.decorateRequest('staff', undefined);
  app.decorateRequest('sessionToken', undefined);
  const pendingCookie = new WeakMap<FastifyRequest, string>();
  const expectedToken = new WeakMap<FastifyRequest, string>();
  app.decorateRequest('csrfToken', function (this: FastifyRequest) {
    const known = expectedToken.get(this);
    if (known) return known;
    const token = newToken();
    expectedToken.set(this, token);
    pendingCookie.set(
      this,
      serializeCookie(visitorCsrfCookieName, token, {
        maxAgeSeconds: 2 * 60 * 60,
        secure: options.secureCookies,
        sameSite: 'Strict',
      }),
    );
    return token;
  });

  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/assets/') || request.url.startsWith('/healthz')) return;
    const cookies = parseCookies(request.headers.cookie);
    const token = cookies.get(sessionCookieName);
    if (token) {
      const found = await findSession(database.db, token);
      if (found) {
        request.staff = found.user;
        request.sessionToken = token;
        expectedToken.set(request, sessionCsrfToken(found.csrfSecret));
        if (Date.now() - found.lastSeenAt.getTime() > touchEveryMs) await touchSession(database.db, token);
        return;
      }
    }
    const visitor = cookies.get(visitorCsrfCookieName);
    if (visitor && visitor.length >= 32) expectedToken.set(request, visitor);
  });

  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!unsafeMethods.has(request.method) || request.url.startsWith('/api/')) return;
    const expected = expectedToken.get(request);
    const body = request.body as Record<string, unknown> | undefined;
    const submitted =
      (body && typeof body === 'object' ? body._csrf : undefined) ?? request.headers['x-csrf-token'];
    if (!expected || !csrfTokensMatch(submitted, expected)) throw new CsrfTokenError();
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply) => {
    const cookie = pendingCookie.get(request);
    if (cookie) reply.header('set-cookie', appendCookie(reply.getHeader('set-cookie'), cookie));
  });
}

function appendCookie(existing: unknown, cookie: string): string[] {
  if (existing === undefined) return [cookie];
  return [...(Array.isArray(existing) ? existing.map(String) : [String(existing)]), cookie];
}

/** Sets the session cookie (sign-in) or clears it (sign-out, lifetime 0). */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  lifetimeSeconds: number,
  secure: boolean,
): void {
  reply.header(
    'set-cookie',
    appendCookie(
      reply.getHeader('set-cookie'),
      serializeCookie(sessionCookieName, token, { maxAgeSeconds: lifetimeSeconds, secure, sameSite: 'Lax' }),
    ),
  );
}
