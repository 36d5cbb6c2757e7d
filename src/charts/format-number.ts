const formats = [0, 1, 2, 3].map(
  (digits) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: digits }),
);

/**
 * A value as printed on a chart: thousands separated, with one decimal from 10 up (as Fingertips prints
 * rates), two from 1 and three below 1, so that small proportions keep their significant figures. The
 * locale is fixed (en-GB) so that output does not depend on the server's settings.
 */
export function formatNumber(value: number): string {
  const size = Math.abs(value);
  const digits = size >= 10 ? 1 : size >= 1 ? 2 : 3;
  const text = formats[digits]!.format(value);
  return text === '-0' ? '0' : text;
}
