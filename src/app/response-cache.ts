import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import { queryRows } from '../db/query-rows.js';

/** A response kept for replay: its body, the headers that describe it, and the data version it was made from. */
interface CachedResponse {
  readonly body: string | Buffer;
  readonly headers: Readonly<Record<string, string>>;
  readonly version: string;
  readonly size: number;
}

const keptHeaders = [
  'content-type',
  'content-disposition',
  'cache-control',
  'etag',
  'vary',
  'x-healthhub-demo',
];

/**
 * The data version: the newest data load and the newest audit event. Every import, computation and demo
 * load records a load, and every change to a governance record (a decision published, a payment) an audit
 * event, in the same transaction as the data it wrote, so a response made from an older version may be out
 * of date and one made from this version is not. Cost: two index lookups.
 */
async function dataVersion(database: Database): Promise<string> {
  const [row] = await queryRows<{ v: string }>(
    database.db,
    sql`select (select coalesce(max(id), 0) from data_loads) || '.' || (select coalesce(max(id), 0) from audit_events) as v`,
  );
  return String(row?.v ?? '0.0');
}

// If-None-Match uses weak comparison (RFC 9110 13.1.2). A tag also matches its compressed form ("hash-gzip"):
// the 304 then names the tag the client holds.
function matchingTag(header: string | undefined, etag: string): string | null {
  if (!header) return null;
  const ours = etag.replace(/^W\//, '').replace(/^"|"$/g, '');
  for (const raw of header.split(',')) {
    const tag = raw.trim().replace(/^W\//, '');
    const opaque = tag.replace(/^"|"$/g, '');
    if (opaque === '*') return etag;
    if (opaque === ours || opaque.startsWith(`${ours}-`)) return tag;
  }
  return null;
}

/**
 * Keeps the public evidence pages, downloads and API answers (GET under `prefixes`, 200, no cookie or
 * authorization) in memory, up to `maxBytes`, least recently used first out, and replays them while the
 * data version is unchanged: they are functions of the URL and the data alone, and rendering a chart-heavy
 * page costs far more than sending it. Each kept response gets a strong ETag if it has none, so a client
 * holding it gets 304. Registered before compression, so what is kept is the identity body.
 */
export function registerResponseCache(
  app: FastifyInstance,
  options: { readonly database: Database; readonly prefixes: readonly string[]; readonly maxBytes?: number },
): void {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const entries = new Map<string, CachedResponse>();
  let bytes = 0;
  const versions = new WeakMap<FastifyRequest, string>();
  const replayed = new WeakSet<FastifyRequest>();

  const cacheable = (request: FastifyRequest) =>
    request.method === 'GET' &&
    !request.headers.cookie &&
    !request.headers.authorization &&
    options.prefixes.some(
      (p) => request.url === p || request.url.startsWith(`${p}/`) || request.url.startsWith(`${p}?`),
    );

  app.addHook('onRequest', async (request, reply) => {
    if (!cacheable(request)) return;
    const version = await dataVersion(options.database);
    versions.set(request, version);
    const hit = entries.get(request.url);
    if (!hit) return;
    entries.delete(request.url);
    if (hit.version !== version) {
      bytes -= hit.size;
      return;
    }
    entries.set(request.url, hit);
    replayed.add(request);
    const etag = hit.headers['etag'];
    const matched = etag ? matchingTag(request.headers['if-none-match'], etag) : null;
    if (matched !== null) {
      const headers: Record<string, string> = { etag: matched };
      if (hit.headers['cache-control']) headers['cache-control'] = hit.headers['cache-control'];
      return reply.code(304).headers(headers).send();
    }
    return reply.code(200).headers(hit.headers).send(hit.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const version = versions.get(request);
    if (version === undefined || replayed.has(request) || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const size = Buffer.byteLength(payload);
    if (size > maxBytes / 16) return payload;
    if (!reply.hasHeader('etag')) {
      reply.header('etag', `"${createHash('sha256').update(payload).digest('hex').slice(0, 32)}"`);
    }
    const headers: Record<string, string> = {};
    for (const name of keptHeaders) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    const previous = entries.get(request.url);
    if (previous) bytes -= previous.size;
    entries.delete(request.url);
    entries.set(request.url, { body: payload, headers, version, size });
    bytes += size;
    for (const [key, entry] of entries) {
      if (bytes <= maxBytes) break;
      entries.delete(key);
      bytes -= entry.size;
    }
    return payload;
  });
}
