/** A value in an output cell: numbers at full precision, NaN and null as empty fields. */
export type Cell = string | number | boolean | null | undefined;

const needsQuotes = /[",\r\n]|^\s|\s$/;

function textField(value: string, cache: Map<string, string>): string {
  let out = cache.get(value);
  if (out === undefined) {
    out = needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
    // Labels such as statistic and method repeat on every row: quote each distinct one once.
    if (cache.size < 4096) cache.set(value, out);
  }
  return out;
}

function field(value: Cell, cache: Map<string, string>): string {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '';
    if (value === Number.POSITIVE_INFINITY) return 'Inf';
    if (value === Number.NEGATIVE_INFINITY) return '-Inf';
    // The shortest text that reads back as the same double: full precision, no noise digits.
    return String(value);
  }
  if (typeof value === 'string') return textField(value, cache);
  if (value === null || value === undefined) return '';
  return value ? 'TRUE' : 'FALSE';
}

/** Writes a header and rows as RFC 4180 CSV text, LF line endings. */
export function formatCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const cache = new Map<string, string>();
  const parts: string[] = [header.map((h) => field(h, cache)).join(',')];
  const cells: string[] = [];
  for (const row of rows) {
    cells.length = row.length;
    for (let j = 0; j < row.length; j++) cells[j] = field(row[j], cache);
    // join makes one flat string per line; += would keep a tree of pieces alive until the end.
    parts.push(cells.join(','));
  }
  parts.push('');
  return parts.join('\n');
}
