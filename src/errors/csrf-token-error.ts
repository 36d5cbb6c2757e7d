import { AppError } from './app-error.js';

/** A form came back without the CSRF token of the session (or of the visitor) that was given it (403). */
export class CsrfTokenError extends AppError {
  constructor() {
    super(
      'CSRF_TOKEN_INVALID',
      'the form has expired or did not come from this site: go back, reload and try again',
      403,
    );
  }
}
