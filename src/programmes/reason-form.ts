import { z } from 'zod';

/** A form that asks only why (archive, close): the reason goes into the audit log. */
export function reasonForm(message: string) {
  return z.object({
    reason: z
      .string({ error: message })
      .trim()
      .min(1, message)
      .max(2_000, 'Reason must be 2,000 characters or fewer'),
  });
}
