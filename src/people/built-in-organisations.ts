import { londonAreas } from '../areas/london-areas.js';
import type { Db } from '../db/db.js';
import type { organisationKinds } from './organisations-table.js';
import { organisations } from './organisations-table.js';

export interface BuiltInOrganisation {
  readonly slug: string;
  readonly name: string;
  readonly kind: (typeof organisationKinds)[number];
  readonly areaCode?: string;
}

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/^nhs /, '')
    .replace(/ integrated care board$/, ' icb')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * The partnership's organisations as public record names them: the partners, the secretariat, the 33
 * local authorities and the five ICBs (from the built-in geography), and the Race Equality Foundation (a
 * grant recipient in MD3326). Real facts, not demonstration data.
 */
export const builtInOrganisations: readonly BuiltInOrganisation[] = [
  { slug: 'gla', name: 'Greater London Authority', kind: 'partner', areaCode: 'E12000007' },
  { slug: 'nhs-england-london', name: 'NHS England (London region)', kind: 'partner' },
  { slug: 'london-councils', name: 'London Councils', kind: 'partner' },
  { slug: 'ohid-london', name: 'Office for Health Improvement and Disparities (London)', kind: 'partner' },
  { slug: 'ukhsa', name: 'UK Health Security Agency', kind: 'partner' },
  { slug: 'transformation-partners', name: 'Transformation Partners in Health and Care', kind: 'other' },
  { slug: 'race-equality-foundation', name: 'Race Equality Foundation', kind: 'voluntary' },
  ...londonAreas
    .filter((a) => a.areaType === 'icb')
    .map((a) => ({ slug: slugOf(a.name), name: a.name, kind: 'icb' as const, areaCode: a.code })),
  ...londonAreas
    .filter((a) => a.code.startsWith('E09'))
    .map((a) => ({ slug: slugOf(a.name), name: a.name, kind: 'local-authority' as const, areaCode: a.code })),
];

/** Inserts the built-in organisations that are missing (by slug); returns how many it inserted. */
export async function loadBuiltInOrganisations(db: Db): Promise<number> {
  const rows = await db
    .insert(organisations)
    .values(builtInOrganisations.map((o) => ({ ...o, areaCode: o.areaCode ?? null })))
    .onConflictDoNothing({ target: organisations.slug })
    .returning({ id: organisations.id });
  return rows.length;
}
