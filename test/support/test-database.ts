import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Config, loadConfig } from '../../src/config/config.js';
import { type Database, openDatabase } from '../../src/db/database.js';
import { openFromTemplate } from './pglite-template.js';

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * The databases integration tests run against: PGlite always; PostgreSQL when TEST_DATABASE_URL names a
 * server (npm test starts a throwaway one when PostgreSQL is installed). Under CI PostgreSQL is required.
 */
export function databaseKinds(): DatabaseKind[] {
  if (process.env.TEST_DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI) throw new Error('TEST_DATABASE_URL is not set under CI: the PostgreSQL tests must run');
  return ['pglite'];
}

export interface TestDatabase {
  readonly config: Config;
  readonly database: Database;
  /** Closes the database and, on PostgreSQL, drops the database made for this test. */
  cleanup(): Promise<void>;
}

/** A fresh, migrated, empty database of the given kind: in memory for PGlite, a new database on the server. */
export async function createTestDatabase(
  kind: DatabaseKind,
  extraEnv: Record<string, string> = {},
): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const config = loadConfig({ NODE_ENV: 'test', HEALTHHUB_DATA_DIR: 'memory://', ...extraEnv });
    // A copy of a migrated database: migrating PGlite afresh costs seconds per test file.
    const database = await openFromTemplate('migrated', async () => {});
    return { config, database, cleanup: () => database.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const name = `healthhub_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url.toString(),
    DATABASE_POOL_SIZE: '5',
    ...extraEnv,
  });
  const database = await openDatabase(config);
  await database.migrate();
  return {
    config,
    database,
    cleanup: async () => {
      await database.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
