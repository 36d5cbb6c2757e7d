import { z } from 'zod';
import { dateInputParts } from '../app/date-input-parts.js';
import { dateInputSchema } from '../app/date-input-schema.js';
import { amountField } from './amount-field.js';
import { choiceField } from './choice-field.js';
import { formText } from './form-text.js';
import type { PostingKind } from './posting-kinds.js';

/** A posting form as typed, to show it again. */
export interface PostingFormValues {
  readonly year: string;
  readonly partner: string;
  readonly programme: string;
  readonly decision: string;
  readonly agreement: string;
  readonly amount: string;
  readonly occurredOn: { readonly day: string; readonly month: string; readonly year: string };
  readonly memo: string;
}

/** A posting form once valid: ids are numbers, the amount pence, the date YYYY-MM-DD. */
export interface PostingFormData {
  readonly year: number;
  readonly partner?: number;
  readonly programme?: number;
  readonly decision?: number;
  readonly agreement?: number;
  readonly amountPence: number;
  readonly occurredOn: string;
  readonly memo: string;
}

/** The date input's id to link to from the error summary: its day field. */
export const postingFieldIds = { occurredOn: 'occurredOn-day' };

/** What was posted, as text, whatever its shape. */
export function postingFormValues(body: unknown): PostingFormValues {
  const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return {
    year: formText(body, 'year'),
    partner: formText(body, 'partner'),
    programme: formText(body, 'programme'),
    decision: formText(body, 'decision'),
    agreement: formText(body, 'agreement'),
    amount: formText(body, 'amount'),
    occurredOn: dateInputParts(record, 'occurredOn'),
    memo: formText(body, 'memo'),
  };
}

/** The schema of a kind's form: its own choices, then the year, amount, date and an optional note. */
export function postingFormSchema(kind: PostingKind) {
  const has = (field: string) => (kind.fields as readonly string[]).includes(field);
  const unused = z.string().transform(() => undefined);
  return z.object({
    year: z
      .string()
      .regex(/^[0-9]{4}$/, 'Select the financial year')
      .transform(Number),
    partner: has('partner') ? choiceField('Select the partner') : unused,
    programme: has('programme') ? choiceField('Select the programme') : unused,
    decision: has('decision') ? choiceField('Select the decision the payment is made under') : unused,
    agreement: has('agreement') ? choiceField('Select the funding agreement') : unused,
    amount: amountField,
    occurredOn: dateInputSchema(`date of the ${kind.noun}`),
    memo: z.string().trim().max(500, 'The note must be 500 characters or fewer'),
  });
}

/** Parses a posting form: its data, or zod's error. */
export function parsePostingForm(
  kind: PostingKind,
  values: PostingFormValues,
): { success: true; data: PostingFormData } | { success: false; error: z.ZodError } {
  const parsed = postingFormSchema(kind).safeParse(values);
  if (!parsed.success) return { success: false, error: parsed.error };
  const { amount, ...rest } = parsed.data;
  return { success: true, data: { ...rest, amountPence: amount } };
}
