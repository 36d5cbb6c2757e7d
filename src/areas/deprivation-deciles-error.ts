import { AppError } from '../errors/app-error.js';

/**
 * Why `healthhub deprivation-deciles` has nothing to show, as a stable code (status 400, exit 2):
 * - DECILES_UNKNOWN_AREA: --area names no area in the database;
 * - DECILES_NO_EDITION: no LSOA has a decile in the edition (its LSOA file was never imported);
 * - DECILES_NO_LSOAS: the area exists but no LSOA with a decile lies within it on the date (no lookup
 *   imported that links its LSOAs to it, or not for that date).
 */
export type DeprivationDecilesErrorCode = 'DECILES_UNKNOWN_AREA' | 'DECILES_NO_EDITION' | 'DECILES_NO_LSOAS';

export class DeprivationDecilesError extends AppError {
  declare readonly code: DeprivationDecilesErrorCode;

  constructor(code: DeprivationDecilesErrorCode, message: string) {
    super(code, message, 400);
  }
}
