import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { auditEvents } from '../audit/audit-events-table.js';
import type { Db } from '../db/db.js';
import { users } from '../people/users-table.js';

/** One entry of a record's history as its staff page shows it. */
export interface AuditTrailEntry {
  readonly id: number;
  readonly occurredAt: Date;
  readonly actor: string;
  readonly entity: string;
  readonly entityId: string;
  readonly action: string;
  readonly reason: string | null;
  /** Each field that changed, as "field: before → after"; for a creation, nothing. */
  readonly changes: readonly string[];
}

// Timestamps the database keeps itself: that they moved says nothing the entry's own time does not.
const housekeeping = new Set(['updatedAt', 'createdAt']);

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function changesOf(before: unknown, after: unknown): string[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  if (before === null || before === undefined) return [];
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !housekeeping.has(k));
  return keys
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((k) => `${k}: ${shown(b[k])} → ${shown(a[k])}`);
}

/**
 * The audit log's entries for some records (each an entity, the table, and its ids), newest first, with who
 * made each and what changed: the history a staff page shows under a record.
 */
export async function auditTrail(
  db: Db,
  subjects: readonly { readonly entity: string; readonly ids: readonly (string | number)[] }[],
): Promise<AuditTrailEntry[]> {
  const conditions = subjects
    .filter((s) => s.ids.length > 0)
    .map((s) => and(eq(auditEvents.entity, s.entity), inArray(auditEvents.entityId, s.ids.map(String))));
  if (conditions.length === 0) return [];
  const rows = await db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      actorName: users.name,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      action: auditEvents.action,
      before: auditEvents.before,
      after: auditEvents.after,
      reason: auditEvents.reason,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(or(...conditions))
    .orderBy(desc(auditEvents.id));
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurredAt,
    actor: r.actorName ?? 'healthhub (system)',
    entity: r.entity,
    entityId: r.entityId,
    action: r.action,
    reason: r.reason,
    changes: changesOf(r.before, r.after),
  }));
}
