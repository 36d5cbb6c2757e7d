import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contrastRatio } from '../../src/charts/contrast-ratio.js';
import { renderTileMap, type TileMapOptions } from '../../src/charts/tile-map.js';

const options: TileMapOptions = {
  id: 'tiles',
  title: 'London boroughs',
  source: 'OHID',
  period: '2022',
  method: 'Compared with London',
  tiles: [
    {
      code: 'E09000007',
      abbreviation: 'CMD',
      name: 'Camden',
      x: 4,
      y: 2,
      significance: 'Better',
      value: 12.5,
    },
    {
      code: 'E09000001',
      abbreviation: 'CTY',
      name: 'City of London',
      x: 5,
      y: 3,
      significance: 'Worse',
      value: 20,
    },
    {
      code: 'E09000003',
      abbreviation: 'BAR',
      name: 'Barnet',
      x: 3,
      y: 1,
      significance: 'Similar',
      value: null,
    },
  ],
};

const tile = (svg: string, code: string) =>
  new RegExp(`<g class="tile" data-code="${code}"[^>]*>(.*?)</g>`).exec(svg)![1]!;

test('tiles are 48px squares placed by grid column and row, from the top-left tile', () => {
  const svg = renderTileMap(options);
  const square = (code: string) => {
    const [, x, y, w, h] = /<rect x="([\d.]+)" y="([\d.]+)" width="(\d+)" height="(\d+)"/.exec(
      tile(svg, code),
    )!;
    return [Number(x), Number(y), Number(w), Number(h)];
  };
  // 16px margin, 52px from one tile to the next; the grid is shifted so column 3 and row 1 come first.
  assert.deepEqual(square('E09000003'), [16, 0, 48, 48]);
  assert.deepEqual(square('E09000007'), [16 + 52, 52, 48, 48]);
  assert.deepEqual(square('E09000001'), [16 + 2 * 52, 2 * 52, 48, 48]);
});

test('each tile has its abbreviation in legible text, its symbol and hover text', () => {
  const svg = renderTileMap(options);
  const camden = tile(svg, 'E09000007');
  assert.match(camden, /<title>Camden: 12.5, Better<\/title>/);
  const ink = /fill="(#[0-9a-f]{6})">CMD</.exec(camden)![1]!;
  assert.ok(contrastRatio(ink, '#1d70b8') >= 4.5);
  assert.match(camden, />▲</);
  const city = tile(svg, 'E09000001');
  // Textured tile: the abbreviation sits on a white label, in near-black.
  assert.match(city, /fill="url\(#tiles-sig-worse\)"/);
  assert.match(city, /<rect [^>]*rx="3" fill="#ffffff"\/>.*fill="#0b0c0c">CTY</);
  assert.match(tile(svg, 'E09000003'), /<title>Barnet: No value, Similar<\/title>/);
});

test('the legend lists the categories present, with symbol and label, and the desc counts them', () => {
  const svg = renderTileMap(options);
  const items = [
    ...svg.matchAll(/class="legend-item" data-significance="[^"]+">.*?<text[^>]*>([^<]+)</g),
  ].map((m) => m[1]);
  assert.deepEqual(items, ['▲ Better', '● Similar', '▼ Worse']);
  assert.match(
    svg,
    /<desc id="tiles-desc">3 areas; 1 better, 1 similar, 1 worse\. Highest City of London 20, lowest Camden 12.5\. 1 with no value\.<\/desc>/,
  );
});
