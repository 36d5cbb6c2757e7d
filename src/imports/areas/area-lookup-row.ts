import { z } from 'zod';
import { optionalTextCell, requiredTextCell } from '../csv-fields.js';
import { areaCodeCell } from '../formats/area-code-cell.js';
import type { RowResult } from '../validate-row.js';
import { validateRow } from '../validate-row.js';
import type { AreaLookupFormat } from './area-lookup-formats.js';

/** One valid line of a lookup: each level's code, name and NHS code, in the order of the format's levels. */
export interface AreaLookupRow {
  readonly codes: readonly string[];
  readonly names: readonly string[];
  readonly nhsCodes: readonly (string | null)[];
}

type Parse = (
  fields: Readonly<Record<string, string>>,
  names: Readonly<Record<string, string>>,
) => RowResult<AreaLookupRow>;

/**
 * The parser of one format's lines. Refused: a code that is not of its column's kind (an LSOA code in an
 * LSOA column, E38 in a sub-ICB column, ...), an empty name. NHS codes may be empty.
 */
export function areaLookupRowParser(format: AreaLookupFormat): Parse {
  const shape: Record<string, z.ZodType<string | null>> = {};
  for (const level of format.levels) {
    shape[level.code] = areaCodeCell(level.kind);
    shape[level.name] = requiredTextCell();
    if (level.nhsCode) shape[level.nhsCode] = optionalTextCell();
  }
  const schema = z.object(shape).transform(
    (row): AreaLookupRow => ({
      codes: format.levels.map((l) => row[l.code] as string),
      names: format.levels.map((l) => row[l.name] as string),
      nhsCodes: format.levels.map((l) => (l.nhsCode ? (row[l.nhsCode] ?? null) : null)),
    }),
  );
  return (fields, names) => validateRow(schema, fields, names);
}
