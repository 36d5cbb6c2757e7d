/**
 * R's `as.character(x)` (also `paste(x)`) for one finite double: at most 15 significant digits, in fixed or
 * scientific notation, whichever is narrower (fixed on a tie), so 100000 gives "1e+05" and 123456 "123456".
 *
 * Method: R's formatReal rule with scipen = 0: the fixed width of the 15-significant-digit value is compared
 * with the width of its scientific form (mantissa digits, "e", sign and at least two exponent digits).
 * Reference: R's `as.character` / `formatReal` (R 4.x). phe_sii writes `paste0("simulation ", repetitions,
 * " reps")`; calculate_funnel_limits counts digits with `nchar(floor(x))`.
 * Cost: O(1).
 *
 * @param x a finite number
 * @returns R's text for it; "NA", "Inf", "-Inf" for the non-finite values
 * @example
 * rAsCharacter(1e5); // "1e+05"
 */
export function rAsCharacter(x: number): string {
  if (Number.isNaN(x)) return 'NA';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return '0';
  const negative = x < 0;
  const [mantissaText, exponentText] = Math.abs(x).toExponential(14).split('e') as [string, string];
  const exponent = Number(exponentText);
  const digits = mantissaText.replace('.', '').replace(/0+$/, '');
  const nsig = digits.length;
  const sign = negative ? '-' : '';
  const fixedWidth =
    exponent >= 0 ? exponent + 1 + (nsig > exponent + 1 ? nsig - exponent : 0) : 1 + 1 - exponent - 1 + nsig;
  const absExponent = Math.abs(exponent);
  const sciWidth = (nsig > 1 ? nsig + 1 : 1) + 2 + (absExponent >= 100 ? 3 : 2);
  if (fixedWidth <= sciWidth) {
    if (exponent >= 0) {
      const intPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
      const fracPart = digits.slice(exponent + 1);
      return sign + intPart + (fracPart ? `.${fracPart}` : '');
    }
    return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  }
  const mantissa = nsig > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const expDigits = String(absExponent).padStart(2, '0');
  return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${expDigits}`;
}
