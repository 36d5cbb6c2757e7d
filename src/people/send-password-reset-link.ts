import type { FastifyBaseLogger } from 'fastify';
import { recordAudit } from '../audit/record-audit.js';
import type { Database } from '../db/database.js';
import type { PasswordResetMailer } from './password-reset-mailer.js';
import { createPasswordReset } from './password-reset-repository.js';

/**
 * Makes a reset link for a person (the token's hash stored and the request audited, in one transaction)
 * and sends it. The returned promise settles when the link is made; `sent` when the mail has gone, or
 * failed (logged): the public form does not wait for it, so that its answer takes as long for an unknown
 * email as for a known one.
 */
export async function sendPasswordResetLink(
  database: Database,
  mailer: PasswordResetMailer,
  log: FastifyBaseLogger,
  person: { readonly userId: number; readonly email: string; readonly actorUserId: number | null },
): Promise<{ sent: Promise<boolean> }> {
  const token = await database.db.transaction(async (trx) => {
    const made = await createPasswordReset(trx, person.userId);
    await recordAudit(trx, {
      actorUserId: person.actorUserId,
      organisationId: null,
      entity: 'users',
      entityId: person.userId,
      action: 'send-password-reset-link',
    });
    return made;
  });
  const sent = mailer.send(person.email, `${mailer.publicUrl}/password-reset/${token}`).then(
    () => true,
    (error: unknown) => {
      log.error({ err: error, userId: person.userId }, 'password reset email could not be sent');
      return false;
    },
  );
  return { sent };
}
