import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { DatabaseUnavailableError } from '../errors/database-unavailable-error.js';
import { StartupError } from '../errors/startup-error.js';
import type { Db } from './db.js';
import { runMigrations } from './run-migrations.js';
import * as schema from './schema.js';

/** An open database: the Drizzle handle and what the application needs around it. */
export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Runs `select 1`; throws DatabaseUnavailableError when the server cannot answer. */
  ping(): Promise<void>;
  /** Applies pending migrations (serialised across instances on PostgreSQL). */
  migrate(): Promise<void>;
  /** The embedded database's data directory as an archive, for openPgliteFromArchive (PGlite only). */
  archive?(): Promise<Blob>;
  close(): Promise<void>;
}

/**
 * Opens the database the configuration names: a PostgreSQL pool when DATABASE_URL is set, otherwise the
 * embedded PGlite persisted under HEALTHHUB_DATA_DIR. Only the driver in use is loaded, so the CLI's other
 * commands start fast. Fails with StartupError when the database cannot be reached or created.
 */
export async function openDatabase(config: Config, logger?: Logger): Promise<Database> {
  const database =
    config.database.kind === 'postgres'
      ? await openPostgres(config.database, logger)
      : await openPglite(config.database.dataDir);
  try {
    await database.ping();
  } catch (error) {
    await database.close().catch(() => {});
    throw new StartupError('DATABASE_UNREACHABLE', `cannot connect to the database: ${describe(error)}`, {
      cause: error,
    });
  }
  return database;
}

/**
 * An embedded database in memory, started from an archive of another's data directory (PGlite's
 * dumpDataDir): a copy made in a second rather than migrated and filled again. For tests.
 */
export async function openPgliteFromArchive(archive: Blob): Promise<Database> {
  return openPglite('memory://', archive);
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let location = dataDir;
  if (dataDir !== 'memory://') {
    location = join(dataDir, 'pglite');
    try {
      mkdirSync(location, { recursive: true });
      accessSync(location, constants.W_OK);
    } catch (error) {
      throw new StartupError(
        'DATA_DIR_NOT_WRITABLE',
        `cannot write the data directory ${dataDir} (HEALTHHUB_DATA_DIR): ${describe(error)}`,
        { cause: error },
      );
    }
  }
  let client: InstanceType<typeof PGlite>;
  try {
    client = await (loadDataDir ? PGlite.create({ loadDataDir }) : PGlite.create(location));
  } catch (error) {
    throw new StartupError(
      'DATA_DIR_NOT_WRITABLE',
      `cannot open the embedded database in ${dataDir}: ${describe(error)}`,
      { cause: error },
    );
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await client.query('select 1');
    },
    migrate: () => runMigrations(db, 'pglite'),
    archive: async () => client.dumpDataDir('none'),
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(options: { url: string; poolSize: number }, logger?: Logger): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server must not crash the process; the pool replaces it on next use.
  pool.on('error', (error) => logger?.warn({ err: error }, 'database connection lost'));
  const db = drizzle(pool, { schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      try {
        await pool.query('select 1');
      } catch (error) {
        throw new DatabaseUnavailableError(`database unavailable: ${describe(error)}`, { cause: error });
      }
    },
    migrate: async () => {
      // Several instances may start together against one server: an advisory lock lets one migrate at a time.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(7243100417)');
        try {
          await runMigrations(drizzle(client, { schema }) as unknown as Db, 'postgres');
        } finally {
          await client.query('select pg_advisory_unlock(7243100417)');
        }
      } finally {
        client.release();
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = error.message || code || error.name;
    return code && !message.includes(code) ? `${message} (${code})` : message;
  }
  return String(error);
}
