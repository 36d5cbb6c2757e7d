import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** The SHA-256 of a file, hex, read as a stream; `onChunk` sees each chunk (for a progress bar). */
export async function fileSha256(path: string, onChunk?: (chunk: Buffer) => void): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    onChunk?.(chunk);
  }
  return hash.digest('hex');
}
