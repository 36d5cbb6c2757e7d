import { AppError } from '../errors/app-error.js';

/**
 * No decision by that id or reference, or none the person may see: a draft of another organisation answers
 * exactly as a decision that does not exist, so its existence is not disclosed (404).
 */
export class DecisionNotFoundError extends AppError {
  constructor(what: string | number) {
    super('DECISION_NOT_FOUND', `there is no decision ${what}`, 404);
  }
}
