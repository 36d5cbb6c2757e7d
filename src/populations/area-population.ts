import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';
import { formatAgeBand } from './age-band.js';

/** One age band's males and females. */
export interface PopulationBand {
  readonly label: string;
  readonly ageFrom: number;
  readonly males: number;
  readonly females: number;
}

/** The years an area has populations by sex for, latest first. */
export async function populationYears(db: Db, areaCode: string): Promise<number[]> {
  const rows = await queryRows<{ year: number }>(
    db,
    sql`select distinct year from populations
         where area_code = ${areaCode} and sex in ('males', 'females') order by year desc`,
  );
  return rows.map((r) => Number(r.year));
}

/**
 * An area's population in a year by age band, youngest first, males and females (persons are their sum, so
 * not read), whether any of it is demonstration data (its load says so) and the loads' sources. A band one sex lacks counts 0
 * for that sex, so that both sides of a pyramid have the same bands.
 */
export async function populationBands(
  db: Db,
  areaCode: string,
  year: number,
): Promise<{ bands: PopulationBand[]; demo: boolean; sources: string[] }> {
  const rows = await queryRows<{
    sex: string;
    ageFrom: number;
    ageTo: number | null;
    population: number;
    demo: boolean;
    source: string;
  }>(
    db,
    sql`select p.sex, p.age_from as "ageFrom", p.age_to as "ageTo", p.population, l.is_demo as demo,
               l.name || coalesce(', ' || l.source, '') as source
          from populations p join data_loads l on l.id = p.load_id
         where p.area_code = ${areaCode} and p.year = ${year} and p.sex in ('males', 'females')
         order by p.age_from, p.sex`,
  );
  const bands = new Map<number, { label: string; ageFrom: number; males: number; females: number }>();
  for (const r of rows) {
    const from = Number(r.ageFrom);
    let band = bands.get(from);
    if (!band) {
      band = {
        label: formatAgeBand({ from, to: r.ageTo === null ? null : Number(r.ageTo) }),
        ageFrom: from,
        males: 0,
        females: 0,
      };
      bands.set(from, band);
    }
    if (r.sex === 'males') band.males += Number(r.population);
    else band.females += Number(r.population);
  }
  return {
    bands: [...bands.values()],
    demo: rows.some((r) => r.demo),
    sources: [...new Set(rows.map((r) => r.source))],
  };
}
