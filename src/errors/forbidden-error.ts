import { AppError } from './app-error.js';

/** The signed-in person's roles do not allow this (403 FORBIDDEN). */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', message, 403);
  }
}
