/**
 * The error every method throws for input it cannot compute on: a negative count, a missing column value
 * where one is required, a wrong number of age bands. `code` is stable for programs; `message` is for people
 * and, where PHEindicatormethods has one, carries the R package's wording.
 *
 * @example
 * try { proportion(5, -1); } catch (e) { if (e instanceof StatsInputError) console.log(e.code); }
 */
export class StatsInputError extends Error {
  readonly code: string;
  /** 0-based index of the offending row within the input given to the method, when one row is to blame. */
  readonly row: number | undefined;

  constructor(code: string, message: string, row?: number) {
    super(message);
    this.name = 'StatsInputError';
    this.code = code;
    this.row = row;
  }
}
