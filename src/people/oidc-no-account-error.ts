import { AppError } from '../errors/app-error.js';

/** The provider vouched for someone who has no active account here: accounts are never made on the fly (403). */
export class OidcNoAccountError extends AppError {
  constructor() {
    super(
      'OIDC_NO_ACCOUNT',
      'there is no active London Health Hub account for you: ask an administrator to add you with your work email address',
      403,
    );
  }
}
