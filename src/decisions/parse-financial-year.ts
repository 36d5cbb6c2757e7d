/**
 * A financial year as people write it ("2024-25", "2024/25" or "2024/2025") as the integer year it starts
 * (2024), or null when it is not one: the second year must follow the first.
 */
export function parseFinancialYear(text: string): number | null {
  const match = /^(20[0-9]{2})\s*[-/–]\s*([0-9]{2}|20[0-9]{2})$/.exec(text.trim());
  if (!match) return null;
  const start = Number(match[1]);
  const end = match[2]!;
  const expected = end.length === 2 ? String((start + 1) % 100).padStart(2, '0') : String(start + 1);
  return end === expected ? start : null;
}
