import { AppError } from '../errors/app-error.js';

/** A page's query parameter that cannot be used: a 400 naming it. */
export class PageParameterError extends AppError {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super('INVALID_PARAMETER', `${parameter}: ${message}`, 400);
  }
}
