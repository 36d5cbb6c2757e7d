import type { z } from 'zod';

/** A form's problems as GOV.UK's error summary and error messages want them. */
export interface FormErrors {
  /** For govukErrorSummary: each problem, linking to its field. */
  readonly summary: readonly { readonly text: string; readonly href: string }[];
  /** For each field's errorMessage: the first problem with it. */
  readonly fields: Readonly<Record<string, { readonly text: string }>>;
}

/**
 * Turns zod's issues into FormErrors. Messages should be written for the person filling the form ("Enter
 * a title"), in the schema. `fieldIds` maps a field name to its element id where they differ (the href
 * must focus the input: GOV.UK date inputs focus the day, radios the first option).
 */
export function formErrors(error: z.ZodError, fieldIds: Record<string, string> = {}): FormErrors {
  const summary: { text: string; href: string }[] = [];
  const fields: Record<string, { text: string }> = {};
  for (const issue of error.issues) {
    const name = issue.path.length > 0 ? String(issue.path[0]) : 'form';
    if (fields[name]) continue;
    fields[name] = { text: issue.message };
    summary.push({ text: issue.message, href: `#${fieldIds[name] ?? name}` });
  }
  return { summary, fields };
}

/** FormErrors from problems found by code rather than a schema (a rule that needs the database). */
export function formErrorsOf(
  problems: Record<string, string>,
  fieldIds: Record<string, string> = {},
): FormErrors {
  const summary = Object.entries(problems).map(([name, text]) => ({
    text,
    href: `#${fieldIds[name] ?? name}`,
  }));
  const fields = Object.fromEntries(Object.entries(problems).map(([name, text]) => [name, { text }]));
  return { summary, fields };
}
