import { ilike } from 'drizzle-orm';
import type { GovernanceDemoContext } from '../demo/load-governance-demo.js';
import { indicators } from '../indicators/indicators-table.js';
import {
  addMilestone,
  addUpdate,
  createProgramme,
  linkIndicator,
  type MilestoneStatus,
  type ProgrammeStatus,
} from './programme-repository.js';

interface DemoProgramme {
  readonly slug: string;
  readonly organisation: string;
  readonly name: string;
  readonly aims: string;
  readonly status: ProgrammeStatus;
  /** ILIKE patterns of the demo indicators' names it means to move. */
  readonly indicators: readonly string[];
  readonly milestones: readonly { title: string; dueOn: string; status: MilestoneStatus }[];
  readonly updates: readonly { asOf: string; body: string }[];
}

// Names and aims follow the public record (MD3326, ADD2692, the London Health Mission); milestones and updates
// are written for the demonstration, so every programme is is_demo and labelled.
const demoProgrammes: readonly DemoProgramme[] = [
  {
    slug: 'london-office',
    organisation: 'gla',
    name: "The partnership's London office",
    aims: [
      "Run the London Health and Care Partnership's London office, paid from the pooled fund that the partners contribute to (the GLA's share for 2024-25 and 2025-26 under MD3326).",
      "Take forward the London Health and Care Vision (the world's healthiest global city and the best global city in which to receive health and care) and the London Health Mission, endorsed on 9 September 2024: by 2035, significantly improved population health and reduced health inequalities.",
    ].join('\n\n'),
    status: 'active',
    indicators: ['healthy life expectancy%'],
    milestones: [
      {
        title: 'London Health Mission endorsed by the London Partnership Board',
        dueOn: '2024-09-09',
        status: 'done',
      },
      {
        title: "Partners' pooled fund contributions for 2025-26 confirmed",
        dueOn: '2025-06-30',
        status: 'done',
      },
      {
        title: 'Focus of the London Health Mission agreed across the partnership',
        dueOn: '2026-09-30',
        status: 'late',
      },
      {
        title: 'Annual report on the mission to the London Health Board',
        dueOn: '2026-12-08',
        status: 'not-started',
      },
    ],
    updates: [
      {
        asOf: '2025-03-31',
        body: "Demonstration update. The London office supported the London Health Board's meetings and the first year of work on the London Health Mission. All partners confirmed their pooled fund contributions for the year.",
      },
      {
        asOf: '2025-09-30',
        body: 'Demonstration update. Workshops with borough, ICS and public-health leads shortlisted three candidate areas of focus for the mission. Agreement is expected at the next London Health Board.',
      },
      {
        asOf: '2026-09-30',
        body: 'Demonstration update. The focus of the mission is not yet agreed: the milestone is late. A revised proposal goes to the December London Health Board.',
      },
    ],
  },
  {
    slug: 'cvd-prevention',
    organisation: 'gla',
    name: 'CVD prevention and early detection',
    aims: [
      'Prevent cardiovascular disease and find it earlier across London: more blood pressure, cholesterol and atrial fibrillation checks where they are least taken up, and support to stop smoking.',
      'Narrow the gap between the most and least deprived boroughs in early detection and in deaths from cardiovascular disease.',
    ].join('\n\n'),
    status: 'active',
    indicators: ['smoking%'],
    milestones: [
      { title: 'Case-finding data agreed with the five ICBs', dueOn: '2025-06-30', status: 'done' },
      {
        title: 'Blood pressure checks offered in community settings in every ICS',
        dueOn: '2026-03-31',
        status: 'done',
      },
      {
        title: 'Targeted checks in the ten boroughs with the lowest uptake',
        dueOn: '2026-12-31',
        status: 'in-progress',
      },
      { title: 'Evaluation of the first two years published', dueOn: '2027-06-30', status: 'not-started' },
    ],
    updates: [
      {
        asOf: '2025-12-31',
        body: 'Demonstration update. Community blood pressure checks are running in four of the five ICSs; the fifth starts in the new year.',
      },
      {
        asOf: '2026-06-30',
        body: 'Demonstration update. Uptake in the most deprived boroughs remains below the London average (see the risk register). Outreach through faith and community groups began in May.',
      },
    ],
  },
  {
    slug: 'physical-activity-in-healthcare',
    organisation: 'gla',
    name: 'Physical activity in healthcare',
    aims: 'Make physical activity part of health and care in London: brief conversations about being active in routine appointments, referral routes to local activity, and staff trained to have those conversations.',
    status: 'active',
    indicators: ['%walking or cycling%', 'year 6%overweight%'],
    milestones: [
      { title: 'Training module for clinical staff agreed', dueOn: '2025-09-30', status: 'done' },
      { title: 'Activity referral routes mapped in every borough', dueOn: '2026-06-30', status: 'late' },
      { title: 'Half of acute trusts using the training module', dueOn: '2027-03-31', status: 'in-progress' },
    ],
    updates: [
      {
        asOf: '2026-03-31',
        body: 'Demonstration update. Twelve trusts have adopted the training module. Mapping of referral routes is behind plan in the outer boroughs.',
      },
    ],
  },
  {
    slug: 'structural-racism-recommendations',
    organisation: 'gla',
    name: 'Recommendations on structural racism and health inequalities',
    aims: [
      'Co-produce London recommendations on tackling structural racism as a cause of health inequalities, with the Race Equality Foundation (ADD2692, 2024), and an extra design working group funded under MD3326.',
      'Have the partners adopt the recommendations and report on them.',
    ].join('\n\n'),
    status: 'active',
    indicators: ['healthy life expectancy%'],
    milestones: [
      {
        title: 'Co-production groups convened with the Race Equality Foundation',
        dueOn: '2024-10-31',
        status: 'done',
      },
      { title: 'Extra design working group held', dueOn: '2025-06-30', status: 'done' },
      { title: 'Recommendations presented to the London Health Board', dueOn: '2026-07-14', status: 'done' },
      {
        title: "Partners' responses to the recommendations published",
        dueOn: '2027-03-31',
        status: 'not-started',
      },
    ],
    updates: [
      {
        asOf: '2025-06-30',
        body: 'Demonstration update. The design working group met four times; draft recommendations went to community partners for comment.',
      },
      {
        asOf: '2026-07-31',
        body: 'Demonstration update. The London Health Board welcomed the recommendations in July and asked each partner to respond by March 2027.',
      },
    ],
  },
];

/**
 * The governance demo's programmes (owned by the GLA): each with its milestones, updates and the demo
 * indicators it means to move (found by name), all audited with the system as actor. Their ids go into
 * ctx.ids as programme:<slug>; decisions are linked later, by the risks seeder, once they exist.
 */
export async function seedProgrammesDemo(context: GovernanceDemoContext): Promise<number> {
  const { db } = context;
  let rows = 0;
  for (const p of demoProgrammes) {
    const organisationId = context.organisationIds.get(p.organisation);
    if (organisationId === undefined) continue;
    const programme = await createProgramme(db, null, {
      organisationId,
      slug: p.slug,
      name: p.name,
      aims: p.aims,
      status: p.status,
      isDemo: true,
    });
    context.ids.set(`programme:${p.slug}`, programme.id);
    rows += 1;
    for (const m of p.milestones) {
      await addMilestone(db, null, programme, m);
      rows += 1;
    }
    for (const u of p.updates) {
      await addUpdate(db, null, programme, u);
      rows += 1;
    }
    for (const pattern of p.indicators) {
      const found = await db
        .select({ id: indicators.id, name: indicators.name })
        .from(indicators)
        .where(ilike(indicators.name, pattern))
        .orderBy(indicators.id);
      for (const indicator of found) if (await linkIndicator(db, null, programme, indicator)) rows += 1;
    }
  }
  return rows;
}
