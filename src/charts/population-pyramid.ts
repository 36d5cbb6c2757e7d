import { chartFrame } from './chart-frame.js';
import { chartTheme } from './chart-theme.js';
import { coord } from './coord.js';
import { escapeXml } from './escape-xml.js';
import { formatNumber } from './format-number.js';
import { niceLinearScale } from './nice-linear-scale.js';

/** One age band's share of the total population, in per cent, by sex. */
export interface PyramidBand {
  label: string;
  male: number;
  female: number;
}

export interface PopulationPyramidOptions {
  id: string;
  title: string;
  source: string;
  period: string;
  method: string;
  /** Youngest first, as ONS tables list them; drawn with the oldest at the top. */
  bands: readonly PyramidBand[];
  /** Another population's shares, matched to `bands` by label, drawn as an outline. */
  comparison?: readonly PyramidBand[];
  /** Default 'Comparison'. */
  comparisonLabel?: string;
  /** The bars' population in the legend; default 'This area'. */
  populationLabel?: string;
  /** Default 640. */
  width?: number;
}

// Blue and orange stay distinct for colour-blind readers; the sides are also labelled, so colour is a
// reminder of sex, not the only way to know it.
const male = { fill: '#1d70b8', stroke: '#003078' };
const female = { fill: '#f47738', stroke: '#6f2b00' };
const rowHeight = 18;
const centreWidth = 64;

const percent = (value: number) => `${formatNumber(value)}%`;

function total(bands: readonly PyramidBand[], sex: 'male' | 'female'): number {
  return bands.reduce((sum, band) => sum + band[sex], 0);
}

/**
 * A population pyramid: each age band's share of the total population, males to the left and females to
 * the right of a central column of age labels, oldest at the top. Both sides share one scale so that their
 * lengths compare. A comparison population (London or England, say) is a stepped outline with no fill over
 * the bars, so both shapes stay visible where they overlap; it is named in a legend. Each band is a `<g>`
 * with a `<title>` giving its shares for hover.
 */
export function renderPopulationPyramid(options: PopulationPyramidOptions): string {
  const width = options.width ?? 640;
  const m = chartTheme.margin;
  const small = chartTheme.smallSize;
  const comparisonLabel = options.comparisonLabel ?? 'Comparison';
  const populationLabel = options.populationLabel ?? 'This area';
  const rows = [...options.bands].reverse();
  const comparisonByLabel = new Map((options.comparison ?? []).map((band) => [band.label, band]));
  const halfWidth = (width - 2 * m - centreWidth) / 2;
  const leftZero = m + halfWidth;
  const rightZero = leftZero + centreWidth;
  const values = [...options.bands, ...(options.comparison ?? [])].flatMap((band) => [
    band.male,
    band.female,
  ]);
  const { scale, ticks } = niceLinearScale(0, Math.max(0, ...values), [0, halfWidth - 8]);
  const parts: string[] = [];
  let y = 0;

  // Legend.
  parts.push(
    `<g class="legend">` +
      `<rect x="${m}" y="${y + 3}" width="11" height="16" fill="${male.fill}" stroke="${male.stroke}"/>` +
      `<rect x="${m + 11}" y="${y + 3}" width="11" height="16" fill="${female.fill}" stroke="${female.stroke}"/>` +
      `<text x="${m + 30}" y="${y + 16}">${escapeXml(populationLabel)}</text>` +
      (options.comparison === undefined
        ? ''
        : `<path d="M${coord(width / 2)},${y + 4}H${coord(width / 2 + 11)}V${y + 18}H${coord(width / 2 + 22)}" ` +
          `fill="none" stroke="${chartTheme.text}" stroke-width="2"/>` +
          `<text x="${coord(width / 2 + 30)}" y="${y + 16}">${escapeXml(comparisonLabel)} (outline)</text>`) +
      '</g>',
  );
  y += 32;
  parts.push(
    `<g class="sides" font-weight="bold">` +
      `<text x="${coord(leftZero)}" y="${y + 14}" text-anchor="end">Males</text>` +
      `<text x="${coord(width / 2)}" y="${y + 14}" text-anchor="middle">Age</text>` +
      `<text x="${coord(rightZero)}" y="${y + 14}">Females</text></g>`,
  );
  y += 24;

  const top = y;
  const bottom = top + rows.length * rowHeight;
  parts.push(
    `<g class="grid" stroke="${chartTheme.grid}">` +
      ticks
        .filter((t) => t > 0)
        .map(
          (t) =>
            `<line x1="${coord(leftZero - scale(t))}" x2="${coord(leftZero - scale(t))}" y1="${top}" y2="${bottom}"/>` +
            `<line x1="${coord(rightZero + scale(t))}" x2="${coord(rightZero + scale(t))}" y1="${top}" y2="${bottom}"/>`,
        )
        .join('') +
      '</g>',
  );

  rows.forEach((band, i) => {
    const rowTop = top + i * rowHeight;
    const mid = rowTop + rowHeight / 2;
    const other = comparisonByLabel.get(band.label);
    const hover =
      `Age ${band.label}: males ${percent(band.male)}, females ${percent(band.female)}` +
      (other === undefined
        ? ''
        : `; ${comparisonLabel} males ${percent(other.male)}, females ${percent(other.female)}`);
    parts.push(
      `<g class="band" data-band="${escapeXml(band.label)}"><title>${escapeXml(hover)}</title>` +
        `<rect class="male" x="${coord(leftZero - scale(band.male))}" y="${coord(rowTop + 2)}" ` +
        `width="${coord(scale(band.male))}" height="${rowHeight - 4}" fill="${male.fill}" stroke="${male.stroke}"/>` +
        `<rect class="female" x="${coord(rightZero)}" y="${coord(rowTop + 2)}" ` +
        `width="${coord(scale(band.female))}" height="${rowHeight - 4}" fill="${female.fill}" stroke="${female.stroke}"/>` +
        `<text x="${coord(width / 2)}" y="${coord(mid + 4.5)}" text-anchor="middle" font-size="${small}">` +
        `${escapeXml(band.label)}</text></g>`,
    );
  });

  if (options.comparison !== undefined) {
    // One stepped line per side: down each band at its value, across at each boundary to the next band's.
    const outline = (edge: (band: PyramidBand) => number): string => {
      let d = '';
      let open = false;
      rows.forEach((band, i) => {
        const other = comparisonByLabel.get(band.label);
        if (other === undefined) {
          open = false;
          return;
        }
        const x = coord(edge(other));
        const rowTop = coord(top + i * rowHeight);
        d += open ? `H${x}` : `M${x},${rowTop}`;
        d += `V${coord(top + (i + 1) * rowHeight)}`;
        open = true;
      });
      return d;
    };
    const d =
      outline((band) => leftZero - scale(band.male)) + outline((band) => rightZero + scale(band.female));
    if (d !== '') {
      // A white halo keeps the black outline visible where it runs over the bars.
      parts.push(
        `<g class="comparison" data-label="${escapeXml(comparisonLabel)}" fill="none">` +
          `<path d="${d}" stroke="#ffffff" stroke-width="4"/>` +
          `<path d="${d}" stroke="${chartTheme.text}" stroke-width="2"/></g>`,
      );
    }
  }

  y = bottom;
  parts.push(
    `<g class="axis" font-size="${small}">` +
      `<line x1="${m}" x2="${coord(leftZero)}" y1="${y}" y2="${y}" stroke="${chartTheme.axis}"/>` +
      `<line x1="${coord(rightZero)}" x2="${coord(width - m)}" y1="${y}" y2="${y}" stroke="${chartTheme.axis}"/>` +
      ticks
        .map((t) => {
          const label = escapeXml(percent(t));
          const lx = coord(leftZero - scale(t));
          const rx = coord(rightZero + scale(t));
          return (
            `<line x1="${lx}" x2="${lx}" y1="${y}" y2="${y + 5}" stroke="${chartTheme.axis}"/>` +
            `<text x="${lx}" y="${y + 19}" text-anchor="middle">${label}</text>` +
            `<line x1="${rx}" x2="${rx}" y1="${y}" y2="${y + 5}" stroke="${chartTheme.axis}"/>` +
            `<text x="${rx}" y="${y + 19}" text-anchor="middle">${label}</text>`
          );
        })
        .join('') +
      '</g>' +
      `<text x="${coord(width / 2)}" y="${y + 42}" text-anchor="middle">Percentage of the total population</text>`,
  );
  y += 50;

  const largest = [...options.bands].sort((a, b) => b.male + b.female - (a.male + a.female))[0];
  const desc =
    `${options.bands.length} age bands: males ${percent(total(options.bands, 'male'))}, ` +
    `females ${percent(total(options.bands, 'female'))} of the total` +
    (largest === undefined
      ? ''
      : `. Largest band ${largest.label}, ${percent(largest.male + largest.female)}`) +
    (options.comparison === undefined
      ? ''
      : `. Outline: ${comparisonLabel}, males ${percent(total(options.comparison, 'male'))}, ` +
        `females ${percent(total(options.comparison, 'female'))}`) +
    '.';

  return chartFrame({
    id: options.id,
    title: options.title,
    desc,
    width,
    body: parts.join(''),
    bodyHeight: y,
    source: options.source,
    period: options.period,
    method: options.method,
  });
}
