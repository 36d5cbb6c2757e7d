import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../errors/config-error.js';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const postgresUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
    } catch {
      return false;
    }
  },
  { message: 'must be a URL of the form postgres://user:password@host:port/database' },
);

const httpUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      const http = url.protocol === 'http:' || url.protocol === 'https:';
      // Paths are appended to it: a query or fragment would swallow them.
      return http && url.hostname !== '' && url.search === '' && url.hash === '';
    } catch {
      return false;
    }
  },
  { message: 'must be an http(s) URL without a query, such as https://fingertips.phe.org.uk' },
);

const environment = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  HEALTHHUB_DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(logLevels).optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  FINGERTIPS_API_URL: httpUrl.default('https://fingertips.phe.org.uk'),
  SESSION_HOURS: z.coerce.number().min(0.25).max(720).default(12),
  SECURE_COOKIES: z.enum(['true', 'false']).optional(),
});

/** Everything the application reads from its environment, validated and frozen. */
export interface Config {
  readonly env: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly database:
    | { readonly kind: 'postgres'; readonly url: string; readonly poolSize: number }
    | { readonly kind: 'pglite'; readonly dataDir: string };
  readonly logLevel: (typeof logLevels)[number];
  readonly shutdownTimeoutMs: number;
  /** The Fingertips site whose API `healthhub import fingertips --indicator` reads, without a trailing slash. */
  readonly fingertipsApiUrl: string;
  /** How long a staff session lasts from sign-in, in seconds. */
  readonly sessionSeconds: number;
  /** Whether cookies carry Secure (HTTPS only): on in production unless SECURE_COOKIES=false. */
  readonly secureCookies: boolean;
}

/**
 * Reads and validates the environment. Throws ConfigError naming the first bad variable; the CLI prints it
 * as one line. `memory://` as HEALTHHUB_DATA_DIR keeps the embedded database in memory (tests).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  // Empty strings mean "unset": shells and .env files often export VAR= for "no value".
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environment.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const got = present[variable];
    const shown = variable === 'DATABASE_URL' || got === undefined ? '' : ` (got "${got}")`;
    throw new ConfigError(variable, `${issue.message}${shown}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const dataDir =
    e.HEALTHHUB_DATA_DIR === 'memory://' || isAbsolute(e.HEALTHHUB_DATA_DIR)
      ? e.HEALTHHUB_DATA_DIR
      : resolve(cwd, e.HEALTHHUB_DATA_DIR);
  const config: Config = {
    env: e.NODE_ENV,
    // A developer's machine listens on loopback only; a deployed instance behind a load balancer on all.
    host: e.HOST ?? (production ? '0.0.0.0' : 'localhost'),
    port: e.PORT,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir },
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    // API paths are appended to it, so `https://host/` and `https://host` must give the same URLs.
    fingertipsApiUrl: e.FINGERTIPS_API_URL.replace(/\/+$/, ''),
    sessionSeconds: Math.round(e.SESSION_HOURS * 3600),
    secureCookies: e.SECURE_COOKIES === undefined ? production : e.SECURE_COOKIES === 'true',
  };
  return deepFreeze(config);
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (inner && typeof inner === 'object') deepFreeze(inner);
  return Object.freeze(value);
}
