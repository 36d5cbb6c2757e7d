import { createHash } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { auditEvents } from '../../src/audit/audit-events-table.js';
import type { Db } from '../../src/db/db.js';
import { decisionDocuments } from '../../src/decisions/decision-documents-table.js';
import { decisionExpenditures } from '../../src/decisions/decision-expenditures-table.js';
import type { DecisionFields } from '../../src/decisions/decision-form.js';
import { decisionMilestones } from '../../src/decisions/decision-milestones-table.js';
import { decisionRelations } from '../../src/decisions/decision-relations-table.js';
import { createDecision } from '../../src/decisions/decision-repository.js';
import { decisionRisks } from '../../src/decisions/decision-risks-table.js';
import { type DecisionStatus, type DecisionType, decisions } from '../../src/decisions/decisions-table.js';

let made = 0;

/** A decision's fields with every text filled in, Part 2 included, and a unique reference. */
export function decisionFields(overrides: Partial<DecisionFields> = {}): DecisionFields {
  made += 1;
  return {
    reference: `TEST${String(made).padStart(4, '0')}`,
    type: 'other' as DecisionType,
    title: `Test decision ${made}`,
    directorate: 'Test directorate',
    decisionMaker: 'Test decision-maker',
    decisionDate: null,
    executiveSummary: 'An executive summary.',
    decisionText: 'That the test is decided.',
    nonConfidentialFacts: 'Facts anyone may read.',
    objectivesAndOutcomes: 'Objectives.',
    equalityComments: 'Equality comments.',
    protectedCharacteristics: ['age', 'race'],
    strategyLinks: 'Strategy links.',
    consultations: 'Consultations.',
    conflictsOfInterest: 'None.',
    financialComments: 'Financial comments.',
    legalComments: 'Section 30 of the GLA Act 1999.',
    part2: 'CONFIDENTIAL PART TWO TEXT',
    novelOrContentious: false,
    ...overrides,
  };
}

/**
 * A decision of `organisationId` written by `authorUserId`, put straight into `status` (the workflow's own
 * tests move it through the real transitions), with a signed form when `withDocument`. Returns its id.
 */
export async function createTestDecision(
  db: Db,
  options: {
    organisationId: number;
    authorUserId: number;
    status?: DecisionStatus;
    fields?: Partial<DecisionFields>;
    withDocument?: boolean;
    isDemo?: boolean;
  },
): Promise<number> {
  const id = await createDecision(
    db,
    options.authorUserId,
    options.organisationId,
    decisionFields(options.fields),
    {
      isDemo: options.isDemo ?? false,
    },
  );
  if (options.withDocument) {
    const content = tinyPdf(`decision ${id}`);
    await db.insert(decisionDocuments).values({
      decisionId: id,
      fileName: `test-${id}.pdf`,
      sha256: createHash('sha256').update(content).digest('hex'),
      byteLength: content.length,
      content,
    });
  }
  const status = options.status ?? 'draft';
  if (status !== 'draft')
    await db
      .update(decisions)
      .set({
        status,
        ...(status === 'published' ? { publishedAt: sql`now()` } : {}),
      })
      .where(eq(decisions.id, id));
  return id;
}

/** A small, valid one-page PDF whose page says `text`. */
export function tinyPdf(text = 'Signed'): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** POSTs a multipart form (the `_csrf` field first, then the file) as a browser would. */
export function postMultipart(
  app: FastifyInstance,
  url: string,
  agent: { cookie: string; csrf: string },
  file: { name?: string; filename?: string; contentType?: string; content: Buffer } | null,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const boundary = '----healthhubtestboundary7MA4YWxkTrZu0gW';
  const parts: Buffer[] = [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${agent.csrf}\r\n`),
  ];
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name ?? 'file'}"; filename="${file.filename ?? 'signed.pdf'}"\r\nContent-Type: ${file.contentType ?? 'application/pdf'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...(agent.cookie ? { cookie: agent.cookie } : {}),
      ...headers,
    },
    payload: Buffer.concat(parts),
  });
}

/** Everything a forbidden attempt must leave alone: the decisions, their lines and documents, the audit log. */
export async function decisionSnapshot(db: Db): Promise<string> {
  const rows = await db.select().from(decisions).orderBy(decisions.id);
  const counts = [];
  for (const table of [
    decisionExpenditures,
    decisionRisks,
    decisionMilestones,
    decisionRelations,
    decisionDocuments,
    auditEvents,
  ]) {
    const [row] = await db.select({ n: count() }).from(table);
    counts.push(Number(row?.n ?? 0));
  }
  return JSON.stringify({ rows: rows.map(({ searchVector: _s, ...r }) => r), counts });
}
