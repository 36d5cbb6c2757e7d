import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { ComputeError } from './compute-error.js';
import type { ComputePlan } from './compute-plan.js';
import { indicators } from './indicators-table.js';

/**
 * Makes the indicator a computation writes to say what its values are: created when it does not exist (a
 * name is then required; period type calendar-year, the plan's polarity); otherwise its value type,
 * multiplier, unit and method are set to the computation's (the values and their comparisons depend on
 * them), its name and polarity only when given. Returns whether the definition changed.
 */
export async function upsertComputedIndicator(
  db: Db,
  id: number,
  plan: ComputePlan,
  given: { readonly name?: string | undefined; readonly polarity?: string | undefined },
): Promise<boolean> {
  const { valueType, multiplier, unit, polarity, method } = plan.indicator;
  const [existing] = await db.select().from(indicators).where(eq(indicators.id, id)).for('update');
  if (!existing) {
    if (given.name === undefined) {
      throw new ComputeError(
        'COMPUTE_NO_INDICATOR',
        `indicator ${id} does not exist: give --name to create it`,
      );
    }
    await db.insert(indicators).values({
      id,
      name: given.name,
      unit,
      multiplier,
      valueType,
      polarity,
      source: 'Computed by healthhub from imported event counts and populations',
      periodType: 'calendar-year',
      method,
    });
    return true;
  }
  const wanted = {
    valueType,
    multiplier,
    unit,
    method,
    ...(given.name === undefined ? {} : { name: given.name }),
    ...(given.polarity === undefined ? {} : { polarity }),
  };
  const changed = (Object.keys(wanted) as (keyof typeof wanted)[]).some(
    (key) => existing[key] !== wanted[key],
  );
  if (changed) {
    await db
      .update(indicators)
      .set({ ...wanted, updatedAt: sql`now()` })
      .where(eq(indicators.id, id));
  }
  return changed;
}
