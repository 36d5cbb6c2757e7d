import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config/config.js';

/**
 * pino's options: JSON lines for machines (production, CI, pipes), readable lines when a developer runs
 * healthhub on a terminal and pino-pretty is installed (a development dependency).
 */
export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  const base = { level: config.logLevel };
  if (config.env === 'production' || !process.stdout.isTTY) return base;
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
  } catch {
    return base;
  }
  return {
    ...base,
    transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } },
  };
}
