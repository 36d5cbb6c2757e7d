import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app/create-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * Every state-changing route of the application, with the access-matrix test that tries it as every person
 * (and signed out) and checks it is allowed or forbidden as specified. A POST route added without a line
 * here fails this test, so no write escapes the matrix.
 */
const matrix: Record<string, string> = {
  'POST /sign-in': 'staff-sessions.test.ts, people-access.test.ts',
  'POST /sign-out': 'staff-sessions.test.ts',
  'POST /password-reset': 'people-access.test.ts',
  'POST /password-reset/:token': 'people-access.test.ts',
  'POST /admin/organisations': 'people-access.test.ts',
  'POST /admin/organisations/:slug/rename': 'people-access.test.ts',
  'POST /admin/organisations/:slug/archive': 'people-access.test.ts',
  'POST /admin/organisations/:slug/restore': 'people-access.test.ts',
  'POST /admin/people': 'people-access.test.ts',
  'POST /admin/people/:id/disable': 'people-access.test.ts',
  'POST /admin/people/:id/enable': 'people-access.test.ts',
  'POST /admin/people/:id/clear-lockout': 'people-access.test.ts',
  'POST /admin/people/:id/make-platform-admin': 'people-access.test.ts',
  'POST /admin/people/:id/unmake-platform-admin': 'people-access.test.ts',
  'POST /admin/people/:id/send-reset-link': 'people-access.test.ts',
  'POST /admin/people/:id/memberships': 'people-access.test.ts',
  'POST /admin/people/:id/memberships/:slug/revoke': 'people-access.test.ts',
  'POST /staff/organisations/:slug/members': 'people-access.test.ts',
  'POST /staff/organisations/:slug/members/:userId/role': 'people-access.test.ts',
  'POST /staff/organisations/:slug/members/:userId/revoke': 'people-access.test.ts',
  'POST /staff/decisions': 'decisions-access.test.ts',
  'POST /staff/decisions/:id': 'decisions-access.test.ts',
  'POST /staff/decisions/:id/expenditures': 'decisions-access.test.ts',
  'POST /staff/decisions/:id/expenditures/:lineId/remove': 'decisions-access.test.ts',
  'POST /staff/decisions/:id/risks': 'decisions-access.test.ts',
  'POST /staff/decisions/:id/risks/:lineId/remove': 'decisions-access.test.ts',
  'POST /staff/decisions/:id/milestones': 'decisions-access.test.ts',
  'POST /staff/decisions/:id/milestones/:lineId/remove': 'decisions-access.test.ts',
  'POST /staff/decisions/:id/relations': 'decisions-access.test.ts',
  'POST /staff/decisions/:id/relations/:relatedId/remove': 'decisions-access.test.ts',
  'POST /staff/decisions/:id/documents': 'decisions-access.test.ts',
  'POST /staff/decisions/:id/submit': 'decisions-access.test.ts, decision-workflow.test.ts',
  'POST /staff/decisions/:id/approve': 'decisions-access.test.ts, decision-workflow.test.ts',
  'POST /staff/decisions/:id/return': 'decisions-access.test.ts, decision-workflow.test.ts',
  'POST /staff/decisions/:id/resubmit': 'decisions-access.test.ts, decision-workflow.test.ts',
  'POST /staff/decisions/:id/sign': 'decisions-access.test.ts, decision-workflow.test.ts',
  'POST /staff/decisions/:id/publish': 'decisions-access.test.ts, decision-workflow.test.ts',
  'POST /staff/decisions/:id/defer': 'decisions-access.test.ts, decision-workflow.test.ts',
  'POST /staff/decisions/:id/withdraw': 'decisions-access.test.ts, decision-workflow.test.ts',
  'POST /staff/funds': 'funds-access.test.ts',
  'POST /staff/funds/:fundId/years': 'funds-access.test.ts',
  'POST /staff/funds/:fundId/years/:year/close': 'funds-access.test.ts',
  'POST /staff/funds/:fundId/pledges': 'funds-access.test.ts',
  'POST /staff/funds/:fundId/receipts': 'funds-access.test.ts',
  'POST /staff/funds/:fundId/allocations': 'funds-access.test.ts',
  'POST /staff/funds/:fundId/deallocations': 'funds-access.test.ts',
  'POST /staff/funds/:fundId/payments': 'funds-access.test.ts',
  'POST /staff/funds/:fundId/agreements': 'funds-access.test.ts',
  'POST /staff/funds/:fundId/agreements/:agreementId/execute': 'funds-access.test.ts',
  'POST /staff/funds/:fundId/agreements/:agreementId/terminate': 'funds-access.test.ts',
  'POST /staff/programmes': 'programmes-risks-boards-access.test.ts',
  'POST /staff/programmes/:id/edit': 'programmes-risks-boards-access.test.ts',
  'POST /staff/programmes/:id/milestones': 'programmes-risks-boards-access.test.ts',
  'POST /staff/programmes/:id/milestones/:milestoneId/edit': 'programmes-risks-boards-access.test.ts',
  'POST /staff/programmes/:id/updates': 'programmes-risks-boards-access.test.ts',
  'POST /staff/programmes/:id/decisions': 'programmes-risks-boards-access.test.ts',
  'POST /staff/programmes/:id/decisions/:decisionId/unlink': 'programmes-risks-boards-access.test.ts',
  'POST /staff/programmes/:id/indicators': 'programmes-risks-boards-access.test.ts',
  'POST /staff/programmes/:id/indicators/:indicatorId/unlink': 'programmes-risks-boards-access.test.ts',
  'POST /staff/programmes/:id/archive': 'programmes-risks-boards-access.test.ts',
  'POST /risks': 'programmes-risks-boards-access.test.ts',
  'POST /risks/:id/edit': 'programmes-risks-boards-access.test.ts',
  'POST /risks/:id/rerate': 'programmes-risks-boards-access.test.ts',
  'POST /risks/:id/close': 'programmes-risks-boards-access.test.ts',
  'POST /risks/:id/archive': 'programmes-risks-boards-access.test.ts',
  'POST /staff/boards': 'programmes-risks-boards-access.test.ts',
  'POST /staff/boards/:id/edit': 'programmes-risks-boards-access.test.ts',
  'POST /staff/boards/:id/members': 'programmes-risks-boards-access.test.ts',
  'POST /staff/boards/:id/members/:memberId/end': 'programmes-risks-boards-access.test.ts',
  'POST /staff/boards/:id/meetings': 'programmes-risks-boards-access.test.ts',
  'POST /staff/meetings/:id/edit': 'programmes-risks-boards-access.test.ts',
  'POST /staff/meetings/:id/agenda': 'programmes-risks-boards-access.test.ts',
  'POST /staff/meetings/:id/actions': 'programmes-risks-boards-access.test.ts',
  'POST /staff/meetings/:id/decisions': 'programmes-risks-boards-access.test.ts',
  'POST /staff/actions/:id/status': 'programmes-risks-boards-access.test.ts',
};

/** The full paths of Fastify's printed route tree (each level indented four characters). */
function routesOf(tree: string, method: string): string[] {
  const found: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+) \(([A-Z, ]+)\)$/.exec(line) ?? /^()(\S+) \(([A-Z, ]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    if (m[3]!.split(', ').includes(method)) found.push(stack.join(''));
  }
  return found;
}

describe('every write route is in an access matrix', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  before(async () => {
    t = await createTestDatabase('pglite');
    app = await createApp(t.config, { database: t.database });
    await app.ready();
  });
  after(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it("lists exactly the application's POST routes, and no PUT, PATCH or DELETE routes exist", () => {
    const posts = routesOf(app.printRoutes({ commonPrefix: false, method: 'POST' }), 'POST').map(
      (p) => `POST ${p}`,
    );
    assert.ok(posts.length > 50, 'the route tree was read');
    assert.deepEqual([...posts].sort(), Object.keys(matrix).sort());
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      assert.deepEqual(routesOf(app.printRoutes({ commonPrefix: false, method }), method), [], method);
    }
  });
});
