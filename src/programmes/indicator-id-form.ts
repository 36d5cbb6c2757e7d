import { z } from 'zod';

/** Link an indicator by its id (the number in /indicators/{id}). */
export const indicatorIdForm = z.object({
  indicatorId: z
    .string({ error: 'Enter the indicator id, like 93356' })
    .trim()
    .min(1, 'Enter the indicator id, like 93356')
    .regex(/^\d{1,9}$/, 'Indicator id must be a number, like 93356')
    .transform(Number),
});
