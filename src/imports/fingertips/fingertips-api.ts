import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Db } from '../../db/db.js';
import { UsageError } from '../../errors/usage-error.js';
import { downloadToFile } from '../download-to-file.js';
import { ImportError } from '../import-error.js';
import { defaultReportPath } from '../import-report.js';
import type { ImportSummary } from '../import-summary.js';
import { type RunImportOptions, runImport } from '../run-import.js';
import { fingertipsImporter } from './fingertips-importer.js';

/** Fingertips' area type of England: the parent when none is given, as fingertipsR and fingertips_py do. */
export const ENGLAND_AREA_TYPE_ID = 15;

/** One extract of the Fingertips API: an indicator at an area type, with the parent areas of a type. */
export interface FingertipsApiQuery {
  readonly indicatorId: number;
  readonly areaTypeId: number;
  readonly parentAreaTypeId: number;
}

// The API's parameters are C# ints.
const MAX_ID = 2_147_483_647;

/**
 * Checks the IDs of an API import, as given on the command line (strings) or by a caller (numbers): each a
 * positive whole number. Throws a UsageError naming the option (--indicator, --area-type, --parent-area-type).
 */
export function fingertipsApiQuery(
  values: { indicator?: string | number; areaType?: string | number; parentAreaType?: string | number },
  command = 'import fingertips',
): FingertipsApiQuery {
  const id = (option: string, value: string | number | undefined, example: number): number => {
    if (value === undefined) throw new UsageError(`${command}: ${option} ID is required`);
    const text = String(value);
    const n = /^[1-9][0-9]*$/.test(text) ? Number(text) : Number.NaN;
    if (!(n <= MAX_ID)) {
      throw new UsageError(
        `${command}: ${option} must be a Fingertips ID, a positive whole number such as ${example}, not '${text}'`,
      );
    }
    return n;
  };
  return {
    indicatorId: id('--indicator', values.indicator, 93356),
    areaTypeId: id('--area-type', values.areaType, 402),
    parentAreaTypeId: id('--parent-area-type', values.parentAreaType ?? ENGLAND_AREA_TYPE_ID, 15),
  };
}

/**
 * The API's CSV of every value of the indicator for the areas of the type, with their parents'. The
 * sortable time period is asked for: the importer needs the column, and the API leaves it out by default.
 */
export function fingertipsApiUrl(baseUrl: string, query: FingertipsApiQuery): string {
  const params = new URLSearchParams({
    indicator_ids: String(query.indicatorId),
    child_area_type_id: String(query.areaTypeId),
    parent_area_type_id: String(query.parentAreaTypeId),
    include_sortable_time_periods: 'yes',
  });
  return `${baseUrl.replace(/\/+$/, '')}/api/all_data/csv/by_indicator_id?${params}`;
}

/**
 * The name an API import goes by, where a file import has the file's name: in data_loads.source, the
 * summary and the default report's name.
 */
export function fingertipsApiSource(query: FingertipsApiQuery): string {
  return `fingertips-api-indicator-${query.indicatorId}-area-type-${query.areaTypeId}-parent-${query.parentAreaTypeId}.csv`;
}

export interface FingertipsApiImportOptions extends Omit<RunImportOptions, 'file' | 'reportPath'> {
  /** The Fingertips site, such as https://fingertips.phe.org.uk (config.fingertipsApiUrl). */
  readonly baseUrl: string;
  /** Where to write the rejected rows; default `<source>.report.csv` in the current directory. */
  readonly reportPath?: string;
  /** Give up when nothing arrives for this long (default 120 s). */
  readonly idleTimeoutMs?: number;
  /** Give up when the download takes longer than this (default 30 minutes). */
  readonly timeoutMs?: number;
}

/**
 * Downloads an extract from the Fingertips API into a temporary file and imports it as a Fingertips CSV,
 * with everything a file import does: one transaction, idempotent by the response's SHA-256 (the same
 * response again is 'already-loaded'), strict unless skipInvalid. The temporary file is removed whatever
 * happens. A download that fails throws ImportError IMPORT_SOURCE_UNAVAILABLE, and nothing is written.
 */
export async function importFingertipsApi(
  db: Db,
  query: FingertipsApiQuery,
  options: FingertipsApiImportOptions,
): Promise<ImportSummary> {
  const { baseUrl, idleTimeoutMs, timeoutMs, ...importOptions } = options;
  const url = fingertipsApiUrl(baseUrl, query);
  const source = fingertipsApiSource(query);
  const onProgress = options.onProgress;
  const dir = await mkdtemp(join(tmpdir(), 'healthhub-fingertips-api-'));
  try {
    // runImport names the load after the file's base name, so the file takes the source's name.
    const file = join(dir, source);
    try {
      await downloadToFile(url, file, {
        headers: { 'User-Agent': 'healthhub', Accept: 'text/csv' },
        ...(idleTimeoutMs === undefined ? {} : { idleTimeoutMs }),
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
        ...(onProgress
          ? { onProgress: (done, total) => onProgress({ phase: 'downloading', done, total }) }
          : {}),
      });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      throw new ImportError(
        error.code,
        `${fingertipsImporter.name}: ${source}: ${error.message}; nothing was imported`,
        { cause: error },
      );
    }
    return await runImport(db, fingertipsImporter, {
      ...importOptions,
      file,
      // Not beside the input: the temporary directory goes, and the report must stay.
      reportPath: options.reportPath ?? resolve(defaultReportPath(source)),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
