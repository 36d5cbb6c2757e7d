import { z } from 'zod';

const scale = ['1', '2', '3', '4', '5'] as const;

/** A rating's two scales, as radios post them. */
export const ratingFields = {
  likelihood: z.enum(scale, { error: 'Select how likely it is' }).transform(Number),
  impact: z.enum(scale, { error: 'Select how big the impact would be' }).transform(Number),
};

/**
 * Create or edit a risk or issue. `organisationId` is checked by the route (only on creation); the programme
 * must exist, which the route checks too. `ratingReason` is required by the route when an edit changes the
 * rating.
 */
export const riskForm = z.object({
  kind: z.enum(['risk', 'issue'], { error: 'Select whether this is a risk or an issue' }),
  title: z
    .string({ error: 'Enter a title' })
    .trim()
    .min(1, 'Enter a title')
    .max(300, 'Title must be 300 characters or fewer'),
  description: z.string().trim().max(10_000, 'Description must be 10,000 characters or fewer').default(''),
  owner: z
    .string({ error: 'Enter who owns it' })
    .trim()
    .min(1, 'Enter who owns it')
    .max(200, 'Owner must be 200 characters or fewer'),
  ...ratingFields,
  mitigations: z.string().trim().max(10_000, 'Mitigations must be 10,000 characters or fewer').default(''),
  programmeId: z
    .string()
    .default('')
    .refine((v) => v === '' || /^\d{1,9}$/.test(v), 'Select a programme, or no programme')
    .transform((v) => (v === '' ? null : Number(v))),
  ratingReason: z.string().trim().max(2_000, 'Reason must be 2,000 characters or fewer').default(''),
});

/** Re-rate a risk: both scales and why (required: the rating history must say why it moved). */
export const rerateForm = z.object({
  ...ratingFields,
  reason: z
    .string({ error: 'Enter why the rating is changing' })
    .trim()
    .min(1, 'Enter why the rating is changing')
    .max(2_000, 'Reason must be 2,000 characters or fewer'),
});
