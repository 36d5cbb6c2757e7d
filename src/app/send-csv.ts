import type { FastifyReply } from 'fastify';
import { csvCell } from './csv-cell.js';

/**
 * A table download: `header` (the column names, comma-separated) and one line per row, each value written by
 * csvCell, as an attachment named `filename`.
 */
export function sendCsv(
  reply: FastifyReply,
  filename: string,
  header: string,
  rows: readonly (readonly unknown[])[],
): FastifyReply {
  const lines = rows.map((row) => row.map(csvCell).join(','));
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(`${[header, ...lines].join('\n')}\n`);
}
