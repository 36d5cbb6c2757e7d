import type { FastifyReply } from 'fastify';
import type { FormErrors } from '../app/form-errors.js';
import type { Db } from '../db/db.js';
import { formatPounds } from '../money/format-pounds.js';
import { hasRole } from '../people/has-role.js';
import type { StaffUser } from '../people/staff-user.js';
import { decisionAccess } from './decision-access.js';
import { listDecisionHistory } from './decision-history.js';
import type { Decision } from './decision-repository.js';
import { actionsFrom, type DecisionAction, editableStatuses, findTransition } from './decision-workflow.js';
import { formatDateTime } from './format-date-time.js';
import { loadDecisionRecord } from './load-decision-record.js';
import { maxSignedFormBytes } from './read-signed-form.js';
import { requiredGlaDecisionType } from './required-gla-decision-type.js';
import { withArticle } from './with-article.js';

const actionText: Record<
  DecisionAction,
  { heading: string; button: string; classes?: string; hint?: string }
> = {
  submit: {
    heading: 'Submit for approval',
    button: 'Submit for approval',
    hint: 'An approver of the organisation will approve it or return it to you. It cannot be changed while it is with them.',
  },
  resubmit: { heading: 'Submit again for approval', button: 'Submit again' },
  approve: {
    heading: 'Approve',
    button: 'Approve',
    hint: 'Next: upload the form signed by the decision-maker, then sign.',
  },
  return: {
    heading: 'Return for changes',
    button: 'Return for changes',
    classes: 'govuk-button--secondary',
    hint: 'Say what needs to change. The editors can then change it and submit it again.',
  },
  sign: {
    heading: 'Sign',
    button: 'Sign',
    hint: 'Records that the decision-maker has signed the uploaded form. The form is fixed from then on.',
  },
  publish: {
    heading: 'Publish',
    button: 'Publish',
    hint: 'Adds Part 1 and the signed form to the public register. Part 2 is never published.',
  },
  defer: {
    heading: 'Defer publication',
    button: 'Defer publication',
    classes: 'govuk-button--secondary',
    hint: 'Publication may be deferred, for example until a contract is signed. Say why and until when.',
  },
  withdraw: {
    heading: 'Withdraw',
    button: 'Withdraw this decision',
    classes: 'govuk-button--warning',
    hint: 'A withdrawn decision stays on record but goes no further.',
  },
};

/**
 * Renders the staff page of a decision the person may see: the record (Part 2 and history for its own
 * organisation), the workflow actions their role allows in its status, and the upload form while approved.
 * Also re-renders it with a refused action's errors (status 400 or 409).
 */
export async function renderStaffDecision(
  reply: FastifyReply,
  db: Db,
  user: StaffUser,
  decision: Decision,
  problem: {
    errors?: FormErrors;
    failedAction?: string;
    values?: Record<string, unknown>;
    status?: number;
  } = {},
): Promise<FastifyReply> {
  const access = decisionAccess(user, decision);
  const record = await loadDecisionRecord(db, decision, (r) => decisionAccess(user, r).canSee);
  const required = requiredGlaDecisionType({
    ...decision,
    totalExpenditurePence: record.totals.expenditurePence,
  });
  const mismatch = required !== null && required !== decision.type;
  const isAuthor = decision.authorUserId === user.id;
  const actions = access.member
    ? actionsFrom(decision.status)
        .filter((action) => {
          const t = findTransition(decision.status, action)!;
          return (
            hasRole(user, decision.organisationId, t.minimumRole) &&
            !(t.rules.includes('not-author') && isAuthor)
          );
        })
        .map((action) => {
          const t = findTransition(decision.status, action)!;
          return {
            action,
            ...actionText[action],
            needsReason: t.rules.includes('reason'),
            needsDate: t.rules.includes('deferred-until'),
            needsOverride: t.rules.includes('gla-thresholds') && mismatch,
            overrideHint: mismatch
              ? `The GLA's thresholds make ${decision.novelOrContentious ? 'a novel or contentious decision' : `a decision spending ${record.totals.expenditure}`} ${withArticle(required!)}. To submit it as ${withArticle(decision.type)}, say why; the reason is recorded.`
              : '',
          };
        })
    : [];
  const history = access.member
    ? (await listDecisionHistory(db, decision.id)).map((h) => ({ ...h, when: formatDateTime(h.occurredAt) }))
    : null;
  const row = (key: string, value: string) => ({
    key: { text: key },
    value: { text: value || 'Not recorded' },
  });
  const summaryRows = [
    row('Reference', decision.reference),
    row('Type', decision.type),
    row('Organisation', decision.organisationName),
    row('Directorate', decision.directorate),
    row('Decision-maker', decision.decisionMaker),
    row('Decision date', decision.decisionDate ?? ''),
    row('Total expenditure', record.totals.expenditure),
    row('Novel or contentious', decision.novelOrContentious ? 'Yes' : 'No'),
    ...(decision.thresholdOverrideReason
      ? [row('Reason the type differs from the thresholds', decision.thresholdOverrideReason)]
      : []),
    ...(decision.approvedAt ? [row('Approved', formatDateTime(decision.approvedAt))] : []),
    ...(decision.signedAt ? [row('Signed', formatDateTime(decision.signedAt))] : []),
    ...(decision.publishedAt ? [row('Published', formatDateTime(decision.publishedAt))] : []),
    ...(decision.deferredUntil
      ? [row('Publication deferred until', `${decision.deferredUntil}: ${decision.deferralReason ?? ''}`)]
      : []),
  ];
  return reply
    .code(problem.status ?? 200)
    .header('cache-control', 'no-store')
    .view('decisions/staff-decision.njk', {
      title: `${decision.reference}: ${decision.title}`,
      decision,
      record: {
        ...record,
        documents: record.documents.map((d) => ({ ...d, uploaded: formatDateTime(d.uploadedAt) })),
      },
      summaryRows,
      showPart2: access.canSeePart2,
      linkBase: '/staff/decisions/',
      manageLines: access.canEdit && editableStatuses.includes(decision.status),
      canEditFields: access.canEdit && editableStatuses.includes(decision.status),
      documentUrl: record.signedDocument
        ? `/staff/decisions/${decision.id}/documents/${record.signedDocument.id}`
        : null,
      actions,
      authorNote:
        access.member && decision.status === 'submitted' && isAuthor && access.isApprover
          ? 'You wrote this decision, so another approver must approve it.'
          : null,
      uploadAllowed: access.canEdit && decision.status === 'approved',
      maxUploadMegabytes: maxSignedFormBytes / (1024 * 1024),
      history,
      errors: problem.errors,
      failedAction: problem.failedAction,
      values: problem.values ?? {},
      totalFormatted: formatPounds(record.totals.expenditurePence),
    });
}
