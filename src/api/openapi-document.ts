import { apiLimits } from './api-limits.js';

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it), loosely typed: only what this document writes. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly $ref?: string;
  readonly description?: string;
  readonly format?: string;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly const?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxLength?: number;
  readonly default?: unknown;
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly example?: unknown;
}

/** An OpenAPI 3.1 parameter. */
export interface OpenApiParameter {
  readonly name: string;
  readonly in: 'query' | 'path' | 'header';
  readonly required: boolean;
  readonly description: string;
  readonly schema: JsonSchema;
  readonly example?: string;
}

/** An OpenAPI 3.1 response. */
export interface OpenApiResponse {
  readonly description: string;
  readonly headers?: Readonly<Record<string, { readonly description: string; readonly schema: JsonSchema }>>;
  readonly content?: Readonly<Record<string, { readonly schema: JsonSchema; readonly example?: unknown }>>;
}

/** An OpenAPI 3.1 operation (every operation of this API is a GET). */
export interface OpenApiOperation {
  readonly operationId: string;
  readonly summary: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly parameters: readonly OpenApiParameter[];
  readonly responses: Readonly<Record<string, OpenApiResponse>>;
}

/** The part of an OpenAPI 3.1 document this API uses. */
export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: {
    readonly title: string;
    readonly version: string;
    readonly description: string;
    readonly license: { readonly name: string; readonly identifier: string };
  };
  readonly servers: readonly { readonly url: string }[];
  readonly paths: Readonly<Record<string, { readonly get: OpenApiOperation }>>;
  readonly components: { readonly schemas: Readonly<Record<string, JsonSchema>> };
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string, description: string): JsonSchema => ({ type: [type, 'null'], description });

const areaCodeSchema: JsonSchema = { type: 'string', pattern: '^[EWSNK][0-9]{8}$' };
const areaTypeSchema: JsonSchema = { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 50 };
const textSchema: JsonSchema = { type: 'string', maxLength: apiLimits.text };
const slugSchema: JsonSchema = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' };

function query(name: string, schema: JsonSchema, description: string, required = false): OpenApiParameter {
  return { name, in: 'query', required, description, schema };
}

function limitParameter(bounds: { default: number; max: number }): OpenApiParameter {
  return query(
    'limit',
    { type: 'integer', minimum: 1, maximum: bounds.max, default: bounds.default },
    `Page size: at most this many items (1 to ${bounds.max}, default ${bounds.default}).`,
  );
}

const cursorParameter = query(
  'cursor',
  { type: 'string', pattern: '^[A-Za-z0-9_-]+$', maxLength: 500 },
  'Opaque position of the next page. Follow `links.next` rather than building it.',
);

const parentParameter = query(
  'parent',
  areaCodeSchema,
  'Only areas below this one (its children, their children and so on) through memberships valid today, ' +
    'e.g. E12000007 (London) gives its ICBs and boroughs.',
);

const errorResponse = (description: string): OpenApiResponse => ({
  description,
  headers: { 'Cache-Control': { description: 'Errors are never cached.', schema: { const: 'no-store' } } },
  content: { 'application/json': { schema: ref('Error') } },
});

const okHeaders: OpenApiResponse['headers'] = {
  ETag: { description: 'Strong entity tag, a hash of the body.', schema: { type: 'string' } },
  'Cache-Control': {
    description: 'Answers may be cached for five minutes.',
    schema: { const: 'public, max-age=300' },
  },
  'X-Healthhub-Demo': {
    description: 'Present (true) when the answer contains demonstration data.',
    schema: { const: 'true' },
  },
};

const notModified: OpenApiResponse = {
  description: 'Not modified: the If-None-Match header names the current body. No body.',
};

function jsonOk(description: string, schema: JsonSchema, example?: unknown): OpenApiResponse {
  return {
    description,
    headers: okHeaders,
    content: { 'application/json': example === undefined ? { schema } : { schema, example } },
  };
}

function listOf(item: string): JsonSchema {
  return {
    type: 'object',
    required: ['data', 'demo', 'links'],
    properties: {
      data: { type: 'array', items: ref(item) },
      demo: { type: 'boolean', description: 'True when any item is demonstration data.' },
      links: ref('Links'),
    },
  };
}

function oneOf(item: string): JsonSchema {
  return {
    type: 'object',
    required: ['data', 'demo', 'links'],
    properties: {
      data: ref(item),
      demo: { type: 'boolean', description: 'True when this is demonstration data.' },
      links: ref('Links'),
    },
  };
}

const exampleValue = {
  indicatorId: 990003,
  indicatorName: 'Low birth weight of term babies',
  areaCode: 'E09000001',
  areaName: 'City of London',
  areaType: 'local-authority',
  period: '2024',
  periodSort: 20240000,
  sex: 'Persons',
  age: '>=37 weeks gestational age at birth',
  categoryType: '',
  category: '',
  value: 1.8018018018018018,
  lower95: 0.4955178708528076,
  upper95: 6.332555284276002,
  lower998: 0.2725675346946458,
  upper998: 10.967239924306206,
  count: 2,
  denominator: 111,
  note: null,
  comparedToLondon: 'Similar',
  comparedToEngland: 'Similar',
  trend: 'No significant change',
  demo: true,
};

/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json and rendered on the /api/v1 page.
 * Paths are relative to the server URL /api/v1. A test checks that every route and every parameter the
 * schemas accept appears here.
 */
export const openapiDocument: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'London Health Hub API',
    version: '1.0.0',
    description:
      "Read-only public-health indicators for London's boroughs, Integrated Care Boards, London and England. " +
      'Lists are paginated with an opaque cursor: follow `links.next` until it is null. Answers carry a strong ' +
      'ETag and may be cached for five minutes. Demonstration data are flagged (`demo`, the X-Healthhub-Demo ' +
      'header and a CSV column) and are not real statistics.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: '/api/v1' }],
  paths: {
    '/indicators': {
      get: {
        operationId: 'listIndicators',
        summary: 'List indicators',
        description:
          'Indicators in id order, with the area types they have values for and their latest period.',
        tags: ['indicators'],
        parameters: [
          query('q', textSchema, 'Words that must each appear in the name or definition (case-insensitive).'),
          query('areaType', areaTypeSchema, 'Only indicators with values for areas of this type.'),
          limitParameter(apiLimits.indicators),
          cursorParameter,
        ],
        responses: {
          '200': jsonOk('A page of indicators.', listOf('Indicator')),
          '304': notModified,
          '400': errorResponse('A parameter is unknown or invalid (see `parameter`).'),
        },
      },
    },
    '/indicators/{id}': {
      get: {
        operationId: 'getIndicator',
        summary: 'One indicator',
        description: 'An indicator by its id (Fingertips ids for indicators from Fingertips).',
        tags: ['indicators'],
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description: 'The indicator id, a positive whole number.',
            schema: { type: 'integer', minimum: 1, maximum: 2147483647 },
            example: '990003',
          },
        ],
        responses: {
          '200': jsonOk('The indicator.', oneOf('Indicator')),
          '304': notModified,
          '400': errorResponse('The id is not a positive whole number (INVALID_PARAMETER).'),
          '404': errorResponse('No indicator has this id (INDICATOR_NOT_FOUND).'),
        },
      },
    },
    '/areas': {
      get: {
        operationId: 'listAreas',
        summary: 'List areas',
        description: 'Areas in code order, filtered by type, by an area they lie within and by name.',
        tags: ['areas'],
        parameters: [
          query(
            'type',
            areaTypeSchema,
            'Only areas of this type: local-authority, icb, region, country, ...',
          ),
          parentParameter,
          query('q', textSchema, 'Words that must each appear in the name (case-insensitive).'),
          limitParameter(apiLimits.areas),
          cursorParameter,
        ],
        responses: {
          '200': jsonOk('A page of areas.', listOf('Area')),
          '304': notModified,
          '400': errorResponse('A parameter is unknown or invalid (see `parameter`).'),
          '404': errorResponse('The parent area does not exist (AREA_NOT_FOUND).'),
        },
      },
    },
    '/areas/{code}': {
      get: {
        operationId: 'getArea',
        summary: 'One area',
        description: 'An area by its ONS GSS code, with the parents it belongs to today.',
        tags: ['areas'],
        parameters: [
          {
            name: 'code',
            in: 'path',
            required: true,
            description: 'The ONS GSS code, e.g. E09000001.',
            schema: areaCodeSchema,
            example: 'E09000001',
          },
        ],
        responses: {
          '200': jsonOk('The area and its current parents.', oneOf('AreaDetail')),
          '304': notModified,
          '400': errorResponse('The code is not an ONS GSS code (INVALID_PARAMETER).'),
          '404': errorResponse('No area has this code (AREA_NOT_FOUND).'),
        },
      },
    },
    '/values': {
      get: {
        operationId: 'listValues',
        summary: 'List indicator values',
        description:
          'Values of indicators for areas, one item per value. Give `indicator` or `area` (or both); the other ' +
          'filters narrow further and combine with "and". `format=csv` gives the same rows as CSV in ' +
          "Fingertips' column layout, with a `Demonstration data` column (yes/no).",
        tags: ['values'],
        parameters: [
          query(
            'indicator',
            { type: 'integer', minimum: 1, maximum: 2147483647 },
            'Indicator id. Required unless `area` is given.',
          ),
          query(
            'area',
            { type: 'string', pattern: '^[EWSNK][0-9]{8}(,[EWSNK][0-9]{8})*$' },
            `Area code, or up to ${apiLimits.areaCodes} codes separated by commas. Required unless ` +
              '`indicator` is given.',
          ),
          query('areaType', areaTypeSchema, 'Only values for areas of this type.'),
          {
            ...parentParameter,
            description: 'Only values for areas below this one, through memberships valid today.',
          },
          query('period', textSchema, 'The period exactly as written, e.g. 2024, 2023/24 or 2021 - 23.'),
          query('sex', textSchema, 'Persons, Male or Female.'),
          query('age', textSchema, 'The age group exactly as written, e.g. "All ages".'),
          query('categoryType', textSchema, 'The category type, e.g. a deprivation decile classification.'),
          query('category', textSchema, 'The category within the category type.'),
          query(
            'format',
            { type: 'string', enum: ['json', 'csv'], default: 'json' },
            'json (default) or csv.',
          ),
          limitParameter(apiLimits.values),
          cursorParameter,
        ],
        responses: {
          '200': {
            description: 'A page of values (JSON), or the same rows as CSV with format=csv.',
            headers: {
              ...okHeaders,
              Link: { description: 'CSV only: the next page, rel="next".', schema: { type: 'string' } },
            },
            content: {
              'application/json': {
                schema: listOf('Value'),
                example: {
                  data: [exampleValue],
                  demo: true,
                  links: {
                    self: '/api/v1/values?indicator=990003&area=E09000001&period=2024',
                    next: null,
                  },
                },
              },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          '304': notModified,
          '400': errorResponse(
            'A parameter is unknown or invalid, or neither indicator nor area is given (see `parameter`).',
          ),
          '404': errorResponse(
            'The indicator (INDICATOR_NOT_FOUND) or an area (AREA_NOT_FOUND) does not exist.',
          ),
        },
      },
    },
    '/trends': {
      get: {
        operationId: 'listTrends',
        summary: 'Time series of an indicator for areas',
        description:
          'For each area (and each sex, age and category present, unless filtered) the values over time, oldest ' +
          'first, with their limits, comparison with England and the latest recent trend. Not paginated: ' +
          '`links.next` is always null.',
        tags: ['values'],
        parameters: [
          query('indicator', { type: 'integer', minimum: 1, maximum: 2147483647 }, 'Indicator id.', true),
          query(
            'area',
            { type: 'string', pattern: '^[EWSNK][0-9]{8}(,[EWSNK][0-9]{8})*$' },
            `Area code, or up to ${apiLimits.areaCodes} codes separated by commas.`,
            true,
          ),
          query('sex', textSchema, 'Only this sex.'),
          query('age', textSchema, 'Only this age group.'),
          query('categoryType', textSchema, 'Only this category type.'),
          query('category', textSchema, 'Only this category.'),
        ],
        responses: {
          '200': jsonOk('The series.', listOf('TrendSeries')),
          '304': notModified,
          '400': errorResponse('A parameter is unknown, invalid or missing (see `parameter`).'),
          '404': errorResponse(
            'The indicator (INDICATOR_NOT_FOUND) or an area (AREA_NOT_FOUND) does not exist.',
          ),
        },
      },
    },
    '/decisions': {
      get: {
        operationId: 'listDecisions',
        summary: 'List published decisions',
        description:
          "The partnership's published decisions, newest published first, with the total each spends and " +
          'receives. Only published decisions are here, and never their confidential Part 2. Filters combine ' +
          'with "and".',
        tags: ['decisions'],
        parameters: [
          query(
            'q',
            textSchema,
            'Words to search for in the reference, title and Part 1 text, as a search engine takes them: ' +
              '"quoted phrases", or, -excluded.',
          ),
          query('type', { type: 'string', enum: ['MD', 'DD', 'ADD', 'DAR', 'other'] }, 'Only this type.'),
          query(
            'year',
            { type: 'integer', minimum: 2000, maximum: 2099 },
            'Only decisions spending or receiving money in this financial year, given by its first year ' +
              '(2024 is 2024-25).',
          ),
          query('directorate', textSchema, 'Only this directorate, exactly as written.'),
          query('partner', slugSchema, 'Only decisions of this organisation, by its slug, e.g. gla.'),
          query('programme', slugSchema, 'Only decisions funding or linked to this programme, by its slug.'),
          limitParameter(apiLimits.decisions),
          cursorParameter,
        ],
        responses: {
          '200': jsonOk('A page of decisions.', listOf('DecisionSummary')),
          '304': notModified,
          '400': errorResponse('A parameter is unknown or invalid (see `parameter`).'),
        },
      },
    },
    '/decisions/{reference}': {
      get: {
        operationId: 'getDecision',
        summary: 'One published decision',
        description:
          "A published decision's Part 1 record: its text, money line by line with totals per financial year, " +
          'risks, milestones, related decisions both ways and the signed form. `hasPart2` says whether a ' +
          'confidential Part 2 exists; its text is never published.',
        tags: ['decisions'],
        parameters: [
          {
            name: 'reference',
            in: 'path',
            required: true,
            description: 'The decision reference, e.g. MD3326.',
            schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$' },
            example: 'MD3326',
          },
        ],
        responses: {
          '200': jsonOk('The decision.', oneOf('Decision')),
          '304': notModified,
          '400': errorResponse('The reference is not a decision reference (INVALID_PARAMETER).'),
          '404': errorResponse('No published decision has this reference (DECISION_NOT_FOUND).'),
        },
      },
    },
  },
  components: {
    schemas: {
      Links: {
        type: 'object',
        required: ['self', 'next'],
        properties: {
          self: { type: 'string', description: 'This page: path and query.' },
          next: nullable('string', 'The next page (path and query), or null on the last page.'),
        },
      },
      Error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: {
            type: 'string',
            description:
              'Stable code: UNKNOWN_PARAMETER, INVALID_PARAMETER, MISSING_PARAMETER, INDICATOR_NOT_FOUND, ' +
              'AREA_NOT_FOUND, DECISION_NOT_FOUND, NOT_FOUND, DATABASE_UNAVAILABLE, INTERNAL_ERROR.',
          },
          message: { type: 'string', description: 'What went wrong, for people; the wording may change.' },
          parameter: { type: 'string', description: 'For 400s about a parameter: its name.' },
          requestId: { type: 'string', description: 'Quote this when reporting a problem.' },
        },
      },
      Indicator: {
        type: 'object',
        required: [
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
        ],
        properties: {
          id: { type: 'integer' },
          name: { type: 'string' },
          definition: nullable('string', 'What the indicator measures.'),
          unit: nullable('string', 'e.g. %, per 100,000.'),
          multiplier: nullable('number', 'e.g. 100 for a percentage.'),
          valueType: {
            type: 'string',
            description: 'proportion, crude-rate, dsr, isr, life-expectancy, ...',
          },
          polarity: { type: 'string', enum: ['high-is-good', 'low-is-good', 'no-judgement'] },
          source: nullable('string', 'Where the data come from.'),
          licence: nullable('string', 'The licence the data are under.'),
          periodType: { type: 'string', description: 'calendar-year, financial-year, rolling-3-year, ...' },
          method: nullable('string', 'How values and their limits are computed.'),
          demo: { type: 'boolean', description: 'Demonstration data: not real statistics.' },
          areaTypes: { type: 'array', items: { type: 'string' }, description: 'Area types with values.' },
          latestPeriodSort: nullable('integer', 'Sort key of the latest period, e.g. 20240000.'),
        },
      },
      Area: {
        type: 'object',
        required: ['code', 'name', 'areaType', 'nhsCode'],
        properties: {
          code: areaCodeSchema,
          name: { type: 'string' },
          areaType: { type: 'string' },
          nhsCode: nullable('string', 'NHS organisation code where there is one (ICBs).'),
        },
      },
      AreaParent: {
        type: 'object',
        required: ['code', 'name', 'areaType', 'nhsCode', 'validFrom', 'validTo'],
        properties: {
          code: areaCodeSchema,
          name: { type: 'string' },
          areaType: { type: 'string' },
          nhsCode: nullable('string', 'NHS organisation code where there is one.'),
          validFrom: { type: 'string', format: 'date' },
          validTo: { type: ['string', 'null'], format: 'date', description: 'Null while open-ended.' },
        },
      },
      AreaDetail: {
        type: 'object',
        required: ['code', 'name', 'areaType', 'nhsCode', 'parents'],
        properties: {
          code: areaCodeSchema,
          name: { type: 'string' },
          areaType: { type: 'string' },
          nhsCode: nullable('string', 'NHS organisation code where there is one.'),
          parents: { type: 'array', items: ref('AreaParent') },
        },
      },
      Value: {
        type: 'object',
        required: Object.keys(exampleValue),
        properties: {
          indicatorId: { type: 'integer' },
          indicatorName: { type: 'string' },
          areaCode: areaCodeSchema,
          areaName: { type: 'string' },
          areaType: { type: 'string' },
          period: { type: 'string', description: 'As the source writes it: 2024, 2023/24, 2021 - 23.' },
          periodSort: { type: 'integer', description: 'Sorts periods in time order, e.g. 20240000.' },
          sex: { type: 'string' },
          age: { type: 'string' },
          categoryType: { type: 'string', description: 'Empty when the value is for the whole population.' },
          category: { type: 'string', description: 'Empty when the value is for the whole population.' },
          value: nullable('number', 'Null when suppressed or not computable.'),
          lower95: nullable('number', 'Lower 95% confidence limit.'),
          upper95: nullable('number', 'Upper 95% confidence limit.'),
          lower998: nullable('number', 'Lower 99.8% confidence limit.'),
          upper998: nullable('number', 'Upper 99.8% confidence limit.'),
          count: nullable('number', 'Numerator.'),
          denominator: nullable('number', 'Denominator.'),
          note: nullable('string', 'Value note, e.g. why a value is missing.'),
          comparedToLondon: nullable('string', 'Comparison with London, computed by healthhub.'),
          comparedToEngland: nullable('string', 'Comparison with England, computed by healthhub.'),
          trend: nullable('string', 'Recent trend, computed by healthhub.'),
          demo: { type: 'boolean', description: 'Demonstration data: not real statistics.' },
        },
      },
      TrendPoint: {
        type: 'object',
        required: [
          'period',
          'periodSort',
          'value',
          'lower95',
          'upper95',
          'lower998',
          'upper998',
          'comparedToEngland',
          'note',
        ],
        properties: {
          period: { type: 'string' },
          periodSort: { type: 'integer' },
          value: nullable('number', 'The value.'),
          lower95: nullable('number', 'Lower 95% confidence limit.'),
          upper95: nullable('number', 'Upper 95% confidence limit.'),
          lower998: nullable('number', 'Lower 99.8% confidence limit.'),
          upper998: nullable('number', 'Upper 99.8% confidence limit.'),
          comparedToEngland: nullable('string', 'Comparison with England.'),
          note: nullable('string', 'Value note.'),
        },
      },
      TrendSeries: {
        type: 'object',
        required: [
          'indicatorId',
          'areaCode',
          'areaName',
          'areaType',
          'sex',
          'age',
          'categoryType',
          'category',
          'trend',
          'demo',
          'points',
        ],
        properties: {
          indicatorId: { type: 'integer' },
          areaCode: areaCodeSchema,
          areaName: { type: 'string' },
          areaType: { type: 'string' },
          sex: { type: 'string' },
          age: { type: 'string' },
          categoryType: { type: 'string' },
          category: { type: 'string' },
          trend: nullable('string', 'The recent trend at the latest period.'),
          demo: { type: 'boolean', description: 'True when any point is demonstration data.' },
          points: { type: 'array', items: ref('TrendPoint') },
        },
      },
      Organisation: {
        type: 'object',
        required: ['slug', 'name'],
        properties: { slug: { type: 'string' }, name: { type: 'string' } },
      },
      DecisionSummary: {
        type: 'object',
        required: [
          'reference',
          'type',
          'title',
          'organisation',
          'directorate',
          'decisionMaker',
          'decisionDate',
          'publishedAt',
          'totalExpenditurePence',
          'totalExpenditurePounds',
          'totalReceiptsPence',
          'totalReceiptsPounds',
          'url',
          'demo',
        ],
        properties: {
          reference: { type: 'string', description: 'e.g. MD3326.' },
          type: { type: 'string', enum: ['MD', 'DD', 'ADD', 'DAR', 'other'] },
          title: { type: 'string' },
          organisation: ref('Organisation'),
          directorate: { type: 'string' },
          decisionMaker: { type: 'string' },
          decisionDate: { type: ['string', 'null'], format: 'date', description: 'Null when not recorded.' },
          publishedAt: { type: 'string', format: 'date-time' },
          totalExpenditurePence: { type: 'integer', description: 'Total spending, in pence.' },
          totalExpenditurePounds: { type: 'string', description: 'The same in pounds, exact: "150000.00".' },
          totalReceiptsPence: { type: 'integer', description: 'Total money received, in pence.' },
          totalReceiptsPounds: { type: 'string', description: 'The same in pounds, exact.' },
          url: { type: 'string', description: "The decision's page on this site." },
          demo: { type: 'boolean', description: 'Demonstration content based on a published decision.' },
        },
      },
      Decision: {
        type: 'object',
        required: ['reference', 'type', 'title', 'organisation', 'hasPart2', 'expenditures', 'url', 'demo'],
        properties: {
          reference: { type: 'string' },
          type: { type: 'string', enum: ['MD', 'DD', 'ADD', 'DAR', 'other'] },
          title: { type: 'string' },
          organisation: ref('Organisation'),
          directorate: { type: 'string' },
          decisionMaker: { type: 'string' },
          decisionDate: { type: ['string', 'null'], format: 'date', description: 'Null when not recorded.' },
          publishedAt: { type: 'string', format: 'date-time' },
          executiveSummary: { type: 'string' },
          decision: { type: 'string', description: 'The decision as taken.' },
          nonConfidentialFacts: { type: 'string' },
          objectivesAndOutcomes: { type: 'string' },
          equalityComments: { type: 'string' },
          protectedCharacteristics: {
            type: 'array',
            items: { type: 'string' },
            description: 'Protected characteristics (Equality Act 2010) considered, e.g. race, sex.',
          },
          strategyLinks: { type: 'string' },
          consultations: { type: 'string' },
          conflictsOfInterest: { type: 'string' },
          financialComments: { type: 'string' },
          legalComments: { type: 'string', description: 'The powers relied on.' },
          novelOrContentious: { type: 'boolean' },
          hasPart2: { type: 'boolean', description: 'A confidential Part 2 exists (never published).' },
          expenditures: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                direction: { type: 'string', enum: ['expenditure', 'receipt'] },
                amountPence: { type: 'integer' },
                amountPounds: { type: 'string' },
                financialYear: { type: 'string', description: 'e.g. 2024-25.' },
                budget: { type: 'string' },
                programme: { type: ['object', 'null'], description: 'slug and name, or null.' },
                recipient: { type: 'string', description: 'The recipient, or for a receipt the payer.' },
                kind: { type: 'string', enum: ['grant', 'procurement', 'contribution', 'other'] },
                description: { type: 'string' },
              },
            },
          },
          totalsByFinancialYear: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                financialYear: { type: 'string' },
                expenditurePence: { type: 'integer' },
                receiptsPence: { type: 'integer' },
              },
            },
          },
          totalExpenditurePence: { type: 'integer' },
          totalReceiptsPence: { type: 'integer' },
          risks: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                description: { type: 'string' },
                mitigation: { type: 'string' },
                rag: { type: 'string', enum: ['red', 'amber', 'green'] },
              },
            },
          },
          milestones: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                description: { type: 'string' },
                dueOn: { type: ['string', 'null'], format: 'date' },
              },
            },
          },
          related: {
            type: 'array',
            description:
              'Published decisions it continues, amends or supersedes, and those that do so to it.',
            items: {
              type: 'object',
              properties: {
                relation: {
                  type: 'string',
                  enum: ['continues', 'amends', 'supersedes', 'continued by', 'amended by', 'superseded by'],
                },
                reference: { type: 'string' },
                url: { type: 'string' },
              },
            },
          },
          signedDocument: {
            type: ['object', 'null'],
            description: 'The signed form: url, sha256 (hex) and byteLength; null when there is none.',
          },
          url: { type: 'string' },
          demo: { type: 'boolean', description: 'Demonstration content based on a published decision.' },
        },
      },
    },
  },
};
