import { betterHealthAspirations, healthInequalitiesAims } from '../demo/partnership-aims.js';
import type { MissionProgress } from './mission-progress.js';

/** The aim under which the Health Inequalities Strategy's overarching outcome is recorded. */
export const OUTCOME_AIM = 'healthy-life-expectancy';

/** One aim or aspiration of the partnership and the indicator targets recorded under it. */
export interface MissionSection {
  readonly aim: string;
  readonly heading: string;
  readonly text: string | null;
  readonly targets: readonly MissionProgress[];
}

/** The aim's name as the page and downloads show it; an aim the partnership has not published is shown as is. */
export function aimName(aim: string): string {
  if (aim === OUTCOME_AIM) return 'Overarching outcome: healthy life expectancy';
  const strategyAim = healthInequalitiesAims.find((a) => a.id === aim);
  if (strategyAim) return strategyAim.name;
  const aspiration = betterHealthAspirations.find((a) => `aspiration-${a.number}` === aim);
  return aspiration ? `Aspiration ${aspiration.number}` : aim;
}

/**
 * The page's sections in the partnership's published order: the strategy's overarching outcome, its five
 * aims, then the ten Better Health for London aspirations; each aim appears even with no targets, so that a
 * gap in what is measured shows. Targets under aims the partnership has not published are left out.
 */
export function missionSections(progress: readonly MissionProgress[]): {
  outcome: MissionSection;
  strategy: MissionSection[];
  aspirations: MissionSection[];
} {
  const under = (aim: string) => progress.filter((p) => p.aim === aim);
  return {
    outcome: { aim: OUTCOME_AIM, heading: aimName(OUTCOME_AIM), text: null, targets: under(OUTCOME_AIM) },
    strategy: healthInequalitiesAims.map((a) => ({
      aim: a.id,
      heading: a.name,
      text: null,
      targets: under(a.id),
    })),
    aspirations: betterHealthAspirations.map((a) => ({
      aim: `aspiration-${a.number}`,
      heading: `Aspiration ${a.number}`,
      text: a.text,
      targets: under(`aspiration-${a.number}`),
    })),
  };
}
