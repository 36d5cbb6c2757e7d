import { z } from 'zod';
import { dateInputSchema } from '../app/date-input-schema.js';

export const meetingKinds = ['board', 'champion-and-challenge'] as const;
export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;

export const meetingKindLabels: Record<(typeof meetingKinds)[number], string> = {
  board: 'Board meeting',
  'champion-and-challenge': 'Champion-and-challenge meeting',
};

export const meetingStatusLabels: Record<(typeof meetingStatuses)[number], string> = {
  planned: 'Planned',
  held: 'Held',
  cancelled: 'Cancelled',
};

/** Create or edit a meeting; `heldOn` comes from the date input's parts. */
export const meetingForm = z.object({
  kind: z.enum(meetingKinds, { error: 'Select the kind of meeting' }),
  title: z
    .string({ error: 'Enter the meeting title' })
    .trim()
    .min(1, 'Enter the meeting title')
    .max(200, 'Meeting title must be 200 characters or fewer'),
  heldOn: dateInputSchema('date of the meeting'),
  location: z.string().trim().max(300, 'Location must be 300 characters or fewer').default(''),
  status: z.enum(meetingStatuses, { error: 'Select the meeting status' }),
  minutes: z.string().trim().max(50_000, 'Minutes must be 50,000 characters or fewer').default(''),
});
