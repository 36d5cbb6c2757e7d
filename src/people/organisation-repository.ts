import { eq } from 'drizzle-orm';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/db.js';
import { OrganisationSlugTakenError } from './organisation-slug-taken-error.js';
import { type organisationKinds, organisations } from './organisations-table.js';

export type OrganisationKind = (typeof organisationKinds)[number];

export interface NewOrganisation {
  readonly slug: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly areaCode: string | null;
}

async function auditView(db: Db, id: number) {
  const [row] = await db
    .select({
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      areaCode: organisations.areaCode,
      archivedAt: organisations.archivedAt,
    })
    .from(organisations)
    .where(eq(organisations.id, id))
    .limit(1);
  return row;
}

/** Adds an organisation (ORGANISATION_SLUG_TAKEN when the short name is used, archived or not); audited. */
export async function createOrganisation(
  db: Db,
  actorUserId: number | null,
  organisation: NewOrganisation,
): Promise<number> {
  const [row] = await db
    .insert(organisations)
    .values({ ...organisation, name: organisation.name.trim() })
    .onConflictDoNothing({ target: organisations.slug })
    .returning({ id: organisations.id });
  if (!row) throw new OrganisationSlugTakenError(organisation.slug);
  await recordAudit(db, {
    actorUserId,
    organisationId: row.id,
    entity: 'organisations',
    entityId: row.id,
    action: 'create',
    after: await auditView(db, row.id),
  });
  return row.id;
}

async function changeOrganisation(
  db: Db,
  actorUserId: number | null,
  id: number,
  action: string,
  change: Partial<typeof organisations.$inferInsert>,
): Promise<void> {
  const before = await auditView(db, id);
  if (!before) throw new PageNotFoundError(`no organisation ${id}`);
  await db.update(organisations).set(change).where(eq(organisations.id, id));
  await recordAudit(db, {
    actorUserId,
    organisationId: id,
    entity: 'organisations',
    entityId: id,
    action,
    before,
    after: await auditView(db, id),
  });
}

/** Renames an organisation (its short name, used in URLs, stays). */
export async function renameOrganisation(
  db: Db,
  actorUserId: number | null,
  id: number,
  name: string,
): Promise<void> {
  await changeOrganisation(db, actorUserId, id, 'update', { name: name.trim() });
}

/**
 * Archives an organisation (its records stay; its members' roles stop counting, as sessions ignore archived
 * organisations) or restores it.
 */
export async function setOrganisationArchived(
  db: Db,
  actorUserId: number | null,
  id: number,
  archived: boolean,
): Promise<void> {
  const now = await auditView(db, id);
  if (!now) throw new PageNotFoundError(`no organisation ${id}`);
  if ((now.archivedAt !== null) === archived) return;
  await changeOrganisation(db, actorUserId, id, archived ? 'archive' : 'restore', {
    archivedAt: archived ? new Date() : null,
  });
}
