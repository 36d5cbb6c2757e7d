import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/db/db.js';
import { queryRows } from '../../src/db/query-rows.js';
import { decisions } from '../../src/decisions/decisions-table.js';
import { indicators } from '../../src/indicators/indicators-table.js';
import { formBody, type StaffAgent } from './staff-fixtures.js';

/** An indicator to link programmes to. */
export async function insertIndicator(db: Db, id: number, name: string): Promise<void> {
  await db.insert(indicators).values({ id, name, valueType: 'proportion' });
}

/** A decision as the decisions feature would store it, in the given status. */
export async function insertDecision(
  db: Db,
  organisationId: number,
  reference: string,
  status: 'draft' | 'approved' | 'published' | 'deferred',
  options: { isDemo?: boolean } = {},
): Promise<number> {
  const [row] = await db
    .insert(decisions)
    .values({
      organisationId,
      reference,
      type: 'MD',
      title: `Decision ${reference}`,
      status,
      isDemo: options.isDemo ?? false,
    })
    .returning({ id: decisions.id });
  return row!.id;
}

// Every table of the three features and the audit log: what a refused request must leave as it was.
const featureTables = [
  'programmes',
  'programme_milestones',
  'programme_updates',
  'programme_decisions',
  'programme_indicators',
  'risks',
  'risk_ratings',
  'boards',
  'board_members',
  'meetings',
  'agenda_items',
  'meeting_decisions',
  'meeting_actions',
  'audit_events',
] as const;

/** The whole content of the features' tables and the audit log, as one text to compare before and after. */
export async function featureSnapshot(db: Db): Promise<string> {
  const parts = featureTables.map(
    (table) => `'${table}', (select coalesce(json_agg(t order by t::text), '[]'::json) from ${table} t)`,
  );
  const [row] = await queryRows<{ snapshot: string }>(
    db,
    sql.raw(`select json_build_object(${parts.join(', ')})::text as snapshot`),
  );
  return row!.snapshot;
}

/** The number of rows in a table. */
export async function rowCount(db: Db, table: (typeof featureTables)[number]): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`));
  return Number(row!.n);
}

/** The audit entries of one record, oldest first. */
export async function auditOf(db: Db, entity: string, entityId: number | string) {
  return queryRows<{
    action: string;
    actor_user_id: number | null;
    before: unknown;
    after: unknown;
    reason: string | null;
  }>(
    db,
    sql`select action, actor_user_id, before, after, reason from audit_events where entity = ${entity} and entity_id = ${String(entityId)} order by id`,
  );
}

/** POSTs a form as `agent`, asking for JSON so that a refusal answers with its code. */
export function postForJson(
  app: FastifyInstance,
  agent: StaffAgent,
  url: string,
  form: Record<string, string>,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      ...(agent.cookie ? { cookie: agent.cookie } : {}),
    },
    payload: formBody({ _csrf: agent.csrf, ...form }),
  });
}

/** The parts of a GOV.UK date input for a YYYY-MM-DD date. */
export function dateFields(name: string, iso: string): Record<string, string> {
  const [year, month, day] = iso.split('-');
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year!,
  };
}
