import { Worker } from 'node:worker_threads';
import { ImportError, type ImportErrorCode } from './import-error.js';
import type { ParsedBatch } from './parse-record-batches.js';
import type { ParseWorkerData, ParseWorkerKind, ParseWorkerMessage } from './parse-worker.js';

// Run from source (the tests, through tsx) the thread's module is TypeScript, and the thread needs tsx too;
// from the bundle it is parse-worker.js beside this chunk.
const fromSource = import.meta.url.endsWith('.ts');
const workerUrl = new URL(fromSource ? './parse-worker.ts' : './parse-worker.js', import.meta.url);

/**
 * parseRecordBatches on a worker thread: the file is read, its header checked and its records validated
 * there, while this thread writes the batches already read. Reading and validating is most of an import's
 * own work, so on a machine with a core to spare it no longer adds to the database's. The same batches in
 * the same order, and the same ImportErrors (code, message, line), as parseRecordBatches gives.
 */
export async function* parseRecordBatchesInWorker<Row>(
  file: string,
  kind: ParseWorkerKind,
  batchSize: number,
  options: { readonly copy?: boolean } = {},
): AsyncGenerator<ParsedBatch<Row>> {
  // From source, a thread does not inherit the parent's tsx hooks: it registers them before loading.
  const entry = fromSource
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); });`
    : workerUrl;
  const worker = new Worker(entry, {
    eval: fromSource,
    workerData: { file, kind, batchSize, copy: options.copy ?? false } satisfies ParseWorkerData,
    // Its heap holds a few batches at a time.
    resourceLimits: { maxOldGenerationSizeMb: 128 },
  });
  type Event = { message: ParseWorkerMessage } | { failed: Error } | { exited: number };
  const events: Event[] = [];
  let wake: (() => void) | undefined;
  const push = (event: Event) => {
    events.push(event);
    wake?.();
  };
  worker.on('message', (message: ParseWorkerMessage) => push({ message }));
  worker.on('error', (failed: Error) => push({ failed }));
  worker.on('exit', (exited: number) => push({ exited }));
  try {
    for (;;) {
      while (events.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const event = events.shift()!;
      if ('failed' in event) throw event.failed;
      if ('exited' in event)
        throw new Error(`the thread reading ${file} stopped (exit code ${event.exited})`);
      const { message } = event;
      if ('error' in message) {
        const { code, line } = message.error;
        if (code?.startsWith('IMPORT_')) {
          throw new ImportError(
            code as ImportErrorCode,
            message.error.message,
            line === undefined ? {} : { line },
          );
        }
        throw Object.assign(new Error(message.error.message), code ? { code } : {});
      }
      const batch = message.batch as ParsedBatch<Row>;
      // Taken: the thread may read one more ahead while this one is written.
      worker.postMessage('taken');
      yield batch;
      if (batch.sha256 !== undefined) return;
    }
  } finally {
    await worker.terminate();
  }
}
