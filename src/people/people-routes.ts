import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { adminOrganisationRoutes } from './admin-organisation-routes.js';
import { adminPeopleRoutes } from './admin-people-routes.js';
import { oidcRoutes } from './oidc-routes.js';
import { organisationMemberRoutes } from './organisation-member-routes.js';
import { createPasswordResetMailer } from './password-reset-mailer.js';
import { passwordResetRoutes } from './password-reset-routes.js';
import { RateLimiter } from './rate-limiter.js';
import { signInRoutes } from './sign-in-routes.js';

/**
 * People and access: sign-in by password (rate limited per client address) or through OpenID Connect when
 * configured, password reset by emailed link, /admin for platform admins, and each organisation's members
 * page for its admins. See docs/people-and-access.md.
 */
export async function peopleRoutes(
  app: FastifyInstance,
  options: { database: Database; config: Config },
): Promise<void> {
  const { database, config } = options;
  const mailer = createPasswordResetMailer(config, app.log);
  app.addHook('onClose', async () => mailer.close());
  if (!mailer.available) {
    app.log.warn('password reset by email is unavailable: set SMTP_URL and PUBLIC_URL to offer it');
  }
  const oidc = config.oidc;
  const publicUrl = config.publicUrl;

  await app.register(signInRoutes, {
    database,
    sessionSeconds: config.sessionSeconds,
    secureCookies: config.secureCookies,
    failedSignIns: new RateLimiter(config.rateLimits.signInFailuresPerMinute, 60),
    signInLinks: (next) =>
      oidc ? [{ href: `/sign-in/oidc?next=${encodeURIComponent(next)}`, text: oidc.label }] : [],
  });
  await app.register(passwordResetRoutes, {
    database,
    mailer,
    addressLimiter: new RateLimiter(config.rateLimits.passwordResetsPerMinute, 60),
    emailLimiter: new RateLimiter(config.rateLimits.passwordResetsPerEmail, 15 * 60),
  });
  if (oidc && publicUrl) {
    await app.register(oidcRoutes, {
      database,
      settings: oidc,
      publicUrl,
      sessionSeconds: config.sessionSeconds,
      secureCookies: config.secureCookies,
    });
  }
  await app.register(adminOrganisationRoutes, { database });
  await app.register(adminPeopleRoutes, { database, mailer });
  await app.register(organisationMemberRoutes, { database });
}
