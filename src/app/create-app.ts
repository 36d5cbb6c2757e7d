import { randomUUID } from 'node:crypto';
import compress from '@fastify/compress';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { apiRoutes } from '../api/api-routes.js';
import { areaRoutes } from '../areas/area-routes.js';
import { populationRoutes } from '../areas/population-routes.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { isConnectionError } from '../db/is-connection-error.js';
import { decisionRoutes } from '../decisions/decision-routes.js';
import { AppError } from '../errors/app-error.js';
import { fundRoutes } from '../funds/fund-routes.js';
import { healthRoutes } from '../health/health-routes.js';
import { homeRoutes } from '../home/home-routes.js';
import { heatmapRoutes } from '../indicators/heatmap-routes.js';
import { indicatorRoutes } from '../indicators/indicator-routes.js';
import { inequalityRoutes } from '../indicators/inequality-routes.js';
import { trendRoutes } from '../indicators/trend-routes.js';
import { missionRoutes } from '../mission/mission-routes.js';
import { peopleRoutes } from '../people/people-routes.js';
import { registerStaffAuth } from '../people/staff-auth.js';
import { programmesRisksBoardsRoutes } from '../programmes/programmes-risks-boards-routes.js';
import { loadAssetManifest } from './asset-manifest.js';
import { contentSecurityPolicy } from './content-security-policy.js';
import { loggerOptions } from './logger-options.js';
import { paths } from './paths.js';
import { registerResponseCache } from './response-cache.js';
import { createViews, navigationFor } from './views.js';

/** What the application is wired to; tests pass their own. */
export interface Services {
  readonly database: Database;
}

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a Nunjucks template from src/ as an HTML response. */
    view(template: string, context?: Record<string, unknown>): FastifyReply;
  }
}

const requestIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Builds the Fastify application without listening: security headers, compression, fingerprinted assets,
 * views, routes and error pages. Holds no state between requests beyond its configuration and services,
 * so any number of instances can serve behind a load balancer against one PostgreSQL.
 */
export async function createApp(config: Config, services: Services): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config),
    // Take a caller's request id (a load balancer's) when it is well formed, otherwise make one.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    },
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    trustProxy: config.env === 'production',
  });

  const asset = loadAssetManifest(paths.publicAssets);
  const views = createViews({ templatesDir: paths.templates, asset, watch: config.env === 'development' });
  app.decorateReply(
    'view',
    function (this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
      const request = this.request;
      const html = views.render(template, {
        navigation: navigationFor(request.url),
        staff: request.staff,
        csrfToken: () => request.csrfToken(),
        currentPath: request.url,
        ...context,
      });
      return this.type('text/html; charset=utf-8').send(html);
    },
  );

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: contentSecurityPolicy(config.env === 'production'),
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  // Uploads (signed decision forms) arrive whole in the body, fields and files alike, so that the CSRF check
  // and zod see one object; 20 MB is well above a signed PDF.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 200 },
  });
  registerStaffAuth(app, { database: services.database, secureCookies: config.secureCookies });
  // Before compression, so that it keeps and replays identity bodies.
  registerResponseCache(app, {
    database: services.database,
    prefixes: ['/indicators', '/areas', '/heatmap', '/api/v1'],
  });
  await app.register(compress, { threshold: 1024 });
  await app.register(fastifyStatic, {
    root: paths.publicAssets,
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
    // The manifest is for the server; the browser only needs the fingerprinted files.
    allowedPath: (path) => !path.endsWith('manifest.json'),
  });

  // Set before the route plugins are registered: each plugin inherits the handlers present when it loads.
  app.setNotFoundHandler((request, reply) => {
    reply.code(404);
    if (wantsJson(request))
      return reply.send({
        code: 'NOT_FOUND',
        message: `no route for ${request.method} ${request.url.split('?')[0]}`,
      });
    return reply.view('app/views/errors/not-found.njk');
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isConnectionError(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      reply.code(503).header('retry-after', '30');
      if (wantsJson(request))
        return reply.send({ code: 'DATABASE_UNAVAILABLE', message: 'the database is unavailable' });
      return reply.view('app/views/errors/unavailable.njk');
    }
    const status = error instanceof AppError ? error.statusCode : (error.statusCode ?? 500);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    reply.code(status);
    const code = error instanceof AppError ? error.code : (error.code ?? 'INTERNAL_ERROR');
    if (wantsJson(request)) {
      return reply.send({
        code,
        message: status >= 500 ? 'internal error' : error.message,
        requestId: request.id,
      });
    }
    if (status === 404) return reply.view('app/views/errors/not-found.njk');
    if (status === 403 || status === 401) {
      return reply.view('app/views/errors/forbidden.njk', { message: error.message, code });
    }
    if (status < 500) return reply.type('text/plain; charset=utf-8').send(error.message);
    return reply.view('app/views/errors/server-error.njk', { requestId: request.id });
  });

  await app.register(healthRoutes, { database: services.database });
  await app.register(homeRoutes, { database: services.database });
  await app.register(decisionRoutes, { database: services.database });
  await app.register(apiRoutes, { database: services.database, prefix: '/api/v1' });
  await app.register(indicatorRoutes, { database: services.database });
  await app.register(areaRoutes, { database: services.database });
  await app.register(missionRoutes, { database: services.database });
  await app.register(trendRoutes, { database: services.database });
  await app.register(heatmapRoutes, { database: services.database });
  await app.register(populationRoutes, { database: services.database });
  await app.register(inequalityRoutes, { database: services.database });
  await app.register(peopleRoutes, { database: services.database, config });
  await app.register(programmesRisksBoardsRoutes, { database: services.database, config });
  await app.register(fundRoutes, { database: services.database });

  return app;
}

function wantsJson(request: FastifyRequest): boolean {
  const path = request.url;
  return (
    path.startsWith('/api/') ||
    path.startsWith('/healthz') ||
    (request.headers.accept?.includes('application/json') === true &&
      !request.headers.accept.includes('text/html'))
  );
}
