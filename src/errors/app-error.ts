/**
 * Base class of every error the application raises on purpose. `code` is stable (tests and API clients rely
 * on it); `statusCode` is the HTTP status it maps to; `expose` says whether the message is safe to show.
 */
export class AppError extends Error {
  readonly code: string;
  readonly statusCode: number;

  constructor(code: string, message: string, statusCode = 500, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.statusCode = statusCode;
  }
}
