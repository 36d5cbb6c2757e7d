import type { polarities } from '../indicators/indicators-table.js';
import { type TargetLine, trajectoryValue } from './trajectory-value.js';

export const missionStatuses = ['On track', 'Off track', 'No data'] as const;
export type MissionStatus = (typeof missionStatuses)[number];

export interface MissionStatusInput extends TargetLine {
  readonly polarity: (typeof polarities)[number];
  /** The latest value and the year its period starts in; null when there is none. */
  readonly latest: { readonly year: number; readonly value: number } | null;
}

// Values are stored as floats and targets derived from them by arithmetic, so a value that equals the
// trajectory on paper can differ from it in the last bits; that difference must not make it "off track".
const TOLERANCE = 1e-9;

/**
 * Whether an indicator is on track for its target: 'On track' when its latest value is at least as good as the
 * straight-line trajectory from baseline to target for the latest period's year (a reached target is on track
 * whatever the year), 'Off track' when it is worse, and 'No data' when there is no value since the baseline
 * (a latest value from before the baseline says nothing about progress from it). Better means higher or lower
 * by the indicator's polarity; an indicator with no polarity is judged in the direction its target was set.
 */
export function missionStatus(input: MissionStatusInput): MissionStatus {
  const { latest } = input;
  if (latest === null || !Number.isFinite(latest.value) || latest.year < input.baselineYear) return 'No data';
  const higherIsBetter =
    input.polarity === 'high-is-good' ||
    (input.polarity === 'no-judgement' && input.targetValue >= input.baselineValue);
  const atLeastAsGoodAs = (expected: number) => {
    const margin = TOLERANCE * Math.max(1, Math.abs(expected));
    return higherIsBetter ? latest.value >= expected - margin : latest.value <= expected + margin;
  };
  if (atLeastAsGoodAs(input.targetValue)) return 'On track';
  return atLeastAsGoodAs(trajectoryValue(input, latest.year)) ? 'On track' : 'Off track';
}
