import type { CsvTable } from './csv-table.js';
import { columnIndex } from './table-column.js';

/** One group of input rows: its key values (one per group column) and its row indices in file order. */
export interface RowGroup {
  readonly key: readonly string[];
  readonly rows: Int32Array;
}

/**
 * Groups the rows by the named columns, in the order dplyr's group_by gives: sorted by each key column in
 * turn, numerically when every value of that column is a number, otherwise by code point (the C locale).
 * No group columns: one group of every row.
 *
 * Rows of one group usually come together, so a row whose key bytes equal the previous row's joins its
 * group without decoding a key; row indices are laid out group after group in one Int32Array, so there is
 * no array per group to grow.
 */
export function groupRows(table: CsvTable, by: readonly string[]): RowGroup[] {
  const n = table.rowCount;
  if (by.length === 0) {
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return [{ key: [], rows: all }];
  }
  const keyColumns = by.map((name) => columnIndex(table, name, '--group-by'));
  const width = table.header.length;
  const ids = new Map<string, number>();
  const keys: string[][] = [];
  const groupOf = new Int32Array(n);
  const sizes: number[] = [];
  let current = -1;
  for (let i = 0; i < n; i++) {
    if (current < 0 || !sameKey(table, width, keyColumns, i, i - 1)) {
      const key = keyColumns.map((j) => table.field(i, j));
      const id = key.length === 1 ? key[0]! : key.join('\u0000');
      let group = ids.get(id);
      if (group === undefined) {
        group = keys.length;
        ids.set(id, group);
        keys.push(key);
        sizes.push(0);
      }
      current = group;
    }
    groupOf[i] = current;
    sizes[current]!++;
  }
  // Row indices group after group (a counting sort), so each group's rows are one contiguous view.
  const offsets = new Int32Array(keys.length + 1);
  for (let g = 0; g < keys.length; g++) offsets[g + 1] = offsets[g]! + sizes[g]!;
  const fill = offsets.slice(0, keys.length);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[groupOf[i]!]!++] = i;

  const numeric = keyColumns.map((_, j) =>
    keys.every((key) => key[j] !== '' && Number.isFinite(Number(key[j]))),
  );
  const groups = keys.map((key, g) => ({ key, rows: order.subarray(offsets[g]!, offsets[g + 1]!) }));
  return groups.sort((a, b) => {
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

function sameKey(table: CsvTable, width: number, columns: readonly number[], a: number, b: number): boolean {
  const { bytes, starts, ends } = table;
  for (let c = 0; c < columns.length; c++) {
    const j = columns[c]!;
    const sa = starts[a * width + j]!;
    const sb = starts[b * width + j]!;
    const length = ends[a * width + j]! - sa;
    if (length !== ends[b * width + j]! - sb || table.escaped[a * width + j] !== table.escaped[b * width + j])
      return false;
    for (let k = 0; k < length; k++) if (bytes[sa + k] !== bytes[sb + k]) return false;
  }
  return true;
}
