import { qnorm } from './distributions/qnorm.js';

/**
 * The proportion at which an area of a given population sits on a funnel-plot control limit around the
 * average proportion (the Wilson score interval solved for the observed proportion).
 *
 * Method: R's internal sigma_adjustment with z = qnorm(p): the roots of the Wilson-score condition,
 * (A(n/z² + 1) ∓ D/8) / (1/z² + 1/n), divided by n and times the multiplier, where A is the average
 * proportion and D = sqrt((8A(n/z² + 1))² − 64(1/z² + 1/n) A (n(A(n/z² + 2) − 1) + z²(A − 1))). The
 * arithmetic follows R's expression term by term. NaN when the square root is of a negative number.
 * Reference: PHEindicatormethods 2.1, R/utils.R (sigma_adjustment, by Sebastian Fox); Fingertips technical
 * guidance on funnel plots.
 * Cost: O(1).
 *
 * @param p 0.975 for the 95% limits, 0.999 for the 99.8% limits
 * @param population the denominator n
 * @param average the average proportion A (sum of numerators / sum of denominators)
 * @param side "low" or "high"
 * @param multiplier scale of the result (100 for a percentage)
 * @returns the limit, on the multiplier's scale
 * @example
 * funnelSigmaAdjustment(0.975, 1, 0.80642447857149563, 'low', 100); // 3.20426365180882 (R: 3.2042636518087906)
 */
export function funnelSigmaAdjustment(
  p: number,
  population: number,
  average: number,
  side: 'low' | 'high',
  multiplier: number,
): number {
  const q = qnorm(p);
  const z2 = q * q;
  const firstPart = average * (population / z2 + 1);
  const outer = -8 * average * (population / z2 + 1);
  const adj = Math.sqrt(
    outer * outer -
      64 *
        (1 / z2 + 1 / population) *
        average *
        (population * (average * (population / z2 + 2) - 1) + z2 * (average - 1)),
  );
  const lastPart = 1 / z2 + 1 / population;
  const limit = side === 'low' ? (firstPart - adj / 8) / lastPart : (firstPart + adj / 8) / lastPart;
  return (limit / population) * multiplier;
}
