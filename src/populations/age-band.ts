/** An age band in whole years [from, to]; `to` null is "and over" (90+). */
export interface AgeBand {
  readonly from: number;
  readonly to: number | null;
}

/** The oldest age a band may name. */
export const MAX_AGE = 150;

/**
 * Reads an age or age band as ONS and OHID tables write them: a single year "0", "89"; a band "0-4",
 * "85-89" (a hyphen or an en dash); an open band "90+", "90 and over"; "Under 1" or "<1" (ages below).
 * "All ages" (or "All", "Total") is the total over every age: `'all-ages'`. Undefined when the text is none
 * of these, or a band's ages are out of order or above MAX_AGE.
 */
export function parseAgeBand(text: string): AgeBand | 'all-ages' | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === 'all ages' || t === 'all' || t === 'total') return 'all-ages';
  const band = (from: number, to: number | null): AgeBand | undefined =>
    from <= MAX_AGE && (to === null || (to >= from && to <= MAX_AGE)) ? { from, to } : undefined;
  let m = /^(\d{1,3})$/.exec(t);
  if (m) return band(Number(m[1]), Number(m[1]));
  m = /^(\d{1,3}) ?[-–] ?(\d{1,3})$/.exec(t);
  if (m) return band(Number(m[1]), Number(m[2]));
  m = /^(\d{1,3}) ?(?:\+|and over|or over|plus)$/.exec(t);
  if (m) return band(Number(m[1]), null);
  m = /^(?:under|<) ?(\d{1,3})$/.exec(t);
  if (m && Number(m[1]) > 0) return band(0, Number(m[1]) - 1);
  return undefined;
}

/** A band as tables write it: "0", "1-4", "90+". */
export function formatAgeBand(band: AgeBand): string {
  if (band.to === null) return `${band.from}+`;
  return band.from === band.to ? String(band.from) : `${band.from}-${band.to}`;
}

/** The upper end of a band as a number ("and over" is MAX_AGE), for comparisons. */
export const ageBandEnd = (band: AgeBand): number => band.to ?? MAX_AGE;
