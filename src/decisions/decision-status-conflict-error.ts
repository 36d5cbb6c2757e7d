import { AppError } from '../errors/app-error.js';

/**
 * The decision is not (or no longer) in a status the action starts from: someone else moved it first, or the
 * form was stale (409). Two approvers pressing approve together: one succeeds, the other gets this.
 */
export class DecisionStatusConflictError extends AppError {
  constructor(
    readonly status: string,
    action: string,
  ) {
    super(
      'DECISION_STATUS_CONFLICT',
      `this decision is ${status}: it cannot be given the action ${action}`,
      409,
    );
  }
}
