import { coord } from './coord.js';
import { escapeXml } from './escape-xml.js';

/**
 * A `<text>` of one or more lines, each a `<tspan>` at the same x: SVG 1.1 text does not wrap, and resvg
 * (used for PNGs) does not support SVG 2 text wrapping, so lines are placed by hand. y is the first line's
 * baseline; attributes are written as given (they are the caller's own, not data).
 */
export function textBlock(
  lines: readonly string[],
  x: number,
  y: number,
  lineHeight: number,
  attributes = '',
): string {
  const spans = lines
    .map((line, i) => `<tspan x="${coord(x)}" y="${coord(y + i * lineHeight)}">${escapeXml(line)}</tspan>`)
    .join('');
  return `<text${attributes === '' ? '' : ` ${attributes}`}>${spans}</text>`;
}
