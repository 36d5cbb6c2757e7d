import { AppError } from '../errors/app-error.js';

/**
 * Why `healthhub compute` computed nothing, as a stable code (status 400, exit 2; nothing was written):
 * - COMPUTE_NO_INDICATOR: the indicator does not exist and no name was given to create it;
 * - COMPUTE_BAD_AGES: the ages asked for do not fall on the edges of the standard population's bands;
 * - COMPUTE_NO_DATA: no area has both the counts and the populations (or denominators) asked for;
 * - COMPUTE_AREAS: an area asked for by code cannot be computed (unknown, no data, or bands that do not fit).
 */
export type ComputeErrorCode =
  | 'COMPUTE_NO_INDICATOR'
  | 'COMPUTE_BAD_AGES'
  | 'COMPUTE_NO_DATA'
  | 'COMPUTE_AREAS';

export class ComputeError extends AppError {
  declare readonly code: ComputeErrorCode;

  constructor(code: ComputeErrorCode, message: string) {
    super(code, message, 400);
  }
}
