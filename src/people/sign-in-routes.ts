import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formErrors, formErrorsOf } from '../app/form-errors.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Database } from '../db/database.js';
import { authenticate, lockoutMinutes } from './authenticate.js';
import { rateLimited } from './rate-limited-message.js';
import type { RateLimiter } from './rate-limiter.js';
import { requireStaff } from './require-staff.js';
import { createSession, endSession } from './session-repository.js';
import { setSessionCookie } from './staff-auth.js';

const signInForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .max(320, 'Email address must be 320 characters or fewer')
    .email('Enter an email address in the correct format, like name@example.org'),
  password: z.string().min(1, 'Enter your password').max(1024, 'Password must be 1,024 characters or fewer'),
  next: z.string().optional(),
});

/** Only a path on this site: an open redirect would let a phishing link bounce through sign-in. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(next) ? next : '/staff';
}

/**
 * GET/POST /sign-in (email and password, with the lockout of authenticate), POST /sign-out, and /staff (the
 * workspace's front page: the person's organisations and roles). `failedSignIns` limits failed attempts per
 * client address (successful ones are not counted: a whole office behind one address signs in at 9am);
 * `signInLinks` are the other ways in (OpenID Connect).
 */
export async function signInRoutes(
  app: FastifyInstance,
  options: {
    database: Database;
    sessionSeconds: number;
    secureCookies: boolean;
    signInNotice?: string;
    failedSignIns?: RateLimiter;
    signInLinks?: (next: string) => readonly { href: string; text: string }[];
  },
): Promise<void> {
  const { database } = options;
  const links = (next: string) => options.signInLinks?.(next) ?? [];

  app.get('/sign-in', async (request, reply) => {
    const { next } = request.query as { next?: string };
    if (request.staff) return reply.redirect(safeNext(next), 303);
    reply.header('cache-control', 'no-store');
    return reply.view('people/sign-in.njk', {
      title: 'Sign in',
      next: safeNext(next),
      values: {},
      signInLinks: links(safeNext(next)),
    });
  });

  app.post('/sign-in', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = signInForm.safeParse(body);
    const next = safeNext(body.next);
    const values = { email: typeof body.email === 'string' ? body.email : '' };
    const signInLinks = links(next);
    const limit = options.failedSignIns?.state(request.ip);
    if (limit?.limited) {
      request.log.warn({ ip: request.ip }, 'sign-in refused: too many failures from this address');
      const message = rateLimited(reply, limit, 'Too many failed sign-ins from your network');
      return reply.view('people/sign-in.njk', {
        title: 'Sign in',
        next,
        values,
        signInLinks,
        errors: formErrorsOf({ email: message }),
      });
    }
    if (!parsed.success) {
      return reply.code(400).view('people/sign-in.njk', {
        title: 'Sign in',
        next,
        values,
        signInLinks,
        errors: formErrors(parsed.error),
      });
    }
    const result = await authenticate(database.db, parsed.data.email, parsed.data.password);
    if (result.outcome !== 'signed-in') {
      options.failedSignIns?.record(request.ip);
      const message =
        result.outcome === 'locked'
          ? `Too many failed attempts: this account is locked for ${lockoutMinutes} minutes. Try again later or reset your password`
          : 'Enter a correct email address and password';
      request.log.info({ outcome: result.outcome }, 'sign-in refused');
      return reply.code(result.outcome === 'locked' ? 429 : 401).view('people/sign-in.njk', {
        title: 'Sign in',
        next,
        values,
        signInLinks,
        errors: formErrorsOf({ email: message }),
      });
    }
    const session = await database.db.transaction(async (trx) => {
      const created = await createSession(trx, result.userId, options.sessionSeconds);
      await recordAudit(trx, {
        actorUserId: result.userId,
        organisationId: null,
        entity: 'users',
        entityId: result.userId,
        action: 'sign-in',
      });
      return created;
    });
    setSessionCookie(reply, session.token, options.sessionSeconds, options.secureCookies);
    return reply.redirect(next, 303);
  });

  app.post('/sign-out', async (request, reply) => {
    if (request.sessionToken) await endSession(database.db, request.sessionToken);
    setSessionCookie(reply, '', 0, options.secureCookies);
    return reply.redirect('/', 303);
  });

  app.get('/staff', { preHandler: requireStaff }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return reply.view('people/staff.njk', { title: 'Staff workspace', user: request.staff });
  });
}
