import { qchisq } from './distributions/qchisq.js';
import { qnorm } from './distributions/qnorm.js';

/**
 * The confidence limit of an observed / expected ratio, used to test a point of a ratio or rate funnel plot.
 *
 * Method: R's internal funnel_ratio_significance: exact Poisson limits for fewer than 10 events
 * (lower: qchisq(0.5 + p/2, 2·obs, upper tail) / 2, 0 when obs = 0; upper: qchisq(0.5 + p/2, 2·obs + 2) / 2),
 * otherwise Byar's approximation (lower: o(1 − 1/(9o) − z/(3√o))³ with o = obs; upper: the same with + z and
 * o = obs + 1, z = qnorm(0.5 + p/2)); the count limit is then divided by the expected count.
 * Reference: PHEindicatormethods 2.1, R/utils.R; Breslow & Day (1987) for Byar's method.
 * Cost: O(1) (a chi-squared quantile for obs < 10).
 *
 * @param obs observed events
 * @param expected expected events (or derived denominator for rates)
 * @param p two-sided confidence, 0.95 or 0.998
 * @param side "low" for the lower limit, "high" for the upper
 * @returns the limit of the ratio; NaN when `expected` is NaN
 * @example
 * funnelRatioSignificance(20, 10, 0.95, 'low'); // 1.2211428834875935
 */
export function funnelRatioSignificance(
  obs: number,
  expected: number,
  p: number,
  side: 'low' | 'high',
): number {
  let statistic: number;
  if (obs === 0 && side === 'low') statistic = 0;
  else if (obs < 10) {
    statistic =
      side === 'low' ? qchisq(0.5 + p / 2, 2 * obs, false) / 2 : qchisq(0.5 + p / 2, 2 * obs + 2, true) / 2;
  } else {
    const z = qnorm(0.5 + p / 2);
    if (side === 'low') {
      statistic = obs * (1 - 1 / (9 * obs) - z / 3 / Math.sqrt(obs)) ** 3;
    } else {
      const o = obs + 1;
      statistic = o * (1 - 1 / (9 * o) + z / 3 / Math.sqrt(o)) ** 3;
    }
  }
  return statistic / expected;
}
