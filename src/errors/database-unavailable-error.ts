import { AppError } from './app-error.js';

/** The database cannot be reached. Pages answer 503 and the application keeps trying. */
export class DatabaseUnavailableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('DATABASE_UNAVAILABLE', message, 503, options);
  }
}
