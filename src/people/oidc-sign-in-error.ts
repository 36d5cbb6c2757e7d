import { AppError } from '../errors/app-error.js';

/**
 * Sign-in through the identity provider failed: the response did not check out (state, nonce, signature,
 * audience, expiry), or the provider could not be reached (401). The detail goes to the log, not the page.
 */
export class OidcSignInError extends AppError {
  constructor(label: string, options?: { cause?: unknown }) {
    super('OIDC_SIGN_IN_FAILED', `${label} did not work: start again from the sign-in page`, 401, options);
  }
}
