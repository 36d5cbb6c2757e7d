/** A financial year as people write it: 2024 (the year it starts, April) is "2024-25". */
export function financialYearLabel(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}
