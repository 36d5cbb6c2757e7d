import { z } from 'zod';
import { dateInputSchema } from '../app/date-input-schema.js';

/** Add an action a meeting left; `dueOn` comes from the date input's parts. */
export const actionForm = z.object({
  description: z
    .string({ error: 'Enter the action' })
    .trim()
    .min(1, 'Enter the action')
    .max(2_000, 'Action must be 2,000 characters or fewer'),
  owner: z
    .string({ error: 'Enter who owns the action' })
    .trim()
    .min(1, 'Enter who owns the action')
    .max(200, 'Owner must be 200 characters or fewer'),
  dueOn: dateInputSchema('due date'),
});

/** Close an action: done, or dropped (no longer needed), with an optional note for the history. */
export const actionStatusForm = z.object({
  status: z.enum(['done', 'dropped'], { error: 'Select whether the action is done or dropped' }),
  note: z.string().trim().max(2_000, 'Note must be 2,000 characters or fewer').default(''),
});
