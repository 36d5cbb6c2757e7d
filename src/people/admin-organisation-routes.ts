import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type FormErrors, formErrors, formErrorsOf } from '../app/form-errors.js';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import { areas } from '../areas/areas-table.js';
import type { Database } from '../db/database.js';
import { adminNotice } from './admin-notices.js';
import {
  createOrganisation,
  renameOrganisation,
  setOrganisationArchived,
} from './organisation-repository.js';
import { OrganisationSlugTakenError } from './organisation-slug-taken-error.js';
import { organisationKinds } from './organisations-table.js';
import { kindLabels, kindRadios } from './people-labels.js';
import { findOrganisationBySlug, listOrganisations, listPeople, membersOf } from './people-queries.js';
import { requirePlatformAdmin } from './require-platform-admin.js';
import { staffOf } from './require-staff.js';

const organisationName = z
  .string({ error: 'Enter the organisation’s name' })
  .trim()
  .min(1, 'Enter the organisation’s name')
  .max(200, 'Name must be 200 characters or fewer');

const newOrganisationForm = z.object({
  name: organisationName,
  slug: z
    .string({ error: 'Enter a short name' })
    .trim()
    .min(1, 'Enter a short name')
    .regex(
      /^[a-z0-9][a-z0-9-]{0,62}$/,
      'Enter a short name of lower-case letters, digits and hyphens (63 at most), like camden',
    ),
  kind: z.enum(organisationKinds, { error: 'Select what kind of organisation it is' }),
  areaCode: z
    .string()
    .trim()
    .regex(/^([EWSNK][0-9]{8})?$/, 'Enter an area code like E09000007, or leave it empty')
    .optional(),
});

const renameForm = z.object({ name: organisationName });

const slugPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * /admin and /admin/organisations, for platform admins only: list, add (short name, name, kind, area),
 * rename, archive and restore organisations. Nothing is deleted; every change is audited.
 */
export async function adminOrganisationRoutes(
  app: FastifyInstance,
  options: { database: Database },
): Promise<void> {
  const { database } = options;
  const db = database.db;

  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  async function organisationOf(request: FastifyRequest) {
    const { slug } = request.params as { slug: string };
    const organisation = slugPattern.test(slug) ? await findOrganisationBySlug(db, slug) : undefined;
    if (!organisation) throw new PageNotFoundError(`no organisation ${slug}`);
    return organisation;
  }

  app.get('/admin', { preHandler: requirePlatformAdmin }, async (_request, reply) => {
    const [organisations, people] = await Promise.all([listOrganisations(db), listPeople(db)]);
    return reply.view('people/admin-home.njk', {
      title: 'Manage organisations and people',
      organisationCount: organisations.filter((o) => o.archivedAt === null).length,
      peopleCount: people.filter((p) => p.disabledAt === null).length,
    });
  });

  app.get('/admin/organisations', { preHandler: requirePlatformAdmin }, async (request, reply) =>
    reply.view('people/admin-organisations.njk', {
      title: 'Organisations',
      organisations: await listOrganisations(db),
      kindLabels,
      notice: adminNotice(request.query),
    }),
  );

  const newPage = (reply: FastifyReply, values: Record<string, unknown>, errors?: FormErrors) =>
    reply.view('people/admin-organisation-new.njk', {
      title: 'Add an organisation',
      values,
      kinds: kindRadios(typeof values.kind === 'string' ? values.kind : undefined),
      errors,
    });

  app.get('/admin/organisations/new', { preHandler: requirePlatformAdmin }, async (_request, reply) =>
    newPage(reply, {}),
  );

  app.post('/admin/organisations', { preHandler: requirePlatformAdmin }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = newOrganisationForm.safeParse(body);
    if (!parsed.success) return newPage(reply.code(400), body, formErrors(parsed.error, { kind: 'kind' }));
    const areaCode = parsed.data.areaCode || null;
    if (areaCode) {
      const [area] = await db.select({ code: areas.code }).from(areas).where(eq(areas.code, areaCode));
      if (!area) {
        return newPage(
          reply.code(400),
          body,
          formErrorsOf({ areaCode: `There is no area with the code ${areaCode}` }),
        );
      }
    }
    const actor = staffOf(request);
    try {
      await db.transaction((trx) => createOrganisation(trx, actor.id, { ...parsed.data, areaCode }));
    } catch (error) {
      if (error instanceof OrganisationSlugTakenError) {
        return newPage(
          reply.code(409),
          body,
          formErrorsOf({ slug: 'Another organisation has this short name: choose another' }),
        );
      }
      throw error;
    }
    return reply.redirect(`/admin/organisations/${parsed.data.slug}?done=organisation-created`, 303);
  });

  const organisationPage = async (
    reply: FastifyReply,
    organisation: Awaited<ReturnType<typeof organisationOf>>,
    extra: { notice?: string; errors?: FormErrors; values?: Record<string, unknown> } = {},
  ) =>
    reply.view('people/admin-organisation.njk', {
      title: organisation.name,
      organisation,
      kindLabel: kindLabels[organisation.kind as keyof typeof kindLabels] ?? organisation.kind,
      members: await membersOf(db, organisation.id),
      values: extra.values ?? { name: organisation.name },
      notice: extra.notice,
      errors: extra.errors,
    });

  app.get('/admin/organisations/:slug', { preHandler: requirePlatformAdmin }, async (request, reply) =>
    organisationPage(reply, await organisationOf(request), { notice: adminNotice(request.query) }),
  );

  app.post(
    '/admin/organisations/:slug/rename',
    { preHandler: requirePlatformAdmin },
    async (request, reply) => {
      const organisation = await organisationOf(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const parsed = renameForm.safeParse(body);
      if (!parsed.success) {
        return organisationPage(reply.code(400), organisation, {
          errors: formErrors(parsed.error),
          values: body,
        });
      }
      await db.transaction((trx) =>
        renameOrganisation(trx, staffOf(request).id, organisation.id, parsed.data.name),
      );
      return reply.redirect(`/admin/organisations/${organisation.slug}?done=renamed`, 303);
    },
  );

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `/admin/organisations/:slug/${action}`,
      { preHandler: requirePlatformAdmin },
      async (request, reply) => {
        const organisation = await organisationOf(request);
        await db.transaction((trx) =>
          setOrganisationArchived(trx, staffOf(request).id, organisation.id, archived),
        );
        return reply.redirect(
          `/admin/organisations/${organisation.slug}?done=${archived ? 'archived' : 'restored'}`,
          303,
        );
      },
    );
  }
}
