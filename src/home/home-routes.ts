import type { FastifyInstance } from 'fastify';
import { countAreasByType } from '../areas/area-repository.js';
import type { Database } from '../db/database.js';

/** The home page: what healthhub is, what exists so far (read from the database) and what is coming. */
export async function homeRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  app.get('/', async (_request, reply) => {
    const areaCounts = await countAreasByType(options.database.db);
    const database = options.database.kind === 'postgres' ? 'PostgreSQL' : 'the embedded PostgreSQL (PGlite)';
    return reply.view('home/home.njk', { areaCounts, database });
  });
}
