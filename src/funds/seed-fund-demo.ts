import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';
import { DemoRandom } from '../demo/demo-random.js';
import type { GovernanceDemoContext } from '../demo/load-governance-demo.js';
import { builtInOrganisations } from '../people/built-in-organisations.js';
import { closeFundYear } from './close-fund-year.js';
import { createFund } from './create-fund.js';
import { createFundingAgreement } from './create-funding-agreement.js';
import { executeFundingAgreement } from './execute-funding-agreement.js';
import { openFundYear } from './open-fund-year.js';
import { postAllocation } from './post-allocation.js';
import { postDeallocation } from './post-deallocation.js';
import { postPayment } from './post-payment.js';
import { postPledge } from './post-pledge.js';
import { postReceipt } from './post-receipt.js';

/** The demo fund's short name and its key in the seeders' shared ids. */
export const demoFundSlug = 'pooled-fund';
export const demoFundKey = 'fund:pooled';

/** The seed of the demo fund's generated figures: the same every load, on every machine. */
const seed = 20_210_401;
const firstYear = 2020;
/** 2020-21 to 2024-25 are closed; 2025-26 is open. */
const lastYear = 2025;
const pounds = (n: number) => Math.round(n * 100);

/** The GLA's £150,000 a year (MD2704, MD2799, MD3012, MD3326): the public record, not generated. */
const glaContribution = pounds(150_000);
/** MD2799: 2021-22's pooled fund was £650,000 in total. */
const total2021 = pounds(650_000);

const icbSlugs = builtInOrganisations.filter((o) => o.kind === 'icb').map((o) => o.slug);

/** The programmes the fund allocates to, by the programmes seeder's slugs; a missing one is skipped. */
const programmeSlugs = [
  'london-office',
  'cvd-prevention',
  'physical-activity-in-healthcare',
  'structural-racism-recommendations',
] as const;

/** A generated share of a year's receipts for programmes no decision provides for (they are allocated, not paid). */
const unfundedShares: Readonly<
  Record<string, { readonly from: number; readonly share: readonly [number, number] }>
> = {
  'cvd-prevention': { from: firstYear, share: [0.15, 0.22] },
  'physical-activity-in-healthcare': { from: firstYear, share: [0.1, 0.15] },
  // The recommendations were commissioned in 2024 (ADD2692).
  'structural-racism-recommendations': { from: 2024, share: [0.02, 0.04] },
};

/** Who a programme's payments go to, when the decision's own line names no one else than the fund. */
const recipientOf: Readonly<Record<string, string>> = {
  'london-office': 'Transformation Partners in Health and Care (host of the London office)',
  'structural-racism-recommendations': 'Race Equality Foundation',
};

interface Contribution {
  readonly slug: string;
  readonly pledged: number;
  readonly received: number;
  readonly pledgedOn: string;
  readonly receivedOn: string;
}

const day = (random: DemoRandom, from: number, to: number) =>
  from + Math.floor(random.uniform() * (to - from + 1));
const iso = (year: number, month: number, dayOfMonth: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
const roundTo = (pence: number, step: number) => Math.round(pence / step) * step;

/**
 * Each partner's pledge and receipt for a year. The GLA's are the public record; the others are generated:
 * NHS England (London) and London Councils every year, the five ICBs from 2022-23 (the ICBs were set up in July
 * 2022). 2021-22 adds up to MD2799's £650,000. In closed years most partners paid in full and a few paid part;
 * in the open year some have not paid yet.
 */
function contributionsFor(random: DemoRandom, year: number): Contribution[] {
  const between = (low: number, high: number, step = pounds(5_000)) =>
    roundTo(pounds(low) + random.uniform() * (pounds(high) - pounds(low)), step);
  const amounts: [string, number][] = [['gla', glaContribution]];
  if (year === 2021) {
    const nhs = between(250_000, 300_000);
    amounts.push(['nhs-england-london', nhs], ['london-councils', total2021 - glaContribution - nhs]);
  } else {
    amounts.push(
      ['nhs-england-london', between(200_000, 300_000)],
      ['london-councils', between(100_000, 175_000)],
    );
    if (year >= 2022) for (const icb of icbSlugs) amounts.push([icb, between(20_000, 50_000)]);
  }
  return amounts.map(([slug, pledged]) => {
    let received = pledged;
    if (slug !== 'gla' && year !== 2021) {
      const draw = random.uniform();
      if (year === lastYear) {
        // The open year: London Councils has paid half so far, an ICB has either paid or not yet.
        if (slug === 'london-councils') received = roundTo(pledged / 2, 100);
        else if (slug !== 'nhs-england-london' && draw < 0.4) received = 0;
      } else if (draw < 0.12) received = roundTo(pledged * (0.5 + random.uniform() * 0.4), pounds(1_000));
    }
    return {
      slug,
      pledged,
      received,
      pledgedOn: iso(year, 4, day(random, 1, 20)),
      receivedOn: iso(year, day(random, 6, 11), day(random, 1, 28)),
    };
  });
}

/** What the seeded decisions provide, by decision, programme and year: only approved, signed or published ones. */
async function decisionCover(
  db: Db,
  decisionIds: readonly number[],
  programmeIds: readonly number[],
): Promise<
  { decisionId: number; programmeId: number; financialYear: number; pence: number; recipient: string }[]
> {
  if (decisionIds.length === 0 || programmeIds.length === 0) return [];
  const rows = await queryRows<{
    decision_id: number;
    programme_id: number;
    financial_year: number;
    pence: string;
    recipient: string;
  }>(
    db,
    sql`select e.decision_id, e.programme_id, e.financial_year, sum(e.amount_pence)::text as pence,
          min(e.recipient) as recipient
        from decision_expenditures e join decisions d on d.id = e.decision_id
        where e.direction = 'expenditure' and d.status in ('approved', 'signed', 'published')
          and e.decision_id in (${sql.join(
            decisionIds.map((id) => sql`${id}`),
            sql`, `,
          )})
          and e.programme_id in (${sql.join(
            programmeIds.map((id) => sql`${id}`),
            sql`, `,
          )})
          and e.financial_year between ${firstYear} and ${lastYear}
        group by e.decision_id, e.programme_id, e.financial_year
        order by e.decision_id, e.programme_id, e.financial_year`,
  );
  return rows.map((r) => ({
    decisionId: Number(r.decision_id),
    programmeId: Number(r.programme_id),
    financialYear: r.financial_year,
    pence: Number(r.pence),
    recipient: r.recipient,
  }));
}

/** `total` in `parts` instalments of whole pence, the last taking the remainder. */
function instalments(total: number, parts: number): number[] {
  const each = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => (i === parts - 1 ? total - each * (parts - 1) : each));
}

/**
 * The demo's London Health and Care Partnership pooled fund, held by the GLA, 2020-21 to 2025-26 (2025-26 open,
 * the years before closed), every posting through the ledger's own functions so that none breaks a rule:
 * - the GLA's £150,000 pledge and receipt each year: the public record (not is_demo);
 * - the other partners' pledges and receipts: generated from a fixed seed (is_demo), 2021-22 adding up to
 *   £650,000 (MD2799);
 * - allocations to the demo programmes (when the programmes seeder made them): what the seeded decisions provide
 *   for a programme in a year, and a generated share of the year's receipts for the others;
 * - executed funding agreements under those decisions and quarterly payments within them: in full in closed
 *   years, the first two quarters in the open year (all is_demo); an allocation partly released in 2023-24.
 * The fund's id goes into ctx.ids as fund:pooled. Skipped when the GLA is missing. Returns the rows made.
 */
export async function seedFundDemo(context: GovernanceDemoContext): Promise<number> {
  const { db, organisationIds, ids } = context;
  const gla = organisationIds.get('gla');
  if (gla === undefined) return 0;
  const actor = { actorUserId: null };
  let rows = 0;

  const fundId = await createFund(db, {
    organisationId: gla,
    slug: demoFundSlug,
    name: 'London Health and Care Partnership pooled fund',
    description:
      "The partners' pooled fund for the partnership's London office, the London Health and Care Vision and the London Health Mission, held by the GLA on the partners' behalf. The GLA's £150,000 a year is from its published decisions (MD2704, MD2799, MD3012 and MD3326); the other partners' figures, the allocations and the payments are demonstration data.",
    ...actor,
  });
  ids.set(demoFundKey, fundId);
  rows += 1;
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  for (const financialYear of years) {
    await openFundYear(db, { fundId, organisationId: gla, financialYear, ...actor });
    rows += 1;
  }

  const programmes = programmeSlugs
    .map((slug) => ({ slug, id: ids.get(`programme:${slug}`) }))
    .filter((p): p is { slug: (typeof programmeSlugs)[number]; id: number } => p.id !== undefined);
  const decisionIds = [...ids].filter(([key]) => key.startsWith('decision:')).map(([, id]) => id);
  const cover = await decisionCover(
    db,
    decisionIds,
    programmes.map((p) => p.id),
  );

  // One executed agreement per decision and programme, for all it provides over the fund's years.
  const agreements = new Map<string, number>();
  for (const line of cover) {
    const key = `${line.decisionId}|${line.programmeId}`;
    if (agreements.has(key)) continue;
    const lines = cover.filter((c) => c.decisionId === line.decisionId && c.programmeId === line.programmeId);
    const slug = programmes.find((p) => p.id === line.programmeId)!.slug;
    const agreementId = await createFundingAgreement(db, {
      fundId,
      organisationId: gla,
      programmeId: line.programmeId,
      decisionId: line.decisionId,
      recipient: recipientOf[slug] ?? (line.recipient || 'Programme delivery partner'),
      amountPence: lines.reduce((total, l) => total + l.pence, 0),
      isDemo: true,
      ...actor,
    });
    await executeFundingAgreement(db, {
      fundId,
      organisationId: gla,
      agreementId,
      executedOn: iso(Math.min(...lines.map((l) => l.financialYear)), 5, 1),
      ...actor,
    });
    agreements.set(key, agreementId);
    rows += 1;
  }

  const random = new DemoRandom(seed);
  for (const year of years) {
    const contributions = contributionsFor(random, year);
    const posted = { fundId, financialYear: year, ...actor };
    for (const c of contributions) {
      const partnerOrganisationId = organisationIds.get(c.slug);
      if (partnerOrganisationId === undefined) continue;
      const isDemo = c.slug !== 'gla';
      await postPledge(db, {
        ...posted,
        amountPence: c.pledged,
        occurredOn: c.pledgedOn,
        partnerOrganisationId,
        isDemo,
      });
      rows += 1;
      if (c.received > 0) {
        await postReceipt(db, {
          ...posted,
          amountPence: c.received,
          occurredOn: c.receivedOn,
          partnerOrganisationId,
          isDemo,
          memo: c.received < c.pledged ? 'Part payment' : '',
        });
        rows += 1;
      }
    }
    const received = contributions
      .filter((c) => organisationIds.has(c.slug))
      .reduce((total, c) => total + c.received, 0);

    // Allocations: what the decisions provide for the year, and generated shares for the rest.
    const yearCover = cover.filter((c) => c.financialYear === year);
    let left = received;
    const unpaid = new Map<number, number>();
    for (const p of programmes) {
      const provided = yearCover
        .filter((c) => c.programmeId === p.id)
        .reduce((total, c) => total + c.pence, 0);
      const unfunded = unfundedShares[p.slug];
      const [low, high] = unfunded?.share ?? [0, 0];
      const generated =
        provided === 0 && unfunded && year >= unfunded.from
          ? roundTo(received * (low + random.uniform() * (high - low)), pounds(1_000))
          : 0;
      const amount = Math.min(left, provided + generated);
      if (amount <= 0) continue;
      await postAllocation(db, {
        ...posted,
        amountPence: amount,
        occurredOn: iso(year, 10, 1),
        programmeId: p.id,
        isDemo: true,
      });
      left -= amount;
      unpaid.set(p.id, amount);
      rows += 1;
    }

    // Payments: quarterly, within each decision's provision and the allocation; two quarters in the open year.
    const quarters = [iso(year, 6, 30), iso(year, 9, 30), iso(year, 12, 31), iso(year + 1, 3, 31)];
    for (const c of yearCover) {
      const parts = instalments(c.pence, 4).slice(0, year === lastYear ? 2 : 4);
      for (const [i, instalment] of parts.entries()) {
        const amountPence = Math.min(instalment, unpaid.get(c.programmeId) ?? 0);
        if (amountPence <= 0) continue;
        unpaid.set(c.programmeId, (unpaid.get(c.programmeId) ?? 0) - amountPence);
        await postPayment(db, {
          ...posted,
          amountPence,
          occurredOn: quarters[i]!,
          programmeId: c.programmeId,
          decisionId: c.decisionId,
          fundingAgreementId: agreements.get(`${c.decisionId}|${c.programmeId}`)!,
          isDemo: true,
          memo: `Quarter ${i + 1}`,
        });
        rows += 1;
      }
    }

    // 2023-24: a quarter of the physical activity allocation released when the programme was re-phased.
    const physicalActivity = programmes.find((p) => p.slug === 'physical-activity-in-healthcare');
    if (year === 2023 && physicalActivity) {
      const [allocated] = await queryRows<{ pence: string }>(
        db,
        sql`select (-balance_pence)::text as pence from ledger_accounts where fund_id = ${fundId}
            and financial_year = ${year} and kind = 'allocated' and programme_id = ${physicalActivity.id}`,
      );
      const release = roundTo(Number(allocated?.pence ?? 0) / 4, pounds(1_000));
      if (release > 0) {
        await postDeallocation(db, {
          ...posted,
          amountPence: release,
          occurredOn: iso(year + 1, 1, 15),
          programmeId: physicalActivity.id,
          isDemo: true,
          memo: 'Programme re-phased: released to the year’s unallocated money',
        });
        rows += 1;
      }
    }

    if (year < lastYear) {
      await closeFundYear(db, {
        fundId,
        organisationId: gla,
        financialYear: year,
        closedAt: new Date(`${year + 1}-06-30T12:00:00Z`),
        reason: 'Year-end accounts agreed',
        ...actor,
      });
    }
  }
  return rows;
}
