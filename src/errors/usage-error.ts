import { AppError } from './app-error.js';

/** The command line was used wrongly: unknown command, unknown option, missing argument. Exit code 2. */
export class UsageError extends AppError {
  constructor(message: string) {
    super('USAGE', message, 400);
  }
}
