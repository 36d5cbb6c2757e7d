import { chartFrame } from './chart-frame.js';
import { chartTheme } from './chart-theme.js';
import { coord } from './coord.js';
import { describeAreaComparison } from './describe-area-comparison.js';
import { escapeXml } from './escape-xml.js';
import { formatNumber } from './format-number.js';
import { significanceLegend } from './significance-legend.js';
import { significanceFill, significancePatternDefs, significanceStyle } from './significance-style.js';
import { textColourOn } from './text-colour-on.js';

/** One area's square: its place in the grid (column x, row y) and its comparison result. */
export interface TileMapTile {
  code: string;
  abbreviation: string;
  name: string;
  x: number;
  y: number;
  significance: string;
  value: number | null;
}

export interface TileMapOptions {
  id: string;
  title: string;
  source: string;
  period: string;
  method: string;
  tiles: readonly TileMapTile[];
}

// About the size of a fingertip, and room for a three-letter abbreviation above the symbol.
const tileSize = 48;
const tileGap = 4;

/**
 * A tile-grid map, such as London Squared: every area the same size, so that small inner boroughs weigh as
 * much as large outer ones, each filled with the colour and texture of its comparison category and marked
 * with its abbreviation and the category's symbol, with a legend of the categories present. Text on a solid
 * tile is white or near-black, whichever passes 4.5:1 on that fill; on a textured tile no text colour is
 * safe everywhere, so the abbreviation and symbol sit on small white labels. Grid coordinates are shifted so
 * the top-left tile is at the margin whether the grid counts from 0 or 1. Each tile is a `<g>` with a
 * `<title>` giving the area's name, value and category for hover.
 */
export function renderTileMap(options: TileMapOptions): string {
  const m = chartTheme.margin;
  const pitch = tileSize + tileGap;
  const patternPrefix = `${options.id}-sig`;
  const { tiles } = options;
  const minX = Math.min(...tiles.map((tile) => tile.x));
  const minY = Math.min(...tiles.map((tile) => tile.y));
  const columns = tiles.length === 0 ? 0 : Math.max(...tiles.map((tile) => tile.x)) - minX + 1;
  const rows = tiles.length === 0 ? 0 : Math.max(...tiles.map((tile) => tile.y)) - minY + 1;
  const width = Math.max(360, 2 * m + columns * pitch - tileGap);

  const drawn = tiles.map((tile) => {
    const style = significanceStyle(tile.significance);
    const left = m + (tile.x - minX) * pitch;
    const top = (tile.y - minY) * pitch;
    const centre = left + tileSize / 2;
    const hover = `${tile.name}: ${tile.value === null ? 'No value' : formatNumber(tile.value)}, ${style.label}`;
    const textured = style.pattern !== null;
    const ink = textured ? chartTheme.text : textColourOn(style.fill);
    const labels = textured
      ? `<rect x="${coord(left + 4)}" y="${coord(top + 5)}" width="${tileSize - 8}" height="19" rx="3" fill="#ffffff"/>` +
        `<circle cx="${coord(centre)}" cy="${coord(top + 35)}" r="9" fill="#ffffff"/>`
      : '';
    return (
      `<g class="tile" data-code="${escapeXml(tile.code)}" data-significance="${style.key}">` +
      `<title>${escapeXml(hover)}</title>` +
      `<rect x="${coord(left)}" y="${coord(top)}" width="${tileSize}" height="${tileSize}" ` +
      `fill="${significanceFill(style, patternPrefix)}" stroke="${style.stroke}" stroke-width="1.5"/>` +
      labels +
      `<text x="${coord(centre)}" y="${coord(top + 19)}" text-anchor="middle" font-size="13" font-weight="bold" ` +
      `fill="${ink}">${escapeXml(tile.abbreviation)}</text>` +
      `<text x="${coord(centre)}" y="${coord(top + 40)}" text-anchor="middle" font-size="14" fill="${ink}">` +
      `${escapeXml(style.symbol)}</text></g>`
    );
  });
  let y = rows * pitch - (rows > 0 ? tileGap : 0);
  y += 16;
  const legend = significanceLegend(
    tiles.map((tile) => tile.significance),
    patternPrefix,
    m,
    y,
    width - 2 * m,
  );
  y += legend.height;

  return chartFrame({
    id: options.id,
    title: options.title,
    desc: describeAreaComparison(tiles),
    width,
    body: `<g class="tiles">${drawn.join('')}</g>${legend.svg}`,
    bodyHeight: y,
    defs: significancePatternDefs(patternPrefix),
    source: options.source,
    period: options.period,
    method: options.method,
  });
}
