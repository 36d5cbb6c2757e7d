import { z } from 'zod';

/** What a GOV.UK date input posts: its day, month and year fields as typed. */
export interface DateInputParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A zod schema for a GOV.UK date input's three fields, giving the date as YYYY-MM-DD, or null when the date is
 * optional and all three are empty. Its messages follow the design system's date input pattern ("Enter the due
 * date", "Due date must include a month", "Due date must be a real date"); `label` is lower case ("due date").
 */
export function dateInputSchema(label: string, options: { optional: true }): z.ZodType<string | null>;
export function dateInputSchema(label: string, options?: { optional?: false }): z.ZodType<string>;
export function dateInputSchema(
  label: string,
  options: { optional?: boolean } = {},
): z.ZodType<string | null> {
  return z
    .object({
      day: z.string().default(''),
      month: z.string().default(''),
      year: z.string().default(''),
    })
    .transform((parts, ctx) => {
      const day = parts.day.trim();
      const month = parts.month.trim();
      const year = parts.year.trim();
      if (day === '' && month === '' && year === '') {
        if (options.optional) return null;
        ctx.addIssue({ code: 'custom', message: `Enter the ${label}` });
        return z.NEVER;
      }
      const missing = [
        ['day', day],
        ['month', month],
        ['year', year],
      ]
        .filter(([, value]) => value === '')
        .map(([name]) => name);
      if (missing.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `${capitalised(label)} must include a ${missing.join(' and ')}`,
        });
        return z.NEVER;
      }
      if (!/^\d{4}$/.test(year)) {
        ctx.addIssue({ code: 'custom', message: `Year must include 4 numbers` });
        return z.NEVER;
      }
      const iso = realDate(Number(day), Number(month), Number(year));
      if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || iso === null) {
        ctx.addIssue({ code: 'custom', message: `${capitalised(label)} must be a real date` });
        return z.NEVER;
      }
      return iso;
    });
}

// The calendar decides: 31 April or 29 February 2025 are not dates, and Date would quietly roll them over.
function realDate(day: number, month: number, year: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
