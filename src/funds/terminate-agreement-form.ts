import { z } from 'zod';

/** The form that terminates an agreement: why, kept in the audit log. */
export const terminateAgreementForm = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'Enter why the agreement is terminated')
    .max(500, 'The reason must be 500 characters or fewer'),
});
