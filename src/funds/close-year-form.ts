import { z } from 'zod';

/** The form that closes a financial year: a confirmation that it is final, and an optional reason. */
export const closeYearForm = z.object({
  confirm: z.literal('yes', { message: 'Confirm that you understand closing the year is final' }),
  reason: z.string().trim().max(500, 'The note must be 500 characters or fewer'),
});
