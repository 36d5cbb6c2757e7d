import { AppError } from './app-error.js';

/** The environment holds a value the application cannot start with. The message names the variable. */
export class ConfigError extends AppError {
  readonly variable: string;

  constructor(variable: string, message: string) {
    super('CONFIG_INVALID', `${variable}: ${message}`, 500);
    this.variable = variable;
  }
}
