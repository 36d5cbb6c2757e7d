import { AppError } from '../errors/app-error.js';

/** Why a parameter was refused: not one the endpoint takes, not valid, or needed and missing. */
export type ApiParameterErrorCode = 'UNKNOWN_PARAMETER' | 'INVALID_PARAMETER' | 'MISSING_PARAMETER';

/**
 * A request to the API whose query or path parameter cannot be used (400). `parameter` names it, so a client
 * can point at the field without parsing the message.
 */
export class ApiParameterError extends AppError {
  readonly parameter: string;

  constructor(code: ApiParameterErrorCode, parameter: string, message: string) {
    super(code, message, 400);
    this.parameter = parameter;
  }
}
