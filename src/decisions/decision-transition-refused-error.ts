import { AppError } from '../errors/app-error.js';

/** Why a transition's extra rule refused it. */
export type TransitionRefusal =
  | 'REASON_REQUIRED'
  | 'DEFERRED_UNTIL_INVALID'
  | 'SIGNED_DOCUMENT_REQUIRED'
  | 'THRESHOLD_TYPE_MISMATCH';

/**
 * A workflow action whose own rule is not met (400): no reason given, no deferral date, no signed document,
 * or a GLA decision whose type is not the one its total requires. `field` is the form field to point at,
 * and the message is written for the person.
 */
export class DecisionTransitionRefusedError extends AppError {
  constructor(
    code: TransitionRefusal,
    readonly field: string,
    message: string,
  ) {
    super(code, message, 400);
  }
}
