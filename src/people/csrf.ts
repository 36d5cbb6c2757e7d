import { createHmac, timingSafeEqual } from 'node:crypto';

/** The CSRF token of a session: derived from its secret, so it needs no storage and dies with the session. */
export function sessionCsrfToken(csrfSecret: string): string {
  return createHmac('sha256', csrfSecret).update('healthhub csrf v1').digest('base64url');
}

/** Constant-time comparison of a submitted token with the expected one. */
export function csrfTokensMatch(submitted: unknown, expected: string): boolean {
  if (typeof submitted !== 'string' || submitted.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(submitted), Buffer.from(expected));
}
