import { z } from 'zod';
import { dateInputSchema } from '../app/date-input-schema.js';

/** Add a board member; `fromDate` comes from the date input's parts and may be left empty. */
export const memberForm = z.object({
  name: z
    .string({ error: "Enter the member's name or role title" })
    .trim()
    .min(1, "Enter the member's name or role title")
    .max(200, 'Name must be 200 characters or fewer'),
  role: z
    .string({ error: 'Enter their role on the board, like Chair or Member' })
    .trim()
    .min(1, 'Enter their role on the board, like Chair or Member')
    .max(100, 'Role must be 100 characters or fewer'),
  organisationId: z
    .string()
    .default('')
    .refine((v) => v === '' || /^\d{1,9}$/.test(v), 'Select the organisation they represent, or none')
    .transform((v) => (v === '' ? null : Number(v))),
  fromDate: dateInputSchema('date they joined', { optional: true }),
});

/** End a membership; `toDate` comes from the date input's parts. */
export const endMemberForm = z.object({
  toDate: dateInputSchema('date the membership ended'),
});
