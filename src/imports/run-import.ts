import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { analyzeTables } from '../db/analyze-tables.js';
import { copyChunks, postgresClientOf } from '../db/copy-rows.js';
import type { Db } from '../db/db.js';
import { createImportLoad, findLoadByHash, lockImports, recordLoadCounts } from './data-load-repository.js';
import { fileSha256 } from './file-sha256.js';
import { ImportError } from './import-error.js';
import type { ImportProgressListener } from './import-progress.js';
import { defaultReportPath, ImportReport } from './import-report.js';
import type { ImportSummary } from './import-summary.js';
import type { ImportContext, Importer } from './importer.js';
import { parseRecordBatches } from './parse-record-batches.js';
import { parseRecordBatchesInWorker } from './parse-record-batches-in-worker.js';

export interface RunImportOptions {
  /** The CSV file to import. */
  readonly file: string;
  /** Import the valid rows and report the others, instead of refusing the whole file. */
  readonly skipInvalid?: boolean;
  /** Where to write the report of rejected rows; default beside the input (see defaultReportPath). */
  readonly reportPath?: string;
  readonly onProgress?: ImportProgressListener;
  /** Records read and validated at a time (default 2,000). */
  readonly batchSize?: number;
  /**
   * Read and validate the file on a worker thread when the importer can (Importer.readOnThread); default
   * true. Either way the same rows, rejections and errors.
   */
  readonly readOnThread?: boolean;
}

/**
 * Imports one CSV file with an importer, all or nothing:
 *
 * 1. The file's SHA-256 is computed; if this importer has loaded the same bytes before, nothing is done
 *    ('already-loaded').
 * 2. In one transaction: a data_loads row is made (kind 'import', source = the file's base name); the file is
 *    streamed, its header checked, each record validated, and valid rows passed to the importer in batches;
 *    the importer's late checks run (duplicate keys); then, unless refused, the importer applies the rows and
 *    the load's counts are recorded.
 * 3. Strict (the default): any rejected row, a wrong header, a truncated or malformed file refuses the whole
 *    file with an ImportError: the transaction rolls back and the database is as it was. With skipInvalid the
 *    valid rows are committed; a wrong header, a truncated or malformed file is still refused.
 *
 * Every problem goes to the report (`line,reason`), written whenever there is one, even when the file is
 * refused. The file is read with flat memory whatever its size.
 */
export async function runImport<K extends string, Row>(
  db: Db,
  importer: Importer<K, Row>,
  options: RunImportOptions,
): Promise<ImportSummary> {
  const { file } = options;
  const source = basename(file);
  const progress = options.onProgress ?? (() => {});
  const batchSize = options.batchSize ?? 2000;
  const strict = !options.skipInvalid;

  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    throw new ImportError(
      'IMPORT_UNREADABLE',
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      { cause: error },
    );
  }
  let hashed = 0;
  const sha256 = await fileSha256(file, (chunk) => {
    hashed += chunk.length;
    progress({ phase: 'checking', done: hashed, total: size });
  });
  const earlier = await findLoadByHash(db, importer.name, sha256);
  if (earlier) return alreadyLoaded(importer.name, source, earlier.id);

  const report = new ImportReport(options.reportPath ?? defaultReportPath(file));
  await report.start();
  let rowsRead = 0;
  let summary: ImportSummary;
  try {
    summary = await db.transaction(async (trx) => {
      await lockImports(trx);
      const raced = await findLoadByHash(trx, importer.name, sha256);
      if (raced) return alreadyLoaded(importer.name, source, raced.id);
      const loadId = await createImportLoad(trx, { name: importer.name, source, sha256 });
      const context: ImportContext = {
        db: trx,
        loadId,
        source,
        strict,
        reject: (line, reason) => report.add(line, reason),
        progress,
      };
      await importer.begin(context);

      // One batch is written while the next is read: the database's work overlaps the parsing. The write's
      // failure is kept (not left unhandled) and thrown when it is next awaited.
      let writing: Promise<{ error: unknown } | undefined> = Promise.resolve(undefined);
      const written = async () => {
        const failed = await writing;
        if (failed) throw failed.error;
      };
      const thread = options.readOnThread !== false ? importer.readOnThread : undefined;
      // On a PostgreSQL server, a reading thread encodes staged rows for COPY itself (Importer.stage).
      const client = postgresClientOf(trx);
      const copy = thread && client && importer.stage ? { client, stage: importer.stage } : undefined;
      const batches = thread
        ? parseRecordBatchesInWorker<Row>(file, thread, batchSize, { copy: copy !== undefined })
        : parseRecordBatches(file, importer, batchSize);
      let sha256Read: string | undefined;
      try {
        for await (const batch of batches) {
          progress({ phase: 'reading', done: batch.bytes, total: size });
          rowsRead += batch.rows.length + (batch.copy?.rows ?? 0) + batch.rejected.length;
          for (const { line, reason } of batch.rejected) await report.add(line, reason);
          await written();
          const write =
            copy && batch.copy
              ? batch.copy.rows > 0 &&
                copyChunks(
                  copy.client,
                  copy.stage.table,
                  copy.stage.columns.map(([name]) => name),
                  [batch.copy.data],
                  'binary',
                )
              : batch.rows.length > 0 && importer.write(context, batch.rows);
          if (write) {
            writing = write.then(
              () => undefined,
              (error: unknown) => ({ error }),
            );
          }
          sha256Read = batch.sha256 ?? sha256Read;
        }
        await written();
      } catch (error) {
        // The transaction must not roll back under a write still in flight.
        await writing;
        if (error instanceof ImportError) await report.add(error.line, error.message);
        throw error;
      }
      if (sha256Read !== sha256) {
        throw new ImportError('IMPORT_FILE_CHANGED', 'the file changed while it was being imported');
      }

      await importer.check?.(context);
      const rejected = report.count;
      if (strict && rejected > 0) {
        const first = report.first!;
        throw new ImportError(
          'IMPORT_INVALID_ROWS',
          `${rejected} of ${rowsRead} rows rejected, the first${first.line === undefined ? '' : ` on line ${first.line}`}: ${first.reason}`,
          { line: first.line },
        );
      }
      const outcome = await importer.apply(context);
      await analyzeTables(trx, importer.tables);
      const counts = { rowsRead, ...outcome, rejected };
      await recordLoadCounts(trx, loadId, counts);
      return {
        importer: importer.name,
        source,
        status: 'imported',
        loadId,
        ...counts,
      } satisfies ImportSummary;
    });
  } catch (error) {
    const written = await report.close();
    if (!(error instanceof ImportError)) throw error;
    const hint = error.code === 'IMPORT_INVALID_ROWS' ? ' (--skip-invalid imports the valid rows)' : '';
    throw new ImportError(
      error.code,
      `${importer.name}: ${source}: ${error.message}; nothing was imported${hint}${written ? `; report: ${written}` : ''}`,
      { line: error.line, reportPath: written, cause: error },
    );
  }
  const written = await report.close();
  return written ? { ...summary, reportPath: written } : summary;
}

function alreadyLoaded(importer: string, source: string, loadId: number): ImportSummary {
  return {
    importer,
    source,
    status: 'already-loaded',
    loadId,
    rowsRead: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
  };
}
