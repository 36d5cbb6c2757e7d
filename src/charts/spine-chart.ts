import { chartFrame } from './chart-frame.js';
import { chartTheme } from './chart-theme.js';
import { coord } from './coord.js';
import { describeSignificance } from './describe-significance.js';
import { escapeXml } from './escape-xml.js';
import { formatNumber } from './format-number.js';
import { significanceLegend } from './significance-legend.js';
import { significanceFill, significancePatternDefs, significanceStyle } from './significance-style.js';
import { textBlock } from './text-block.js';
import { wrapText } from './wrap-text.js';

/** One indicator of an area profile: the area's value against the benchmark and the spread of its peers. */
export interface SpineChartRow {
  indicatorId: number;
  label: string;
  areaValue: number | null;
  /** England's value, at the centre of the spine. */
  benchmarkValue: number | null;
  /** The worst and best of the peers by the indicator's polarity (for low-is-good, worst is the highest). */
  worst: number | null;
  q25: number | null;
  q75: number | null;
  best: number | null;
  significance: string;
  /** 'high-is-good', 'low-is-good' or anything else (no judgement). */
  polarity: string;
}

export interface SpineChartOptions {
  id: string;
  title: string;
  source: string;
  period: string;
  method: string;
  rows: readonly SpineChartRow[];
  /** Default 860. */
  width?: number;
  /** The benchmark's name in the key and column heading; default 'England'. */
  benchmarkLabel?: string;
  /** The area column's heading; default 'Area'. */
  areaLabel?: string;
}

const lineHeight = 17;
const rangeFill = '#dee0e2';
const rangeStroke = '#6f777b';
const quartileFill = '#6f777b';

/**
 * Which way values run along the spine: +1 when higher values are to the right. Worst must always be at
 * the left and best at the right, so low-is-good runs the other way; with no judgement the row's own worst
 * and best (lowest and highest, by convention) decide.
 */
function direction(row: SpineChartRow): 1 | -1 {
  if (row.polarity === 'low-is-good') return -1;
  if (row.polarity === 'high-is-good') return 1;
  return row.worst !== null && row.best !== null && row.best < row.worst ? -1 : 1;
}

function show(value: number | null): string {
  return value === null ? 'No data' : formatNumber(value);
}

function hoverText(row: SpineChartRow, benchmarkLabel: string): string {
  const style = significanceStyle(row.significance);
  return (
    `${row.label}: ${show(row.areaValue)} (${style.label}); ${benchmarkLabel} ${show(row.benchmarkValue)}; ` +
    `worst ${show(row.worst)}, 25th percentile ${show(row.q25)}, 75th percentile ${show(row.q75)}, ` +
    `best ${show(row.best)}`
  );
}

/**
 * A Fingertips-style spine chart of an area profile: one row per indicator with the area's value, the
 * benchmark's value, and a spine showing where the area stands among its peers. Each spine is scaled so the
 * benchmark is at its centre and the further of worst and best reaches an end, which lets indicators in
 * different units share one picture; worst is always at the left and best at the right (low-is-good
 * indicators run high to low), so "further right is better" holds on every row. The full range is a light
 * bar, the interquartile range a darker one, the benchmark a vertical line, and the area's value a circle
 * with its category's colour and texture, its symbol written above it (on white, where it can be read). A
 * value outside its peers' range is pinned to the spine's end rather than drawn outside the chart. Rows that
 * lack the benchmark, worst or best say "No data" instead of a spine. A key explains the spine's parts.
 */
export function renderSpineChart(options: SpineChartOptions): string {
  const width = options.width ?? 860;
  const benchmarkLabel = options.benchmarkLabel ?? 'England';
  const areaLabel = options.areaLabel ?? 'Area';
  const m = chartTheme.margin;
  const size = chartTheme.fontSize;
  const small = chartTheme.smallSize;
  const patternPrefix = `${options.id}-sig`;
  const labelWidth = Math.round(width * 0.28);
  const areaRight = m + labelWidth + 12 + 72;
  const benchmarkRight = areaRight + 80;
  const worstRight = benchmarkRight + 80;
  const spineLeft = worstRight + 12;
  const bestLeft = width - m - 72;
  const spineRight = bestLeft - 12;
  const centre = (spineLeft + spineRight) / 2;
  const halfSpine = (spineRight - spineLeft) / 2;
  const parts: string[] = [];
  let y = 0;

  // Key: a made-up spine with its parts named, above and below so the labels do not collide.
  const keyAt = (fraction: number) => spineLeft + fraction * (spineRight - spineLeft);
  const keyMid = y + 30;
  parts.push(
    `<g class="key">` +
      textBlock(['How to read a spine'], m, keyMid + 5, lineHeight, 'font-weight="bold"') +
      `<rect x="${coord(spineLeft)}" y="${keyMid - 7}" width="${coord(spineRight - spineLeft)}" height="14" ` +
      `fill="${rangeFill}" stroke="${rangeStroke}"/>` +
      `<rect x="${coord(keyAt(0.3))}" y="${keyMid - 7}" width="${coord(keyAt(0.68) - keyAt(0.3))}" height="14" ` +
      `fill="${quartileFill}"/>` +
      `<line x1="${coord(centre)}" x2="${coord(centre)}" y1="${keyMid - 12}" y2="${keyMid + 12}" ` +
      `stroke="${chartTheme.text}" stroke-width="2"/>` +
      `<g font-size="${small}">` +
      `<text x="${coord(keyAt(0.3))}" y="${keyMid - 14}" text-anchor="end">25th percentile</text>` +
      `<text x="${coord(keyAt(0.68))}" y="${keyMid - 14}">75th percentile</text>` +
      `<text x="${coord(spineLeft)}" y="${keyMid + 26}">Worst</text>` +
      `<text x="${coord(centre)}" y="${keyMid + 26}" text-anchor="middle">${escapeXml(benchmarkLabel)}</text>` +
      `<text x="${coord(spineRight)}" y="${keyMid + 26}" text-anchor="end">Best</text>` +
      '</g></g>',
  );
  y = keyMid + 40;
  const legend = significanceLegend(
    options.rows.map((row) => row.significance),
    patternPrefix,
    m,
    y,
    width - 2 * m,
  );
  parts.push(legend.svg);
  y += legend.height + 12;

  // Column headings.
  const headings: [string, number, string][] = [
    ['Indicator', m, ''],
    [areaLabel, areaRight, 'text-anchor="end"'],
    [benchmarkLabel, benchmarkRight, 'text-anchor="end"'],
    ['Worst', worstRight, 'text-anchor="end"'],
    ['Range', centre, 'text-anchor="middle"'],
    ['Best', bestLeft, ''],
  ];
  const headingLines = headings.map(([text], i) => (i === 0 ? [text] : wrapText(text, 76, size, true)));
  const headingHeight = Math.max(...headingLines.map((lines) => lines.length)) * lineHeight + 8;
  parts.push(
    `<g class="headings" font-weight="bold">` +
      headings
        .map(([, x, anchor], i) => {
          const lines = headingLines[i]!;
          return textBlock(
            lines,
            x,
            y + headingHeight - 8 - (lines.length - 1) * lineHeight - 4,
            lineHeight,
            anchor,
          );
        })
        .join('') +
      '</g>',
  );
  y += headingHeight;
  parts.push(
    `<line x1="${m}" x2="${coord(width - m)}" y1="${y}" y2="${y}" stroke="${chartTheme.text}" stroke-width="1"/>`,
  );

  for (const row of options.rows) {
    const lines = wrapText(row.label, labelWidth, size);
    const rowHeight = Math.max(44, lines.length * lineHeight + 14);
    const mid = y + rowHeight / 2 + 4;
    const style = significanceStyle(row.significance);
    const cells =
      textBlock(lines, m, mid - ((lines.length - 1) * lineHeight) / 2 + 5, lineHeight) +
      `<text class="area-value" x="${areaRight}" y="${coord(mid + 5)}" text-anchor="end">` +
      `${escapeXml(show(row.areaValue))}</text>` +
      `<text x="${benchmarkRight}" y="${coord(mid + 5)}" text-anchor="end">${escapeXml(show(row.benchmarkValue))}</text>` +
      `<text x="${worstRight}" y="${coord(mid + 5)}" text-anchor="end">${escapeXml(show(row.worst))}</text>` +
      `<text x="${bestLeft}" y="${coord(mid + 5)}">${escapeXml(show(row.best))}</text>`;

    const { benchmarkValue: bench, worst, best } = row;
    const half =
      bench === null || worst === null || best === null
        ? 0
        : Math.max(Math.abs(worst - bench), Math.abs(best - bench));
    let spine: string;
    if (bench === null || worst === null || best === null || !(half > 0)) {
      spine = `<text class="no-data" x="${coord(centre)}" y="${coord(mid + 5)}" text-anchor="middle" font-style="italic">No data</text>`;
    } else {
      const sign = direction(row);
      const at = (value: number) =>
        Math.min(spineRight, Math.max(spineLeft, centre + (sign * (value - bench) * halfSpine) / half));
      const span = (a: number, b: number, attributes: string) =>
        `<rect x="${coord(Math.min(at(a), at(b)))}" y="${coord(mid - 7)}" width="${coord(Math.abs(at(b) - at(a)))}" ` +
        `height="14" ${attributes}/>`;
      spine =
        span(worst, best, `class="range" fill="${rangeFill}" stroke="${rangeStroke}"`) +
        (row.q25 !== null && row.q75 !== null
          ? span(row.q25, row.q75, `class="quartiles" fill="${quartileFill}"`)
          : '') +
        `<line class="benchmark" x1="${coord(centre)}" x2="${coord(centre)}" y1="${coord(mid - 12)}" ` +
        `y2="${coord(mid + 12)}" stroke="${chartTheme.text}" stroke-width="2"/>`;
      if (row.areaValue !== null) {
        const cx = coord(at(row.areaValue));
        // The white ring keeps the marker's edge visible on the dark interquartile bar.
        spine +=
          `<circle cx="${cx}" cy="${coord(mid)}" r="9" fill="#ffffff"/>` +
          `<circle class="marker" cx="${cx}" cy="${coord(mid)}" r="7" fill="${significanceFill(style, patternPrefix)}" ` +
          `stroke="${style.stroke}" stroke-width="1.5"/>` +
          `<text x="${cx}" y="${coord(mid - 11)}" text-anchor="middle">${escapeXml(style.symbol)}</text>`;
      }
    }
    parts.push(
      `<g class="indicator" data-indicator-id="${row.indicatorId}" data-significance="${style.key}">` +
        `<title>${escapeXml(hoverText(row, benchmarkLabel))}</title>${cells}${spine}</g>`,
    );
    y += rowHeight;
    parts.push(`<line x1="${m}" x2="${coord(width - m)}" y1="${y}" y2="${y}" stroke="${chartTheme.grid}"/>`);
  }

  const noData = options.rows.filter((row) => row.areaValue === null).length;
  const counts = describeSignificance(options.rows.map((row) => row.significance));
  const n = options.rows.length;
  const desc =
    `${n} ${n === 1 ? 'indicator' : 'indicators'}` +
    (counts === '' ? '' : ` compared with ${benchmarkLabel}: ${counts}`) +
    (noData > 0 ? `. ${noData} with no data` : '') +
    '. On each spine worst is at the left and best at the right.';

  return chartFrame({
    id: options.id,
    title: options.title,
    desc,
    width,
    body: parts.join(''),
    bodyHeight: y,
    defs: significancePatternDefs(patternPrefix),
    source: options.source,
    period: options.period,
    method: options.method,
  });
}
