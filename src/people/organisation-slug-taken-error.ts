import { AppError } from '../errors/app-error.js';

/** An organisation already has this short name, archived or not (409): slugs appear in URLs and exports. */
export class OrganisationSlugTakenError extends AppError {
  constructor(slug: string) {
    super('ORGANISATION_SLUG_TAKEN', `an organisation with the short name ${slug} already exists`, 409);
  }
}
