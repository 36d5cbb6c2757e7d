/**
 * Who decides at the GLA, by the total a decision spends (Mayoral Decision-Making in the GLA, 2017 and
 * 2019): a delegated authority record up to £10,000, an assistant director up to £50,000, a director up to
 * £150,000, the Mayor above that or whenever the decision is novel, contentious or repercussive. Kept as
 * data so that a change of the scheme is a change here; amounts in pence, each limit inclusive.
 */
export const glaDecisionThresholds = {
  /** The organisation whose decisions the scheme governs. */
  organisationSlug: 'gla',
  /** The types the scheme covers; 'other' is not checked. */
  types: ['DAR', 'ADD', 'DD', 'MD'] as const,
  /** Ascending: the first band whose limit the total does not exceed gives the type. */
  bands: [
    { type: 'DAR', upToPence: 1_000_000 },
    { type: 'ADD', upToPence: 5_000_000 },
    { type: 'DD', upToPence: 15_000_000 },
  ] as const,
  /** Above every band, or novel or contentious at any amount. */
  above: 'MD',
} as const;
