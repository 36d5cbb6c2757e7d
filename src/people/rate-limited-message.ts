import type { FastifyReply } from 'fastify';
import type { RateLimitState } from './rate-limiter.js';

/** Sets 429 and Retry-After for a refused attempt and says, for the error summary, how long to wait. */
export function rateLimited(reply: FastifyReply, state: RateLimitState, what: string): string {
  reply.code(429).header('retry-after', String(state.retryAfterSeconds));
  const minutes = Math.ceil(state.retryAfterSeconds / 60);
  return `${what}: wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and try again`;
}
