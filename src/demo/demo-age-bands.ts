import { esp2013AgeBands, LIFE_EXPECTANCY_DEFAULT_AGE_CONTENTS } from '@healthhub/stats';

/** An age band [from, to]; `to` null is "and over". */
export interface AgeBand {
  readonly from: number;
  readonly to: number | null;
  readonly label: string;
}

/** The 19 bands of the 2013 European Standard Population, 0-4 ... 85-89, 90+ (populations are kept in these). */
export const espBands: readonly AgeBand[] = esp2013AgeBands.map((label, i) => ({
  from: i * 5,
  to: i === esp2013AgeBands.length - 1 ? null : i * 5 + 4,
  label,
}));

/** The start ages of lifeExpectancy's 20 bands: 0, 1-4, 5-9, ..., 85-89, 90+. */
export const lifeTableStartAges: readonly number[] = LIFE_EXPECTANCY_DEFAULT_AGE_CONTENTS;

/** The share of the 0-4 band that is under one year old, used to split it into lifeExpectancy's 0 and 1-4. */
export const INFANT_SHARE_OF_UNDER_FIVES = 0.2;

/** Index of the ESP band that starts at `from`. */
export function espBandIndex(from: number): number {
  const i = espBands.findIndex((b) => b.from === from);
  if (i < 0) throw new Error(`no ESP2013 band starts at ${from}`);
  return i;
}

/**
 * The weight of each ESP band in the ages [from, to] (to null: and over), taking ages as evenly spread within
 * a band: the 15-19 band counts 4/5 towards ages 16-64.
 */
export function ageRangeWeights(from: number, to: number | null): number[] {
  return espBands.map((band) => {
    const bandTo = band.to ?? 120;
    const lo = Math.max(from, band.from);
    const hi = Math.min(to ?? 120, bandTo);
    return hi < lo ? 0 : (hi - lo + 1) / (bandTo - band.from + 1);
  });
}

/** The population aged [from, to] from a population by ESP band. */
export function populationAged(byBand: readonly number[], from: number, to: number | null): number {
  const weights = ageRangeWeights(from, to);
  let total = 0;
  for (let i = 0; i < byBand.length; i++) total += (byBand[i] as number) * (weights[i] as number);
  return total;
}
