import { z } from 'zod';

/** The form that opens a financial year: the year it starts in. */
export const openYearForm = z.object({
  year: z
    .string()
    .trim()
    .min(1, 'Enter the year the financial year starts in')
    .regex(/^[0-9]{4}$/, 'Enter the year the financial year starts in as 4 numbers, like 2026')
    .transform(Number)
    .refine((y) => y >= 2000 && y <= 2100, 'The year must be between 2000 and 2100'),
});
