import type { HeaderColumn } from '../check-header.js';
import { type AreaCodeKind, areaCodeKinds } from '../formats/area-code-cell.js';
import type { CsvFormat } from '../formats/choose-csv-format.js';

/** The columns a deprivation format stores; the others of its header are read and not stored. */
export interface DeprivationFormat extends CsvFormat {
  readonly description: string;
  /** areas.area_type of the areas it describes. */
  readonly areaType: string;
  readonly kind: AreaCodeKind;
  /** The IMD edition when neither the option nor the file's name gives one. */
  readonly edition: string;
  readonly code: string;
  readonly name?: string;
  /** The columns of the IMD's score, rank (1 = most deprived) and decile (1 = most deprived tenth). */
  readonly score?: string;
  readonly rank?: string;
  readonly decile?: string;
}

const domains2019 = [
  'Income',
  'Employment',
  'Education',
  'Health',
  'Crime',
  'Housing_and_Access',
  'Environment',
];
const domains2025 = [
  'income',
  'employment',
  'education_skills_and_training',
  'health_deprivation_and_disability',
  'crime',
  'barriers_to_housing_and_services',
  'living_environment',
];

function format(
  f: Omit<DeprivationFormat, 'columns'>,
  others: readonly (string | HeaderColumn)[],
): DeprivationFormat {
  const stored = [f.code, f.name, f.score, f.rank, f.decile].filter((c): c is string => c !== undefined);
  const columns: HeaderColumn[] = [
    ...stored.map((name) => ({ key: name, name })),
    ...others.map((c) => (typeof c === 'string' ? { key: c, name: c } : c)),
  ];
  return { ...f, columns };
}

/** The columns of an IoD2025 summary (File 10 for authorities, File 13 for ICBs), code and name aside. */
function summary2025Columns(): (string | HeaderColumn)[] {
  const out: (string | HeaderColumn)[] = [
    'imd_average_rank',
    'imd_rank_of_average_rank',
    'imd_proportion_of_lso_as_in_most_deprived_10_percent_nationally',
    'imd_rank_of_proportion_of_lso_as_in_most_deprived_10_percent_nationally',
  ];
  // The authorities' file says imd25_extent, the ICBs' imd_2025_extent.
  for (const measure of ['extent', 'rank_of_extent', 'local_concentration', 'rank_of_local_concentration']) {
    const name = `imd25_${measure}`;
    out.push({ key: name, name, pattern: new RegExp(`^imd_?(20)?25_${measure}$`) });
  }
  for (const d of domains2025) {
    out.push(
      `${d}_average_rank`,
      `${d}_rank_of_average_rank`,
      `${d}_average_score`,
      `${d}_rank_of_average_score`,
      `${d}_proportion_of_lso_as_in_most_deprived_10_percent_nationally`,
      `${d}_rank_of_proportion_of_lso_as_in_most_deprived_10_percent_nationally`,
    );
    if (d === 'income' || d === 'employment') out.push(`${d}_scale`, `rank_of_${d}_scale`);
  }
  return out;
}

/**
 * The English Indices of Deprivation files healthhub reads (MHCLG, as the IMD package gives them), told apart
 * by their headers. Only the overall IMD is stored (deprivation has no domain columns):
 *
 * - imd2019-lsoa11 (`imd2019_england_lsoa11.csv`, File 7): `lsoa11_code`, `IMD_decile` and seven domain
 *   deciles, `IMD_rank` and seven domain ranks; decile and rank of each LSOA 2011 (no score in the file:
 *   NULL). Edition IMD2019.
 * - imd2019-ltla19 (`imd2019_england_ltla19_summary.csv`, File 10): `ltla19_code`, `Score` (the average
 *   score), `Proportion`, `Extent` and each domain's `_Score` and `_Proportion`; score only (the file has no
 *   ranks, and authorities have no decile). Edition IMD2019.
 * - imd2025-ltla24 and imd2025-icb24 (`imd2025_england_ltla24_summary.csv`, File 10;
 *   `imd2025_england_icb24_summary.csv`, File 13): code, name, then for the IMD and each domain the average
 *   rank, average score, proportion of LSOAs in the most deprived tenth and their ranks, extent, local
 *   concentration and scale; score = `imd_average_score`, rank = `imd_rank_of_average_score` (1 = most
 *   deprived authority or ICB). Edition IMD2025.
 */
export const deprivationFormats: readonly DeprivationFormat[] = [
  format(
    {
      id: 'imd2019-lsoa11',
      description: 'IMD deciles and ranks of LSOAs 2011 (IoD2019 File 7)',
      areaType: 'lsoa11',
      kind: areaCodeKinds.lsoaEngland,
      edition: 'IMD2019',
      code: 'lsoa11_code',
      decile: 'IMD_decile',
      rank: 'IMD_rank',
    },
    [...domains2019.map((d) => `${d}_decile`), ...domains2019.map((d) => `${d}_rank`)],
  ),
  format(
    {
      id: 'imd2019-ltla19',
      description: 'IMD average scores of local authority districts 2019 (IoD2019 File 10)',
      areaType: 'local-authority',
      kind: areaCodeKinds.localAuthorityEngland,
      edition: 'IMD2019',
      code: 'ltla19_code',
      score: 'Score',
    },
    ['Proportion', 'Extent', ...domains2019.flatMap((d) => [`${d}_Score`, `${d}_Proportion`])],
  ),
  format(
    {
      id: 'imd2025-ltla24',
      description: 'IMD average scores and ranks of local authority districts 2024 (IoD2025 File 10)',
      areaType: 'local-authority',
      kind: areaCodeKinds.localAuthorityEngland,
      edition: 'IMD2025',
      code: 'ltla24_code',
      name: 'ltla24_name',
      score: 'imd_average_score',
      rank: 'imd_rank_of_average_score',
    },
    summary2025Columns(),
  ),
  format(
    {
      id: 'imd2025-icb24',
      description: 'IMD average scores and ranks of ICBs 2024 (IoD2025 File 13)',
      areaType: 'icb',
      kind: areaCodeKinds.icb,
      edition: 'IMD2025',
      code: 'icb24_code',
      name: 'icb24_name',
      score: 'imd_average_score',
      rank: 'imd_rank_of_average_score',
    },
    summary2025Columns(),
  ),
];

/** An edition as stored: IMD and a four-digit year, e.g. IMD2019. */
export const EDITION = /^IMD\d{4}$/;

/** The edition a file's name gives (imd2019_... → IMD2019), if any. */
export function editionFromFileName(file: string): string | undefined {
  const base = file.split(/[\\/]/).pop() ?? file;
  const m = /(?:^|[^a-z])imd[_-]?(\d{4})(?!\d)/i.exec(base);
  return m ? `IMD${m[1]}` : undefined;
}
