import { z } from 'zod';
import { type Cell, CellIssue } from './csv-fields.js';
import { type RowResult, validateRow } from './validate-row.js';

/** The values a record's cells read to, by key. */
export type CellValues<S extends Record<string, Cell<unknown>>> = {
  [K in keyof S]: S[K] extends Cell<infer T> ? T : never;
};

/** A problem found across a row's cells (a lower limit above its upper limit): the cell it is reported at. */
export interface RowIssue {
  readonly key: string;
  readonly message: string;
}

/** Validates a record's cells (by key), naming columns in reasons by `names`; `schema` is its specification. */
export type RowValidator<T> = ((
  values: Readonly<Record<string, string>>,
  names: Readonly<Record<string, string>>,
) => RowResult<T>) & { readonly schema: z.ZodType<T> };

/**
 * A record validator for an importer: each cell read by its Cell, then `check` across the row (problems that
 * need two cells), then `build` the row. The specification is the zod schema
 * `z.object(cells).superRefine(check).transform(build)`, and any record it refuses gets validateRow's
 * reasons from that schema. A record that reads cleanly is read with the cells' own functions instead, with
 * the same result and without zod's per-cell work: a third of the time of a million-row import went there.
 * Cost: one call per cell and one object per valid record.
 */
export function createRowValidator<S extends Record<string, Cell<unknown>>, T>(
  cells: S,
  finish: {
    readonly check?: (row: CellValues<S>) => readonly RowIssue[];
    readonly build: (row: CellValues<S>) => T;
  },
): RowValidator<T> {
  const { check, build } = finish;
  const object = z.object(cells) as unknown as z.ZodType<CellValues<S>>;
  const schema: z.ZodType<T> = (
    check
      ? object.superRefine((row, ctx) => {
          for (const issue of check(row)) {
            ctx.addIssue({ code: 'custom', path: [issue.key], message: issue.message });
          }
        })
      : object
  ).transform(build);
  const keys = Object.keys(cells);
  const reads = keys.map((key) => cells[key]!.read);
  const refuse = (values: Readonly<Record<string, string>>, names: Readonly<Record<string, string>>) =>
    validateRow(schema, values, names);
  const accept = (
    row: CellValues<S>,
    values: Readonly<Record<string, string>>,
    names: Readonly<Record<string, string>>,
  ): RowResult<T> => (check && check(row).length > 0 ? refuse(values, names) : { ok: true, row: build(row) });
  // Compiled once per validator, like fieldsByKey: straight-line reads and one object literal, so that every
  // row has the same shape and no cell is looked up by a key held in a variable (a third of the time).
  const body = [
    ...keys.map((key, i) => {
      const k = JSON.stringify(key);
      return `const t${i} = values[${k}]; if (typeof t${i} !== 'string') return refuse(values, names);
const v${i} = reads[${i}](t${i}); if (v${i} instanceof CellIssue) return refuse(values, names);`;
    }),
    `return accept({ ${keys.map((key, i) => `${JSON.stringify(key)}: v${i}`).join(', ')} }, values, names);`,
  ].join('\n');
  const validate = new Function(
    'reads',
    'CellIssue',
    'refuse',
    'accept',
    `return (values, names) => {\n${body}\n};`,
  )(reads, CellIssue, refuse, accept);
  return Object.assign(validate, { schema });
}
