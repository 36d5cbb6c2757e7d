import { createReadStream } from 'node:fs';

/**
 * The lines of a file in COPY's text format (copyQueryToFile), without their line breaks, `batchSize` at a
 * time: a line break ends a row (one inside a value is escaped). Memory stays flat whatever the file's
 * size. Throws if the file ends inside a row.
 */
export async function* readCopyTextLines(file: string, batchSize: number): AsyncGenerator<string[]> {
  let rest = '';
  let batch: string[] = [];
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 18 })) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      batch.push(text.slice(start, end));
      start = end + 1;
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    rest = text.slice(start);
  }
  if (rest !== '') throw new Error(`${file} ends inside a row`);
  if (batch.length > 0) yield batch;
}
