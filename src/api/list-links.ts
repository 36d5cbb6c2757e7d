import type { FastifyRequest } from 'fastify';

/** The `links` of a list: this page's path and query, and the next page's (null on the last page). */
export function listLinks(
  request: FastifyRequest,
  nextCursor: string | null,
): { self: string; next: string | null } {
  const [path = '', query = ''] = request.url.split('?', 2);
  if (nextCursor === null) return { self: request.url, next: null };
  const params = new URLSearchParams(query);
  params.set('cursor', nextCursor);
  return { self: request.url, next: `${path}?${params.toString()}` };
}
