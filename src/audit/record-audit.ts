import type { Db } from '../db/db.js';
import { auditEvents } from './audit-events-table.js';

/** One entry of the audit log; `before` is absent for a creation, `after` for nothing (nothing is deleted). */
export interface AuditEntry {
  readonly actorUserId: number | null;
  readonly organisationId: number | null;
  readonly entity: string;
  readonly entityId: string | number;
  readonly action: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly reason?: string | null;
}

// Dates and bigints as JSON: what the record would show, not what JSON.stringify would drop or throw on.
function plain(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(
    JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
      const original = this[key];
      if (Buffer.isBuffer(original)) return `${original.length} bytes`;
      return typeof v === 'bigint' ? v.toString() : v;
    }),
  );
}

/**
 * Appends to the audit log, in the caller's transaction: pass the `trx` the change was made in, so that the
 * change and its record commit together or not at all.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actorUserId: entry.actorUserId,
    organisationId: entry.organisationId,
    entity: entry.entity,
    entityId: String(entry.entityId),
    action: entry.action,
    before: plain(entry.before),
    after: plain(entry.after),
    reason: entry.reason ?? null,
  });
}
