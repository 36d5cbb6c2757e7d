import { chebyshevEval } from './chebyshev-eval.js';

// SLATEC `d9lgmc` Chebyshev coefficients (public domain); the first five reach double precision for x >= 10.
const ALGMCS = [
  0.1666389480451863247205729650822, -0.1384948176067563840732986059135e-4,
  0.9810825646924729426157171547487e-8, -0.1809129475572494194263306266719e-10,
  0.6221098041892605227126015543416e-13,
];
const XBIG = 94906265.62425156;
const XMAX = 3.745194030963158e306;

/**
 * Stirling-series remainder of log-gamma: lgamma(x) - ((x - 0.5) log x - x + log sqrt(2 pi)), for x >= 10.
 *
 * Method: Chebyshev series in (10/x)^2 (SLATEC `d9lgmc`, as R's `lgammacor`); 1/(12x) beyond 9.5e7.
 * Reference: W. Fullerton, SLATEC Common Mathematical Library, Los Alamos (1977).
 * Cost: O(1).
 *
 * @param x argument, at least 10 (NaN below)
 * @example
 * lgammacor(10); // 0.008330563433362871
 */
export function lgammacor(x: number): number {
  if (!(x >= 10)) return Number.NaN;
  if (x >= XMAX) return 0;
  if (x < XBIG) {
    const t = 10 / x;
    return chebyshevEval(t * t * 2 - 1, ALGMCS, 5) / x;
  }
  return 1 / (x * 12);
}
