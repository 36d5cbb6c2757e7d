import { proportion } from '@healthhub/stats';
import { CONFIDENCE_LEVELS, type FiguresResult, figuresFrom } from './computed-figures.js';

/**
 * A proportion of one area and sex with @healthhub/stats `proportion` (Wilson score limits at 95% and
 * 99.8%): `x` of `n`. A numerator above its denominator is not a proportion.
 */
export function proportionFigures(x: number, n: number, multiplier: number): FiguresResult {
  if (!(n > 0)) return { ok: false, reason: 'the denominator is 0' };
  if (x > n) return { ok: false, reason: `the numerator (${x}) is above the denominator (${n})` };
  const result = proportion(x, n, { multiplier, confidence: [...CONFIDENCE_LEVELS] });
  if (!('lower95_0cl' in result)) throw new Error('expected limits at 95% and 99.8%');
  return figuresFrom(result, x, n, '');
}
