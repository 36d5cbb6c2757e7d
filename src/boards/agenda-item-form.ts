import { z } from 'zod';

// A paper is a page on the web or on this site; anything else (javascript:, data:) must never become a link.
const paperUrlPattern = /^(https?:\/\/[^\s]+|\/[^\s/\\][^\s]*)$/;

/** Add an agenda item, with its paper where there is one. */
export const agendaItemForm = z
  .object({
    title: z
      .string({ error: 'Enter the agenda item' })
      .trim()
      .min(1, 'Enter the agenda item')
      .max(300, 'Agenda item must be 300 characters or fewer'),
    paperTitle: z.string().trim().max(300, "Paper's title must be 300 characters or fewer").default(''),
    paperUrl: z
      .string()
      .trim()
      .max(2_000, 'Link must be 2,000 characters or fewer')
      .default('')
      .refine(
        (v) => v === '' || paperUrlPattern.test(v),
        'Enter a link starting https://, like https://www.london.gov.uk/...',
      ),
  })
  .superRefine((item, ctx) => {
    if (item.paperUrl !== '' && item.paperTitle === '')
      ctx.addIssue({ code: 'custom', path: ['paperTitle'], message: "Enter the paper's title" });
    if (item.paperTitle !== '' && item.paperUrl === '')
      ctx.addIssue({ code: 'custom', path: ['paperUrl'], message: 'Enter the link to the paper' });
  });
