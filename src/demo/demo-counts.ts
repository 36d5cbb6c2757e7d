/**
 * The counts behind one demonstration value, by name: x and n for a proportion or rate (one element each),
 * x and n by age band for a DSR, x, n, xRef and nRef by band for an indirectly standardised ratio, deaths,
 * population, good and respondents by band for a healthy life expectancy. Areas and pooled periods add
 * counts element by element, so every value is computed from summed counts, never from averaged values.
 */
export type DemoCounts = Readonly<Record<string, readonly number[]>>;

/** The element-by-element sum of counts of one shape. */
export function sumCounts(parts: readonly DemoCounts[]): DemoCounts {
  const first = parts[0];
  if (first === undefined) throw new Error('nothing to sum');
  const total: Record<string, number[]> = {};
  for (const name of Object.keys(first)) {
    const into = [...(first[name] as readonly number[])];
    for (let p = 1; p < parts.length; p++) {
      const values = (parts[p] as DemoCounts)[name];
      if (values === undefined || values.length !== into.length)
        throw new Error(`counts ${name} differ in shape`);
      for (let i = 0; i < into.length; i++) into[i] = (into[i] as number) + (values[i] as number);
    }
    total[name] = into;
  }
  return total;
}

/** The one element of a scalar count. */
export function scalar(counts: DemoCounts, name: string): number {
  const values = counts[name];
  if (values === undefined || values.length !== 1) throw new Error(`counts ${name} is not a single number`);
  return values[0] as number;
}

/** A band-by-band count. */
export function bands(counts: DemoCounts, name: string): readonly number[] {
  const values = counts[name];
  if (values === undefined) throw new Error(`counts have no ${name}`);
  return values;
}
