/** A posted form as a plain object (formbody gives one; an empty post gives nothing). */
export function formBody(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}
