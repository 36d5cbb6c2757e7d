import { significanceStyle, significanceStyles } from './significance-style.js';

/**
 * How many results fall in each comparison category, in words, for a chart's `<desc>`: for example
 * "5 better, 20 similar, 8 worse". Categories come in the legends' order and empty ones are left out, so
 * that a screen-reader user hears the same breakdown a sighted reader sees in the legend. Empty when there
 * are no labels.
 */
export function describeSignificance(labels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const label of labels) {
    const key = significanceStyle(label).key;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return significanceStyles()
    .filter((style) => counts.has(style.key))
    .map((style) => `${counts.get(style.key)} ${style.label.toLowerCase()}`)
    .join(', ');
}
