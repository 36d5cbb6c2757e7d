import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/db.js';
import { decisionExpenditures } from '../../src/decisions/decision-expenditures-table.js';
import { decisions } from '../../src/decisions/decisions-table.js';
import { createFund } from '../../src/funds/create-fund.js';
import { createFundingAgreement } from '../../src/funds/create-funding-agreement.js';
import { executeFundingAgreement } from '../../src/funds/execute-funding-agreement.js';
import { fundYears } from '../../src/funds/fund-years-table.js';
import { organisations } from '../../src/people/organisations-table.js';
import { programmes } from '../../src/programmes/programmes-table.js';

/** A fund to test the ledger on, and what its postings need, by name. */
export interface FundFixtures {
  readonly fundId: number;
  readonly organisationId: number;
  /** A partner that pledges and pays in. */
  readonly partnerId: number;
  readonly programmeId: number;
  readonly otherProgrammeId: number;
  /** Approved: covers £100,000 for `programmeId` in 2024 and £50,000 in 2025, and £20,000 for the other in 2024. */
  readonly decisionId: number;
  /** Draft, with the same lines as `decisionId`. */
  readonly draftDecisionId: number;
  /** Executed, £80,000, for `programmeId` under `decisionId`. */
  readonly agreementId: number;
  /** Draft, £80,000, for `programmeId` under `decisionId`. */
  readonly draftAgreementId: number;
  /** Executed, £80,000, for `programmeId` under `draftDecisionId`. */
  readonly draftDecisionAgreementId: number;
  /** Executed, £20,000, for `otherProgrammeId` under `decisionId`. */
  readonly otherAgreementId: number;
  /** 2024 and 2025 are open; 2023 is closed. */
  readonly openYear: 2024;
  readonly closedYear: 2023;
}

let made = 0;

/**
 * A fund held by `organisationId` with years 2023 (closed), 2024 and 2025 (open), two programmes, an approved
 * and a draft decision with expenditure lines, and funding agreements (executed and draft). Fresh slugs and
 * references each call, so a database can hold several.
 */
export async function createFundFixtures(
  db: Db,
  options: { organisationId: number; partnerId: number; slug?: string },
): Promise<FundFixtures> {
  made += 1;
  const tag = `${process.pid}-${made}-${Math.floor(Math.random() * 1e6)}`;
  const { organisationId, partnerId } = options;
  const [programme] = await db
    .insert(programmes)
    .values({ organisationId, slug: `test-programme-${tag}`, name: `Test programme ${tag}` })
    .returning({ id: programmes.id });
  const [otherProgramme] = await db
    .insert(programmes)
    .values({ organisationId, slug: `test-other-programme-${tag}`, name: `Other test programme ${tag}` })
    .returning({ id: programmes.id });
  const decision = async (reference: string, status: 'approved' | 'draft') => {
    const [row] = await db
      .insert(decisions)
      .values({ organisationId, reference, type: 'MD', title: `Test decision ${reference}`, status })
      .returning({ id: decisions.id });
    await db.insert(decisionExpenditures).values([
      { decisionId: row!.id, amountPence: 100_000_00, financialYear: 2024, programmeId: programme!.id },
      { decisionId: row!.id, amountPence: 50_000_00, financialYear: 2025, programmeId: programme!.id },
      { decisionId: row!.id, amountPence: 20_000_00, financialYear: 2024, programmeId: otherProgramme!.id },
      // A receipt line and a line for no programme: neither covers a payment.
      {
        decisionId: row!.id,
        amountPence: 999_000_00,
        financialYear: 2024,
        programmeId: programme!.id,
        direction: 'receipt',
      },
      { decisionId: row!.id, amountPence: 999_000_00, financialYear: 2024 },
    ]);
    return row!.id;
  };
  const decisionId = await decision(`T${made}A${process.pid}`, 'approved');
  const draftDecisionId = await decision(`T${made}D${process.pid}`, 'draft');
  const fundId = await createFund(db, {
    organisationId,
    slug: options.slug ?? `test-fund-${tag}`,
    name: `Test fund ${tag}`,
    actorUserId: null,
  });
  await db.insert(fundYears).values([
    { fundId, financialYear: 2023, closedAt: new Date('2024-06-30T12:00:00Z') },
    { fundId, financialYear: 2024 },
    { fundId, financialYear: 2025 },
  ]);
  const agreement = async (
    programmeId: number,
    decisionIdOf: number,
    amountPence: number,
    execute: boolean,
  ) => {
    const id = await createFundingAgreement(db, {
      fundId,
      organisationId,
      programmeId,
      decisionId: decisionIdOf,
      recipient: 'Test recipient',
      amountPence,
      actorUserId: null,
    });
    if (execute)
      await executeFundingAgreement(db, {
        fundId,
        organisationId,
        agreementId: id,
        executedOn: '2024-05-01',
        actorUserId: null,
      });
    return id;
  };
  return {
    fundId,
    organisationId,
    partnerId,
    programmeId: programme!.id,
    otherProgrammeId: otherProgramme!.id,
    decisionId,
    draftDecisionId,
    agreementId: await agreement(programme!.id, decisionId, 80_000_00, true),
    draftAgreementId: await agreement(programme!.id, decisionId, 80_000_00, false),
    draftDecisionAgreementId: await agreement(programme!.id, draftDecisionId, 80_000_00, true),
    otherAgreementId: await agreement(otherProgramme!.id, decisionId, 20_000_00, true),
    openYear: 2024,
    closedYear: 2023,
  };
}

/** Two organisations for tests that need no people: the fund's holder and a partner. */
export async function createFundOrganisations(
  db: Db,
): Promise<{ organisationId: number; partnerId: number }> {
  const tag = `${process.pid}-${Math.floor(Math.random() * 1e9)}`;
  const [holder] = await db
    .insert(organisations)
    .values({ slug: `holder-${tag}`, name: `Fund holder ${tag}`, kind: 'partner' })
    .returning({ id: organisations.id });
  const [partner] = await db
    .insert(organisations)
    .values({ slug: `partner-${tag}`, name: `Partner ${tag}`, kind: 'partner' })
    .returning({ id: organisations.id });
  return { organisationId: holder!.id, partnerId: partner!.id };
}

/** Sets a decision's status, as the decisions workflow would. */
export async function setDecisionStatus(
  db: Db,
  decisionId: number,
  status: 'approved' | 'draft' | 'withdrawn',
) {
  await db.update(decisions).set({ status }).where(eq(decisions.id, decisionId));
}
