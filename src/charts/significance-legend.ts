import { chartTheme } from './chart-theme.js';
import { coord } from './coord.js';
import { escapeXml } from './escape-xml.js';
import { estimateTextWidth } from './estimate-text-width.js';
import { significanceFill, significanceStyle, significanceStyles } from './significance-style.js';

/**
 * A legend of the comparison categories among `labels`: for each, a swatch with the category's colour and
 * texture, then its symbol and name in text, so the key can be read without telling colours apart. Only the
 * categories present are listed (a key of absent categories is noise), in the fixed legend order whatever
 * the data's order, and items flow onto further rows when they do not fit in maxWidth. Returns the markup,
 * placed with its top-left corner at (x, y), and the height it takes.
 */
export function significanceLegend(
  labels: readonly string[],
  idPrefix: string,
  x: number,
  y: number,
  maxWidth: number,
): { svg: string; height: number } {
  const present = new Set(labels.map((label) => significanceStyle(label).key));
  const styles = significanceStyles().filter((style) => present.has(style.key));
  if (styles.length === 0) return { svg: '', height: 0 };
  const rowHeight = 24;
  const size = chartTheme.fontSize;
  let cx = x;
  let cy = y;
  const items: string[] = [];
  for (const style of styles) {
    const text = `${style.symbol} ${style.label}`;
    const itemWidth = 22 + 6 + estimateTextWidth(text, size);
    if (cx > x && cx + itemWidth > x + maxWidth) {
      cx = x;
      cy += rowHeight;
    }
    items.push(
      `<g class="legend-item" data-significance="${style.key}">` +
        `<rect x="${coord(cx)}" y="${coord(cy + 3)}" width="22" height="16" fill="${significanceFill(style, idPrefix)}" ` +
        `stroke="${style.stroke}" stroke-width="1.5"/>` +
        `<text x="${coord(cx + 28)}" y="${coord(cy + 16)}">${escapeXml(text)}</text></g>`,
    );
    cx += itemWidth + 20;
  }
  return { svg: `<g class="significance-legend">${items.join('')}</g>`, height: cy - y + rowHeight };
}
