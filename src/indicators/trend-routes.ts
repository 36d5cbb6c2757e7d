import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import { PageParameterError } from '../app/page-parameter-error.js';
import { parsePageParameters } from '../app/parse-page-parameters.js';
import { sendChartImage } from '../app/send-chart-image.js';
import { sendCsv } from '../app/send-csv.js';
import { findArea } from '../areas/area-queries.js';
import { ENGLAND, LONDON } from '../areas/london-areas.js';
import { renderTrendChart } from '../charts/trend-chart.js';
import type { Database } from '../db/database.js';
import { findIndicator, type IndicatorSummary } from './indicator-queries.js';
import { parseCodeList } from './parse-code-list.js';
import { listTrendSeries, type TrendSeries } from './value-queries.js';

/** More lines than this cannot be told apart: the chart has six distinct colour, dash and marker styles. */
const MAX_AREAS = 6;

const trendQuery = z.strictObject({
  areas: z.string().max(200).optional(),
  sex: z.string().max(40).optional(),
  age: z.string().max(80).optional(),
});
const idParam = z.strictObject({ id: z.string().regex(/^[1-9][0-9]{0,8}$/, 'is not an indicator id') });
const gss = /^[EWSNK][0-9]{8}$/;

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const fmt = (x: number | null) => (x === null ? '' : number.format(x));

/** One indicator's series for the chosen areas, sex and age, as the page, chart and downloads show them. */
async function loadTrend(database: Database, params: unknown, query: unknown) {
  const { id } = parsePageParameters(idParam, params);
  const options = parsePageParameters(trendQuery, query);
  const areaCodes =
    options.areas === undefined
      ? [LONDON, ENGLAND]
      : parseCodeList('areas', options.areas, {
          pattern: gss,
          what: 'an ONS area code (such as E12000007)',
          max: MAX_AREAS,
        });
  const indicator = await findIndicator(database.db, Number(id));
  if (!indicator) throw new PageNotFoundError(`no indicator ${id}`);
  const found = await Promise.all(areaCodes.map((code) => findArea(database.db, code)));
  const unknown = areaCodes.filter((_, i) => found[i] === null);
  if (unknown.length > 0) throw new PageNotFoundError(`no area ${unknown.join(', ')}`);

  // Every series of these areas, so that the page can offer the sexes and ages there are; one is drawn.
  const all = (await listTrendSeries(database.db, { indicatorId: indicator.id, areaCodes })).filter(
    (s) => s.categoryType === '' && s.category === '',
  );
  const sexes = [...new Set(all.map((s) => s.sex))].sort();
  const sex = options.sex ?? (sexes.includes('Persons') ? 'Persons' : (sexes[0] ?? null));
  if (options.sex !== undefined && !sexes.includes(options.sex)) {
    throw new PageParameterError('sex', `this indicator has no values for ‘${options.sex}’ in these areas`);
  }
  const ages = [...new Set(all.filter((s) => s.sex === sex).map((s) => s.age))].sort();
  const age = options.age ?? ages[0] ?? null;
  if (options.age !== undefined && !ages.includes(options.age)) {
    throw new PageParameterError('age', `this indicator has no values for ‘${options.age}’ in these areas`);
  }
  const chosen = all.filter((s) => s.sex === sex && s.age === age);
  const periods = [
    ...new Map(
      chosen
        .flatMap((s) => s.points)
        .sort((a, b) => a.periodSort - b.periodSort || a.period.localeCompare(b.period))
        .map((p) => [p.period, p.period]),
    ).keys(),
  ];
  // Areas with no values keep their place (and a column of blanks), so that a missing area shows as missing.
  const areas = areaCodes.map((code, i) => ({
    code,
    name: found[i]!.name,
    series: chosen.find((s) => s.areaCode === code) ?? null,
  }));
  const search = new URLSearchParams(
    Object.entries(options).filter((e): e is [string, string] => typeof e[1] === 'string'),
  )
    .toString()
    // Commas may stand in a query unescaped, and keep the download links readable.
    .replaceAll('%2C', ',');
  return {
    indicator,
    areas,
    periods,
    sexes,
    ages,
    sex,
    age,
    demo: indicator.demo || chosen.some((s) => s.demo),
    query: search ? `?${search}` : '',
  };
}
type Trend = Awaited<ReturnType<typeof loadTrend>>;

function method(indicator: IndicatorSummary): string {
  return `${indicator.method ?? indicator.valueType}; error bars are 95% confidence intervals; recent trends as computed by healthhub over the latest periods`;
}

function periodText(trend: Trend): string {
  const { periods } = trend;
  const span =
    periods.length === 0
      ? 'no periods'
      : periods.length === 1
        ? periods[0]!
        : `${periods[0]} to ${periods[periods.length - 1]}`;
  return [span, trend.sex, trend.age].filter(Boolean).join(', ');
}

function chart(trend: Trend): string {
  const { indicator } = trend;
  return renderTrendChart({
    id: 'trend',
    title: `${indicator.name}${indicator.unit ? ` (${indicator.unit})` : ''}, ${periodText(trend)}`,
    source: indicator.source ?? 'not recorded',
    period: periodText(trend),
    method: method(indicator),
    unit: indicator.unit ?? '',
    periods: trend.periods,
    series: trend.areas.map((a) => ({
      label: a.name,
      points: (a.series?.points ?? []).map((p) => ({
        period: p.period,
        value: p.value,
        lower95: p.lower95,
        upper95: p.upper95,
      })),
    })),
  });
}

/** The latest period an area has a value for, and the recent trend computed for it. */
function latest(series: TrendSeries | null) {
  const point = series?.points.filter((p) => p.value !== null).at(-1);
  return { period: point?.period ?? null, trend: series?.trend ?? null };
}

/**
 * /indicators/{id}/trend: one indicator over time for one to six areas (London and England unless
 * `areas` names others), one sex and age: a line chart with 95% intervals, each area's recent trend in words,
 * and a table of periods by areas; the data as CSV and JSON, the chart as SVG and PNG.
 */
export async function trendRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  const { database } = options;

  app.get('/indicators/:id/trend', async (request, reply) => {
    const trend = await loadTrend(database, request.params, request.query);
    const byArea = trend.areas.map((a) => new Map((a.series?.points ?? []).map((p) => [p.period, p])));
    return reply.view('indicators/trend.njk', {
      title: `${trend.indicator.name} over time`,
      indicator: trend.indicator,
      areas: trend.areas.map((a) => ({ code: a.code, name: a.name, ...latest(a.series) })),
      areaCodes: trend.areas.map((a) => a.code).join(','),
      sexes: trend.sexes,
      ages: trend.ages,
      sex: trend.sex,
      age: trend.age,
      periodText: periodText(trend),
      chart: trend.periods.length > 0 ? chart(trend) : null,
      rows: trend.periods.map((period) => ({
        period,
        cells: byArea.map((points) => {
          const p = points.get(period);
          return {
            value: fmt(p?.value ?? null),
            interval:
              p && p.lower95 !== null && p.upper95 !== null ? `${fmt(p.lower95)} to ${fmt(p.upper95)}` : '',
          };
        }),
      })),
      method: method(trend.indicator),
      query: trend.query,
      demo: trend.demo,
    });
  });

  app.get('/indicators/:id/trend.:format', async (request, reply) => {
    const { id, format } = request.params as { id: string; format: string };
    if (!['csv', 'json', 'svg', 'png'].includes(format)) throw new PageNotFoundError(`no trend.${format}`);
    const trend = await loadTrend(database, { id }, request.query);
    const { indicator } = trend;
    reply.header('cache-control', 'public, max-age=300');
    if (format === 'svg' || format === 'png') {
      return sendChartImage(reply, chart(trend), format, `indicator-${indicator.id}-trend`);
    }
    const rows = trend.areas.flatMap((a) =>
      (a.series?.points ?? []).map((p, i, all) => ({
        areaCode: a.code,
        areaName: a.name,
        period: p.period,
        value: p.value,
        lower95: p.lower95,
        upper95: p.upper95,
        lower998: p.lower998,
        upper998: p.upper998,
        note: p.note,
        comparedToEngland: p.comparedToEngland,
        // The recent trend belongs to the latest period: it is computed from the periods up to it.
        trend: i === all.length - 1 ? (a.series?.trend ?? null) : null,
        demo: a.series?.demo ?? false,
      })),
    );
    if (format === 'json') {
      return reply
        .header('content-disposition', `attachment; filename="indicator-${indicator.id}-trend.json"`)
        .send({
          indicator: {
            id: indicator.id,
            name: indicator.name,
            unit: indicator.unit,
            polarity: indicator.polarity,
          },
          sex: trend.sex,
          age: trend.age,
          periods: trend.periods,
          demo: trend.demo,
          source: indicator.source,
          method: indicator.method,
          data: rows,
        });
    }
    const header =
      'Indicator ID,Indicator Name,Area Code,Area Name,Sex,Age,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Value note,Recent Trend,Compared to England value or percentiles,Demonstration data';
    const lines = rows.map((r) => [
      indicator.id,
      indicator.name,
      r.areaCode,
      r.areaName,
      trend.sex,
      trend.age,
      r.period,
      r.value,
      r.lower95,
      r.upper95,
      r.lower998,
      r.upper998,
      r.note,
      r.trend,
      r.comparedToEngland,
      r.demo ? 'yes' : 'no',
    ]);
    return sendCsv(reply, `indicator-${indicator.id}-trend.csv`, header, lines);
  });
}
