/**
 * R's `format(x, scientific = FALSE)` for one finite number: 7 significant digits (R's default `digits`),
 * never in scientific notation, without trailing zeros; integer digits are never dropped.
 *
 * Method: round to 7 significant digits, then write in fixed notation with as many decimals as the rounded
 * value needs. Used for the `statistic` text, e.g. "rate per 100000", "dsr per 100000".
 * Reference: R `format.default` / `formatReal` with digits = 7, scipen ignored by scientific = FALSE.
 * Cost: O(1).
 *
 * @param x a finite number
 * @returns the text, e.g. "100000", "0.5", "1234.568"; "NA" / "Inf" / "-Inf" for the non-finite values
 * @example
 * rFormatFixed(1e5); // "100000"
 */
export function rFormatFixed(x: number): string {
  if (Number.isNaN(x)) return 'NA';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  if (magnitude >= 6) {
    // 7 significant digits already cover every integer digit up to 9,999,999; beyond, R still prints them all.
    const rounded = Number(x.toPrecision(7));
    return magnitude >= 21 ? BigInt(Math.round(rounded)).toString() : rounded.toFixed(0);
  }
  const rounded = Number(x.toPrecision(7));
  const [mantissa, exponentText] = Math.abs(rounded).toExponential(6).split('e') as [string, string];
  const digits = mantissa.replace('.', '').replace(/0+$/, '');
  const decimals = Math.max(0, digits.length - 1 - Number(exponentText));
  return rounded.toFixed(decimals);
}
