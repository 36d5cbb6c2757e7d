import { AppError } from '../errors/app-error.js';

/** Another fund already has the slug asked for (409). */
export class FundSlugTakenError extends AppError {
  constructor(slug: string) {
    super('FUND_SLUG_TAKEN', `a fund with the slug ${slug} already exists`, 409);
  }
}
