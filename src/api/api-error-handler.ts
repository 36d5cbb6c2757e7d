import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isConnectionError } from '../db/is-connection-error.js';
import { AppError } from '../errors/app-error.js';
import { ApiParameterError } from './api-parameter-error.js';

/**
 * The API's error handler, scoped to its plugin: every error is JSON `{ code, message, parameter?, requestId }`
 * and never cached, since an error may pass (a database back up, a value loaded) while a cached 404 would
 * linger. Unexpected errors keep their detail in the log, not the body.
 */
export function apiErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  reply.header('cache-control', 'no-store');
  if (isConnectionError(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return reply
      .code(503)
      .header('retry-after', '30')
      .send({ code: 'DATABASE_UNAVAILABLE', message: 'the database is unavailable', requestId: request.id });
  }
  const status = error instanceof AppError ? error.statusCode : (error.statusCode ?? 500);
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
    return reply
      .code(status)
      .send({ code: 'INTERNAL_ERROR', message: 'internal error', requestId: request.id });
  }
  return reply.code(status).send({
    code: error instanceof AppError ? error.code : (error.code ?? 'BAD_REQUEST'),
    message: error.message,
    ...(error instanceof ApiParameterError ? { parameter: error.parameter } : {}),
    requestId: request.id,
  });
}
