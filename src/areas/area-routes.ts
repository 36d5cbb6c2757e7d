import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import { sendChartImage } from '../app/send-chart-image.js';
import { sendCsv } from '../app/send-csv.js';
import { renderSpineChart } from '../charts/spine-chart.js';
import type { Database } from '../db/database.js';
import { queryRows } from '../db/query-rows.js';
import { type AreaProfileRow, areaProfile } from './area-profile.js';

const gss = /^[EWSNK][0-9]{8}$/;
const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const fmt = (x: number | null) => (x === null ? '' : number.format(x));

async function loadProfile(database: Database, code: string) {
  if (!gss.test(code)) throw new PageNotFoundError(`no area ${code}`);
  const [area] = await queryRows<{ code: string; name: string; area_type: string }>(
    database.db,
    sql`select code, name, area_type from areas where code = ${code}`,
  );
  if (!area) throw new PageNotFoundError(`no area ${code}`);
  const rows = await areaProfile(database.db, code);
  return { area, rows, demo: rows.some((r) => r.demo) };
}

/** The worst and best of the peers' range, by the indicator's polarity (no judgement: lowest and highest). */
function ends(r: AreaProfileRow) {
  return r.polarity === 'low-is-good' ? { worst: r.max, best: r.min } : { worst: r.min, best: r.max };
}

function spine(area: { name: string }, rows: readonly AreaProfileRow[]) {
  return renderSpineChart({
    id: 'spine',
    title: `${area.name}: every indicator's latest value against England and the areas of its type`,
    source: [...new Set(rows.map((r) => r.source ?? 'not recorded'))].join('; '),
    period: 'the latest period of each indicator (see the table)',
    method: 'significance against England at 95% confidence; quartiles across areas of the same type',
    rows: rows.map((r) => ({
      indicatorId: r.indicatorId,
      label: `${r.indicatorName} (${r.period})`,
      areaValue: r.value,
      benchmarkValue: r.england,
      ...ends(r),
      q25: r.q25,
      q75: r.q75,
      significance: r.comparedToEngland ?? 'Not compared',
      polarity: r.polarity,
    })),
  });
}

/**
 * /areas/{code}: the profile of a borough, an ICB, London or England: a spine chart of every indicator's
 * latest value (against England, the worst, the best and the quartiles of the areas of its type), the
 * recent trend, and a table with links on to each indicator; the table as CSV and JSON, the chart as SVG
 * and PNG.
 */
export async function areaRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  const { database } = options;

  app.get('/areas/:code', async (request, reply) => {
    const { code } = request.params as { code: string };
    const { area, rows, demo } = await loadProfile(database, code);
    return reply.view('areas/area.njk', {
      title: area.name,
      area,
      chart: rows.length > 0 ? spine(area, rows) : null,
      rows: rows.map((r) => ({
        ...r,
        valueText: fmt(r.value),
        londonText: fmt(r.london),
        englandText: fmt(r.england),
        worstText: fmt(ends(r).worst),
        bestText: fmt(ends(r).best),
      })),
      demo,
    });
  });

  app.get('/areas/:code/profile.:format', async (request, reply) => {
    const { code, format } = request.params as { code: string; format: string };
    if (!['csv', 'json', 'svg', 'png'].includes(format)) throw new PageNotFoundError(`no ${format} download`);
    const { area, rows, demo } = await loadProfile(database, code);
    reply.header('cache-control', 'public, max-age=300');
    if (format === 'svg' || format === 'png') {
      return sendChartImage(reply, spine(area, rows), format, `profile-${area.code}`);
    }
    if (format === 'json') {
      return reply.send({
        area: { code: area.code, name: area.name, type: area.area_type },
        demo,
        data: rows,
      });
    }
    const header =
      'Indicator ID,Indicator Name,Area Code,Area Name,Sex,Age,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Count,England value,London value,Compared to England value or percentiles,Compared to London value,Recent Trend,Worst,25th percentile,75th percentile,Best,Demonstration data';
    const lines = rows.map((r) => [
      r.indicatorId,
      r.indicatorName,
      area.code,
      area.name,
      r.sex,
      r.age,
      r.period,
      r.value,
      r.lower95,
      r.upper95,
      r.count,
      r.england,
      r.london,
      r.comparedToEngland,
      r.comparedToLondon,
      r.trend,
      ends(r).worst,
      r.q25,
      r.q75,
      ends(r).best,
      r.demo ? 'yes' : 'no',
    ]);
    return sendCsv(reply, `profile-${area.code}.csv`, header, lines);
  });
}
