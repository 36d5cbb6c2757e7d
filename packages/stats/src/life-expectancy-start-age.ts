/**
 * A number as R's `as.character` writes it, close enough for age bands and labels.
 *
 * Method: 15 significant digits without trailing zeros (R's default); exponent forms follow JavaScript's
 * switch-over (1e21) rather than R's, which only matters for numbers no age band uses.
 * Reference: R `as.character.double`.
 * Cost: O(1).
 *
 * @param x a number
 * @returns its text, e.g. "5" or "99.8"
 * @example
 * rNumberText(0.998 * 100); // "99.8"
 */
export function rNumberText(x: number): string {
  return String(Number(x.toPrecision(15)));
}

const LEADING_NUMBER = /^\D*(\d+)/;
const INT_MAX = 2147483647;

/**
 * The start age R reads from an age band: the first run of digits after any non-digits, as an integer.
 *
 * Method: R's `as.integer(sub("\\D*(\\d+).*", "\\1", startage))`, which `phe_life_expectancy` uses both to
 * sort rows into age order and to find the band widths. "10 – 14" gives 10, "90 +" gives 90, "<1" gives 1,
 * the number 5 gives 5 and 2.5 gives 2. Text without digits (and a number too large for an R integer) gives
 * NaN, R's NA.
 * Reference: PHEindicatormethods 2.1 `phe_life_expectancy` (R/LifeExpectancy.R).
 * Cost: O(length of the text).
 *
 * @param band a start age (number) or an age-band label (text); NaN is missing
 * @returns the integer start age, or NaN
 * @example
 * lifeExpectancyStartAge('85 – 89'); // 85
 */
export function lifeExpectancyStartAge(band: number | string): number {
  if (typeof band === 'number' && Number.isNaN(band)) return Number.NaN;
  const text = typeof band === 'number' ? rNumberText(band) : band;
  const match = LEADING_NUMBER.exec(text);
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  return value > INT_MAX ? Number.NaN : value;
}
