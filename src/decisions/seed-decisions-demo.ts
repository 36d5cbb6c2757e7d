import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { GovernanceDemoContext } from '../demo/load-governance-demo.js';
import type { DecisionFields } from './decision-form.js';
import { addDecisionLine, type NewDecisionLine } from './decision-line-repository.js';
import { createDecision } from './decision-repository.js';
import { decisions } from './decisions-table.js';

type Money = Extract<NewDecisionLine, { kind: 'expenditure' }>['values'];

interface DemoDecision {
  readonly reference: string;
  readonly type: 'MD' | 'ADD';
  readonly title: string;
  readonly executiveSummary: string;
  readonly decisionText: string;
  readonly money: readonly (Omit<Money, 'programmeId'> & { readonly programme?: string })[];
  readonly risks?: readonly { description: string; mitigation: string; rag: 'red' | 'amber' | 'green' }[];
  readonly relations?: readonly { kind: 'continues' | 'amends' | 'supersedes'; reference: string }[];
}

const label =
  "Demonstration content based on the GLA's published decision: a summary of the public record written for healthhub, not the decision itself.";
const pooledFund = 'London Health and Care Partnership pooled fund';
const pounds = (n: number) => n * 100;

// The pooled-fund chain and its neighbours as the GLA published them (see docs/decisions.md). Only facts of
// the public record: no dates, directorates or names that it does not give; oldest first, so the register
// (newest published first) lists MD3326 and ADD2763 at the top.
const demoDecisions: readonly DemoDecision[] = [
  {
    reference: 'MD2439',
    type: 'MD',
    title: "Health team work programme 2018-19 and 2019-20: partners' contributions",
    executiveSummary:
      "The Mayor approved the receipt of contributions from health partners towards the GLA health team's work programme for 2018-19 and 2019-20, and spending on it year by year.",
    decisionText:
      'That the Mayor approves the receipt of funding from NHS England, the Office of London CCGs, Public Health England and NHS Improvement (and two smaller contributions) for the health team work programme in 2018-19 and 2019-20.',
    money: [
      {
        direction: 'receipt',
        amountPence: pounds(100_000),
        financialYear: 2018,
        budget: '',
        recipient: 'NHS England',
        kind: 'contribution',
        description: 'Contribution to the health team work programme 2018-19 and 2019-20',
      },
      {
        direction: 'receipt',
        amountPence: pounds(100_000),
        financialYear: 2018,
        budget: '',
        recipient: 'Office of London CCGs',
        kind: 'contribution',
        description: 'Contribution to the health team work programme 2018-19 and 2019-20',
      },
      {
        direction: 'receipt',
        amountPence: pounds(62_000),
        financialYear: 2018,
        budget: '',
        recipient: 'Public Health England',
        kind: 'contribution',
        description: 'Contribution to the health team work programme 2018-19 and 2019-20',
      },
      {
        direction: 'receipt',
        amountPence: pounds(50_000),
        financialYear: 2018,
        budget: '',
        recipient: 'NHS Improvement',
        kind: 'contribution',
        description: 'Contribution to the health team work programme 2018-19 and 2019-20',
      },
    ],
  },
  {
    reference: 'MD2704',
    type: 'MD',
    title: "GLA contribution to the London Health and Care Partnership's pooled budget, 2020-21",
    executiveSummary:
      "The Mayor approved the GLA's contribution to the pooled budget that the London Health and Care Partnership's partners pay into, for 2020-21.",
    decisionText:
      "That the Mayor approves a contribution of £150,000 to the partnership's pooled budget in 2020-21.",
    money: [
      {
        direction: 'expenditure',
        amountPence: pounds(150_000),
        financialYear: 2020,
        budget: '',
        programme: 'london-office',
        recipient: pooledFund,
        kind: 'contribution',
        description: "The GLA's contribution for 2020-21",
      },
    ],
    relations: [{ kind: 'continues', reference: 'MD2439' }],
  },
  {
    reference: 'MD2799',
    type: 'MD',
    title: "GLA contribution to the London Health and Care Partnership's pooled fund, 2021-22",
    executiveSummary:
      "The Mayor approved a £150,000 contribution to the partnership's £650,000 pooled fund for 2021-22, and grants including £60,000 for independent assessments of major NHS service changes against the Mayor's tests.",
    decisionText:
      "That the Mayor approves a contribution of £150,000 to the pooled fund in 2021-22, and expenditure of £60,000 on assessments against the Mayor's tests.",
    money: [
      {
        direction: 'expenditure',
        amountPence: pounds(150_000),
        financialYear: 2021,
        budget: '',
        programme: 'london-office',
        recipient: pooledFund,
        kind: 'contribution',
        description: "The GLA's contribution to a £650,000 pooled fund for 2021-22",
      },
      {
        direction: 'expenditure',
        amountPence: pounds(60_000),
        financialYear: 2021,
        budget: '',
        recipient: '',
        kind: 'grant',
        description: "Assessments of major NHS service changes against the Mayor's tests",
      },
    ],
    relations: [{ kind: 'continues', reference: 'MD2704' }],
  },
  {
    reference: 'MD3012',
    type: 'MD',
    title: "GLA contribution to the London Health and Care Partnership's pooled budget, 2022-23 and 2023-24",
    executiveSummary:
      "The Mayor approved the GLA's contribution to the partnership's pooled budget for 2022-23 and 2023-24.",
    decisionText:
      'That the Mayor approves a contribution of £150,000 to the pooled budget in each of 2022-23 and 2023-24.',
    money: [
      {
        direction: 'expenditure',
        amountPence: pounds(150_000),
        financialYear: 2022,
        budget: '',
        programme: 'london-office',
        recipient: pooledFund,
        kind: 'contribution',
        description: "The GLA's contribution for 2022-23",
      },
      {
        direction: 'expenditure',
        amountPence: pounds(150_000),
        financialYear: 2023,
        budget: '',
        programme: 'london-office',
        recipient: pooledFund,
        kind: 'contribution',
        description: "The GLA's contribution for 2023-24",
      },
    ],
    relations: [{ kind: 'continues', reference: 'MD2799' }],
  },
  {
    reference: 'ADD2664',
    type: 'ADD',
    title: "Assessments of major NHS service changes against the Mayor's tests, 2023-24",
    executiveSummary:
      "Approval of up to £49,995 for up to two independent assessments of proposed major NHS service changes in London against the Mayor's tests.",
    decisionText:
      "That expenditure of up to £49,995 is approved for up to two assessments against the Mayor's tests in 2023-24.",
    money: [
      {
        direction: 'expenditure',
        amountPence: pounds(49_995),
        financialYear: 2023,
        budget: '',
        recipient: '',
        kind: 'other',
        description: "Up to two assessments against the Mayor's tests",
      },
    ],
  },
  {
    reference: 'ADD2692',
    type: 'ADD',
    title: 'Race Equality Foundation: London recommendations on structural racism and health inequalities',
    executiveSummary:
      'Approval of £20,000 to the Race Equality Foundation to co-produce London recommendations on tackling structural racism and health inequalities.',
    decisionText:
      'That £20,000 is approved as a grant to the Race Equality Foundation in 2024 for the co-production of the recommendations.',
    money: [
      {
        direction: 'expenditure',
        amountPence: pounds(20_000),
        financialYear: 2024,
        budget: '',
        programme: 'structural-racism-recommendations',
        recipient: 'Race Equality Foundation',
        kind: 'grant',
        description: 'Co-producing London recommendations on structural racism and health inequalities',
      },
    ],
  },
  {
    reference: 'MD3326',
    type: 'MD',
    title: 'London Health and Care Partnership: GLA contribution to the pooled fund, 2024-25 and 2025-26',
    executiveSummary:
      "The Mayor approved £150,000 in each of 2024-25 and 2025-26 as the GLA's contribution to the partnership's pooled fund, which pays for the London office and the work on the London Health and Care Vision and the London Health Mission, and £3,200 more to the Race Equality Foundation for an extra design working group on structural racism and health inequalities.",
    decisionText:
      'That the Mayor approves (1) a contribution of £150,000 in 2024-25 and £150,000 in 2025-26 to the pooled fund, from the Health Partnerships programme budget; and (2) an additional £3,200 to the Race Equality Foundation, from the Health Inequalities Strategy budget.',
    money: [
      {
        direction: 'expenditure',
        amountPence: pounds(150_000),
        financialYear: 2024,
        budget: 'Health Partnerships programme',
        programme: 'london-office',
        recipient: pooledFund,
        kind: 'contribution',
        description:
          "The GLA's contribution for 2024-25: the London office, the Vision and the London Health Mission",
      },
      {
        direction: 'expenditure',
        amountPence: pounds(150_000),
        financialYear: 2025,
        budget: 'Health Partnerships programme',
        programme: 'london-office',
        recipient: pooledFund,
        kind: 'contribution',
        description:
          "The GLA's contribution for 2025-26: the London office, the Vision and the London Health Mission",
      },
      {
        direction: 'expenditure',
        amountPence: pounds(3_200),
        financialYear: 2024,
        budget: 'Health Inequalities Strategy',
        programme: 'structural-racism-recommendations',
        recipient: 'Race Equality Foundation',
        kind: 'grant',
        description:
          'An extra design working group (adds to ADD2692); the year is taken as that of the decision',
      },
    ],
    risks: [
      {
        description: 'The focus of the London Health Mission is still to be agreed',
        mitigation: 'Ongoing work across the partnership',
        rag: 'green',
      },
    ],
    relations: [
      { kind: 'continues', reference: 'MD3012' },
      { kind: 'amends', reference: 'ADD2692' },
    ],
  },
  {
    reference: 'ADD2763',
    type: 'ADD',
    title: "Assessment of North West London cancer-service changes against the Mayor's tests",
    executiveSummary:
      "Approval of £25,000 for an independent assessment of proposed changes to cancer services in North West London against the Mayor's tests for major NHS service changes (2025).",
    decisionText: 'That £25,000 is approved in 2025-26 for the assessment.',
    money: [
      {
        direction: 'expenditure',
        amountPence: pounds(25_000),
        financialYear: 2025,
        budget: '',
        recipient: '',
        kind: 'other',
        description: 'Assessment of North West London cancer-service changes',
      },
    ],
  },
];

const emptyFields = {
  directorate: '',
  decisionDate: null,
  nonConfidentialFacts: '',
  objectivesAndOutcomes: '',
  equalityComments: '',
  protectedCharacteristics: [],
  strategyLinks: '',
  consultations: '',
  conflictsOfInterest: '',
  financialComments: '',
  legalComments: '',
  part2: '',
  novelOrContentious: false,
} satisfies Partial<DecisionFields>;

/**
 * The GLA's published decisions behind the pooled fund (MD2439 to MD3326) and its neighbours, as
 * demonstration content (is_demo, labelled as our summaries of the public record): each made as a draft by
 * the system, with its money lines (programme links when the programmes seeder made them), risks and
 * relations, then published, every step audited with a null actor. Ids go into ctx.ids as
 * decision:<reference>. Skipped when the GLA is not among the organisations. Returns the rows made.
 */
export async function seedDecisionsDemo(context: GovernanceDemoContext): Promise<number> {
  const { db } = context;
  const gla = context.organisationIds.get('gla');
  if (gla === undefined) return 0;
  let rows = 0;
  for (const d of demoDecisions) {
    const id = await createDecision(
      db,
      null,
      gla,
      {
        ...emptyFields,
        reference: d.reference,
        type: d.type,
        title: d.title,
        decisionMaker: d.type === 'MD' ? 'The Mayor of London' : 'An assistant director of the GLA',
        executiveSummary: d.executiveSummary,
        decisionText: d.decisionText,
        nonConfidentialFacts: label,
      },
      { isDemo: true },
    );
    context.ids.set(`decision:${d.reference}`, id);
    rows += 1;
  }
  for (const d of demoDecisions) {
    const id = context.ids.get(`decision:${d.reference}`)!;
    for (const { programme, ...money } of d.money) {
      const programmeId = programme === undefined ? undefined : context.ids.get(`programme:${programme}`);
      await addDecisionLine(db, null, id, {
        kind: 'expenditure',
        values: { ...money, programmeId: programmeId ?? null },
      });
      rows += 1;
    }
    for (const risk of d.risks ?? []) {
      await addDecisionLine(db, null, id, { kind: 'risk', values: risk });
      rows += 1;
    }
    for (const relation of d.relations ?? []) {
      const relatedDecisionId = context.ids.get(`decision:${relation.reference}`)!;
      await addDecisionLine(db, null, id, {
        kind: 'relation',
        values: { kind: relation.kind, relatedDecisionId },
      });
      rows += 1;
    }
  }
  for (const d of demoDecisions) {
    const id = context.ids.get(`decision:${d.reference}`)!;
    const [published] = await db
      .update(decisions)
      .set({ status: 'published', publishedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(decisions.id, id))
      .returning({ publishedAt: decisions.publishedAt });
    await recordAudit(db, {
      actorUserId: null,
      organisationId: gla,
      entity: 'decisions',
      entityId: id,
      action: 'publish',
      before: { status: 'draft' },
      after: { status: 'published', publishedAt: published!.publishedAt },
      reason: 'Demonstration content: the decision was published by the GLA',
    });
  }
  return rows;
}
