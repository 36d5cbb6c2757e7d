import type { GovernanceDemoContext } from '../demo/load-governance-demo.js';
import {
  addAction,
  addAgendaItem,
  addMember,
  createBoard,
  createMeeting,
  linkMeetingDecision,
  type MeetingKind,
  type MeetingStatus,
  setActionStatus,
} from './board-repository.js';

interface DemoAction {
  readonly description: string;
  readonly owner: string;
  readonly dueOn: string;
  readonly status: 'open' | 'done' | 'dropped';
}

interface DemoMeeting {
  readonly heldOn: string;
  readonly title: string;
  readonly kind?: MeetingKind;
  readonly status: MeetingStatus;
  readonly location: string;
  readonly agenda: readonly { title: string; paperTitle?: string; paperUrl?: string }[];
  readonly minutes?: string;
  readonly actions?: readonly DemoAction[];
  /** Decisions taken or reported, by reference (linked when the decisions seeder made them). */
  readonly decisions?: readonly string[];
}

interface DemoBoard {
  readonly slug: string;
  readonly organisation: string;
  readonly name: string;
  readonly remit: string;
  /** Role titles, never invented names: the public record gives the seats, not who fills them here. */
  readonly members: readonly { name: string; role: string; organisation: string | null }[];
  readonly meetings: readonly DemoMeeting[];
}

const cityHall = 'City Hall, London';
const demoMinutes = (summary: string) =>
  `Demonstration minutes written for healthhub: not the board's record.\n\n${summary}`;

const londonHealthBoard: DemoBoard = {
  slug: 'london-health-board',
  organisation: 'gla',
  name: 'London Health Board',
  remit: [
    "A non-statutory board chaired by the Mayor of London, set up in 2013 and refocused in March 2015. It champions, challenges and oversees the work of London's health and care partnership politically, and meets about three times a year.",
    'Its members are in three parts: the Mayor and mayoral appointees; borough leaders nominated through London Councils; and senior NHS and public-health leaders.',
  ].join('\n\n'),
  members: [
    { name: 'Mayor of London', role: 'Chair', organisation: 'gla' },
    { name: 'Deputy Mayor', role: 'Member', organisation: 'gla' },
    { name: "Mayor's senior health policy adviser", role: 'Mayoral appointee', organisation: 'gla' },
    {
      name: "Mayor's statutory health adviser (OHID's London regional director)",
      role: 'Mayoral appointee',
      organisation: 'ohid-london',
    },
    {
      name: 'Borough leader nominated through London Councils (first seat)',
      role: 'Member',
      organisation: 'london-councils',
    },
    {
      name: 'Borough leader nominated through London Councils (second seat)',
      role: 'Member',
      organisation: 'london-councils',
    },
    {
      name: 'Borough leader nominated through London Councils (third seat)',
      role: 'Member',
      organisation: 'london-councils',
    },
    { name: 'Regional director, NHS England (London)', role: 'Member', organisation: 'nhs-england-london' },
    { name: 'Senior NHS leader for London', role: 'Member', organisation: 'nhs-england-london' },
    { name: 'Senior public-health leader for London', role: 'Member', organisation: 'ukhsa' },
  ],
  meetings: [
    {
      heldOn: '2024-03-12',
      title: 'London Health Board',
      status: 'held',
      location: cityHall,
      agenda: [
        { title: 'Welcome, declarations of interest and minutes of the last meeting' },
        { title: 'A London Health Mission: proposal for discussion' },
        {
          title: 'Health inequalities: the headline indicators',
          paperTitle: 'Progress toward the mission',
          paperUrl: '/mission',
        },
      ],
      minutes: demoMinutes(
        'The board discussed a proposal for a London Health Mission and asked officers to develop it with the partners for endorsement later in the year.',
      ),
      actions: [
        {
          description: 'Develop the London Health Mission with partners for endorsement',
          owner: 'GLA Health team',
          dueOn: '2024-09-09',
          status: 'done',
        },
      ],
    },
    {
      heldOn: '2024-07-09',
      title: 'London Health Board',
      status: 'held',
      location: cityHall,
      agenda: [
        {
          title: 'Minutes and actions of the last meeting',
          paperTitle: 'Action log',
          paperUrl: '/boards/actions',
        },
        {
          title: 'Structural racism and health inequalities: co-production with the Race Equality Foundation',
          paperTitle: 'The programme',
          paperUrl: '/programmes/structural-racism-recommendations',
        },
      ],
      minutes: demoMinutes(
        'The board welcomed the start of co-production of recommendations on structural racism and health inequalities.',
      ),
      actions: [
        {
          description: 'Report on co-production of the structural racism recommendations',
          owner: 'Race Equality Foundation with the GLA Health team',
          dueOn: '2025-03-11',
          status: 'done',
        },
      ],
    },
    {
      heldOn: '2024-11-12',
      title: 'London Health Board',
      status: 'held',
      location: cityHall,
      agenda: [
        { title: 'Minutes and actions of the last meeting' },
        {
          title: 'The London Health Mission after its endorsement on 9 September 2024',
          paperTitle: 'The London office programme',
          paperUrl: '/programmes/london-office',
        },
      ],
      minutes: demoMinutes(
        'The board noted the endorsement of the mission and discussed how the partners would agree its focus.',
      ),
      actions: [
        {
          description: 'Propose options for the focus of the London Health Mission',
          owner: 'London office of the partnership',
          dueOn: '2025-07-08',
          status: 'done',
        },
      ],
    },
    {
      heldOn: '2025-03-11',
      title: 'London Health Board',
      status: 'held',
      location: cityHall,
      agenda: [
        { title: 'Minutes and actions of the last meeting' },
        { title: "The partnership's pooled fund for 2024-25 and 2025-26 (MD3326)" },
        {
          title: 'CVD prevention and early detection',
          paperTitle: 'The programme',
          paperUrl: '/programmes/cvd-prevention',
        },
      ],
      minutes: demoMinutes(
        "The board noted the GLA's contribution to the pooled fund for 2024-25 and 2025-26 and the extra support for the structural racism work.",
      ),
      decisions: ['MD3326'],
      actions: [
        {
          description: "Confirm every partner's pooled fund contribution for 2025-26",
          owner: 'Partnership secretariat',
          dueOn: '2025-06-30',
          status: 'done',
        },
        {
          description: 'Bring a plan for blood pressure checks in the most deprived boroughs',
          owner: 'NHS England (London)',
          dueOn: '2025-11-11',
          status: 'open',
        },
      ],
    },
    {
      heldOn: '2025-07-08',
      title: 'London Health Board',
      status: 'held',
      location: cityHall,
      agenda: [
        { title: 'Minutes and actions of the last meeting' },
        {
          title: 'Physical activity in healthcare',
          paperTitle: 'The programme',
          paperUrl: '/programmes/physical-activity-in-healthcare',
        },
      ],
      minutes: demoMinutes(
        'The board endorsed the physical activity training module and asked for referral routes to be mapped in every borough.',
      ),
      actions: [
        {
          description: 'Map activity referral routes in every borough',
          owner: 'London Councils',
          dueOn: '2026-06-30',
          status: 'open',
        },
        {
          description: 'Ask trusts to take the training module into mandatory training',
          owner: 'NHS England (London)',
          dueOn: '2025-12-31',
          status: 'dropped',
        },
      ],
    },
    {
      heldOn: '2025-10-07',
      title: "Mayor's champion-and-challenge meeting with NHS England (London)",
      kind: 'champion-and-challenge',
      status: 'held',
      location: cityHall,
      agenda: [
        { title: 'General practice access in London' },
        { title: 'Earlier detection of cancer' },
        { title: 'Blood pressure checks in the most deprived boroughs' },
      ],
      minutes: demoMinutes(
        "The Mayor and NHS England (London)'s regional director discussed general practice access, earlier cancer detection and the uptake of blood pressure checks.",
      ),
      actions: [
        {
          description: "Share borough-level uptake of blood pressure checks with the Mayor's office",
          owner: 'NHS England (London)',
          dueOn: '2025-12-31',
          status: 'open',
        },
        {
          description: 'Write to the Mayor on plans for general practice access',
          owner: 'Regional director, NHS England (London)',
          dueOn: '2026-01-31',
          status: 'done',
        },
      ],
    },
    {
      heldOn: '2025-11-11',
      title: 'London Health Board',
      status: 'held',
      location: cityHall,
      agenda: [
        {
          title: 'Minutes and actions of the last meeting',
          paperTitle: 'Action log',
          paperUrl: '/boards/actions',
        },
        { title: 'The focus of the London Health Mission: options' },
      ],
      minutes: demoMinutes(
        'The board discussed three options for the focus of the mission and asked for a single proposal.',
      ),
      actions: [
        {
          description: 'Bring a single proposal for the focus of the London Health Mission',
          owner: 'London office of the partnership',
          dueOn: '2026-03-10',
          status: 'open',
        },
      ],
    },
    {
      heldOn: '2026-03-10',
      title: 'London Health Board',
      status: 'held',
      location: cityHall,
      agenda: [
        { title: 'Minutes and actions of the last meeting' },
        { title: 'Pooled fund contributions for 2026-27' },
      ],
      minutes: demoMinutes(
        'The proposal on the focus of the mission was deferred. The board asked partners to confirm their 2026-27 contributions.',
      ),
      actions: [
        {
          description: 'Confirm pooled fund contributions for 2026-27',
          owner: 'Each partner, through the secretariat',
          dueOn: '2026-06-30',
          status: 'done',
        },
      ],
    },
    {
      heldOn: '2026-07-14',
      title: 'London Health Board',
      status: 'held',
      location: cityHall,
      agenda: [
        { title: 'Minutes and actions of the last meeting' },
        {
          title: 'Recommendations on structural racism and health inequalities',
          paperTitle: 'The programme',
          paperUrl: '/programmes/structural-racism-recommendations',
        },
      ],
      minutes: demoMinutes(
        'The board welcomed the recommendations and asked each partner to respond by March 2027.',
      ),
      actions: [
        {
          description: 'Each partner to respond to the structural racism recommendations',
          owner: 'All partners',
          dueOn: '2027-03-31',
          status: 'open',
        },
      ],
    },
    {
      heldOn: '2026-12-08',
      title: 'London Health Board',
      status: 'planned',
      location: cityHall,
      agenda: [
        {
          title: 'Minutes and actions of the last meeting',
          paperTitle: 'Action log',
          paperUrl: '/boards/actions',
        },
        { title: 'The focus of the London Health Mission: proposal' },
        {
          title: 'Annual report on the mission',
          paperTitle: 'Progress toward the mission',
          paperUrl: '/mission',
        },
      ],
    },
    { heldOn: '2027-03-09', title: 'London Health Board', status: 'planned', location: cityHall, agenda: [] },
  ],
};

const strategicPartnershipBoard: DemoBoard = {
  slug: 'london-health-and-care-strategic-partnership-board',
  organisation: 'london-councils',
  name: 'London Health and Care Strategic Partnership Board',
  remit:
    "The partnership's officer-level board, co-chaired by London Councils' lead chief executive and NHS England (London)'s regional director. It steers the partnership's work programme and prepares the London Health Board's business.",
  members: [
    {
      name: "London Councils' lead chief executive for health",
      role: 'Co-chair',
      organisation: 'london-councils',
    },
    { name: 'Regional director, NHS England (London)', role: 'Co-chair', organisation: 'nhs-england-london' },
    { name: "OHID's London regional director", role: 'Member', organisation: 'ohid-london' },
    { name: 'GLA Health team lead', role: 'Member', organisation: 'gla' },
    { name: 'Partnership secretariat', role: 'Secretariat', organisation: 'transformation-partners' },
  ],
  meetings: [
    {
      heldOn: '2026-02-10',
      title: 'Strategic Partnership Board',
      status: 'held',
      location: 'Online',
      agenda: [{ title: 'Work programme for 2026-27' }, { title: 'Risk register review' }],
      minutes: demoMinutes('The board agreed the work programme for 2026-27 and reviewed the risk register.'),
      actions: [
        {
          description: 'Update the risk register after the review',
          owner: 'Partnership secretariat',
          dueOn: '2026-03-31',
          status: 'done',
        },
        {
          description: 'Agree a reporting template for programme updates',
          owner: 'London office of the partnership',
          dueOn: '2026-04-30',
          status: 'open',
        },
      ],
    },
    {
      heldOn: '2026-06-09',
      title: 'Strategic Partnership Board',
      status: 'held',
      location: 'Online',
      agenda: [{ title: 'Preparing the July London Health Board' }],
      minutes: demoMinutes(
        'The board prepared the July London Health Board, including the structural racism recommendations.',
      ),
    },
    {
      heldOn: '2026-11-10',
      title: 'Strategic Partnership Board',
      status: 'held',
      location: 'Online',
      agenda: [{ title: 'Preparing the December London Health Board' }],
      minutes: demoMinutes('The board prepared the December London Health Board.'),
      actions: [
        {
          description: 'Circulate papers for the December London Health Board',
          owner: 'Partnership secretariat',
          dueOn: '2026-12-01',
          status: 'open',
        },
      ],
    },
    {
      heldOn: '2027-02-09',
      title: 'Strategic Partnership Board',
      status: 'planned',
      location: 'Online',
      agenda: [],
    },
  ],
};

const estatesBoard: DemoBoard = {
  slug: 'london-estates-board',
  organisation: 'gla',
  name: 'London Estates Board',
  remit: "Investment in London's health facilities, including the primary care estate.",
  members: [
    { name: 'GLA representative', role: 'Member', organisation: 'gla' },
    { name: 'NHS England (London) estates lead', role: 'Member', organisation: 'nhs-england-london' },
    { name: 'London Councils representative', role: 'Member', organisation: 'london-councils' },
  ],
  meetings: [
    {
      heldOn: '2026-05-19',
      title: 'London Estates Board',
      status: 'held',
      location: cityHall,
      agenda: [{ title: 'Primary care estate: priorities for investment' }],
      minutes: demoMinutes('The board discussed priorities for investment in the primary care estate.'),
      actions: [
        {
          description: 'List the primary care premises most in need of investment',
          owner: 'NHS England (London) estates lead',
          dueOn: '2026-09-30',
          status: 'open',
        },
      ],
    },
    {
      heldOn: '2027-01-19',
      title: 'London Estates Board',
      status: 'planned',
      location: cityHall,
      agenda: [],
    },
  ],
};

/**
 * The governance demo's boards, last of the seeders: the London Health Board (chaired by the Mayor, its
 * seats as the public record describes them), the London Health and Care Strategic Partnership Board and the
 * London Estates Board. Their meetings from 2024 to 2027 (some still planned), agendas, minutes and actions
 * (some overdue) are written for the demonstration and is_demo; one is the Mayor's champion-and-challenge
 * meeting with NHS England (London); MD3326 is linked to a meeting when the decisions seeder made it.
 */
export async function seedBoardsDemo(context: GovernanceDemoContext): Promise<number> {
  const { db } = context;
  let rows = 0;
  for (const b of [londonHealthBoard, strategicPartnershipBoard, estatesBoard]) {
    const organisationId = context.organisationIds.get(b.organisation);
    if (organisationId === undefined) continue;
    const board = await createBoard(db, null, { organisationId, slug: b.slug, name: b.name, remit: b.remit });
    context.ids.set(`board:${b.slug}`, board.id);
    rows += 1;
    for (const m of b.members) {
      const memberOrganisation =
        m.organisation === null ? null : (context.organisationIds.get(m.organisation) ?? null);
      await addMember(db, null, board, {
        name: m.name,
        role: m.role,
        organisationId: memberOrganisation,
        fromDate: null,
      });
      rows += 1;
    }
    for (const m of b.meetings) {
      const meeting = await createMeeting(db, null, board, {
        kind: m.kind ?? 'board',
        title: m.title,
        heldOn: m.heldOn,
        location: m.location,
        status: m.status,
        minutes: m.minutes ?? '',
        isDemo: true,
      });
      const withBoard = { id: meeting.id, organisationId };
      rows += 1;
      for (const item of m.agenda) {
        await addAgendaItem(db, null, withBoard, {
          title: item.title,
          paperTitle: item.paperTitle ?? '',
          paperUrl: item.paperUrl ?? '',
        });
        rows += 1;
      }
      for (const reference of m.decisions ?? []) {
        const decisionId = context.ids.get(`decision:${reference}`);
        if (
          decisionId !== undefined &&
          (await linkMeetingDecision(db, null, withBoard, { id: decisionId, reference }))
        )
          rows += 1;
      }
      for (const a of m.actions ?? []) {
        const action = await addAction(db, null, withBoard, {
          description: a.description,
          owner: a.owner,
          dueOn: a.dueOn,
          isDemo: true,
        });
        if (a.status !== 'open') await setActionStatus(db, null, organisationId, action, a.status, '');
        rows += 1;
      }
    }
  }
  return rows;
}
