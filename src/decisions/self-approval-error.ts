import { AppError } from '../errors/app-error.js';

/** An approver tried to approve a decision they wrote: a decision needs a second person (403). */
export class SelfApprovalError extends AppError {
  constructor() {
    super('SELF_APPROVAL_FORBIDDEN', 'you wrote this decision, so someone else must approve it', 403);
  }
}
