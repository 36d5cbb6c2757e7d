import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import { parsePageParameters } from '../app/parse-page-parameters.js';
import { sendChartImage } from '../app/send-chart-image.js';
import { sendCsv } from '../app/send-csv.js';
import { findAreaBoundaries } from '../areas/boundaries/find-area-boundaries.js';
import { londonSquaredTiles } from '../areas/london-areas.js';
import { renderBarChart } from '../charts/bar-chart.js';
import { renderGeoMap } from '../charts/geo-map.js';
import { renderTileMap } from '../charts/tile-map.js';
import type { Database } from '../db/database.js';
import { type Comparison, indicatorComparison } from './indicator-comparison.js';
import { findIndicator, type IndicatorSummary, listIndicators } from './indicator-queries.js';

const gss = z.string().regex(/^[EWSNK][0-9]{8}$/, 'is not an ONS area code (such as E12000007)');
const listQuery = z.strictObject({
  q: z.string().max(200).optional(),
  areaType: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .optional()
    .or(z.literal('')),
});
const pageQuery = z.strictObject({
  parent: gss.optional(),
  areaType: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'is not an area type')
    .optional(),
  period: z.string().max(40).optional(),
  sex: z.string().max(40).optional(),
  age: z.string().max(80).optional(),
  benchmark: z.enum(['london', 'england']).optional(),
});
const idParam = z.strictObject({ id: z.string().regex(/^[1-9][0-9]{0,8}$/, 'is not an indicator id') });

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const fmt = (x: number | null) => (x === null ? '' : number.format(x));
const fmtWhole = (x: number | null) => (x === null ? '' : whole.format(x));

/** The comparison as the page, its chart, its table and its downloads show it. */
async function loadPage(database: Database, params: unknown, query: unknown) {
  const { id } = parsePageParameters(idParam, params);
  const options = parsePageParameters(pageQuery, query);
  const indicator = await findIndicator(database.db, Number(id));
  if (!indicator) throw new PageNotFoundError(`no indicator ${id}`);
  const comparison = await indicatorComparison(database.db, {
    indicatorId: indicator.id,
    ...(options.parent ? { parent: options.parent } : {}),
    ...(options.areaType ? { areaType: options.areaType } : {}),
    ...(options.period ? { period: options.period } : {}),
    ...(options.sex ? { sex: options.sex } : {}),
    ...(options.age ? { age: options.age } : {}),
  });
  const benchmark = options.benchmark ?? 'london';
  return { indicator, comparison, benchmark, options };
}

function charts(indicator: IndicatorSummary, comparison: Comparison, benchmark: 'london' | 'england') {
  const significance = (v: { comparedToLondon: string | null; comparedToEngland: string | null }) =>
    (benchmark === 'london' ? v.comparedToLondon : v.comparedToEngland) ?? 'Not compared';
  // The source line every chart and table of the page carries.
  const line = {
    source: indicator.source ?? 'not recorded',
    period: [comparison.period ?? 'no period', comparison.sex, comparison.age].filter(Boolean).join(', '),
  };
  const method = `${indicator.method ?? indicator.valueType}; compared with ${benchmark === 'london' ? 'London' : 'England'} by the 95% confidence interval`;
  const title = `${indicator.name}${indicator.unit ? ` (${indicator.unit})` : ''}, ${comparison.period ?? ''}`;
  const bar = renderBarChart({
    id: 'compare',
    title,
    source: line.source,
    period: line.period,
    method,
    unit: indicator.unit ?? '',
    rows: comparison.areas.map((a) => ({
      code: a.code,
      label: a.name,
      value: a.value,
      lower95: a.lower95,
      upper95: a.upper95,
      significance: significance(a),
    })),
    benchmarks: [
      { label: 'London', value: comparison.london?.value ?? null },
      { label: 'England', value: comparison.england?.value ?? null },
    ],
    sort: indicator.polarity === 'low-is-good' ? 'value-asc' : 'value-desc',
  });
  const byCode = new Map(comparison.areas.map((a) => [a.code, a]));
  const tiles =
    comparison.areaType === 'local-authority' && comparison.areas.some((a) => a.code.startsWith('E09'))
      ? renderTileMap({
          id: 'tiles',
          title: `${title}: London boroughs compared with ${benchmark === 'london' ? 'London' : 'England'}`,
          source: line.source,
          period: line.period,
          method,
          tiles: londonSquaredTiles.map((t) => {
            const area = byCode.get(t.areaCode);
            return {
              code: t.areaCode,
              abbreviation: t.abbreviation,
              name: area?.name ?? t.areaCode,
              x: t.x,
              y: t.y,
              significance: area ? significance(area) : 'Not compared',
              value: area?.value ?? null,
            };
          }),
        })
      : null;
  return { bar, tiles, method, significance, title, line };
}

// A map bigger than this (a few hundred districts, say) is shown as an image, so the page stays small.
const inlineMapBytes = 64 * 1024;

/**
 * The geographic map of the compared areas, when every one of them has an outline (area_boundaries); else
 * how many lack one. Its source line credits the boundaries' loads (file and credit, data_loads.source).
 */
async function geoMap(
  database: Database,
  comparison: Comparison,
  benchmark: 'london' | 'england',
  chart: ReturnType<typeof charts>,
) {
  const codes = comparison.areas.map((a) => a.code);
  const { geometries, sources } = await findAreaBoundaries(database.db, codes);
  const missing = codes.filter((code) => !geometries.has(code)).length;
  if (codes.length === 0 || missing > 0) return { map: null, missing, total: codes.length };
  const kind =
    comparison.areaType === 'icb' ? 'ICBs' : comparison.areaType === 'local-authority' ? 'boroughs' : 'areas';
  const title = `${chart.title}: ${kind} compared with ${benchmark === 'london' ? 'London' : 'England'}`;
  const svg = renderGeoMap({
    id: 'map',
    title,
    source: `${chart.line.source}; boundaries: ${sources.join('; ')}`,
    period: chart.line.period,
    method: chart.method,
    areas: comparison.areas.map((a) => ({
      code: a.code,
      name: a.name,
      significance: chart.significance(a),
      value: a.value,
      geometry: geometries.get(a.code)!,
    })),
  });
  const inline = Buffer.byteLength(svg) <= inlineMapBytes;
  return { map: { svg, inline, title, sources }, missing: 0, total: codes.length };
}

/** The table's rows: one per area, then London and England. */
function tableRows(comparison: Comparison, significance: (v: ComparisonValueLike) => string) {
  const rows = [...comparison.areas];
  if (comparison.london) rows.push(comparison.london);
  if (comparison.england) rows.push(comparison.england);
  return rows.map((a) => ({
    code: a.code,
    name: a.name,
    value: fmt(a.value),
    lower95: fmt(a.lower95),
    upper95: fmt(a.upper95),
    count: fmtWhole(a.count),
    denominator: fmtWhole(a.denominator),
    comparison: significance(a),
    note: a.note ?? '',
    raw: a,
  }));
}
type ComparisonValueLike = { comparedToLondon: string | null; comparedToEngland: string | null };

const csvHeader =
  'Indicator ID,Indicator Name,Area Code,Area Name,Sex,Age,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to London value,Demonstration data';

/**
 * /indicators (find an indicator by words and area type) and /indicators/{id} (one indicator for the areas
 * of a type under a parent, in one period: sorted bar chart with confidence intervals and benchmark lines,
 * London Squared tile map, the geographic map when every area has an outline, and the table), with the
 * table as CSV (Fingertips' columns) and JSON and the charts as SVG and PNG.
 */
export async function indicatorRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  const { database } = options;

  app.get('/indicators', async (request, reply) => {
    const query = parsePageParameters(listQuery, request.query);
    const indicators = await listIndicators(database.db, {
      ...(query.q ? { q: query.q } : {}),
      ...(query.areaType ? { areaType: query.areaType } : {}),
    });
    return reply.view('indicators/indicators.njk', {
      title: 'Indicators',
      q: query.q ?? '',
      areaType: query.areaType ?? '',
      indicators,
      demo: indicators.some((i) => i.demo),
    });
  });

  app.get('/indicators/:id', async (request, reply) => {
    const {
      indicator,
      comparison,
      benchmark,
      options: chosen,
    } = await loadPage(database, request.params, request.query);
    const chart = charts(indicator, comparison, benchmark);
    const { bar, tiles, method, significance } = chart;
    const { map, missing, total } = await geoMap(database, comparison, benchmark, chart);
    const rows = tableRows(comparison, significance);
    const search = new URLSearchParams(
      Object.entries(chosen).filter((e): e is [string, string] => typeof e[1] === 'string'),
    ).toString();
    return reply.view('indicators/indicator.njk', {
      title: indicator.name,
      indicator,
      comparison,
      benchmark,
      benchmarkName: benchmark === 'london' ? 'London' : 'England',
      bar,
      tiles,
      map,
      mapMissing: missing,
      mapAreas: total,
      method,
      rows,
      query: search ? `?${search}` : '',
      demo: indicator.demo || rows.some((r) => r.raw.demo),
    });
  });

  app.get('/indicators/:id/data.:format', async (request, reply) => {
    const { format } = request.params as { format: string };
    if (format !== 'csv' && format !== 'json') throw new PageNotFoundError(`no ${format} download`);
    const params = { id: (request.params as { id: string }).id };
    const { indicator, comparison, benchmark } = await loadPage(database, params, request.query);
    const { significance } = charts(indicator, comparison, benchmark);
    const rows = tableRows(comparison, significance).map((r) => r.raw);
    const demo = indicator.demo || rows.some((r) => r.demo);
    reply.header('cache-control', 'public, max-age=300');
    if (format === 'json') {
      return reply
        .header('content-disposition', `attachment; filename="indicator-${indicator.id}.json"`)
        .send({
          indicator: {
            id: indicator.id,
            name: indicator.name,
            unit: indicator.unit,
            polarity: indicator.polarity,
          },
          period: comparison.period,
          sex: comparison.sex,
          age: comparison.age,
          demo,
          source: indicator.source,
          method: indicator.method,
          data: rows.map((r) => ({
            areaCode: r.code,
            areaName: r.name,
            value: r.value,
            lower95: r.lower95,
            upper95: r.upper95,
            lower998: r.lower998,
            upper998: r.upper998,
            count: r.count,
            denominator: r.denominator,
            note: r.note,
            comparedToLondon: r.comparedToLondon,
            comparedToEngland: r.comparedToEngland,
            trend: r.trend,
            demo: r.demo,
          })),
        });
    }
    const lines: unknown[][] = [];
    for (const r of rows) {
      lines.push([
        indicator.id,
        indicator.name,
        r.code,
        r.name,
        comparison.sex,
        comparison.age,
        comparison.period,
        r.value,
        r.lower95,
        r.upper95,
        r.lower998,
        r.upper998,
        r.count,
        r.denominator,
        r.note,
        r.trend,
        r.comparedToEngland,
        r.comparedToLondon,
        r.demo ? 'yes' : 'no',
      ]);
    }
    return sendCsv(reply, `indicator-${indicator.id}.csv`, csvHeader, lines);
  });

  app.get('/indicators/:id/:chart.:format', async (request, reply) => {
    const { chart, format } = request.params as { chart: string; format: string };
    if (
      (chart !== 'chart' && chart !== 'tiles' && chart !== 'map') ||
      (format !== 'svg' && format !== 'png')
    ) {
      throw new PageNotFoundError(`no ${chart}.${format}`);
    }
    const params = { id: (request.params as { id: string }).id };
    const { indicator, comparison, benchmark } = await loadPage(database, params, request.query);
    const drawn = charts(indicator, comparison, benchmark);
    if (chart === 'map') {
      const { map } = await geoMap(database, comparison, benchmark, drawn);
      if (!map) throw new PageNotFoundError('no map: outlines are not loaded for every one of these areas');
      reply.header('cache-control', 'public, max-age=300');
      return sendChartImage(reply, map.svg, format, `indicator-${indicator.id}-map`);
    }
    const svg = chart === 'chart' ? drawn.bar : drawn.tiles;
    if (!svg) throw new PageNotFoundError('no tile map for these areas');
    reply.header('cache-control', 'public, max-age=300');
    return sendChartImage(reply, svg, format, `indicator-${indicator.id}-${chart}`);
  });
}
