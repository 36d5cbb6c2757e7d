import { NormalPolar, Xoshiro128ss } from '@healthhub/stats';

/** Above this mean a Poisson or binomial draw uses the normal approximation (continuity-rounded). */
const NORMAL_FROM = 30;

/**
 * The seeded random draws the demonstration data are made of: uniforms from xoshiro128** and normals by
 * Marsaglia's polar method (both from @healthhub/stats), and Poisson and binomial counts. Counts are drawn
 * exactly by inversion while the mean is under 30 and by the rounded normal approximation above it, which is
 * ample for generated data and keeps a whole generation well under a second. The same seed always gives the
 * same draws, on every platform.
 */
export class DemoRandom {
  private readonly uniformSource: Xoshiro128ss;
  private readonly normalSource: NormalPolar;

  constructor(seed: number) {
    this.uniformSource = Xoshiro128ss.fromSeed(seed);
    this.normalSource = new NormalPolar(this.uniformSource);
  }

  /** Uniform on [0, 1). */
  uniform(): number {
    return this.uniformSource.nextFloat64();
  }

  /** Normal with the given mean and standard deviation. */
  normal(mean = 0, sd = 1): number {
    return mean + sd * this.normalSource.next();
  }

  /** A Poisson count with mean `lambda` (0 when lambda is 0 or less). */
  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    if (lambda >= NORMAL_FROM) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const u = this.uniform();
    let k = 0;
    let p = Math.exp(-lambda);
    let cumulative = p;
    while (u > cumulative && k < 1000) {
      k += 1;
      p *= lambda / k;
      cumulative += p;
    }
    return k;
  }

  /** A binomial count of successes in `n` trials of probability `p` (n rounded to an integer). */
  binomial(n: number, p: number): number {
    const trials = Math.max(0, Math.round(n));
    if (trials === 0 || p <= 0) return 0;
    if (p >= 1) return trials;
    if (p > 0.5) return trials - this.binomial(trials, 1 - p);
    const mean = trials * p;
    if (mean >= NORMAL_FROM) {
      const draw = Math.round(mean + Math.sqrt(mean * (1 - p)) * this.normal());
      return Math.min(trials, Math.max(0, draw));
    }
    const u = this.uniform();
    const odds = p / (1 - p);
    let k = 0;
    let mass = (1 - p) ** trials;
    let cumulative = mass;
    while (u > cumulative && k < trials) {
      mass *= (odds * (trials - k)) / (k + 1);
      k += 1;
      cumulative += mass;
    }
    return k;
  }
}
