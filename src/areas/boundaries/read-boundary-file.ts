import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { ImportError } from '../../imports/import-error.js';

/**
 * The largest boundary file imported: 256 MiB. A boundary file is JSON, parsed whole (GeoJSON has no record
 * boundaries to stream on, and TopoJSON's arcs are shared by every feature); the parsed objects take several
 * times the file's size, so a bigger file would risk the process's memory. ONS's most detailed England
 * files of LSOAs are some 200 MB; the generalised ones a map wants are a few MB.
 */
export const maxBoundaryFileBytes = 256 * 1024 * 1024;

const inBytes = (n: number) => `${n.toLocaleString('en-GB')} bytes`;

/** A boundary file's bytes and their SHA-256, read once: the hash and the features come from the same bytes. */
export async function readBoundaryFile(
  file: string,
  maxBytes = maxBoundaryFileBytes,
): Promise<{ bytes: Buffer; sha256: string }> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    throw new ImportError(
      'IMPORT_UNREADABLE',
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      { cause: error },
    );
  }
  if (size > maxBytes) {
    throw new ImportError(
      'IMPORT_TOO_LARGE',
      `is ${inBytes(size)}, over the ${inBytes(maxBytes)} a boundary file may be: use a generalised edition (ONS's BGC or BSC) or split it`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new ImportError(
      'IMPORT_UNREADABLE',
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      { cause: error },
    );
  }
  // The limit again on what was read: the file may have grown since it was measured.
  if (bytes.length > maxBytes) {
    throw new ImportError('IMPORT_TOO_LARGE', `is over the ${inBytes(maxBytes)} a boundary file may be`);
  }
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
