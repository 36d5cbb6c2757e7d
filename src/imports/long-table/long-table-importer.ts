import type { HeaderColumn } from '../check-header.js';
import type { Importer } from '../importer.js';
import type { RowResult } from '../validate-row.js';
import { checkLongTableStage } from './long-table-check.js';
import { mergeLongTableStage } from './long-table-merge.js';
import type { LongTableRow } from './long-table-row.js';
import { createLongTableStage, stageLongTableRows } from './long-table-stage.js';
import type { LongTableTarget } from './long-table-target.js';

/**
 * An importer of a long ONS-style table (one row per area, year, sex and age band) into populations or
 * event_counts: rows staged, checked for duplicates, overlapping bands and totals that disagree with their
 * bands, then merged (see mergeLongTableStage).
 */
export function longTableImporter<K extends string>(spec: {
  readonly name: string;
  readonly columns: readonly HeaderColumn<K>[];
  readonly parse: (
    fields: Readonly<Record<K, string>>,
    names: Readonly<Record<K, string>>,
  ) => RowResult<LongTableRow>;
  readonly target: LongTableTarget;
}): Importer<K, LongTableRow> {
  return {
    name: spec.name,
    columns: spec.columns,
    tables: ['areas', spec.target.table],
    parse: spec.parse,
    begin: (context) => createLongTableStage(context.db),
    write: (context, rows) => stageLongTableRows(context.db, rows),
    check: (context) => checkLongTableStage(context, spec.target),
    async apply(context) {
      context.progress({ phase: 'writing', done: 0, total: 0 });
      const { inserted, updated, unchanged } = await mergeLongTableStage(context, spec.target);
      return { inserted, updated, unchanged };
    },
  };
}
