import { AppError } from '../errors/app-error.js';

/**
 * Why an import refused a file, as a stable code:
 * - IMPORT_UNREADABLE: the file cannot be opened or read;
 * - IMPORT_EMPTY: the file has no header line;
 * - IMPORT_BAD_HEADER: columns are missing, unexpected or repeated;
 * - IMPORT_MALFORMED_CSV: the CSV itself is broken (a stray quote), so no later line can be trusted;
 * - IMPORT_TRUNCATED: the file ends inside a quoted field or in the middle of its last record;
 * - IMPORT_INVALID_ROWS: strict mode, and at least one row was rejected (bad values, duplicate keys);
 * - IMPORT_FILE_CHANGED: the file changed while it was being imported;
 * - IMPORT_TOO_LARGE: a file read whole (JSON) is over its importer's size limit;
 * - IMPORT_MALFORMED_JSON: a JSON file is not JSON (IMPORT_TRUNCATED when it ends too soon);
 * - IMPORT_NOT_BOUNDARIES: a JSON file is not a GeoJSON FeatureCollection or TopoJSON Topology in WGS84, or its
 *   features have no area code property to read;
 * - IMPORT_SOURCE_UNAVAILABLE: a remote source (an API) could not be downloaded: it refused, failed, timed out
 *   or sent nothing. Not the input's fault, so status 503 and exit 1, as when the database is unreachable.
 */
export type ImportErrorCode =
  | 'IMPORT_UNREADABLE'
  | 'IMPORT_EMPTY'
  | 'IMPORT_BAD_HEADER'
  | 'IMPORT_MALFORMED_CSV'
  | 'IMPORT_TRUNCATED'
  | 'IMPORT_INVALID_ROWS'
  | 'IMPORT_FILE_CHANGED'
  | 'IMPORT_TOO_LARGE'
  | 'IMPORT_MALFORMED_JSON'
  | 'IMPORT_NOT_BOUNDARIES'
  | 'IMPORT_SOURCE_UNAVAILABLE';

/**
 * An import refused its file: nothing was written to the database. Bad input, so status 400 and the
 * command line exits 2 (IMPORT_SOURCE_UNAVAILABLE: 503, exit 1). `line` is the 1-based line of the file the
 * problem is on, when there is one; `reportPath` the report listing every problem, when one was written.
 */
export class ImportError extends AppError {
  declare readonly code: ImportErrorCode;
  readonly line: number | undefined;
  readonly reportPath: string | undefined;

  constructor(
    code: ImportErrorCode,
    message: string,
    details: { line?: number; reportPath?: string; cause?: unknown } = {},
  ) {
    super(code, message, code === 'IMPORT_SOURCE_UNAVAILABLE' ? 503 : 400, { cause: details.cause });
    this.line = details.line;
    this.reportPath = details.reportPath;
  }
}
