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
  const keyColumns = Int32Array.from(by, (name) => columnIndex(table, name, '--group-by'));
  const width = table.header.length;
  const { bytes, starts, ends, escaped } = table;
  const ids = new Map<string, number>();
  const keys: string[][] = [];
  const groupOf = new Int32Array(n);
  const sizes = new Int32Array(n);
  let current = -1;
  for (let i = 0; i < n; i++) {
    // Same key bytes as the previous row: same group, nothing decoded.
    let same = current >= 0;
    for (let c = 0; same && c < keyColumns.length; c++) {
      const a = i * width + keyColumns[c]!;
      const b = a - width;
      const sa = starts[a]!;
      const sb = starts[b]!;
      const length = ends[a]! - sa;
      if (length !== ends[b]! - sb || escaped[a] !== escaped[b]) same = false;
      else
        for (let k = 0; k < length; k++)
          if (bytes[sa + k] !== bytes[sb + k]) {
            same = false;
            break;
          }
    }
    if (!same) {
      const key = Array.from(keyColumns, (j) => table.field(i, j));
      const id = key.length === 1 ? key[0]! : key.join('\u0000');
      let group = ids.get(id);
      if (group === undefined) {
        group = keys.length;
        ids.set(id, group);
        keys.push(key);
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

  const numeric = Array.from(keyColumns, (_, j) =>
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
