import { type AgeBand, ageBandEnd, formatAgeBand } from '../populations/age-band.js';
import { dsrFigures } from './compute-dsr.js';
import { ComputeError } from './compute-error.js';
import { proportionFigures } from './compute-proportion.js';
import { rateFigures } from './compute-rate.js';
import type { ComputeRequest, Polarity } from './compute-request.js';
import type { FiguresResult } from './computed-figures.js';
import type { valueTypes } from './indicators-table.js';
import { standardPopulations } from './standard-populations.js';

/** Where the numbers of a computation come from: event counts of a measure, or populations. */
export type ComputeSource =
  | { readonly table: 'event_counts'; readonly measure: string }
  | { readonly table: 'populations' };

/** How a computation is done: its inputs, the bands they are summed into, the method, the definition. */
export interface ComputePlan {
  readonly numerator: ComputeSource & { readonly table: 'event_counts' };
  readonly denominator: ComputeSource;
  /** The bands numerator and denominator are summed into (one band for rates and proportions). */
  readonly bands: readonly AgeBand[];
  readonly figures: (x: readonly number[], n: readonly number[]) => FiguresResult;
  readonly indicator: {
    readonly valueType: (typeof valueTypes)[number];
    readonly multiplier: number;
    readonly unit: string;
    readonly polarity: Polarity;
    readonly method: string;
  };
  /** The computation as a command line, for data_loads.source. */
  readonly description: string;
}

const per = (multiplier: number) =>
  multiplier === 100 ? '%' : `per ${multiplier.toLocaleString('en-GB', { maximumFractionDigits: 6 })}`;
const agesText = (ages: AgeBand) =>
  ages.from === 0 && ages.to === null ? 'all ages' : `ages ${formatAgeBand(ages)}`;

/** The standard population's bands within `ages`, which must fall on their edges. */
function standardBands(name: string, ages: AgeBand) {
  const standard = standardPopulations[name];
  if (!standard) throw new Error(`unknown standard population '${name}'`);
  const inside = standard.bands.flatMap((band, i) =>
    band.from >= ages.from && ageBandEnd(band) <= ageBandEnd(ages)
      ? [{ band, weight: standard.weights[i]! }]
      : [],
  );
  const first = inside[0]?.band;
  const last = inside.at(-1)?.band;
  if (!first || !last || first.from !== ages.from || last.to !== ages.to) {
    throw new ComputeError(
      'COMPUTE_BAD_AGES',
      `ages ${formatAgeBand(ages)} do not fall on the edges of the ${name} bands (${standard.bands.map(formatAgeBand).join(', ')})`,
    );
  }
  return { standard, bands: inside.map((b) => b.band), weights: inside.map((b) => b.weight) };
}

/** Turns a request into a plan; throws ComputeError COMPUTE_BAD_AGES when the ages do not fit the standard. */
export function planComputation(request: ComputeRequest): ComputePlan {
  const ages = request.ages;
  const sexes = request.sexes.join(',');
  const scope = request.areas
    ? ` --areas ${request.areas.join(',')}`
    : request.areaType
      ? ` --area-type ${request.areaType}`
      : '';
  const agesOption = ages.from === 0 && ages.to === null ? 'all' : formatAgeBand(ages);
  const common = `--indicator ${request.indicatorId} --year ${request.year} --sex ${sexes} --ages ${agesOption}${scope}`;
  switch (request.method) {
    case 'dsr': {
      const multiplier = request.multiplier ?? 100000;
      const { standard, bands, weights } = standardBands(request.standard, ages);
      return {
        numerator: { table: 'event_counts', measure: request.measure },
        denominator: { table: 'populations' },
        bands,
        figures: (x, n) => dsrFigures(x, n, weights, bands, multiplier),
        indicator: {
          valueType: 'dsr',
          multiplier,
          unit: per(multiplier),
          polarity: request.polarity ?? 'low-is-good',
          method:
            `Directly standardised rate of '${request.measure}' event counts over populations, ${agesText(ages)}, ` +
            `standardised to the ${standard.description}; 95% and 99.8% limits by Dobson's method (@healthhub/stats dsr). ` +
            'Computed by healthhub.',
        },
        description: `dsr --measure ${request.measure} --standard ${request.standard} ${common}`,
      };
    }
    case 'rate': {
      const multiplier = request.multiplier ?? 100000;
      return {
        numerator: { table: 'event_counts', measure: request.measure },
        denominator: { table: 'populations' },
        bands: [ages],
        figures: (x, n) => rateFigures(x[0]!, n[0]!, multiplier),
        indicator: {
          valueType: 'crude-rate',
          multiplier,
          unit: per(multiplier),
          polarity: request.polarity ?? 'low-is-good',
          method:
            `Crude rate of '${request.measure}' event counts over populations, ${agesText(ages)}; 95% and 99.8% limits ` +
            "exact below 10 events, Byar's method from 10 (@healthhub/stats rate). Computed by healthhub.",
        },
        description: `rate --measure ${request.measure} ${common}`,
      };
    }
    case 'proportion': {
      const multiplier = request.multiplier ?? 100;
      return {
        numerator: { table: 'event_counts', measure: request.numeratorMeasure },
        denominator: { table: 'event_counts', measure: request.denominatorMeasure },
        bands: [ages],
        figures: (x, n) => proportionFigures(x[0]!, n[0]!, multiplier),
        indicator: {
          valueType: 'proportion',
          multiplier,
          unit: per(multiplier),
          polarity: request.polarity ?? 'no-judgement',
          method:
            `Proportion of '${request.numeratorMeasure}' event counts over '${request.denominatorMeasure}' event counts, ` +
            `${agesText(ages)}; 95% and 99.8% limits by Wilson's score method (@healthhub/stats proportion). Computed by healthhub.`,
        },
        description: `proportion --numerator-measure ${request.numeratorMeasure} --denominator-measure ${request.denominatorMeasure} ${common}`,
      };
    }
  }
}
