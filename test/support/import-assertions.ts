import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/db.js';
import { queryRows } from '../../src/db/query-rows.js';
import { ImportError, type ImportErrorCode } from '../../src/imports/import-error.js';

/** A scratch directory for a test file's variants of real files; `remove` deletes it. */
export function scratchFiles(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `healthhub-${prefix}-`));
  let n = 0;
  return {
    dir,
    /** Writes text into a new file of the scratch directory and returns its path. */
    write(text: string, name = 'variant'): string {
      const path = join(dir, `${name}-${++n}.csv`);
      writeFileSync(path, text);
      return path;
    },
    /** A path in the scratch directory (for reports). */
    path(name: string): string {
      return join(dir, name);
    },
    remove(): void {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Replaces a string that must occur exactly once. */
export function replaceOnce(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `'${from}' should occur once`);
  return text.replace(from, to);
}

/** The header and the lines of a CSV text whose records are one per line (no line breaks in fields). */
export function csvLines(text: string): { header: string; rows: string[] } {
  const [header, ...rows] = text.replace(/\r?\n$/, '').split(/\r?\n/);
  return { header: header!, rows };
}

/**
 * Everything the importers can change, to show that a refused file changed nothing: row counts and a digest
 * of each table's rows (updated_at and ids included, so any write shows).
 */
export async function snapshot(db: Db): Promise<Record<string, number | string>> {
  const digest = (table: string, order: string) =>
    sql.raw(`(select md5(coalesce(string_agg(t::text, '|' order by ${order}), '')) from ${table} t)`);
  const [row] = await queryRows<Record<string, number | string>>(
    db,
    sql`select (select count(*)::int from areas) as areas,
               (select count(*)::int from area_parents) as parents,
               (select count(*)::int from deprivation) as deprivation,
               (select count(*)::int from indicators) as indicators,
               (select count(*)::int from indicator_values) as "values",
               (select count(*)::int from indicator_value_history) as history,
               (select count(*)::int from data_loads) as loads,
               ${digest('areas', 't.code')} as areas_digest,
               ${digest('area_parents', 't.child_code, t.parent_code, t.valid_from')} as parents_digest,
               ${digest('deprivation', 't.area_code, t.edition')} as deprivation_digest,
               ${digest('indicators', 't.id')} as indicators_digest,
               ${digest('indicator_values', 't.id')} as values_digest`,
  );
  return row!;
}

/**
 * Runs an import that must be refused with `code`, checks the database is as it was (`state`, default
 * snapshot), and returns the error and the report's lines (line,reason) without its header.
 */
export async function assertRefused(
  db: Db,
  run: () => Promise<unknown>,
  code: ImportErrorCode,
  state: (db: Db) => Promise<Record<string, number | string>> = snapshot,
): Promise<{ error: ImportError; report: string[] }> {
  const before = await state(db);
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof ImportError, `expected ImportError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  assert.equal(caught.statusCode, 400);
  assert.match(caught.message, /nothing was imported/);
  assert.deepEqual(await state(db), before, 'the database is as it was');
  const report = caught.reportPath ? readFileSync(caught.reportPath, 'utf8').trimEnd().split('\n') : [];
  if (report.length > 0) assert.equal(report[0], 'line,reason');
  return { error: caught, report: report.slice(1) };
}
