import type { DateInputParts } from './date-input-schema.js';

const partOf = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The parts of the GOV.UK date input named `name` in a posted form (`name-day`, `name-month`, `name-year`), for
 * dateInputSchema and for showing the form again as it was typed.
 */
export function dateInputParts(body: Record<string, unknown>, name: string): DateInputParts {
  return {
    day: partOf(body[`${name}-day`]),
    month: partOf(body[`${name}-month`]),
    year: partOf(body[`${name}-year`]),
  };
}

/** The parts of a stored YYYY-MM-DD date, to fill a date input for editing. */
export function datePartsOf(iso: string | null | undefined): DateInputParts {
  if (!iso) return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}
