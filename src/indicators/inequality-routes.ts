import { StatsInputError, sii } from '@healthhub/stats';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import { PageParameterError } from '../app/page-parameter-error.js';
import { parsePageParameters } from '../app/parse-page-parameters.js';
import { sendChartImage } from '../app/send-chart-image.js';
import { sendCsv } from '../app/send-csv.js';
import { findArea } from '../areas/area-queries.js';
import { LONDON } from '../areas/london-areas.js';
import { renderBarChart } from '../charts/bar-chart.js';
import type { Database } from '../db/database.js';
import { deprivationRank } from './deprivation-rank.js';
import { findIndicator, type IndicatorSummary } from './indicator-queries.js';
import { listValues, type ValueRow } from './value-queries.js';

const inequalityQuery = z.strictObject({
  area: z
    .string()
    .regex(/^[EWSNK][0-9]{8}$/, 'is not an ONS area code (such as E12000007)')
    .optional(),
  period: z.string().min(1).max(40).optional(),
  /** Which chart an SVG or PNG download is of: sex, age, or c1, c2… for the category types in page order. */
  chart: z
    .string()
    .regex(/^(sex|age|c[1-9][0-9]?)$/, 'is not a chart of this page')
    .optional(),
});
const idParam = z.strictObject({ id: z.string().regex(/^[1-9][0-9]{0,8}$/, 'is not an indicator id') });

/** The seed of the SII's simulated limits, so that the page gives the same limits each time. */
export const SII_SEED = 20190926;
export const SII_REPETITIONS = 10000;

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const fmt = (x: number | null) => (x === null ? '' : number.format(x));
const index = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3, minimumFractionDigits: 3 });
/** How the page writes an SII or RII figure (three decimals). */
export const formatIndex = (x: number) => index.format(x);

/** A breakdown of one period's values: by sex, by age, or by the categories of one category type. */
interface Section {
  key: string;
  kind: 'sex' | 'age' | 'category';
  heading: string;
  categoryType: string;
  sex: string;
  age: string;
  rows: ValueRow[];
  inequality: Inequality | null;
}

/** SII and RII of a deprivation breakdown, or why they cannot be computed. */
type Inequality =
  | {
      computed: true;
      sii: number;
      siiLower: number;
      siiUpper: number;
      rii: number;
      riiLower: number;
      riiUpper: number;
    }
  | { computed: false; reason: string };

const sexOrder = (s: string) => ['Persons', 'Male', 'Female'].indexOf(s) + 1 || 4;
const byText = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** valueType for `sii`: 2 proportions, 1 rates, 0 otherwise. */
export function siiValueType(indicator: IndicatorSummary): 0 | 1 | 2 {
  if (indicator.valueType === 'proportion') return 2;
  return ['crude-rate', 'dsr', 'isr'].includes(indicator.valueType) ? 1 : 0;
}

/** What proportions are stored per (100 for percentages); 1 for other value types. */
export function siiScale(indicator: IndicatorSummary): number {
  return siiValueType(indicator) === 2 ? (indicator.multiplier ?? 100) : 1;
}

/** A deprivation breakdown by deciles or quintiles: its name says deprivation, its labels say decile or quintile or rank. */
function isDeprivation(categoryType: string, rows: readonly ValueRow[]): boolean {
  return (
    /deprivation/i.test(categoryType) &&
    rows.some((r) => /decile|quintile/i.test(r.category) || deprivationRank(r.category) !== null)
  );
}

function inequality(indicator: IndicatorSummary, rows: readonly ValueRow[]): Inequality {
  const unranked = rows.filter((r) => deprivationRank(r.category) === null).map((r) => `‘${r.category}’`);
  if (unranked.length > 0) {
    return {
      computed: false,
      reason: `healthhub cannot tell the deprivation rank of ${unranked.join(', ')}.`,
    };
  }
  const ranks = rows.map((r) => deprivationRank(r.category)!);
  if (
    new Set(ranks).size !== ranks.length ||
    ![5, 10].includes(ranks.length) ||
    Math.max(...ranks) !== ranks.length
  ) {
    return {
      computed: false,
      reason: `the categories are not a complete set of deciles or quintiles (${ranks.length} categories).`,
    };
  }
  const missing = rows
    .filter((r) => r.value === null || r.denominator === null || r.lower95 === null || r.upper95 === null)
    .map((r) => `‘${r.category}’`);
  if (missing.length > 0) {
    return {
      computed: false,
      reason: `${missing.join(', ')} ${missing.length === 1 ? 'lacks' : 'lack'} a value, a denominator or confidence limits.`,
    };
  }
  // phe_sii takes proportions between 0 and 1; Fingertips stores them per 100 (the indicator's multiplier), so
  // they are scaled down for the fit and the SII scaled back up.
  const scale = siiScale(indicator);
  try {
    const result = sii(
      {
        quantile: ranks,
        population: rows.map((r) => r.denominator!),
        value: rows.map((r) => r.value! / scale),
        lowerCl: rows.map((r) => r.lower95! / scale),
        upperCl: rows.map((r) => r.upper95! / scale),
      },
      {
        valueType: siiValueType(indicator),
        multiplier: scale,
        rii: true,
        confidence: 0.95,
        seed: SII_SEED,
        repetitions: SII_REPETITIONS,
        type: 'standard',
      },
    );
    if (result === null) return { computed: false, reason: 'there are too few categories.' };
    return {
      computed: true,
      sii: result.sii,
      siiLower: Number(result.sii_lower95_0cl),
      siiUpper: Number(result.sii_upper95_0cl),
      rii: Number(result.rii),
      riiLower: Number(result.rii_lower95_0cl),
      riiUpper: Number(result.rii_upper95_0cl),
    };
  } catch (error) {
    if (error instanceof StatsInputError) return { computed: false, reason: `${error.message}.` };
    throw error;
  }
}

/** Every value of one indicator for one area, a page at a time. */
async function allValues(database: Database, indicatorId: number, area: string): Promise<ValueRow[]> {
  const values: ValueRow[] = [];
  let afterId: number | undefined;
  for (;;) {
    const page = await listValues(
      database.db,
      { indicatorId, areaCodes: [area] },
      afterId === undefined ? { limit: 5000 } : { limit: 5000, afterId },
    );
    values.push(...page.values);
    if (page.nextId === null) return values;
    afterId = page.nextId;
  }
}

/** One indicator's breakdowns for one area and period, as the page, charts and downloads show them. */
async function loadInequalities(database: Database, params: unknown, query: unknown) {
  const { id } = parsePageParameters(idParam, params);
  const options = parsePageParameters(inequalityQuery, query);
  const areaCode = options.area ?? LONDON;
  const indicator = await findIndicator(database.db, Number(id));
  if (!indicator) throw new PageNotFoundError(`no indicator ${id}`);
  const area = await findArea(database.db, areaCode);
  if (!area) throw new PageNotFoundError(`no area ${areaCode}`);

  const all = await allValues(database, indicator.id, areaCode);
  const periods = [...new Map(all.map((v) => [v.period, v.periodSort])).entries()].sort(
    (a, b) => a[1] - b[1] || a[0].localeCompare(b[0]),
  );
  const period = options.period ?? periods.at(-1)?.[0] ?? null;
  if (options.period !== undefined && !periods.some(([p]) => p === options.period)) {
    throw new PageParameterError(
      'period',
      `this indicator has no values for ${area.name} in ‘${options.period}’`,
    );
  }
  const values = all.filter((v) => v.period === period);
  const plain = values.filter((v) => v.categoryType === '' && v.category === '');
  const sections: Section[] = [];

  const firstAge = [...new Set(plain.map((v) => v.age))].sort(byText)[0];
  const bySex = plain
    .filter((v) => v.age === firstAge)
    .sort((a, b) => sexOrder(a.sex) - sexOrder(b.sex) || byText(a.sex, b.sex));
  if (new Set(bySex.map((v) => v.sex)).size >= 2) {
    sections.push({
      key: 'sex',
      kind: 'sex',
      heading: 'By sex',
      categoryType: '',
      sex: '',
      age: firstAge!,
      rows: bySex,
      inequality: null,
    });
  }
  const sexes = [...new Set(plain.map((v) => v.sex))].sort(
    (a, b) => sexOrder(a) - sexOrder(b) || byText(a, b),
  );
  const mainSex = sexes[0];
  const byAge = plain.filter((v) => v.sex === mainSex).sort((a, b) => byText(a.age, b.age));
  if (new Set(byAge.map((v) => v.age)).size >= 2) {
    sections.push({
      key: 'age',
      kind: 'age',
      heading: 'By age',
      categoryType: '',
      sex: mainSex!,
      age: '',
      rows: byAge,
      inequality: null,
    });
  }
  const types = [...new Set(values.filter((v) => v.categoryType !== '').map((v) => v.categoryType))].sort(
    byText,
  );
  types.forEach((type, i) => {
    const ofType = values.filter((v) => v.categoryType === type);
    const typeSex = [...new Set(ofType.map((v) => v.sex))].sort(
      (a, b) => sexOrder(a) - sexOrder(b) || byText(a, b),
    )[0]!;
    const typeAge = [...new Set(ofType.filter((v) => v.sex === typeSex).map((v) => v.age))].sort(byText)[0]!;
    const rows = ofType.filter((v) => v.sex === typeSex && v.age === typeAge);
    const ranked = rows.every((r) => deprivationRank(r.category) !== null);
    rows.sort((a, b) =>
      ranked ? deprivationRank(a.category)! - deprivationRank(b.category)! : byText(a.category, b.category),
    );
    sections.push({
      key: `c${i + 1}`,
      kind: 'category',
      heading: `By ${type}`,
      categoryType: type,
      sex: typeSex,
      age: typeAge,
      rows,
      inequality: isDeprivation(type, rows) ? inequality(indicator, rows) : null,
    });
  });

  const search = new URLSearchParams({
    area: areaCode,
    ...(options.period ? { period: options.period } : {}),
  });
  return {
    indicator,
    area,
    period,
    periods: periods.map(([p]) => p),
    sections,
    chart: options.chart,
    demo: indicator.demo || values.some((v) => v.demo),
    query: `?${search.toString()}`,
  };
}
type Inequalities = Awaited<ReturnType<typeof loadInequalities>>;

function method(indicator: IndicatorSummary): string {
  return `${indicator.method ?? indicator.valueType}; error bars are 95% confidence intervals; slope and relative indices of inequality by phe_sii's method (weighted regression on the population's deprivation rank, limits from ${SII_REPETITIONS.toLocaleString('en-GB')} simulations)`;
}

function label(section: Section, row: ValueRow): string {
  return section.kind === 'sex' ? row.sex : section.kind === 'age' ? row.age : row.category;
}

function sectionPeriod(data: Inequalities, section: Section): string {
  return [data.period, section.sex, section.age].filter(Boolean).join(', ');
}

function chart(data: Inequalities, section: Section): string {
  const { indicator } = data;
  return renderBarChart({
    id: `inequalities-${section.key}`,
    title: `${indicator.name}${indicator.unit ? ` (${indicator.unit})` : ''}, ${data.area.name}, ${section.heading.toLowerCase()}, ${sectionPeriod(data, section)}`,
    source: indicator.source ?? 'not recorded',
    period: sectionPeriod(data, section),
    method: method(indicator),
    unit: indicator.unit ?? '',
    sort: 'none',
    benchmarks: [],
    rows: section.rows.map((r, i) => ({
      code: `${section.key}-${i}`,
      label: label(section, r),
      value: r.value,
      lower95: r.lower95,
      upper95: r.upper95,
      significance: r.comparedToEngland ?? 'Not compared',
    })),
  });
}

/**
 * /indicators/{id}/inequalities: one indicator for one area (London unless `area` names another) and one
 * period (its latest unless `period` names another), broken down by sex, by age and by each category type
 * (deprivation deciles, ethnic groups…), each as a bar chart and a table; for deprivation breakdowns the slope
 * and relative indices of inequality. The data as CSV and JSON, each chart as SVG and PNG (`chart`).
 */
export async function inequalityRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  const { database } = options;

  app.get('/indicators/:id/inequalities', async (request, reply) => {
    const data = await loadInequalities(database, request.params, request.query);
    return reply.view('indicators/inequalities.njk', {
      title: `${data.indicator.name}: inequalities`,
      indicator: data.indicator,
      area: data.area,
      period: data.period,
      periods: data.periods,
      sections: data.sections.map((s) => ({
        key: s.key,
        heading: s.heading,
        columnHeading: s.kind === 'sex' ? 'Sex' : s.kind === 'age' ? 'Age' : 'Category',
        periodText: sectionPeriod(data, s),
        chart: chart(data, s),
        rows: s.rows.map((r) => ({
          label: label(s, r),
          value: fmt(r.value),
          lower95: fmt(r.lower95),
          upper95: fmt(r.upper95),
          count: r.count === null ? '' : r.count.toLocaleString('en-GB'),
          denominator: r.denominator === null ? '' : r.denominator.toLocaleString('en-GB'),
          comparison: r.comparedToEngland ?? 'Not compared',
        })),
        deprivation: s.inequality !== null,
        inequality:
          s.inequality?.computed === true
            ? {
                sii: formatIndex(s.inequality.sii),
                siiLower: formatIndex(s.inequality.siiLower),
                siiUpper: formatIndex(s.inequality.siiUpper),
                rii: formatIndex(s.inequality.rii),
                riiLower: formatIndex(s.inequality.riiLower),
                riiUpper: formatIndex(s.inequality.riiUpper),
              }
            : null,
        reason: s.inequality?.computed === false ? s.inequality.reason : null,
      })),
      hasDeprivation: data.sections.some((s) => s.inequality !== null),
      method: method(data.indicator),
      query: data.query,
      demo: data.demo,
    });
  });

  app.get('/indicators/:id/inequalities.:format', async (request, reply) => {
    const { id, format } = request.params as { id: string; format: string };
    if (!['csv', 'json', 'svg', 'png'].includes(format))
      throw new PageNotFoundError(`no inequalities.${format}`);
    const data = await loadInequalities(database, { id }, request.query);
    const { indicator } = data;
    reply.header('cache-control', 'public, max-age=300');
    if (format === 'svg' || format === 'png') {
      const key = data.chart ?? data.sections[0]?.key;
      const section = data.sections.find((s) => s.key === key);
      if (!section) throw new PageNotFoundError(`no chart ${key ?? ''} of these inequalities`);
      return sendChartImage(
        reply,
        chart(data, section),
        format,
        `indicator-${indicator.id}-inequalities-${section.key}`,
      );
    }
    const name = `indicator-${indicator.id}-inequalities-${data.area.code}`;
    if (format === 'json') {
      return reply.header('content-disposition', `attachment; filename="${name}.json"`).send({
        indicator: {
          id: indicator.id,
          name: indicator.name,
          unit: indicator.unit,
          valueType: indicator.valueType,
        },
        area: { code: data.area.code, name: data.area.name },
        period: data.period,
        demo: data.demo,
        source: indicator.source,
        method: method(indicator),
        sections: data.sections.map((s) => ({
          breakdown: s.kind,
          categoryType: s.categoryType,
          inequality: s.inequality,
          data: s.rows.map((r) => ({
            sex: r.sex,
            age: r.age,
            category: r.category,
            value: r.value,
            lower95: r.lower95,
            upper95: r.upper95,
            count: r.count,
            denominator: r.denominator,
            comparedToEngland: r.comparedToEngland,
            demo: r.demo,
          })),
        })),
      });
    }
    const header =
      'Indicator ID,Indicator Name,Area Code,Area Name,Time period,Breakdown,Sex,Age,Category Type,Category,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Count,Denominator,Compared to England value or percentiles,Demonstration data';
    const lines = data.sections.flatMap((s) =>
      s.rows.map((r) => [
        indicator.id,
        indicator.name,
        data.area.code,
        data.area.name,
        r.period,
        s.kind,
        r.sex,
        r.age,
        r.categoryType,
        r.category,
        r.value,
        r.lower95,
        r.upper95,
        r.count,
        r.denominator,
        r.comparedToEngland,
        r.demo ? 'yes' : 'no',
      ]),
    );
    return sendCsv(reply, `${name}.csv`, header, lines);
  });
}
