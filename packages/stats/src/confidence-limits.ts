/** The limit columns R writes for a single confidence level. */
export type OneLevelLimits = { lowercl: number; uppercl: number };

/** The limit columns R writes for `confidence = c(0.95, 0.998)`, in R's order. */
export type TwoLevelLimits = {
  lower95_0cl: number;
  upper95_0cl: number;
  lower99_8cl: number;
  upper99_8cl: number;
};

/** Limit columns for one or two confidence levels. */
export type ConfidenceLimits = OneLevelLimits | TwoLevelLimits;
