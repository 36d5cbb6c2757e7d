import { readFileSync } from 'node:fs';

/** One CSV record: field values by header name; empty fields are ''. */
export type CsvRecord = Record<string, string>;

/**
 * Reads a small RFC 4180 CSV fixture (quoted fields, doubled quotes, line breaks inside quotes) into records.
 * For test fixtures only: the whole file is held in memory.
 */
export function readCsv(path: string): CsvRecord[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ''])));
}

/** A numeric field: '' and 'NA' are NaN (R's NA). */
export function num(value: string | undefined): number {
  if (value === undefined || value === '' || value === 'NA') return Number.NaN;
  return Number(value);
}
