import { z } from 'zod';
import { formatPounds } from '../money/format-pounds.js';
import { maxPence, parsePounds } from '../money/parse-pounds.js';

/**
 * A form's amount in pounds as typed ("150,000", "£3,200.50") to whole pence, exactly; messages for the person
 * typing it.
 */
export const amountField = z
  .string()
  .trim()
  .min(1, 'Enter the amount')
  .transform((text, ctx) => {
    const pence = parsePounds(text);
    if (pence === null) {
      ctx.addIssue({ code: 'custom', message: 'Enter the amount in pounds, like 150,000 or 3,200.50' });
      return z.NEVER;
    }
    if (pence === 0) {
      ctx.addIssue({ code: 'custom', message: 'The amount must be more than £0' });
      return z.NEVER;
    }
    if (pence > maxPence) {
      ctx.addIssue({ code: 'custom', message: `The amount must be ${formatPounds(maxPence)} or less` });
      return z.NEVER;
    }
    return pence;
  });
