import { AppError } from '../errors/app-error.js';

/** No area has the code (or one of the codes) asked for (404). */
export class AreaNotFoundError extends AppError {
  constructor(codes: readonly string[]) {
    super(
      'AREA_NOT_FOUND',
      codes.length === 1 ? `there is no area ${codes[0]}` : `there are no areas ${codes.join(', ')}`,
      404,
    );
  }
}
