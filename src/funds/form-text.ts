/**
 * A posted form's field as text: the value, the first of repeated values, or '' when absent, so that schemas
 * see strings and the form can be shown again as it was typed.
 */
export function formText(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}
