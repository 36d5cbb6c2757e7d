import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { Db } from '../../src/db/db.js';
import { queryRows } from '../../src/db/query-rows.js';
import { closeFundYear } from '../../src/funds/close-fund-year.js';
import { LedgerRuleError } from '../../src/funds/ledger-rule-error.js';
import { postAllocation } from '../../src/funds/post-allocation.js';
import { postDeallocation } from '../../src/funds/post-deallocation.js';
import { postPayment } from '../../src/funds/post-payment.js';
import { postPledge } from '../../src/funds/post-pledge.js';
import { postReceipt } from '../../src/funds/post-receipt.js';
import { reconcile } from '../../src/funds/reconcile.js';
import { createFundFixtures, createFundOrganisations } from '../support/fund-fixtures.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

/** One step of a random run: a posting of each kind (many of which must be refused), or a year's close. */
type Command =
  | { op: 'pledge' | 'receipt'; partner: 0 | 1; year: number; amount: number }
  | { op: 'allocation' | 'deallocation'; programme: 0 | 1; year: number; amount: number; share?: number }
  | { op: 'payment'; route: number; year: number; amount: number; share?: number }
  | { op: 'close'; year: number };

// 2023 is closed, 2024 and 2025 open, 2026 never opened.
const year = fc.constantFrom(2023, 2024, 2024, 2024, 2025, 2025, 2026);
// Small and large, so that allocations and payments often hit their limits.
const amount = fc.oneof(fc.integer({ min: 1, max: 100_00 }), fc.integer({ min: 1, max: 60_000_00 }));
// Or, for what draws on a balance, a percentage of what is there (up to 130%), so that postings land on both
// sides of the limit rather than mostly beyond it.
const share = fc.option(fc.integer({ min: 1, max: 130 }), { nil: undefined, freq: 3 });
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constantFrom('pledge' as const, 'receipt' as const),
      partner: fc.constantFrom(0 as const, 1 as const),
      year,
      amount,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constantFrom('allocation' as const, 'deallocation' as const),
      programme: fc.constantFrom(0 as const, 1 as const),
      year,
      amount,
      share,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('payment' as const),
      route: fc.constantFrom(0, 0, 0, 1, 1, 2, 3, 4, 5),
      year,
      amount,
      share,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('close' as const), year: fc.constantFrom(2024, 2025, 2026) }),
  },
);

/** The command's amount, or its share of what is available when it has one. */
const sized = (c: { amount: number; share?: number }, available: number) =>
  c.share !== undefined && available > 0 ? Math.max(1, Math.floor((available * c.share) / 100)) : c.amount;

/** The ledger as the rules say it should be: what the fund holds, by year, in plain positive amounts. */
class Model {
  readonly closed = new Set([2023]);
  readonly open = new Set([2023, 2024, 2025]);
  readonly cash = new Map<number, number>();
  readonly unallocated = new Map<number, number>();
  readonly allocated = new Map<string, number>();
  readonly receivable = new Map<string, number>();
  readonly paidUnderDecision = new Map<string, number>();
  readonly paidUnderAgreement = new Map<number, number>();

  static get(map: Map<string | number, number>, key: string | number): number {
    return map.get(key) ?? 0;
  }
  static add(map: Map<string | number, number>, key: string | number, amount: number): void {
    map.set(key, (map.get(key) ?? 0) + amount);
  }
}

for (const kind of databaseKinds()) {
  describe(`ledger properties under random postings (${kind})`, { timeout: 600_000 }, () => {
    let t: TestDatabase;
    let db: Db;
    let orgs: { organisationId: number; partnerId: number };
    before(async () => {
      t = await createTestDatabase(kind);
      db = t.database.db;
      orgs = await createFundOrganisations(db);
    });
    after(async () => {
      await t?.cleanup();
    });

    async function counts(): Promise<string> {
      const [row] = await queryRows<Record<string, string>>(
        db,
        sql`select (select count(*) from ledger_transactions)::text as t, (select count(*) from ledger_entries)::text as e,
                   (select string_agg(id::text || ':' || balance_pence::text, ',' order by id) from ledger_accounts) as b,
                   (select count(*) from audit_events)::text as a, (select count(*) filter (where closed_at is not null) from fund_years)::text as y`,
      );
      return JSON.stringify(row);
    }

    it('never leaves a balance that disagrees with its entries or the rules; every refused posting changes nothing', async () => {
      const runs = kind === 'pglite' ? 30 : 10;
      await fc.assert(
        fc.asyncProperty(
          fc.array(command, { minLength: 5, maxLength: 30, size: 'medium' }),
          async (randomCommands) => {
            const f = await createFundFixtures(db, orgs);
            const partners = [f.partnerId, f.organisationId];
            const programmes = [f.programmeId, f.otherProgrammeId];
            // Payment routes: a programme, a decision and an agreement, right or wrong together.
            const routes = [
              { programme: 0, decision: f.decisionId, agreement: f.agreementId },
              { programme: 1, decision: f.decisionId, agreement: f.otherAgreementId },
              { programme: 0, decision: f.decisionId, agreement: f.draftAgreementId },
              { programme: 0, decision: f.draftDecisionId, agreement: f.draftDecisionAgreementId },
              { programme: 0, decision: f.decisionId, agreement: f.otherAgreementId },
              { programme: 1, decision: f.decisionId, agreement: f.agreementId },
            ];
            const agreements = new Map([
              [
                f.agreementId,
                { programme: 0, decision: f.decisionId, status: 'executed', amount: 80_000_00 },
              ],
              [
                f.draftAgreementId,
                { programme: 0, decision: f.decisionId, status: 'draft', amount: 80_000_00 },
              ],
              [
                f.draftDecisionAgreementId,
                { programme: 0, decision: f.draftDecisionId, status: 'executed', amount: 80_000_00 },
              ],
              [
                f.otherAgreementId,
                { programme: 1, decision: f.decisionId, status: 'executed', amount: 20_000_00 },
              ],
            ]);
            const cover = (decision: number, programme: number, y: number) =>
              decision !== f.decisionId && decision !== f.draftDecisionId
                ? 0
                : programme === 0
                  ? y === 2024
                    ? 100_000_00
                    : y === 2025
                      ? 50_000_00
                      : 0
                  : y === 2024
                    ? 20_000_00
                    : 0;
            const m = new Model();
            // Money in both open years and allocations in 2024 first, so that the random postings have
            // something to draw on.
            const commands: Command[] = [
              { op: 'receipt', partner: 0, year: 2024, amount: 150_000_00 },
              { op: 'receipt', partner: 1, year: 2025, amount: 60_000_00 },
              { op: 'allocation', programme: 0, year: 2024, amount: 50_000_00 },
              { op: 'allocation', programme: 1, year: 2024, amount: 10_000_00 },
              ...randomCommands,
            ];
            const header = (y: number, a: number) => ({
              fundId: f.fundId,
              financialYear: y,
              amountPence: a,
              occurredOn: '2024-06-01',
              actorUserId: null,
            });

            for (const c of commands) {
              // What the rules say should happen, checked in the order the code and the database check them.
              let expected: string | null = null;
              const yearCode = !m.open.has(c.year)
                ? 'YEAR_NOT_OPEN'
                : m.closed.has(c.year)
                  ? 'YEAR_CLOSED'
                  : null;
              let apply = () => {};
              let run: () => Promise<unknown>;
              switch (c.op) {
                case 'pledge':
                case 'receipt': {
                  const key = `${c.year}|${c.partner}`;
                  expected = yearCode;
                  apply =
                    c.op === 'pledge'
                      ? () => Model.add(m.receivable, key, c.amount)
                      : () => {
                          Model.add(m.receivable, key, -c.amount);
                          Model.add(m.cash, c.year, c.amount);
                          Model.add(m.unallocated, c.year, c.amount);
                        };
                  const posting = {
                    ...header(c.year, c.amount),
                    partnerOrganisationId: partners[c.partner]!,
                  };
                  run = () => (c.op === 'pledge' ? postPledge(db, posting) : postReceipt(db, posting));
                  break;
                }
                case 'allocation':
                case 'deallocation': {
                  const key = `${c.year}|${c.programme}`;
                  const a = sized(
                    c,
                    c.op === 'allocation' ? Model.get(m.unallocated, c.year) : Model.get(m.allocated, key),
                  );
                  const posting = { ...header(c.year, a), programmeId: programmes[c.programme]! };
                  if (c.op === 'allocation') {
                    expected =
                      yearCode ?? (a > Model.get(m.unallocated, c.year) ? 'INSUFFICIENT_UNALLOCATED' : null);
                    apply = () => {
                      Model.add(m.unallocated, c.year, -a);
                      Model.add(m.allocated, key, a);
                    };
                    run = () => postAllocation(db, posting);
                  } else {
                    expected =
                      yearCode ?? (a > Model.get(m.allocated, key) ? 'INSUFFICIENT_ALLOCATION' : null);
                    apply = () => {
                      Model.add(m.unallocated, c.year, a);
                      Model.add(m.allocated, key, -a);
                    };
                    run = () => postDeallocation(db, posting);
                  }
                  break;
                }
                case 'payment': {
                  const r = routes[c.route]!;
                  const agreement = agreements.get(r.agreement)!;
                  const key = `${c.year}|${r.programme}`;
                  const decisionKey = `${r.decision}|${r.programme}|${c.year}`;
                  // Near the tightest of its limits, so that payments often just fit and often just do not.
                  const a = sized(
                    c,
                    Math.min(
                      Model.get(m.allocated, key),
                      cover(r.decision, r.programme, c.year) - Model.get(m.paidUnderDecision, decisionKey),
                      agreement.amount - Model.get(m.paidUnderAgreement, r.agreement),
                    ),
                  );
                  expected =
                    yearCode ??
                    (r.decision === f.draftDecisionId
                      ? 'DECISION_NOT_APPROVED'
                      : Model.get(m.paidUnderDecision, decisionKey) + a >
                          cover(r.decision, r.programme, c.year)
                        ? 'DECISION_DOES_NOT_COVER'
                        : agreement.programme !== r.programme || agreement.decision !== r.decision
                          ? 'AGREEMENT_MISMATCH'
                          : agreement.status !== 'executed'
                            ? 'AGREEMENT_NOT_EXECUTED'
                            : Model.get(m.paidUnderAgreement, r.agreement) + a > agreement.amount
                              ? 'AGREEMENT_EXCEEDED'
                              : a > Model.get(m.allocated, key)
                                ? 'INSUFFICIENT_ALLOCATION'
                                : null);
                  apply = () => {
                    Model.add(m.allocated, key, -a);
                    Model.add(m.cash, c.year, -a);
                    Model.add(m.paidUnderDecision, decisionKey, a);
                    Model.add(m.paidUnderAgreement, r.agreement, a);
                  };
                  run = () =>
                    postPayment(db, {
                      ...header(c.year, a),
                      programmeId: programmes[r.programme]!,
                      decisionId: r.decision,
                      fundingAgreementId: r.agreement,
                    });
                  break;
                }
                case 'close': {
                  expected = yearCode;
                  apply = () => m.closed.add(c.year);
                  run = () =>
                    closeFundYear(db, {
                      fundId: f.fundId,
                      organisationId: f.organisationId,
                      financialYear: c.year,
                      actorUserId: null,
                    });
                  break;
                }
              }

              const before = await counts();
              if (expected === null) {
                await run();
                apply();
              } else {
                await assert.rejects(run(), (error: unknown) => {
                  assert.ok(error instanceof LedgerRuleError, String(error));
                  assert.equal(error.code, expected, `${JSON.stringify(c)}: ${error.message}`);
                  return true;
                });
                assert.equal(
                  await counts(),
                  before,
                  `${JSON.stringify(c)} was refused but changed something`,
                );
              }

              // The database's balances are the model's, and the ledger reconciles, after every step.
              const rows = await queryRows<{
                kind: string;
                financial_year: number;
                organisation_id: number | null;
                programme_id: number | null;
                balance: string;
              }>(
                db,
                sql`select kind, financial_year, organisation_id, programme_id, balance_pence::text as balance
                  from ledger_accounts where fund_id = ${f.fundId}`,
              );
              for (const row of rows) {
                const y = row.financial_year;
                const balance = Number(row.balance);
                const want =
                  row.kind === 'cash'
                    ? Model.get(m.cash, y)
                    : row.kind === 'unallocated'
                      ? -Model.get(m.unallocated, y)
                      : row.kind === 'allocated'
                        ? -Model.get(m.allocated, `${y}|${programmes.indexOf(row.programme_id!)}`)
                        : (row.kind === 'pledge-receivable' ? 1 : -1) *
                          Model.get(m.receivable, `${y}|${partners.indexOf(row.organisation_id!)}`);
                assert.equal(balance, want + 0, `${row.kind} ${y} after ${JSON.stringify(c)}`);
                if (row.kind === 'cash') assert.ok(balance >= 0);
                if (row.kind === 'unallocated' || row.kind === 'allocated') assert.ok(balance <= 0);
              }
              const reconciliation = await reconcile(db, f.fundId);
              assert.deepEqual(reconciliation, { ok: true, problems: [] }, `after ${JSON.stringify(c)}`);
            }
          },
        ),
        { numRuns: runs, endOnFailure: true, includeErrorInReport: true },
      );
    });
  });
}
