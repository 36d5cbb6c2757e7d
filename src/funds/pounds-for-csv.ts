/** Pence as a plain decimal number of pounds for a CSV cell ("150000.00"), so spreadsheets can add them up. */
export function poundsForCsv(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  const rest = abs % 100;
  return `${sign}${(abs - rest) / 100}.${String(rest).padStart(2, '0')}`;
}
