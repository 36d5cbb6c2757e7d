import { ConfigError } from '../errors/config-error.js';

export const rags = ['red', 'amber', 'green'] as const;
export type Rag = (typeof rags)[number];

/** One band: scores from `from` to `to` inclusive are this RAG. */
export interface RiskBand {
  readonly rag: Rag;
  readonly from: number;
  readonly to: number;
}

/** The bands in order of their scores, covering every score a rating can give, without overlap. */
export type RiskBanding = readonly RiskBand[];

/** The partnership's banding unless RISK_BANDING says otherwise. */
export const defaultRiskBanding = 'green:1-6,amber:8-12,red:15-25';

/** Likelihood and impact are 1-5, so a score is one of these products: 7, 11, 13 and so on never occur. */
export const possibleRiskScores: readonly number[] = [
  ...new Set(Array.from({ length: 25 }, (_, i) => (Math.floor(i / 5) + 1) * ((i % 5) + 1))),
].sort((a, b) => a - b);

const bandPattern = /^(red|amber|green):(\d{1,2})-(\d{1,2})$/;

/**
 * Reads a banding such as "green:1-6,amber:8-12,red:15-25". Every score a rating can give (possibleRiskScores)
 * must fall in exactly one band and bands may not overlap, so that every risk has one RAG; anything else is a
 * ConfigError naming RISK_BANDING, which stops the application at start-up.
 */
export function parseRiskBanding(text: string): RiskBanding {
  const fail = (message: string): never => {
    throw new ConfigError('RISK_BANDING', `${message} (got "${text}")`);
  };
  const bands: RiskBand[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const match = bandPattern.exec(part);
    if (!match)
      return fail(`"${part}" is not a band like green:1-6 (red, amber or green, then a score range)`);
    const band = { rag: match[1] as Rag, from: Number(match[2]), to: Number(match[3]) };
    if (band.from < 1 || band.to > 25 || band.from > band.to)
      return fail(`"${part}" must be a range of scores within 1-25, lowest first`);
    bands.push(band);
  }
  bands.sort((a, b) => a.from - b.from);
  for (let i = 1; i < bands.length; i++) {
    if (bands[i]!.from <= bands[i - 1]!.to)
      return fail(`the bands ${describe(bands[i - 1]!)} and ${describe(bands[i]!)} overlap`);
  }
  const uncovered = possibleRiskScores.filter((s) => !bands.some((b) => s >= b.from && s <= b.to));
  if (uncovered.length > 0)
    return fail(`no band covers the score${uncovered.length > 1 ? 's' : ''} ${uncovered.join(', ')}`);
  return bands;
}

function describe(band: RiskBand): string {
  return `${band.rag}:${band.from}-${band.to}`;
}

/** The RAG of a likelihood × impact score under the banding. */
export function ragForScore(banding: RiskBanding, score: number): Rag {
  const band = banding.find((b) => score >= b.from && score <= b.to);
  if (!band) throw new RangeError(`no band covers the score ${score}`);
  return band.rag;
}

/** The banding in words, for pages: "green 1 to 6, amber 8 to 12, red 15 to 25". */
export function describeBanding(banding: RiskBanding): string {
  return banding.map((b) => `${b.rag} ${b.from} to ${b.to}`).join(', ');
}
