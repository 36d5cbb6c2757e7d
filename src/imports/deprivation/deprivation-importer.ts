import { chooseCsvFormat, readCsvHeader } from '../formats/choose-csv-format.js';
import type { Importer } from '../importer.js';
import {
  type DeprivationFormat,
  deprivationFormats,
  EDITION,
  editionFromFileName,
} from './deprivation-formats.js';
import { mergeDeprivationStage, rejectDuplicateDeprivationAreas } from './deprivation-merge.js';
import { type DeprivationRow, deprivationRowParser } from './deprivation-row.js';
import { createDeprivationStage, stageDeprivationRows } from './deprivation-stage.js';

export interface DeprivationImportOptions {
  /** The IMD edition (IMD2019, IMD2025); default from the file's name, else the format's. */
  readonly edition?: string;
}

/**
 * `healthhub import deprivation FILE.csv` for one format: each area's IMD score, rank and decile in an
 * edition into deprivation, areas not yet known added.
 */
export function deprivationImporter(
  format: DeprivationFormat,
  edition: string,
  options: { editionGiven?: boolean } = {},
): Importer<string, DeprivationRow> {
  if (!EDITION.test(edition))
    throw new Error(`deprivation: '${edition}' is not an IMD edition such as IMD2019`);
  return {
    // As for `import population --year`: an edition given is part of the load's identity, so that the same
    // file with another --edition is loaded again rather than taken as already loaded.
    name: options.editionGiven ? `deprivation --edition ${edition}` : 'deprivation',
    columns: format.columns,
    tables: ['areas', 'deprivation'],
    parse: deprivationRowParser(format),
    begin: (context) => createDeprivationStage(context.db),
    write: (context, rows) => stageDeprivationRows(context.db, rows),
    check: (context) => rejectDuplicateDeprivationAreas(context, format),
    apply: (context) => mergeDeprivationStage(context, format, edition),
  };
}

/** The edition of an import: the option's (upper-cased), else the file name's (imd2019_...), else the format's. */
export function deprivationEdition(file: string, format: DeprivationFormat, option?: string): string {
  return option?.trim().toUpperCase() || editionFromFileName(file) || format.edition;
}

/**
 * The deprivation importer for a file, its format told by its header (deprivationFormats; a header that fits
 * none gets the nearest format, whose header check then refuses the file) and its edition by
 * deprivationEdition.
 */
export async function deprivationImporterFor(
  file: string,
  options: DeprivationImportOptions = {},
): Promise<Importer<string, DeprivationRow>> {
  const format = chooseCsvFormat(await readCsvHeader(file), deprivationFormats);
  return deprivationImporter(format, deprivationEdition(file, format, options.edition), {
    editionGiven: Boolean(options.edition?.trim()),
  });
}
