import { AppError } from './app-error.js';

/** The application cannot start (port in use, data directory not writable, database down). */
export class StartupError extends AppError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, 500, options);
  }
}
