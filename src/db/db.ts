import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema.js';

/**
 * A database handle or an open transaction: repository functions take one of these first, so the caller
 * decides what runs inside one transaction.
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
