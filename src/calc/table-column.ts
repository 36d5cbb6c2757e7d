import { CalcInputError } from './calc-input-error.js';
import type { CsvTable } from './csv-table.js';

/** The index of a named column, or a one-line error naming the option that asked for it. */
export function columnIndex(table: CsvTable, name: string, option: string): number {
  const index = table.header.indexOf(name);
  if (index === -1) {
    throw new CalcInputError(
      'MISSING_COLUMN',
      `column '${name}' (${option}) is not in the input; its columns are: ${table.header.join(', ')}`,
      1,
    );
  }
  return index;
}

/** A column's text fields. */
export function textColumn(table: CsvTable, name: string, option: string): string[] {
  const j = columnIndex(table, name, option);
  const out = new Array<string>(table.rowCount);
  for (let i = 0; i < table.rowCount; i++) out[i] = table.field(i, j);
  return out;
}

const ZERO = 48;
const NINE = 57;
const MINUS = 45;

/**
 * A column as numbers. Empty fields and NA are missing (NaN), as R reads them; Inf and -Inf are infinite;
 * anything else that is not a number is an error naming its line. Plain integers are read straight from the
 * text; everything else goes through Number(), which rounds correctly.
 */
export function numericColumn(table: CsvTable, name: string, option: string): Float64Array {
  const j = columnIndex(table, name, option);
  const { bytes, starts, ends, rowCount } = table;
  const width = table.header.length;
  const out = new Float64Array(rowCount);
  for (let i = 0; i < rowCount; i++) {
    const k = i * width + j;
    const start = starts[k]!;
    const end = ends[k]!;
    if (start === end) {
      out[i] = Number.NaN;
      continue;
    }
    // Fast path: an optionally negative integer of up to 15 digits, exact in a double.
    let p = start;
    const negative = bytes[p] === MINUS;
    if (negative) p++;
    let value = 0;
    let digits = 0;
    for (; p < end; p++, digits++) {
      const c = bytes[p]!;
      if (c < ZERO || c > NINE) break;
      value = value * 10 + (c - ZERO);
    }
    if (p === end && digits > 0 && digits <= 15) {
      out[i] = negative ? -value : value;
      continue;
    }
    out[i] = slowNumber(table, i, j, name);
  }
  return out;
}

function slowNumber(table: CsvTable, row: number, column: number, name: string): number {
  const f = table.field(row, column);
  if (f === '' || f === 'NA') return Number.NaN;
  if (f === 'Inf') return Number.POSITIVE_INFINITY;
  if (f === '-Inf') return Number.NEGATIVE_INFINITY;
  const v = Number(f);
  if (Number.isNaN(v) || f.trim() !== f || /^0[xob]/i.test(f)) {
    throw new CalcInputError('NOT_A_NUMBER', `column '${name}': '${f}' is not a number`, table.lines[row]);
  }
  return v;
}
