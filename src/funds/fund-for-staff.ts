import type { FastifyRequest } from 'fastify';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import type { Db } from '../db/db.js';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { hasRole } from '../people/has-role.js';
import type { Role } from '../people/memberships-table.js';
import { staffOf } from '../people/require-staff.js';
import { type FundSummary, findFund } from './find-fund.js';

/** A record's id from a path: a positive serial, or the page is not found (the URL names nothing). */
export function pathId(value: unknown): number {
  const text = typeof value === 'string' ? value : '';
  if (!/^[1-9][0-9]{0,9}$/.test(text) || Number(text) > 2_147_483_647)
    throw new PageNotFoundError('no such record');
  return Number(text);
}

/**
 * The fund a staff route's `:fundId` names, once the signed-in person is known to hold at least `minimum` in the
 * organisation that holds it: 404 for no such fund, 403 FORBIDDEN (saying what role is needed) otherwise.
 */
export async function fundForStaff(
  db: Db,
  request: FastifyRequest,
  minimum: Role,
  doing: string,
): Promise<FundSummary> {
  const { fundId } = request.params as { fundId?: string };
  const fund = await findFund(db, pathId(fundId));
  if (!fund) throw new PageNotFoundError(`no fund ${fundId}`);
  if (!hasRole(staffOf(request), fund.organisationId, minimum))
    throw new ForbiddenError(
      `You need to be ${/^[aeiou]/.test(minimum) ? 'an' : 'a'} ${minimum} in ${fund.organisationName} to ${doing}`,
    );
  return fund;
}
