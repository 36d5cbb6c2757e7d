import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** How long shared caches and browsers may keep an API answer: data change at most a few times a day. */
export const apiCacheControl = 'public, max-age=300';

/**
 * Sends a successful API body with a strong ETag (a hash of the body) and a five-minute public cache, or 304
 * with no body when the request's If-None-Match already names this body. `demo` adds the
 * X-Healthhub-Demo header, so demonstration data are labelled even where only headers are read.
 */
export function sendCacheable(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string,
  options: { contentType: string; demo: boolean },
): FastifyReply {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 32);
  reply.header('cache-control', apiCacheControl);
  reply.header('vary', 'accept-encoding');
  if (options.demo) reply.header('x-healthhub-demo', 'true');
  const matched = matchingTag(request.headers['if-none-match'], hash);
  if (matched !== null) {
    // The client's copy may be the compressed representation (tag suffixed): answer with the tag it holds.
    return reply.code(304).header('etag', matched).send();
  }
  return reply.code(200).header('etag', `"${hash}"`).type(options.contentType).send(body);
}

// If-None-Match uses weak comparison (RFC 9110 13.1.2): W/ is ignored. A tag matches when its hash is ours,
// whatever content coding suffix encodingAwareEtag gave it.
function matchingTag(header: string | undefined, hash: string): string | null {
  if (!header) return null;
  if (header.trim() === '*') return `"${hash}"`;
  for (const raw of header.split(',')) {
    const tag = raw.trim().replace(/^W\//, '');
    const opaque = /^"([^"]*)"$/.exec(tag)?.[1];
    if (opaque === undefined) continue;
    if (opaque === hash || opaque.startsWith(`${hash}-`)) return tag;
  }
  return null;
}
