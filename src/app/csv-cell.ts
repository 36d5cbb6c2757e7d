import { neutraliseFormula } from './neutralise-formula.js';

/**
 * One CSV field: empty for null, text that would start a formula neutralised, quoted (quotes doubled) when
 * it holds a comma, quote or line break.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(neutraliseFormula(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
