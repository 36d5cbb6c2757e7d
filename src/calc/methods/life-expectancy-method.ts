// Single-module imports keep the command's start-up to the modules it needs.
import { StatsInputError } from '@healthhub/stats/errors';
import {
  type LifeExpectancyOptions,
  type LifeExpectancyRow,
  lifeExpectancy,
} from '@healthhub/stats/life-expectancy';
import { rNumberText } from '@healthhub/stats/life-expectancy-start-age';
import {
  LIFE_EXPECTANCY_DEFAULT_AGE_CONTENTS,
  lifeExpectancyValidate,
} from '@healthhub/stats/life-expectancy-validate';
import {
  type LifeExpectancySuppressionCode,
  lifeExpectancyWarnings,
} from '@healthhub/stats/life-expectancy-warnings';
import { CalcInputError } from '../calc-input-error.js';
import type { CalcMethod, CalcOutput } from '../calc-method.js';
import type { Cell } from '../csv-output.js';
import type { CsvTable } from '../csv-table.js';
import { groupRows } from '../group-rows.js';
import { inputFields, keptColumns } from '../input-fields.js';
import { pick, withRowContext } from '../per-group.js';
import { numericColumn, textColumn } from '../table-column.js';

type Band = number | string;

export const lifeExpectancyMethod: CalcMethod = {
  summary: 'life expectancy at each age band (Chiang II, Silcocks limits), as phe_life_expectancy',
  takesConfidence: true,
  takesMultiplier: false,
  options: {
    deaths: { type: 'string' },
    population: { type: 'string' },
    startage: { type: 'string' },
    'age-contents': { type: 'string' },
    'le-age': { type: 'string' },
    type: { type: 'string' },
  },
  help: `Life expectancy at the start of each age band, with confidence limits: phe_life_expectancy (abridged
life table by Chiang's method II, Silcocks' variance for the open 90+ band). Each group (or the whole file
without --group-by) needs the 20 bands 0, 1-4, 5-9, ..., 85-89, 90+, in any order.

Column options (defaults in brackets):
  --deaths COLUMN        deaths in each age band [deaths]
  --population COLUMN    population (person-years) in each age band [population]
  --startage COLUMN      each row's age band: a start age (0, 1, 5, ...) or a label ("10 - 14", "90 +"),
                         read as R does (the first run of digits) [startage]
  --age-contents LIST    the age bands in ascending order, comma-separated, as written in the startage
                         column [0,1,5,10,15,20,25,30,35,40,45,50,55,60,65,70,75,80,85,90]. The distinct
                         startage values of the whole file must be exactly these
  --le-age LIST          all, or the age bands to return, comma-separated [all]
  --type TYPE            full, or standard (no pops_used, dths_used, confidence, statistic, method) [full]
  --confidence C         one or more levels, comma-separated, e.g. 0.95,0.998 [0.95]

A group is suppressed (value and limits empty, with R's warning) for negative deaths, a population <= 0,
not exactly 20 rows, deaths > population, or a total population <= 5,000. A value whose 95% interval is
wider than 20 years is left empty (its limits kept). Warnings go to stderr, each once.

Output: one row per input row (per --le-age band), in age order within each group, groups in order of
their keys, then the suppressed groups (ordered by the check that suppressed them). The input columns first
except the deaths and population columns, as R drops them; then value, lowercl, uppercl (with several levels
lower95_0cl, lower99_8cl, ..., upper95_0cl, upper99_8cl, ...), pops_used, dths_used, confidence, statistic,
method. Without --group-by, a suppressed file keeps every input column and gets only value, lowercl and
uppercl, as R's early return does.`,
  run(context) {
    const { table, options, groupBy } = context;
    const deathsName = (options.deaths as string | undefined) ?? 'deaths';
    const populationName = (options.population as string | undefined) ?? 'population';
    const startageName = (options.startage as string | undefined) ?? 'startage';
    const deaths = numericColumn(table, deathsName, '--deaths');
    const population = numericColumn(table, populationName, '--population');
    const startage = bandColumn(textColumn(table, startageName, '--startage'));
    const ageContents =
      typeof options['age-contents'] === 'string' ? bandList(options['age-contents']) : undefined;
    const leAgeText = typeof options['le-age'] === 'string' ? options['le-age'].trim() : 'all';
    const leAge = leAgeText === 'all' ? 'all' : bandList(leAgeText);
    const type = (options.type as string | undefined) ?? 'full';
    if (type !== 'full' && type !== 'standard')
      throw new CalcInputError('BAD_OPTION', `--type must be full or standard (got '${type}')`);

    validate(table, startage, ageContents, context.confidence);
    const seen = new Set<string>();
    const settings: LifeExpectancyOptions = {
      ...(ageContents ? { ageContents } : {}),
      ...(context.confidence === undefined ? {} : { confidence: context.confidence }),
      leAge,
      type,
      checkAgeBands: false,
      onWarning: (message) => seen.add(message),
    };
    const warnAll = () => {
      for (const w of lifeExpectancyWarnings) if (seen.has(w.message)) context.warn(w.message);
    };
    const dropped = [deathsName, populationName];

    if (groupBy.length === 0) {
      let suppressed = false;
      const rows = lifeExpectancy(deaths, population, startage, {
        ...settings,
        onSuppressed: () => {
          suppressed = true;
        },
      });
      warnAll();
      // R's early return for ungrouped data keeps the deaths and population columns.
      return assemble(table, suppressed ? [] : dropped, [{ rows, index: (k) => k }]);
    }

    const groups = groupRows(table, groupBy);
    const computed: Piece[] = [];
    const suppressed: (Piece & { rank: number; order: number })[] = [];
    const ranks = lifeExpectancyWarnings.map((w) => w.code as string);
    groups.forEach((group, order) => {
      let code: LifeExpectancySuppressionCode | null = null;
      const groupStartage = Array.from(group.rows, (r) => startage[r]!);
      let inputRows: ArrayLike<number> = group.rows;
      let rows = withRowContext(context, group, () =>
        lifeExpectancy(pick(deaths, group.rows), pick(population, group.rows), groupStartage, {
          ...settings,
          grouped: true,
          onSuppressed: (c) => {
            code = c;
          },
        }),
      );
      if (code === null) {
        computed.push({ rows, index: (k) => group.rows[k]! });
        return;
      }
      // R applies unique() to the suppressed groups' rows: exact duplicate input rows go.
      const distinct = distinctRows(table, group.rows);
      if (distinct.length < group.rows.length) {
        inputRows = distinct;
        // Recomputed only for pops_used and dths_used: the group stays suppressed, its warnings already given.
        const { onWarning: _, ...quiet } = settings;
        rows = lifeExpectancy(
          pick(deaths, distinct),
          pick(population, distinct),
          Array.from(distinct, (r) => startage[r]!),
          { ...quiet, grouped: true },
        );
        for (const row of rows) blankValues(row);
      }
      const rowsOf = inputRows;
      suppressed.push({ rows, index: (k) => rowsOf[k]!, rank: ranks.indexOf(code), order });
    });
    suppressed.sort((a, b) => a.rank - b.rank || a.order - b.order);
    warnAll();
    return assemble(table, dropped, [...computed, ...suppressed]);
  },
};

/** One group's result rows and how to find the input row (file index) of each. */
interface Piece {
  readonly rows: readonly LifeExpectancyRow[];
  readonly index: (row: number) => number;
}

/**
 * The output: each result row's input row (its columns but those in `drop`, and those the results replace),
 * then the result columns.
 */
function assemble(table: CsvTable, drop: readonly string[], pieces: readonly Piece[]): CalcOutput {
  const first = pieces.find((p) => p.rows.length > 0)?.rows[0];
  const resultHeader = first ? Object.keys(first).filter((k) => k !== 'row') : [];
  const kept = keptColumns(table, [...drop, ...resultHeader]);
  const out: Cell[][] = [];
  for (const piece of pieces) {
    for (const result of piece.rows) {
      const row = inputFields(table, piece.index(result.row), kept);
      for (let k = 0; k < resultHeader.length; k++) row.push(result[resultHeader[k]!]);
      out.push(row);
    }
  }
  return { header: [...kept.map((j) => table.header[j]!), ...resultHeader], rows: out };
}

/** Suppression: the value and every limit missing. */
function blankValues(row: LifeExpectancyRow): void {
  for (const key of Object.keys(row)) {
    if (key === 'value' || key.startsWith('lower') || key.startsWith('upper')) row[key] = Number.NaN;
  }
}

/** The rows of a group without exact duplicates (every field equal), first occurrences kept. */
function distinctRows(table: CsvTable, rows: Int32Array): Int32Array {
  const seen = new Set<string>();
  const out: number[] = [];
  const width = table.header.length;
  for (const r of rows) {
    let key = '';
    for (let j = 0; j < width; j++) key += `${table.field(r, j)}\u0000`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return Int32Array.from(out);
}

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** The startage column as R's read.csv types it: numbers when every field is a number or missing, else text. */
function bandColumn(fields: string[]): Band[] {
  const numeric = fields.every((f) => f === '' || f === 'NA' || NUMBER.test(f));
  if (!numeric) return fields;
  return fields.map((f) => (f === '' || f === 'NA' ? Number.NaN : Number(f)));
}

/** A comma-separated list of age bands: numbers when every item is a number, else text (ends trimmed). */
function bandList(text: string): Band[] {
  const items = text.split(',').map((s) => s.trim());
  return items.every((s) => NUMBER.test(s)) ? items.map(Number) : items;
}

function bandText(band: Band): string {
  return typeof band === 'number' ? rNumberText(band) : band;
}

/**
 * phe_life_expectancy's argument checks, once for the whole file (R checks the age bands on the whole data).
 * A startage value that is not one of the age bands names its line; a band absent from the file is named.
 */
function validate(
  table: CsvTable,
  startage: readonly Band[],
  ageContents: readonly Band[] | undefined,
  confidence: number | number[] | undefined,
): void {
  try {
    lifeExpectancyValidate(startage, {
      ...(ageContents ? { ageContents } : {}),
      ...(confidence === undefined ? {} : { confidence }),
    });
  } catch (error) {
    if (!(error instanceof StatsInputError)) throw error;
    if (error.code !== 'AGE_BANDS_MISMATCH') {
      const option = error.code.startsWith('AGE_CONTENTS') ? '--age-contents' : '--confidence';
      throw new CalcInputError(error.code, `${option}: ${error.message}`);
    }
    const contents = new Set((ageContents ?? LIFE_EXPECTANCY_DEFAULT_AGE_CONTENTS).map(bandText));
    for (let i = 0; i < startage.length; i++) {
      const band = startage[i]!;
      if (typeof band === 'number' && Number.isNaN(band)) continue;
      if (!contents.has(bandText(band))) {
        throw new CalcInputError(
          error.code,
          `${error.message} ('${bandText(band)}' is not one of --age-contents)`,
          table.lines[i],
        );
      }
    }
    const present = new Set(
      startage.filter((b) => !(typeof b === 'number' && Number.isNaN(b))).map(bandText),
    );
    const missing = [...contents].filter((b) => !present.has(b));
    const detail = missing.length
      ? ` (no row has the age band${missing.length === 1 ? '' : 's'} ${missing.join(', ')})`
      : ' (--age-contents lists a band twice)';
    throw new CalcInputError(error.code, `${error.message}${detail}`);
  }
}
