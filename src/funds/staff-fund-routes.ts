import type { FastifyInstance, FastifyReply } from 'fastify';
import { type FormErrors, formErrors, formErrorsOf } from '../app/form-errors.js';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import type { Database } from '../db/database.js';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { hasRole, organisationsWithRole } from '../people/has-role.js';
import { requireStaff, staffOf } from '../people/require-staff.js';
import { closeFundYear } from './close-fund-year.js';
import { closeYearForm } from './close-year-form.js';
import { createFund } from './create-fund.js';
import { financialYearLabel } from './financial-year-label.js';
import { listFunds } from './find-fund.js';
import { formText } from './form-text.js';
import { fundForStaff } from './fund-for-staff.js';
import { fundForm } from './fund-form.js';
import { FundSlugTakenError } from './fund-slug-taken-error.js';
import { fundViewHelpers } from './fund-view-helpers.js';
import { fundYearBalances } from './fund-year-balances.js';
import { LedgerRuleError } from './ledger-rule-error.js';
import { listFundTransactions } from './list-fund-transactions.js';
import { listFundingAgreements } from './list-funding-agreements.js';
import { openFundYear } from './open-fund-year.js';
import { openYearForm } from './open-year-form.js';
import { postingKinds } from './posting-kinds.js';
import { reconcile } from './reconcile.js';

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/**
 * The staff pages of the pooled funds: /staff/funds (the funds of the person's organisations), a new fund
 * (approver+ of the organisation that will hold it), /staff/funds/{id} (viewer+ of the fund's organisation:
 * its years with balances, whether it reconciles, its funding agreements and its history), and opening and
 * closing a financial year (approver+; closing is final).
 */
export async function staffFundRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  const { db } = options.database;

  app.get('/staff/funds', { preHandler: requireStaff }, async (request, reply) => {
    const staff = staffOf(request);
    const funds = (await listFunds(db)).filter((f) => hasRole(staff, f.organisationId, 'viewer'));
    noStore(reply);
    return reply.view('funds/staff-funds.njk', {
      title: 'Pooled funds',
      funds,
      canCreate: organisationsWithRole(staff, 'approver').length > 0,
    });
  });

  const fundFormPage = (reply: FastifyReply, status: number, context: Record<string, unknown>) => {
    const staff = staffOf(reply.request);
    noStore(reply);
    return reply.code(status).view('funds/new-fund.njk', {
      title: 'Create a pooled fund',
      organisations: organisationsWithRole(staff, 'approver').map((m) => ({
        value: String(m.organisationId),
        text: m.organisationName,
      })),
      values: {},
      ...context,
    });
  };

  app.get('/staff/funds/new', { preHandler: requireStaff }, async (request, reply) => {
    if (organisationsWithRole(staffOf(request), 'approver').length === 0)
      throw new ForbiddenError('You need to be an approver in an organisation to create a fund for it');
    return fundFormPage(reply, 200, {});
  });

  app.post('/staff/funds', { preHandler: requireStaff }, async (request, reply) => {
    const staff = staffOf(request);
    const values = {
      organisation: formText(request.body, 'organisation'),
      name: formText(request.body, 'name'),
      slug: formText(request.body, 'slug'),
      description: formText(request.body, 'description'),
    };
    const organisationId = Number(values.organisation);
    // The person must be an approver where the fund would be held: asking for another organisation is refused.
    if (values.organisation !== '' && !hasRole(staff, organisationId, 'approver'))
      throw new ForbiddenError('You need to be an approver in the organisation that holds the fund');
    if (organisationsWithRole(staff, 'approver').length === 0)
      throw new ForbiddenError('You need to be an approver in an organisation to create a fund for it');
    const parsed = fundForm.safeParse(values);
    if (!parsed.success) return fundFormPage(reply, 400, { values, errors: formErrors(parsed.error) });
    try {
      const id = await createFund(db, {
        organisationId: parsed.data.organisation,
        slug: parsed.data.slug,
        name: parsed.data.name,
        description: parsed.data.description,
        actorUserId: staff.id,
      });
      return reply.redirect(`/staff/funds/${id}`, 303);
    } catch (error) {
      if (error instanceof FundSlugTakenError)
        return fundFormPage(reply, 400, {
          values,
          errors: formErrorsOf({ slug: 'Another fund has that short name: choose another' }),
        });
      throw error;
    }
  });

  app.get('/staff/funds/:fundId', { preHandler: requireStaff }, async (request, reply) => {
    const staff = staffOf(request);
    const fund = await fundForStaff(db, request, 'viewer', 'see this fund');
    const [years, agreements, transactions, reconciliation] = await Promise.all([
      fundYearBalances(db, fund.id),
      listFundingAgreements(db, fund.id),
      listFundTransactions(db, fund.id),
      reconcile(db, fund.id),
    ]);
    const { recorded } = request.query as { recorded?: string };
    const recordedTransaction = transactions.find((t) => String(t.id) === recorded);
    noStore(reply);
    return reply.view('funds/staff-fund.njk', {
      title: fund.name,
      fund,
      years,
      agreements,
      transactions: [...transactions].reverse(),
      reconciliation,
      recorded: recordedTransaction,
      postingKinds,
      canPost: hasRole(staff, fund.organisationId, 'editor'),
      canManage: hasRole(staff, fund.organisationId, 'approver'),
      ...fundViewHelpers,
    });
  });

  const openYearPage = (reply: FastifyReply, status: number, context: Record<string, unknown>) => {
    noStore(reply);
    return reply
      .code(status)
      .view('funds/open-year.njk', { title: 'Open a financial year', values: {}, ...context });
  };

  app.get('/staff/funds/:fundId/years/new', { preHandler: requireStaff }, async (request, reply) => {
    const fund = await fundForStaff(db, request, 'approver', 'open a financial year');
    return openYearPage(reply, 200, { fund });
  });

  app.post('/staff/funds/:fundId/years', { preHandler: requireStaff }, async (request, reply) => {
    const fund = await fundForStaff(db, request, 'approver', 'open a financial year');
    const values = { year: formText(request.body, 'year') };
    const parsed = openYearForm.safeParse(values);
    if (!parsed.success) return openYearPage(reply, 400, { fund, values, errors: formErrors(parsed.error) });
    try {
      await openFundYear(db, {
        fundId: fund.id,
        organisationId: fund.organisationId,
        financialYear: parsed.data.year,
        actorUserId: staffOf(request).id,
      });
    } catch (error) {
      if (error instanceof LedgerRuleError)
        return openYearPage(reply, 400, {
          fund,
          values,
          errors: formErrorsOf({ year: error.message }),
          errorCode: error.code,
        });
      throw error;
    }
    return reply.redirect(`/staff/funds/${fund.id}#years`, 303);
  });

  const closeYearPage = (
    reply: FastifyReply,
    status: number,
    context: {
      fund: unknown;
      year: number;
      closed?: boolean;
      values?: unknown;
      errors?: FormErrors;
      errorCode?: string;
    },
  ) => {
    noStore(reply);
    return reply.code(status).view('funds/close-year.njk', {
      title: `Close ${financialYearLabel(context.year)}`,
      yearLabel: financialYearLabel(context.year),
      values: {},
      ...context,
    });
  };

  const yearOf = (value: unknown) => {
    const text = typeof value === 'string' ? value : '';
    return /^[0-9]{4}$/.test(text) ? Number(text) : undefined;
  };

  app.get('/staff/funds/:fundId/years/:year/close', { preHandler: requireStaff }, async (request, reply) => {
    const fund = await fundForStaff(db, request, 'approver', 'close a financial year');
    const year = yearOf((request.params as { year: string }).year);
    const found = (await fundYearBalances(db, fund.id)).find((y) => y.financialYear === year);
    if (year === undefined || !found) throw new PageNotFoundError('no such financial year in this fund');
    return closeYearPage(reply, 200, { fund, year, closed: found.closedAt !== null });
  });

  app.post('/staff/funds/:fundId/years/:year/close', { preHandler: requireStaff }, async (request, reply) => {
    const fund = await fundForStaff(db, request, 'approver', 'close a financial year');
    const year = yearOf((request.params as { year: string }).year);
    if (year === undefined) throw new PageNotFoundError('no such financial year');
    const values = { confirm: formText(request.body, 'confirm'), reason: formText(request.body, 'reason') };
    const parsed = closeYearForm.safeParse(values);
    if (!parsed.success)
      return closeYearPage(reply, 400, { fund, year, values, errors: formErrors(parsed.error) });
    try {
      await closeFundYear(db, {
        fundId: fund.id,
        organisationId: fund.organisationId,
        financialYear: year,
        actorUserId: staffOf(request).id,
        reason: parsed.data.reason || undefined,
      });
    } catch (error) {
      if (error instanceof LedgerRuleError)
        return closeYearPage(reply, 400, {
          fund,
          year,
          values,
          errors: formErrorsOf({ confirm: error.message }),
          errorCode: error.code,
        });
      throw error;
    }
    return reply.redirect(`/staff/funds/${fund.id}#years`, 303);
  });
}
