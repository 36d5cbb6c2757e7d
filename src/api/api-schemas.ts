import { z } from 'zod';
import { decisionTypes } from '../decisions/decisions-table.js';
import { apiLimits } from './api-limits.js';

const MAX_INT4 = 2147483647;

function limit(bounds: { default: number; max: number }) {
  const message = `must be a whole number from 1 to ${bounds.max}`;
  return z
    .string()
    .regex(/^[0-9]{1,9}$/, { error: message })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: message }).max(bounds.max, { error: message }))
    .default(bounds.default);
}

// Ids are PostgreSQL integers: anything larger would fail in the database rather than find nothing.
const positiveId = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, { error: 'must be a positive whole number (an indicator id)' })
  .transform(Number)
  .pipe(z.number().max(MAX_INT4, { error: `must be at most ${MAX_INT4}` }));

const areaCodePattern = /^[EWSNK][0-9]{8}$/;
const areaCode = z
  .string()
  .regex(areaCodePattern, { error: 'must be an ONS GSS area code such as E09000001' });

const areaCodeList = z
  .string()
  .transform((s) => [...new Set(s.split(',').map((c) => c.trim()))])
  .pipe(
    z
      .array(
        z.string().regex(areaCodePattern, {
          error: 'must be ONS GSS area codes such as E09000001, separated by commas',
        }),
      )
      .max(apiLimits.areaCodes, { error: `may name at most ${apiLimits.areaCodes} areas` }),
  );

const areaType = z
  .string()
  .max(50, { error: 'must be at most 50 characters' })
  .regex(/^[a-z][a-z0-9-]*$/, { error: 'must be an area type such as local-authority, icb or region' });

const text = z
  .string()
  .max(apiLimits.text, { error: `must be at most ${apiLimits.text} characters` })
  .optional();

const cursor = z
  .string()
  .max(500, { error: 'is not a cursor this API gave' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'is not a cursor this API gave' })
  .optional();

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: 'must be a slug: lower-case letters, digits and hyphens' });

const decisionReference = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$/, { error: 'must be a decision reference such as MD3326' });

/**
 * What each endpoint accepts, by its path under /api/v1 as the OpenAPI document writes it: query parameters
 * and path parameters. Parameters not named here are refused (UNKNOWN_PARAMETER), so that a mistyped filter
 * is an error rather than silently ignored.
 */
export const apiSchemas = {
  '/indicators': {
    query: z.object({
      q: text,
      areaType: areaType.optional(),
      limit: limit(apiLimits.indicators),
      cursor,
    }),
  },
  '/indicators/{id}': {
    path: z.object({ id: positiveId }),
    query: z.object({}),
  },
  '/areas': {
    query: z.object({
      type: areaType.optional(),
      parent: areaCode.optional(),
      q: text,
      limit: limit(apiLimits.areas),
      cursor,
    }),
  },
  '/areas/{code}': {
    path: z.object({ code: areaCode }),
    query: z.object({}),
  },
  '/values': {
    query: z.object({
      indicator: positiveId.optional(),
      area: areaCodeList.optional(),
      areaType: areaType.optional(),
      parent: areaCode.optional(),
      period: text,
      sex: text,
      age: text,
      categoryType: text,
      category: text,
      format: z.enum(['json', 'csv'], { error: 'must be json or csv' }).default('json'),
      limit: limit(apiLimits.values),
      cursor,
    }),
  },
  '/trends': {
    query: z.object({
      indicator: positiveId.optional(),
      area: areaCodeList.optional(),
      sex: text,
      age: text,
      categoryType: text,
      category: text,
    }),
  },
  '/decisions': {
    query: z.object({
      q: text,
      type: z.enum(decisionTypes, { error: `must be one of ${decisionTypes.join(', ')}` }).optional(),
      year: z
        .string()
        .regex(/^20[0-9]{2}$/, { error: 'must be the first year of a financial year, like 2024 for 2024-25' })
        .transform(Number)
        .optional(),
      directorate: text,
      partner: slug.optional(),
      programme: slug.optional(),
      limit: limit(apiLimits.decisions),
      cursor,
    }),
  },
  '/decisions/{reference}': {
    path: z.object({ reference: decisionReference }),
    query: z.object({}),
  },
  '/openapi.json': {
    query: z.object({}),
  },
} as const;
