import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import { z } from 'zod';
import { findArea, listAreas, unknownAreaCodes } from '../areas/area-queries.js';
import type { Database } from '../db/database.js';
import type { Db } from '../db/db.js';
import { decisionApiRoutes } from '../decisions/decision-api-routes.js';
import { findIndicator, listIndicators } from '../indicators/indicator-queries.js';
import { indicatorExists, listTrendSeries, listValues } from '../indicators/value-queries.js';
import { apiErrorHandler } from './api-error-handler.js';
import { ApiParameterError } from './api-parameter-error.js';
import { apiSchemas } from './api-schemas.js';
import { AreaNotFoundError } from './area-not-found-error.js';
import { encodingAwareEtag } from './encoding-aware-etag.js';
import { IndicatorNotFoundError } from './indicator-not-found-error.js';
import { listLinks } from './list-links.js';
import { openapiDocument } from './openapi-document.js';
import { pageCursor } from './page-cursor.js';
import { parseParameters } from './parse-parameters.js';
import { sendCacheable } from './send-cacheable.js';
import { valuesCsv } from './values-csv.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const idCursor = z.object({ id: z.number().int().nonnegative() });
const codeCursor = z.object({ code: z.string().regex(/^[EWSNK][0-9]{8}$/) });

/**
 * The public, read-only JSON API (registered under /api/v1): indicators, areas, values, trends and published
 * decisions, its OpenAPI document and a page for people describing it. Errors are JSON with a stable code,
 * and a `parameter` for 400s about a parameter; successful answers are cacheable by ETag.
 */
export async function apiRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  const { db } = options.database;

  app.setErrorHandler(apiErrorHandler);
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .header('cache-control', 'no-store')
      .send({
        code: 'NOT_FOUND',
        message: `no route for ${request.method} ${request.url.split('?')[0]}`,
        requestId: request.id,
      }),
  );
  // Compression adds its onSend hook to each route as the route is declared; this one is added after it, so
  // it sees the content coding chosen and can give the compressed body its own tag.
  app.addHook('onRoute', (route) => {
    const hooks = route.onSend;
    const etagHook = encodingAwareEtag as onSendHookHandler;
    route.onSend =
      hooks === undefined ? [etagHook] : Array.isArray(hooks) ? [...hooks, etagHook] : [hooks, etagHook];
  });

  app.get('/', async (_request, reply) =>
    reply.view('api/api-docs.njk', {
      title: 'API',
      endpoints: Object.entries(openapiDocument.paths).map(([path, item]) => ({
        path: `/api/v1${path}`,
        ...item.get,
      })),
      exampleRequest: '/api/v1/values?indicator=990003&area=E09000001&period=2024',
      exampleResponse: JSON.stringify(
        openapiDocument.paths['/values']?.get.responses['200']?.content?.['application/json']?.example,
        null,
        2,
      ),
    }),
  );

  app.get('/openapi.json', async (request, reply) => {
    parseParameters(apiSchemas['/openapi.json'].query, request.query);
    return sendCacheable(request, reply, JSON.stringify(openapiDocument), {
      contentType: JSON_TYPE,
      demo: false,
    });
  });

  app.get('/indicators', async (request, reply) => {
    const query = parseParameters(apiSchemas['/indicators'].query, request.query);
    const after = query.cursor === undefined ? 0 : pageCursor.decode(query.cursor, idCursor).id;
    // Few enough indicators (hundreds) to page in memory; id order is stable as names change.
    const rest = (await listIndicators(db, { q: query.q, areaType: query.areaType }))
      .filter((i) => i.id > after)
      .sort((a, b) => a.id - b.id);
    const data = rest.slice(0, query.limit);
    const next = rest.length > query.limit ? pageCursor.encode({ id: data[data.length - 1]!.id }) : null;
    return sendJson(
      request,
      reply,
      data,
      data.some((i) => i.demo),
      listLinks(request, next),
    );
  });

  app.get('/indicators/:id', async (request, reply) => {
    const { id } = parseParameters(apiSchemas['/indicators/{id}'].path, request.params);
    parseParameters(apiSchemas['/indicators/{id}'].query, request.query);
    const indicator = await findIndicator(db, id);
    if (!indicator) throw new IndicatorNotFoundError(id);
    return sendJson(request, reply, indicator, indicator.demo, listLinks(request, null));
  });

  app.get('/areas', async (request, reply) => {
    const query = parseParameters(apiSchemas['/areas'].query, request.query);
    if (query.parent !== undefined) await requireAreas(db, [query.parent]);
    const afterCode =
      query.cursor === undefined ? undefined : pageCursor.decode(query.cursor, codeCursor).code;
    const page = await listAreas(
      db,
      { type: query.type, parent: query.parent, q: query.q },
      { limit: query.limit, afterCode },
    );
    const next = page.nextCode === null ? null : pageCursor.encode({ code: page.nextCode });
    return sendJson(request, reply, page.areas, false, listLinks(request, next));
  });

  app.get('/areas/:code', async (request, reply) => {
    const { code } = parseParameters(apiSchemas['/areas/{code}'].path, request.params);
    parseParameters(apiSchemas['/areas/{code}'].query, request.query);
    const area = await findArea(db, code);
    if (!area) throw new AreaNotFoundError([code]);
    return sendJson(request, reply, area, false, listLinks(request, null));
  });

  app.get('/values', async (request, reply) => {
    const query = parseParameters(apiSchemas['/values'].query, request.query);
    if (query.indicator === undefined && query.area === undefined) {
      throw new ApiParameterError(
        'MISSING_PARAMETER',
        'indicator',
        'indicator or area is required: give an indicator id, one or more area codes, or both',
      );
    }
    if (query.indicator !== undefined) await requireIndicator(db, query.indicator);
    await requireAreas(db, [...(query.area ?? []), ...(query.parent === undefined ? [] : [query.parent])]);
    const afterId = query.cursor === undefined ? undefined : pageCursor.decode(query.cursor, idCursor).id;
    const page = await listValues(
      db,
      {
        indicatorId: query.indicator,
        areaCodes: query.area,
        areaType: query.areaType,
        parent: query.parent,
        period: query.period,
        sex: query.sex,
        age: query.age,
        categoryType: query.categoryType,
        category: query.category,
      },
      { limit: query.limit, afterId },
    );
    const demo = page.values.some((v) => v.demo);
    const links = listLinks(request, page.nextId === null ? null : pageCursor.encode({ id: page.nextId }));
    if (query.format === 'csv') {
      reply.header('content-disposition', 'attachment; filename="values.csv"');
      if (links.next !== null) reply.header('link', `<${links.next}>; rel="next"`);
      return sendCacheable(request, reply, valuesCsv(page.values), {
        contentType: 'text/csv; charset=utf-8',
        demo,
      });
    }
    return sendJson(request, reply, page.values, demo, links);
  });

  app.get('/trends', async (request, reply) => {
    const query = parseParameters(apiSchemas['/trends'].query, request.query);
    if (query.indicator === undefined) {
      throw new ApiParameterError('MISSING_PARAMETER', 'indicator', 'indicator is required: an indicator id');
    }
    if (query.area === undefined) {
      throw new ApiParameterError('MISSING_PARAMETER', 'area', 'area is required: one or more area codes');
    }
    await requireIndicator(db, query.indicator);
    await requireAreas(db, query.area);
    const series = await listTrendSeries(db, {
      indicatorId: query.indicator,
      areaCodes: query.area,
      sex: query.sex,
      age: query.age,
      categoryType: query.categoryType,
      category: query.category,
    });
    return sendJson(
      request,
      reply,
      series,
      series.some((s) => s.demo),
      listLinks(request, null),
    );
  });

  decisionApiRoutes(app, db);
}

function sendJson(
  request: FastifyRequest,
  reply: FastifyReply,
  data: unknown,
  demo: boolean,
  links: { self: string; next: string | null },
): FastifyReply {
  return sendCacheable(request, reply, JSON.stringify({ data, demo, links }), {
    contentType: JSON_TYPE,
    demo,
  });
}

async function requireIndicator(db: Db, id: number): Promise<void> {
  if (!(await indicatorExists(db, id))) throw new IndicatorNotFoundError(id);
}

async function requireAreas(db: Db, codes: readonly string[]): Promise<void> {
  const unknown = await unknownAreaCodes(db, codes);
  if (unknown.length > 0) throw new AreaNotFoundError(unknown);
}
