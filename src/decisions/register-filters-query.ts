import { z } from 'zod';
import type { RegisterFilters } from './decision-register-queries.js';
import { decisionTypes } from './decisions-table.js';

const slug = (what: string) =>
  z
    .string()
    .regex(/^([a-z0-9][a-z0-9-]{0,62})?$/, `is not ${what}`)
    .optional();

/** The public register's query parameters (the page and its CSV, JSON and Atom versions share them). */
export const registerFiltersQuery = z.strictObject({
  q: z.string().max(200, 'must be 200 characters or fewer').optional(),
  type: z.enum(['', ...decisionTypes], { error: 'is not a type of decision' }).optional(),
  year: z
    .string()
    .regex(/^(20[0-9]{2})?$/, 'is not a financial year (its first year, like 2024 for 2024-25)')
    .optional(),
  directorate: z.string().max(200, 'must be 200 characters or fewer').optional(),
  partner: slug('an organisation'),
  programme: slug('a programme'),
  page: z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/, 'is not a page number')
    .optional(),
});

/** The filters a parsed query names, empty values left out. */
export function registerFiltersOf(query: z.output<typeof registerFiltersQuery>): RegisterFilters {
  return {
    ...(query.q?.trim() ? { q: query.q.trim() } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(query.year ? { year: Number(query.year) } : {}),
    ...(query.directorate ? { directorate: query.directorate } : {}),
    ...(query.partner ? { partner: query.partner } : {}),
    ...(query.programme ? { programme: query.programme } : {}),
  };
}
