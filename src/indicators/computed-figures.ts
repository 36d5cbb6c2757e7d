import type { ConfidenceLimits } from '@healthhub/stats';

/** The figures of one computed indicator value, as indicator_values holds them. */
export interface ComputedFigures {
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly lower998: number | null;
  readonly upper998: number | null;
  readonly count: number;
  readonly denominator: number;
  readonly valueNote: string | null;
}

/** The figures of one area and sex, or why they cannot be computed. */
export type FiguresResult =
  | { readonly ok: true; readonly figures: ComputedFigures }
  | { readonly ok: false; readonly reason: string };

/** Both confidence levels indicator values hold: 95% and 99.8%. */
export const CONFIDENCE_LEVELS = [0.95, 0.998] as const;

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * Figures from a @healthhub/stats result at both levels; a value the method does not give (NaN: a DSR of
 * fewer than 10 events) is null, with its limits, and `note` says why.
 */
export function figuresFrom(
  result: { value: number } & ConfidenceLimits,
  count: number,
  denominator: number,
  note: string,
): FiguresResult {
  if (!('lower95_0cl' in result)) throw new Error('expected limits at 95% and 99.8%');
  const value = finite(result.value);
  const limit = (x: number) => (value === null ? null : finite(x));
  return {
    ok: true,
    figures: {
      value,
      lower95: limit(result.lower95_0cl),
      upper95: limit(result.upper95_0cl),
      lower998: limit(result.lower99_8cl),
      upper998: limit(result.upper99_8cl),
      count,
      denominator,
      valueNote: value === null ? note : null,
    },
  };
}
