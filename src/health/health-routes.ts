import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';

/**
 * GET /healthz for load balancers and monitoring: 200 when the database answers, 503 otherwise, JSON either
 * way and never cached.
 */
export async function healthRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  app.get('/healthz', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const started = performance.now();
    try {
      await options.database.ping();
      return {
        status: 'ok',
        database: {
          status: 'ok',
          kind: options.database.kind,
          latencyMs: Math.round(performance.now() - started),
        },
      };
    } catch (error) {
      request.log.warn({ err: error }, 'health check: database unavailable');
      reply.code(503);
      return {
        status: 'unhealthy',
        database: { status: 'unavailable', kind: options.database.kind, code: 'DATABASE_UNAVAILABLE' },
      };
    }
  });
}
