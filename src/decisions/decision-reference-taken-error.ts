import { AppError } from '../errors/app-error.js';

/** Another decision already has this reference; references are unique across organisations (409). */
export class DecisionReferenceTakenError extends AppError {
  constructor(readonly reference: string) {
    super('DECISION_REFERENCE_TAKEN', `A decision with the reference ${reference} already exists`, 409);
  }
}
