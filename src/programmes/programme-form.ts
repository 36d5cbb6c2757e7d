import { z } from 'zod';

export const programmeStatuses = ['proposed', 'active', 'closed'] as const;

/** The create and edit form of a programme. */
export const programmeForm = z.object({
  name: z
    .string({ error: 'Enter the programme name' })
    .trim()
    .min(1, 'Enter the programme name')
    .max(200, 'Programme name must be 200 characters or fewer'),
  slug: z
    .string({ error: 'Enter the short name for the web address' })
    .trim()
    .min(1, 'Enter the short name for the web address')
    .max(63, 'Short name must be 63 characters or fewer')
    .regex(
      /^[a-z0-9][a-z0-9-]*$/,
      'Short name must use only lower-case letters, numbers and hyphens, and start with a letter or number',
    ),
  aims: z.string().trim().max(10_000, 'Aims must be 10,000 characters or fewer').default(''),
  status: z.enum(programmeStatuses, { error: 'Select the programme status' }),
  organisationId: z
    .string({ error: 'Select the organisation that owns the programme' })
    .regex(/^\d{1,9}$/, 'Select the organisation that owns the programme')
    .transform(Number),
});
