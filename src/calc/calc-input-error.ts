import { AppError } from '../errors/app-error.js';

/**
 * Input `healthhub calc` cannot compute on: a missing column, a malformed number, a bad row. The message
 * names the line of the input file (1 is the header) and the problem. The command exits 2.
 */
export class CalcInputError extends AppError {
  readonly line: number | undefined;

  constructor(code: string, message: string, line?: number) {
    super(code, line === undefined ? message : `line ${line}: ${message}`, 400);
    this.line = line;
  }
}
