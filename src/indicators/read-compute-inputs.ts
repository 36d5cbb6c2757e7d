import { type SQL, sql } from 'drizzle-orm';
import { forEachBatch } from '../db/cursor-batches.js';
import type { Db } from '../db/db.js';
import type { PopulationSex } from '../populations/population-sex.js';
import type { BandedAmount } from './aggregate-age-bands.js';
import type { ComputeSource } from './compute-plan.js';

/** The stored numbers of one area for a computation, by sex, each sex's bands in order of age. */
export interface AreaInputs {
  readonly areaCode: string;
  readonly numerator: ReadonlyMap<PopulationSex, BandedAmount[]>;
  readonly denominator: ReadonlyMap<PopulationSex, BandedAmount[]>;
}

interface InputRow {
  part: 'n' | 'x';
  area_code: string;
  sex: PopulationSex;
  age_from: number;
  age_to: number | null;
  amount: number;
}

function select(part: 'n' | 'x', source: ComputeSource, year: number): SQL {
  return source.table === 'populations'
    ? sql`select ${part}::text as part, area_code, sex, age_from, age_to, population as amount
            from populations where year = ${year}::integer`
    : sql`select ${part}::text as part, area_code, sex, age_from, age_to, "count" as amount
            from event_counts where measure = ${source.measure} and year = ${year}::integer`;
}

/**
 * Reads the numerator's and denominator's stored bands for the year, area by area (every area with either,
 * or only `areas`, or only areas of `areaType`), through a cursor: memory holds one area at a time. Must run
 * in a transaction.
 */
export async function forEachAreaInputs(
  db: Db,
  query: {
    readonly numerator: ComputeSource;
    readonly denominator: ComputeSource;
    readonly year: number;
    readonly areas?: readonly string[] | undefined;
    readonly areaType?: string | undefined;
  },
  each: (inputs: AreaInputs) => Promise<void>,
): Promise<void> {
  const filter = query.areas
    ? sql`where r.area_code = any(${sql.param([...query.areas])}::text[])`
    : query.areaType
      ? sql`where r.area_code in (select code from areas where area_type = ${query.areaType})`
      : sql``;
  const rows = sql`
    select r.* from (${select('x', query.numerator, query.year)}
                     union all ${select('n', query.denominator, query.year)}) r
    ${filter}
    order by r.area_code, r.part, r.sex, r.age_from`;
  let current:
    | {
        areaCode: string;
        numerator: Map<PopulationSex, BandedAmount[]>;
        denominator: Map<PopulationSex, BandedAmount[]>;
      }
    | undefined;
  await forEachBatch<InputRow>(db, rows, 5000, async (batch) => {
    for (const row of batch) {
      if (current?.areaCode !== row.area_code) {
        if (current) await each(current);
        current = { areaCode: row.area_code, numerator: new Map(), denominator: new Map() };
      }
      const bySex = row.part === 'x' ? current.numerator : current.denominator;
      let bands = bySex.get(row.sex);
      if (!bands) {
        bands = [];
        bySex.set(row.sex, bands);
      }
      bands.push({ ageFrom: row.age_from, ageTo: row.age_to, amount: Number(row.amount) });
    }
  });
  if (current) await each(current);
}
