import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formErrors, formErrorsOf } from '../app/form-errors.js';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import type { Database } from '../db/database.js';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { hasRole, organisationsWithRole } from '../people/has-role.js';
import { requireStaff, staffOf } from '../people/require-staff.js';
import type { StaffUser } from '../people/staff-user.js';
import { auditTrail } from '../programmes/audit-trail.js';
import { ensureRole } from '../programmes/ensure-role.js';
import { formBody } from '../programmes/form-body.js';
import { reasonForm } from '../programmes/reason-form.js';
import { recordId } from '../programmes/record-id.js';
import { viewHelpers } from '../programmes/view-helpers.js';
import { describeBanding, type RiskBanding } from './risk-banding.js';
import { rerateForm, riskForm } from './risk-form.js';
import { parseRegisterQuery, riskRegisterView } from './risk-register-view.js';
import {
  archiveRisk,
  closeRisk,
  createRisk,
  findRisk,
  listRatings,
  listRisks,
  programmeChoices,
  type RiskWithNames,
  rerateRisk,
  updateRisk,
} from './risk-repository.js';
import { impactLabels, likelihoodLabels, ragLabels } from './risk-scales.js';

type Params = Record<string, string>;

const closeForm = reasonForm('Enter why you are closing it');
const archiveForm = reasonForm('Enter why you are archiving it');

const scaleItems = (labels: Record<number, string>) =>
  [1, 2, 3, 4, 5].map((n) => ({ value: String(n), text: `${n}: ${labels[n]}` }));

/**
 * The risk register, for staff only: /risks (the open risks and issues of the person's organisations, filtered,
 * grouped by programme or RAG, sorted by score through links, with a 5 × 5 likelihood × impact matrix as a
 * table), /risks/{id} (the risk, its rating history and its edits), and create, edit, re-rate, close and
 * archive for editors of the owning organisation. The RAG is always the configured banding's for the score.
 */
export async function riskRoutes(
  app: FastifyInstance,
  options: { database: Database; riskBanding: RiskBanding },
): Promise<void> {
  const { db } = options.database;
  const banding = options.riskBanding;
  const guarded = { preHandler: requireStaff };

  async function riskFor(request: FastifyRequest, minimum: 'viewer' | 'editor', doing: string) {
    const user = staffOf(request);
    const risk = await findRisk(db, recordId((request.params as Params).id));
    if (!risk) throw new PageNotFoundError('no such risk');
    ensureRole(user, risk.organisationId, minimum, doing);
    return { user, risk };
  }

  app.get('/risks', guarded, async (request, reply) => {
    const user = staffOf(request);
    const query = parseRegisterQuery(request.query);
    const visible = organisationsWithRole(user, 'viewer').map((m) => m.organisationId);
    const all = await listRisks(db, visible);
    const view = riskRegisterView(all, query, banding);
    const programmesInRegister = [
      ...new Map(all.filter((r) => r.programmeId !== null).map((r) => [r.programmeId!, r.programmeName!])),
    ].sort((a, b) => a[1].localeCompare(b[1], 'en-GB'));
    return reply.view('risks/risks.njk', {
      title: 'Risks and issues',
      query,
      view,
      programmes: programmesInRegister.map(([id, name]) => ({ id, name })),
      canCreate: organisationsWithRole(user, 'editor').length > 0,
      hasOrganisations: visible.length > 0,
      demo: all.some((r) => r.isDemo),
      ragLabels,
      bandingText: describeBanding(banding),
      ...viewHelpers,
    });
  });

  function renderRiskForm(
    reply: FastifyReply,
    user: StaffUser,
    context: {
      risk?: RiskWithNames;
      programmes: { id: number; name: string }[];
      values: Record<string, unknown>;
      errors?: unknown;
    },
  ) {
    return reply.view('risks/risk-form.njk', {
      title: context.risk ? `Edit ${context.risk.title}` : 'Add a risk or issue',
      action: context.risk ? `/risks/${context.risk.id}/edit` : '/risks',
      back: context.risk ? `/risks/${context.risk.id}` : '/risks',
      organisationOptions: organisationsWithRole(user, 'editor').map((m) => ({
        value: String(m.organisationId),
        text: m.organisationName,
      })),
      likelihoodItems: scaleItems(likelihoodLabels),
      impactItems: scaleItems(impactLabels),
      bandingText: describeBanding(banding),
      ragLabels,
      ...context,
    });
  }

  const noEditorRole = () =>
    new ForbiddenError('You need to be an editor in an organisation to add a risk or issue');

  app.get('/risks/new', guarded, async (request, reply) => {
    const user = staffOf(request);
    const editorOf = organisationsWithRole(user, 'editor');
    if (editorOf.length === 0) throw noEditorRole();
    return renderRiskForm(reply, user, {
      programmes: await programmeChoices(db),
      values: {
        kind: 'risk',
        organisationId: editorOf.length === 1 ? String(editorOf[0]!.organisationId) : '',
      },
    });
  });

  /** Validates a risk form; the programme must be one that can be chosen. */
  async function parseRisk(body: Record<string, unknown>, programmes: { id: number }[]) {
    const parsed = riskForm.safeParse(body);
    if (!parsed.success) return { errors: formErrors(parsed.error) };
    if (parsed.data.programmeId !== null && !programmes.some((p) => p.id === parsed.data.programmeId))
      return { errors: formErrorsOf({ programmeId: 'Select a programme from the list, or no programme' }) };
    const { ratingReason, ...input } = parsed.data;
    return { input, ratingReason };
  }

  app.post('/risks', guarded, async (request, reply) => {
    const user = staffOf(request);
    if (organisationsWithRole(user, 'editor').length === 0) throw noEditorRole();
    const body = formBody(request.body);
    const organisation = typeof body.organisationId === 'string' ? body.organisationId : '';
    if (/^\d{1,9}$/.test(organisation) && !hasRole(user, Number(organisation), 'editor'))
      throw new ForbiddenError('You need to be an editor in the organisation you choose to own the risk');
    const programmes = await programmeChoices(db);
    const result = await parseRisk(body, programmes);
    let errors = result.errors;
    if (!/^\d{1,9}$/.test(organisation)) {
      const missing = formErrorsOf({ organisationId: 'Select the organisation whose register it is on' });
      errors = errors
        ? {
            summary: [...missing.summary, ...errors.summary],
            fields: { ...errors.fields, ...missing.fields },
          }
        : missing;
    }
    if (errors || !result.input)
      return renderRiskForm(reply.code(400), user, { programmes, values: body, errors });
    const input = result.input;
    const created = await db.transaction((trx) =>
      createRisk(trx, user.id, Number(organisation), input, banding, {
        ratingReason: result.ratingReason || 'First rating',
      }),
    );
    return reply.redirect(`/risks/${created.id}`, 303);
  });

  app.get('/risks/:id', guarded, async (request, reply) => {
    const { user, risk } = await riskFor(request, 'viewer', 'see it');
    const [ratings, history] = await Promise.all([
      listRatings(db, risk.id),
      auditTrail(db, [{ entity: 'risks', ids: [risk.id] }]),
    ]);
    return reply.view('risks/risk.njk', {
      title: risk.title,
      risk,
      ratings,
      history,
      historyTitle: 'Every change',
      canEdit: hasRole(user, risk.organisationId, 'editor'),
      ragLabels,
      likelihoodLabels,
      impactLabels,
      ...viewHelpers,
    });
  });

  app.get('/risks/:id/edit', guarded, async (request, reply) => {
    const { user, risk } = await riskFor(request, 'editor', 'edit it');
    return renderRiskForm(reply, user, {
      risk,
      programmes: await programmeChoices(db),
      values: {
        ...risk,
        likelihood: String(risk.likelihood),
        impact: String(risk.impact),
        programmeId: risk.programmeId === null ? '' : String(risk.programmeId),
      },
    });
  });

  app.post('/risks/:id/edit', guarded, async (request, reply) => {
    const { user, risk } = await riskFor(request, 'editor', 'edit it');
    const body = formBody(request.body);
    const programmes = await programmeChoices(db);
    // The risk's own programme stays a choice even if it has since been archived.
    if (risk.programmeId !== null && !programmes.some((p) => p.id === risk.programmeId))
      programmes.push({ id: risk.programmeId, name: risk.programmeName ?? '' });
    const result = await parseRisk(body, programmes);
    let errors = result.errors;
    if (!errors && result.input) {
      const rerated = result.input.likelihood !== risk.likelihood || result.input.impact !== risk.impact;
      if (rerated && !result.ratingReason)
        errors = formErrorsOf({ ratingReason: 'Enter why the rating is changing' });
    }
    if (errors || !result.input)
      return renderRiskForm(reply.code(400), user, { risk, programmes, values: body, errors });
    const input = result.input;
    await db.transaction((trx) => updateRisk(trx, user.id, risk, input, banding, result.ratingReason ?? ''));
    return reply.redirect(`/risks/${risk.id}`, 303);
  });

  const rerateView = (risk: RiskWithNames, values: Record<string, unknown>, errors?: unknown) => ({
    title: `Re-rate ${risk.title}`,
    risk,
    values,
    errors,
    likelihoodItems: scaleItems(likelihoodLabels),
    impactItems: scaleItems(impactLabels),
    bandingText: describeBanding(banding),
    ragLabels,
  });

  app.get('/risks/:id/rerate', guarded, async (request, reply) => {
    const { risk } = await riskFor(request, 'editor', 're-rate it');
    return reply.view(
      'risks/rerate-form.njk',
      rerateView(risk, { likelihood: String(risk.likelihood), impact: String(risk.impact) }),
    );
  });

  app.post('/risks/:id/rerate', guarded, async (request, reply) => {
    const { user, risk } = await riskFor(request, 'editor', 're-rate it');
    const body = formBody(request.body);
    const parsed = rerateForm.safeParse(body);
    if (!parsed.success)
      return reply.code(400).view('risks/rerate-form.njk', rerateView(risk, body, formErrors(parsed.error)));
    await db.transaction((trx) => rerateRisk(trx, user.id, risk, parsed.data, banding));
    return reply.redirect(`/risks/${risk.id}#ratings`, 303);
  });

  const reasonView = (
    risk: RiskWithNames,
    kind: 'close' | 'archive',
    values: Record<string, unknown>,
    errors?: unknown,
  ) => ({
    title: `${kind === 'close' ? 'Close' : 'Archive'} ${risk.title}`,
    caption: risk.title,
    heading: kind === 'close' ? `Close this ${risk.kind}` : `Archive this ${risk.kind}`,
    lead:
      kind === 'close'
        ? `A closed ${risk.kind} leaves the open register but stays on record, with its history.`
        : `An archived ${risk.kind} leaves the register altogether (use this for one entered in error). Nothing is deleted.`,
    label: kind === 'close' ? 'Why are you closing it?' : 'Why are you archiving it?',
    button: kind === 'close' ? `Close ${risk.kind}` : `Archive ${risk.kind}`,
    warning: kind === 'archive',
    action: `/risks/${risk.id}/${kind}`,
    back: `/risks/${risk.id}`,
    values,
    errors,
  });

  for (const kind of ['close', 'archive'] as const) {
    const doing = kind === 'close' ? 'close it' : 'archive it';
    app.get(`/risks/:id/${kind}`, guarded, async (request, reply) => {
      const { risk } = await riskFor(request, 'editor', doing);
      return reply.view('programmes/reason-form.njk', reasonView(risk, kind, {}));
    });
    app.post(`/risks/:id/${kind}`, guarded, async (request, reply) => {
      const { user, risk } = await riskFor(request, 'editor', doing);
      const body = formBody(request.body);
      const parsed = (kind === 'close' ? closeForm : archiveForm).safeParse(body);
      if (!parsed.success)
        return reply
          .code(400)
          .view('programmes/reason-form.njk', reasonView(risk, kind, body, formErrors(parsed.error)));
      const reason = parsed.data.reason;
      if (kind === 'close' && risk.status !== 'closed')
        await db.transaction((trx) => closeRisk(trx, user.id, risk, reason));
      if (kind === 'archive' && !risk.archivedAt)
        await db.transaction((trx) => archiveRisk(trx, user.id, risk, reason));
      return reply.redirect(kind === 'archive' ? '/risks' : `/risks/${risk.id}`, 303);
    });
  }
}
