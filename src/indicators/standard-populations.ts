import { esp2013, esp2013AgeBands } from '@healthhub/stats';
import type { AgeBand } from '../populations/age-band.js';
import { parseAgeBand } from '../populations/age-band.js';

/** A standard population: its age bands, in order, and the weight of each. */
export interface StandardPopulation {
  readonly name: string;
  readonly description: string;
  readonly bands: readonly AgeBand[];
  readonly weights: readonly number[];
}

const esp19Bands: readonly AgeBand[] = esp2013AgeBands.map((label) => {
  const band = parseAgeBand(label);
  if (band === undefined || band === 'all-ages') throw new Error(`not an age band: ${label}`);
  return band;
});

/**
 * The standard populations `healthhub compute dsr --standard` knows:
 *
 * - esp2013: the 2013 European Standard Population in 19 bands, 0-4, 5-9, ..., 85-89, 90+ (@healthhub/stats
 *   `esp2013`, PHEindicatormethods' and Fingertips' default);
 * - esp2013-20: the same with infants apart, 0 (1,000) and 1-4 (4,000), as ONS standardises its
 *   age-standardised mortality rates: ONS's published rates are reproduced only with these bands.
 */
export const standardPopulations: Readonly<Record<string, StandardPopulation>> = {
  esp2013: {
    name: 'esp2013',
    description: '2013 European Standard Population, 19 bands (0-4, 5-9, ..., 85-89, 90+)',
    bands: esp19Bands,
    weights: esp2013,
  },
  'esp2013-20': {
    name: 'esp2013-20',
    description: '2013 European Standard Population, 20 bands (0, 1-4, 5-9, ..., 85-89, 90+)',
    bands: [{ from: 0, to: 0 }, { from: 1, to: 4 }, ...esp19Bands.slice(1)],
    weights: [1000, 4000, ...esp2013.slice(1)],
  },
};
