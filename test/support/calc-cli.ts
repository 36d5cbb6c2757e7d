import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { type CsvRecord, num, readCsv } from '../../packages/stats/test/support/read-csv.js';
import { runCli } from './run-cli.js';

export { assertClose } from '../../packages/stats/test/support/assert-close.js';
export { type CsvRecord, num, readCsv };

/** A scratch directory for one test file's CSV files, removed when the file's tests end. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `healthhub-${prefix}-`));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes a CSV file (text fields quoted when they need it; '' is an empty field) and returns its path. */
export function writeCsv(
  path: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [header, ...rows].map((r) => r.map(field).join(','));
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Writes some records of a CSV file read with readCsv, keeping the given columns. */
export function writeRecords(
  path: string,
  records: readonly CsvRecord[],
  columns: readonly string[],
): string {
  return writeCsv(
    path,
    columns,
    records.map((r) => columns.map((c) => r[c] ?? '')),
  );
}

export interface CalcResult {
  readonly header: string[];
  readonly rows: CsvRecord[];
  /** stderr split into lines (R's warnings), empty when nothing was printed. */
  readonly warnings: string[];
}

/** Runs `healthhub calc ...args --output <file>`, asserts success and returns the output CSV. */
export async function runCalc(dir: string, args: readonly string[]): Promise<CalcResult> {
  const output = join(dir, `out-${Math.random().toString(36).slice(2)}.csv`);
  const result = await runCli(['calc', ...args, '--output', output]);
  assert.equal(result.code, 0, `calc ${args.join(' ')}: ${result.stderr}`);
  return {
    // Output column names need no quoting.
    header: readFileSync(output, 'utf8').split('\n')[0]!.split(','),
    rows: readCsv(output),
    warnings: result.stderr.trim() === '' ? [] : result.stderr.trim().split('\n'),
  };
}

/**
 * Runs `healthhub calc ...args --output <file>` on bad input: exit 2, exactly one stderr line starting
 * "healthhub: " and matching `pattern`, and no output file.
 */
export async function assertBadInput(dir: string, args: readonly string[], pattern: RegExp): Promise<void> {
  const output = join(dir, `bad-${Math.random().toString(36).slice(2)}.csv`);
  const result = await runCli(['calc', ...args, '--output', output]);
  assert.equal(result.code, 2, `calc ${args.join(' ')} should exit 2: ${result.stderr}`);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `expected one line, got:\n${result.stderr}`);
  assert.match(lines[0]!, /^healthhub: /);
  assert.match(lines[0]!, pattern);
  assert.equal(existsSync(output), false, 'no --output file on bad input');
}

/** Compares numeric cells: 1e-9 relative (the README's 1.49e-8 is looser), empty (NA) must meet empty. */
export function assertNumbersClose(
  actual: CsvRecord,
  expected: CsvRecord,
  columns: readonly (string | [string, string])[],
  label: string,
  rel = 1e-9,
): void {
  for (const c of columns) {
    const [a, e] = typeof c === 'string' ? [c, c] : c;
    const x = num(actual[a]);
    const y = num(expected[e]);
    if (Number.isNaN(y)) {
      assert.equal(actual[a], '', `${label} ${a}: expected NA, got ${actual[a]}`);
      continue;
    }
    assert.ok(!Number.isNaN(x), `${label} ${a}: expected ${y}, got '${actual[a]}'`);
    const scale = Math.abs(y) > 0 ? Math.abs(y) : 1;
    assert.ok(Math.abs(x - y) / scale <= rel, `${label} ${a}: expected ${y}, got ${x}`);
  }
}
