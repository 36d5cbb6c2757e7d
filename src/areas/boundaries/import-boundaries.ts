import { basename } from 'node:path';
import { analyzeTables } from '../../db/analyze-tables.js';
import type { Db } from '../../db/db.js';
import {
  createImportLoad,
  findLoadByHash,
  lockImports,
  recordLoadCounts,
} from '../../imports/data-load-repository.js';
import { ImportError } from '../../imports/import-error.js';
import type { ImportProgressListener } from '../../imports/import-progress.js';
import { ImportReport } from '../../imports/import-report.js';
import { type BoundaryFeature, parseBoundaryFeature } from './boundary-feature.js';
import { boundaryFileFeatures } from './boundary-file-features.js';
import type { BoundaryImportSummary } from './boundary-import-summary.js';
import { detectBoundaryProperties } from './detect-boundary-properties.js';
import { mergeAreaBoundaries } from './merge-area-boundaries.js';
import { maxBoundaryFileBytes, readBoundaryFile } from './read-boundary-file.js';

/** data_loads.name of boundary imports. */
export const boundariesImporterName = 'boundaries';

export interface ImportBoundariesOptions {
  /** A GeoJSON FeatureCollection or TopoJSON Topology, WGS84 longitude/latitude. */
  readonly file: string;
  /** The property holding each feature's area code, when it cannot be told (detectBoundaryProperties). */
  readonly codeProperty?: string;
  readonly nameProperty?: string;
  /** The TopoJSON object to read, when the topology has several. */
  readonly object?: string;
  /**
   * The boundaries' credit, as their licence asks (ONS: "Source: Office for National Statistics licensed
   * under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2024").
   * Recorded with the file's name in data_loads.source; maps show it in their source line.
   */
  readonly attribution?: string;
  /** Import the valid features and report the others, instead of refusing the whole file. */
  readonly skipInvalid?: boolean;
  /** Where the report of rejected features goes; default beside the input (FILE.report.csv). */
  readonly reportPath?: string;
  readonly onProgress?: ImportProgressListener;
  /** The size limit (default maxBoundaryFileBytes); smaller in tests. */
  readonly maxBytes?: number;
}

/** data_loads.source of a boundary file: its name, and its credit when one was given. */
function boundarySource(file: string, attribution: string | undefined): string {
  const credit = attribution?.trim().replace(/\s+/g, ' ');
  return credit ? `${basename(file)} — ${credit}` : basename(file);
}

/**
 * Imports the outlines of a boundary file into area_boundaries, all or nothing, as runImport does for CSV:
 *
 * 1. The file is read whole (up to the size limit) and hashed; if a boundary import loaded the same bytes
 *    before, nothing is done ('already-loaded').
 * 2. The features are read (GeoJSON, or TopoJSON decoded), the code and name properties found, and each
 *    feature validated (parseBoundaryFeature); a code given twice is rejected at its second feature. Rejected
 *    features go to the report with their 1-based feature number in the `line` column.
 * 3. In one transaction under the imports' lock: the load is recorded (name 'boundaries', source the file's
 *    name and credit), the outlines merged (mergeAreaBoundaries), the counts recorded. Features whose code is
 *    no known area are skipped and counted as not matched: not errors.
 *
 * Strict by default: any rejected feature refuses the file (IMPORT_INVALID_ROWS) and nothing is written;
 * with skipInvalid the valid features are merged. A file that is not JSON, cut short, too large, or not a
 * FeatureCollection or Topology is refused either way.
 */
export async function importBoundaries(
  db: Db,
  options: ImportBoundariesOptions,
): Promise<BoundaryImportSummary> {
  const { file } = options;
  const source = basename(file);
  const progress = options.onProgress ?? (() => {});
  const strict = !options.skipInvalid;
  const fail = (error: unknown, reportPath?: string): never => {
    if (!(error instanceof ImportError)) throw error;
    const hint = error.code === 'IMPORT_INVALID_ROWS' ? ' (--skip-invalid imports the valid features)' : '';
    throw new ImportError(
      error.code,
      `${boundariesImporterName}: ${source}: ${error.message}; nothing was imported${hint}${reportPath ? `; report: ${reportPath}` : ''}`,
      { line: error.line, reportPath, cause: error },
    );
  };

  let read: Awaited<ReturnType<typeof readBoundaryFile>>;
  try {
    read = await readBoundaryFile(file, options.maxBytes ?? maxBoundaryFileBytes);
  } catch (error) {
    return fail(error);
  }
  progress({ phase: 'checking', done: read.bytes.length, total: read.bytes.length });
  const earlier = await findLoadByHash(db, boundariesImporterName, read.sha256);
  if (earlier) return alreadyLoaded(source, earlier.id);

  const report = new ImportReport(
    options.reportPath ?? `${file.replace(/\.(csv|geo\.?json|json|topojson)$/i, '')}.report.csv`,
  );
  await report.start();
  let summary: BoundaryImportSummary;
  try {
    const { format, features: raw } = boundaryFileFeatures(read.bytes.toString('utf8'), {
      ...(options.object !== undefined ? { object: options.object } : {}),
    });
    progress({ phase: 'reading', done: read.bytes.length, total: read.bytes.length });
    const properties = detectBoundaryProperties(raw, {
      ...(options.codeProperty !== undefined ? { code: options.codeProperty } : {}),
      ...(options.nameProperty !== undefined ? { name: options.nameProperty } : {}),
    });
    const valid: BoundaryFeature[] = [];
    const firstOf = new Map<string, number>();
    for (const [index, value] of raw.entries()) {
      const number = index + 1;
      const result = parseBoundaryFeature(value, properties);
      if (!result.ok) {
        await report.add(number, result.reason);
        continue;
      }
      const earlierFeature = firstOf.get(result.feature.code);
      if (earlierFeature !== undefined) {
        await report.add(
          number,
          `duplicate: feature ${earlierFeature} has the same ${properties.code}, ${result.feature.code}`,
        );
        continue;
      }
      firstOf.set(result.feature.code, number);
      valid.push(result.feature);
    }
    const rejected = report.count;
    if (strict && rejected > 0) {
      const first = report.first!;
      throw new ImportError(
        'IMPORT_INVALID_ROWS',
        `${rejected} of ${raw.length} features rejected, the first is feature ${first.line}: ${first.reason}`,
        { ...(first.line !== undefined ? { line: first.line } : {}) },
      );
    }
    progress({ phase: 'writing', done: 0, total: 0 });
    summary = await db.transaction(async (trx) => {
      await lockImports(trx);
      const raced = await findLoadByHash(trx, boundariesImporterName, read.sha256);
      if (raced) return alreadyLoaded(source, raced.id);
      const loadId = await createImportLoad(trx, {
        name: boundariesImporterName,
        source: boundarySource(file, options.attribution),
        sha256: read.sha256,
      });
      const outcome = await mergeAreaBoundaries(trx, loadId, valid);
      await analyzeTables(trx, ['area_boundaries']);
      const counts = {
        rowsRead: raw.length,
        inserted: outcome.inserted,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
        rejected,
      };
      await recordLoadCounts(trx, loadId, counts);
      return {
        importer: boundariesImporterName,
        source,
        status: 'imported',
        loadId,
        ...counts,
        format,
        notMatched: outcome.notMatched.length,
        notMatchedCodes: outcome.notMatched,
      } satisfies BoundaryImportSummary;
    });
  } catch (error) {
    // A file refused whole is a problem of the report too, as runImport reports a truncated CSV.
    if (error instanceof ImportError && error.code !== 'IMPORT_INVALID_ROWS')
      await report.add(undefined, error.message);
    return fail(error, await report.close());
  }
  const written = await report.close();
  return written ? { ...summary, reportPath: written } : summary;
}

function alreadyLoaded(source: string, loadId: number): BoundaryImportSummary {
  return {
    importer: boundariesImporterName,
    source,
    status: 'already-loaded',
    loadId,
    rowsRead: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    format: undefined,
    notMatched: 0,
    notMatchedCodes: [],
  };
}
