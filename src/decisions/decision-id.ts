import { DecisionNotFoundError } from './decision-not-found-error.js';

/** A decision's id from a URL, or the 404 a mistyped or foreign id deserves (PostgreSQL integers only). */
export function decisionId(params: unknown, name = 'id'): number {
  const text = String((params as Record<string, unknown>)[name] ?? '');
  if (!/^[1-9][0-9]{0,9}$/.test(text) || Number(text) > 2147483647) throw new DecisionNotFoundError(text);
  return Number(text);
}
