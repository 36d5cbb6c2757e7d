/**
 * Probability that a Poisson(z) count lies in [xa, xb], summed as the Fingertips Excel macro does.
 *
 * Method: terms q_k = z^k / k! (relative to q_0 = 1) are added until k > z and the last term is below 1e-10 of
 * the running total, rescaling by 1e30 to avoid overflow; the result is (sum over xa <= k <= xb) / total.
 */
function poissonInterval(z: number, xa: number, xb: number): number {
  let q = 1;
  let total = 0;
  let s = 0;
  let k = 0;
  while (k <= z || q > total * 1e-10) {
    total += q;
    if (k >= xa && k <= xb) s += q;
    if (total > 1e30) {
      s /= 1e30;
      total /= 1e30;
      q /= 1e30;
    }
    k += 1;
    q = (q * z) / k;
  }
  return s / total;
}

/**
 * The Poisson mean at which `obs` events sit exactly on a funnel-plot control limit: the expected count for
 * which P(K >= obs) = p ("low", the mean below the observation) or P(K <= obs) = p ("high").
 *
 * Method: R's internal poisson_funnel, a port of the Fingertips funnel-plot Excel macro: bisection on
 * v in (0, 1) with mean (1 + obs) v / (1 - v), halving the step from 0.25 until it is at most 1e-7 (23 steps),
 * each step evaluating the Poisson interval probability by direct summation. Reproduced operation for
 * operation so the limits agree with R to rounding error.
 * Reference: PHEindicatormethods 2.1, R/utils.R (poisson_cis, poisson_funnel); Fingertips funnel plot tool.
 * Cost: O(23 × (obs + c√obs)) operations.
 *
 * @param obs observed events, an integer >= 0
 * @param p tail probability, e.g. 0.025 or 0.001
 * @param side "low" or "high"
 * @returns the expected count on the limit
 * @example
 * funnelPoissonLimit(1, 0.025, 'high'); // 5.5716445854321845
 */
export function funnelPoissonLimit(obs: number, p: number, side: 'low' | 'high'): number {
  let v = 0.5;
  let dv = 0.5;
  if (side === 'low') {
    while (dv > 1e-7) {
      dv /= 2;
      if (poissonInterval(((1 + obs) * v) / (1 - v), obs, 10000000000) > p) v -= dv;
      else v += dv;
    }
  } else {
    while (dv > 1e-7) {
      dv /= 2;
      if (poissonInterval(((1 + obs) * v) / (1 - v), 0, obs) < p) v -= dv;
      else v += dv;
    }
  }
  return ((1 + obs) * v) / (1 - v);
}
