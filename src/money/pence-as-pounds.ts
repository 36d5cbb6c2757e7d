/** Pence as a plain decimal number of pounds for exports ("150000.00", "3200.50"): exact, no grouping. */
export function penceAsPounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
