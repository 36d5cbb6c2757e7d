import type { FastifyInstance } from 'fastify';
import { createApp } from './app/create-app.js';
import { loadBuiltInGeography } from './areas/load-built-in-geography.js';
import type { Config } from './config/config.js';
import { type Database, openDatabase } from './db/database.js';
import { isDatabaseEmpty, loadDemo } from './demo/load-demo.js';
import { StartupError } from './errors/startup-error.js';

/** A listening healthhub: its address and how to stop it gracefully. */
export interface RunningServer {
  readonly app: FastifyInstance;
  readonly database: Database;
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

/**
 * Opens and migrates the database, loads the demo data into an empty one, and listens. The only place that
 * binds a port; everything else is wired in createApp.
 */
export async function startServer(config: Config): Promise<RunningServer> {
  const database = await openDatabase(config);
  let app: FastifyInstance | undefined;
  try {
    await database.migrate();
    // London's geography is built in: added at every start if anything is missing. Demo data only when empty.
    await loadBuiltInGeography(database.db);
    if (await isDatabaseEmpty(database.db)) await loadDemo(database.db);
    app = await createApp(config, { database });
    const address = await app.listen({ host: config.host, port: config.port });
    let closing: Promise<void> | undefined;
    const listening = app;
    return {
      app: listening,
      database,
      url: address,
      close: () => {
        closing ??= listening.close().finally(() => database.close());
        return closing;
      },
    };
  } catch (error) {
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new StartupError(
        'PORT_IN_USE',
        `port ${config.port} on ${config.host} is already in use (set PORT to another)`,
        { cause: error },
      );
    }
    if ((error as NodeJS.ErrnoException).code === 'EACCES') {
      throw new StartupError(
        'PORT_NOT_PERMITTED',
        `not permitted to listen on port ${config.port} (set PORT to another)`,
        { cause: error },
      );
    }
    throw error;
  }
}
