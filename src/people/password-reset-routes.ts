import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { formErrors, formErrorsOf } from '../app/form-errors.js';
import type { Database } from '../db/database.js';
import { newPassword } from './new-password.js';
import { hashPassword } from './password-hash.js';
import type { PasswordResetMailer } from './password-reset-mailer.js';
import {
  consumePasswordReset,
  findUsablePasswordReset,
  passwordResetMinutes,
} from './password-reset-repository.js';
import { findPersonByEmail } from './people-queries.js';
import { setPassword } from './people-repository.js';
import { rateLimited } from './rate-limited-message.js';
import type { RateLimiter } from './rate-limiter.js';
import { sendPasswordResetLink } from './send-password-reset-link.js';

const requestForm = z.object({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, 'Enter your email address')
    .max(320, 'Email address must be 320 characters or fewer')
    .email('Enter an email address in the correct format, like name@example.org'),
});

const chooseForm = z
  .object({
    password: newPassword,
    confirm: z.string({ error: 'Enter the password again' }).min(1, 'Enter the password again'),
  })
  .refine((f) => f.password === f.confirm, { path: ['confirm'], message: 'Enter the same password twice' });

// newToken(): 32 random bytes as base64url.
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/**
 * /password-reset: ask for a link by email (the answer is the same whether or not the account exists), and
 * /password-reset/{token}: choose a new password with it (once, within the hour). Requests count against
 * the client address's limit and the email's. Choosing needs no limit: a token cannot be guessed (32 random
 * bytes), and only a valid one gets as far as hashing a password.
 */
export async function passwordResetRoutes(
  app: FastifyInstance,
  options: {
    database: Database;
    mailer: PasswordResetMailer;
    addressLimiter: RateLimiter;
    emailLimiter: RateLimiter;
  },
): Promise<void> {
  const { database, mailer } = options;
  const minutes = passwordResetMinutes;

  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get('/password-reset', async (_request, reply) =>
    reply.view('people/password-reset-request.njk', {
      title: 'Reset your password',
      available: mailer.available,
      minutes,
      values: {},
    }),
  );

  app.post('/password-reset', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { email: typeof body.email === 'string' ? body.email : '' };
    const page = (errors?: unknown, status?: number) =>
      (status ? reply.code(status) : reply).view('people/password-reset-request.njk', {
        title: 'Reset your password',
        available: mailer.available,
        minutes,
        values,
        errors,
      });
    if (!mailer.available) return page(undefined, 503);
    const byAddress = options.addressLimiter.take(request.ip);
    if (byAddress.limited) {
      return page(
        formErrorsOf({ email: rateLimited(reply, byAddress, 'Too many requests from your network') }),
      );
    }
    const parsed = requestForm.safeParse(body);
    if (!parsed.success) return page(formErrors(parsed.error), 400);
    const email = parsed.data.email.toLowerCase();
    const byEmail = options.emailLimiter.take(email);
    if (byEmail.limited) {
      return page(
        formErrorsOf({ email: rateLimited(reply, byEmail, 'Too many links asked for this email') }),
      );
    }
    const person = await findPersonByEmail(database.db, email);
    if (person && person.disabledAt === null) {
      await sendPasswordResetLink(database, mailer, request.log, {
        userId: person.id,
        email: person.email,
        actorUserId: null,
      });
    }
    return reply.view('people/password-reset-sent.njk', { title: 'Check your email', email, minutes });
  });

  const invalid = (reply: FastifyReply) =>
    reply
      .code(404)
      .view('people/password-reset-invalid.njk', { title: 'This link no longer works', minutes });

  app.get('/password-reset/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    const reset = tokenPattern.test(token) ? await findUsablePasswordReset(database.db, token) : undefined;
    if (!reset) return invalid(reply);
    return reply.view('people/password-reset-choose.njk', {
      title: 'Choose a new password',
      token,
      email: reset.email,
    });
  });

  app.post('/password-reset/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    const reset = tokenPattern.test(token) ? await findUsablePasswordReset(database.db, token) : undefined;
    if (!reset) return invalid(reply);
    const page = (errors: unknown, status?: number) =>
      (status ? reply.code(status) : reply).view('people/password-reset-choose.njk', {
        title: 'Choose a new password',
        token,
        email: reset.email,
        errors,
      });
    const parsed = chooseForm.safeParse(request.body ?? {});
    if (!parsed.success) return page(formErrors(parsed.error), 400);
    const passwordHash = await hashPassword(parsed.data.password);
    const changed = await database.db.transaction(async (trx) => {
      const userId = await consumePasswordReset(trx, token);
      if (userId === undefined) return false;
      await setPassword(trx, userId, userId, passwordHash, 'reset-password');
      return true;
    });
    if (!changed) return invalid(reply);
    return reply.view('people/password-reset-done.njk', { title: 'Your password has been changed' });
  });
}
