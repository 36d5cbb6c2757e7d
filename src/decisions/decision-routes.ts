import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import { decisionLineRoutes } from './decision-line-routes.js';
import { DecisionNotEditableError } from './decision-not-editable-error.js';
import { decisionRegisterRoutes } from './decision-register-routes.js';
import { DecisionStatusConflictError } from './decision-status-conflict-error.js';
import { decisionWorkflowRoutes } from './decision-workflow-routes.js';
import { staffDecisionRoutes } from './staff-decision-routes.js';

function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return !(accept.includes('application/json') && !accept.includes('text/html'));
}

/**
 * Decisions: the staff workspace (/staff/decisions: records, lines, workflow, signed forms) and the public
 * register (/decisions and its downloads). The JSON API's decisions are in api-routes. A browser asking to
 * change a decision that is fixed, or that moved on, gets a page saying so (409); everything else goes to
 * the application's error handler.
 */
export async function decisionRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (
      (error instanceof DecisionNotEditableError || error instanceof DecisionStatusConflictError) &&
      wantsHtml(request)
    ) {
      const id = /^\/staff\/decisions\/([0-9]+)/.exec(request.url)?.[1];
      return reply
        .code(409)
        .header('cache-control', 'no-store')
        .view('decisions/decision-conflict.njk', {
          title: 'This decision cannot be changed now',
          message: error.message,
          decisionHref: id ? `/staff/decisions/${id}` : null,
        });
    }
    throw error;
  });
  await app.register(staffDecisionRoutes, options);
  await app.register(decisionLineRoutes, options);
  await app.register(decisionWorkflowRoutes, options);
  await app.register(decisionRegisterRoutes, options);
}
