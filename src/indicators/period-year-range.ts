/**
 * How many years a period as Fingertips writes it covers: 3 for "2013 - 15" or "2013/14 - 15/16", 5 for
 * "2011 - 15", and 1 for a single year ("2015"), a financial or academic year ("2015/16"), or anything else
 * (quarters, months). Fingertips calculates recent trends only for one-year periods.
 */
export function periodYearRange(period: string): number {
  const p = period.trim();
  const years = /^(\d{4})\s*-\s*(\d{2}|\d{4})$/.exec(p);
  if (years) return span(Number(years[1]), years[2]!);
  const split = /^(\d{4})\/\d{2}\s*-\s*(\d{2}|\d{4})\/\d{2}$/.exec(p);
  if (split) return span(Number(split[1]), split[2]!);
  return 1;
}

function span(start: number, endText: string): number {
  let end = Number(endText);
  if (endText.length === 2) end += Math.floor(start / 100) * 100 + (end < start % 100 ? 100 : 0);
  return end >= start ? end - start + 1 : 1;
}
