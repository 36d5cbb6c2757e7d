import { AppError } from '../errors/app-error.js';

/** The change would leave nobody able to manage organisations and people (409). */
export class LastPlatformAdminError extends AppError {
  constructor() {
    super(
      'LAST_PLATFORM_ADMIN',
      'this is the last active platform admin: make someone else a platform admin first',
      409,
    );
  }
}
