// Single-module imports keep the command's start-up to the modules it needs.
import { quantile } from '@healthhub/stats/quantile';
import { quantileInvertedLabel } from '@healthhub/stats/quantile-inverted-label';
import { appendColumns } from '../append-columns.js';
import { CalcInputError } from '../calc-input-error.js';
import type { CalcMethod } from '../calc-method.js';
import type { Cell } from '../csv-output.js';
import { groupRows } from '../group-rows.js';
import { parseBooleanOption } from '../parse-boolean-option.js';
import { parseNumberOption } from '../parse-number-option.js';
import { pick, withRowContext } from '../per-group.js';
import { numericColumn, textColumn } from '../table-column.js';

const TRUE_TEXT = /^(TRUE|T|true|True)$/;
const FALSE_TEXT = /^(FALSE|F|false|False)$/;

export const quantileMethod: CalcMethod = {
  summary: 'assigns each row to a quantile of its group by rank, as phe_quantile',
  takesConfidence: false,
  takesMultiplier: false,
  options: {
    values: { type: 'string' },
    nquantiles: { type: 'string' },
    invert: { type: 'string' },
    inverttype: { type: 'string' },
    type: { type: 'string' },
  },
  help: `Assigns each row to a quantile (1 to nquantiles) of its group, by the rank of its value:
phe_quantile (OHID's "Assigning Deprivation Categories"). Ties take the lowest rank. A group with fewer
non-missing values than nquantiles gets no quantiles (with R's warning on stderr); a missing value gets none.

Column options (defaults in brackets):
  --values COLUMN        the values to rank [values]
  --nquantiles N         number of quantiles, a whole number >= 1 [10]
  --invert X             with --inverttype logical: TRUE (quantile 1 holds the highest values) or FALSE;
                         with --inverttype field: the column holding each row's TRUE/FALSE, which must be
                         the same within a group [TRUE]
  --inverttype T         logical or field [logical]
  --type TYPE            full, or standard (quantile only) [full]

Output: one row per input row, in input order: the input columns, then quantile, and for --type full
nquantiles, groupvars (the --group-by columns joined with ", ") and qinverted ("lowest quantile represents
highest values" or "... lowest values").`,
  run(context) {
    const { table, options, groupBy } = context;
    const values = numericColumn(table, (options.values as string | undefined) ?? 'values', '--values');
    const nquantiles = parseNumberOption(options.nquantiles, '--nquantiles', true) ?? 10;
    if (nquantiles < 1)
      throw new CalcInputError(
        'BAD_OPTION',
        `--nquantiles must be a whole number >= 1 (got '${options.nquantiles}')`,
      );
    const inverttype = (options.inverttype as string | undefined) ?? 'logical';
    const type = (options.type as string | undefined) ?? 'full';
    if (type !== 'full' && type !== 'standard')
      throw new CalcInputError('BAD_OPTION', `--type must be full or standard (got '${type}')`);

    let invertAll = true;
    let invertField: boolean[] | undefined;
    if (inverttype === 'logical') {
      invertAll = parseBooleanOption(options.invert, '--invert', true);
    } else if (inverttype === 'field') {
      if (typeof options.invert !== 'string')
        throw new CalcInputError('BAD_OPTION', '--inverttype field needs --invert COLUMN');
      invertField = logicalColumn(context.table, options.invert);
    } else {
      throw new CalcInputError(
        'BAD_OPTION',
        `--inverttype: valid values for inverttype are logical and field (got '${inverttype}')`,
      );
    }

    const q = new Float64Array(table.rowCount);
    const inverted = new Uint8Array(table.rowCount);
    let warning: string | undefined;
    const onWarning = (message: string) => {
      warning = message;
    };
    for (const group of groupRows(table, groupBy)) {
      const invert = invertField ? Array.from(group.rows, (r) => invertField[r]!) : invertAll;
      const result = withRowContext(context, group, () =>
        quantile(pick(values, group.rows), { nquantiles, invert, onWarning }),
      );
      const groupInverted = invertField ? (invertField[group.rows[0]!] ?? true) : invertAll;
      for (let k = 0; k < group.rows.length; k++) {
        const r = group.rows[k]!;
        q[r] = result[k]!;
        inverted[r] = groupInverted ? 1 : 0;
      }
    }
    if (warning !== undefined) context.warn(warning);

    const full = type === 'full';
    const names = ['quantile'];
    const columns: ArrayLike<Cell>[] = [q];
    if (full) {
      const labels = [quantileInvertedLabel(false), quantileInvertedLabel(true)];
      const qinverted = new Array<string>(table.rowCount);
      for (let i = 0; i < table.rowCount; i++) qinverted[i] = labels[inverted[i]!]!;
      names.push('nquantiles', 'groupvars', 'qinverted');
      columns.push(
        new Array<number>(table.rowCount).fill(nquantiles),
        new Array<string>(table.rowCount).fill(groupBy.join(', ')),
        qinverted,
      );
    }
    return appendColumns(table, names, columns);
  },
};

/** A column of TRUE/FALSE as R reads logicals (TRUE, T, true, True; FALSE, F, false, False). */
function logicalColumn(table: Parameters<typeof textColumn>[0], name: string): boolean[] {
  const text = textColumn(table, name, '--invert');
  const out = new Array<boolean>(text.length);
  for (let i = 0; i < text.length; i++) {
    const f = text[i]!;
    if (TRUE_TEXT.test(f)) out[i] = true;
    else if (FALSE_TEXT.test(f)) out[i] = false;
    else
      throw new CalcInputError(
        'NOT_A_LOGICAL',
        `column '${name}' (--invert): '${f}' is not TRUE or FALSE`,
        table.lines[i],
      );
  }
  return out;
}
