import { z } from 'zod';
import { amountField } from './amount-field.js';
import { choiceField } from './choice-field.js';

/** The form that records a draft funding agreement. */
export const agreementForm = z.object({
  recipient: z
    .string()
    .trim()
    .min(1, 'Enter who the agreement is with')
    .max(200, 'The recipient must be 200 characters or fewer'),
  programme: choiceField('Select the programme'),
  decision: choiceField('Select the decision the agreement is made under'),
  amount: amountField,
});
