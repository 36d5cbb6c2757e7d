import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parsePageParameters } from '../app/parse-page-parameters.js';
import { sendCsv } from '../app/send-csv.js';
import type { Database } from '../db/database.js';
import { formatPounds } from '../money/format-pounds.js';
import { penceAsPounds } from '../money/pence-as-pounds.js';
import { csvText } from './csv-text.js';
import { decisionAccess } from './decision-access.js';
import { findDecisionDocument } from './decision-document-repository.js';
import { DecisionNotFoundError } from './decision-not-found-error.js';
import {
  countRegisterDecisions,
  listRegisterDecisions,
  type RegisterDecision,
  registerFilterChoices,
} from './decision-register-queries.js';
import { findDecision } from './decision-repository.js';
import { decisionsAtomFeed } from './decisions-atom-feed.js';
import { decisionTypes } from './decisions-table.js';
import { formatDateTime } from './format-date-time.js';
import { formatFinancialYear } from './format-financial-year.js';
import { loadDecisionRecord } from './load-decision-record.js';
import { registerFiltersOf, registerFiltersQuery } from './register-filters-query.js';

/** Decisions on one page of the register. */
export const registerPageSize = 20;
/** The Atom feed carries the newest this many. */
const feedSize = 50;
/** An export holds at most this many rows: the whole register for years to come. */
const exportLimit = 10_000;

const typeNames: Record<string, string> = {
  MD: 'Mayoral decision (MD)',
  DD: "Director's decision (DD)",
  ADD: "Assistant director's decision (ADD)",
  DAR: 'Delegated authority record (DAR)',
  other: 'Other',
};

/** The site's origin as the request reached it, for the absolute links Atom needs. */
function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** The columns of the CSV export, in order: the fields of exportItem. */
const exportColumns = [
  'reference',
  'type',
  'title',
  'organisation',
  'organisationSlug',
  'directorate',
  'decisionMaker',
  'decisionDate',
  'publishedAt',
  'totalExpenditurePence',
  'totalExpenditurePounds',
  'totalReceiptsPence',
  'totalReceiptsPounds',
  'url',
  'demo',
] as const;

/** A decision as an export row and a JSON item: the same fields in both. */
function exportItem(
  d: RegisterDecision,
): Record<(typeof exportColumns)[number], string | number | boolean | null> {
  return {
    reference: d.reference,
    type: d.type,
    title: d.title,
    organisation: d.organisationName,
    organisationSlug: d.organisationSlug,
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

/**
 * The public register of published decisions (no sign-in): /decisions with search, filters and pages, its
 * CSV, JSON and Atom versions, each decision's printable page and its signed form. Nothing here shows a
 * decision that is not published, nor any Part 2.
 */
export async function decisionRegisterRoutes(
  app: FastifyInstance,
  options: { database: Database },
): Promise<void> {
  const { db } = options.database;

  app.get('/decisions', async (request, reply) => {
    const query = parsePageParameters(registerFiltersQuery, request.query);
    const filters = registerFiltersOf(query);
    const page = Number(query.page ?? 1);
    const total = await countRegisterDecisions(db, filters);
    const rows = await listRegisterDecisions(db, filters, {
      limit: registerPageSize,
      offset: (page - 1) * registerPageSize,
    });
    const choices = await registerFilterChoices(db);
    const pages = Math.max(1, Math.ceil(total / registerPageSize));
    const params = new URLSearchParams(
      Object.entries(query).filter(([k, v]) => k !== 'page' && typeof v === 'string' && v !== '') as [
        string,
        string,
      ][],
    );
    const pageHref = (n: number) => {
      const p = new URLSearchParams(params);
      if (n > 1) p.set('page', String(n));
      const s = p.toString();
      return `/decisions${s ? `?${s}` : ''}`;
    };
    const exportQuery = params.toString() ? `?${params.toString()}` : '';
    const option = (value: string, text: string, current: string | undefined) => ({
      value,
      text,
      selected: (current ?? '') === value,
    });
    return reply.view('decisions/decisions-register.njk', {
      title: 'Decisions',
      q: query.q ?? '',
      total,
      page,
      pages,
      demo: rows.some((d) => d.isDemo),
      decisions: rows.map((d) => ({
        ...d,
        href: `/decisions/${encodeURIComponent(d.reference)}`,
        typeName: typeNames[d.type],
        published: formatDateTime(d.publishedAt),
        totalExpenditure: formatPounds(d.totalExpenditurePence),
      })),
      typeItems: [
        option('', 'Any type', query.type),
        ...decisionTypes.map((t) => option(t, typeNames[t]!, query.type)),
      ],
      yearItems: [
        option('', 'Any year', query.year),
        ...choices.years.map((y) => option(String(y), formatFinancialYear(y), query.year)),
      ],
      directorateItems: [
        option('', 'Any directorate', query.directorate),
        ...choices.directorates.map((d) => option(d, d, query.directorate)),
      ],
      partnerItems: [
        option('', 'Any partner', query.partner),
        ...choices.partners.map((p) => option(p.slug, p.name, query.partner)),
      ],
      programmeItems: [
        option('', 'Any programme', query.programme),
        ...choices.programmes.map((p) => option(p.slug, p.name, query.programme)),
      ],
      pagination:
        pages > 1
          ? {
              previous: page > 1 ? { href: pageHref(page - 1) } : undefined,
              next: page < pages ? { href: pageHref(page + 1) } : undefined,
              items: Array.from({ length: pages }, (_, i) => ({
                number: i + 1,
                href: pageHref(i + 1),
                current: i + 1 === page,
              })),
            }
          : null,
      csvHref: `/decisions.csv${exportQuery}`,
      jsonHref: `/decisions.json${exportQuery}`,
      atomHref: `/decisions.atom${exportQuery}`,
    });
  });

  async function exportRows(request: FastifyRequest) {
    const query = parsePageParameters(registerFiltersQuery.omit({ page: true }), request.query);
    return listRegisterDecisions(db, registerFiltersOf(query), { limit: exportLimit });
  }

  app.get('/decisions.csv', async (request, reply) => {
    const items = (await exportRows(request)).map(exportItem);
    return sendCsv(
      reply,
      'decisions.csv',
      exportColumns.join(','),
      items.map((item) =>
        exportColumns.map((column) => {
          const v = item[column];
          return typeof v === 'string' ? csvText(v) : typeof v === 'boolean' ? (v ? 'yes' : 'no') : v;
        }),
      ),
    );
  });

  app.get('/decisions.json', async (request, reply) => {
    const items = (await exportRows(request)).map(exportItem);
    return reply
      .type('application/json; charset=utf-8')
      .send(JSON.stringify({ data: items, demo: items.some((i) => i.demo) }));
  });

  app.get('/decisions.atom', async (request, reply) => {
    const query = parsePageParameters(registerFiltersQuery.omit({ page: true }), request.query);
    const rows = await listRegisterDecisions(db, registerFiltersOf(query), { limit: feedSize });
    return reply
      .type('application/atom+xml; charset=utf-8')
      .send(decisionsAtomFeed({ origin: originOf(request), selfPath: request.url, decisions: rows }));
  });

  /** A published decision by its reference, or 404: drafts and the like do not exist for the public. */
  async function publishedDecision(params: unknown) {
    const reference = String((params as { reference?: unknown }).reference ?? '');
    const decision = reference.length <= 40 ? await findDecision(db, { reference }) : undefined;
    if (decision?.status !== 'published') throw new DecisionNotFoundError(reference);
    return decision;
  }

  app.get('/decisions/:reference', async (request, reply) => {
    const decision = await publishedDecision(request.params);
    // The public page shows the public record even to the owning organisation's staff: Part 2 is theirs on
    // the staff page only, so nothing confidential is ever on a URL meant to be shared.
    const record = await loadDecisionRecord(db, decision, (r) => r.status === 'published');
    return reply.view('decisions/decision-page.njk', {
      title: `${decision.reference}: ${decision.title}`,
      decision,
      record,
      showPart2: false,
      linkBase: '/decisions/',
      manageLines: false,
      typeName: typeNames[decision.type],
      published: decision.publishedAt ? formatDateTime(decision.publishedAt) : '',
      signed: decision.signedAt ? formatDateTime(decision.signedAt) : '',
      documentUrl: record.signedDocument
        ? `/decisions/${encodeURIComponent(decision.reference)}/signed.pdf`
        : null,
      staffHref: decisionAccess(request.staff, decision).member ? `/staff/decisions/${decision.id}` : null,
    });
  });

  app.get('/decisions/:reference/signed.pdf', async (request, reply) => {
    const decision = await publishedDecision(request.params);
    const document = await findDecisionDocument(db, decision.id);
    if (!document) throw new DecisionNotFoundError(`${decision.reference} signed form`);
    return reply
      .header('cache-control', 'public, max-age=300')
      .header('content-disposition', `inline; filename="${document.fileName}"`)
      .header('x-content-type-options', 'nosniff')
      .header('etag', `"${document.sha256}"`)
      .type('application/pdf')
      .send(Buffer.from(document.content));
  });
}
