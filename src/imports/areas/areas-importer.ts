import { chooseCsvFormat, readCsvHeader } from '../formats/choose-csv-format.js';
import { isIsoDate } from '../formats/iso-date.js';
import type { Importer } from '../importer.js';
import { type AreaLookupFormat, areaLookupFormats } from './area-lookup-formats.js';
import { mergeAreaLookupStage, rejectConflictingLookupLines } from './area-lookup-merge.js';
import { type AreaLookupRow, areaLookupRowParser } from './area-lookup-row.js';
import { createAreaLookupStage, stageAreaLookupRows } from './area-lookup-stage.js';

export interface AreasImportOptions {
  /** When the file's memberships begin (ISO date); default the lookup's vintage (see areaLookupFormats). */
  readonly validFrom?: string;
}

/**
 * `healthhub import areas FILE.csv` for one lookup format: the file's areas (LSOAs, sub-ICB locations, ICBs,
 * wards, local authority districts) into areas, and its memberships into area_parents from the lookup's
 * vintage, areas moving between parents as later vintages say.
 */
export function areasImporter(
  format: AreaLookupFormat,
  options: AreasImportOptions = {},
): Importer<string, AreaLookupRow> {
  const validFrom = options.validFrom ?? format.validFrom;
  if (!isIsoDate(validFrom)) throw new Error(`areas: '${validFrom}' is not a date (YYYY-MM-DD)`);
  return {
    // As for `import population --year`: a date given is part of the load's identity, so that the same file
    // with another --valid-from is loaded again rather than taken as already loaded.
    name: options.validFrom === undefined ? 'areas' : `areas --valid-from ${validFrom}`,
    columns: format.columns,
    tables: ['areas', 'area_parents'],
    parse: areaLookupRowParser(format),
    begin: (context) => createAreaLookupStage(context.db, format),
    write: (context, rows) => stageAreaLookupRows(context.db, format, rows),
    check: (context) => rejectConflictingLookupLines(context, format),
    apply: (context) => mergeAreaLookupStage(context, format, validFrom),
  };
}

/**
 * The areas importer for a file, its format told by its header (areaLookupFormats). A header that fits no
 * format gets the nearest one, whose header check then refuses the file naming the columns missing and
 * unexpected.
 */
export async function areasImporterFor(
  file: string,
  options: AreasImportOptions = {},
): Promise<Importer<string, AreaLookupRow>> {
  return areasImporter(chooseCsvFormat(await readCsvHeader(file), areaLookupFormats), options);
}
