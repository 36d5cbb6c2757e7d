import { chartFrame } from './chart-frame.js';
import { chartTheme } from './chart-theme.js';
import { coord } from './coord.js';
import { describeSignificance } from './describe-significance.js';
import { escapeXml } from './escape-xml.js';
import { estimateTextWidth } from './estimate-text-width.js';
import { formatNumber } from './format-number.js';
import { niceLinearScale } from './nice-linear-scale.js';
import { significanceLegend } from './significance-legend.js';
import { significanceFill, significancePatternDefs, significanceStyle } from './significance-style.js';
import { textBlock } from './text-block.js';
import { wrapText } from './wrap-text.js';

/** One area's bar. */
export interface BarChartRow {
  code: string;
  label: string;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  significance: string;
}

/** A reference value drawn as a vertical line across the bars, such as London's or England's value. */
export interface BarChartBenchmark {
  label: string;
  value: number | null;
}

export interface BarChartOptions {
  id: string;
  title: string;
  source: string;
  period: string;
  method: string;
  unit: string;
  rows: readonly BarChartRow[];
  benchmarks: readonly BarChartBenchmark[];
  /** Default 640. */
  width?: number;
  /** Default 'value-desc'. */
  sort?: 'value-desc' | 'value-asc' | 'none';
}

// Distinct dash patterns, so that benchmark lines are told apart by shape, not by colour; all are drawn in
// near-black, the one colour sure to stand out against every bar fill.
const benchmarkDashes = ['', '8 4', '3 3', '12 3 3 3'];
const rowLineHeight = 17;
// A white outline behind the value, so it stays readable where a benchmark line runs through it.
const halo = ' stroke="#ffffff" stroke-width="3" paint-order="stroke"';
const barHeight = 18;

function ci(row: BarChartRow): { lower: number; upper: number } | null {
  return row.lower95 === null || row.upper95 === null ? null : { lower: row.lower95, upper: row.upper95 };
}

function hoverText(row: BarChartRow): string {
  const style = significanceStyle(row.significance);
  if (row.value === null) return `${row.label}: No value, ${style.label}`;
  const interval = ci(row);
  const limits =
    interval === null ? '' : ` (${formatNumber(interval.lower)}–${formatNumber(interval.upper)})`;
  return `${row.label}: ${formatNumber(row.value)}${limits}, ${style.label}`;
}

function sortedRows(rows: readonly BarChartRow[], sort: BarChartOptions['sort']): BarChartRow[] {
  const valued = rows.filter((row) => row.value !== null);
  const missing = rows.filter((row) => row.value === null);
  if (sort === 'value-asc') valued.sort((a, b) => a.value! - b.value!);
  else if (sort !== 'none') valued.sort((a, b) => b.value! - a.value!);
  return [...valued, ...missing];
}

function describe(options: BarChartOptions, rows: readonly BarChartRow[]): string {
  const valued = rows.filter((row) => row.value !== null);
  const parts = [`${rows.length} ${rows.length === 1 ? 'area' : 'areas'}`];
  const counts = describeSignificance(rows.map((row) => row.significance));
  if (counts !== '') parts[0] += `; ${counts}`;
  const unit = options.unit.trim() === '' ? '' : ` (${options.unit.trim()})`;
  if (valued.length > 0) {
    const byValue = [...valued].sort((a, b) => b.value! - a.value!);
    const high = byValue[0]!;
    const low = byValue[byValue.length - 1]!;
    parts.push(
      byValue.length === 1
        ? `Value ${formatNumber(high.value!)}${unit}`
        : `Highest ${high.label} ${formatNumber(high.value!)}, lowest ${low.label} ${formatNumber(low.value!)}${unit}`,
    );
  }
  const benchmarks = options.benchmarks.map(
    (b) => `${b.label} ${b.value === null ? 'no value' : formatNumber(b.value)}`,
  );
  if (benchmarks.length > 0) parts.push(`Benchmarks: ${benchmarks.join(', ')}`);
  const missing = rows.length - valued.length;
  if (missing > 0) parts.push(`${missing} with no value`);
  return `${parts.join('. ')}.`;
}

/**
 * A horizontal bar chart of one indicator across many areas, as in Fingertips' "compare areas" view: one
 * bar per area, sorted (largest first by default) so that rank is read from position; each bar's fill,
 * texture and symbol give its comparison category, and a legend names the categories. The value is printed
 * beyond the end of the bar and its interval, so it never sits on a coloured fill (no contrast to worry
 * about) nor on the whisker. 95% confidence intervals are whiskers with end caps, drawn only when both
 * limits exist (half an interval would misstate the uncertainty). Benchmarks are full-height lines with
 * their own dash patterns, named with their values in a key. Areas with no value keep their row, at the
 * end, saying "No value", so that missing data is visible rather than silently dropped. The axis starts at
 * 0, as bar lengths must be proportional to values, and is widened to round numbers with 4 to 6 ticks.
 * Each bar is a `<g>` with a `<title>` for hover text.
 */
export function renderBarChart(options: BarChartOptions): string {
  const width = options.width ?? 640;
  const m = chartTheme.margin;
  const size = chartTheme.fontSize;
  const patternPrefix = `${options.id}-sig`;
  const rows = sortedRows(options.rows, options.sort);
  const valued = rows.filter((row) => row.value !== null);

  const labelWidth = Math.max(
    80,
    Math.min(Math.max(0, ...rows.map((row) => estimateTextWidth(row.label, size))), width * 0.32),
  );
  const endText = (row: BarChartRow): string =>
    `${formatNumber(row.value!)} ${significanceStyle(row.significance).symbol}`;
  const valueTextWidth = Math.max(40, ...valued.map((row) => estimateTextWidth(endText(row), size))) + 8;

  const numbers: number[] = [0];
  for (const row of valued) {
    numbers.push(row.value!);
    const interval = ci(row);
    if (interval !== null) numbers.push(interval.lower, interval.upper);
  }
  for (const b of options.benchmarks) if (b.value !== null) numbers.push(b.value);
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const plotLeft = m + labelWidth + 12 + (min < 0 ? valueTextWidth : 0);
  const plotRight = width - m - (max > 0 ? valueTextWidth : 0);
  const { scale: x, ticks } = niceLinearScale(min, max, [plotLeft, Math.max(plotLeft + 40, plotRight)]);

  const parts: string[] = [];
  let y = 0;

  // Key: benchmarks first, then comparison categories.
  if (options.benchmarks.length > 0) {
    let kx = m;
    const items: string[] = [];
    options.benchmarks.forEach((b, i) => {
      const text = `${b.label}: ${b.value === null ? 'no value' : formatNumber(b.value)}`;
      const itemWidth = 34 + estimateTextWidth(text, size);
      if (kx > m && kx + itemWidth > width - m) {
        kx = m;
        y += 24;
      }
      const dash = benchmarkDashes[i % benchmarkDashes.length]!;
      items.push(
        `<g class="benchmark-key">` +
          `<line x1="${coord(kx)}" y1="${y + 11}" x2="${coord(kx + 28)}" y2="${y + 11}" stroke="${chartTheme.text}" ` +
          `stroke-width="2"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>` +
          `<text x="${coord(kx + 34)}" y="${y + 16}">${escapeXml(text)}</text></g>`,
      );
      kx += itemWidth + 20;
    });
    parts.push(items.join(''));
    y += 28;
  }
  const legend = significanceLegend(
    rows.map((row) => row.significance),
    patternPrefix,
    m,
    y,
    width - 2 * m,
  );
  parts.push(legend.svg);
  y += legend.height + (legend.height > 0 ? 8 : 0);

  const rowsTop = y;
  const grid = ticks
    .map((t) => `<line x1="${coord(x(t))}" x2="${coord(x(t))}" y1="${rowsTop}" y2="ROWS_BOTTOM"/>`)
    .join('');
  const gridIndex = parts.length;
  parts.push('');

  for (const row of rows) {
    const lines = wrapText(row.label, labelWidth, size);
    const rowHeight = Math.max(28, lines.length * rowLineHeight + 11);
    const mid = y + rowHeight / 2;
    const label = textBlock(
      lines,
      plotLeft - 12 - (min < 0 ? valueTextWidth : 0),
      mid - ((lines.length - 1) * rowLineHeight) / 2 + 5,
      rowLineHeight,
      'text-anchor="end"',
    );
    const style = significanceStyle(row.significance);
    let mark: string;
    if (row.value === null) {
      mark = `<text x="${coord(plotLeft + 4)}" y="${coord(mid + 5)}" font-style="italic">No value</text>`;
    } else {
      const x0 = x(0);
      const x1 = x(row.value);
      const interval = ci(row);
      mark =
        `<rect class="bar" x="${coord(Math.min(x0, x1))}" y="${coord(mid - barHeight / 2)}" ` +
        `width="${coord(Math.abs(x1 - x0))}" height="${barHeight}" fill="${significanceFill(style, patternPrefix)}" ` +
        `stroke="${style.stroke}" stroke-width="1"/>`;
      let reachRight = Math.max(x0, x1);
      let reachLeft = Math.min(x0, x1);
      if (interval !== null) {
        const lx = coord(x(interval.lower));
        const ux = coord(x(interval.upper));
        const top = coord(mid - 6);
        const bottom = coord(mid + 6);
        const path = `M${lx},${coord(mid)}H${ux}M${lx},${top}V${bottom}M${ux},${top}V${bottom}`;
        // A white halo keeps the black whisker visible on the darkest fills.
        mark +=
          `<g class="ci"><path d="${path}" fill="none" stroke="#ffffff" stroke-width="4"/>` +
          `<path d="${path}" fill="none" stroke="${chartTheme.text}" stroke-width="1.5"/></g>`;
        reachRight = Math.max(reachRight, x(interval.upper));
        reachLeft = Math.min(reachLeft, x(interval.lower));
      }
      mark +=
        row.value < 0
          ? `<text class="value" x="${coord(reachLeft - 6)}" y="${coord(mid + 5)}" text-anchor="end"${halo}>` +
            `${escapeXml(endText(row))}</text>`
          : `<text class="value" x="${coord(reachRight + 6)}" y="${coord(mid + 5)}"${halo}>${escapeXml(endText(row))}</text>`;
    }
    parts.push(
      `<g class="row" data-code="${escapeXml(row.code)}" data-significance="${style.key}">` +
        `<title>${escapeXml(hoverText(row))}</title>${label}${mark}</g>`,
    );
    y += rowHeight;
  }
  const rowsBottom = y;
  parts[gridIndex] =
    `<g class="grid" stroke="${chartTheme.grid}" stroke-width="1">` +
    grid.replaceAll('ROWS_BOTTOM', String(rowsBottom)) +
    '</g>';

  options.benchmarks.forEach((b, i) => {
    if (b.value === null) return;
    const bx = coord(x(b.value));
    const dash = benchmarkDashes[i % benchmarkDashes.length]!;
    const ends = `x1="${bx}" x2="${bx}" y1="${rowsTop - 4}" y2="${rowsBottom + 4}"`;
    parts.push(
      `<g class="benchmark" data-benchmark="${escapeXml(b.label)}">` +
        `<title>${escapeXml(`${b.label}: ${formatNumber(b.value)}`)}</title>` +
        `<line ${ends} stroke="#ffffff" stroke-width="5"/>` +
        `<line ${ends} stroke="${chartTheme.text}" stroke-width="2"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>` +
        '</g>',
    );
  });

  y += 4;
  const axis = ticks
    .map(
      (t) =>
        `<line x1="${coord(x(t))}" x2="${coord(x(t))}" y1="${y}" y2="${y + 6}" stroke="${chartTheme.axis}"/>` +
        `<text x="${coord(x(t))}" y="${y + 22}" text-anchor="middle">${escapeXml(formatNumber(t))}</text>`,
    )
    .join('');
  const [d0, d1] = x.range() as [number, number];
  parts.push(
    `<g class="axis"><line x1="${coord(d0)}" x2="${coord(d1)}" y1="${y}" y2="${y}" stroke="${chartTheme.axis}"/>` +
      `${axis}</g>`,
  );
  y += 28;
  if (options.unit.trim() !== '') {
    parts.push(
      `<text class="unit" x="${coord((d0 + d1) / 2)}" y="${y + 14}" text-anchor="middle">` +
        `${escapeXml(options.unit.trim())}</text>`,
    );
    y += 20;
  }

  return chartFrame({
    id: options.id,
    title: options.title,
    desc: describe(options, rows),
    width,
    body: parts.join(''),
    bodyHeight: y,
    defs: significancePatternDefs(patternPrefix),
    source: options.source,
    period: options.period,
    method: options.method,
  });
}
