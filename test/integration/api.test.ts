import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { apiRoutes } from '../../src/api/api-routes.js';
import { apiSchemas } from '../../src/api/api-schemas.js';
import { openapiDocument } from '../../src/api/openapi-document.js';
import { createApp } from '../../src/app/create-app.js';
import { queryRows } from '../../src/db/query-rows.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

const LONDON = 'E12000007';
const ENGLAND = 'E92000001';
const boroughCodes = Array.from({ length: 33 }, (_, i) => `E090000${String(i + 1).padStart(2, '0')}`);

interface ValueItem {
  readonly indicatorId: number;
  readonly areaCode: string;
  readonly areaName: string;
  readonly areaType: string;
  readonly period: string;
  readonly periodSort: number;
  readonly sex: string;
  readonly age: string;
  readonly categoryType: string;
  readonly category: string;
  readonly value: number | null;
  readonly demo: boolean;
  readonly [field: string]: unknown;
}

const valueKey = (v: ValueItem) =>
  [v.indicatorId, v.areaCode, v.period, v.sex, v.age, v.categoryType, v.category].join('|');

for (const kind of databaseKinds()) {
  describe(`the public JSON API /api/v1 (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;

    before(async () => {
      t = await createTestDatabase(kind);
      await loadDemo(t.database.db);
      app = await createApp(t.config, { database: t.database });
      await app.ready();
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

    /** Follows links.next from `url` until it is null, returning every item and the number of pages. */
    async function collect<T>(url: string): Promise<{ items: T[]; pages: number }> {
      const items: T[] = [];
      let next: string | null = url;
      let pages = 0;
      while (next !== null) {
        const res: LightMyRequestResponse = await get(next);
        assert.equal(res.statusCode, 200, next);
        const body = res.json() as { data: T[]; links: { next: string | null } };
        items.push(...body.data);
        next = body.links.next;
        pages++;
        assert.ok(pages < 1000, 'pagination ends');
      }
      return { items, pages };
    }

    function assertError(res: LightMyRequestResponse, status: number, code: string, parameter?: string) {
      assert.equal(res.statusCode, status, res.body);
      assert.match(res.headers['content-type'] as string, /^application\/json/);
      assert.equal(res.headers['cache-control'], 'no-store');
      const body = res.json();
      assert.equal(body.code, code);
      assert.equal(typeof body.message, 'string');
      assert.ok(body.message.length > 0);
      assert.equal(body.parameter, parameter);
    }

    test('the example request gives the 33 boroughs for every period and sex of indicator 990003', async () => {
      const [combos] = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(distinct (period, sex, age, category_type, category))::int as n
              from indicator_values where indicator_id = 990003 and area_code = 'E09000001'`,
      );
      assert.equal(combos!.n, 13, 'demo: 13 calendar years, persons only');
      const res = await get(`/api/v1/values?indicator=990003&parent=${LONDON}&limit=1000`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(res.headers['x-healthhub-demo'], 'true');
      const body = res.json();
      assert.deepEqual(Object.keys(body).sort(), ['data', 'demo', 'links']);
      assert.equal(body.demo, true);
      assert.equal(body.links.next, null);
      assert.equal(body.links.self, `/api/v1/values?indicator=990003&parent=${LONDON}&limit=1000`);
      const data = body.data as ValueItem[];
      // London's descendants are its five ICBs and 33 boroughs; ICBs have values too.
      const boroughs = data.filter((v) => v.areaType === 'local-authority');
      assert.equal(boroughs.length, 33 * combos!.n);
      assert.deepEqual([...new Set(boroughs.map((v) => v.areaCode))].sort(), boroughCodes);
      assert.deepEqual(
        [...new Set(data.map((v) => v.areaType))].sort(),
        ['icb', 'local-authority'],
        'London and England themselves are not below London',
      );
      assert.equal(data.length, 38 * combos!.n);
      assert.ok(data.every((v) => v.demo === true && v.indicatorId === 990003));
      assert.equal(new Set(data.map(valueKey)).size, data.length, 'no duplicates');

      const onlyBoroughs = await get(
        `/api/v1/values?indicator=990003&parent=${LONDON}&areaType=local-authority&limit=1000`,
      );
      const onlyData = onlyBoroughs.json().data as ValueItem[];
      assert.equal(onlyData.length, 33 * 13);
      assert.ok(onlyData.every((v) => v.areaType === 'local-authority'));
    });

    test('a value has every documented field, with its type', async () => {
      const res = await get('/api/v1/values?indicator=990003&area=E09000001&period=2024');
      const [v] = res.json().data as ValueItem[];
      assert.ok(v);
      const expect: Record<string, string[]> = {
        indicatorId: ['number'],
        indicatorName: ['string'],
        areaCode: ['string'],
        areaName: ['string'],
        areaType: ['string'],
        period: ['string'],
        periodSort: ['number'],
        sex: ['string'],
        age: ['string'],
        categoryType: ['string'],
        category: ['string'],
        value: ['number', 'null'],
        lower95: ['number', 'null'],
        upper95: ['number', 'null'],
        lower998: ['number', 'null'],
        upper998: ['number', 'null'],
        count: ['number', 'null'],
        denominator: ['number', 'null'],
        note: ['string', 'null'],
        comparedToLondon: ['string', 'null'],
        comparedToEngland: ['string', 'null'],
        trend: ['string', 'null'],
        demo: ['boolean'],
      };
      assert.deepEqual(Object.keys(v).sort(), Object.keys(expect).sort());
      for (const [field, types] of Object.entries(expect)) {
        const actual = v[field] === null ? 'null' : typeof v[field];
        assert.ok(types.includes(actual), `${field} is ${actual}`);
      }
      assert.equal(v.areaName, 'City of London');
      assert.equal(v.periodSort, 20240000);
      assert.ok((v.lower95 as number) <= (v.value as number) && (v.value as number) <= (v.upper95 as number));
    });

    test('the example in the OpenAPI document is what the API answers', async () => {
      const res = await get('/api/v1/values?indicator=990003&area=E09000001&period=2024');
      const example =
        openapiDocument.paths['/values']?.get.responses['200']?.content?.['application/json']?.example;
      assert.deepEqual(res.json(), example);
    });

    test('filters combine: area list, sex, period, age, category', async () => {
      const both = await get('/api/v1/values?indicator=990004&area=E09000001,E09000002&sex=Female');
      const data = both.json().data as ValueItem[];
      assert.equal(data.length, 2 * 13);
      assert.ok(data.every((v) => v.sex === 'Female' && ['E09000001', 'E09000002'].includes(v.areaCode)));

      const period = (data[5] as ValueItem).period;
      const one = await get(
        `/api/v1/values?indicator=990004&area=${ENGLAND}&period=${encodeURIComponent(period)}&sex=Male`,
      );
      const [only, ...rest] = one.json().data as ValueItem[];
      assert.equal(rest.length, 0);
      assert.equal(only?.period, period);
      assert.equal(only?.areaType, 'country');

      const byArea = await get('/api/v1/values?area=E09000005&limit=10000');
      const areaData = byArea.json().data as ValueItem[];
      assert.equal(new Set(areaData.map((v) => v.indicatorId)).size, 14, 'area alone: every indicator');
      assert.ok(areaData.every((v) => v.areaCode === 'E09000005'));
      const areaYear = (await get('/api/v1/values?area=E09000005&period=2020&limit=10000')).json().data;
      assert.ok(areaYear.length > 0 && areaYear.every((v: ValueItem) => v.period === '2020'));

      const icbBoroughs = await get('/api/v1/values?indicator=990003&parent=E54000027&period=2020');
      const icbData = icbBoroughs.json().data as ValueItem[];
      assert.ok(icbData.length > 0 && icbData.every((v) => v.areaType === 'local-authority'));

      const [age] = (await get('/api/v1/values?indicator=990003&area=E09000001')).json().data as ValueItem[];
      const byAge = await get(
        `/api/v1/values?indicator=990003&area=E09000001&age=${encodeURIComponent(age!.age)}&category=&categoryType=`,
      );
      assert.equal(byAge.json().data.length, 13, 'empty parameters count as absent');
      const noMatch = await get('/api/v1/values?indicator=990003&area=E09000001&categoryType=Deprivation');
      assert.equal(noMatch.statusCode, 200);
      assert.deepEqual(noMatch.json().data, []);
      assert.equal(noMatch.json().demo, false);
      assert.equal(noMatch.headers['x-healthhub-demo'], undefined);
    });

    test('following links.next collects the same rows as one big page, each once', async () => {
      const url = `/api/v1/values?indicator=990004&parent=${LONDON}`;
      const big = (await get(`${url}&limit=10000`)).json();
      assert.equal(big.links.next, null);
      const paged = await collect<ValueItem>(`${url}&limit=97`);
      assert.equal(paged.pages, Math.ceil(big.data.length / 97));
      assert.deepEqual(paged.items, big.data);
      assert.equal(new Set(paged.items.map(valueKey)).size, paged.items.length);

      const first = (await get(`${url}&limit=97`)).json();
      assert.match(
        first.links.next,
        /^\/api\/v1\/values\?indicator=990004&parent=E12000007&limit=97&cursor=[\w-]+$/,
      );
    });

    test('a page exactly as long as the rest has no next page', async () => {
      const res = (await get('/api/v1/values?indicator=990003&area=E09000001&limit=13')).json();
      assert.equal(res.data.length, 13);
      assert.equal(res.links.next, null);
    });

    test('indicators: the 14 demonstration indicators with their fields; filters; pagination', async () => {
      const res = await get('/api/v1/indicators');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['x-healthhub-demo'], 'true');
      const body = res.json();
      assert.equal(body.demo, true);
      assert.equal(body.data.length, 14);
      assert.deepEqual(
        body.data.map((i: { id: number }) => i.id),
        Array.from({ length: 14 }, (_, i) => 990001 + i),
      );
      const first = body.data[0];
      for (const field of [
        'id',
        'name',
        'definition',
        'unit',
        'multiplier',
        'valueType',
        'polarity',
        'source',
        'licence',
        'periodType',
        'method',
        'demo',
        'areaTypes',
        'latestPeriodSort',
      ]) {
        assert.ok(field in first, field);
      }
      assert.equal(first.demo, true);
      assert.deepEqual(first.areaTypes, ['country', 'icb', 'local-authority', 'region']);
      assert.equal(first.latestPeriodSort, 20240000);

      const paged = await collect<{ id: number }>('/api/v1/indicators?limit=5');
      assert.equal(paged.pages, 3);
      assert.deepEqual(paged.items, body.data);

      const words = (await get('/api/v1/indicators?q=birth%20weight')).json().data;
      assert.deepEqual(
        words.map((i: { id: number }) => i.id),
        [990003],
      );
      assert.equal((await get('/api/v1/indicators?areaType=lsoa21')).json().data.length, 0);
      assert.equal((await get('/api/v1/indicators?areaType=icb&q=birth')).json().data.length >= 1, true);
    });

    test('one indicator by id; 404 INDICATOR_NOT_FOUND; 400 for an id that is not a positive integer', async () => {
      const res = await get('/api/v1/indicators/990003');
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().data.id, 990003);
      assert.equal(res.json().data.name, 'Low birth weight of term babies');
      assert.equal(res.json().demo, true);
      assertError(await get('/api/v1/indicators/123'), 404, 'INDICATOR_NOT_FOUND');
      assertError(await get('/api/v1/indicators/abc'), 400, 'INVALID_PARAMETER', 'id');
      assertError(await get('/api/v1/indicators/0'), 400, 'INVALID_PARAMETER', 'id');
      assertError(await get('/api/v1/indicators/-5'), 400, 'INVALID_PARAMETER', 'id');
      assertError(await get('/api/v1/indicators/99999999999'), 400, 'INVALID_PARAMETER', 'id');
      assertError(await get('/api/v1/indicators/990003?x=1'), 400, 'UNKNOWN_PARAMETER', 'x');
      assertError(await get('/api/v1/indicators/'), 400, 'MISSING_PARAMETER', 'id');
    });

    test('areas: by type, by parent transitively, by name; pagination', async () => {
      const boroughs = await get(`/api/v1/areas?parent=${LONDON}&type=local-authority`);
      assert.equal(boroughs.statusCode, 200);
      const body = boroughs.json();
      assert.equal(body.demo, false);
      assert.equal(boroughs.headers['x-healthhub-demo'], undefined);
      assert.deepEqual(
        body.data.map((a: { code: string }) => a.code),
        boroughCodes,
      );
      const all = (await get(`/api/v1/areas?parent=${LONDON}`)).json().data;
      assert.equal(all.length, 38, 'five ICBs and 33 boroughs');
      const underEngland = (await get(`/api/v1/areas?parent=${ENGLAND}`)).json().data;
      assert.equal(underEngland.length, 39, 'London, its ICBs and boroughs');
      const icbs = (await get('/api/v1/areas?type=icb')).json().data;
      assert.equal(icbs.length, 5);
      assert.ok(icbs.every((a: { nhsCode: string | null }) => typeof a.nhsCode === 'string'));
      const named = (await get('/api/v1/areas?q=tower%20HAMLETS')).json().data;
      assert.deepEqual(
        named.map((a: { name: string }) => a.name),
        ['Tower Hamlets'],
      );
      assert.deepEqual((await get('/api/v1/areas?q=100%25')).json().data, [], 'LIKE wildcards are literal');

      const paged = await collect<{ code: string }>('/api/v1/areas?limit=7');
      const everything = (await get('/api/v1/areas?limit=1000')).json().data;
      assert.equal(everything.length, 40);
      assert.equal(paged.pages, 6);
      assert.deepEqual(paged.items, everything);
      assertError(await get('/api/v1/areas?parent=E12000099'), 404, 'AREA_NOT_FOUND');
      assertError(await get('/api/v1/areas?parent=london'), 400, 'INVALID_PARAMETER', 'parent');
    });

    test('one area with its current parents; 404 AREA_NOT_FOUND', async () => {
      const res = await get('/api/v1/areas/E09000001');
      assert.equal(res.statusCode, 200);
      const area = res.json().data;
      assert.equal(area.name, 'City of London');
      assert.equal(area.areaType, 'local-authority');
      // Boroughs belong both to their ICB and, directly, to London.
      assert.deepEqual(
        area.parents.map((p: { code: string; areaType: string }) => [p.code, p.areaType]),
        [
          ['E54000029', 'icb'],
          [LONDON, 'region'],
        ],
      );
      assert.match(area.parents[0].validFrom, /^\d{4}-\d{2}-\d{2}$/);
      assert.equal(area.parents[0].validTo, null);
      const london = (await get(`/api/v1/areas/${LONDON}`)).json().data;
      assert.deepEqual(
        london.parents.map((p: { code: string }) => p.code),
        [ENGLAND],
      );
      assertError(await get('/api/v1/areas/E09000099'), 404, 'AREA_NOT_FOUND');
      assertError(await get('/api/v1/areas/nowhere'), 400, 'INVALID_PARAMETER', 'code');
    });

    test('trends: a series per area in the order given, oldest first, with the latest trend', async () => {
      const res = await get(`/api/v1/trends?indicator=990004&area=E09000002,${ENGLAND}&sex=Persons`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['x-healthhub-demo'], 'true');
      const body = res.json();
      assert.equal(body.demo, true);
      assert.equal(body.links.next, null);
      assert.deepEqual(
        body.data.map((s: { areaCode: string }) => s.areaCode),
        ['E09000002', ENGLAND],
      );
      const [series] = body.data;
      assert.equal(series.sex, 'Persons');
      assert.equal(series.points.length, 13);
      const sorts = series.points.map((p: { periodSort: number }) => p.periodSort);
      assert.deepEqual(
        sorts,
        [...sorts].sort((a, b) => a - b),
      );
      for (const field of ['value', 'lower95', 'upper95', 'lower998', 'upper998', 'comparedToEngland']) {
        assert.ok(field in series.points[0], field);
      }
      const last = series.points.at(-1);
      const latest = (
        await get(
          `/api/v1/values?indicator=990004&area=E09000002&sex=Persons&period=${encodeURIComponent(last.period)}`,
        )
      ).json().data[0];
      assert.equal(latest.periodSort, Math.max(...sorts));
      assert.equal(series.trend, latest.trend);
      assert.equal(last.value, latest.value);

      const bySex = (await get('/api/v1/trends?indicator=990004&area=E09000002')).json().data;
      assert.deepEqual(bySex.map((s: { sex: string }) => s.sex).sort(), ['Female', 'Male', 'Persons']);

      assertError(await get('/api/v1/trends?area=E09000002'), 400, 'MISSING_PARAMETER', 'indicator');
      assertError(await get('/api/v1/trends?indicator=990004'), 400, 'MISSING_PARAMETER', 'area');
      assertError(await get('/api/v1/trends?indicator=1&area=E09000002'), 404, 'INDICATOR_NOT_FOUND');
      assertError(
        await get('/api/v1/trends?indicator=990004&area=E09000002,E09000098'),
        404,
        'AREA_NOT_FOUND',
      );
    });

    test('bad parameters: 400 with the code and the parameter named', async () => {
      const base = '/api/v1/values?indicator=990003';
      assertError(await get(`${base}&limit=0`), 400, 'INVALID_PARAMETER', 'limit');
      assertError(await get(`${base}&limit=100000`), 400, 'INVALID_PARAMETER', 'limit');
      assertError(await get(`${base}&limit=10001`), 400, 'INVALID_PARAMETER', 'limit');
      assertError(await get(`${base}&limit=abc`), 400, 'INVALID_PARAMETER', 'limit');
      assertError(await get(`${base}&limit=1.5`), 400, 'INVALID_PARAMETER', 'limit');
      assertError(await get('/api/v1/indicators?limit=1001'), 400, 'INVALID_PARAMETER', 'limit');
      assertError(await get(`${base}&colour=red`), 400, 'UNKNOWN_PARAMETER', 'colour');
      assertError(await get(`${base}&indicator=990004`), 400, 'INVALID_PARAMETER', 'indicator');
      assertError(await get('/api/v1/values?indicator=abc'), 400, 'INVALID_PARAMETER', 'indicator');
      assertError(await get('/api/v1/values?indicator=-1'), 400, 'INVALID_PARAMETER', 'indicator');
      assertError(await get(`${base}&cursor=not-a-cursor`), 400, 'INVALID_PARAMETER', 'cursor');
      assertError(await get(`${base}&cursor=%25%25`), 400, 'INVALID_PARAMETER', 'cursor');
      const wrongShape = Buffer.from(JSON.stringify({ code: 'E09000001' })).toString('base64url');
      assertError(await get(`${base}&cursor=${wrongShape}`), 400, 'INVALID_PARAMETER', 'cursor');
      assertError(await get('/api/v1/areas?cursor=eyJpZCI6MX0'), 400, 'INVALID_PARAMETER', 'cursor');
      assertError(await get('/api/v1/values?period=2020'), 400, 'MISSING_PARAMETER', 'indicator');
      assertError(await get('/api/v1/values'), 400, 'MISSING_PARAMETER', 'indicator');
      assertError(await get(`${base}&area=E09000001,nowhere`), 400, 'INVALID_PARAMETER', 'area');
      assertError(await get(`${base}&areaType=Local%20Authority`), 400, 'INVALID_PARAMETER', 'areaType');
      assertError(await get(`${base}&format=xlsx`), 400, 'INVALID_PARAMETER', 'format');
      assertError(await get(`${base}&sex=${'x'.repeat(201)}`), 400, 'INVALID_PARAMETER', 'sex');
      const error = (await get(`${base}&limit=0`)).json();
      assert.match(error.message, /limit/);
      assert.equal(typeof error.requestId, 'string');
    });

    test('unknown codes: 404 INDICATOR_NOT_FOUND and AREA_NOT_FOUND', async () => {
      assertError(await get('/api/v1/values?indicator=424242'), 404, 'INDICATOR_NOT_FOUND');
      assertError(await get('/api/v1/values?area=E09000099'), 404, 'AREA_NOT_FOUND');
      assertError(
        await get('/api/v1/values?indicator=990003&area=E09000001,E09000099'),
        404,
        'AREA_NOT_FOUND',
      );
      assertError(await get('/api/v1/values?indicator=990003&parent=E12000099'), 404, 'AREA_NOT_FOUND');
      assertError(await get('/api/v1/no-such-endpoint'), 404, 'NOT_FOUND');
    });

    test('caching: strong ETag, five-minute public cache, 304 for a matching If-None-Match', async () => {
      const url = '/api/v1/values?indicator=990003&area=E09000001';
      const res = await get(url);
      const etag = res.headers.etag as string;
      assert.match(etag, /^"[0-9a-f]{32}"$/);
      assert.equal(res.headers['cache-control'], 'public, max-age=300');
      assert.equal((await get(url)).headers.etag, etag, 'the same body has the same tag');
      assert.notEqual((await get(`${url}&limit=5`)).headers.etag, etag);

      const notModified = await get(url, { 'if-none-match': etag });
      assert.equal(notModified.statusCode, 304);
      assert.equal(notModified.body, '');
      assert.equal(notModified.headers.etag, etag);
      assert.equal(notModified.headers['cache-control'], 'public, max-age=300');
      assert.equal((await get(url, { 'if-none-match': `"other", W/${etag}` })).statusCode, 304);
      assert.equal((await get(url, { 'if-none-match': '"other"' })).statusCode, 200);

      const gzipped = await get(url, { 'accept-encoding': 'gzip' });
      assert.equal(gzipped.headers['content-encoding'], 'gzip');
      assert.equal(gzipped.headers.etag, `${etag.slice(0, -1)}-gzip"`, 'a compressed body has its own tag');
      const gzip304 = await get(url, {
        'accept-encoding': 'gzip',
        'if-none-match': gzipped.headers.etag as string,
      });
      assert.equal(gzip304.statusCode, 304);
      assert.equal(gzip304.headers.etag, gzipped.headers.etag);

      for (const ok of ['/api/v1/indicators', '/api/v1/areas/E09000001', '/api/v1/openapi.json']) {
        assert.equal((await get(ok)).headers['cache-control'], 'public, max-age=300', ok);
      }
    });

    test('CSV: Fingertips column layout, one line per value, demonstration column', async () => {
      const url = `/api/v1/values?indicator=990003&parent=${LONDON}&areaType=local-authority&format=csv&limit=10000`;
      const res = await get(url);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
      assert.equal(res.headers['content-disposition'], 'attachment; filename="values.csv"');
      assert.equal(res.headers['x-healthhub-demo'], 'true');
      assert.match(res.headers.etag as string, /^"[0-9a-f]{32}"$/);
      const lines = res.body.split('\n');
      assert.equal(lines.pop(), '', 'ends with a newline');
      assert.equal(
        lines[0],
        'Indicator ID,Indicator Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,' +
          'Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,' +
          'Denominator,Value note,Recent Trend,Compared to England value or percentiles,' +
          'Compared to London value,Time period Sortable,Demonstration data',
      );
      assert.equal(lines.length - 1, 33 * 13);
      const json = (await get(url.replace('&format=csv', ''))).json().data as ValueItem[];
      const [firstRow] = json;
      assert.ok(firstRow);
      const cells = lines[1]!.split(',');
      assert.equal(cells.length, 23);
      assert.equal(cells[0], '990003');
      assert.equal(cells[2], firstRow.areaCode);
      assert.equal(cells[10], String(firstRow.value));
      assert.equal(cells[21], String(firstRow.periodSort));
      assert.ok(lines.slice(1).every((line) => line.endsWith(',yes')));

      const paged = await get(`/api/v1/values?indicator=990003&area=${ENGLAND}&format=csv&limit=5`);
      assert.equal(paged.body.trim().split('\n').length, 6);
      assert.match(paged.headers.link as string, /^<\/api\/v1\/values\?.*cursor=[\w-]+>; rel="next"$/);
    });

    test('CSV quotes fields that need it', async () => {
      // Every indicator name appears as one field, quoted where it holds a comma or a quote.
      const res = await get('/api/v1/values?area=E09000001&format=csv&limit=10000');
      const lines = res.body.trim().split('\n').slice(1);
      const names = (await get('/api/v1/indicators')).json().data.map((i: { name: string }) => i.name);
      for (const name of names as string[]) {
        const quoted = /[",\n]/.test(name) ? `"${name.replaceAll('"', '""')}"` : name;
        assert.ok(
          lines.some((line) => line.includes(`,${quoted},`)),
          name,
        );
      }
    });

    test('the OpenAPI document covers every route and every parameter the schemas accept', async () => {
      const res = await get('/api/v1/openapi.json');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
      const doc = res.json();
      assert.equal(doc.openapi, '3.1.0');
      assert.deepEqual(doc, JSON.parse(JSON.stringify(openapiDocument)));

      // Register the plugin on a bare instance to list what it declares, however it was written.
      const routes: { method: string; url: string }[] = [];
      const bare = Fastify();
      bare.addHook('onRoute', (route) => {
        for (const method of [route.method].flat()) routes.push({ method, url: route.url });
      });
      await bare.register(apiRoutes, { database: t.database, prefix: '/api/v1' });
      await bare.ready();
      await bare.close();
      const documented = Object.keys(doc.paths).map((p) => `/api/v1${p}`);
      const declared = routes
        .filter((r) => r.method === 'GET')
        .map((r) => r.url.replace(/:(\w+)/g, '{$1}'))
        .filter((url) => !['/api/v1', '/api/v1/', '/api/v1/openapi.json'].includes(url));
      assert.ok(declared.length >= 6);
      for (const url of declared) assert.ok(documented.includes(url), `${url} is in the OpenAPI paths`);
      for (const url of documented) assert.ok(declared.includes(url), `${url} is a route`);

      for (const [path, schemas] of Object.entries(apiSchemas)) {
        if (path === '/openapi.json') continue;
        const operation = doc.paths[path]?.get;
        assert.ok(operation, path);
        const parameters = operation.parameters as {
          name: string;
          in: string;
          required: boolean;
          schema: object;
        }[];
        const accepted = [
          ...Object.keys(schemas.query.shape).map((name) => ({ name, in: 'query' })),
          ...('path' in schemas ? Object.keys(schemas.path.shape).map((name) => ({ name, in: 'path' })) : []),
        ];
        for (const p of accepted) {
          const found = parameters.find((d) => d.name === p.name && d.in === p.in);
          assert.ok(found, `${path} documents ${p.in} parameter ${p.name}`);
          assert.ok(found.schema && typeof found.required === 'boolean');
        }
        assert.equal(parameters.length, accepted.length, `${path} documents no parameter it refuses`);
        for (const status of ['200', '400']) assert.ok(operation.responses[status], `${path} ${status}`);
      }
      const limit = doc.paths['/values'].get.parameters.find((p: { name: string }) => p.name === 'limit');
      assert.deepEqual(limit.schema, { type: 'integer', minimum: 1, maximum: 10000, default: 1000 });
      for (const ref of JSON.stringify(doc).matchAll(/"#\/components\/schemas\/(\w+)"/g)) {
        assert.ok(doc.components.schemas[ref[1]!], `schema ${ref[1]} is defined`);
      }
    });

    test('/api/v1 is a page for people describing the endpoints', async () => {
      const res = await get('/api/v1');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /^text\/html/);
      assert.match(res.body, /<h1 class="govuk-heading-l">[^<]*API<\/h1>/);
      assert.match(res.body, /<title>API – London Health Hub<\/title>/);
      for (const path of Object.keys(openapiDocument.paths))
        assert.ok(res.body.includes(`GET /api/v1${path}`), path);
      assert.match(res.body, /class="govuk-table"/);
      assert.match(res.body, /indicator=990003/);
    });
  });
}
