import { chebyshevEval } from './chebyshev-eval.js';

// SLATEC `dgamma` Chebyshev coefficients for gamma on [1, 2] (public domain); 22 terms give double precision.
const GAMCS = [
  0.8571195590989331421920062399942e-2, 0.4415381324841006757191315771652e-2,
  0.5685043681599363378632664588789e-1, -0.4219835396418560501012500186624e-2,
  0.1326808181212460220584006796352e-2, -0.1893024529798880432523947023886e-3,
  0.3606925327441245256578082217225e-4, -0.6056761904460864218485548290365e-5,
  0.1055829546302283344731823509093e-5, -0.1811967365542384048291855891166e-6,
  0.3117724964715322277790254593169e-7, -0.5354219639019687140874081024347e-8,
  0.919327551985958894688778682594e-9, -0.1577941280288339761767423273953e-9,
  0.2707980622934954543266540433089e-10, -0.4646818653825730144081661058933e-11,
  0.7973350192007419656460767175359e-12, -0.1368078209830916025799499172309e-12,
  0.2347319486563800657233471771688e-13, -0.4027432614949066932766570534699e-14,
  0.6910051747372100912138336975257e-15, -0.1185584500221992907052387126192e-15,
];

/**
 * The gamma function for 0 < |x| <= 10, x not a non-positive integer.
 *
 * Method: Chebyshev series for gamma on [1, 2] then the recurrence gamma(x + 1) = x gamma(x) up or down
 * (SLATEC `dgamma`, the branch R's `gammafn` uses for |x| <= 10).
 * Reference: W. Fullerton, SLATEC Common Mathematical Library, Los Alamos (1977).
 * Cost: O(1) (at most ten recurrence steps).
 *
 * @param x argument with |x| <= 10
 * @returns gamma(x); Infinity at 0 and the negative integers
 * @example
 * gammaSmall(5); // 24
 */
export function gammaSmall(x: number): number {
  if (x === 0 || (x < 0 && x === Math.round(x))) return Number.POSITIVE_INFINITY;
  let n = Math.trunc(x);
  if (x < 0) n--;
  const y = x - n;
  n--;
  let value = chebyshevEval(y * 2 - 1, GAMCS, 22) + 0.9375;
  if (n === 0) return value;
  if (n < 0) {
    for (let i = 0; i < -n; i++) value /= x + i;
    return value;
  }
  for (let i = 1; i <= n; i++) value *= y + i;
  return value;
}
