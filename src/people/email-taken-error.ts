import { AppError } from '../errors/app-error.js';

/** A person with this email already exists: emails are the sign-in key, one person each (409). */
export class EmailTakenError extends AppError {
  constructor(email: string) {
    super('EMAIL_TAKEN', `a person with the email ${email} already exists`, 409);
  }
}
