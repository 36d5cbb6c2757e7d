import { Resvg } from '@resvg/resvg-js';

/**
 * A PNG of a chart, for people who paste charts into documents and slides. Rendered at twice the SVG's size
 * by default so that it stays sharp on high-density screens and in print. System fonts are loaded because
 * the charts name a system font stack; DejaVu Sans is the fallback because it is on most Linux servers and
 * has the symbols (▲ ▼ ● ○ ↑ ↓) that the significance legends use.
 */
export function svgToPng(svg: string, options?: { scale?: number }): Buffer {
  const scale = options?.scale ?? 2;
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'zoom', value: scale },
  });
  return resvg.render().asPng();
}
