import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';

/** One IMD decile's LSOAs and their population. */
export interface DecileAggregate {
  /** 1 is the most deprived tenth of LSOAs nationally. */
  readonly decile: number;
  /** LSOAs in the decile (within the area, when one is given). */
  readonly lsoas: number;
  /** Of those, LSOAs with a population for the year and sex. */
  readonly lsoasWithPopulation: number;
  readonly population: number;
  /** The decile's share of the population of all the deciles (0 to 1; 0 when there is no population). */
  readonly share: number;
}

export interface DeprivationDecileAggregates {
  readonly edition: string;
  readonly year: number;
  readonly sex: string;
  readonly lsoas: number;
  readonly lsoasWithPopulation: number;
  readonly population: number;
  /** The deciles that have LSOAs, 1 (most deprived) first. */
  readonly deciles: readonly DecileAggregate[];
}

export interface DeprivationDecileOptions {
  /** The IMD edition, e.g. IMD2019 (LSOA 2011 deciles) or IMD2025. */
  readonly edition: string;
  /** The populations' year (populations.year). */
  readonly year: number;
  /** populations.sex: persons (default), males or females. */
  readonly sex?: 'persons' | 'males' | 'females';
  /** Only the age bands within these ages (default every band: all ages). */
  readonly ageFrom?: number;
  readonly ageTo?: number;
  /**
   * Only the LSOAs inside an area on a date (ISO; default today), following area_parents down any number of
   * levels (LSOA → authority → London, LSOA → sub-ICB → ICB). Default: every LSOA with a decile, i.e. all
   * England for the English indices.
   */
  readonly within?: { readonly code: string; readonly on?: string };
}

/**
 * The population of each IMD decile: every LSOA (a code E01 or W01, whatever type the import that added it
 * gave it: lsoa11, lsoa21, or lsoa from `import population`) with a decile in the edition, its population for the year and sex summed over its age bands (populations, as `import
 * population` loads them), grouped by decile in one set-based query. LSOAs without a population count in
 * `lsoas` and add nothing to the population.
 */
export async function deprivationDecileAggregates(
  db: Db,
  options: DeprivationDecileOptions,
): Promise<DeprivationDecileAggregates> {
  const sex = options.sex ?? 'persons';
  const ageFilter = sql`${options.ageFrom === undefined ? sql`` : sql` and p.age_from >= ${options.ageFrom}`}${
    options.ageTo === undefined ? sql`` : sql` and p.age_to is not null and p.age_to <= ${options.ageTo}`
  }`;
  const on = options.within?.on ?? new Date().toISOString().slice(0, 10);
  const inArea = options.within
    ? sql`and d.area_code in (
        with recursive inside(code) as (
          select p.child_code from area_parents p
           where p.parent_code = ${options.within.code}
             and p.valid_from <= ${on}::date and (p.valid_to is null or p.valid_to > ${on}::date)
          union
          select p.child_code from area_parents p join inside i on p.parent_code = i.code
           where p.valid_from <= ${on}::date and (p.valid_to is null or p.valid_to > ${on}::date)
        )
        select code from inside)`
    : sql``;
  // Base tables joined directly (not a grouped subquery of populations), so that the plan is a hash or index
  // join however fresh the tables' statistics: on a table never analysed, a grouped subquery is estimated
  // at 200 rows and may be rescanned for every LSOA.
  const rows = await queryRows<{
    decile: number;
    lsoas: number;
    with_population: number;
    population: number;
  }>(
    db,
    sql`
    with lsoa as (
      select d.area_code, d.decile
        from deprivation d
       where d.edition = ${options.edition} and d.decile is not null and (d.area_code like 'E01%' or d.area_code like 'W01%')
       ${inArea}
    ),
    per_lsoa as (
      select l.area_code, l.decile, sum(p.population) as population
        from lsoa l
        left join populations p on p.area_code = l.area_code and p.year = ${options.year} and p.sex = ${sex}${ageFilter}
       group by l.area_code, l.decile
    )
    select decile::int as decile, count(*)::int as lsoas, count(population)::int as with_population,
           coalesce(sum(population), 0)::float8 as population
      from per_lsoa
     group by decile
     order by decile`,
  );
  const population = rows.reduce((sum, r) => sum + Number(r.population), 0);
  const deciles = rows.map(
    (r): DecileAggregate => ({
      decile: Number(r.decile),
      lsoas: Number(r.lsoas),
      lsoasWithPopulation: Number(r.with_population),
      population: Number(r.population),
      share: population > 0 ? Number(r.population) / population : 0,
    }),
  );
  return {
    edition: options.edition,
    year: options.year,
    sex,
    lsoas: deciles.reduce((sum, d) => sum + d.lsoas, 0),
    lsoasWithPopulation: deciles.reduce((sum, d) => sum + d.lsoasWithPopulation, 0),
    population,
    deciles,
  };
}
