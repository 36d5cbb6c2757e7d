import type { GovernanceDemoContext } from '../demo/load-governance-demo.js';
import { linkDemoProgrammeDecisions } from '../programmes/link-demo-programme-decisions.js';
import { defaultRiskBanding, parseRiskBanding, ragForScore } from './risk-banding.js';
import { closeRisk, createRisk, type RiskKind, rerateRisk } from './risk-repository.js';

interface DemoRating {
  readonly on: string;
  readonly likelihood: number;
  readonly impact: number;
  readonly reason: string;
}

interface DemoRisk {
  readonly kind: RiskKind;
  readonly programme: string | null;
  readonly title: string;
  readonly description: string;
  readonly owner: string;
  readonly mitigations: string;
  /** The first rating, then each re-rating in order: the risk ends at the last. */
  readonly ratings: readonly DemoRating[];
  readonly closed?: { readonly reason: string };
}

// The first is MD3326's own risk, as the decision form states it (green); the rest are written for the
// demonstration and labelled so.
const demoRisks: readonly DemoRisk[] = [
  {
    kind: 'risk',
    programme: 'london-office',
    title: 'The focus of the London Health Mission is still to be agreed',
    description:
      'Named in MD3326: the partners have endorsed the mission but not yet agreed where it should focus first.',
    owner: 'GLA Health team',
    mitigations: 'Ongoing work across the partnership.',
    ratings: [
      { on: '2024-11-01', likelihood: 2, impact: 3, reason: 'As assessed in MD3326' },
      { on: '2025-10-01', likelihood: 2, impact: 3, reason: 'Quarterly review: no change' },
    ],
  },
  {
    kind: 'risk',
    programme: 'london-office',
    title: "Partners' pooled fund contributions for 2026-27 not confirmed in time",
    description: 'Without confirmed contributions the London office cannot plan its staffing for the year.',
    owner: 'Partnership secretariat (Transformation Partners in Health and Care)',
    mitigations: 'Early letters to partners; contributions on the London Health Board agenda.',
    ratings: [
      { on: '2025-04-01', likelihood: 2, impact: 4, reason: 'First rating' },
      { on: '2026-01-15', likelihood: 3, impact: 4, reason: 'Two partners signal budget pressures' },
    ],
  },
  {
    kind: 'issue',
    programme: 'cvd-prevention',
    title: 'Uptake of blood pressure checks is lowest in the most deprived boroughs',
    description: 'Uptake in the ten most deprived boroughs is below the London average.',
    owner: 'CVD prevention programme lead',
    mitigations:
      'Outreach through faith and community groups; checks in community pharmacies with longer hours.',
    ratings: [
      { on: '2025-09-01', likelihood: 5, impact: 3, reason: 'Raised as an issue from the quarter 2 data' },
    ],
  },
  {
    kind: 'risk',
    programme: 'cvd-prevention',
    title: 'Data sharing for case-finding delayed',
    description: 'Case-finding needs data sharing agreements with each ICB.',
    owner: 'CVD prevention programme lead',
    mitigations: 'Template agreement agreed with the five ICBs.',
    ratings: [
      { on: '2025-01-15', likelihood: 3, impact: 3, reason: 'First rating' },
      { on: '2025-07-01', likelihood: 2, impact: 3, reason: 'Agreements signed with four of five ICBs' },
    ],
  },
  {
    kind: 'risk',
    programme: 'physical-activity-in-healthcare',
    title: 'Clinical staff have too little time for conversations about physical activity',
    description: 'Pressure on appointments may crowd out brief conversations about being active.',
    owner: 'Physical activity in healthcare lead',
    mitigations: 'Short training module; prompts in clinical systems.',
    ratings: [{ on: '2025-05-01', likelihood: 4, impact: 3, reason: 'First rating' }],
  },
  {
    kind: 'risk',
    programme: 'physical-activity-in-healthcare',
    title: "The training module is not taken into trusts' mandatory training",
    description: 'Uptake of the module depends on trusts adopting it.',
    owner: 'Physical activity in healthcare lead',
    mitigations: "Endorsement sought from trusts' chief nurses.",
    ratings: [{ on: '2025-10-01', likelihood: 2, impact: 2, reason: 'First rating' }],
  },
  {
    kind: 'risk',
    programme: 'structural-racism-recommendations',
    title: 'Community partners lack capacity to co-produce the recommendations',
    description: 'Co-production depends on community partners taking part over many months.',
    owner: 'Race Equality Foundation, with the GLA Health team',
    mitigations: 'An extra design working group funded under MD3326; paid participation.',
    ratings: [
      { on: '2024-07-01', likelihood: 3, impact: 4, reason: 'First rating' },
      { on: '2025-03-01', likelihood: 2, impact: 4, reason: 'Extra design working group funded (MD3326)' },
    ],
  },
  {
    kind: 'risk',
    programme: 'structural-racism-recommendations',
    title: 'The recommendations are not adopted by partner organisations',
    description: 'Recommendations without owners in each partner would not change practice.',
    owner: 'London Health Board',
    mitigations: 'Each partner asked to respond by March 2027; responses published.',
    ratings: [
      { on: '2026-03-01', likelihood: 3, impact: 4, reason: 'First rating' },
      { on: '2026-08-01', likelihood: 3, impact: 5, reason: 'No partner response yet after the July board' },
    ],
  },
  {
    kind: 'issue',
    programme: 'structural-racism-recommendations',
    title: 'Design working group could not meet in August',
    description: 'Too few members were available over the summer.',
    owner: 'Race Equality Foundation',
    mitigations: 'Meeting moved to September.',
    ratings: [{ on: '2025-08-01', likelihood: 5, impact: 1, reason: 'First rating' }],
    closed: { reason: 'The group met in September: resolved' },
  },
];

/**
 * The governance demo's risk register (the GLA's), after the decisions seeder: first the programmes' links
 * to the decisions now present, then about eight risks and issues across the programmes with their rating
 * histories, rated with the default banding, all is_demo and audited with the system as actor.
 */
export async function seedRisksDemo(context: GovernanceDemoContext): Promise<number> {
  const { db } = context;
  let rows = await linkDemoProgrammeDecisions(context);
  const organisationId = context.organisationIds.get('gla');
  if (organisationId === undefined) return rows;
  const banding = parseRiskBanding(defaultRiskBanding);
  for (const r of demoRisks) {
    const [first, ...later] = r.ratings;
    const risk = await createRisk(
      db,
      null,
      organisationId,
      {
        kind: r.kind,
        title: r.title,
        description: r.description,
        owner: r.owner,
        likelihood: first!.likelihood,
        impact: first!.impact,
        mitigations: r.mitigations,
        programmeId: r.programme === null ? null : (context.ids.get(`programme:${r.programme}`) ?? null),
      },
      banding,
      { isDemo: true, ratingReason: first!.reason, ratedAt: new Date(`${first!.on}T09:00:00Z`) },
    );
    rows += 2;
    let current = risk;
    for (const rating of later) {
      await rerateRisk(
        db,
        null,
        current,
        { ...rating, ratedAt: new Date(`${rating.on}T09:00:00Z`) },
        banding,
      );
      const score = rating.likelihood * rating.impact;
      current = {
        ...current,
        likelihood: rating.likelihood,
        impact: rating.impact,
        score,
        rag: ragForScore(banding, score),
      };
      rows += 1;
    }
    if (r.closed) await closeRisk(db, null, current, r.closed.reason);
  }
  return rows;
}
