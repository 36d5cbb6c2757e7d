import type { DecisionType } from './decisions-table.js';
import { glaDecisionThresholds } from './gla-decision-thresholds.js';

/**
 * The type the GLA's thresholds require of a decision spending `totalPence`, or null when they do not apply
 * (another organisation's decision, or a GLA decision of type 'other').
 */
export function requiredGlaDecisionType(decision: {
  readonly organisationSlug: string;
  readonly type: DecisionType;
  readonly totalExpenditurePence: number;
  readonly novelOrContentious: boolean;
}): DecisionType | null {
  const scheme = glaDecisionThresholds;
  if (decision.organisationSlug !== scheme.organisationSlug) return null;
  if (!(scheme.types as readonly string[]).includes(decision.type)) return null;
  if (decision.novelOrContentious) return scheme.above;
  for (const band of scheme.bands) if (decision.totalExpenditurePence <= band.upToPence) return band.type;
  return scheme.above;
}
