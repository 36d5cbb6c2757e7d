/**
 * areas.area_type by the entity prefix of an ONS GSS code (the first three characters), for areas an ONS
 * table names that the database does not know yet. Local authority districts of every kind (E06 unitary,
 * E07 non-metropolitan district, E08 metropolitan district, E09 London borough, W06, S12, N09) are
 * 'local-authority', as London's built-in boroughs are.
 */
const TYPES: Readonly<Record<string, string>> = {
  K02: 'uk',
  K03: 'great-britain',
  K04: 'england-and-wales',
  E92: 'country',
  W92: 'country',
  S92: 'country',
  N92: 'country',
  E12: 'region',
  E13: 'inner-outer-london',
  E10: 'county',
  E11: 'metropolitan-county',
  E06: 'local-authority',
  E07: 'local-authority',
  E08: 'local-authority',
  E09: 'local-authority',
  W06: 'local-authority',
  S12: 'local-authority',
  N09: 'local-authority',
  E54: 'icb',
  E38: 'sub-icb',
  E40: 'nhs-region',
  E01: 'lsoa',
  W01: 'lsoa',
  E02: 'msoa',
  W02: 'msoa',
  E05: 'ward',
  W05: 'ward',
};

/** The area type of a GSS code (such as E09000001); any prefix not listed is `gss-<prefix>`, e.g. gss-e14. */
export function gssAreaType(code: string): string {
  const prefix = code.slice(0, 3).toUpperCase();
  return TYPES[prefix] ?? `gss-${prefix.toLowerCase()}`;
}
