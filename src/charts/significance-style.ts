import { escapeXml } from './escape-xml.js';

/** How one comparison result is drawn; `pattern` names the texture drawn over `fill`, null for a solid fill. */
export interface SignificanceStyle {
  key: string;
  label: string;
  fill: string;
  stroke: string;
  pattern: string | null;
  symbol: string;
}

// Blue against orange is the pairing that stays apart for all three kinds of colour-blindness (unlike
// Fingertips' green, amber and red), and the two also differ in lightness, so they stay apart in greyscale.
// Similar is a mid grey, Not compared white: neutral, and far lighter than Better. The strokes reach 3:1
// on white (WCAG 1.4.11), so even the light fills have a visible edge. Colour is never the only cue: every
// category has its own symbol, and Worse, Higher and Lower also have their own texture, so that on a tile
// map or bar chart without the symbol each category still looks different in greyscale.
const styles: readonly SignificanceStyle[] = [
  { key: 'better', label: 'Better', fill: '#1d70b8', stroke: '#003078', pattern: null, symbol: '▲' },
  { key: 'similar', label: 'Similar', fill: '#b1b4b6', stroke: '#505a5f', pattern: null, symbol: '●' },
  {
    key: 'worse',
    label: 'Worse',
    fill: '#f47738',
    stroke: '#6f2b00',
    pattern: 'diagonal-hatch',
    symbol: '▼',
  },
  { key: 'higher', label: 'Higher', fill: '#4c2c92', stroke: '#2b1a55', pattern: 'dots', symbol: '↑' },
  {
    key: 'lower',
    label: 'Lower',
    fill: '#d9d2e9',
    stroke: '#4c2c92',
    pattern: 'horizontal-lines',
    symbol: '↓',
  },
  {
    key: 'not-compared',
    label: 'Not compared',
    fill: '#ffffff',
    stroke: '#505a5f',
    pattern: null,
    symbol: '○',
  },
];

const notCompared = styles[styles.length - 1]!;

/**
 * The colour, texture and symbol for a comparison label as healthhub stores it ('Better', 'Similar', 'Worse',
 * 'Higher', 'Lower', 'Not compared'), matched without regard to case or surrounding spaces. Any other label
 * (an empty one, or a quintile such as 'Best') is drawn and labelled as Not compared: a chart must not claim
 * a judgement that these six categories do not express.
 */
export function significanceStyle(label: string): SignificanceStyle {
  const wanted = label.trim().toLowerCase();
  return styles.find((style) => style.label.toLowerCase() === wanted) ?? notCompared;
}

/** Every style, in legend order (Better, Similar, Worse, Higher, Lower, Not compared). */
export function significanceStyles(): readonly SignificanceStyle[] {
  return styles;
}

/**
 * The fill attribute for a shape of this category: the pattern defined by significancePatternDefs (which
 * paints the base colour too) when the category has one, else the plain colour.
 */
export function significanceFill(style: SignificanceStyle, idPrefix: string): string {
  return style.pattern === null ? style.fill : `url(#${escapeXml(idPrefix)}-${style.key})`;
}

function patternBody(style: SignificanceStyle): string {
  const base = `<rect width="6" height="6" fill="${style.fill}"/>`;
  switch (style.pattern) {
    case 'diagonal-hatch':
      return `${base}<line x1="0" y1="0" x2="0" y2="6" stroke="${style.stroke}" stroke-width="2"/>`;
    case 'dots':
      return `${base}<circle cx="3" cy="3" r="1.3" fill="#ffffff"/>`;
    case 'horizontal-lines':
      return `${base}<line x1="0" y1="3" x2="6" y2="3" stroke="${style.stroke}" stroke-width="1.5"/>`;
    default:
      return base;
  }
}

/**
 * A `<defs>` with one `<pattern>` per textured category, with ids `{idPrefix}-{key}` as significanceFill
 * refers to them. Each chart passes a prefix made from its own id, so that several charts on one page do
 * not share (and fight over) pattern ids. Patterns are in user space so that the texture has the same
 * density on a tall tile and a thin bar; the hatch is rotated 45° because diagonal lines read as a texture
 * and are not mistaken for the chart's own horizontal and vertical lines.
 */
export function significancePatternDefs(idPrefix: string): string {
  const patterns = styles
    .filter((style) => style.pattern !== null)
    .map((style) => {
      const rotate = style.pattern === 'diagonal-hatch' ? ' patternTransform="rotate(45)"' : '';
      return (
        `<pattern id="${escapeXml(idPrefix)}-${style.key}" width="6" height="6" patternUnits="userSpaceOnUse"${rotate}>` +
        `${patternBody(style)}</pattern>`
      );
    })
    .join('');
  return `<defs>${patterns}</defs>`;
}
