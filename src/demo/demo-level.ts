import type { DemoUnit } from './demo-areas.js';
import { DEMO_YEARS } from './demo-periods.js';
import type { DemoRandom } from './demo-random.js';

/** The sex a level is drawn for: Persons for indicators not split by sex. */
export type LevelSex = 'Persons' | 'Male' | 'Female';

/** How a demonstration indicator's underlying level varies between authorities and over time. */
export interface LevelSpec {
  /** London's level in some years, [year, level]; the years between are interpolated, the ends held. */
  readonly london: readonly (readonly [number, number])[];
  /** England's level likewise (the rest of England is drawn at it). */
  readonly england: readonly (readonly [number, number])[];
  /** The scale effects add on: logit for proportions, log for rates and ratios, identity for shifts. */
  readonly scale: 'logit' | 'log' | 'identity';
  /** Effect of one standard deviation of deprivation. */
  readonly deprivation: number;
  /** Effect of being in Inner London (centred). */
  readonly inner?: number;
  /** Standard deviation of each authority's lasting effect. */
  readonly boroughSd: number;
  /** Standard deviation of each authority's own trend, per year. */
  readonly slopeSd?: number;
  /** Standard deviation of an authority's year-to-year variation beyond sampling (none for England). */
  readonly yearSd?: number;
  /** Effect of sex, for indicators split by sex. */
  readonly male?: number;
  readonly female?: number;
}

/** A level for one unit, year (index into DEMO_YEARS) and sex, on the natural scale. */
export type LevelFunction = (unit: DemoUnit, yearIndex: number, sex: LevelSex) => number;

/** The value of a piecewise-linear curve through [year, level] points in each demo year. */
export function curve(points: readonly (readonly [number, number])[]): number[] {
  return DEMO_YEARS.map((year) => {
    const first = points[0] as readonly [number, number];
    const last = points[points.length - 1] as readonly [number, number];
    if (year <= first[0]) return first[1];
    if (year >= last[0]) return last[1];
    for (let i = 1; i < points.length; i++) {
      const [x1, y1] = points[i] as readonly [number, number];
      const [x0, y0] = points[i - 1] as readonly [number, number];
      if (year <= x1) return y0 + ((y1 - y0) * (year - x0)) / (x1 - x0);
    }
    return last[1];
  });
}

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Makes a level function from a spec: on the spec's scale, the London curve (England's for the rest of
 * England) plus the authority's deprivation and Inner London effects, its lasting random effect and its own
 * gentle trend (drawn now, once per authority, in unit order), the sex effect, and an authority's year-to-year
 * noise (drawn at each call, so callers must call in a fixed order).
 */
export function levelModel(spec: LevelSpec, rng: DemoRandom, units: readonly DemoUnit[]): LevelFunction {
  const [to, from] =
    spec.scale === 'logit'
      ? [logit, expit]
      : spec.scale === 'log'
        ? [Math.log, Math.exp]
        : [(x: number) => x, (x: number) => x];
  const london = curve(spec.london).map(to);
  const england = curve(spec.england).map(to);
  const effects = new Map<string, { lasting: number; slope: number }>();
  for (const unit of units) {
    effects.set(unit.code, {
      lasting: unit.isRestOfEngland ? 0 : rng.normal(0, spec.boroughSd),
      slope: unit.isRestOfEngland ? 0 : rng.normal(0, spec.slopeSd ?? 0),
    });
  }
  const middle = (DEMO_YEARS.length - 1) / 2;
  return (unit, yearIndex, sex) => {
    const effect = effects.get(unit.code) ?? { lasting: 0, slope: 0 };
    const base = ((unit.isRestOfEngland ? england : london)[yearIndex] as number) ?? 0;
    const sexEffect = sex === 'Male' ? (spec.male ?? 0) : sex === 'Female' ? (spec.female ?? 0) : 0;
    const noise = spec.yearSd && !unit.isRestOfEngland ? rng.normal(0, spec.yearSd) : 0;
    return from(
      base +
        spec.deprivation * unit.deprivation +
        (spec.inner ?? 0) * unit.inner +
        effect.lasting +
        effect.slope * (yearIndex - middle) +
        sexEffect +
        noise,
    );
  };
}
