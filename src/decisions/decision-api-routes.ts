import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiSchemas } from '../api/api-schemas.js';
import { listLinks } from '../api/list-links.js';
import { pageCursor } from '../api/page-cursor.js';
import { parseParameters } from '../api/parse-parameters.js';
import { sendCacheable } from '../api/send-cacheable.js';
import type { Db } from '../db/db.js';
import { penceAsPounds } from '../money/pence-as-pounds.js';
import { DecisionNotFoundError } from './decision-not-found-error.js';
import { listRegisterDecisions, type RegisterDecision } from './decision-register-queries.js';
import { type Decision, findDecision } from './decision-repository.js';
import { loadDecisionRecord } from './load-decision-record.js';

const registerCursor = z.object({
  k: z
    .string()
    .max(40)
    .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:.]+[+-][0-9:]+$/),
  id: z.number().int().positive(),
});

function listItem(d: RegisterDecision) {
  return {
    reference: d.reference,
    type: d.type,
    title: d.title,
    organisation: { slug: d.organisationSlug, name: d.organisationName },
    directorate: d.directorate,
    decisionMaker: d.decisionMaker,
    decisionDate: d.decisionDate,
    publishedAt: d.publishedAt.toISOString(),
    totalExpenditurePence: d.totalExpenditurePence,
    totalExpenditurePounds: penceAsPounds(d.totalExpenditurePence),
    totalReceiptsPence: d.totalReceiptPence,
    totalReceiptsPounds: penceAsPounds(d.totalReceiptPence),
    url: `/decisions/${encodeURIComponent(d.reference)}`,
    demo: d.isDemo,
  };
}

async function detail(db: Db, d: Decision) {
  const record = await loadDecisionRecord(db, d, (r) => r.status === 'published');
  const url = `/decisions/${encodeURIComponent(d.reference)}`;
  return {
    reference: d.reference,
    type: d.type,
    title: d.title,
    organisation: { slug: d.organisationSlug, name: d.organisationName },
    directorate: d.directorate,
    decisionMaker: d.decisionMaker,
    decisionDate: d.decisionDate,
    publishedAt: d.publishedAt?.toISOString() ?? null,
    executiveSummary: d.executiveSummary,
    decision: d.decisionText,
    nonConfidentialFacts: d.nonConfidentialFacts,
    objectivesAndOutcomes: d.objectivesAndOutcomes,
    equalityComments: d.equalityComments,
    protectedCharacteristics: d.protectedCharacteristics,
    strategyLinks: d.strategyLinks,
    consultations: d.consultations,
    conflictsOfInterest: d.conflictsOfInterest,
    financialComments: d.financialComments,
    legalComments: d.legalComments,
    novelOrContentious: d.novelOrContentious,
    hasPart2: d.part2.trim() !== '',
    expenditures: record.expenditures.map((e) => ({
      direction: e.direction,
      amountPence: e.amountPence,
      amountPounds: penceAsPounds(e.amountPence),
      financialYear: e.year,
      budget: e.budget,
      programme: e.programmeSlug ? { slug: e.programmeSlug, name: e.programmeName } : null,
      recipient: e.recipient,
      kind: e.kind,
      description: e.description,
    })),
    totalsByFinancialYear: record.totals.byYear.map((y) => ({
      financialYear: y.year,
      expenditurePence: y.expenditurePence,
      receiptsPence: y.receiptPence,
    })),
    totalExpenditurePence: record.totals.expenditurePence,
    totalReceiptsPence: record.totals.receiptPence,
    risks: record.risks.map((r) => ({ description: r.description, mitigation: r.mitigation, rag: r.rag })),
    milestones: record.milestones.map((m) => ({ description: m.description, dueOn: m.dueOn })),
    related: record.links.map((l) => ({
      relation: l.label.toLowerCase(),
      reference: l.reference,
      url: `/api/v1/decisions/${encodeURIComponent(l.reference)}`,
    })),
    signedDocument: record.signedDocument
      ? {
          url: `${url}/signed.pdf`,
          sha256: record.signedDocument.sha256,
          byteLength: record.signedDocument.byteLength,
        }
      : null,
    url,
    demo: d.isDemo,
  };
}

/** Sends an API answer as the other lists do (ETag, 304, cache lifetime, and the response cache). */
function sendJson(request: FastifyRequest, reply: FastifyReply, value: unknown, demo: boolean) {
  return sendCacheable(request, reply, JSON.stringify(value), {
    contentType: 'application/json; charset=utf-8',
    demo,
  });
}

/**
 * GET /api/v1/decisions (published decisions, newest published first, the register's filters, keyset pages
 * through `links.next`) and /api/v1/decisions/{reference} (one published decision's Part 1 record). Declared
 * inside apiRoutes, so they share its coded errors and ETag handling.
 */
export function decisionApiRoutes(app: FastifyInstance, db: Db): void {
  app.get('/decisions', async (request, reply) => {
    const query = parseParameters(apiSchemas['/decisions'].query, request.query);
    const after = query.cursor === undefined ? undefined : pageCursor.decode(query.cursor, registerCursor);
    const rows = await listRegisterDecisions(
      db,
      {
        ...(query.q?.trim() ? { q: query.q.trim() } : {}),
        ...(query.type ? { type: query.type } : {}),
        ...(query.year !== undefined ? { year: query.year } : {}),
        ...(query.directorate ? { directorate: query.directorate } : {}),
        ...(query.partner ? { partner: query.partner } : {}),
        ...(query.programme ? { programme: query.programme } : {}),
      },
      { limit: query.limit + 1, ...(after ? { after: { key: after.k, id: after.id } } : {}) },
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const next =
      rows.length > query.limit && last ? pageCursor.encode({ k: last.publishedAtKey, id: last.id }) : null;
    const data = page.map(listItem);
    const demo = data.some((d) => d.demo);
    return sendJson(request, reply, { data, demo, links: listLinks(request, next) }, demo);
  });

  app.get('/decisions/:reference', async (request, reply) => {
    const { reference } = parseParameters(apiSchemas['/decisions/{reference}'].path, request.params);
    parseParameters(apiSchemas['/decisions/{reference}'].query, request.query);
    const decision = await findDecision(db, { reference });
    if (decision?.status !== 'published') throw new DecisionNotFoundError(reference);
    const data = await detail(db, decision);
    return sendJson(request, reply, { data, demo: data.demo, links: listLinks(request, null) }, data.demo);
  });
}
