import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { queryRows } from '../db/query-rows.js';

/** A partner's year: pledged, received, and the difference either way. */
export interface PartnerYear {
  readonly financialYear: number;
  readonly organisationId: number;
  readonly partnerName: string;
  readonly partnerSlug: string;
  readonly pledgedPence: number;
  readonly receivedPence: number;
  /** Pledged and not yet received. */
  readonly outstandingPence: number;
  /** Received beyond what was pledged. */
  readonly overReceivedPence: number;
  readonly demo: boolean;
}

/** A programme's year: allocated (net of releases), paid, and what is allocated and unpaid. */
export interface ProgrammeYear {
  readonly financialYear: number;
  readonly programmeId: number;
  readonly programmeName: string;
  readonly programmeSlug: string;
  readonly allocatedPence: number;
  readonly paidPence: number;
  readonly remainingPence: number;
  readonly demo: boolean;
}

/** A year of the fund as a whole. */
export interface FundYearTotals {
  readonly financialYear: number;
  readonly closed: boolean;
  readonly pledgedPence: number;
  readonly receivedPence: number;
  readonly allocatedPence: number;
  readonly spentPence: number;
  /** Received and not yet allocated. */
  readonly unallocatedPence: number;
  /** Received and not yet paid out. */
  readonly heldPence: number;
  readonly demo: boolean;
}

export interface FundReport {
  readonly partners: readonly PartnerYear[];
  readonly programmes: readonly ProgrammeYear[];
  readonly years: readonly FundYearTotals[];
  readonly totals: Omit<FundYearTotals, 'financialYear' | 'closed'>;
}

interface Row {
  financial_year: number;
  kind: string;
  partner_id: number | null;
  partner_name: string | null;
  partner_slug: string | null;
  programme_id: number | null;
  programme_name: string | null;
  programme_slug: string | null;
  total: string;
  demo: boolean;
}

/**
 * A fund's figures for its public report, read from its transactions (reconcile() ties them to the account
 * balances): by partner and year, pledged, received and outstanding; by programme and year, allocated, paid
 * and remaining; by year and in total, pledged against received against spent. A row is demonstration data
 * when any transaction in it is.
 */
export async function fundReport(db: Db, fundId: number): Promise<FundReport> {
  const rows = await queryRows<Row>(
    db,
    sql`select t.financial_year, t.kind, t.partner_organisation_id as partner_id, o.name as partner_name,
          o.slug as partner_slug, t.programme_id, p.name as programme_name, p.slug as programme_slug,
          sum(t.amount_pence)::text as total, bool_or(t.is_demo) as demo
        from ledger_transactions t
        left join organisations o on o.id = t.partner_organisation_id
        left join programmes p on p.id = t.programme_id
        where t.fund_id = ${fundId}
        group by t.financial_year, t.kind, t.partner_organisation_id, o.name, o.slug, t.programme_id, p.name, p.slug`,
  );
  const years = await queryRows<{ financial_year: number; closed: boolean }>(
    db,
    sql`select financial_year, closed_at is not null as closed from fund_years where fund_id = ${fundId}
        order by financial_year`,
  );

  const partners = new Map<string, PartnerYear & { pledgedPence: number; receivedPence: number }>();
  const programmes = new Map<string, { row: Row; allocated: number; paid: number; demo: boolean }>();
  const byYear = new Map<
    number,
    { pledged: number; received: number; allocated: number; spent: number; demo: boolean }
  >();
  for (const y of years)
    byYear.set(y.financial_year, { pledged: 0, received: 0, allocated: 0, spent: 0, demo: false });
  for (const r of rows) {
    const amount = Number(r.total);
    const year = byYear.get(r.financial_year) ?? {
      pledged: 0,
      received: 0,
      allocated: 0,
      spent: 0,
      demo: false,
    };
    year.demo ||= r.demo;
    byYear.set(r.financial_year, year);
    if (r.kind === 'pledge' || r.kind === 'receipt') {
      const key = `${r.financial_year}|${r.partner_id}`;
      const p = partners.get(key) ?? {
        financialYear: r.financial_year,
        organisationId: Number(r.partner_id),
        partnerName: r.partner_name ?? '',
        partnerSlug: r.partner_slug ?? '',
        pledgedPence: 0,
        receivedPence: 0,
        outstandingPence: 0,
        overReceivedPence: 0,
        demo: false,
      };
      if (r.kind === 'pledge') {
        p.pledgedPence += amount;
        year.pledged += amount;
      } else {
        p.receivedPence += amount;
        year.received += amount;
      }
      partners.set(key, { ...p, demo: p.demo || r.demo });
    } else {
      const key = `${r.financial_year}|${r.programme_id}`;
      const p = programmes.get(key) ?? { row: r, allocated: 0, paid: 0, demo: false };
      const signed = r.kind === 'allocation' ? amount : r.kind === 'deallocation' ? -amount : 0;
      p.allocated += signed;
      year.allocated += signed;
      if (r.kind === 'payment') {
        p.paid += amount;
        year.spent += amount;
      }
      p.demo ||= r.demo;
      programmes.set(key, p);
    }
  }

  const partnerRows = [...partners.values()]
    .map((p) => ({
      ...p,
      outstandingPence: Math.max(0, p.pledgedPence - p.receivedPence),
      overReceivedPence: Math.max(0, p.receivedPence - p.pledgedPence),
    }))
    .sort((a, b) => a.financialYear - b.financialYear || a.partnerName.localeCompare(b.partnerName));
  const programmeRows = [...programmes.values()]
    .map(({ row, allocated, paid, demo }) => ({
      financialYear: row.financial_year,
      programmeId: Number(row.programme_id),
      programmeName: row.programme_name ?? '',
      programmeSlug: row.programme_slug ?? '',
      allocatedPence: allocated,
      paidPence: paid,
      remainingPence: allocated - paid,
      demo,
    }))
    .sort((a, b) => a.financialYear - b.financialYear || a.programmeName.localeCompare(b.programmeName));
  const closed = new Map(years.map((y) => [y.financial_year, y.closed]));
  const yearRows = [...byYear]
    .sort(([a], [b]) => a - b)
    .map(([financialYear, y]) => ({
      financialYear,
      closed: closed.get(financialYear) ?? false,
      pledgedPence: y.pledged,
      receivedPence: y.received,
      allocatedPence: y.allocated,
      spentPence: y.spent,
      unallocatedPence: y.received - y.allocated,
      heldPence: y.received - y.spent,
      demo: y.demo,
    }));
  const sum = (pick: (y: FundYearTotals) => number) => yearRows.reduce((total, y) => total + pick(y), 0);
  return {
    partners: partnerRows,
    programmes: programmeRows,
    years: yearRows,
    totals: {
      pledgedPence: sum((y) => y.pledgedPence),
      receivedPence: sum((y) => y.receivedPence),
      allocatedPence: sum((y) => y.allocatedPence),
      spentPence: sum((y) => y.spentPence),
      unallocatedPence: sum((y) => y.unallocatedPence),
      heldPence: sum((y) => y.heldPence),
      demo: yearRows.some((y) => y.demo),
    },
  };
}
