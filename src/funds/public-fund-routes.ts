import type { FastifyInstance } from 'fastify';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import { sendCsv } from '../app/send-csv.js';
import type { Database } from '../db/database.js';
import { penceAsPounds } from '../money/pence-as-pounds.js';
import { financialYearLabel } from './financial-year-label.js';
import { type FundSummary, findFund, listFunds } from './find-fund.js';
import { pathId } from './fund-for-staff.js';
import { fundReport } from './fund-report.js';
import { fundViewHelpers } from './fund-view-helpers.js';
import { listFundTransactions } from './list-fund-transactions.js';
import { transactionKindLabels } from './posting-kinds.js';

const yesNo = (demo: boolean) => (demo ? 'yes' : 'no');

/**
 * The public pages of the pooled funds, for anyone, without signing in: /funds (every fund) and /funds/{id}
 * (by year, by partner and year, by programme and year, in total), with CSV downloads of each table and of
 * every transaction. Demonstration figures are labelled on the page and in a column of each download.
 */
export async function publicFundRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  const { db } = options.database;

  async function publicFund(value: unknown): Promise<FundSummary> {
    const fund = await findFund(db, pathId(value));
    if (!fund || fund.archived) throw new PageNotFoundError(`no fund ${String(value)}`);
    return fund;
  }

  app.get('/funds', async (_request, reply) => {
    const funds = await listFunds(db);
    return reply.view('funds/funds.njk', { title: 'Pooled funds', funds, demo: funds.some((f) => f.demo) });
  });

  app.get('/funds/:fundId', async (request, reply) => {
    const fund = await publicFund((request.params as { fundId: string }).fundId);
    const report = await fundReport(db, fund.id);
    return reply.view('funds/fund-report.njk', { title: fund.name, fund, report, ...fundViewHelpers });
  });

  app.get('/funds/:fundId/partners.csv', async (request, reply) => {
    const fund = await publicFund((request.params as { fundId: string }).fundId);
    const report = await fundReport(db, fund.id);
    return sendCsv(
      reply,
      `${fund.slug}-partners.csv`,
      'Fund,Financial year,Partner,Partner slug,Pledged (£),Received (£),Outstanding (£),Received beyond pledge (£),Demonstration data',
      report.partners.map((p) => [
        fund.name,
        financialYearLabel(p.financialYear),
        p.partnerName,
        p.partnerSlug,
        penceAsPounds(p.pledgedPence),
        penceAsPounds(p.receivedPence),
        penceAsPounds(p.outstandingPence),
        penceAsPounds(p.overReceivedPence),
        yesNo(p.demo),
      ]),
    );
  });

  app.get('/funds/:fundId/programmes.csv', async (request, reply) => {
    const fund = await publicFund((request.params as { fundId: string }).fundId);
    const report = await fundReport(db, fund.id);
    return sendCsv(
      reply,
      `${fund.slug}-programmes.csv`,
      'Fund,Financial year,Programme,Programme slug,Allocated (£),Paid (£),Remaining (£),Demonstration data',
      report.programmes.map((p) => [
        fund.name,
        financialYearLabel(p.financialYear),
        p.programmeName,
        p.programmeSlug,
        penceAsPounds(p.allocatedPence),
        penceAsPounds(p.paidPence),
        penceAsPounds(p.remainingPence),
        yesNo(p.demo),
      ]),
    );
  });

  app.get('/funds/:fundId/transactions.csv', async (request, reply) => {
    const fund = await publicFund((request.params as { fundId: string }).fundId);
    const transactions = await listFundTransactions(db, fund.id);
    return sendCsv(
      reply,
      `${fund.slug}-transactions.csv`,
      'Fund,Transaction,Date,Financial year,Kind,Amount (£),Partner,Programme,Decision,Funding agreement,Recipient,Note,Demonstration data',
      transactions.map((t) => [
        fund.name,
        t.id,
        t.occurredOn,
        financialYearLabel(t.financialYear),
        transactionKindLabels[t.kind],
        penceAsPounds(t.amountPence),
        t.partnerName,
        t.programmeName,
        t.decisionReference,
        t.fundingAgreementId,
        t.recipient,
        t.memo,
        yesNo(t.demo),
      ]),
    );
  });
}
