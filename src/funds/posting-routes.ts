import type { FastifyInstance, FastifyReply } from 'fastify';
import { type FormErrors, formErrors, formErrorsOf } from '../app/form-errors.js';
import { londonToday } from '../app/london-today.js';
import type { Database } from '../db/database.js';
import { requireStaff, staffOf } from '../people/require-staff.js';
import type { FundSummary } from './find-fund.js';
import { fundForStaff } from './fund-for-staff.js';
import { type LedgerRuleCode, LedgerRuleError } from './ledger-rule-error.js';
import { listFundingAgreements } from './list-funding-agreements.js';
import { postAllocation } from './post-allocation.js';
import { postDeallocation } from './post-deallocation.js';
import type { PostedTransaction } from './post-ledger-transaction.js';
import { postPayment } from './post-payment.js';
import { postPledge } from './post-pledge.js';
import { postReceipt } from './post-receipt.js';
import {
  type PostingFormData,
  type PostingFormValues,
  parsePostingForm,
  postingFieldIds,
  postingFormValues,
} from './posting-form.js';
import { type PostingKind, postingKinds } from './posting-kinds.js';
import { type PostingOptions, postingOptions } from './posting-options.js';

/** Which field of the form a refusal is about, for its error message. */
const fieldOfRule: Partial<Record<LedgerRuleCode, string>> = {
  YEAR_NOT_OPEN: 'year',
  YEAR_CLOSED: 'year',
  DECISION_NOT_APPROVED: 'decision',
  AGREEMENT_MISMATCH: 'agreement',
  AGREEMENT_NOT_EXECUTED: 'agreement',
};

const todayParts = () => {
  const [year, month, day] = londonToday().split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
};

/**
 * The posting forms of a fund, one per kind (/staff/funds/{id}/{pledges|receipts|allocations|deallocations|
 * payments}/new, posted to /staff/funds/{id}/{kind}): for editors and above of the fund's organisation. Bad
 * input is shown again with status 400 and the GOV.UK error summary; a posting the ledger refuses (a closed
 * year, not enough allocated, a decision that does not cover it...) likewise, with the rule's code on the form.
 * Nothing is saved unless the whole posting is.
 */
export async function postingRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  const { db } = options.database;

  const page = (
    reply: FastifyReply,
    status: number,
    context: {
      kind: PostingKind;
      fund: FundSummary;
      choices: PostingOptions;
      values: PostingFormValues | Record<string, unknown>;
      errors?: FormErrors;
      errorCode?: string;
    },
  ) => {
    reply.header('cache-control', 'no-store');
    return reply.code(status).view('funds/posting-form.njk', {
      title: context.kind.title,
      has: Object.fromEntries(context.kind.fields.map((f) => [f, true])),
      ...context,
    });
  };

  function post(kind: PostingKind, fund: FundSummary, data: PostingFormData, actorUserId: number) {
    const header = {
      fundId: fund.id,
      financialYear: data.year,
      amountPence: data.amountPence,
      occurredOn: data.occurredOn,
      memo: data.memo,
      actorUserId,
    };
    switch (kind.kind) {
      case 'pledge':
        return postPledge(db, { ...header, partnerOrganisationId: data.partner! });
      case 'receipt':
        return postReceipt(db, { ...header, partnerOrganisationId: data.partner! });
      case 'allocation':
        return postAllocation(db, { ...header, programmeId: data.programme! });
      case 'deallocation':
        return postDeallocation(db, { ...header, programmeId: data.programme! });
      case 'payment':
        return postPayment(db, {
          ...header,
          programmeId: data.programme!,
          decisionId: data.decision!,
          fundingAgreementId: data.agreement!,
        });
    }
  }

  for (const kind of postingKinds) {
    const doing = `record a ${kind.noun} in this fund`;

    app.get(`/staff/funds/:fundId/${kind.path}/new`, { preHandler: requireStaff }, async (request, reply) => {
      const fund = await fundForStaff(db, request, 'editor', doing);
      const choices = await postingOptions(db, fund);
      return page(reply, 200, { kind, fund, choices, values: { occurredOn: todayParts() } });
    });

    app.post(`/staff/funds/:fundId/${kind.path}`, { preHandler: requireStaff }, async (request, reply) => {
      const fund = await fundForStaff(db, request, 'editor', doing);
      const choices = await postingOptions(db, fund);
      const values = postingFormValues(request.body);
      const parsed = parsePostingForm(kind, values);
      if (!parsed.success)
        return page(reply, 400, {
          kind,
          fund,
          choices,
          values,
          errors: formErrors(parsed.error, postingFieldIds),
        });
      const data = parsed.data;
      // The choices must be ones the form offers; a year or agreement it does not offer goes to the ledger, which
      // says why it cannot be used (closed, not executed...).
      const unknown: Record<string, string> = {};
      if (data.partner !== undefined && !choices.partners.some((c) => c.value === String(data.partner)))
        unknown.partner = 'Select a partner from the list';
      if (data.programme !== undefined && !choices.programmes.some((c) => c.value === String(data.programme)))
        unknown.programme = 'Select a programme from the list';
      if (data.decision !== undefined && !choices.decisions.some((c) => c.value === String(data.decision)))
        unknown.decision =
          'Select a decision from the list: it must be approved, signed or published and have expenditure';
      if (
        data.agreement !== undefined &&
        !(await listFundingAgreements(db, fund.id, { agreementId: data.agreement })).length
      )
        unknown.agreement = 'Select a funding agreement of this fund from the list';
      if (Object.keys(unknown).length > 0)
        return page(reply, 400, {
          kind,
          fund,
          choices,
          values,
          errors: formErrorsOf(unknown, postingFieldIds),
        });
      let posted: PostedTransaction;
      try {
        posted = await post(kind, fund, data, staffOf(request).id);
      } catch (error) {
        if (!(error instanceof LedgerRuleError)) throw error;
        return page(reply, 400, {
          kind,
          fund,
          choices,
          values,
          errors: formErrorsOf({ [fieldOfRule[error.code] ?? 'amount']: error.message }, postingFieldIds),
          errorCode: error.code,
        });
      }
      return reply.redirect(`/staff/funds/${fund.id}?recorded=${posted.id}#history`, 303);
    });
  }
}
