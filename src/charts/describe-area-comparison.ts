import { describeSignificance } from './describe-significance.js';
import { formatNumber } from './format-number.js';

/** An area as a map shows it: its name, value and comparison category. */
export interface ComparedArea {
  readonly name: string;
  readonly value: number | null;
  readonly significance: string;
}

/**
 * A map's description for screen readers (its `<desc>`): how many areas, how many in each comparison
 * category, the highest and lowest, and how many have no value.
 */
export function describeAreaComparison(areas: readonly ComparedArea[]): string {
  const parts = [`${areas.length} ${areas.length === 1 ? 'area' : 'areas'}`];
  const counts = describeSignificance(areas.map((area) => area.significance));
  if (counts !== '') parts[0] += `; ${counts}`;
  const valued = areas.filter((area) => area.value !== null).sort((a, b) => b.value! - a.value!);
  if (valued.length > 0) {
    const high = valued[0]!;
    const low = valued[valued.length - 1]!;
    parts.push(
      valued.length === 1
        ? `${high.name} ${formatNumber(high.value!)}`
        : `Highest ${high.name} ${formatNumber(high.value!)}, lowest ${low.name} ${formatNumber(low.value!)}`,
    );
  }
  const missing = areas.length - valued.length;
  if (missing > 0) parts.push(`${missing} with no value`);
  return `${parts.join('. ')}.`;
}
