import { chartFrame } from './chart-frame.js';
import { chartTheme } from './chart-theme.js';
import { coord } from './coord.js';
import { describeAreaComparison } from './describe-area-comparison.js';
import { escapeXml } from './escape-xml.js';
import { formatNumber } from './format-number.js';
import { pathData, projectRings } from './geo-path.js';
import { fitPlanarProjection } from './geo-projection.js';
import type { PolygonGeometry } from './polygon-geometry.js';
import { polygonLabelPoint } from './polygon-label-point.js';
import { significanceLegend } from './significance-legend.js';
import { significanceFill, significancePatternDefs, significanceStyle } from './significance-style.js';
import { textColourOn } from './text-colour-on.js';

/** One area of a geographic map: its outline (WGS84) and its comparison result. */
export interface GeoMapArea {
  code: string;
  name: string;
  significance: string;
  value: number | null;
  geometry: PolygonGeometry;
}

export interface GeoMapOptions {
  id: string;
  title: string;
  /** The data's source; the boundaries' credit belongs here too (their licence asks for it). */
  source: string;
  period: string;
  method: string;
  areas: readonly GeoMapArea[];
}

const width = 600;
// A tall set of areas (England's ICBs) is fitted to this height instead of the width.
const maxDrawingHeight = 640;
// The width, in tenths of a pixel, an area needs across its label point to hold a bare symbol.
const symbolRoom = 200;

/**
 * A geographic map: each area drawn in its outline, filled with the colour and texture of its comparison
 * category, with the category's symbol at a point inside it and a legend of the categories present, so that
 * colour is never the only cue. Unlike the tile map, areas keep their true shape and size: large outer
 * boroughs dominate and the City of London is a speck, which is why the tile map and the table sit beside it.
 *
 * Outlines are projected with fitPlanarProjection to 600px across (less for a tall set) and written with one
 * decimal, points that round onto the one before dropped (projectRings): London's 33 boroughs from ONS's
 * generalised boundaries come to some 20 KB. The symbols are drawn over all the outlines, so that no
 * neighbour covers one; a symbol on a textured fill sits on a small white disc, as on the tile map. Each area
 * is a `<g class="area">` with a `<title>` (name, value, category) for hover.
 */
export function renderGeoMap(options: GeoMapOptions): string {
  const m = chartTheme.margin;
  const patternPrefix = `${options.id}-sig`;
  const { areas } = options;
  const projection = fitPlanarProjection(
    areas.map((area) => area.geometry),
    width - 2 * m,
    maxDrawingHeight,
  );
  const dx = m + (width - 2 * m - projection.width) / 2;

  const outlines: string[] = [];
  const symbols: string[] = [];
  for (const area of areas) {
    const style = significanceStyle(area.significance);
    const rings = projectRings(area.geometry, projection);
    const hover = `${area.name}: ${area.value === null ? 'No value' : formatNumber(area.value)}, ${style.label}`;
    outlines.push(
      `<g class="area" data-code="${escapeXml(area.code)}" data-significance="${style.key}">` +
        `<title>${escapeXml(hover)}</title>` +
        `<path d="${pathData(rings, dx, 0)}" fill="${significanceFill(style, patternPrefix)}" ` +
        `stroke="${style.stroke}"/></g>`,
    );
    const point = polygonLabelPoint(rings);
    if (point) {
      const x = coord(point.x / 10 + dx);
      const y = point.y / 10;
      // On a texture no ink is safe everywhere; in an area narrower than the symbol, it would spill onto the
      // neighbours' colours. Either way the symbol sits on a white disc ringed in the category's stroke.
      const disc = style.pattern !== null || point.room < symbolRoom;
      const ink = disc ? chartTheme.text : textColourOn(style.fill);
      symbols.push(
        `<g data-code="${escapeXml(area.code)}">` +
          (disc
            ? `<circle cx="${x}" cy="${coord(y)}" r="7.5" fill="#ffffff" stroke="${style.stroke}"/>`
            : '') +
          `<text x="${x}" y="${coord(y + 4)}" fill="${ink}">${escapeXml(style.symbol)}</text></g>`,
      );
    }
  }
  let y = Math.ceil(projection.height) + 16;
  const legend = significanceLegend(
    areas.map((area) => area.significance),
    patternPrefix,
    m,
    y,
    width - 2 * m,
  );
  y += legend.height;

  return chartFrame({
    id: options.id,
    title: options.title,
    desc: describeAreaComparison(areas),
    width,
    body:
      // evenodd: a ring inside another is a hole whatever its winding; round joins keep thin spikes short.
      `<g class="areas" fill-rule="evenodd" stroke-width="1" stroke-linejoin="round">${outlines.join('')}</g>` +
      `<g class="symbols" text-anchor="middle" font-size="13" pointer-events="none">${symbols.join('')}</g>` +
      legend.svg,
    bodyHeight: y,
    defs: significancePatternDefs(patternPrefix),
    source: options.source,
    period: options.period,
    method: options.method,
  });
}
