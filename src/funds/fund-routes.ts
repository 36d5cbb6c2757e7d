import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { fundingAgreementRoutes } from './funding-agreement-routes.js';
import { postingRoutes } from './posting-routes.js';
import { publicFundRoutes } from './public-fund-routes.js';
import { staffFundRoutes } from './staff-fund-routes.js';

/**
 * The pooled funds: the public report (/funds, /funds/{id} and its CSVs) and the staff pages (/staff/funds:
 * funds, years, postings and funding agreements). See docs/funds.md.
 */
export async function fundRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  await app.register(publicFundRoutes, options);
  await app.register(staffFundRoutes, options);
  await app.register(postingRoutes, options);
  await app.register(fundingAgreementRoutes, options);
}
