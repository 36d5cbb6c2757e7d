const needsQuotes = /[",\r\n]|^\\/;

/** One value as COPY's CSV format wants it: NULL unquoted and empty, text quoted, numbers as they are. */
function csvField(value: unknown): string {
  switch (typeof value) {
    case 'string':
      // Text is written as it is unless CSV needs it quoted: empty (bare, it would be NULL), or with a
      // delimiter, quote or line break, or a leading backslash (a line of \. ends the data). Most text
      // needs no quotes, and is then not copied.
      if (value === '') return '""';
      return needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
    case 'number':
      if (Number.isFinite(value)) return String(value);
      return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
    case 'undefined':
      return '';
    default:
      return value === null ? '' : `"${JSON.stringify(value).replaceAll('"', '""')}"`;
  }
}

/**
 * Rows (one array of values each; null or undefined for NULL) as the text of PostgreSQL's COPY ... FROM
 * STDIN WITH (FORMAT csv): one line per row. Empty text is quoted ("") so that it stays distinct from NULL.
 * Pure, so that a reading thread can encode the rows it validates. Cost: one string per row, joined.
 */
export function copyText(rows: readonly (readonly unknown[])[], start = 0, end = rows.length): string {
  const lines: string[] = [];
  for (let r = start; r < end; r++) lines.push(copyLine(rows[r]!));
  return lines.join('');
}

/**
 * One row's line of copyText, with its line break. Joined, not concatenated: a concatenation is a tree of
 * pieces until something flattens it, and a batch of such trees kept the collector busy for a third of an
 * import's reading time.
 */
export function copyLine(row: readonly unknown[]): string {
  const fields = new Array<string>(row.length);
  for (let c = 0; c < row.length; c++) fields[c] = csvField(row[c]);
  return `${fields.join(',')}\n`;
}
