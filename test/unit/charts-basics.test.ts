import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderBarChart } from '../../src/charts/bar-chart.js';
import { chartTheme } from '../../src/charts/chart-theme.js';
import { contrastRatio } from '../../src/charts/contrast-ratio.js';
import { describeSignificance } from '../../src/charts/describe-significance.js';
import { escapeXml } from '../../src/charts/escape-xml.js';
import { formatNumber } from '../../src/charts/format-number.js';
import { niceLinearScale } from '../../src/charts/nice-linear-scale.js';
import { renderPopulationPyramid } from '../../src/charts/population-pyramid.js';
import {
  significancePatternDefs,
  significanceStyle,
  significanceStyles,
} from '../../src/charts/significance-style.js';
import { renderSpineChart } from '../../src/charts/spine-chart.js';
import { svgToPng } from '../../src/charts/svg-to-png.js';
import { textColourOn } from '../../src/charts/text-colour-on.js';
import { renderTileMap } from '../../src/charts/tile-map.js';
import { renderTrendChart } from '../../src/charts/trend-chart.js';
import { wrapText } from '../../src/charts/wrap-text.js';

const nasty = 'A <b>&"quoted"\'s</b>';
const frame = { source: `Fingertips ${nasty}`, period: '2021/22', method: 'Byar’s method' };

/** Every chart, drawn with the nasty string in its title and in a label. */
function allCharts(): Record<string, string> {
  return {
    bar: renderBarChart({
      id: 'bar',
      title: `Bar ${nasty}`,
      ...frame,
      unit: 'per 100,000',
      rows: [
        { code: 'A', label: nasty, value: 10, lower95: 8, upper95: 12, significance: 'Better' },
        { code: 'B', label: 'Bee', value: 20, lower95: null, upper95: null, significance: 'Worse' },
      ],
      benchmarks: [{ label: 'London', value: 15 }],
    }),
    tiles: renderTileMap({
      id: 'tiles',
      title: `Tiles ${nasty}`,
      ...frame,
      tiles: [
        { code: 'A', abbreviation: 'K&C', name: nasty, x: 0, y: 0, significance: 'Higher', value: 1 },
        { code: 'B', abbreviation: 'BAR', name: 'Barnet', x: 1, y: 0, significance: 'Lower', value: null },
      ],
    }),
    spine: renderSpineChart({
      id: 'spine',
      title: `Spine ${nasty}`,
      ...frame,
      rows: [
        {
          indicatorId: 1,
          label: nasty,
          areaValue: 5,
          benchmarkValue: 4,
          worst: 1,
          q25: 3,
          q75: 5,
          best: 9,
          significance: 'Similar',
          polarity: 'high-is-good',
        },
      ],
    }),
    trend: renderTrendChart({
      id: 'trend',
      title: `Trend ${nasty}`,
      ...frame,
      unit: '%',
      periods: ['2020', '2021'],
      series: [
        {
          label: nasty,
          points: [
            { period: '2020', value: 1, lower95: 0.5, upper95: 1.5, significance: 'Not compared' },
            { period: '2021', value: 2, lower95: null, upper95: null },
          ],
        },
      ],
    }),
    pyramid: renderPopulationPyramid({
      id: 'pyramid',
      title: `Pyramid ${nasty}`,
      ...frame,
      bands: [
        { label: '0-4', male: 3, female: 2.9 },
        { label: nasty, male: 2, female: 2.5 },
      ],
      comparison: [{ label: '0-4', male: 2.8, female: 2.7 }],
      comparisonLabel: nasty,
    }),
  };
}

/** Tags balance, attribute values are quoted, and no bare '&' or '<' is left in text. */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < svg.length) {
    const lt = svg.indexOf('<', i);
    const text = svg.slice(i, lt === -1 ? svg.length : lt);
    assert.doesNotMatch(text, /&(?!(amp|lt|gt|quot|apos);)/, `bare & in ${JSON.stringify(text)}`);
    assert.doesNotMatch(text, />/, `bare > in ${JSON.stringify(text)}`);
    if (lt === -1) break;
    tag.lastIndex = lt;
    const match = tag.exec(svg);
    assert.ok(match, `malformed tag at ${svg.slice(lt, lt + 80)}`);
    const [, closing, name, attributes, selfClosing] = match;
    assert.doesNotMatch(attributes!, /&(?!(amp|lt|gt|quot|apos);)/);
    if (closing) assert.equal(stack.pop(), name);
    else if (!selfClosing) stack.push(name!);
    i = tag.lastIndex;
  }
  assert.deepEqual(stack, []);
}

test('every chart is a well-formed, labelled SVG image with its source line', () => {
  for (const [id, svg] of Object.entries(allCharts())) {
    assertWellFormed(svg);
    const root = /^<svg ([^>]*)>/.exec(svg);
    assert.ok(root, id);
    const attributes = root[1]!;
    assert.match(attributes, /xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(attributes, /role="img"/);
    assert.match(attributes, new RegExp(`aria-labelledby="${id}-title ${id}-desc"`));
    const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(attributes)!;
    assert.match(attributes, new RegExp(`width="${w}" height="${h}"`));
    assert.match(
      attributes,
      /font-family="system-ui, -apple-system, &quot;Segoe UI&quot;, Roboto, Arial, sans-serif"/,
    );
    assert.doesNotMatch(svg, /GDS Transport/i);
    // Exactly one title with an id, first in the document, then the desc.
    assert.equal(svg.match(/<title id=/g)!.length, 1);
    assert.ok(svg.slice(root[0].length).startsWith(`<title id="${id}-title">`), id);
    assert.match(svg, new RegExp(`</title><desc id="${id}-desc">[^<]{10,}</desc>`));
    const source = /<text class="chart-source"[^>]*>(.*?)<\/text>/.exec(svg)![1]!;
    assert.equal(
      source.replace(/<\/tspan><tspan[^>]*>/g, ' ').replace(/<\/?tspan[^>]*>/g, ''),
      `Source: ${escapeXml(`Fingertips ${nasty}`)}. 2021/22. Byar’s method`,
    );
    assert.ok(svg.lastIndexOf('chart-source') > svg.lastIndexOf('chart-body'), 'source line at the bottom');
    // The raw label never appears unescaped; its escaped form does.
    assert.ok(!svg.includes(nasty));
    assert.ok(svg.includes(escapeXml(nasty)));
    // No text smaller than 12px.
    for (const [, size] of svg.matchAll(/font-size="([\d.]+)"/g))
      assert.ok(Number(size) >= 12, `${id} ${size}`);
  }
});

test('charts are deterministic: the same input gives the same string', () => {
  assert.deepEqual(allCharts(), allCharts());
});

test('a chart id that cannot be used in url(#...) is refused', () => {
  assert.throws(
    () => renderTileMap({ id: 'a b"', title: 't', ...frame, tiles: [] }),
    (error) => error instanceof RangeError,
  );
});

test('svgToPng renders a PNG, twice the size by default', () => {
  const svg = allCharts().tiles!;
  const png = svgToPng(svg);
  assert.ok(Buffer.isBuffer(png));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = Number(/width="([\d.]+)"/.exec(svg)![1]);
  assert.equal(png.readUInt32BE(16), width * 2);
  assert.equal(svgToPng(svg, { scale: 1 }).readUInt32BE(16), width);
});

test('escapeXml escapes the five XML specials and nothing else', () => {
  assert.equal(escapeXml(`a<b>&"c"'d' é`), 'a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos; é');
  assert.equal(escapeXml('&amp;'), '&amp;amp;');
});

test('significance styles: stored labels, fallback, distinct cues and safe contrast', () => {
  assert.equal(significanceStyle('Better').key, 'better');
  assert.equal(significanceStyle(' worse ').label, 'Worse');
  assert.equal(significanceStyle('Higher').pattern, 'dots');
  assert.equal(significanceStyle('Lower').fill, '#d9d2e9');
  for (const other of ['Best', '', 'Not compared', 'nonsense']) {
    assert.deepEqual(significanceStyle(other), significanceStyle('Not compared'));
  }
  const styles = significanceStyles();
  assert.deepEqual(
    styles.map((s) => s.label),
    ['Better', 'Similar', 'Worse', 'Higher', 'Lower', 'Not compared'],
  );
  assert.equal(new Set(styles.map((s) => s.symbol)).size, styles.length);
  assert.equal(new Set(styles.map((s) => `${s.fill} ${s.pattern}`)).size, styles.length);
  for (const style of styles) {
    // Outlines reach 3:1 on white (non-text contrast); text chosen for a fill reaches 4.5:1.
    assert.ok(contrastRatio(style.stroke, '#ffffff') >= 3, style.key);
    assert.ok(contrastRatio(textColourOn(style.fill), style.fill) >= 4.5, style.key);
  }
  const defs = significancePatternDefs('x-sig');
  for (const style of styles.filter((s) => s.pattern !== null))
    assert.match(defs, new RegExp(`id="x-sig-${style.key}"`));
  assert.equal(defs.match(/<pattern /g)!.length, 3);
  assert.ok(defs.startsWith('<defs>') && defs.endsWith('</defs>'));
});

test('contrast, text colour, number formats, wrapping, ticks and counts', () => {
  assert.equal(Math.round(contrastRatio('#000000', '#ffffff')), 21);
  assert.ok(contrastRatio(chartTheme.text, '#ffffff') > 19);
  assert.equal(textColourOn('#1d70b8'), '#ffffff');
  assert.equal(textColourOn('#ffdd00'), chartTheme.text);
  assert.deepEqual([12345.67, 45.25, 3.14678, 0.04567, 0, -0.0001].map(formatNumber), [
    '12,345.7',
    '45.3',
    '3.15',
    '0.046',
    '0',
    '0',
  ]);
  assert.deepEqual(wrapText('one two three four', 60, 14), ['one two', 'three', 'four']);
  assert.deepEqual(wrapText('', 60, 14), ['']);
  for (const [lo, hi] of [
    [0, 1],
    [0, 87],
    [-3, 1234],
    [5, 5],
    [0, 0],
    [0.001, 0.0013],
  ] as const) {
    const { scale, ticks } = niceLinearScale(lo, hi, [0, 100]);
    assert.ok(ticks.length >= 4 && ticks.length <= 6, `${lo}..${hi}: ${ticks}`);
    const [d0, d1] = scale.domain() as [number, number];
    assert.ok(d0 <= lo && d1 >= hi);
  }
  assert.equal(
    describeSignificance(['Worse', 'Better', 'better', 'x', 'Similar']),
    '2 better, 1 similar, 1 worse, 1 not compared',
  );
  assert.equal(describeSignificance([]), '');
});
