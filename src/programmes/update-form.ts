import { z } from 'zod';
import { dateInputSchema } from '../app/date-input-schema.js';

/** A dated progress update on a programme; `asOf` comes from the date input's parts. */
export const updateForm = z.object({
  asOf: dateInputSchema('date of the update'),
  body: z
    .string({ error: 'Enter the update' })
    .trim()
    .min(1, 'Enter the update')
    .max(10_000, 'Update must be 10,000 characters or fewer'),
});
