import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's own location. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `../shared` beside the repository: real open data kept out of the repo. */
export const sharedRoot = resolve(repoRoot, '..', 'shared');

/**
 * Resolves a path under `../shared`. When the folder is absent the test is skipped with a printed reason,
 * except under CI, where absent data is a failure: CI must run every test that uses it.
 * Returns null when the caller should return early (skipped).
 */
export function sharedPath(t: TestContext, ...parts: string[]): string | null {
  const path = join(sharedRoot, ...parts);
  if (existsSync(path)) return path;
  if (process.env.CI) throw new Error(`shared data missing under CI: ${join('..', 'shared', ...parts)}`);
  const reason = `needs ../shared/${parts.join('/')} beside the repository (absent here)`;
  console.log(`# skipped: ${reason}`);
  t.skip(reason);
  return null;
}
