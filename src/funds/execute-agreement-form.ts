import { z } from 'zod';
import { dateInputSchema } from '../app/date-input-schema.js';
import { londonToday } from '../app/london-today.js';

/** The form that marks an agreement executed: the date both sides signed it, not in the future. */
export const executeAgreementForm = z.object({
  executedOn: dateInputSchema('date the agreement was executed').refine(
    (date) => date <= londonToday(),
    'The date the agreement was executed must be today or in the past',
  ),
});
