/** What an import did, for the command line and for callers such as the web upload. */
export interface ImportSummary {
  /** The importer: fingertips, population, ... */
  readonly importer: string;
  /** The file's base name. */
  readonly source: string;
  /** 'already-loaded': the same file was loaded before (load `loadId`) and nothing changed. */
  readonly status: 'imported' | 'already-loaded';
  readonly loadId: number;
  readonly rowsRead: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  /** The report of rejected rows, when there were any (--skip-invalid). */
  readonly reportPath?: string;
}

/** The summary as the command line prints it: one line, and a second naming the report when there is one. */
export function formatImportSummary(s: ImportSummary): string {
  if (s.status === 'already-loaded') {
    return `${s.importer}: ${s.source} was already loaded (load ${s.loadId}): nothing changed`;
  }
  const line =
    `${s.importer}: loaded ${s.source} (load ${s.loadId}): ${s.rowsRead} rows read, ${s.inserted} inserted, ` +
    `${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected`;
  return s.reportPath ? `${line}\nrejected rows and reasons: ${s.reportPath}` : line;
}
