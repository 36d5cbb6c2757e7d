import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { lgamma, pbeta, pchisq, pgamma, pnorm, pt, qbeta, qchisq, qgamma, qnorm, qt } from '../src/index.js';
import { assertClose } from './support/assert-close.js';

// Reference values computed at 60 significant digits with mpmath (quantiles by bisection on the
// high-precision distribution function), rounded to the nearest double.
const REFERENCE: [string, number[], number][] = [
  ['pnorm', [-37], 5.725571222524577e-300],
  ['pnorm', [-20], 2.7536241186062337e-89],
  ['pnorm', [-8.5], 9.479534822203318e-18],
  ['pnorm', [-5.7], 5.990371401063528e-9],
  ['pnorm', [-1.96], 0.024997895148220435],
  ['pnorm', [-0.5], 0.3085375387259869],
  ['pnorm', [0], 0.5],
  ['pnorm', [0.3], 0.6179114221889527],
  ['pnorm', [0.67], 0.7485711049046899],
  ['pnorm', [0.68], 0.7517477695464295],
  ['pnorm', [1.96], 0.9750021048517795],
  ['pnorm', [3], 0.9986501019683699],
  ['pnorm', [5.6], 0.9999999892824097],
  ['pnorm', [5.7], 0.9999999940096286],
  ['pnorm', [8], 0.9999999999999993],
  ['pnormU', [1.96], 0.024997895148220435],
  ['pnormU', [5.7], 5.990371401063528e-9],
  ['pnormU', [20], 2.7536241186062337e-89],
  ['pgamma', [0.1, 0.5], 0.345279153981423],
  ['pgammaU', [0.1, 0.5], 0.654720846018577],
  ['pgamma', [3, 0.5], 0.9856941215645704],
  ['pgammaU', [3, 0.5], 0.01430587843542964],
  ['pgamma', [1, 1], 0.6321205588285577],
  ['pgammaU', [1, 1], 0.36787944117144233],
  ['pgamma', [2, 2.5], 0.4505840486472198],
  ['pgammaU', [2, 2.5], 0.5494159513527802],
  ['pgamma', [8, 10], 0.2833757412729891],
  ['pgammaU', [8, 10], 0.7166242587270109],
  ['pgamma', [25, 10], 0.9997785233617512],
  ['pgammaU', [25, 10], 0.00022147663824878357],
  ['pgamma', [90, 100], 0.15822098918643016],
  ['pgammaU', [90, 100], 0.8417790108135699],
  ['pgamma', [1050, 1000], 0.9413288886226819],
  ['pgammaU', [1050, 1000], 0.05867111137731808],
  ['pgamma', [999000, 1000000.0], 0.15865521357430365],
  ['pgammaU', [999000, 1000000.0], 0.8413447864256963],
  ['pgamma', [1001500, 1000000.0], 0.9331388957641022],
  ['pgammaU', [1001500, 1000000.0], 0.06686110423589776],
  ['pchisq', [34.16960690283833, 20], 0.975],
  ['pchisq', [3.84, 1], 0.9499564787512949],
  ['pchisq', [0.05063561596857975, 2], 0.025],
  ['pchisq', [250, 200], 0.9906208683311739],
  ['qchisq', [0.975, 20], 34.16960690283834],
  ['qchisq', [0.025, 2], 0.05063561596857975],
  ['qchisq', [0.025, 0], 0],
  ['qchisq', [0.025, 18], 8.230746194756666],
  ['qchisq', [0.975, 20], 34.16960690283834],
  ['qchisq', [0.001, 2], 0.002001000667167067],
  ['qchisq', [0.999, 22], 48.26794229083517],
  ['qchisq', [0.0001, 4], 0.028418475243555],
  ['qchisq', [0.5, 1], 0.4549364231195728],
  ['qchisq', [0.025, 200], 162.72798250184627],
  ['qchisq', [0.975, 202], 243.25358758485277],
  ['qchisq', [0.025, 20000], 19609.904934520368],
  ['qchisq', [0.975, 20002], 20395.903249322946],
  ['qchisq', [0.025, 2000000.0], 1996081.9666805877],
  ['qchisq', [0.975, 2000002.0], 2003923.8238908644],
  ['qchisq', [0.001, 2000000.0], 1993825.2346396304],
  ['qchisq', [0.999, 2000002.0], 2006188.1678299403],
  ['qchisq', [0.1, 0.5], 0.00013500124771267933],
  ['qgamma', [0.5, 1], Math.LN2],
  ['qgamma', [0.975, 10], 17.08480345141917],
  ['qgamma', [0.01, 0.3], 1.5022226552360383e-7],
  ['qgamma', [0.999, 3.5], 12.160943173928427],
  ['pbeta', [0.5, 2, 3], 0.6875],
  ['pbetaU', [0.5, 2, 3], 0.3125],
  ['pbeta', [0.1, 0.5, 0.5], 0.20483276469913345],
  ['pbetaU', [0.1, 0.5, 0.5], 0.7951672353008665],
  ['pbeta', [0.9, 0.5, 0.5], 0.7951672353008665],
  ['pbetaU', [0.9, 0.5, 0.5], 0.20483276469913342],
  ['pbeta', [0.3, 10, 20], 0.3640040810719442],
  ['pbetaU', [0.3, 10, 20], 0.6359959189280557],
  ['pbeta', [0.2, 0.1, 10], 0.9952541941596682],
  ['pbetaU', [0.2, 0.1, 10], 0.0047458058403318315],
  ['pbeta', [0.6, 100, 50], 0.044424097290243734],
  ['pbetaU', [0.6, 100, 50], 0.9555759027097562],
  ['pbeta', [3e-5, 0.5, 50000], 0.9167370251628749],
  ['pbetaU', [3e-5, 0.5, 50000], 0.08326297483712505],
  ['pbeta', [0.9999, 50000, 0.5], 0.0015650197621734948],
  ['pbetaU', [0.9999, 50000, 0.5], 0.9984349802378265],
  ['pbeta', [0.45, 1000, 1000], 3.683198869007578e-6],
  ['pbetaU', [0.45, 1000, 1000], 0.999996316801131],
  ['qbeta', [0.6875, 2, 3], 0.5],
  ['qbeta', [0.025, 0.5, 0.5], 0.001541333133436012],
  ['qbeta', [0.975, 10, 20], 0.50832335380999],
  ['qbeta', [0.01, 0.1, 10], 6.356342846785946e-22],
  ['qbeta', [0.5, 100, 50], 0.6674092288952732],
  ['qbeta', [0.999, 3, 7], 0.761151699875383],
  ['pt', [2.364624251592785, 7], 0.975],
  ['pt', [-2.5, 3], 0.04385332350403277],
  ['pt', [0.3, 1], 0.5927735790777423],
  ['pt', [-40, 1], 0.007956089912025814],
  ['pt', [1.5, 2], 0.8638034375544995],
  ['pt', [-3.1, 30], 0.0020922424302753737],
  ['pt', [-1.96, 1000], 0.02513659247787436],
  ['pt', [-3.09, 100000.0], 0.0010010570587004216],
  ['pt', [-6, 100000.0], 9.899647278008813e-10],
  ['pt', [-1.96, 100000.0], 0.02499928159715082],
  ['pt', [8, 5], 0.9997535466697138],
  ['qt', [0.975, 7], 2.364624251592785],
  ['qt', [0.975, 17], 2.1098155778333165],
  ['qt', [0.975, 1], 12.706204736174694],
  ['qt', [0.999, 1], 318.30883898555015],
  ['qt', [0.975, 2], 4.302652729749462],
  ['qt', [0.001, 2], -22.327124770119877],
  ['qt', [0.975, 3], 3.1824463052837086],
  ['qt', [0.999, 4], 7.173182219782307],
  ['qt', [0.975, 9], 2.262157162798205],
  ['qt', [0.999, 30], 3.385184866829305],
  ['qt', [0.975, 100], 1.9839715185235518],
  ['qt', [0.999, 1000], 3.0984021639129224],
  ['qt', [0.975, 100000.0], 1.9599877075346093],
  ['qt', [0.999, 100000.0], 3.0903138094272373],
  ['qt', [0.0005, 25], -3.72514394972865],
  ['qt', [0.6, 12], 0.259032745676887],
  ['lgamma', [0.5], 0.5723649429247001],
  ['lgamma', [1], 0.0],
  ['lgamma', [2], 0.0],
  ['lgamma', [3], Math.LN2],
  ['lgamma', [10], 12.801827480081469],
  ['lgamma', [10.5], 13.940625219403763],
  ['lgamma', [100.25], 360.28455963776423],
  ['lgamma', [1000000.0], 12815504.569147611],
  ['lgamma', [-0.5], 1.2655121234846454],
  ['lgamma', [-2.5], -0.056243716497674054],
  ['lgamma', [-11.5], -17.589617626087044],
  ['lgamma', [1e-8], 18.42068073818021],
];

const FUNCTIONS: Record<string, (...args: number[]) => number> = {
  pnorm: (x) => pnorm(x as number),
  pnormU: (x) => pnorm(x as number, false),
  pgamma: (x, a) => pgamma(x as number, a as number),
  pgammaU: (x, a) => pgamma(x as number, a as number, 1, false),
  pchisq: (x, df) => pchisq(x as number, df as number),
  qchisq: (p, df) => qchisq(p as number, df as number),
  qgamma: (p, a) => qgamma(p as number, a as number),
  pbeta: (x, a, b) => pbeta(x as number, a as number, b as number),
  pbetaU: (x, a, b) => pbeta(x as number, a as number, b as number, false),
  qbeta: (p, a, b) => qbeta(p as number, a as number, b as number),
  pt: (x, df) => pt(x as number, df as number),
  qt: (p, df) => qt(p as number, df as number),
  lgamma: (x) => lgamma(x as number),
};

test('distribution functions match high-precision reference values to 1e-13', () => {
  for (const [name, args, expected] of REFERENCE) {
    const fn = FUNCTIONS[name];
    assert.ok(fn, name);
    // lgamma is judged on absolute error where its value crosses zero.
    const actual = fn(...args);
    if (name === 'lgamma' && Math.abs(expected) < 1)
      assert.ok(Math.abs(actual - expected) < 1e-15, `${name}(${args})`);
    else assertClose(actual, expected, 1e-13, `${name}(${args.join(', ')})`);
  }
});

test('values quoted from R agree to 1e-14', () => {
  assertClose(qchisq(0.975, 20), 34.16960690283833, 1e-14, 'qchisq(0.975, 20)');
  assertClose(qchisq(0.025, 2), 0.05063561596857975, 1e-14, 'qchisq(0.025, 2)');
  assertClose(qt(0.975, 7), 2.364624251592785, 1e-14, 'qt(0.975, 7)');
  assertClose(qt(0.975, 17), 2.109815577833317, 1e-14, 'qt(0.975, 17)');
  assertClose(pnorm(1.96), 0.9750021048517795, 1e-15, 'pnorm(1.96)');
});

test('hand-checkable closed forms', () => {
  // Exponential: P(1, x) = 1 - e^-x; chi-squared with 2 df: qchisq(p, 2) = -2 log(1 - p).
  assertClose(pgamma(2, 1), 1 - Math.exp(-2), 1e-15, 'pgamma(2, 1)');
  assertClose(pgamma(4, 1, 2), 1 - Math.exp(-2), 1e-15, 'pgamma scale');
  assertClose(qgamma(0.3, 1, 5), -5 * Math.log(0.7), 1e-14, 'qgamma scale');
  assertClose(qchisq(0.9, 2), -2 * Math.log(0.1), 1e-14, 'qchisq(0.9, 2)');
  // Chi-squared with 1 df is a squared normal.
  assertClose(pchisq(1.96 * 1.96, 1), 2 * pnorm(1.96) - 1, 1e-14, 'pchisq 1 df');
  // Beta(1, 1) is uniform; Beta(a, 1) has P(x) = x^a.
  assertClose(pbeta(0.3, 1, 1), 0.3, 1e-15, 'uniform');
  assertClose(pbeta(0.3, 2.5, 1), 0.3 ** 2.5, 1e-14, 'power');
  assertClose(qbeta(0.3 ** 2.5, 2.5, 1), 0.3, 1e-14, 'qbeta power');
  // t with 1 df is Cauchy; with 2 df has a closed form.
  assertClose(pt(1, 1), 0.75, 1e-15, 'Cauchy');
  assertClose(qt(0.75, 1), 1, 1e-14, 'qt Cauchy');
  assertClose(pt(1, 2), 0.5 + 1 / (2 * Math.sqrt(3)), 1e-15, 't2');
  assertClose(lgamma(6), Math.log(120), 1e-15, 'lgamma(6)');
  assertClose(lgamma(0.5), 0.5 * Math.log(Math.PI), 1e-15, 'lgamma(1/2)');
});

test('edge arguments follow R', () => {
  assert.equal(pnorm(Number.POSITIVE_INFINITY), 1);
  assert.equal(pnorm(Number.NEGATIVE_INFINITY), 0);
  assert.ok(Number.isNaN(pnorm(Number.NaN)));
  assert.equal(pnorm(0), 0.5);
  assert.equal(qchisq(0, 5), 0);
  assert.equal(qchisq(1, 5), Number.POSITIVE_INFINITY);
  assert.equal(qchisq(0.3, 0), 0);
  assert.equal(pchisq(0, 3), 0);
  assert.equal(pchisq(2, 0), 1);
  assert.ok(Number.isNaN(qchisq(1.2, 3)));
  assert.ok(Number.isNaN(qchisq(0.5, -1)));
  assert.ok(Number.isNaN(pgamma(1, 2, 0)));
  assert.equal(qt(0.5, 4), 0);
  assert.equal(qt(0, 4), Number.NEGATIVE_INFINITY);
  assert.equal(qt(1, 4), Number.POSITIVE_INFINITY);
  assert.ok(Number.isNaN(qt(0.5, 0)));
  assert.equal(pt(Number.POSITIVE_INFINITY, 3), 1);
  assert.equal(pt(Number.NEGATIVE_INFINITY, 3), 0);
  assertClose(pt(1.3, Number.POSITIVE_INFINITY), pnorm(1.3), 1e-15, 'pt infinite df');
  assert.equal(pbeta(0, 2, 3), 0);
  assert.equal(pbeta(1, 2, 3), 1);
  assert.equal(qbeta(0, 2, 3), 0);
  assert.equal(qbeta(1, 2, 3), 1);
  assert.equal(lgamma(0), Number.POSITIVE_INFINITY);
  assert.equal(lgamma(-3), Number.POSITIVE_INFINITY);
});

test('upper-tail arguments are the complements, precise in the far tail', () => {
  assertClose(pchisq(qchisq(1e-12, 10, false), 10, false), 1e-12, 1e-12, 'pchisq upper round trip');
  assertClose(qt(1e-10, 9, false), -qt(1e-10, 9), 1e-13, 'qt upper');
  assertClose(qgamma(0.01, 3, 1, false), qgamma(0.99, 3), 1e-14, 'qgamma upper');
  assertClose(qbeta(0.2, 3, 4, false), qbeta(0.8, 3, 4), 1e-14, 'qbeta upper');
  assertClose(pt(-3, 12), pt(3, 12, false), 1e-15, 'pt symmetry');
});

/**
 * True when q is within `rel` (relative) of the root of cdf(x) = target, judged by the distribution function
 * changing sign across [q (1 - rel), q (1 + rel)]: tail probabilities can move by far more than 1e-12 for a
 * one-ulp change of q, so checking cdf(q) against p would test the conditioning, not the quantile.
 */
function bracketsRoot(cdf: (x: number) => number, q: number, target: number, rel: number): boolean {
  const lo = cdf(q - Math.abs(q) * rel);
  const hi = cdf(q + Math.abs(q) * rel);
  return Math.min(lo, hi) <= target && target <= Math.max(lo, hi);
}

test('property: quantile functions invert their distribution functions (1e-14; t and beta 1e-13)', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
      fc.integer({ min: 0, max: 400_000 }),
      (p, x) => {
        // The exact Poisson limits use 2x and 2x + 2 degrees of freedom.
        const df = 2 * x + 2;
        const lower = p <= 0.5;
        const target = lower ? p : 1 - p;
        return bracketsRoot((v) => pchisq(v, df, lower), qchisq(p, df), target, 1e-14);
      },
    ),
    { numRuns: 200 },
  );
  fc.assert(
    fc.property(
      fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
      fc.integer({ min: 1, max: 100_000 }),
      (p, df) => {
        const lower = p <= 0.5;
        const target = lower ? p : 1 - p;
        // R's qt stops refining once its Newton step is under 1e-14 of q, and pt carries rounding of its own
        // in the tails: about 1 draw in 2,500 lands just outside 1e-14, none in 200,000 outside 1e-13.
        return bracketsRoot((v) => pt(v, df, lower), qt(p, df), target, 1e-13);
      },
    ),
    { numRuns: 200 },
  );
  fc.assert(
    fc.property(
      fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
      fc.double({ min: 0.2, max: 500, noNaN: true }),
      fc.double({ min: 0.2, max: 500, noNaN: true }),
      (p, a, b) => {
        const lower = p <= 0.5;
        const target = lower ? p : 1 - p;
        return bracketsRoot((v) => pbeta(v, a, b, lower), qbeta(p, a, b), target, 1e-13);
      },
    ),
    { numRuns: 200 },
  );
});

test('property: pnorm and qnorm are inverse and symmetric', () => {
  fc.assert(
    fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
      const lower = pnorm(x);
      const upper = pnorm(-x, false);
      return (
        lower === upper &&
        Math.abs(qnorm(pnorm(-Math.abs(x))) + Math.abs(x)) <= 1e-13 * Math.max(1, Math.abs(x))
      );
    }),
    { numRuns: 300 },
  );
});
