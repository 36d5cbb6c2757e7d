import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { ImportError } from './import-error.js';

export interface DownloadOptions {
  /** Request headers (User-Agent, Accept, ...). */
  readonly headers?: Record<string, string>;
  /** Give up when nothing arrives for this long: no response headers, or no byte of the body (default 120 s). */
  readonly idleTimeoutMs?: number;
  /** Give up when the whole download takes longer than this (default 30 minutes). */
  readonly timeoutMs?: number;
  /** Bytes received so far, and the size announced by the server (0 when it is not known). */
  readonly onProgress?: (done: number, total: number) => void;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * Downloads `url` into `file` as a stream, with back-pressure, so memory stays flat whatever the size.
 * Every way the source can fail is an ImportError IMPORT_SOURCE_UNAVAILABLE naming the URL: a connection
 * refused, a name that does not resolve, a status other than 2xx, an HTML page instead of data, a timeout, a
 * body cut short or an empty one. A failure to write the file is thrown as it is: it is not the source's.
 * Resolves to the number of bytes written.
 */
export async function downloadToFile(
  url: string,
  file: string,
  options: DownloadOptions = {},
): Promise<number> {
  const idleMs = options.idleTimeoutMs ?? 120_000;
  const totalMs = options.timeoutMs ?? 30 * 60_000;
  const controller = new AbortController();
  // An idle limit rather than a total one alone: a large extract that keeps arriving is not stuck.
  const idle = setTimeout(
    () => controller.abort(new Error(`nothing received for ${seconds(idleMs)}`)),
    idleMs,
  );
  const total = setTimeout(
    () => controller.abort(new Error(`not finished within ${seconds(totalMs)}`)),
    totalMs,
  );
  const unavailable = (message: string, cause?: unknown) =>
    new ImportError('IMPORT_SOURCE_UNAVAILABLE', message, { cause });
  const failure = (error: unknown) =>
    controller.signal.aborted ? (controller.signal.reason as Error).message : describeNetworkError(error);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: options.headers ?? {},
        signal: controller.signal,
        redirect: 'follow',
      });
    } catch (error) {
      throw unavailable(`cannot download ${url}: ${failure(error)}`, error);
    }
    idle.refresh();
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      throw unavailable(`${url} answered HTTP ${status}`);
    }
    if (/^text\/html\b/i.test(response.headers.get('content-type') ?? '')) {
      await response.body?.cancel().catch(() => {});
      throw unavailable(`${url} answered with an HTML page, not data`);
    }
    // With Content-Encoding the announced length is the compressed one: no use for progress.
    const announced = response.headers.get('content-encoding')
      ? 0
      : Number(response.headers.get('content-length') ?? 0) || 0;
    const body = response.body;
    let bytes = 0;
    async function* chunks() {
      if (!body) return;
      try {
        for await (const chunk of body) {
          idle.refresh();
          bytes += chunk.byteLength;
          options.onProgress?.(bytes, announced);
          yield chunk;
        }
      } catch (error) {
        throw unavailable(`the download of ${url} broke off after ${bytes} bytes: ${failure(error)}`, error);
      }
    }
    await pipeline(chunks, createWriteStream(file));
    if (bytes === 0) throw unavailable(`${url} sent an empty response`);
    return bytes;
  } finally {
    clearTimeout(idle);
    clearTimeout(total);
  }
}

/** undici's "fetch failed" hides the reason in its cause: ECONNREFUSED, ENOTFOUND, a TLS error, ... */
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  // An AggregateError (every address of a name refused) has a code and an empty message.
  if (cause && typeof cause.message === 'string' && cause.message !== '') return cause.message;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? error.message : String(error);
}
