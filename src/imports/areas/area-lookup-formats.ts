import type { HeaderColumn } from '../check-header.js';
import { type AreaCodeKind, areaCodeKinds } from '../formats/area-code-cell.js';
import type { CsvFormat } from '../formats/choose-csv-format.js';

/** One geography of a lookup file: its columns, the code kind they hold and the areas.area_type it is. */
export interface LookupLevel {
  /** areas.area_type: lsoa21, lsoa11, sub-icb, icb, ward, local-authority. */
  readonly areaType: string;
  /** The columns holding its code, name and (where there is one) NHS (ODS) code. */
  readonly code: string;
  readonly name: string;
  readonly nhsCode?: string;
  readonly kind: AreaCodeKind;
}

/**
 * An ONS lookup file's layout: its geographies (the first is the file's key, one line each), the
 * memberships it states (child level, parent level), and the date those memberships hold from (the lookup's
 * vintage; `--valid-from` overrides it).
 */
export interface AreaLookupFormat extends CsvFormat {
  readonly description: string;
  readonly levels: readonly LookupLevel[];
  readonly memberships: readonly (readonly [child: number, parent: number])[];
  readonly validFrom: string;
  /** Columns the format has that are not stored (e.g. a count of LSOAs). */
  readonly ignored?: readonly string[];
}

const lsoa21 = (kind: AreaCodeKind): LookupLevel => ({
  areaType: 'lsoa21',
  code: 'lsoa21_code',
  name: 'lsoa21_name',
  kind,
});

function format(f: Omit<AreaLookupFormat, 'columns'>): AreaLookupFormat {
  const columns: HeaderColumn[] = [];
  for (const level of f.levels) {
    columns.push({ key: level.code, name: level.code }, { key: level.name, name: level.name });
    if (level.nhsCode) columns.push({ key: level.nhsCode, name: level.nhsCode });
  }
  for (const name of f.ignored ?? []) columns.push({ key: name, name });
  return { ...f, columns };
}

/**
 * The lookups healthhub reads (ONS Open Geography Portal products, as the geographr package gives them), told
 * apart by their headers:
 *
 * - lsoa21-subicb24-icb24: `lsoa21_name, lsoa21_code, sicbl24_name, sicbl24_code, sicbl24_code_nhs,
 *   icb24_name, icb24_code, icb24_code_nhs`; LSOA 2021 → sub-ICB location → ICB, April 2024 (valid from
 *   2024-04-01).
 * - lsoa11-subicb22-icb22-ltla22: `lsoa11_name, lsoa11_code, sicbl22_name, sicbl22_code, sicbl22_code_h,
 *   icb22_name, icb22_code, icb22_code_h, ltla22_name, ltla22_code`; LSOA 2011 → sub-ICB location → ICB, and
 *   LSOA 2011 → local authority district, July 2022 (valid from 2022-07-01, when ICBs began).
 * - lsoa21-ward24-ltla24: `lsoa21_name, lsoa21_code, ward24_name, ward24_code, ltla24_name, ltla24_code`;
 *   England and Wales, LSOA 2021 → electoral ward (best fit) → local authority district, and LSOA 2021 →
 *   local authority district, 2024 wards (valid from 2024-05-01: wards change at the May local elections).
 * - ltla24-icb24: `ltla24_code, ltla24_name, icb24_code, icb24_code_nhs, icb24_name, sicbl24_code,
 *   sicbl24_code_nhs, sicbl24_name, n_lsoa21` (London boroughs to ICBs, derived from the first two); local
 *   authority district → ICB, sub-ICB location → ICB, April 2024; n_lsoa21 is not stored.
 */
export const areaLookupFormats: readonly AreaLookupFormat[] = [
  format({
    id: 'lsoa21-subicb24-icb24',
    description: 'LSOA 2021 to sub-ICB location to ICB (April 2024)',
    levels: [
      lsoa21(areaCodeKinds.lsoaEngland),
      {
        areaType: 'sub-icb',
        code: 'sicbl24_code',
        name: 'sicbl24_name',
        nhsCode: 'sicbl24_code_nhs',
        kind: areaCodeKinds.subIcb,
      },
      {
        areaType: 'icb',
        code: 'icb24_code',
        name: 'icb24_name',
        nhsCode: 'icb24_code_nhs',
        kind: areaCodeKinds.icb,
      },
    ],
    memberships: [
      [0, 1],
      [1, 2],
    ],
    validFrom: '2024-04-01',
  }),
  format({
    id: 'lsoa11-subicb22-icb22-ltla22',
    description: 'LSOA 2011 to sub-ICB location to ICB, and to local authority district (July 2022)',
    levels: [
      { areaType: 'lsoa11', code: 'lsoa11_code', name: 'lsoa11_name', kind: areaCodeKinds.lsoaEngland },
      {
        areaType: 'sub-icb',
        code: 'sicbl22_code',
        name: 'sicbl22_name',
        nhsCode: 'sicbl22_code_h',
        kind: areaCodeKinds.subIcb,
      },
      {
        areaType: 'icb',
        code: 'icb22_code',
        name: 'icb22_name',
        nhsCode: 'icb22_code_h',
        kind: areaCodeKinds.icb,
      },
      {
        areaType: 'local-authority',
        code: 'ltla22_code',
        name: 'ltla22_name',
        kind: areaCodeKinds.localAuthorityEngland,
      },
    ],
    memberships: [
      [0, 1],
      [1, 2],
      [0, 3],
    ],
    validFrom: '2022-07-01',
  }),
  format({
    id: 'lsoa21-ward24-ltla24',
    description:
      'LSOA 2021 to electoral ward (best fit) to local authority district, England and Wales (2024)',
    levels: [
      lsoa21(areaCodeKinds.lsoa),
      { areaType: 'ward', code: 'ward24_code', name: 'ward24_name', kind: areaCodeKinds.ward },
      {
        areaType: 'local-authority',
        code: 'ltla24_code',
        name: 'ltla24_name',
        kind: areaCodeKinds.localAuthority,
      },
    ],
    memberships: [
      [0, 1],
      [1, 2],
      [0, 2],
    ],
    validFrom: '2024-05-01',
  }),
  format({
    id: 'ltla24-icb24',
    description: 'local authority district to ICB and sub-ICB location (April 2024)',
    levels: [
      {
        areaType: 'local-authority',
        code: 'ltla24_code',
        name: 'ltla24_name',
        kind: areaCodeKinds.localAuthorityEngland,
      },
      {
        areaType: 'icb',
        code: 'icb24_code',
        name: 'icb24_name',
        nhsCode: 'icb24_code_nhs',
        kind: areaCodeKinds.icb,
      },
      {
        areaType: 'sub-icb',
        code: 'sicbl24_code',
        name: 'sicbl24_name',
        nhsCode: 'sicbl24_code_nhs',
        kind: areaCodeKinds.subIcb,
      },
    ],
    memberships: [
      [0, 1],
      [2, 1],
    ],
    validFrom: '2024-04-01',
    ignored: ['n_lsoa21'],
  }),
];
