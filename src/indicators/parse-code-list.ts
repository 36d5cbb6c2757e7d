import { PageParameterError } from '../app/page-parameter-error.js';

/**
 * A comma-separated list of codes from a page's query ("E09000012,E12000007"), each checked against
 * `pattern`, repeats dropped (a repeated column or row would only duplicate data), and between 1 and `max`
 * of them: more would make a page too wide or slow to read, and the limit is stated in the 400.
 */
export function parseCodeList(
  parameter: string,
  text: string,
  options: { pattern: RegExp; what: string; max: number },
): string[] {
  const codes = [
    ...new Set(
      text
        .split(',')
        .map((c) => c.trim())
        .filter((c) => c !== ''),
    ),
  ];
  const bad = codes.find((c) => !options.pattern.test(c));
  if (bad !== undefined) throw new PageParameterError(parameter, `‘${bad}’ is not ${options.what}`);
  if (codes.length === 0) throw new PageParameterError(parameter, 'names none');
  if (codes.length > options.max) {
    throw new PageParameterError(parameter, `names ${codes.length}; at most ${options.max} are allowed`);
  }
  return codes;
}
