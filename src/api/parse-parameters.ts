import type { z } from 'zod';
import { ApiParameterError } from './api-parameter-error.js';

/**
 * Checks a request's query (or path) parameters against an endpoint's schema and returns them parsed.
 * Refuses names the schema does not know (UNKNOWN_PARAMETER), a parameter given twice and any value the
 * schema rejects (INVALID_PARAMETER), naming the parameter. An empty value counts as absent, as an HTML
 * form sends an empty field.
 */
export function parseParameters<S extends z.ZodObject>(schema: S, given: unknown): z.output<S> {
  const accepted = Object.keys(schema.shape);
  const input: Record<string, string> = {};
  for (const [name, value] of Object.entries((given ?? {}) as Record<string, unknown>)) {
    if (!accepted.includes(name)) {
      throw new ApiParameterError(
        'UNKNOWN_PARAMETER',
        name,
        accepted.length === 0
          ? `${name} is not a parameter here: this endpoint takes no query parameters`
          : `${name} is not a parameter here; the parameters are ${accepted.join(', ')}`,
      );
    }
    if (Array.isArray(value)) {
      throw new ApiParameterError('INVALID_PARAMETER', name, `${name} is given more than once`);
    }
    if (typeof value === 'string' && value !== '') input[name] = value;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? accepted[0] ?? 'query');
    if (input[name] === undefined)
      throw new ApiParameterError('MISSING_PARAMETER', name, `${name} is required`);
    throw new ApiParameterError('INVALID_PARAMETER', name, `${name} ${issue.message}`);
  }
  return parsed.data;
}
