import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type PopulationPyramidOptions,
  renderPopulationPyramid,
} from '../../src/charts/population-pyramid.js';

const options: PopulationPyramidOptions = {
  id: 'pyramid',
  title: 'Population of Camden',
  source: 'ONS mid-year estimates',
  period: '2022',
  method: 'Percentages of the total population',
  bands: [
    { label: '0-4', male: 4, female: 3 },
    { label: '5-9', male: 2, female: 6 },
    { label: '10+', male: 40, female: 45 },
  ],
  comparison: [
    { label: '0-4', male: 3, female: 3 },
    { label: '10+', male: 42, female: 44 },
  ],
  comparisonLabel: 'London',
};

const bar = (svg: string, band: string, sex: 'male' | 'female') => {
  const group = new RegExp(`<g class="band" data-band="${band}">(.*?)</g>`).exec(svg)![1]!;
  const [, x, y, w] = new RegExp(`class="${sex}" x="([\\d.]+)" y="([\\d.]+)" width="([\\d.]+)"`).exec(group)!;
  return { x: Number(x), y: Number(y), w: Number(w), right: Number(x) + Number(w) };
};

test('males to the left, females to the right, oldest at the top, on one scale', () => {
  const svg = renderPopulationPyramid(options);
  const m0 = bar(svg, '0-4', 'male');
  const f0 = bar(svg, '0-4', 'female');
  assert.ok(m0.right < f0.x);
  assert.ok(bar(svg, '10\\+', 'male').y < bar(svg, '5-9', 'male').y);
  assert.ok(bar(svg, '5-9', 'male').y < m0.y);
  // Males end at one zero line, females start at the other; lengths are proportional on both sides.
  assert.equal(bar(svg, '5-9', 'male').right, m0.right);
  assert.equal(bar(svg, '5-9', 'female').x, f0.x);
  assert.ok(Math.abs(m0.w / bar(svg, '5-9', 'female').w - 4 / 6) < 0.01);
  assert.ok(Math.abs(f0.w - (m0.w * 3) / 4) < 0.02);
  assert.match(svg, />Males</);
  assert.match(svg, />Females</);
  assert.match(svg, /<title>Age 0-4: males 4%, females 3%; London males 3%, females 3%<\/title>/);
});

test('the comparison is an unfilled stepped outline, broken where a band is missing, in the legend', () => {
  const svg = renderPopulationPyramid(options);
  const group = /<g class="comparison" data-label="London" fill="none">(.*?)<\/g>/.exec(svg)![1]!;
  const d = /<path d="([^"]+)" stroke="#0b0c0c"/.exec(group)![1]!;
  // Two sides, each broken at 5-9: four pieces, made only of vertical and horizontal moves.
  assert.equal(d.match(/M/g)!.length, 4);
  assert.match(d, /^[MVH\d.,]+$/);
  assert.match(svg, />London \(outline\)</);
  assert.doesNotMatch(
    renderPopulationPyramid({ ...options, comparison: undefined }),
    /class="comparison"|outline/,
  );
});

test('the axis is in per cent on both sides and the desc gives the totals', () => {
  const svg = renderPopulationPyramid(options);
  const labels = [...svg.matchAll(/>(\d+)%<\/text>/g)].map((m) => Number(m[1]));
  assert.ok(labels.length >= 8 && labels.length <= 12);
  assert.ok(Math.max(...labels) >= 45);
  assert.match(
    svg,
    /<desc id="pyramid-desc">3 age bands: males 46%, females 54% of the total\. Largest band 10\+, 85%\. Outline: London, males 45%, females 47%\.<\/desc>/,
  );
});
