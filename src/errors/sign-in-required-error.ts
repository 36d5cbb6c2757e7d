import { AppError } from './app-error.js';

/** A staff page or action asked for without a session (401 SIGN_IN_REQUIRED; pages redirect instead). */
export class SignInRequiredError extends AppError {
  constructor() {
    super('SIGN_IN_REQUIRED', 'sign in to do this', 401);
  }
}
