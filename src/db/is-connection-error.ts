import { DatabaseUnavailableError } from '../errors/database-unavailable-error.js';

const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);
// SQLSTATE class 08 (connection exception) and 57P0x (the server shutting down or starting up).
const unavailableStates = /^(08...|57P0[1-4])$/;
const unavailableMessages =
  /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Client was closed|PGlite is closed/i;

/**
 * True when an error (or any error in its cause chain, as Drizzle wraps driver errors) means the database
 * cannot be reached, as opposed to a bad query: such requests answer 503 and the pool recovers by itself.
 */
export function isConnectionError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 8; depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
    if (e instanceof AggregateError && e.errors.some(isConnectionError)) return true;
    if (typeof e === 'object') {
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string' && (socketCodes.has(code) || unavailableStates.test(code))) return true;
      const message = (e as { message?: unknown }).message;
      if (typeof message === 'string' && unavailableMessages.test(message)) return true;
      e = (e as { cause?: unknown }).cause;
    } else break;
  }
  return false;
}
