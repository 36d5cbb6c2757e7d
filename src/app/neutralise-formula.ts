const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A text cell a spreadsheet will show rather than run: text starting with = + - @ (or a tab or carriage
 * return, which some spreadsheets skip before reading a formula) gets a leading apostrophe, as OWASP advises
 * against CSV injection. Numbers, and text that is just a number such as "-1.5", are left alone: analysts
 * read these files as data.
 */
export function neutraliseFormula<T>(value: T): T | string {
  if (typeof value !== 'string' || !formulaStart.test(value) || plainNumber.test(value)) return value;
  return `'${value}`;
}
