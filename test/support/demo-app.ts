import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app/create-app.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

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
  const t = await createTestDatabase('pglite');
  await loadDemo(t.database.db);
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
