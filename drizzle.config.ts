import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/db/schema.ts, read, and committed; the same SQL runs on PGlite and
// PostgreSQL. Generate with: npm run db:generate -- --name short_description
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './migrations',
});
