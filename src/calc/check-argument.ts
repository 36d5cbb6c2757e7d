import { StatsInputError } from '@healthhub/stats/errors';
import { CalcInputError } from './calc-input-error.js';

/**
 * Runs a library call for its argument checks alone (e.g. the confidence levels, with a trivial input), so a
 * bad option fails once, in the R package's wording, naming the option rather than a line of the file.
 */
export function checkArgument<T>(option: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof StatsInputError) throw new CalcInputError(error.code, `${option}: ${error.message}`);
    throw error;
  }
}
