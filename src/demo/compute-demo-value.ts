import { type ConfidenceLimits, dsr, isRatio, proportion, rate } from '@healthhub/stats';
import { bands, type DemoCounts, scalar } from './demo-counts.js';
import type { DemoIndicator } from './demo-indicators.js';
import { sullivanHealthExpectancy } from './sullivan-health-expectancy.js';

/** A value with both levels of limits, its count and denominator, and why it is missing when it is. */
export interface DemoValueFields {
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly lower998: number | null;
  readonly upper998: number | null;
  readonly count: number | null;
  readonly denominator: number | null;
  readonly valueNote: string | null;
}

const CONFIDENCE = [0.95, 0.998] as const;

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function withLimits(
  value: number,
  limits: { lower95: number; upper95: number; lower998: number; upper998: number },
  count: number,
  denominator: number,
  note: string,
): DemoValueFields {
  const shown = finite(value);
  return {
    value: shown,
    lower95: shown === null ? null : finite(limits.lower95),
    upper95: shown === null ? null : finite(limits.upper95),
    lower998: shown === null ? null : finite(limits.lower998),
    upper998: shown === null ? null : finite(limits.upper998),
    count: finite(count),
    denominator: finite(denominator),
    valueNote: shown === null ? note : null,
  };
}

function twoLevels(r: ConfidenceLimits) {
  if (!('lower95_0cl' in r)) throw new Error('expected limits at 95% and 99.8%');
  return { lower95: r.lower95_0cl, upper95: r.upper95_0cl, lower998: r.lower99_8cl, upper998: r.upper99_8cl };
}

const noDenominator = (count: number, denominator: number, note: string): DemoValueFields => ({
  value: null,
  lower95: null,
  upper95: null,
  lower998: null,
  upper998: null,
  count,
  denominator,
  valueNote: note,
});

/**
 * Computes a demonstration value from its counts with @healthhub/stats, at 95% and 99.8%: `proportion`
 * (x of n), `rate` (x per n), `dsr` (x and n by band, standardised to `stdpop`), `isRatio` (observed x by
 * band against the rates xRef / nRef; count observed, denominator expected) or Sullivan's healthy life
 * expectancy on `lifeExpectancy` (count deaths, denominator population). A value the method does not give
 * (fewer than 10 events for a DSR, a suppressed life table, an empty denominator) is null with a note.
 */
export function computeDemoValue(
  indicator: Pick<DemoIndicator, 'valueType' | 'multiplier'>,
  counts: DemoCounts,
  stdpop?: readonly number[],
): DemoValueFields {
  const multiplier = indicator.multiplier ?? 1;
  switch (indicator.valueType) {
    case 'proportion': {
      const x = scalar(counts, 'x');
      const n = scalar(counts, 'n');
      if (n <= 0) return noDenominator(x, n, 'Value not computed: no cases in the period');
      const r = proportion(x, n, { confidence: CONFIDENCE, multiplier });
      if (!('lower95_0cl' in r)) throw new Error('expected limits at 95% and 99.8%');
      return withLimits(r.value, twoLevels(r), x, n, '');
    }
    case 'crude-rate': {
      const x = scalar(counts, 'x');
      const n = scalar(counts, 'n');
      if (n <= 0) return noDenominator(x, n, 'Value not computed: no population');
      const r = rate(x, n, { confidence: CONFIDENCE, multiplier });
      return withLimits(r.value, twoLevels(r), x, n, '');
    }
    case 'dsr': {
      if (stdpop === undefined) throw new Error('a DSR needs a standard population');
      const r = dsr(bands(counts, 'x'), bands(counts, 'n'), stdpop, { confidence: CONFIDENCE, multiplier });
      return withLimits(
        r.value,
        twoLevels(r),
        r.total_count,
        r.total_pop,
        'Value not computed: fewer than 10 events',
      );
    }
    case 'isr': {
      const r = isRatio(
        bands(counts, 'x'),
        bands(counts, 'n'),
        bands(counts, 'xRef'),
        bands(counts, 'nRef'),
        {
          confidence: CONFIDENCE,
          refvalue: multiplier,
        },
      );
      return withLimits(
        r.value,
        twoLevels(r),
        r.observed,
        r.expected,
        'Value not computed: no deaths expected',
      );
    }
    case 'life-expectancy': {
      const deaths = bands(counts, 'deaths');
      const population = bands(counts, 'population');
      const r = sullivanHealthExpectancy(
        deaths,
        population,
        bands(counts, 'good'),
        bands(counts, 'respondents'),
      );
      return withLimits(
        r.value,
        r,
        deaths.reduce((a, b) => a + b, 0),
        population.reduce((a, b) => a + b, 0),
        'Value not computed: the life table needs a population over 5,000',
      );
    }
    default:
      throw new Error(`demonstration data have no ${indicator.valueType} indicators`);
  }
}
