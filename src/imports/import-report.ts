import { type FileHandle, open, rm } from 'node:fs/promises';

/** Where the report goes when --report is not given: beside the input, `data.csv` → `data.report.csv`. */
export function defaultReportPath(input: string): string {
  return `${input.replace(/\.csv$/i, '')}.report.csv`;
}

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * The report of an import's problems: a CSV file `line,reason`, one row per rejected record (line is the
 * 1-based line the record starts on; empty for a problem with no line). Written as problems are found, so
 * memory stays flat however many rows are rejected, and only when there is a problem; a report left at the
 * same path by an earlier run is removed when the run starts, so the file never describes another run.
 */
export class ImportReport {
  readonly path: string;
  #file: FileHandle | undefined;
  #buffer = '';
  #count = 0;
  #first: { line: number | undefined; reason: string } | undefined;

  constructor(path: string) {
    this.path = path;
  }

  /** Removes a report an earlier run left at this path. */
  async start(): Promise<void> {
    await rm(this.path, { force: true });
  }

  /** How many problems were recorded. */
  get count(): number {
    return this.#count;
  }

  /** The first problem recorded, for the one-line error message. */
  get first(): { line: number | undefined; reason: string } | undefined {
    return this.#first;
  }

  async add(line: number | undefined, reason: string): Promise<void> {
    this.#count++;
    this.#first ??= { line, reason };
    this.#buffer += `${line ?? ''},${csvField(reason)}\n`;
    if (this.#buffer.length >= 1 << 16) await this.#flush();
  }

  /** Writes what is buffered and closes the file. Returns the path when a report was written. */
  async close(): Promise<string | undefined> {
    await this.#flush();
    if (!this.#file) return undefined;
    await this.#file.close();
    this.#file = undefined;
    return this.path;
  }

  async #flush(): Promise<void> {
    if (this.#buffer === '') return;
    if (!this.#file) {
      this.#file = await open(this.path, 'w');
      await this.#file.write('line,reason\n');
    }
    const text = this.#buffer;
    this.#buffer = '';
    await this.#file.write(text);
  }
}
