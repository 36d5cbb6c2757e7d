const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/**
 * Pence as pounds for people: "£150,000", or "£3,200.50" when there are pence; "-£1,000" below zero. Integer
 * arithmetic only, so large sums are never rounded.
 */
export function formatPounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  const rest = abs % 100;
  return `${sign}£${grouped.format((abs - rest) / 100)}${rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`}`;
}
