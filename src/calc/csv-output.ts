/** A value in an output cell: numbers at full precision, NaN and null as empty fields. */
export type Cell = string | number | boolean | null | undefined;

const needsQuotes = /[",\r\n]|^\s|\s$/;

function field(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '';
    if (value === Number.POSITIVE_INFINITY) return 'Inf';
    if (value === Number.NEGATIVE_INFINITY) return '-Inf';
    // The shortest text that reads back as the same double: full precision, no noise digits.
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes a header and rows as RFC 4180 CSV text, LF line endings. */
export function formatCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const parts: string[] = [header.map(field).join(',')];
  for (const row of rows) {
    let line = '';
    for (let j = 0; j < row.length; j++) line += (j === 0 ? '' : ',') + field(row[j]);
    parts.push(line);
  }
  parts.push('');
  return parts.join('\n');
}
