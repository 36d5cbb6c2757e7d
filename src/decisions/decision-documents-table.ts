import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../people/users-table.js';
import { decisions } from './decisions-table.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** The signed decision form (a PDF), its SHA-256 checksum and size, kept in the database with the record. */
export const decisionDocuments = pgTable(
  'decision_documents',
  {
    id: serial('id').primaryKey(),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisions.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull().default('application/pdf'),
    sha256: text('sha256').notNull(),
    byteLength: integer('byte_length').notNull(),
    content: bytea('content').notNull(),
    uploadedByUserId: integer('uploaded_by_user_id').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('decision_documents_sha256_format', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('decision_documents_length', sql`${t.byteLength} = octet_length(${t.content})`),
    index('decision_documents_decision_idx').on(t.decisionId),
  ],
);
