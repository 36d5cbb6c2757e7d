import { rate } from '@healthhub/stats';
import { CONFIDENCE_LEVELS, type FiguresResult, figuresFrom } from './computed-figures.js';

/**
 * A crude rate of one area and sex with @healthhub/stats `rate` (exact limits below 10 events, Byar's from
 * 10, at 95% and 99.8%): `x` events in a population of `n`.
 */
export function rateFigures(x: number, n: number, multiplier: number): FiguresResult {
  if (!(n > 0)) return { ok: false, reason: 'the population is 0' };
  return figuresFrom(rate(x, n, { multiplier, confidence: [...CONFIDENCE_LEVELS] }), x, n, '');
}
