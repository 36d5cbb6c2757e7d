import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config/config.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { openFromTemplate } from './pglite-template.js';
import type { TestDatabase } from './test-database.js';

/** A fresh PGlite database holding the demonstration data (a copy of one loaded once). */
export async function createDemoDatabase(): Promise<TestDatabase> {
  const config = loadConfig({ NODE_ENV: 'test', HEALTHHUB_DATA_DIR: 'memory://' });
  const database = await openFromTemplate('demo', async (d) => {
    await loadDemo(d.db);
  });
  return { config, database, cleanup: () => database.close() };
}

/** The application on a fresh PGlite database holding the demonstration data, for inject tests. */
export interface DemoApp {
  readonly t: TestDatabase;
  readonly app: FastifyInstance;
}

/**
 * Makes a DemoApp: `prepare` runs on the database after the demo loads and before the app is built (extra
 * rows a test needs); `extend` adds routes to the app before it is ready (test-only routes).
 */
export async function createDemoApp(
  options: {
    readonly prepare?: (t: TestDatabase) => Promise<void>;
    readonly extend?: (app: FastifyInstance) => void;
  } = {},
): Promise<DemoApp> {
  const t = await createDemoDatabase();
  await options.prepare?.(t);
  const app = await createApp(t.config, { database: t.database });
  options.extend?.(app);
  await app.ready();
  return { t, app };
}

/** Closes a DemoApp and its database. */
export async function closeDemoApp(demo: DemoApp | undefined): Promise<void> {
  await demo?.app.close();
  await demo?.t.cleanup();
}
