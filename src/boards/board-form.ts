import { z } from 'zod';

// Paths under /boards/ that are pages, not boards.
const reservedSlugs = new Set(['actions']);

/** The create and edit form of a board. */
export const boardForm = z.object({
  name: z
    .string({ error: 'Enter the board name' })
    .trim()
    .min(1, 'Enter the board name')
    .max(200, 'Board name must be 200 characters or fewer'),
  slug: z
    .string({ error: 'Enter the short name for the web address' })
    .trim()
    .min(1, 'Enter the short name for the web address')
    .max(63, 'Short name must be 63 characters or fewer')
    .regex(
      /^[a-z0-9][a-z0-9-]*$/,
      'Short name must use only lower-case letters, numbers and hyphens, and start with a letter or number',
    )
    .refine((s) => !reservedSlugs.has(s), 'This short name is taken by a page: choose another'),
  remit: z.string().trim().max(10_000, 'Remit must be 10,000 characters or fewer').default(''),
  organisationId: z
    .string({ error: 'Select the organisation that runs the board' })
    .regex(/^\d{1,9}$/, 'Select the organisation that runs the board')
    .transform(Number),
});
