import { dpoisRaw } from './dpois-raw.js';
import { incompleteGamma } from './incomplete-gamma.js';
import { stirlerr } from './stirlerr.js';

// Taylor coefficients of log((1 - e^-w) / w) = -w/2 + log(sinh(w/2) / (w/2)): the w^(2n) coefficient is
// B_2n / (2n (2n)!) with B_2n the Bernoulli numbers; index k holds the w^k coefficient.
const LOG_G = [
  0,
  -0.5,
  1 / 24,
  0,
  -1 / 2880,
  0,
  1 / 181440,
  0,
  -1 / 9676800,
  0,
  1 / 479001600,
  0,
  -691 / 2730 / (12 * 479001600),
  0,
  7 / 6 / (14 * 87178291200),
  0,
  -3617 / 510 / (16 * 20922789888000),
  0,
  43867 / 798 / (18 * 6402373705728000),
  0,
  -174611 / 330 / (20 * 2432902008176640000),
];
const TERMS = LOG_G.length;

/**
 * The upper tail 1 - I_u(p, q) of the beta distribution when q is large and p small (q >= 100, p^2 <= q), a
 * case where the continued fraction is ill-conditioned (it loses about 1e-12 in double precision).
 *
 * Method: with t = 1 - e^(-w) the tail is the integral over w > w0 = -log(1 - u) of
 * w^(p-1) g(w) e^(-q w) dw / B(p, q), g(w) = ((1 - e^-w) / w)^(p-1). Expanding g in powers of w (the
 * exponential of the series of its logarithm, whose coefficients are Bernoulli numbers) turns it into a sum of
 * upper incomplete gamma functions Q(p + k, q w0) q^(-k) (p)_k, taken upward by the stable recurrence
 * Q(a + 1, z) = Q(a, z) + z^a e^(-z) / gamma(a + 1). It is the expansion behind Didonato and Morris's BGRAT.
 * The factor gamma(p + q) / (gamma(q) q^p) is formed from Stirling remainders so nothing cancels.
 * Reference: A. R. Didonato and A. H. Morris (1992), Algorithm 708, ACM TOMS 18, 360-373 (section 7);
 * N. M. Temme (1987), Incomplete Laplace integrals, J. Comput. Appl. Math. 18, 321-337.
 * Cost: O(1): at most 21 terms and one incomplete gamma evaluation (O(1 + sqrt(p)) iterations).
 *
 * @param u point in (0, 1)
 * @param p first shape, small
 * @param q second shape, large
 * @returns 1 - I_u(p, q)
 * @example
 * betaUpperTailLargeQ(9.55e-5, 0.5, 50000); // about 0.002
 */
export function betaUpperTailLargeQ(u: number, p: number, q: number): number {
  const w0 = -Math.log1p(-u);
  const z = q * w0;
  // Coefficients of g(w) = exp((p - 1) sum LOG_G[k] w^k) by the recurrence for the exponential of a series.
  const g = new Float64Array(TERMS);
  g[0] = 1;
  for (let k = 1; k < TERMS; k++) {
    let acc = 0;
    for (let j = 1; j <= k; j++) acc += j * (p - 1) * (LOG_G[j] as number) * (g[k - j] as number);
    g[k] = acc / k;
  }
  let qk = incompleteGamma(p, z, false);
  let dk = dpoisRaw(p, z);
  let rising = 1;
  let qPower = 1;
  let sum = qk;
  for (let k = 1; k < TERMS; k++) {
    qk += dk;
    rising *= p + k - 1;
    qPower /= q;
    dk *= z / (p + k);
    const term = (g[k] as number) * rising * qPower * qk;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
  }
  const ratio = Math.exp(stirlerr(q + p) - stirlerr(q) + (q + p - 0.5) * Math.log1p(p / q) - p);
  return ratio * sum;
}
