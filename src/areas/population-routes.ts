import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import { PageParameterError } from '../app/page-parameter-error.js';
import { parsePageParameters } from '../app/parse-page-parameters.js';
import { sendChartImage } from '../app/send-chart-image.js';
import { sendCsv } from '../app/send-csv.js';
import { renderPopulationPyramid } from '../charts/population-pyramid.js';
import type { Database } from '../db/database.js';
import { type PopulationBand, populationBands, populationYears } from '../populations/area-population.js';
import { findArea } from './area-queries.js';
import { LONDON } from './london-areas.js';

const gss = /^[EWSNK][0-9]{8}$/;
const populationQuery = z.strictObject({
  year: z
    .string()
    .regex(/^[0-9]{4}$/, 'is not a year')
    .optional(),
});

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const share = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** Each band's males and females as percentages of the whole population (both sexes), so the sides compare. */
function shares(bands: readonly PopulationBand[]) {
  const total = bands.reduce((t, b) => t + b.males + b.females, 0);
  const pc = (n: number) => (total === 0 ? 0 : (100 * n) / total);
  return bands.map((b) => ({ label: b.label, male: pc(b.males), female: pc(b.females) }));
}

/** The area, its years and the chosen year's bands, with London's for the outline; null bands when it has none. */
async function loadPopulation(database: Database, code: string, query: unknown) {
  if (!gss.test(code)) throw new PageNotFoundError(`no area ${code}`);
  const options = parsePageParameters(populationQuery, query);
  const area = await findArea(database.db, code);
  if (!area) throw new PageNotFoundError(`no area ${code}`);
  const years = await populationYears(database.db, code);
  if (years.length === 0) return { area, years, year: null, population: null, london: null, query: '' };
  const year = options.year === undefined ? years[0]! : Number(options.year);
  if (!years.includes(year)) {
    throw new PageParameterError(
      'year',
      `${area.name} has no population for ${year}; it has ${years[years.length - 1]} to ${years[0]}`,
    );
  }
  const population = await populationBands(database.db, code, year);
  // London is the comparison for its own boroughs and ICBs, and for England; not for itself.
  const london = code === LONDON ? null : await populationBands(database.db, LONDON, year);
  return {
    area,
    years,
    year,
    population,
    london: london && london.bands.length > 0 ? london : null,
    query: options.year === undefined ? '' : `?year=${year}`,
  };
}
type Loaded = Awaited<ReturnType<typeof loadPopulation>>;

const method = 'each age band of males and of females as a percentage of the total population of both sexes';

function pyramid(loaded: Loaded & { population: NonNullable<Loaded['population']> }): string {
  const { area, year, population, london } = loaded;
  return renderPopulationPyramid({
    id: 'pyramid',
    title: `${area.name}: population by age and sex, ${year}`,
    source: population.sources.join('; '),
    period: String(year),
    method: london ? `${method}; the outline is London's` : method,
    bands: shares(population.bands),
    ...(london ? { comparison: shares(london.bands), comparisonLabel: 'London' } : {}),
    populationLabel: area.name,
  });
}

/** The rows of the table and the downloads: counts and shares per band. */
function tableRows(bands: readonly PopulationBand[]) {
  const percentages = shares(bands);
  return bands.map((b, i) => ({
    band: b.label,
    ageFrom: b.ageFrom,
    males: b.males,
    females: b.females,
    malePercent: percentages[i]!.male,
    femalePercent: percentages[i]!.female,
  }));
}

/**
 * /areas/{code}/population: an area's population pyramid for its latest year (or `year`), each band of
 * each sex as a share of the whole population, with London's shape as an outline; a table of the counts
 * and shares; the table as CSV and JSON, the pyramid as SVG and PNG. An area with no population data gets
 * a page saying so (its downloads are 404s, as there is nothing to download).
 */
export async function populationRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  const { database } = options;

  app.get('/areas/:code/population', async (request, reply) => {
    const { code } = request.params as { code: string };
    const loaded = await loadPopulation(database, code, request.query);
    const { area, population } = loaded;
    if (population === null) {
      return reply.view('areas/population.njk', { title: `${area.name}: population`, area, chart: null });
    }
    const rows = tableRows(population.bands);
    const totals = rows.reduce((t, r) => ({ males: t.males + r.males, females: t.females + r.females }), {
      males: 0,
      females: 0,
    });
    const all = totals.males + totals.females;
    return reply.view('areas/population.njk', {
      title: `${area.name}: population by age and sex, ${loaded.year}`,
      area,
      year: loaded.year,
      years: loaded.years,
      chart: pyramid({ ...loaded, population }),
      comparison: loaded.london !== null,
      rows: rows.map((r) => ({
        band: r.band,
        males: whole.format(r.males),
        females: whole.format(r.females),
        malePercent: share.format(r.malePercent),
        femalePercent: share.format(r.femalePercent),
      })),
      total: {
        males: whole.format(totals.males),
        females: whole.format(totals.females),
        malePercent: share.format(all === 0 ? 0 : (100 * totals.males) / all),
        femalePercent: share.format(all === 0 ? 0 : (100 * totals.females) / all),
        all: whole.format(all),
      },
      source: population.sources.join('; '),
      method: loaded.london ? `${method}; the outline is London's` : method,
      query: loaded.query,
      demo: population.demo,
    });
  });

  app.get('/areas/:code/population.:format', async (request, reply) => {
    const { code, format } = request.params as { code: string; format: string };
    if (format !== 'csv' && format !== 'json' && format !== 'svg' && format !== 'png') {
      throw new PageNotFoundError(`no population.${format}`);
    }
    const loaded = await loadPopulation(database, code, request.query);
    const { area, year, population } = loaded;
    if (population === null) throw new PageNotFoundError(`no population data for ${area.code}`);
    reply.header('cache-control', 'public, max-age=300');
    if (format === 'svg' || format === 'png') {
      return sendChartImage(
        reply,
        pyramid({ ...loaded, population }),
        format,
        `population-${area.code}-${year}`,
      );
    }
    const rows = tableRows(population.bands);
    if (format === 'json') {
      return reply
        .header('content-disposition', `attachment; filename="population-${area.code}-${year}.json"`)
        .send({
          area: { code: area.code, name: area.name, type: area.areaType },
          year,
          demo: population.demo,
          source: population.sources.join('; '),
          method,
          data: rows,
        });
    }
    const header = 'Area Code,Area Name,Year,Age band,Males,Females,Males %,Females %,Demonstration data';
    const lines = rows.map((r) => [
      area.code,
      area.name,
      year,
      r.band,
      r.males,
      r.females,
      r.malePercent.toFixed(3),
      r.femalePercent.toFixed(3),
      population.demo ? 'yes' : 'no',
    ]);
    return sendCsv(reply, `population-${area.code}-${year}.csv`, header, lines);
  });
}
