import { z } from 'zod';
import { dateInputSchema } from '../app/date-input-schema.js';

export const milestoneStatuses = ['not-started', 'in-progress', 'done', 'late', 'cancelled'] as const;

/** How each milestone status reads on a page (a tag's text: never colour alone). */
export const milestoneStatusLabels: Record<(typeof milestoneStatuses)[number], string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  late: 'Late',
  cancelled: 'Cancelled',
};

/** Add or edit a milestone; `dueOn` comes from the date input's parts (dateInputParts). */
export const milestoneForm = z.object({
  title: z
    .string({ error: 'Enter the milestone' })
    .trim()
    .min(1, 'Enter the milestone')
    .max(300, 'Milestone must be 300 characters or fewer'),
  dueOn: dateInputSchema('due date'),
  status: z.enum(milestoneStatuses, { error: 'Select the milestone status' }),
});
