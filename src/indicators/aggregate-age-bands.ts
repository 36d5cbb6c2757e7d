import { type AgeBand, formatAgeBand } from '../populations/age-band.js';

/** A stored population or count: an age band and its number. */
export interface BandedAmount {
  readonly ageFrom: number;
  readonly ageTo: number | null;
  readonly amount: number;
}

export type Aggregated =
  | { readonly ok: true; readonly amounts: number[] }
  | { readonly ok: false; readonly reason: string };

const INFINITY = Number.POSITIVE_INFINITY;
const end = (to: number | null) => to ?? INFINITY;

/**
 * Sums stored bands (in order of their first age, not overlapping) into the bands wanted, e.g. single years
 * of age or the split 0 and 1-4 into the 19 ESP2013 bands: each wanted band must be covered exactly by
 * stored bands lying wholly inside it. Stored bands outside every wanted band are ignored. Not possible (the
 * reason says why) when a stored band straddles the edge of a wanted band (0-4 into 0 and 1-4) or some
 * ages of a wanted band are missing.
 */
export function aggregateAgeBands(rows: readonly BandedAmount[], bands: readonly AgeBand[]): Aggregated {
  const amounts: number[] = [];
  for (const band of bands) {
    let next = band.from;
    let complete = false;
    let sum = 0;
    for (const row of rows) {
      if (row.ageFrom > end(band.to) || end(row.ageTo) < band.from) continue;
      if (row.ageFrom < band.from || end(row.ageTo) > end(band.to)) {
        return {
          ok: false,
          reason: `age band ${formatAgeBand({ from: row.ageFrom, to: row.ageTo })} does not fit in ${formatAgeBand(band)}`,
        };
      }
      if (row.ageFrom !== next || complete) break;
      sum += row.amount;
      if (row.ageTo === band.to) complete = true;
      else if (row.ageTo !== null) next = row.ageTo + 1;
    }
    if (!complete) return { ok: false, reason: `ages ${formatAgeBand(band)} are not all given` };
    amounts.push(sum);
  }
  return { ok: true, amounts };
}
