import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type FormErrors, formErrors, formErrorsOf } from '../app/form-errors.js';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import type { Database } from '../db/database.js';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { adminNotice } from './admin-notices.js';
import { hasRole } from './has-role.js';
import { addMembership, revokeMembership, setMembership } from './membership-repository.js';
import { roles } from './memberships-table.js';
import { roleItems, roleRadios } from './people-labels.js';
import {
  findOrganisationBySlug,
  findPersonByEmail,
  membersOf,
  type OrganisationRow,
} from './people-queries.js';
import { PeopleRuleError } from './people-rule-error.js';
import { requireStaff, staffOf } from './require-staff.js';

const addForm = z.object({
  email: z
    .string({ error: 'Enter their email address' })
    .trim()
    .min(1, 'Enter their email address')
    .max(320, 'Email address must be 320 characters or fewer')
    .email('Enter an email address in the correct format, like name@example.org'),
  role: z.enum(roles, { error: 'Select a role' }),
});

const roleForm = z.object({ role: z.enum(roles, { error: 'Select a role' }) });

/**
 * /staff/organisations/{slug}/members: an organisation's admins (and platform admins) add existing people
 * by email with a role, change roles and take them away, for that organisation only. Nobody changes their
 * own membership here (an admin cannot lock themselves out, or raise themselves); platform admin is granted
 * only under /admin.
 */
export async function organisationMemberRoutes(
  app: FastifyInstance,
  options: { database: Database },
): Promise<void> {
  const db = options.database.db;

  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  /** The organisation of the URL, if the signed-in person may manage its members (403 otherwise). */
  async function managed(request: FastifyRequest): Promise<OrganisationRow> {
    const staff = staffOf(request);
    const { slug } = request.params as { slug: string };
    const organisation = /^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)
      ? await findOrganisationBySlug(db, slug)
      : undefined;
    // Unknown and forbidden look the same to someone who may not manage it.
    const allowed = organisation && (staff.isPlatformAdmin || hasRole(staff, organisation.id, 'admin'));
    if (!allowed) throw new ForbiddenError('only the organisation’s admins can manage its members');
    if (organisation.archivedAt !== null) throw new PageNotFoundError(`${slug} is archived`);
    return organisation;
  }

  async function memberOf(request: FastifyRequest, organisation: OrganisationRow) {
    const { userId } = request.params as { userId: string };
    const member = /^[1-9][0-9]{0,9}$/.test(userId)
      ? (await membersOf(db, organisation.id)).find((m) => m.userId === Number(userId))
      : undefined;
    if (!member) throw new PageNotFoundError(`no member ${userId}`);
    return member;
  }

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    organisation: OrganisationRow,
    extra: { errors?: FormErrors; values?: Record<string, unknown>; notice?: string } = {},
  ) => {
    const values = extra.values ?? {};
    const members = await membersOf(db, organisation.id);
    return reply.view('people/organisation-members.njk', {
      title: `${organisation.name}: members`,
      organisation,
      me: staffOf(request).id,
      members: members.map((m) => ({ ...m, roleItems: roleItems(m.role) })),
      values,
      roleRadios: roleRadios(typeof values.role === 'string' ? values.role : undefined),
      errors: extra.errors,
      notice: extra.notice,
    });
  };

  /** A rule broken (409): the page again, with the problem against its field. */
  const refuse = (
    request: FastifyRequest,
    reply: FastifyReply,
    organisation: OrganisationRow,
    error: PeopleRuleError,
  ) =>
    page(request, reply.code(409), organisation, { errors: formErrorsOf({ [error.field]: error.message }) });

  const path = '/staff/organisations/:slug/members';

  app.get(path, { preHandler: requireStaff }, async (request, reply) =>
    page(request, reply, await managed(request), { notice: adminNotice(request.query) }),
  );

  app.post(path, { preHandler: requireStaff }, async (request, reply) => {
    const organisation = await managed(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = addForm.safeParse(body);
    if (!parsed.success) {
      return page(request, reply.code(400), organisation, { errors: formErrors(parsed.error), values: body });
    }
    const person = await findPersonByEmail(db, parsed.data.email);
    if (!person || person.disabledAt !== null) {
      const problem = person
        ? 'This person’s account is disabled: ask a platform admin'
        : 'There is no one with this email address: ask a platform admin to add them first';
      return page(request, reply.code(400), organisation, {
        errors: formErrorsOf({ email: problem }),
        values: body,
      });
    }
    const actor = staffOf(request);
    try {
      if (person.id === actor.id) throw ownMembership('email');
      await db.transaction((trx) =>
        addMembership(trx, actor.id, {
          userId: person.id,
          organisationId: organisation.id,
          role: parsed.data.role,
        }),
      );
    } catch (error) {
      if (error instanceof PeopleRuleError) return refuse(request, reply, organisation, error);
      throw error;
    }
    return reply.redirect(`/staff/organisations/${organisation.slug}/members?done=member-added`, 303);
  });

  app.post(`${path}/:userId/role`, { preHandler: requireStaff }, async (request, reply) => {
    const organisation = await managed(request);
    const member = await memberOf(request, organisation);
    if (member.userId === staffOf(request).id) {
      return refuse(request, reply, organisation, ownMembership(`role-${member.userId}`));
    }
    const parsed = roleForm.safeParse(request.body ?? {});
    if (!parsed.success) {
      return page(request, reply.code(400), organisation, {
        errors: formErrors(parsed.error, { role: `role-${member.userId}` }),
      });
    }
    await db.transaction((trx) =>
      setMembership(trx, staffOf(request).id, {
        userId: member.userId,
        organisationId: organisation.id,
        role: parsed.data.role,
      }),
    );
    return reply.redirect(`/staff/organisations/${organisation.slug}/members?done=role-set`, 303);
  });

  app.post(`${path}/:userId/revoke`, { preHandler: requireStaff }, async (request, reply) => {
    const organisation = await managed(request);
    const member = await memberOf(request, organisation);
    if (member.userId === staffOf(request).id) {
      return refuse(request, reply, organisation, ownMembership(`revoke-${member.userId}`));
    }
    await db.transaction((trx) =>
      revokeMembership(trx, staffOf(request).id, { userId: member.userId, organisationId: organisation.id }),
    );
    return reply.redirect(`/staff/organisations/${organisation.slug}/members?done=role-revoked`, 303);
  });
}

function ownMembership(field: string): PeopleRuleError {
  return new PeopleRuleError(
    'OWN_MEMBERSHIP',
    'You cannot change your own membership: ask another admin',
    field,
  );
}
