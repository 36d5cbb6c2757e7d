import type { z } from 'zod';
import { PageParameterError } from './page-parameter-error.js';

/**
 * A page's parameters checked against its schema, or a PageParameterError (400) naming the first parameter
 * that is wrong, so that a mistyped link says what to fix rather than quietly showing other data.
 */
export function parsePageParameters<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const parameter =
    issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : String(issue.path[0] ?? 'query');
  throw new PageParameterError(
    parameter,
    issue.code === 'unrecognized_keys' ? 'is not a parameter of this page' : issue.message,
  );
}
