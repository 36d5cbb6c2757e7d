import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import { PageParameterError } from '../app/page-parameter-error.js';
import { sendChartImage } from '../app/send-chart-image.js';
import { sendCsv } from '../app/send-csv.js';
import { renderTrendChart } from '../charts/trend-chart.js';
import type { Database } from '../db/database.js';
import { type MissionProgress, missionProgress } from './mission-progress.js';
import { aimName, missionSections } from './mission-sections.js';
import type { MissionStatus } from './mission-status.js';
import { trajectoryValue } from './trajectory-value.js';

/** The mission the page reports against, in the partnership's words, and where it was agreed. */
const mission = {
  name: 'London Health Mission',
  statement: 'Make London the healthiest global city.',
  ambition:
    'By 2035, significantly improved population health and reduced health inequalities across London.',
  citation: 'London Health Mission, endorsed 9 September 2024',
};

// The page takes no parameters; any given is a mistake worth saying so.
const noQuery = z.strictObject({});

function checkQuery(query: unknown): void {
  const result = noQuery.safeParse(query ?? {});
  if (result.success) return;
  const issue = result.error.issues[0]!;
  const parameter = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'query';
  throw new PageParameterError(parameter, 'is not a parameter of this page');
}

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 1 });
const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '' : number.format(x));

const tagClass: Record<MissionStatus, string> = {
  'On track': 'govuk-tag--green',
  'Off track': 'govuk-tag--red',
  'No data': 'govuk-tag--grey',
};

/** The latest period's trajectory value: what the indicator should have reached by then to be on track. */
const expectedNow = (p: MissionProgress) => (p.latest ? trajectoryValue(p, p.latest.year) : null);

/** London's series and the trajectory to its target, over every year from the first value to the target year. */
function chart(p: MissionProgress): string {
  const firstYear = Math.min(p.baselineYear, ...p.series.map((s) => s.year));
  const lastYear = Math.max(p.targetYear, ...p.series.map((s) => s.year));
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  // The trajectory is a straight line from baseline to target; the chart leaves gaps where a series has no
  // point, so it is given a point every year between them, not just at its ends.
  const trajectoryYears = years.filter((y) => y >= p.baselineYear && y <= p.targetYear);
  const unit = p.unit ?? '';
  return renderTrendChart({
    id: `mission-${p.targetId}`,
    title: `${p.indicatorName}${unit ? ` (${unit})` : ''}: London and the trajectory to its ${p.targetYear} target`,
    source: p.source ?? 'not recorded',
    period: `${p.sex}, ${p.age}; periods shown by the year they start in`,
    method: `straight line from the ${p.baselinePeriod} baseline to the target`,
    unit,
    periods: years.map(String),
    series: [
      {
        label: 'London',
        points: p.series.map((s) => ({
          period: String(s.year),
          value: s.value,
          lower95: null,
          upper95: null,
        })),
      },
      {
        label: 'Trajectory to target',
        points: trajectoryYears.map((y) => ({
          period: String(y),
          value: trajectoryValue(p, y),
          lower95: null,
          upper95: null,
        })),
      },
    ],
  });
}

/** What the chart shows, in words: the image's alternative text. */
function chartText(p: MissionProgress): string {
  const first = p.series[0];
  const last = p.series.at(-1);
  const london =
    first && last
      ? `London went from ${fmt(first.value)} in ${first.period} to ${fmt(last.value)} in ${last.period}`
      : 'London has no values';
  return (
    `Line chart of ${p.indicatorName}${p.unit ? ` (${p.unit})` : ''}. ${london}. The trajectory to target runs ` +
    `in a straight line from ${fmt(p.baselineValue)} in ${p.baselineYear} to ${fmt(p.targetValue)} in ${p.targetYear}.`
  );
}

/** A target as the page's tables show it. */
function row(p: MissionProgress, withChart: boolean) {
  return {
    targetId: p.targetId,
    indicatorId: p.indicatorId,
    name: p.indicatorName,
    unit: p.unit ?? '',
    sex: p.sex,
    age: p.age,
    betterWhen:
      p.polarity === 'high-is-good' ? 'higher' : p.polarity === 'low-is-good' ? 'lower' : 'not judged',
    latestPeriod: p.latest?.period ?? '',
    latestValue: fmt(p.latest?.value),
    baselinePeriod: p.baselinePeriod,
    baselineValue: fmt(p.baselineValue),
    targetValue: fmt(p.targetValue),
    targetYear: p.targetYear,
    expected: fmt(expectedNow(p)),
    status: p.status,
    tagClass: tagClass[p.status],
    source: p.source ?? 'not recorded',
    gaps: p.gaps.map((g) => ({
      period: g.period,
      best: fmt(g.best),
      worst: fmt(g.worst),
      gap: fmt(g.gap),
      boroughs: g.boroughs,
    })),
    chartAlt: withChart ? chartText(p) : null,
  };
}

const csvHeader =
  'Aim,Aim name,Indicator ID,Indicator name,Unit,Better when,Area code,Sex,Age,Baseline period,Baseline value,Target value,Target year,Latest period,Latest value,Trajectory value for latest year,Status,Demonstration data';

/**
 * /mission: the London Health Mission, and for each of the partnership's aims and aspirations the indicators
 * it is measured by, with London's latest value against its baseline, target and the straight-line trajectory
 * between them, a status, and the gap between the best and worst borough over time. The strategy's indicators
 * get a chart each, as an image (/mission/charts/{target id}.svg): fourteen inline charts would more than
 * double the page. The aspirations, which mostly repeat them, get a table each. /mission.csv and
 * /mission.json: one row per indicator target, with its status.
 */
export async function missionRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  const { database } = options;

  app.get('/mission', async (request, reply) => {
    checkQuery(request.query);
    const progress = await missionProgress(database.db);
    const sections = missionSections(progress);
    const withRows = (charts: boolean) => (s: ReturnType<typeof missionSections>['outcome']) => ({
      ...s,
      rows: s.targets.map((p) => row(p, charts)),
    });
    return reply.view('mission/mission.njk', {
      title: 'Mission',
      mission,
      outcome: withRows(true)(sections.outcome),
      strategy: sections.strategy.map(withRows(true)),
      aspirations: sections.aspirations.map(withRows(false)),
      targetCount: progress.length,
      demo: progress.some((p) => p.demo),
    });
  });

  app.get('/mission/charts/:file', async (request, reply) => {
    const { file } = request.params as { file: string };
    const match = /^([1-9][0-9]{0,15})\.(svg|png)$/.exec(file);
    if (!match) throw new PageNotFoundError(`no chart ${file}`);
    checkQuery(request.query);
    const target = (await missionProgress(database.db)).find((p) => p.targetId === Number(match[1]));
    if (!target) throw new PageNotFoundError(`no indicator target ${match[1]}`);
    reply.header('cache-control', 'public, max-age=300');
    return sendChartImage(reply, chart(target), match[2] as 'svg' | 'png', `mission-${target.targetId}`);
  });

  app.get('/mission.:format', async (request, reply) => {
    const { format } = request.params as { format: string };
    if (format !== 'csv' && format !== 'json') throw new PageNotFoundError(`no ${format} download`);
    checkQuery(request.query);
    const progress = await missionProgress(database.db);
    reply.header('cache-control', 'public, max-age=300');
    if (format === 'json') {
      return reply.header('content-disposition', 'attachment; filename="mission.json"').send({
        mission,
        demo: progress.some((p) => p.demo),
        targets: progress.map((p) => ({
          aim: p.aim,
          aimName: aimName(p.aim),
          indicatorId: p.indicatorId,
          indicatorName: p.indicatorName,
          unit: p.unit,
          polarity: p.polarity,
          areaCode: p.areaCode,
          sex: p.sex,
          age: p.age,
          baselinePeriod: p.baselinePeriod,
          baselineValue: p.baselineValue,
          targetValue: p.targetValue,
          targetYear: p.targetYear,
          latestPeriod: p.latest?.period ?? null,
          latestValue: p.latest?.value ?? null,
          trajectoryValueForLatestYear: expectedNow(p),
          status: p.status,
          inequalityGap: p.gaps,
          demo: p.demo,
        })),
      });
    }
    const lines: unknown[][] = [];
    for (const p of progress) {
      lines.push([
        p.aim,
        aimName(p.aim),
        p.indicatorId,
        p.indicatorName,
        p.unit,
        row(p, false).betterWhen,
        p.areaCode,
        p.sex,
        p.age,
        p.baselinePeriod,
        p.baselineValue,
        p.targetValue,
        p.targetYear,
        p.latest?.period,
        p.latest?.value,
        expectedNow(p),
        p.status,
        p.demo ? 'yes' : 'no',
      ]);
    }
    return sendCsv(reply, 'mission.csv', csvHeader, lines);
  });
}
