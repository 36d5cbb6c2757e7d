import { AppError } from '../errors/app-error.js';

/** A request for a page or download that is not there (an unknown indicator or area): the 404 page. */
export class PageNotFoundError extends AppError {
  constructor(message: string) {
    super('PAGE_NOT_FOUND', message, 404);
  }
}
