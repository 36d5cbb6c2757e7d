import { AppError } from '../errors/app-error.js';

/** No indicator has the id asked for (404). */
export class IndicatorNotFoundError extends AppError {
  constructor(id: number) {
    super('INDICATOR_NOT_FOUND', `there is no indicator ${id}`, 404);
  }
}
