import { AppError } from '../errors/app-error.js';

/** The record is fixed: only a draft or a returned decision can be changed (409). */
export class DecisionNotEditableError extends AppError {
  constructor(status: string) {
    super(
      'DECISION_NOT_EDITABLE',
      `this decision is ${status}: only a draft or a returned decision can be changed`,
      409,
    );
  }
}
