import { z } from 'zod';

/**
 * A GOV.UK date input (`name-day`, `name-month`, `name-year`) as one optional field: null when all three are
 * empty, an ISO date (YYYY-MM-DD) when they make a real date, otherwise an error naming what is missing or
 * wrong. Read the fields with `formDateFields` first. `label` starts the messages ("Decision date must...").
 */
export function formDate(label: string, options: { required?: boolean } = {}) {
  return z
    .object({ day: z.string(), month: z.string(), year: z.string() })
    .transform((d, ctx): string | null => {
      const day = d.day.trim();
      const month = d.month.trim();
      const year = d.year.trim();
      if (!day && !month && !year) {
        if (options.required) ctx.addIssue({ code: 'custom', message: `Enter the ${label.toLowerCase()}` });
        return null;
      }
      const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean);
      if (missing.length > 0) {
        ctx.addIssue({ code: 'custom', message: `${label} must include a ${missing.join(' and ')}` });
        return null;
      }
      if (!/^[0-9]{1,2}$/.test(day) || !/^[0-9]{1,2}$/.test(month) || !/^[0-9]{4}$/.test(year)) {
        ctx.addIssue({ code: 'custom', message: `${label} must be a real date, like 27 3 2025` });
        return null;
      }
      const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
      if (
        date.getUTCFullYear() !== Number(year) ||
        date.getUTCMonth() !== Number(month) - 1 ||
        date.getUTCDate() !== Number(day) ||
        Number(year) < 1900 ||
        Number(year) > 2100
      ) {
        ctx.addIssue({ code: 'custom', message: `${label} must be a real date, like 27 3 2025` });
        return null;
      }
      return date.toISOString().slice(0, 10);
    });
}

/** The three fields of a GOV.UK date input called `name`, from a form body, as formDate reads them. */
export function formDateFields(
  body: Record<string, unknown>,
  name: string,
): { day: string; month: string; year: string } {
  const one = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    day: one(body[`${name}-day`]),
    month: one(body[`${name}-month`]),
    year: one(body[`${name}-year`]),
  };
}
