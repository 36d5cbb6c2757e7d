import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * An onSend hook to run after compression: a strong ETag names one exact byte sequence, so a compressed body
 * gets the tag of its uncompressed form with the content coding appended ("hash-gzip"), as Apache does.
 * sendCacheable accepts either form in If-None-Match.
 */
export async function encodingAwareEtag(
  _request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  const encoding = reply.getHeader('content-encoding');
  const etag = reply.getHeader('etag');
  if (typeof encoding === 'string' && encoding !== 'identity' && typeof etag === 'string') {
    const opaque = /^"([^"-]*)"$/.exec(etag)?.[1];
    if (opaque !== undefined) reply.header('etag', `"${opaque}-${encoding}"`);
  }
  return payload;
}
