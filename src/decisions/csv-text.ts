/**
 * A text value for a CSV cell that a spreadsheet will not run: a cell starting with = + - @ (or a tab or
 * carriage return, which some spreadsheets skip before reading a formula) gets a leading apostrophe, as
 * OWASP advises against CSV injection. Numbers are left alone (the register writes them itself).
 */
export function csvText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
