import { bulkInsert } from './bulk-insert.js';
import type { Importer, RowStage } from './importer.js';

/** An importer's `write` that stages each valid row into `stage.table` (see Importer.stage). */
export function writeStagedRows<K extends string, Row>(stage: RowStage<Row>): Importer<K, Row>['write'] {
  return (context, rows) =>
    bulkInsert(
      context.db,
      stage.table,
      stage.columns,
      rows.map(({ line, row }) => stage.values(line, row)),
    );
}
