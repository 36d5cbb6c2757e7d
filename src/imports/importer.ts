import type { Db } from '../db/db.js';
import type { BulkColumn } from './bulk-insert.js';
import type { HeaderColumn } from './check-header.js';
import type { ImportProgressListener } from './import-progress.js';
import type { ParseWorkerKind } from './parse-worker.js';
import type { RowResult } from './validate-row.js';

/** A valid row and the line of the file it came from. */
export interface LineRow<Row> {
  readonly line: number;
  readonly row: Row;
}

/**
 * Where an importer stages its valid rows: a table, its columns, and a row's values in their order. Pure, so
 * that a reading thread can encode the rows for COPY itself (see parseRecordBatchesInWorker).
 */
export interface RowStage<Row> {
  readonly table: string;
  readonly columns: readonly BulkColumn[];
  values(line: number, row: Row): readonly unknown[];
}

/** What an importer's hooks get: the open transaction, the load being made, and a way to reject rows late. */
export interface ImportContext {
  /** The import's transaction: everything written through it commits together or not at all. */
  readonly db: Db;
  /** The data_loads row of this import, for load_id and replaced_by_load_id columns. */
  readonly loadId: number;
  /** The file's base name, as recorded in data_loads.source. */
  readonly source: string;
  /** True unless --skip-invalid: any rejected row refuses the whole file. */
  readonly strict: boolean;
  /** Records a row rejected after reading (a duplicate key, say), for the count and the report. */
  reject(line: number | undefined, reason: string): Promise<void>;
  readonly progress: ImportProgressListener;
}

/** What applying an import did to the rows of its tables. */
export interface ImportOutcome {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

/**
 * One CSV format and where its rows go. runImport reads the file, checks the header against `columns`, turns
 * each record into a row with `parse` (or rejects it with a reason), and calls the hooks in one transaction:
 * `begin`, then `write` with batches of valid rows (typically into a temporary staging table), then `check`
 * for problems that need every row (duplicate keys), then `apply` (merge into the real tables, keep the
 * history of what changed, compute derived values) unless the run is refused.
 */
export interface Importer<K extends string, Row> {
  /** data_loads.name, and the kind in `healthhub import <kind>`: fingertips, population, ... */
  readonly name: string;
  readonly columns: readonly HeaderColumn<K>[];
  /** The tables `apply` fills or changes: analysed after it, so that the next query plans for their size. */
  readonly tables: readonly string[];
  /**
   * The reading thread's name for this importer's record parser (see parse-worker.ts), when its files may
   * be read and validated on a worker thread while this one writes.
   */
  readonly readOnThread?: ParseWorkerKind;
  /**
   * When `write` only stages each row (writeStagedRows over this stage): on a PostgreSQL server with the
   * file read on a thread, that thread encodes the rows for COPY, and this one copies the text as it comes,
   * instead of receiving the rows and calling `write`. The rows staged are the same either way.
   */
  readonly stage?: RowStage<Row>;
  /** Data records may lack this many trailing fields (read as ''); see readCsvRecords. */
  readonly optionalTrailingFields?: number;
  /** Validates one record's fields; `names` are the file's column names, for reasons. */
  parse(fields: Readonly<Record<K, string>>, names: Readonly<Record<K, string>>): RowResult<Row>;
  begin(context: ImportContext): Promise<void>;
  write(context: ImportContext, rows: readonly LineRow<Row>[]): Promise<void>;
  /** Late validation over all the rows written; rejects through context.reject (and drops those rows). */
  check?(context: ImportContext): Promise<void>;
  apply(context: ImportContext): Promise<ImportOutcome>;
}
