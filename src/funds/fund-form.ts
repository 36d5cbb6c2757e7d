import { z } from 'zod';
import { choiceField } from './choice-field.js';

/** The form that creates a fund. */
export const fundForm = z.object({
  organisation: choiceField('Select the organisation that holds the fund'),
  name: z
    .string()
    .trim()
    .min(1, 'Enter the name of the fund')
    .max(200, 'The name must be 200 characters or fewer'),
  slug: z
    .string()
    .trim()
    .min(1, 'Enter a short name for the web address')
    .regex(
      /^[a-z0-9][a-z0-9-]{0,62}$/,
      'The short name must be lower-case letters, numbers and hyphens, up to 63 characters, like pooled-fund',
    ),
  description: z.string().trim().max(2000, 'The description must be 2,000 characters or fewer'),
});
