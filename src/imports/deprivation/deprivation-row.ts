import { z } from 'zod';
import { integerCell, optionalNumberCell, requiredTextCell } from '../csv-fields.js';
import { areaCodeCell } from '../formats/area-code-cell.js';
import type { RowResult } from '../validate-row.js';
import { validateRow } from '../validate-row.js';
import type { DeprivationFormat } from './deprivation-formats.js';

/** One valid row of a deprivation file: the area and its IMD score, rank and decile (each may be absent). */
export interface DeprivationRow {
  readonly areaCode: string;
  /** The file's name of the area; null when the file has none (the code then names a new area). */
  readonly areaName: string | null;
  readonly score: number | null;
  readonly rank: number | null;
  readonly decile: number | null;
}

type Parse = (
  fields: Readonly<Record<string, string>>,
  names: Readonly<Record<string, string>>,
) => RowResult<DeprivationRow>;

/**
 * The parser of one format's rows. Refused: a code not of the format's kind, an empty name, a score that is
 * not a number, a rank that is not a whole number from 1, a decile that is not 1 to 10. Where the format has
 * the column, the value is required. Columns not stored are not checked.
 */
export function deprivationRowParser(format: DeprivationFormat): Parse {
  const shape: Record<string, z.ZodType<unknown>> = { [format.code]: areaCodeCell(format.kind) };
  if (format.name) shape[format.name] = requiredTextCell();
  const required = <T>(cell: z.ZodType<T | null>) =>
    cell.refine((v) => v !== null, { message: 'is empty' }) as z.ZodType<T>;
  if (format.score) shape[format.score] = required(optionalNumberCell({ missing: ['NA'] }));
  if (format.rank) shape[format.rank] = integerCell({ min: 1 });
  if (format.decile) shape[format.decile] = integerCell({ min: 1, max: 10 });
  const schema = z.object(shape).transform(
    (row): DeprivationRow => ({
      areaCode: row[format.code] as string,
      areaName: format.name ? (row[format.name] as string) : null,
      score: format.score ? (row[format.score] as number) : null,
      rank: format.rank ? (row[format.rank] as number) : null,
      decile: format.decile ? (row[format.decile] as number) : null,
    }),
  );
  return (fields, names) => validateRow(schema, fields, names);
}
