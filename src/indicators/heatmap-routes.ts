import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import { parsePageParameters } from '../app/parse-page-parameters.js';
import { sendCsv } from '../app/send-csv.js';
import { londonAreas } from '../areas/london-areas.js';
import {
  significanceFill,
  significancePatternDefs,
  significanceStyle,
  significanceStyles,
} from '../charts/significance-style.js';
import type { Database } from '../db/database.js';
import { queryRows } from '../db/query-rows.js';
import { heatmapValues } from './heatmap-values.js';
import { type IndicatorSummary, listIndicators } from './indicator-queries.js';
import { parseCodeList } from './parse-code-list.js';

/** Beyond these a table of cells stops being readable at a glance (and the query grows with their product). */
const MAX_INDICATORS = 30;
const MAX_AREAS = 40;
/** The id of the patterns the cells' swatches share (one `<defs>` on the page). */
const PATTERN_PREFIX = 'heatmap-sig';

const heatmapQuery = z.strictObject({
  indicators: z.string().max(400).optional(),
  areas: z.string().max(500).optional(),
});
const londonBoroughs = londonAreas.filter((a) => a.areaType === 'local-authority').map((a) => a.code);

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const fmt = (x: number | null) => (x === null ? '' : number.format(x));

/** The indicators, areas and each indicator's latest values, as the page and its downloads show them. */
async function loadHeatmap(database: Database, query: unknown) {
  const options = parsePageParameters(heatmapQuery, query);
  const ids =
    options.indicators === undefined
      ? null
      : parseCodeList('indicators', options.indicators, {
          pattern: /^[1-9][0-9]{0,8}$/,
          what: 'an indicator id',
          max: MAX_INDICATORS,
        }).map(Number);
  const areaCodes =
    options.areas === undefined
      ? londonBoroughs
      : parseCodeList('areas', options.areas, {
          pattern: /^[EWSNK][0-9]{8}$/,
          what: 'an ONS area code (such as E09000012)',
          max: MAX_AREAS,
        });

  let indicators: IndicatorSummary[];
  if (ids === null) {
    // By default every indicator, by name, up to the limit.
    indicators = (await listIndicators(database.db)).slice(0, MAX_INDICATORS);
  } else {
    const found = new Map((await listIndicators(database.db, { ids })).map((i) => [i.id, i]));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) throw new PageNotFoundError(`no indicator ${missing.join(', ')}`);
    indicators = ids.map((id) => found.get(id)!);
  }
  const known = await queryRows<{ code: string; name: string }>(
    database.db,
    sql`select code, name from areas where code in (${sql.join(
      areaCodes.map((c) => sql`${c}`),
      sql`, `,
    )})`,
  );
  const names = new Map(known.map((a) => [a.code, a.name]));
  const missing = areaCodes.filter((c) => !names.has(c));
  if (missing.length > 0) throw new PageNotFoundError(`no area ${missing.join(', ')}`);
  const areas = areaCodes.map((code) => ({ code, name: names.get(code)! }));

  const rows = await heatmapValues(
    database.db,
    indicators.map((i) => i.id),
    areaCodes,
  );
  const search = new URLSearchParams(
    Object.entries(options).filter((e): e is [string, string] => typeof e[1] === 'string'),
  )
    .toString()
    // Commas may stand in a query unescaped, and keep the download links readable.
    .replaceAll('%2C', ',');
  return {
    indicators,
    areas,
    rows: rows.map((r, i) => ({ ...r, indicator: indicators[i]! })),
    demo: indicators.some((i) => i.demo) || rows.some((r) => r.cells.some((c) => c?.demo)),
    query: search ? `?${search}` : '',
  };
}

const method =
  "each indicator's own method; compared with England by healthhub at 95% confidence (Better, Similar or Worse where the indicator has a polarity, otherwise Higher, Similar or Lower)";

/**
 * /heatmap: many indicators (rows) by many areas (columns), each indicator's latest period, as an HTML
 * table whose cells give the value and its comparison with England in words and a symbol, with a swatch
 * of the comparison's colour and texture (an SVG, since the Content Security Policy allows no inline
 * styles). Defaults to every indicator for London's 33 boroughs. The cells as CSV and JSON.
 */
export async function heatmapRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  const { database } = options;

  app.get('/heatmap', async (request, reply) => {
    const heatmap = await loadHeatmap(database, request.query);
    const used = new Set<string>();
    const rows = heatmap.rows.map((r) => ({
      indicator: r.indicator,
      detail: [r.period ?? 'no values', r.sex, r.age].filter(Boolean).join(', '),
      england: fmt(r.england),
      cells: r.cells.map((c) => {
        if (c === null || c.value === null) return null;
        const style = significanceStyle(c.comparedToEngland ?? 'Not compared');
        used.add(style.key);
        return {
          value: fmt(c.value),
          label: style.label,
          symbol: style.symbol,
          fill: significanceFill(style, PATTERN_PREFIX),
          stroke: style.stroke,
        };
      }),
    }));
    return reply.view('indicators/heatmap.njk', {
      title: 'Indicators by area',
      areas: heatmap.areas,
      rows,
      legend: significanceStyles()
        .filter((s) => used.has(s.key))
        .map((s) => ({ ...s, fill: significanceFill(s, PATTERN_PREFIX) })),
      patternDefs: significancePatternDefs(PATTERN_PREFIX),
      sources: [...new Set(heatmap.indicators.map((i) => i.source ?? 'not recorded'))].join('; '),
      method,
      query: heatmap.query,
      limits: { indicators: MAX_INDICATORS, areas: MAX_AREAS },
      demo: heatmap.demo,
    });
  });

  app.get('/heatmap.:format', async (request, reply) => {
    const { format } = request.params as { format: string };
    if (format !== 'csv' && format !== 'json') throw new PageNotFoundError(`no heatmap.${format}`);
    const heatmap = await loadHeatmap(database, request.query);
    const data = heatmap.rows.flatMap((r) =>
      heatmap.areas.map((a, k) => {
        const c = r.cells[k] ?? null;
        return {
          indicatorId: r.indicator.id,
          indicatorName: r.indicator.name,
          areaCode: a.code,
          areaName: a.name,
          sex: r.sex,
          age: r.age,
          period: r.period,
          value: c?.value ?? null,
          lower95: c?.lower95 ?? null,
          upper95: c?.upper95 ?? null,
          comparedToEngland: c?.comparedToEngland ?? null,
          englandValue: r.england,
          note: c?.note ?? null,
          demo: c?.demo ?? r.indicator.demo,
        };
      }),
    );
    reply.header('cache-control', 'public, max-age=300');
    if (format === 'json') {
      return reply.header('content-disposition', 'attachment; filename="heatmap.json"').send({
        indicators: heatmap.indicators.map((i) => ({
          id: i.id,
          name: i.name,
          unit: i.unit,
          polarity: i.polarity,
        })),
        areas: heatmap.areas,
        demo: heatmap.demo,
        method,
        data,
      });
    }
    const header =
      'Indicator ID,Indicator Name,Area Code,Area Name,Sex,Age,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Compared to England value or percentiles,England value,Value note,Demonstration data';
    const lines = data.map((d) => [
      d.indicatorId,
      d.indicatorName,
      d.areaCode,
      d.areaName,
      d.sex,
      d.age,
      d.period,
      d.value,
      d.lower95,
      d.upper95,
      d.comparedToEngland,
      d.englandValue,
      d.note,
      d.demo ? 'yes' : 'no',
    ]);
    return sendCsv(reply, 'heatmap.csv', header, lines);
  });
}
