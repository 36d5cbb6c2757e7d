import type { GovernanceDemoContext } from '../demo/load-governance-demo.js';
import { findProgramme, linkDecision } from './programme-repository.js';

// Which decisions fund or steer each demo programme, by the public record: the pooled-fund chain pays for the
// London office; ADD2692 and MD3326's £3,200 fund the structural racism recommendations.
const links: readonly { programme: string; decisions: readonly string[] }[] = [
  { programme: 'london-office', decisions: ['MD2704', 'MD2799', 'MD3012', 'MD3326'] },
  { programme: 'structural-racism-recommendations', decisions: ['ADD2692', 'MD3326'] },
];

/**
 * Links the demo programmes to the demo decisions (ctx.ids decision:<reference>), audited with the system as
 * actor. Runs after the decisions seeder, as the programmes seeder runs before it; a decision or programme
 * that is absent (its seeder not loaded) is skipped. Returns the links made.
 */
export async function linkDemoProgrammeDecisions(context: GovernanceDemoContext): Promise<number> {
  let made = 0;
  for (const link of links) {
    const programmeId = context.ids.get(`programme:${link.programme}`);
    const programme = programmeId === undefined ? undefined : await findProgramme(context.db, programmeId);
    if (!programme) continue;
    for (const reference of link.decisions) {
      const decisionId = context.ids.get(`decision:${reference}`);
      if (decisionId === undefined) continue;
      if (await linkDecision(context.db, null, programme, { id: decisionId, reference })) made += 1;
    }
  }
  return made;
}
