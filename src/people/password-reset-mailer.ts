import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import { serviceName } from '../app/views.js';
import type { Config } from '../config/config.js';
import { passwordResetMinutes } from './password-reset-repository.js';

/** Sends password-reset links: by SMTP, or into the log where there is no SMTP server outside production. */
export interface PasswordResetMailer {
  /** False in production without SMTP_URL or PUBLIC_URL: the reset pages say resets are unavailable. */
  readonly available: boolean;
  /** Where links point: the site's public address. */
  readonly publicUrl: string;
  send(to: string, link: string): Promise<void>;
  close(): void;
}

function message(link: string): string {
  return [
    `Someone asked to reset the password of your ${serviceName} account.`,
    '',
    `To choose a new password, open this link within ${passwordResetMinutes} minutes. It works once:`,
    '',
    link,
    '',
    'If you did not ask for this, ignore this email: your password has not changed.',
  ].join('\n');
}

export function createPasswordResetMailer(config: Config, log: FastifyBaseLogger): PasswordResetMailer {
  const publicUrl = config.publicUrl ?? '';
  if (config.mail.smtpUrl && config.publicUrl) {
    const transport = nodemailer.createTransport(config.mail.smtpUrl);
    return {
      available: true,
      publicUrl,
      async send(to, link) {
        await transport.sendMail({
          from: config.mail.from,
          to,
          subject: `Reset your ${serviceName} password`,
          text: message(link),
        });
      },
      close: () => transport.close(),
    };
  }
  if (config.env !== 'production' && config.publicUrl) {
    return {
      available: true,
      publicUrl,
      async send(to, link) {
        // A developer's machine has no mail server: the link goes to the log, labelled, instead.
        log.info(
          { to, passwordResetLink: link },
          'PASSWORD RESET LINK (SMTP_URL is not set, so it is logged, not emailed)',
        );
      },
      close: () => {},
    };
  }
  return {
    available: false,
    publicUrl,
    async send() {
      throw new Error('password reset email is not configured');
    },
    close: () => {},
  };
}
