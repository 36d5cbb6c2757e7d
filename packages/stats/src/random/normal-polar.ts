/** Anything that yields doubles uniform on [0, 1), e.g. {@link Xoshiro128ss}. */
export interface UniformSource {
  nextFloat64(): number;
}

/**
 * Standard normal variates from a uniform source by Marsaglia's polar method.
 *
 * Method: draw (u, v) uniform on the square [-1, 1)^2 until 0 < s = u^2 + v^2 < 1, then u * f and v * f with
 * f = sqrt(-2 ln(s) / s) are two independent N(0, 1) variates; the second is kept for the next call. About 1.27
 * pairs of uniforms are used per pair of normals. Deterministic given the uniform stream.
 * Reference: G. Marsaglia and T. A. Bray (1964), A convenient method for generating normal variables, SIAM
 * Review 6(3), 260-264.
 * Cost: O(1) expected per variate (one log and one square root per two variates), no allocation.
 *
 * @example
 * const normal = new NormalPolar(Xoshiro128ss.fromSeed(1));
 * const z = normal.next(); // a N(0, 1) draw
 */
export class NormalPolar {
  private readonly uniform: UniformSource;
  private spare = 0;
  private hasSpare = false;

  constructor(uniform: UniformSource) {
    this.uniform = uniform;
  }

  /** The next N(0, 1) variate. */
  next(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform.nextFloat64() - 1;
      v = 2 * this.uniform.nextFloat64() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }
}
