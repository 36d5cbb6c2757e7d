import { chartTheme } from './chart-theme.js';
import { coord } from './coord.js';
import { escapeXml } from './escape-xml.js';
import { textBlock } from './text-block.js';
import { wrapText } from './wrap-text.js';

/** What every chart has around its drawing: see chartFrame. */
export interface ChartFrameOptions {
  /** Prefix for the ids in the chart, unique on the page: letters, digits, '-' and '_', starting with a letter. */
  id: string;
  title: string;
  /** The data in words, for people who cannot see the chart. */
  desc: string;
  width: number;
  /** The drawing, with y = 0 at its top, and its height. */
  body: string;
  bodyHeight: number;
  defs?: string;
  source: string;
  period: string;
  method: string;
}

function sentence(text: string): string {
  return text.trim().replace(/\.$/, '');
}

/**
 * A complete SVG document around a chart's drawing: the accessible name and description (`<title>` and
 * `<desc>`, tied to the root by aria-labelledby with role="img", the pattern that screen readers announce
 * most reliably), a white background (so PNGs and dark pages keep the contrast the colours were chosen
 * for), the title written out above the drawing and the source line below it, so that a chart saved as an
 * image still says what it shows and where the data came from. Text is in the theme's system font and
 * near-black. Throws a RangeError for an id that could not be used in `url(#...)` references.
 */
export function chartFrame(options: ChartFrameOptions): string {
  const { id, width } = options;
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(id)) throw new RangeError(`chart id must be a simple XML id: ${id}`);
  const m = chartTheme.margin;
  const titleLines = wrapText(options.title, width - 2 * m, chartTheme.titleSize, true);
  const titleLineHeight = 24;
  const bodyTop = m + titleLines.length * titleLineHeight + 8;
  const sourceText = `Source: ${sentence(options.source)}. ${sentence(options.period)}. ${options.method.trim()}`;
  const sourceLines = wrapText(sourceText, width - 2 * m, chartTheme.smallSize);
  const sourceLineHeight = 16;
  const sourceTop = bodyTop + options.bodyHeight + 16;
  const height = Math.ceil(sourceTop + sourceLines.length * sourceLineHeight + m);
  const w = coord(width);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${w} ${height}" width="${w}" ` +
    `height="${height}" aria-labelledby="${id}-title ${id}-desc" ` +
    `font-family="${escapeXml(chartTheme.fontFamily)}" font-size="${chartTheme.fontSize}" fill="${chartTheme.text}">` +
    `<title id="${id}-title">${escapeXml(options.title)}</title>` +
    `<desc id="${id}-desc">${escapeXml(options.desc)}</desc>` +
    (options.defs ?? '') +
    `<rect class="background" width="${w}" height="${height}" fill="${chartTheme.background}"/>` +
    textBlock(
      titleLines,
      m,
      m + 18,
      titleLineHeight,
      `class="chart-title" font-size="${chartTheme.titleSize}" font-weight="bold"`,
    ) +
    `<g class="chart-body" transform="translate(0,${coord(bodyTop)})">${options.body}</g>` +
    textBlock(
      sourceLines,
      m,
      sourceTop + 12,
      sourceLineHeight,
      `class="chart-source" font-size="${chartTheme.smallSize}"`,
    ) +
    '</svg>'
  );
}
