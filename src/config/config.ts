import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../errors/config-error.js';
import { defaultRiskBanding, parseRiskBanding, type RiskBanding } from '../risks/risk-banding.js';

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

const smtpUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
    } catch {
      return false;
    }
  },
  { message: 'must be a URL of the form smtp://user:password@host:587 or smtps://user:password@host:465' },
);

// An identity provider is reached over HTTPS; plain HTTP only on this machine (a test's own provider).
const issuerUrl = httpUrl.refine(
  (value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  },
  { message: 'must be an https URL, such as https://login.microsoftonline.com/TENANT-ID/v2.0' },
);

const perWindow = (fallback: number) => z.coerce.number().int().min(1).max(100_000).default(fallback);

/** Variables whose values are never echoed in an error: they may hold a password or a secret. */
const secretVariables = new Set(['DATABASE_URL', 'SMTP_URL', 'OIDC_CLIENT_SECRET']);

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
  RISK_BANDING: z.string().default(defaultRiskBanding),
  SMTP_URL: smtpUrl.optional(),
  MAIL_FROM: z.string().trim().min(3).max(320).default('London Health Hub <no-reply@localhost>'),
  PUBLIC_URL: httpUrl.optional(),
  OIDC_ISSUER: issuerUrl.optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_LABEL: z.string().trim().min(1).max(100).default('Sign in with Microsoft'),
  OIDC_TRUST_EMAIL: z.enum(['true', 'false']).default('false'),
  SIGN_IN_FAILURES_PER_MINUTE: perWindow(10),
  PASSWORD_RESETS_PER_MINUTE: perWindow(10),
  PASSWORD_RESETS_PER_EMAIL: perWindow(5),
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
  /** Which RAG each risk score (likelihood × impact) gets: RISK_BANDING, e.g. green:1-6,amber:8-12,red:15-25. */
  readonly riskBanding: RiskBanding;
  /** Password-reset email: the SMTP server (unset: links are logged outside production) and the From line. */
  readonly mail: { readonly smtpUrl: string | undefined; readonly from: string };
  /** The site's address as people reach it, without a trailing slash, for emailed links and OpenID Connect. */
  readonly publicUrl: string | undefined;
  /** Sign-in through an OpenID Connect provider (Microsoft Entra ID...), when all three settings are given. */
  readonly oidc:
    | {
        readonly issuer: string;
        readonly clientId: string;
        readonly clientSecret: string;
        readonly label: string;
        /** Link a first sign-in by email even when the provider does not say the email is verified. */
        readonly trustEmail: boolean;
      }
    | undefined;
  /** Per client address, in this instance: failed sign-ins a minute; reset requests a minute and per email. */
  readonly rateLimits: {
    readonly signInFailuresPerMinute: number;
    readonly passwordResetsPerMinute: number;
    readonly passwordResetsPerEmail: number;
  };
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
    const shown = secretVariables.has(variable) || got === undefined ? '' : ` (got "${got}")`;
    throw new ConfigError(variable, `${issue.message}${shown}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const dataDir =
    e.HEALTHHUB_DATA_DIR === 'memory://' || isAbsolute(e.HEALTHHUB_DATA_DIR)
      ? e.HEALTHHUB_DATA_DIR
      : resolve(cwd, e.HEALTHHUB_DATA_DIR);
  const oidcSet = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter((v) => v !== undefined);
  if (oidcSet.length > 0 && oidcSet.length < 3) {
    const missing = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'].find(
      (v) => present[v] === undefined,
    )!;
    throw new ConfigError(missing, 'must be set with the other OIDC_ settings, or none of them');
  }
  // Links in emails and the OpenID Connect redirect must name the address people use: guessed only locally.
  const publicUrl =
    e.PUBLIC_URL?.replace(/\/+$/, '') ?? (production ? undefined : `http://localhost:${e.PORT}`);
  if (oidcSet.length === 3 && publicUrl === undefined) {
    throw new ConfigError('PUBLIC_URL', 'must be set in production when OIDC_ISSUER is set');
  }
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
    riskBanding: parseRiskBanding(e.RISK_BANDING),
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    publicUrl,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            label: e.OIDC_LABEL,
            trustEmail: e.OIDC_TRUST_EMAIL === 'true',
          }
        : undefined,
    rateLimits: {
      signInFailuresPerMinute: e.SIGN_IN_FAILURES_PER_MINUTE,
      passwordResetsPerMinute: e.PASSWORD_RESETS_PER_MINUTE,
      passwordResetsPerEmail: e.PASSWORD_RESETS_PER_EMAIL,
    },
  };
  return deepFreeze(config);
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (inner && typeof inner === 'object') deepFreeze(inner);
  return Object.freeze(value);
}
