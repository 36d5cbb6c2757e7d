import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type BarChartOptions, renderBarChart } from '../../src/charts/bar-chart.js';

const base: BarChartOptions = {
  id: 'compare',
  title: 'Under 75 mortality',
  source: 'OHID',
  period: '2021/22',
  method: 'DSR',
  unit: 'per 100,000',
  rows: [
    { code: 'E1', label: 'Barnet', value: 30, lower95: 25, upper95: 35, significance: 'Better' },
    { code: 'E2', label: 'Camden', value: null, lower95: null, upper95: null, significance: 'Not compared' },
    { code: 'E3', label: 'Ealing', value: 50, lower95: 45, upper95: null, significance: 'Worse' },
    { code: 'E4', label: 'Hackney', value: 40, lower95: 36, upper95: 44, significance: 'Similar' },
    { code: 'E5', label: 'Barking', value: null, lower95: null, upper95: null, significance: 'Not compared' },
  ],
  benchmarks: [
    { label: 'London', value: 40 },
    { label: 'England', value: 50 },
    { label: 'Wales', value: null },
  ],
};

const rowCodes = (svg: string) => [...svg.matchAll(/<g class="row" data-code="([^"]+)"/g)].map((m) => m[1]);
const rowOf = (svg: string, code: string) =>
  new RegExp(
    `<g class="row" data-code="${code}"[^>]*>(.*?)</g>(?=<g class="row"|<g class="benchmark"|<g class="axis")`,
  ).exec(svg)![1]!;

test('bars are sorted by value, with areas without a value kept at the end saying so', () => {
  assert.deepEqual(rowCodes(renderBarChart(base)), ['E3', 'E4', 'E1', 'E2', 'E5']);
  assert.deepEqual(rowCodes(renderBarChart({ ...base, sort: 'value-asc' })), ['E1', 'E4', 'E3', 'E2', 'E5']);
  assert.deepEqual(rowCodes(renderBarChart({ ...base, sort: 'none' })), ['E1', 'E3', 'E4', 'E2', 'E5']);
  const svg = renderBarChart(base);
  const labels = [...svg.matchAll(/<tspan[^>]*>(Barnet|Camden|Ealing|Hackney|Barking)<\/tspan>/g)].map(
    (m) => m[1],
  );
  assert.deepEqual(labels, ['Ealing', 'Hackney', 'Barnet', 'Camden', 'Barking']);
  for (const code of ['E2', 'E5']) {
    const row = rowOf(svg, code);
    assert.match(row, /No value/);
    assert.doesNotMatch(row, /class="bar"/);
  }
});

test('whiskers only where both limits exist; values and hover text at each bar', () => {
  const svg = renderBarChart(base);
  assert.match(rowOf(svg, 'E1'), /class="ci"/);
  assert.match(rowOf(svg, 'E4'), /class="ci"/);
  assert.doesNotMatch(rowOf(svg, 'E3'), /class="ci"/);
  assert.equal(svg.match(/class="ci"/g)!.length, 2);
  assert.match(rowOf(svg, 'E1'), /<title>Barnet: 30 \(25–35\), Better<\/title>/);
  assert.match(rowOf(svg, 'E3'), /<title>Ealing: 50, Worse<\/title>/);
  assert.match(rowOf(svg, 'E2'), /<title>Camden: No value, Not compared<\/title>/);
  assert.match(rowOf(svg, 'E1'), /class="value"[^>]*>30 ▲</);
  assert.match(rowOf(svg, 'E3'), /fill="url\(#compare-sig-worse\)"/);
});

test('benchmark lines sit where bars of the same value end, with distinct dashes and a key', () => {
  const svg = renderBarChart(base);
  const barEnd = (code: string) => {
    const [, x, w] = /class="bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(rowOf(svg, code))!;
    return Number(x) + Number(w);
  };
  const lineX = (label: string) =>
    Number(new RegExp(`data-benchmark="${label}">.*?<line x1="([\\d.]+)"`).exec(svg)![1]);
  assert.ok(Math.abs(lineX('London') - barEnd('E4')) < 0.02);
  assert.ok(Math.abs(lineX('England') - barEnd('E3')) < 0.02);
  assert.doesNotMatch(svg, /data-benchmark="Wales"/);
  assert.match(svg, /London: 40</);
  assert.match(svg, /England: 50</);
  assert.match(svg, /Wales: no value</);
  const dashes = [...svg.matchAll(/<g class="benchmark"[^>]*>.*?<\/g>/g)].map(
    (m) => /stroke-dasharray="([^"]+)"/.exec(m[0])?.[1] ?? 'solid',
  );
  assert.equal(new Set(dashes).size, 2);
});

test('the axis starts at 0, covers every limit and benchmark, with 4 to 6 tick labels', () => {
  const svg = renderBarChart(base);
  const axis = /<g class="axis">(.*?)<\/g>/.exec(svg)![1]!;
  const ticks = [...axis.matchAll(/>([\d,.]+)<\/text>/g)].map((m) => Number(m[1]!.replace(',', '')));
  assert.ok(ticks.length >= 4 && ticks.length <= 6, String(ticks));
  assert.equal(ticks[0], 0);
  assert.ok(ticks[ticks.length - 1]! >= 50);
  assert.match(svg, /class="unit"[^>]*>per 100,000</);
});

test('every category drawn has a legend entry, and the desc summarises the data', () => {
  const svg = renderBarChart(base);
  for (const [key, text] of [
    ['better', '▲ Better'],
    ['similar', '● Similar'],
    ['worse', '▼ Worse'],
    ['not-compared', '○ Not compared'],
  ]) {
    assert.match(svg, new RegExp(`class="legend-item" data-significance="${key}">.*?>${text}</text>`));
  }
  assert.doesNotMatch(svg, /legend-item" data-significance="higher"/);
  assert.match(
    svg,
    /<desc id="compare-desc">5 areas; 1 better, 1 similar, 1 worse, 2 not compared\. Highest Ealing 50, lowest Barnet 30 \(per 100,000\)\. Benchmarks: London 40, England 50, Wales no value\. 2 with no value\.<\/desc>/,
  );
});

test('negative values draw leftwards from 0 with their value at the left end', () => {
  const svg = renderBarChart({
    ...base,
    rows: [{ code: 'N', label: 'Net change', value: -5, lower95: -8, upper95: -2, significance: 'Lower' }],
    benchmarks: [],
  });
  const row = rowOf(svg, 'N');
  const [, x, w] = /class="bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(row)!;
  const zero = Number(/<g class="axis">.*?<text x="([\d.]+)"[^>]*>0<\/text>/.exec(svg)![1]);
  assert.ok(Math.abs(Number(x) + Number(w) - zero) < 0.02);
  assert.match(row, /class="value"[^>]*text-anchor="end"[^>]*>-5 ↓</);
});
