import type { FastifyReply, FastifyRequest } from 'fastify';
import { SignInRequiredError } from '../errors/sign-in-required-error.js';
import type { StaffUser } from './staff-user.js';

/**
 * A preHandler for staff-only routes: a signed-out browser asking for a page is sent to sign in and brought
 * back (303 to /sign-in?next=...); anything else gets 401 SIGN_IN_REQUIRED.
 */
export async function requireStaff(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.staff) return;
  if (request.method === 'GET' && !request.url.startsWith('/api/')) {
    await reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
    return;
  }
  throw new SignInRequiredError();
}

/** The signed-in person of a route behind requireStaff. */
export function staffOf(request: FastifyRequest): StaffUser {
  if (!request.staff) throw new SignInRequiredError();
  return request.staff;
}
