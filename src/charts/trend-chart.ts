import { scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { chartFrame } from './chart-frame.js';
import { chartTheme } from './chart-theme.js';
import { coord } from './coord.js';
import { describeSignificance } from './describe-significance.js';
import { escapeXml } from './escape-xml.js';
import { estimateTextWidth } from './estimate-text-width.js';
import { formatNumber } from './format-number.js';
import { niceLinearScale } from './nice-linear-scale.js';
import { significanceLegend } from './significance-legend.js';
import { significancePatternDefs, significanceStyle } from './significance-style.js';

/** One period's value in a series. */
export interface TrendPoint {
  period: string;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  significance?: string;
}

export interface TrendSeries {
  label: string;
  points: readonly TrendPoint[];
}

export interface TrendChartOptions {
  id: string;
  title: string;
  source: string;
  period: string;
  method: string;
  unit: string;
  /** The x axis, in order; points for other periods are not drawn. */
  periods: readonly string[];
  series: readonly TrendSeries[];
  /** Default 640. */
  width?: number;
}

// Every series differs from the others in colour, dash and marker shape at once, so any one of the three
// is enough to follow a line. The colours reach 3:1 on white (WCAG 1.4.11); blue and vermilion are the
// pair that colour-blind readers tell apart best, and black, purple, green and grey follow.
const colours = ['#1d70b8', '#d55e00', '#0b0c0c', '#4c2c92', '#00703c', '#6f777b'];
const dashes = ['', '8 4', '3 3', '12 3 3 3', '6 2 2 2 2 2'];
const shapes = ['circle', 'square', 'triangle', 'diamond', 'plus'] as const;
const plotHeight = 240;

/** A marker of the given shape centred on (x, y), about 10px across. */
function marker(shape: (typeof shapes)[number], x: number, y: number, attributes: string): string {
  const p = (dx: number, dy: number) => `${coord(x + dx)},${coord(y + dy)}`;
  switch (shape) {
    case 'circle':
      return `<circle cx="${coord(x)}" cy="${coord(y)}" r="5" ${attributes}/>`;
    case 'square':
      return `<rect x="${coord(x - 4.5)}" y="${coord(y - 4.5)}" width="9" height="9" ${attributes}/>`;
    case 'triangle':
      return `<path d="M${p(0, -6)}L${p(5.5, 4)}L${p(-5.5, 4)}Z" ${attributes}/>`;
    case 'diamond':
      return `<path d="M${p(0, -6.5)}L${p(6.5, 0)}L${p(0, 6.5)}L${p(-6.5, 0)}Z" ${attributes}/>`;
    case 'plus':
      return (
        `<path d="M${p(-2, -6)}H${coord(x + 2)}V${coord(y - 2)}H${coord(x + 6)}V${coord(y + 2)}H${coord(x + 2)}` +
        `V${coord(y + 6)}H${coord(x - 2)}V${coord(y + 2)}H${coord(x - 6)}V${coord(y - 2)}H${coord(x - 2)}Z" ${attributes}/>`
      );
  }
}

function seriesStyle(index: number) {
  return {
    colour: colours[index % colours.length]!,
    dash: dashes[index % dashes.length]!,
    shape: shapes[index % shapes.length]!,
  };
}

function describe(options: TrendChartOptions): string {
  const { periods, series } = options;
  const parts = [
    `${series.length} series over ${periods.length} ` +
      `${periods.length === 1 ? 'period' : 'periods'}` +
      (periods.length > 1 ? `, ${periods[0]} to ${periods[periods.length - 1]}` : ''),
  ];
  const unit = options.unit.trim() === '' ? '' : ` (${options.unit.trim()})`;
  for (const s of series) {
    const known = periods
      .map((period) => s.points.find((point) => point.period === period))
      .filter((point) => point !== undefined && point.value !== null) as TrendPoint[];
    if (known.length === 0) parts.push(`${s.label}: no values`);
    else {
      const first = known[0]!;
      const last = known[known.length - 1]!;
      parts.push(
        known.length === 1
          ? `${s.label}: ${formatNumber(first.value!)} in ${first.period}${unit}`
          : `${s.label}: from ${formatNumber(first.value!)} in ${first.period} to ` +
              `${formatNumber(last.value!)} in ${last.period}${unit}`,
      );
    }
  }
  const labels = series.flatMap((s) => s.points.flatMap((point) => point.significance ?? []));
  const counts = describeSignificance(labels);
  if (counts !== '') parts.push(`Points compared: ${counts}`);
  return `${parts.join('. ')}.`;
}

/**
 * A line chart of one or more series over time, one x position per period (periods are labels such as
 * '2019/20', not dates, so they are spaced evenly). Missing values leave gaps in the line rather than being
 * bridged, since a bridged line would show a trend the data does not have. Series are told apart by colour,
 * dash and marker shape together and named in a legend. 95% confidence intervals are error bars at each
 * point that has both limits. A point with a comparison result has its marker filled with that category's
 * colour and its symbol written above it, with a legend of the categories. The y axis starts at 0 (unless
 * values are negative) so that small changes are not made to look large; it has 4 to 6 round ticks. When
 * the period labels would overlap they are turned 45°. Each point has a `<title>` for hover.
 */
export function renderTrendChart(options: TrendChartOptions): string {
  const width = options.width ?? 640;
  const m = chartTheme.margin;
  const size = chartTheme.fontSize;
  const patternPrefix = `${options.id}-sig`;
  const { periods, series } = options;
  const parts: string[] = [];
  let y = 0;

  // Legend of series.
  let lx = m;
  const items: string[] = [];
  series.forEach((s, i) => {
    const { colour, dash, shape } = seriesStyle(i);
    const itemWidth = 40 + estimateTextWidth(s.label, size);
    if (lx > m && lx + itemWidth > width - m) {
      lx = m;
      y += 24;
    }
    items.push(
      `<g class="series-key">` +
        `<line x1="${coord(lx)}" x2="${coord(lx + 32)}" y1="${y + 11}" y2="${y + 11}" stroke="${colour}" ` +
        `stroke-width="2.5"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>` +
        marker(shape, lx + 16, y + 11, `fill="${colour}" stroke="#ffffff" stroke-width="1"`) +
        `<text x="${coord(lx + 40)}" y="${y + 16}">${escapeXml(s.label)}</text></g>`,
    );
    lx += itemWidth + 20;
  });
  parts.push(items.join(''));
  if (series.length > 0) y += 28;
  const significances = series.flatMap((s) => s.points.flatMap((point) => point.significance ?? []));
  const legend = significanceLegend(significances, patternPrefix, m, y, width - 2 * m);
  parts.push(legend.svg);
  y += legend.height + (legend.height > 0 ? 8 : 0);

  const numbers: number[] = [0];
  for (const s of series) {
    for (const point of s.points) {
      if (!periods.includes(point.period) || point.value === null) continue;
      numbers.push(point.value);
      if (point.lower95 !== null && point.upper95 !== null) numbers.push(point.lower95, point.upper95);
    }
  }
  if (options.unit.trim() !== '') {
    parts.push(`<text class="unit" x="${m}" y="${y + 14}">${escapeXml(options.unit.trim())}</text>`);
    y += 24;
  }
  const plotTop = y + 8;
  const plotBottom = plotTop + plotHeight;
  const { scale: yScale, ticks } = niceLinearScale(Math.min(...numbers), Math.max(...numbers), [
    plotBottom,
    plotTop,
  ]);
  const tickWidth = Math.max(...ticks.map((t) => estimateTextWidth(formatNumber(t), size)));
  const plotLeft = m + tickWidth + 10;
  const plotRight = width - m - 8;
  const x = scalePoint<string>().domain(periods).range([plotLeft, plotRight]).padding(0.5);
  const at = (period: string) => x(period)!;

  parts.push(
    `<g class="grid">` +
      ticks
        .map(
          (t) =>
            `<line x1="${coord(plotLeft)}" x2="${coord(plotRight)}" y1="${coord(yScale(t))}" y2="${coord(yScale(t))}" ` +
            `stroke="${chartTheme.grid}"/>` +
            `<text x="${coord(plotLeft - 8)}" y="${coord(yScale(t) + 5)}" text-anchor="end">` +
            `${escapeXml(formatNumber(t))}</text>`,
        )
        .join('') +
      `<line x1="${coord(plotLeft)}" x2="${coord(plotRight)}" y1="${coord(plotBottom)}" y2="${coord(plotBottom)}" ` +
      `stroke="${chartTheme.axis}"/></g>`,
  );

  // Period labels, turned when they would not fit side by side.
  const labelWidths = periods.map((period) => estimateTextWidth(period, size));
  const turned = periods.length > 0 && Math.max(...labelWidths) + 8 > x.step();
  const labelY = plotBottom + 20;
  parts.push(
    `<g class="periods">` +
      periods
        .map((period) => {
          const px = coord(at(period));
          const tick = `<line x1="${px}" x2="${px}" y1="${coord(plotBottom)}" y2="${coord(plotBottom + 5)}" stroke="${chartTheme.axis}"/>`;
          return turned
            ? `${tick}<text x="${px}" y="${coord(labelY - 4)}" text-anchor="end" transform="rotate(-45 ${px} ${coord(labelY - 4)})">` +
                `${escapeXml(period)}</text>`
            : `${tick}<text x="${px}" y="${coord(labelY)}" text-anchor="middle">${escapeXml(period)}</text>`;
        })
        .join('') +
      '</g>',
  );
  y = turned ? plotBottom + 16 + Math.max(0, ...labelWidths) * 0.71 + 8 : plotBottom + 28;

  const path = line<TrendPoint | null>()
    .defined((point) => point !== null && point.value !== null)
    .x((point) => at(point!.period))
    .y((point) => yScale(point!.value!))
    .digits(2);
  // Symbols go on top of every series, so that a later line cannot hide an earlier series' symbols.
  const symbols: string[] = [];
  series.forEach((s, i) => {
    const { colour, dash, shape } = seriesStyle(i);
    const byPeriod = periods.map((period) => s.points.find((point) => point.period === period) ?? null);
    const points = byPeriod
      .filter((point): point is TrendPoint => point !== null && point.value !== null)
      .map((point) => {
        const px = at(point.period);
        const py = yScale(point.value!);
        const hasCi = point.lower95 !== null && point.upper95 !== null;
        const style = point.significance === undefined ? null : significanceStyle(point.significance);
        const limits = hasCi ? ` (${formatNumber(point.lower95!)}–${formatNumber(point.upper95!)})` : '';
        const hover = `${s.label}, ${point.period}: ${formatNumber(point.value!)}${limits}${style === null ? '' : `, ${style.label}`}`;
        let ci = '';
        let top = py - 7;
        if (hasCi) {
          const ly = coord(yScale(point.lower95!));
          const uy = coord(yScale(point.upper95!));
          ci =
            `<path class="ci" d="M${coord(px)},${ly}V${uy}M${coord(px - 4)},${ly}H${coord(px + 4)}` +
            `M${coord(px - 4)},${uy}H${coord(px + 4)}" fill="none" stroke="${colour}" stroke-width="1.5"/>`;
          top = Math.min(top, yScale(point.upper95!) - 2);
        }
        const fill = style === null ? colour : style.fill;
        const symbol =
          style === null
            ? ''
            : `<text x="${coord(px)}" y="${coord(top - 3)}" text-anchor="middle" font-size="${chartTheme.smallSize}" ` +
              `stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(style.symbol)}</text>`;
        symbols.push(symbol);
        return (
          `<g class="point" data-period="${escapeXml(point.period)}"><title>${escapeXml(hover)}</title>${ci}` +
          marker(shape, px, py, `fill="${fill}" stroke="${colour}" stroke-width="1.5"`) +
          '</g>'
        );
      });
    parts.push(
      `<g class="series" data-series="${escapeXml(s.label)}">` +
        `<path class="line" d="${path(byPeriod) ?? ''}" fill="none" stroke="${colour}" stroke-width="2.5"` +
        `${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>` +
        `${points.join('')}</g>`,
    );
  });

  parts.push(`<g class="symbols">${symbols.join('')}</g>`);

  return chartFrame({
    id: options.id,
    title: options.title,
    desc: describe(options),
    width,
    body: parts.join(''),
    bodyHeight: y,
    defs: significancePatternDefs(patternPrefix),
    source: options.source,
    period: options.period,
    method: options.method,
  });
}
