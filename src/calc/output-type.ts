import { CalcInputError } from './calc-input-error.js';
import type { CalcOutput } from './calc-method.js';
import type { Cell } from './csv-output.js';

const metadata = new Set(['confidence', 'statistic', 'method']);

/**
 * PHEindicatormethods' `type` argument: "full" keeps every column; "standard" drops the metadata columns
 * (confidence, statistic, method); "value", "lower" and "upper" keep only the value or the limits. Input and
 * group columns, which come first, are always kept.
 */
export function applyOutputType(
  output: CalcOutput,
  type: string | boolean | undefined,
  leading: number,
): CalcOutput {
  const chosen = typeof type === 'string' ? type : 'full';
  if (chosen === 'full') return output;
  let keep: (name: string) => boolean;
  if (chosen === 'standard') keep = (name) => !metadata.has(name);
  else if (chosen === 'value') keep = (name) => name === 'value';
  else if (chosen === 'lower') keep = (name) => /^lower/.test(name);
  else if (chosen === 'upper') keep = (name) => /^upper/.test(name);
  else
    throw new CalcInputError(
      'BAD_OPTION',
      `--type must be full, standard, value, lower or upper (got '${chosen}')`,
    );
  const indices = output.header.map((name, j) => (j < leading || keep(name) ? j : -1)).filter((j) => j >= 0);
  return {
    header: indices.map((j) => output.header[j]!),
    rows: selectColumns(output.rows, indices),
  };
}

function* selectColumns(rows: Iterable<readonly Cell[]>, indices: readonly number[]): Generator<Cell[]> {
  for (const row of rows) yield indices.map((j) => row[j]);
}
