import type { ImportSummary } from '../../imports/import-summary.js';

/**
 * What `import boundaries` did: an ImportSummary whose rows are the file's features (rowsRead; `line` in the
 * report is the feature's number), and the features skipped because their code is not an area healthhub
 * holds. Every feature is counted once: inserted + updated + unchanged + rejected + notMatched = rowsRead.
 */
export interface BoundaryImportSummary extends ImportSummary {
  readonly format: 'GeoJSON' | 'TopoJSON' | undefined;
  /** The features skipped as not matched, and their codes in the file's order. */
  readonly notMatched: number;
  readonly notMatchedCodes: readonly string[];
}

/**
 * What the command prints after the common summary line (formatImportSummary, whose rows are features): the
 * features not matched and the first of their codes; undefined when every feature matched.
 */
export function formatNotMatched(s: BoundaryImportSummary): string | undefined {
  if (s.status === 'already-loaded' || s.notMatched === 0) return undefined;
  const shown = s.notMatchedCodes.slice(0, 5).join(', ');
  const more = s.notMatched > 5 ? ` and ${s.notMatched - 5} more` : '';
  return `${s.notMatched} features not matched (no such area in healthhub, skipped): ${shown}${more}`;
}
