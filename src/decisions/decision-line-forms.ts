import { z } from 'zod';
import { formatPounds } from '../money/format-pounds.js';
import { maxPence, parsePounds } from '../money/parse-pounds.js';
import { formDate, formDateFields } from './form-date.js';
import { parseFinancialYear } from './parse-financial-year.js';

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`)
    .transform((s) => s.trim())
    .default('');

/**
 * The small forms that add a line to a decision: money (an expenditure or a receipt), a risk, a milestone, a
 * related decision. Each reads the raw form body; messages are for the person filling it in.
 */
export const decisionLineForms = {
  expenditure: z.object({
    direction: z.enum(['expenditure', 'receipt'], {
      error: 'Select whether this is spending or money received',
    }),
    amount: z
      .string({ error: 'Enter the amount, like 150,000 or 3,200.50' })
      .trim()
      .min(1, 'Enter the amount, like 150,000 or 3,200.50')
      .transform((s, ctx) => {
        const pence = parsePounds(s);
        if (pence === null) {
          ctx.addIssue({
            code: 'custom',
            message: 'Amount must be in pounds, like 150,000 or 3,200.50, with at most 2 decimal places',
          });
          return z.NEVER;
        }
        if (pence <= 0) {
          ctx.addIssue({ code: 'custom', message: 'Amount must be more than £0' });
          return z.NEVER;
        }
        if (pence > maxPence) {
          ctx.addIssue({ code: 'custom', message: `Amount must be ${formatPounds(maxPence)} or less` });
          return z.NEVER;
        }
        return pence;
      }),
    financialYear: z
      .string({ error: 'Enter the financial year, like 2024-25' })
      .trim()
      .min(1, 'Enter the financial year, like 2024-25')
      .transform((s, ctx) => {
        const year = parseFinancialYear(s);
        if (year === null || year < 2000 || year > 2099) {
          ctx.addIssue({ code: 'custom', message: 'Financial year must be like 2024-25' });
          return z.NEVER;
        }
        return year;
      }),
    budget: optionalText('Budget', 200),
    programmeId: z
      .string()
      .regex(/^([1-9][0-9]{0,9})?$/, 'Select a programme from the list')
      .default('')
      .transform((s) => (s === '' ? null : Number(s))),
    recipient: optionalText('Recipient or payer', 300),
    kind: z.enum(['grant', 'procurement', 'contribution', 'other'], {
      error: 'Select grant, procurement, contribution or other',
    }),
    description: optionalText('Description', 2000),
  }),
  risk: z.object({
    description: z
      .string({ error: 'Describe the risk' })
      .trim()
      .min(1, 'Describe the risk')
      .max(2000, 'Risk must be 2,000 characters or fewer'),
    mitigation: optionalText('Mitigation', 2000),
    rag: z.enum(['red', 'amber', 'green'], { error: 'Select a rating: red, amber or green' }),
  }),
  milestone: z.preprocess(
    (body) => {
      const b = (body ?? {}) as Record<string, unknown>;
      return { ...b, dueOn: formDateFields(b, 'dueOn') };
    },
    z.object({
      description: z
        .string({ error: 'Describe the milestone' })
        .trim()
        .min(1, 'Describe the milestone')
        .max(2000, 'Milestone must be 2,000 characters or fewer'),
      dueOn: formDate('Due date'),
    }),
  ),
  relation: z.object({
    kind: z.enum(['continues', 'amends', 'supersedes'], {
      error: 'Select whether this decision continues, amends or supersedes the other',
    }),
    relatedReference: z
      .string({ error: 'Enter the reference of the other decision, like MD3012' })
      .trim()
      .min(1, 'Enter the reference of the other decision, like MD3012')
      .max(40, 'Reference must be 40 characters or fewer'),
  }),
} as const;

export type DecisionLineKind = keyof typeof decisionLineForms;

/** Error links for the line forms' date inputs and radios. */
export const decisionLineFieldIds = { dueOn: 'dueOn-day' } as const;
