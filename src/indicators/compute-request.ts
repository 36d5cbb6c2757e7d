import type { AgeBand } from '../populations/age-band.js';
import type { PopulationSex } from '../populations/population-sex.js';
import type { polarities } from './indicators-table.js';

export const computeMethods = ['dsr', 'rate', 'proportion'] as const;
export type ComputeMethod = (typeof computeMethods)[number];
export type Polarity = (typeof polarities)[number];

interface ComputeCommon {
  /** The indicator the values are written to; created when it does not exist (then `name` is required). */
  readonly indicatorId: number;
  readonly name?: string;
  /** Default: low-is-good for DSRs and rates, no-judgement for proportions. */
  readonly polarity?: Polarity;
  /** Default: 100,000 for DSRs and rates, 100 (a percentage) for proportions. */
  readonly multiplier?: number;
  readonly year: number;
  /** The sexes to compute; persons from males and females when a table has no persons rows. */
  readonly sexes: readonly PopulationSex[];
  /** The ages: all ages ({ from: 0, to: null }) by default. */
  readonly ages: AgeBand;
  /** These areas only (each must be computable), or the areas of this type; default every area with data. */
  readonly areas?: readonly string[];
  readonly areaType?: string;
}

/**
 * What `healthhub compute` is asked: a directly standardised rate of the event counts of `measure` over the
 * populations, standardised to `standard` (see standardPopulations); a crude rate of `measure` over the
 * populations; or a proportion of one measure's counts over another's.
 */
export type ComputeRequest =
  | (ComputeCommon & { readonly method: 'dsr'; readonly measure: string; readonly standard: string })
  | (ComputeCommon & { readonly method: 'rate'; readonly measure: string })
  | (ComputeCommon & {
      readonly method: 'proportion';
      readonly numeratorMeasure: string;
      readonly denominatorMeasure: string;
    });
