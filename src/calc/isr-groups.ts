import { CalcInputError } from './calc-input-error.js';
import type { CalcContext, CalcOutput } from './calc-method.js';
import type { Cell } from './csv-output.js';
import type { CsvTable } from './csv-table.js';
import { groupRows } from './group-rows.js';
import { perGroup, pick } from './per-group.js';
import { numericColumn } from './table-column.js';

/** The column options and files of calculate_ISRatio / calculate_ISRate. */
export const isrOptions = {
  x: { type: 'string' },
  n: { type: 'string' },
  'x-ref': { type: 'string' },
  'n-ref': { type: 'string' },
  'ref-file': { type: 'string' },
  'observed-totals': { type: 'string' },
  type: { type: 'string' },
} as const;

/** The help lines for {@link isrOptions}, shared by isratio and israte. */
export const isrOptionsHelp = `  --x COLUMN                observed events per age band [x]; with --observed-totals, the column of that
                            file holding each group's total
  --n COLUMN                population per age band [n]; 0 is allowed
  --x-ref COLUMN            reference events per age band [x_ref]: a column of the input, or of --ref-file
  --n-ref COLUMN            reference population per age band [n_ref]: likewise
  --ref-file FILE           a CSV of the reference vectors (R's refpoptype "vector"): its rows line up by
                            position with each group's rows, which must be in the same (age) order. Without
                            it the reference columns are read from the input (refpoptype "field")
  --observed-totals FILE    a CSV with the group columns and the --x column: each group's observed total,
                            for data without age breakdowns of the events (R's observed_totals)
  --type TYPE               full, standard (no confidence, statistic, method), value, lower or upper [full]`;

type Compute = (
  x: ArrayLike<number> | number,
  n: ArrayLike<number>,
  xRef: ArrayLike<number>,
  nRef: ArrayLike<number>,
) => Record<string, Cell>;

/**
 * Runs calculate_ISRatio / calculate_ISRate over the groups, with R's checks in R's order: the same number
 * of rows in every group; --x present (in the input, or in --observed-totals); the reference vectors as long
 * as each group (with --ref-file) or present as columns; no negative observed count; no negative population.
 * `checkSettings` runs after those (the confidence check, in the method's wording). One row per group: the
 * group columns, then the result columns.
 */
export function isrGroups(context: CalcContext, checkSettings: () => void, compute: Compute): CalcOutput {
  const { table, options, groupBy } = context;
  const groups = groupRows(table, groupBy);
  const size = groups[0]?.rows.length ?? 0;
  for (const group of groups) {
    if (group.rows.length !== size) {
      throw new CalcInputError(
        'UNEQUAL_GROUP_SIZES',
        `data must contain the same number of rows for each group (group ${describe(groupBy, group.key)} has ${group.rows.length} rows, group ${describe(groupBy, groups[0]!.key)} has ${size})`,
        table.lines[group.rows[0]!],
      );
    }
  }

  const xName = (options.x as string | undefined) ?? 'x';
  const totalsPath = options['observed-totals'] as string | undefined;
  let x: Float64Array | undefined;
  let totals: CsvTable | undefined;
  let totalsX: Float64Array | undefined;
  if (totalsPath !== undefined) {
    totals = context.readTable(totalsPath, '--observed-totals');
    totalsX = otherFileColumn(totals, xName, '--x', '--observed-totals', totalsPath);
  } else x = numericColumn(table, xName, '--x');

  const xRefName = (options['x-ref'] as string | undefined) ?? 'x_ref';
  const nRefName = (options['n-ref'] as string | undefined) ?? 'n_ref';
  const refPath = options['ref-file'] as string | undefined;
  let xRef: Float64Array;
  let nRef: Float64Array;
  if (refPath !== undefined) {
    const ref = context.readTable(refPath, '--ref-file');
    xRef = otherFileColumn(ref, xRefName, '--x-ref', '--ref-file', refPath);
    nRef = otherFileColumn(ref, nRefName, '--n-ref', '--ref-file', refPath);
    if (ref.rowCount !== size) {
      throw new CalcInputError(
        'LENGTH_MISMATCH',
        `x_ref length must equal number of rows in each group within data (--ref-file ${refPath} has ${ref.rowCount} rows, each group of the input ${size})`,
      );
    }
  } else {
    xRef = numericColumn(table, xRefName, '--x-ref');
    nRef = numericColumn(table, nRefName, '--n-ref');
  }

  if (x) {
    for (let i = 0; i < x.length; i++) {
      if (x[i]! < 0)
        throw new CalcInputError(
          'NEGATIVE_COUNT',
          `numerators must all be greater than or equal to zero (${xName} is ${x[i]})`,
          table.lines[i],
        );
    }
  } else {
    for (let i = 0; i < totalsX!.length; i++) {
      if (totalsX![i]! < 0)
        throw new CalcInputError(
          'NEGATIVE_COUNT',
          `--observed-totals ${totalsPath}: line ${totals!.lines[i]}: numerators must all be greater than or equal to zero (${xName} is ${totalsX![i]})`,
        );
    }
  }
  const nName = (options.n as string | undefined) ?? 'n';
  const n = numericColumn(table, nName, '--n');
  for (let i = 0; i < n.length; i++) {
    if (n[i]! < 0)
      throw new CalcInputError(
        'NEGATIVE_DENOMINATOR',
        `denominators must all be greater than or equal to zero (${nName} is ${n[i]})`,
        table.lines[i],
      );
  }
  checkSettings();

  const observedTotal = totals ? totalsLookup(totals, totalsX!, groupBy, totalsPath!) : undefined;
  return perGroup(context, (rows, group) => {
    const observed = observedTotal ? observedTotal(group.key) : pick(x!, rows);
    const refs = refPath !== undefined;
    return compute(observed, pick(n, rows), refs ? xRef : pick(xRef, rows), refs ? nRef : pick(nRef, rows));
  });
}

function describe(groupBy: readonly string[], key: readonly string[]): string {
  return groupBy.length ? groupBy.map((g, j) => `${g}=${key[j]}`).join(', ') : '(all rows)';
}

/** A numeric column of a file other than the input, its errors naming that file. */
function otherFileColumn(
  table: CsvTable,
  name: string,
  option: string,
  fileOption: string,
  path: string,
): Float64Array {
  if (!table.header.includes(name)) {
    throw new CalcInputError(
      'MISSING_COLUMN',
      `${fileOption} ${path}: line 1: column '${name}' (${option}) is not in it; its columns are: ${table.header.join(', ')}`,
    );
  }
  try {
    return numericColumn(table, name, option);
  } catch (error) {
    if (error instanceof CalcInputError)
      throw new CalcInputError(error.code, `${fileOption} ${path}: ${error.message}`);
    throw error;
  }
}

/**
 * Each group's observed total from --observed-totals, joined on the group columns as R's left_join does: a
 * group with no row there gets a missing total. A group listed twice is an error (R would duplicate the
 * group's output row).
 */
function totalsLookup(
  totals: CsvTable,
  totalsX: Float64Array,
  groupBy: readonly string[],
  path: string,
): (key: readonly string[]) => number {
  if (groupBy.length === 0) {
    if (totals.rowCount !== 1) {
      throw new CalcInputError(
        'BAD_OBSERVED_TOTALS',
        `--observed-totals ${path}: without --group-by it must have exactly one row (it has ${totals.rowCount})`,
      );
    }
    return () => totalsX[0]!;
  }
  const keyColumns = groupBy.map((g) => {
    const j = totals.header.indexOf(g);
    if (j === -1) {
      throw new CalcInputError(
        'MISSING_COLUMN',
        `--observed-totals ${path}: line 1: group column '${g}' (--group-by) is not in it; its columns are: ${totals.header.join(', ')}`,
      );
    }
    return j;
  });
  const byKey = new Map<string, number>();
  for (let i = 0; i < totals.rowCount; i++) {
    const key = keyColumns.map((j) => totals.field(i, j)).join('\u0000');
    if (byKey.has(key)) {
      throw new CalcInputError(
        'DUPLICATE_GROUP',
        `--observed-totals ${path}: line ${totals.lines[i]}: group ${describe(
          groupBy,
          keyColumns.map((j) => totals.field(i, j)),
        )} is listed twice`,
      );
    }
    byKey.set(key, totalsX[i]!);
  }
  return (key) => byKey.get(key.join('\u0000')) ?? Number.NaN;
}
