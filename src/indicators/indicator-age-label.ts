import type { AgeBand } from '../populations/age-band.js';

/**
 * The age of an indicator value as Fingertips writes it: "All ages", "<75 yrs", "65+ yrs", "16-64 yrs",
 * "0 yrs".
 */
export function indicatorAgeLabel(band: AgeBand): string {
  if (band.from === 0 && band.to === null) return 'All ages';
  if (band.to === null) return `${band.from}+ yrs`;
  if (band.from === 0 && band.to > 0) return `<${band.to + 1} yrs`;
  return band.from === band.to ? `${band.from} yrs` : `${band.from}-${band.to} yrs`;
}
