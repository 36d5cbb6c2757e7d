import { loadConfig } from '../config/config.js';
import { startServer } from '../server.js';
import { reportError } from './main.js';
import { parseCommandArgs } from './parse-command-args.js';

const help = `Usage: healthhub serve

Runs the web application: migrates the database, loads the demo data into an empty database, and listens.

Environment:
  PORT                port to listen on (default 3000)
  HOST                address to listen on (default localhost; 0.0.0.0 in production)
  DATABASE_URL        PostgreSQL server to use (default: the embedded PGlite database)
  DATABASE_POOL_SIZE  PostgreSQL connections per instance (default 10)
  HEALTHHUB_DATA_DIR  where the embedded database lives (default ./data)
  LOG_LEVEL           fatal, error, warn, info, debug, trace or silent (default info)

SIGTERM or SIGINT stops it gracefully: requests in flight finish, then the database closes.`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('serve', args, {});
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  const config = loadConfig();
  const server = await startServer(config);
  const shown = new URL(server.url);
  if (config.host === 'localhost') shown.hostname = 'localhost';
  process.stdout.write(`London Health Hub is running at ${shown.origin}/ (Ctrl+C stops it)\n`);
  const shutdown = (signal: string) => {
    server.app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      server.app.log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        reportError(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  return 0;
}
