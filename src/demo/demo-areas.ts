import { ENGLAND, LONDON, londonAreas, londonParents } from '../areas/london-areas.js';
import { demoBoroughs } from './demo-boroughs.js';

/** The generation unit that stands for England outside London: its counts make England's, never stored. */
export const REST_OF_ENGLAND = 'rest-of-england';

/**
 * One unit the counts are generated for: an authority, or the rest of England. `deprivation` is the
 * authority's deprivation-like score standardised across the 33 (mean 0, sd 1), `inner` its Inner London
 * flag centred on the share of authorities that are inner; both are 0 for the rest of England.
 */
export interface DemoUnit {
  readonly code: string;
  readonly isRestOfEngland: boolean;
  readonly deprivation: number;
  readonly inner: number;
}

/** An area whose counts are the sums of its members' counts (never an average of their values). */
export interface DemoAggregate {
  readonly code: string;
  readonly members: readonly string[];
}

function standardised(values: readonly number[]): number[] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
  return values.map((v) => (v - mean) / sd);
}

const deprivation = standardised(demoBoroughs.map((b) => b.deprivation));
const innerShare = demoBoroughs.filter((b) => b.inner).length / demoBoroughs.length;

/** The 33 authorities, in GSS code order, then the rest of England. */
export const demoUnits: readonly DemoUnit[] = [
  ...demoBoroughs.map((b, i) => ({
    code: b.code,
    isRestOfEngland: false,
    deprivation: deprivation[i] as number,
    inner: (b.inner ? 1 : 0) - innerShare,
  })),
  { code: REST_OF_ENGLAND, isRestOfEngland: true, deprivation: 0, inner: 0 },
];

const boroughCodes = demoBoroughs.map((b) => b.code);
const icbCodes = londonAreas.filter((a) => a.areaType === 'icb').map((a) => a.code);

/**
 * The five ICBs (their boroughs as ONS lists them for April 2024, applied to every year), London (the 33)
 * and England (the 33 and the rest of England).
 */
export const demoAggregates: readonly DemoAggregate[] = [
  ...icbCodes.map((code) => ({
    code,
    members: londonParents.filter((p) => p.parentCode === code).map((p) => p.childCode),
  })),
  { code: LONDON, members: boroughCodes },
  { code: ENGLAND, members: [...boroughCodes, REST_OF_ENGLAND] },
];

/** Every area the demonstration data give values for: the 33 authorities, the 5 ICBs, London, England. */
export const demoAreaCodes: readonly string[] = [...boroughCodes, ...demoAggregates.map((a) => a.code)];
