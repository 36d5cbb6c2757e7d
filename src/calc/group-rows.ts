import type { CsvTable } from './csv-table.js';
import { columnIndex } from './table-column.js';

/** One group of input rows: its key values (one per group column) and its row indices in file order. */
export interface RowGroup {
  readonly key: readonly string[];
  readonly rows: readonly number[];
}

/**
 * Groups the rows by the named columns, in the order dplyr's group_by gives: sorted by each key column in
 * turn, numerically when every value of that column is a number, otherwise by code point (the C locale).
 * No group columns: one group of every row. Rows of one group usually come together, so a row whose key
 * text equals the previous row's joins its group without building a key string.
 */
export function groupRows(table: CsvTable, by: readonly string[]): RowGroup[] {
  if (by.length === 0) return [{ key: [], rows: Array.from({ length: table.rowCount }, (_, i) => i) }];
  const keyColumns = by.map((name) => columnIndex(table, name, '--group-by'));
  const { text, starts, ends } = table;
  const width = table.header.length;
  const groups = new Map<string, { key: string[]; rows: number[] }>();
  let previous: { key: string[]; rows: number[] } | undefined;
  for (let i = 0; i < table.rowCount; i++) {
    if (previous && sameKey(text, starts, ends, width, keyColumns, i, i - 1)) {
      previous.rows.push(i);
      continue;
    }
    const key = keyColumns.map((j) => table.field(i, j));
    const id = key.length === 1 ? key[0]! : key.join('\u0000');
    let group = groups.get(id);
    if (!group) {
      group = { key, rows: [] };
      groups.set(id, group);
    }
    group.rows.push(i);
    previous = group;
  }
  const all = [...groups.values()];
  const numeric = keyColumns.map((_, j) =>
    all.every((g) => g.key[j] !== '' && Number.isFinite(Number(g.key[j]))),
  );
  return all.sort((a, b) => {
    for (let j = 0; j < a.key.length; j++) {
      const x = a.key[j]!;
      const y = b.key[j]!;
      if (x === y) continue;
      if (numeric[j]) return Number(x) - Number(y);
      return x < y ? -1 : 1;
    }
    return 0;
  });
}

function sameKey(
  text: string,
  starts: Int32Array,
  ends: Int32Array,
  width: number,
  columns: readonly number[],
  a: number,
  b: number,
): boolean {
  for (const j of columns) {
    const sa = starts[a * width + j]!;
    const sb = starts[b * width + j]!;
    const length = ends[a * width + j]! - sa;
    if (length !== ends[b * width + j]! - sb) return false;
    for (let k = 0; k < length; k++) if (text.charCodeAt(sa + k) !== text.charCodeAt(sb + k)) return false;
  }
  return true;
}
