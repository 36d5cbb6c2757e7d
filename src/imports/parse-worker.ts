import { parentPort, workerData } from 'node:worker_threads';
import type { ImportError } from './import-error.js';
import { type ParsedBatch, parseRecordBatches, type RecordParser } from './parse-record-batches.js';

/** What the thread is asked to read: a file, with the record parser of an importer kind. */
export interface ParseWorkerData {
  readonly file: string;
  readonly kind: ParseWorkerKind;
  readonly batchSize: number;
  /** Encode the valid rows for COPY into the parser's stage (ParsedBatch.copy), when it has one. */
  readonly copy: boolean;
}

/** A message from the thread: a batch, or the error that ended the reading. */
export type ParseWorkerMessage =
  | { readonly batch: ParsedBatch<unknown> }
  | { readonly error: { readonly code?: string; readonly message: string; readonly line?: number } };

// Only the parsers are loaded here, not the importers: the thread needs no database code.
const parsers = {
  fingertips: async () => (await import('./fingertips/fingertips-record-parser.js')).fingertipsRecordParser,
  'ons-health-index': async () =>
    (await import('./ons-health-index/ons-health-index-record-parser.js')).onsHealthIndexRecordParser,
} satisfies Record<string, () => Promise<RecordParser<string, unknown>>>;

/** The importers whose files can be read on a thread of their own. */
export type ParseWorkerKind = keyof typeof parsers;

// Batches the main thread has not taken yet: reading waits beyond two, so memory stays flat.
const AHEAD = 2;

async function run(port: NonNullable<typeof parentPort>, data: ParseWorkerData): Promise<void> {
  let ahead = 0;
  let taken: (() => void) | undefined;
  port.on('message', () => {
    ahead--;
    taken?.();
  });
  try {
    const parser = (await parsers[data.kind]()) as RecordParser<string, unknown>;
    for await (const batch of parseRecordBatches(data.file, parser, data.batchSize, { copy: data.copy })) {
      // The encoded rows are handed over, not copied.
      port.postMessage(
        { batch } satisfies ParseWorkerMessage,
        batch.copy ? [batch.copy.data.buffer as ArrayBuffer] : [],
      );
      ahead++;
      while (ahead >= AHEAD) await new Promise<void>((resolve) => (taken = resolve));
    }
  } catch (error) {
    const e = error as Partial<ImportError> & Error;
    port.postMessage({
      error: {
        message: e?.message ?? String(error),
        ...(typeof e?.code === 'string' ? { code: e.code } : {}),
        ...(typeof e?.line === 'number' ? { line: e.line } : {}),
      },
    } satisfies ParseWorkerMessage);
  }
  port.close();
}

if (parentPort) void run(parentPort, workerData as ParseWorkerData);
