/** The financial year starting in `start` as people write it: 2024 is "2024-25". */
export function formatFinancialYear(start: number): string {
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
