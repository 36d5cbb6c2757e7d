import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderTrendChart, type TrendChartOptions } from '../../src/charts/trend-chart.js';

const periods = ['2018/19', '2019/20', '2020/21', '2021/22'];
const options: TrendChartOptions = {
  id: 'trend',
  title: 'Trend',
  source: 'OHID',
  period: '2018/19 to 2021/22',
  method: 'DSR',
  unit: 'per 100,000',
  periods,
  series: [
    {
      label: 'Camden',
      points: [
        { period: '2018/19', value: 50, lower95: 45, upper95: 55, significance: 'Better' },
        { period: '2019/20', value: null, lower95: null, upper95: null },
        { period: '2020/21', value: 54, lower95: 50, upper95: 58, significance: 'Worse' },
        { period: '2021/22', value: 56, lower95: null, upper95: null, significance: 'Similar' },
      ],
    },
    {
      label: 'London',
      points: periods.map((period, i) => ({ period, value: 60 + i, lower95: null, upper95: null })),
    },
  ],
};

const series = (svg: string, label: string) =>
  new RegExp(
    `<g class="series" data-series="${label}">(.*?)</g>(?=<g class="series"|<g class="symbols")`,
  ).exec(svg)![1]!;

test('a null value breaks the line into two pieces; a full series is one piece', () => {
  const svg = renderTrendChart(options);
  const d = (label: string) => /<path class="line" d="([^"]*)"/.exec(series(svg, label))![1]!;
  assert.equal(d('Camden').match(/M/g)!.length, 2);
  assert.equal(d('London').match(/M/g)!.length, 1);
  assert.equal(series(svg, 'Camden').match(/class="point"/g)!.length, 3);
});

test('series differ in dash and marker shape, points sit at their period, error bars only with both limits', () => {
  const svg = renderTrendChart(options);
  const camden = series(svg, 'Camden');
  const london = series(svg, 'London');
  assert.doesNotMatch(/<path class="line"[^>]*>/.exec(camden)![0], /stroke-dasharray/);
  assert.match(/<path class="line"[^>]*>/.exec(london)![0], /stroke-dasharray="8 4"/);
  assert.match(camden, /<circle /);
  assert.match(london, /<rect /);
  assert.equal(camden.match(/class="ci"/g)!.length, 2);
  assert.doesNotMatch(london, /class="ci"/);
  // Period labels in order, and each point at its label's x.
  const labels = [...svg.matchAll(/<text x="([\d.]+)"[^>]*>(20\d\d\/\d\d)<\/text>/g)].map((m) => [
    m[2],
    Number(m[1]),
  ]);
  assert.deepEqual(
    labels.map(([period]) => period),
    periods,
  );
  const londonX = [...london.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="9"/g)].map(
    (m) => Number(m[1]) + 4.5,
  );
  assert.deepEqual(
    londonX.map((x) => Math.round(x)),
    labels.map(([, x]) => Math.round(x as number)),
  );
  assert.match(camden, /<title>Camden, 2018\/19: 50 \(45–55\), Better<\/title>/);
});

test('legends name the series and the categories used; the desc summarises each series', () => {
  const svg = renderTrendChart(options);
  assert.match(svg, /class="series-key">.*?>Camden<\/text>/);
  assert.match(svg, /class="series-key">.*?>London<\/text>/);
  for (const text of ['▲ Better', '● Similar', '▼ Worse']) assert.match(svg, new RegExp(`>${text}</text>`));
  assert.doesNotMatch(svg, /Not compared/);
  assert.match(
    svg,
    /<desc id="trend-desc">2 series over 4 periods, 2018\/19 to 2021\/22\. Camden: from 50 in 2018\/19 to 56 in 2021\/22 \(per 100,000\)\. London: from 60 in 2018\/19 to 63 in 2021\/22 \(per 100,000\)\. Points compared: 1 better, 1 similar, 1 worse\.<\/desc>/,
  );
});

test('long period labels are turned so they do not overlap; y ticks are 4 to 6 round values from 0', () => {
  const many = Array.from({ length: 12 }, (_, i) => `${2010 + i} to ${2012 + i}`);
  const svg = renderTrendChart({
    ...options,
    periods: many,
    series: [
      { label: 'A', points: many.map((period, i) => ({ period, value: i, lower95: null, upper95: null })) },
    ],
  });
  assert.equal(svg.match(/transform="rotate\(-45 /g)!.length, 12);
  const grid = /<g class="grid">(.*?)<\/g>/.exec(svg)![1]!;
  const ticks = [...grid.matchAll(/>([\d.,]+)<\/text>/g)].map((m) => Number(m[1]));
  assert.ok(ticks.length >= 4 && ticks.length <= 6, String(ticks));
  assert.equal(ticks[0], 0);
  assert.doesNotMatch(renderTrendChart(options), /rotate\(-45/);
});
