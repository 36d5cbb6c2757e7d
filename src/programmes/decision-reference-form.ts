import { z } from 'zod';

/** Link a decision by its reference (MD3326, ADD2692). */
export const decisionReferenceForm = z.object({
  reference: z
    .string({ error: 'Enter the decision reference, like MD3326' })
    .trim()
    .min(1, 'Enter the decision reference, like MD3326')
    .max(40, 'Decision reference must be 40 characters or fewer')
    .regex(/^[A-Za-z0-9][A-Za-z0-9/._-]*$/, 'Enter a decision reference in the correct format, like MD3326'),
});
