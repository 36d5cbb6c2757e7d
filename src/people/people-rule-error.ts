import { AppError } from '../errors/app-error.js';

/**
 * A change to people or memberships that the rules refuse, with a message for the form (409): adding a
 * member twice, changing your own membership, disabling yourself. `field` is the form field it concerns.
 */
export class PeopleRuleError extends AppError {
  readonly field: string;

  constructor(code: string, message: string, field: string) {
    super(code, message, 409);
    this.field = field;
  }
}
