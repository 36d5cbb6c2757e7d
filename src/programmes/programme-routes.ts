import type { FastifyInstance } from 'fastify';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import type { Database } from '../db/database.js';
import { milestoneStatusLabels } from './milestone-form.js';
import {
  findProgrammeBySlug,
  listLinkedDecisions,
  listLinkedIndicators,
  listMilestones,
  listProgrammes,
  listUpdates,
} from './programme-repository.js';
import { programmeStatusLabels } from './programme-status-labels.js';
import { viewHelpers } from './view-helpers.js';

/**
 * The public programme pages: /programmes (every programme that is not archived: name, owner, status) and
 * /programmes/{slug} (aims, owner, milestones, updates newest first, the published decisions behind it and the
 * indicators it means to move). Risks are never shown here.
 */
export async function programmeRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  const { db } = options.database;

  app.get('/programmes', async (_request, reply) => {
    const list = await listProgrammes(db, { includeArchived: false });
    return reply.view('programmes/programmes.njk', {
      title: 'Programmes',
      programmes: list,
      statusLabels: programmeStatusLabels,
      demo: list.some((p) => p.isDemo),
    });
  });

  app.get('/programmes/:slug', async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const programme = await findProgrammeBySlug(db, slug);
    if (!programme || programme.archivedAt) throw new PageNotFoundError(`no programme ${slug}`);
    const [milestones, updates, decisions, indicators] = await Promise.all([
      listMilestones(db, programme.id),
      listUpdates(db, programme.id),
      listLinkedDecisions(db, programme.id, { publishedOnly: true }),
      listLinkedIndicators(db, programme.id),
    ]);
    return reply.view('programmes/programme.njk', {
      title: programme.name,
      programme,
      milestones,
      updates,
      decisions,
      indicators,
      statusLabels: programmeStatusLabels,
      milestoneLabels: milestoneStatusLabels,
      demo: programme.isDemo || decisions.some((d) => d.isDemo),
      ...viewHelpers,
    });
  });
}
