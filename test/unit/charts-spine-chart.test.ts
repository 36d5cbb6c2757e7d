import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderSpineChart, type SpineChartRow } from '../../src/charts/spine-chart.js';

const frame = {
  id: 'spine',
  title: 'Camden',
  source: 'OHID',
  period: 'Latest',
  method: 'Compared with England',
};

const highIsGood: SpineChartRow = {
  indicatorId: 1,
  label: 'Life expectancy',
  areaValue: 84,
  benchmarkValue: 79,
  worst: 74,
  q25: 78,
  q75: 81,
  best: 84,
  significance: 'Better',
  polarity: 'high-is-good',
};
// Low is good: the worst is the highest rate, the best the lowest.
const lowIsGood: SpineChartRow = {
  indicatorId: 2,
  label: 'Mortality <75',
  areaValue: 250,
  benchmarkValue: 340,
  worst: 500,
  q25: 380,
  q75: 320,
  best: 250,
  significance: 'Better',
  polarity: 'low-is-good',
};

function row(svg: string, id: number): string {
  return new RegExp(`<g class="indicator" data-indicator-id="${id}"[^>]*>(.*?)</g>(?=<line)`).exec(svg)![1]!;
}
const attribute = (markup: string, pattern: RegExp) => Number(pattern.exec(markup)![1]);

test('the best value is right of the benchmark, the worst at the left, in both polarities', () => {
  const svg = renderSpineChart({ ...frame, rows: [highIsGood, lowIsGood] });
  for (const id of [1, 2]) {
    const markup = row(svg, id);
    const centre = attribute(markup, /class="benchmark" x1="([\d.]+)"/);
    const marker = attribute(markup, /class="marker" cx="([\d.]+)"/);
    assert.ok(marker > centre, `indicator ${id}: marker ${marker} centre ${centre}`);
  }
  // Same data with the opposite value: the worst-valued area is left of centre.
  const worst = renderSpineChart({ ...frame, rows: [{ ...lowIsGood, areaValue: 500 }] });
  const markup = row(worst, 2);
  assert.ok(
    attribute(markup, /class="marker" cx="([\d.]+)"/) < attribute(markup, /class="benchmark" x1="([\d.]+)"/),
  );
});

test('the benchmark is centred; the further end of the range reaches the end of the spine', () => {
  const svg = renderSpineChart({ ...frame, rows: [highIsGood, lowIsGood] });
  const a = row(svg, 1);
  const b = row(svg, 2);
  assert.equal(
    attribute(a, /class="benchmark" x1="([\d.]+)"/),
    attribute(b, /class="benchmark" x1="([\d.]+)"/),
  );
  const range = (markup: string) => {
    const [, x, w] = /<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="14" class="range"/.exec(markup)!;
    return [Number(x), Number(x) + Number(w)];
  };
  const centre = attribute(a, /class="benchmark" x1="([\d.]+)"/);
  // high-is-good: 74..84 about 79 is symmetric; low-is-good: worst 500 is 160 away, best 250 only 90.
  const [aLeft, aRight] = range(a);
  assert.ok(Math.abs(centre - aLeft - (aRight - centre)) < 0.02);
  const [bLeft, bRight] = range(b);
  assert.ok(Math.abs(bLeft - aLeft) < 0.02);
  assert.ok(Math.abs((bRight - centre) / (centre - bLeft) - 90 / 160) < 0.001);
  assert.match(b, /class="quartiles"/);
});

test('rows without data say so; the key names every part; categories have legend entries', () => {
  const svg = renderSpineChart({
    ...frame,
    rows: [
      highIsGood,
      { ...lowIsGood, indicatorId: 3, significance: 'Worse', areaValue: null },
      { ...lowIsGood, indicatorId: 4, significance: 'Not compared', worst: null },
    ],
  });
  assert.doesNotMatch(row(svg, 3), /class="marker"/);
  assert.match(row(svg, 3), /class="area-value"[^>]*>No data</);
  assert.match(row(svg, 4), /class="no-data"[^>]*>No data</);
  assert.doesNotMatch(row(svg, 4), /class="range"/);
  for (const part of ['Worst', '25th percentile', '75th percentile', 'Best', 'England']) {
    assert.match(/<g class="key">(.*?)<\/g><\/g>/.exec(svg)![1]!, new RegExp(`>${part}<`));
  }
  for (const text of ['▲ Better', '▼ Worse', '○ Not compared'])
    assert.match(svg, new RegExp(`>${text}</text>`));
  assert.match(row(svg, 1), /<title>Life expectancy: 84 \(Better\); England 79; worst 74/);
  assert.match(svg, /Mortality &lt;75/);
  assert.match(
    svg,
    /<desc id="spine-desc">3 indicators compared with England: 1 better, 1 worse, 1 not compared\. 1 with no data\./,
  );
});

test('without a polarity judgement, the row’s own worst and best set the direction', () => {
  const svg = renderSpineChart({ ...frame, rows: [{ ...lowIsGood, polarity: 'no-judgement' }] });
  const markup = row(svg, 2);
  assert.ok(
    attribute(markup, /class="marker" cx="([\d.]+)"/) > attribute(markup, /class="benchmark" x1="([\d.]+)"/),
  );
});
