import { chartTheme } from './chart-theme.js';
import { contrastRatio } from './contrast-ratio.js';

/**
 * The colour for text drawn on a solid fill: white or the theme's near-black, whichever contrasts more.
 * One of the two always reaches 4.5:1 (WCAG 1.4.3) on any colour, so text written on a shape stays legible
 * whatever the shape's colour.
 */
export function textColourOn(fill: string): string {
  return contrastRatio(fill, '#ffffff') >= contrastRatio(fill, chartTheme.text) ? '#ffffff' : chartTheme.text;
}
