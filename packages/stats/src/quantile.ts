import { StatsInputError } from './errors.js';

/** Options for {@link quantile}. */
export interface QuantileOptions {
  /** Number of quantiles to split the group into (R's `nquantiles`); default 10. */
  readonly nquantiles?: number;
  /**
   * Direction of assignment (R's `invert`); default `true`, i.e. quantile 1 holds the HIGHEST values.
   * Either one boolean, or one boolean per value (R's `inverttype = "field"`), which must then be the same for
   * every value of the group.
   */
  readonly invert?: boolean | ArrayLike<boolean>;
  /** Receives R's warning when the group has too few non-missing values to assign quantiles. */
  readonly onWarning?: (message: string) => void;
}

const TOO_FEW_WARNING = 'One or more groups had too few small areas to allow quantiles to be assigned';

function resolveInvert(invert: boolean | ArrayLike<boolean>, length: number): boolean {
  if (typeof invert === 'boolean') return invert;
  if (invert.length !== length) {
    throw new StatsInputError(
      'LENGTH_MISMATCH',
      `invert has ${invert.length} values but values has ${length}; give one invert value per value`,
    );
  }
  if (length === 0) return true;
  const first = invert[0] as boolean;
  for (let i = 1; i < length; i++) {
    if (invert[i] !== first) {
      throw new StatsInputError(
        'INVERT_NOT_CONSTANT',
        'invert field values must take the same logical value for each data grouping set',
        i,
      );
    }
  }
  return first;
}

/**
 * Assigns each value of ONE group to a quantile (1..nquantiles), as R's `phe_quantile` does within a grouping set.
 *
 * Method: the n non-missing values are ranked (ties take the lowest rank, R's `ties.method = "min"`), after
 * replacing each value v by `max - v` when `invert` is true; the quantile of rank r is
 * `floor((q + 1) - ceiling(((n + 1) - r) / (n / q)))`, with 0 raised to 1 (q = nquantiles). Missing values
 * (NaN) keep NaN and do not count towards n. When n < q no quantiles are assigned: every element is NaN and,
 * if the group has any non-missing value, R's warning "One or more groups had too few small areas to allow
 * quantiles to be assigned" is reported. Grouping is the caller's: call once per grouping set.
 * Reference: PHEindicatormethods 2.1 `phe_quantile`; OHID Technical Guide "Assigning Deprivation Categories".
 * Cost: O(n log n) time (one sort), O(n) memory.
 *
 * @param values the group's values; NaN is missing (R's NA)
 * @param options see {@link QuantileOptions}
 * @returns one quantile per value, aligned with `values` (R keeps the input row order); NaN where R gives NA
 * @throws StatsInputError INVERT_NOT_CONSTANT (R's "invert field values must take the same logical value for
 *   each data grouping set") when a per-value `invert` differs within the group; LENGTH_MISMATCH
 * @example
 * quantile([10, 20, 30, 40], { nquantiles: 2 }); // [2, 2, 1, 1] (invert defaults to true)
 * quantile([10, 20, 30, 40], { nquantiles: 2, invert: false }); // [1, 1, 2, 2]
 */
export function quantile(values: ArrayLike<number>, options: QuantileOptions = {}): number[] {
  const nq = options.nquantiles ?? 10;
  const length = values.length;
  const invert = resolveInvert(options.invert ?? true, length);
  const result = new Array<number>(length).fill(Number.NaN);

  let count = 0;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < length; i++) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) {
      count++;
      if (v > max) max = v;
    }
  }
  if (count < nq) {
    if (count > 0) options.onWarning?.(TOO_FEW_WARNING);
    return result;
  }

  // R ranks max - v (not -v) when inverting; the subtraction can merge or split near-ties, so do the same.
  // An adjusted value that is NaN (Inf - Inf) is NA to R's rank: it keeps NA but still counts towards n.
  const adjusted = new Float64Array(length);
  let ranked = 0;
  const order: number[] = [];
  for (let i = 0; i < length; i++) {
    const v = values[i] as number;
    const a = invert ? max - v : v;
    adjusted[i] = a;
    if (!Number.isNaN(a)) {
      order.push(i);
      ranked++;
    }
  }
  order.sort((x, y) => {
    const a = adjusted[x] as number;
    const b = adjusted[y] as number;
    return a < b ? -1 : a > b ? 1 : 0;
  });

  const width = count / nq;
  let rank = 1;
  let assigned = 0;
  for (let k = 0; k < ranked; k++) {
    const i = order[k] as number;
    if (k > 0 && (adjusted[i] as number) !== (adjusted[order[k - 1] as number] as number)) rank = k + 1;
    const q = Math.floor(nq + 1 - Math.ceil((count + 1 - rank) / width));
    result[i] = q === 0 ? 1 : q;
    if (!Number.isNaN(q)) assigned++;
  }
  // R warns when any non-missing value is left without a quantile, whatever the reason.
  if (assigned < count) options.onWarning?.(TOO_FEW_WARNING);
  return result;
}
