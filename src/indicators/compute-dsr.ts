import { dsr } from '@healthhub/stats';
import { type AgeBand, formatAgeBand } from '../populations/age-band.js';
import { CONFIDENCE_LEVELS, type FiguresResult, figuresFrom } from './computed-figures.js';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * A directly standardised rate of one area and sex with @healthhub/stats `dsr` (Dobson limits at 95% and
 * 99.8%): events `x` and population `n` by the bands of the standard population `weights`. Fewer than 10
 * events give no value (noted); a band with no population cannot be standardised.
 */
export function dsrFigures(
  x: readonly number[],
  n: readonly number[],
  weights: readonly number[],
  bands: readonly AgeBand[],
  multiplier: number,
): FiguresResult {
  const empty = n.findIndex((p) => !(p > 0));
  if (empty >= 0) {
    return { ok: false, reason: `the population of ages ${formatAgeBand(bands[empty]!)} is 0` };
  }
  const result = dsr(x, n, weights, { multiplier, confidence: [...CONFIDENCE_LEVELS] });
  return figuresFrom(result, sum(x), sum(n), 'Value not computed: fewer than 10 events');
}
