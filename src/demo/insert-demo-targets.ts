import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { indicatorValues } from '../indicators/indicator-values-table.js';
import { indicatorTargets, LONDON_CODE } from '../mission/indicator-targets-table.js';
import { type DemoIndicator, demoIndicators } from './demo-indicators.js';

/** The year demonstration baselines are taken from, where London has a value for it. */
const BASELINE_YEAR = 2015;
/** How much better than the baseline the demonstration targets are: 10%, in the indicator's good direction. */
const IMPROVEMENT = 0.1;

/**
 * The aims an indicator's target is recorded under: its Health Inequalities Strategy aim (healthy life
 * expectancy, which has none, under the strategy's overarching outcome) and each Better Health for London
 * aspiration it bears on.
 */
export function demoTargetAims(indicator: Pick<DemoIndicator, 'hisAim' | 'aspirations'>): string[] {
  return [
    indicator.hisAim ?? 'healthy-life-expectancy',
    ...indicator.aspirations.map((n) => `aspiration-${n}`),
  ];
}

/**
 * Sets a demonstration target for each demonstration indicator with a polarity, under each of its aims:
 * London's value for 2015 (or its first period, where 2015 has none) as the baseline, and 10% better than that
 * by 2035 as the target; marked is_demo. Indicators with no polarity get none, since no direction is better.
 * Runs on the handle given (the demo loader's transaction) after the indicator values are in. Returns the
 * number of rows inserted.
 */
export async function insertDemoTargets(db: Db): Promise<number> {
  const rows: (typeof indicatorTargets.$inferInsert)[] = [];
  for (const indicator of demoIndicators) {
    if (indicator.polarity === 'no-judgement') continue;
    const sex = indicator.sexes.includes('Persons') ? 'Persons' : indicator.sexes[0]!;
    const [baseline] = await db
      .select({ period: indicatorValues.period, value: indicatorValues.value })
      .from(indicatorValues)
      .where(
        and(
          eq(indicatorValues.indicatorId, indicator.id),
          eq(indicatorValues.areaCode, LONDON_CODE),
          eq(indicatorValues.sex, sex),
          eq(indicatorValues.age, indicator.age),
          eq(indicatorValues.categoryType, ''),
          isNotNull(indicatorValues.value),
        ),
      )
      .orderBy(
        sql`${indicatorValues.periodSort} / 10000 = ${BASELINE_YEAR} desc`,
        asc(indicatorValues.periodSort),
      )
      .limit(1);
    if (!baseline || baseline.value === null) continue;
    const factor = indicator.polarity === 'high-is-good' ? 1 + IMPROVEMENT : 1 - IMPROVEMENT;
    const targetValue = Math.round(baseline.value * factor * 100) / 100;
    for (const aim of demoTargetAims(indicator)) {
      rows.push({
        indicatorId: indicator.id,
        areaCode: LONDON_CODE,
        aim,
        sex,
        age: indicator.age,
        baselinePeriod: baseline.period,
        baselineValue: baseline.value,
        targetValue,
        targetYear: 2035,
        isDemo: true,
      });
    }
  }
  if (rows.length === 0) return 0;
  await db.insert(indicatorTargets).values(rows);
  return rows.length;
}
