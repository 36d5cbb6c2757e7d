import type { FastifyInstance } from 'fastify';
import { boardRoutes } from '../boards/board-routes.js';
import { boardStaffRoutes } from '../boards/board-staff-routes.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { riskRoutes } from '../risks/risk-routes.js';
import { programmeRoutes } from './programme-routes.js';
import { programmeStaffRoutes } from './programme-staff-routes.js';

/**
 * Programmes, the risk register (rated with the configured RISK_BANDING) and boards: their public pages and
 * their staff pages, as one plugin. Staff pages and any page seen signed in are never stored by a browser or
 * proxy (they show a person's own view).
 */
export async function programmesRisksBoardsRoutes(
  app: FastifyInstance,
  options: { database: Database; config: Pick<Config, 'riskBanding'> },
): Promise<void> {
  app.addHook('onSend', async (request, reply) => {
    if (request.staff || request.url.startsWith('/staff') || request.url.startsWith('/risks'))
      reply.header('cache-control', 'no-store');
  });
  await app.register(programmeRoutes, { database: options.database });
  await app.register(programmeStaffRoutes, { database: options.database });
  await app.register(riskRoutes, { database: options.database, riskBanding: options.config.riskBanding });
  await app.register(boardRoutes, { database: options.database });
  await app.register(boardStaffRoutes, { database: options.database });
}
