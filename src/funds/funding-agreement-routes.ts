import type { FastifyInstance, FastifyReply } from 'fastify';
import { dateInputParts } from '../app/date-input-parts.js';
import { type FormErrors, formErrors, formErrorsOf } from '../app/form-errors.js';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import type { Database } from '../db/database.js';
import { hasRole } from '../people/has-role.js';
import { requireStaff, staffOf } from '../people/require-staff.js';
import { agreementForm } from './agreement-form.js';
import { createFundingAgreement } from './create-funding-agreement.js';
import { executeAgreementForm } from './execute-agreement-form.js';
import { executeFundingAgreement } from './execute-funding-agreement.js';
import type { FundSummary } from './find-fund.js';
import { formText } from './form-text.js';
import { fundForStaff, pathId } from './fund-for-staff.js';
import { fundViewHelpers } from './fund-view-helpers.js';
import { LedgerRuleError } from './ledger-rule-error.js';
import { listFundTransactions } from './list-fund-transactions.js';
import { type FundingAgreementSummary, listFundingAgreements } from './list-funding-agreements.js';
import { type PostingOptions, postingOptions } from './posting-options.js';
import { terminateAgreementForm } from './terminate-agreement-form.js';
import { terminateFundingAgreement } from './terminate-funding-agreement.js';

/**
 * A fund's funding agreements: a new draft (editors and above of the fund's organisation), an agreement's page
 * (viewers and above: its terms and the payments under it), and executing or terminating it (approvers and
 * above). An executed agreement's terms are fixed; terminating one stops further payments under it.
 */
export async function fundingAgreementRoutes(
  app: FastifyInstance,
  options: { database: Database },
): Promise<void> {
  const { db } = options.database;

  const newPage = (
    reply: FastifyReply,
    status: number,
    context: {
      fund: FundSummary;
      choices: PostingOptions;
      values: Record<string, string>;
      errors?: FormErrors;
    },
  ) => {
    reply.header('cache-control', 'no-store');
    return reply
      .code(status)
      .view('funds/new-agreement.njk', { title: 'Record a funding agreement', ...context });
  };

  app.get('/staff/funds/:fundId/agreements/new', { preHandler: requireStaff }, async (request, reply) => {
    const fund = await fundForStaff(db, request, 'editor', 'record a funding agreement');
    return newPage(reply, 200, { fund, choices: await postingOptions(db, fund), values: {} });
  });

  app.post('/staff/funds/:fundId/agreements', { preHandler: requireStaff }, async (request, reply) => {
    const fund = await fundForStaff(db, request, 'editor', 'record a funding agreement');
    const choices = await postingOptions(db, fund);
    const values = Object.fromEntries(
      ['recipient', 'programme', 'decision', 'amount'].map((name) => [name, formText(request.body, name)]),
    );
    const parsed = agreementForm.safeParse(values);
    if (!parsed.success)
      return newPage(reply, 400, { fund, choices, values, errors: formErrors(parsed.error) });
    const unknown: Record<string, string> = {};
    if (!choices.programmes.some((c) => c.value === String(parsed.data.programme)))
      unknown.programme = 'Select a programme from the list';
    if (!choices.decisions.some((c) => c.value === String(parsed.data.decision)))
      unknown.decision =
        'Select a decision from the list: it must be approved, signed or published and have expenditure';
    if (Object.keys(unknown).length > 0)
      return newPage(reply, 400, { fund, choices, values, errors: formErrorsOf(unknown) });
    const id = await createFundingAgreement(db, {
      fundId: fund.id,
      organisationId: fund.organisationId,
      programmeId: parsed.data.programme,
      decisionId: parsed.data.decision,
      recipient: parsed.data.recipient,
      amountPence: parsed.data.amount,
      actorUserId: staffOf(request).id,
    });
    return reply.redirect(`/staff/funds/${fund.id}/agreements/${id}`, 303);
  });

  async function agreementOf(fund: FundSummary, value: unknown): Promise<FundingAgreementSummary> {
    const [agreement] = await listFundingAgreements(db, fund.id, { agreementId: pathId(value) });
    if (!agreement) throw new PageNotFoundError(`no funding agreement ${String(value)} in this fund`);
    return agreement;
  }

  const agreementPage = async (
    reply: FastifyReply,
    status: number,
    context: {
      fund: FundSummary;
      agreement: FundingAgreementSummary;
      values?: Record<string, unknown>;
      errors?: FormErrors;
      errorCode?: string;
    },
  ) => {
    const staff = staffOf(reply.request);
    const payments = await listFundTransactions(db, context.fund.id, {
      fundingAgreementId: context.agreement.id,
    });
    reply.header('cache-control', 'no-store');
    return reply.code(status).view('funds/agreement.njk', {
      title: `Funding agreement ${context.agreement.id}`,
      payments,
      canManage: hasRole(staff, context.fund.organisationId, 'approver'),
      values: {},
      ...fundViewHelpers,
      ...context,
    });
  };

  app.get(
    '/staff/funds/:fundId/agreements/:agreementId',
    { preHandler: requireStaff },
    async (request, reply) => {
      const fund = await fundForStaff(db, request, 'viewer', 'see this fund');
      const agreement = await agreementOf(fund, (request.params as { agreementId: string }).agreementId);
      return agreementPage(reply, 200, { fund, agreement });
    },
  );

  app.post(
    '/staff/funds/:fundId/agreements/:agreementId/execute',
    { preHandler: requireStaff },
    async (request, reply) => {
      const fund = await fundForStaff(db, request, 'approver', 'execute a funding agreement');
      const agreement = await agreementOf(fund, (request.params as { agreementId: string }).agreementId);
      const values = {
        executedOn: dateInputParts((request.body ?? {}) as Record<string, unknown>, 'executedOn'),
      };
      const parsed = executeAgreementForm.safeParse(values);
      const fieldIds = { executedOn: 'executedOn-day' };
      if (!parsed.success)
        return agreementPage(reply, 400, {
          fund,
          agreement,
          values,
          errors: formErrors(parsed.error, fieldIds),
        });
      try {
        await executeFundingAgreement(db, {
          fundId: fund.id,
          organisationId: fund.organisationId,
          agreementId: agreement.id,
          executedOn: parsed.data.executedOn,
          actorUserId: staffOf(request).id,
        });
      } catch (error) {
        if (!(error instanceof LedgerRuleError)) throw error;
        return agreementPage(reply, 400, {
          fund,
          agreement,
          values,
          errors: formErrorsOf({ executedOn: error.message }, fieldIds),
          errorCode: error.code,
        });
      }
      return reply.redirect(`/staff/funds/${fund.id}/agreements/${agreement.id}`, 303);
    },
  );

  app.post(
    '/staff/funds/:fundId/agreements/:agreementId/terminate',
    { preHandler: requireStaff },
    async (request, reply) => {
      const fund = await fundForStaff(db, request, 'approver', 'terminate a funding agreement');
      const agreement = await agreementOf(fund, (request.params as { agreementId: string }).agreementId);
      const values = { reason: formText(request.body, 'reason') };
      const parsed = terminateAgreementForm.safeParse(values);
      if (!parsed.success)
        return agreementPage(reply, 400, { fund, agreement, values, errors: formErrors(parsed.error) });
      try {
        await terminateFundingAgreement(db, {
          fundId: fund.id,
          organisationId: fund.organisationId,
          agreementId: agreement.id,
          reason: parsed.data.reason,
          actorUserId: staffOf(request).id,
        });
      } catch (error) {
        if (!(error instanceof LedgerRuleError)) throw error;
        return agreementPage(reply, 400, {
          fund,
          agreement,
          values,
          errors: formErrorsOf({ reason: error.message }),
          errorCode: error.code,
        });
      }
      return reply.redirect(`/staff/funds/${fund.id}/agreements/${agreement.id}`, 303);
    },
  );
}
