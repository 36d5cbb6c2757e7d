import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { type Database, openDatabase, openPgliteFromArchive } from '../../src/db/database.js';

const root = resolve(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

let key: string | undefined;

/** What a template depends on: the migrations and every source file (the demo is built from them). */
function sourceKey(): string {
  if (key) return key;
  const hash = createHash('sha256');
  for (const file of [...filesUnder(join(root, 'migrations')), ...filesUnder(join(root, 'src'))].sort()) {
    hash.update(file.slice(root.length)).update(readFileSync(file));
  }
  key = hash.digest('hex').slice(0, 16);
  return key;
}

/**
 * An in-memory PGlite database started from a template archive: built once per state of the sources (by
 * `fill` on a fresh migrated database) and kept in the temporary directory, so each test file starts in a
 * second instead of migrating and loading the demo again. Parallel test processes that both miss build it
 * both; each writes its own file and renames it into place, so none reads a half-written one.
 */
export async function openFromTemplate(
  name: string,
  fill: (database: Database) => Promise<void>,
): Promise<Database> {
  const path = join(tmpdir(), `healthhub-test-${sourceKey()}-${name}.tar`);
  let archive: Blob | undefined;
  try {
    if (statSync(path).size > 0) archive = new Blob([readFileSync(path)]);
  } catch {
    archive = undefined;
  }
  if (!archive) {
    const built = await openDatabase(loadConfig({ NODE_ENV: 'test', HEALTHHUB_DATA_DIR: 'memory://' }));
    try {
      await built.migrate();
      await fill(built);
      archive = await built.archive!();
    } finally {
      await built.close();
    }
    const partial = `${path}.${randomBytes(6).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await archive.arrayBuffer()));
    renameSync(partial, path);
  }
  return openPgliteFromArchive(archive);
}
