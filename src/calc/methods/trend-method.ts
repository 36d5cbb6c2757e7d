// Single-module imports keep the command's start-up to the modules it needs.
import type { ComparePolarity } from '@healthhub/stats/compare-polarity';
import {
  type RecentTrendMethod,
  type RecentTrendValueType,
  recentTrend,
  type TrendPoint,
} from '@healthhub/stats/recent-trend';
import { CalcInputError } from '../calc-input-error.js';
import type { CalcMethod } from '../calc-method.js';
import type { Cell } from '../csv-output.js';
import type { CsvTable } from '../csv-table.js';
import { parseChoiceOption } from '../parse-choice-option.js';
import { parseNumberOption } from '../parse-number-option.js';
import { perGroup } from '../per-group.js';
import { numericColumn, textColumn } from '../table-column.js';

const METHODS = ['weighted-regression', 'logit'] as const satisfies readonly RecentTrendMethod[];
const POLARITIES = [
  'high-is-good',
  'low-is-good',
  'no-judgement',
] as const satisfies readonly ComparePolarity[];
const VALUE_TYPES = [
  'proportion',
  'crude-rate',
  'dsr',
  'isr',
  'isp',
  'count',
  'life-expectancy',
  'score',
  'other',
] as const satisfies readonly RecentTrendValueType[];

export const trendMethod: CalcMethod = {
  summary: "Fingertips' recent trend (increasing / decreasing over the five latest periods)",
  takesConfidence: false,
  takesMultiplier: false,
  options: {
    period: { type: 'string' },
    value: { type: 'string' },
    lowercl: { type: 'string' },
    uppercl: { type: 'string' },
    count: { type: 'string' },
    denominator: { type: 'string' },
    method: { type: 'string' },
    polarity: { type: 'string' },
    'value-type': { type: 'string' },
    'year-range': { type: 'string' },
  },
  help: `Fingertips' recent trend marker per group (fingertips-open's TrendMarkerCalculator; PHEindicatormethods
has no such function): whether the indicator has increased or decreased significantly over its five most
recent periods (chi-squared > 9.5495, the 99.8% point on 1 df, and no single point reversing the slope).
The rows of a group are its time periods: one row per period, sorted by --period (numerically when every
period in the file is a number, otherwise as text by code point, so use sortable labels such as 2015,
2015/16 or Fingertips' "Time period Sortable"). A period repeated within a group, or empty, is an error.

Column options (defaults in brackets):
  --period COLUMN              the time period of each row [period]
  --value COLUMN               the indicator value [value]
  --lowercl COLUMN             lower 95% confidence limit (weighted-regression) [lowercl]
  --uppercl COLUMN             upper 95% confidence limit (weighted-regression) [uppercl]
  --count COLUMN               numerator [count]
  --denominator COLUMN         denominator [denominator]
Other options:
  --method M                   weighted-regression (value on time, weighted by the inverse variance from
                               the 95% interval; Fingertips' method for every comparator except SPC for
                               proportions) or logit (chi-squared test for trend in proportions, from the
                               counts) [weighted-regression]
  --polarity P                 high-is-good, low-is-good or no-judgement: labels a trend as getting better
                               or worse [no-judgement]
  --value-type T               proportion, crude-rate, dsr, isr, isp, count, life-expectancy, score or
                               other; only proportions, crude rates and DSRs are trended, as in Fingertips
                               [none: every series is trended]
  --year-range N               years each period covers; only 1 is trended [1]

Output: the group columns, then trend (Increasing, Decreasing, No significant change, Cannot be
calculated), recent_trend (Fingertips' text, e.g. "Decreasing and getting better"), trend_code (0 cannot
be calculated, 1 increasing, 2 decreasing, 3 no change), chi_squared, slope (per period), points_used,
reason_code and reason (why it could not be calculated).`,
  run(context) {
    const { table, options } = context;
    const method = parseChoiceOption(options.method, '--method', METHODS, 'weighted-regression');
    const polarity = parseChoiceOption(options.polarity, '--polarity', POLARITIES, 'no-judgement');
    const valueType = parseChoiceOption(options['value-type'], '--value-type', VALUE_TYPES);
    const yearRange = parseNumberOption(options['year-range'], '--year-range');
    const name = (option: string, fallback: string): string => {
      const v = options[option];
      return typeof v === 'string' ? v : fallback;
    };
    const period = periodColumn(table, name('period', 'period'));
    const value = numericColumn(table, name('value', 'value'), '--value');
    const count = numericColumn(table, name('count', 'count'), '--count');
    const denominator = numericColumn(table, name('denominator', 'denominator'), '--denominator');
    // The logit method uses counts only: the limits are read for it only when named.
    const limits =
      method === 'weighted-regression' || options.lowercl !== undefined || options.uppercl !== undefined;
    const lowercl = limits ? numericColumn(table, name('lowercl', 'lowercl'), '--lowercl') : undefined;
    const uppercl = limits ? numericColumn(table, name('uppercl', 'uppercl'), '--uppercl') : undefined;
    const trendOptions = {
      method,
      polarity,
      ...(valueType === undefined ? {} : { valueType }),
      ...(yearRange === undefined ? {} : { yearRange }),
    };

    return perGroup(context, (rows, group) => {
      const order = Int32Array.from(rows).sort(period.compare);
      const points: TrendPoint[] = new Array(order.length);
      for (let k = 0; k < order.length; k++) {
        const i = order[k]!;
        if (k > 0 && period.compare(order[k - 1]!, i) === 0) {
          const [first, second] = [order[k - 1]!, i].sort((a, b) => a - b) as [number, number];
          throw new CalcInputError(
            'DUPLICATE_PERIOD',
            `period '${period.text[i]}' appears twice in ${describeGroup(context.groupBy, group.key)} (also on line ${table.lines[first]}): give one row per period`,
            table.lines[second],
          );
        }
        points[k] = lowercl
          ? {
              value: value[i]!,
              count: count[i]!,
              denominator: denominator[i]!,
              lowercl: lowercl[i]!,
              uppercl: uppercl![i]!,
            }
          : { value: value[i]!, count: count[i]!, denominator: denominator[i]! };
      }
      return recentTrend(points, trendOptions) as unknown as Record<string, Cell>;
    });
  },
};

function describeGroup(groupBy: readonly string[], key: readonly string[]): string {
  return groupBy.length ? `group ${groupBy.map((g, j) => `${g}=${key[j]}`).join(', ')}` : 'the file';
}

/** The periods as text, and a comparison of two rows by period: numeric when every period is a number. */
function periodColumn(
  table: CsvTable,
  name: string,
): { text: string[]; compare: (a: number, b: number) => number } {
  const text = textColumn(table, name, '--period');
  let numeric = true;
  for (let i = 0; i < text.length; i++) {
    const t = text[i]!;
    if (t === '' || t === 'NA') {
      throw new CalcInputError('MISSING_PERIOD', `column '${name}' (--period) is empty`, table.lines[i]);
    }
    if (numeric && (t.trim() !== t || !Number.isFinite(Number(t)))) numeric = false;
  }
  if (numeric) {
    const numbers = numericColumn(table, name, '--period');
    return { text, compare: (a, b) => numbers[a]! - numbers[b]! };
  }
  return { text, compare: (a, b) => (text[a]! < text[b]! ? -1 : text[a]! > text[b]! ? 1 : 0) };
}
