import { open } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';

/**
 * The column names of a CSV file's header line, lower-cased and trimmed, read from its first 64 KiB; undefined
 * when the file cannot be read or its first line cannot be parsed (the import then says why).
 */
export async function readHeaderNames(path: string): Promise<string[] | undefined> {
  try {
    const file = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(1 << 16);
      const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
      const text = buffer.subarray(0, bytesRead).toString('utf8');
      const end = text.search(/\r?\n/);
      if (end < 0 && bytesRead === buffer.length) return undefined;
      const [header] = parse(end < 0 ? text : text.slice(0, end), { bom: true, relax_column_count: true }) as
        | string[][]
        | [];
      return header?.map((name) => name.trim().toLowerCase());
    } finally {
      await file.close();
    }
  } catch {
    return undefined;
  }
}
