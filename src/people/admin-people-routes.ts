import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type FormErrors, formErrors, formErrorsOf } from '../app/form-errors.js';
import { PageNotFoundError } from '../app/page-not-found-error.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { adminNotice } from './admin-notices.js';
import { EmailTakenError } from './email-taken-error.js';
import { revokeMembership, setMembership } from './membership-repository.js';
import { roles } from './memberships-table.js';
import { newPassword } from './new-password.js';
import { hashPassword } from './password-hash.js';
import type { PasswordResetMailer } from './password-reset-mailer.js';
import { formatDateTime, roleItems } from './people-labels.js';
import {
  findOrganisationBySlug,
  findPerson,
  listOrganisations,
  listPeople,
  membershipsOf,
} from './people-queries.js';
import { clearLockout, createPerson, setPersonDisabled, setPlatformAdmin } from './people-repository.js';
import { PeopleRuleError } from './people-rule-error.js';
import { requirePlatformAdmin } from './require-platform-admin.js';
import { staffOf } from './require-staff.js';
import { sendPasswordResetLink } from './send-password-reset-link.js';

const email = z
  .string({ error: 'Enter their email address' })
  .trim()
  .min(1, 'Enter their email address')
  .max(320, 'Email address must be 320 characters or fewer')
  .email('Enter an email address in the correct format, like name@example.org');

const newPersonForm = z.object({
  name: z
    .string({ error: 'Enter their name' })
    .trim()
    .min(1, 'Enter their name')
    .max(200, 'Name must be 200 characters or fewer'),
  email,
  setup: z.enum(['link', 'password'], { error: 'Select how they will get their password' }),
});

// Checked with the rest, so that every problem shows at once; only when a temporary password is chosen.
const temporaryPasswordForm = z.object({ password: newPassword });

const roleForm = z.object({
  organisation: z.string({ error: 'Select an organisation' }).min(1, 'Select an organisation'),
  role: z.enum(roles, { error: 'Select a role' }),
});

/**
 * /admin/people, for platform admins only: list and add people (with a temporary password or an emailed
 * link), disable and enable them (disabling ends their sessions), clear a lockout, give, change and take
 * away roles, make and unmake platform admins (never the last), and send a reset link. Every change is
 * audited with the person before and after.
 */
export async function adminPeopleRoutes(
  app: FastifyInstance,
  options: { database: Database; mailer: PasswordResetMailer },
): Promise<void> {
  const { database, mailer } = options;
  const db = database.db;

  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  async function personOf(request: FastifyRequest) {
    const { id } = request.params as { id: string };
    const person = /^[1-9][0-9]{0,9}$/.test(id) ? await findPerson(db, Number(id)) : undefined;
    if (!person) throw new PageNotFoundError(`no person ${id}`);
    return person;
  }

  app.get('/admin/people', { preHandler: requirePlatformAdmin }, async (request, reply) =>
    reply.view('people/admin-people.njk', {
      title: 'People',
      people: await listPeople(db),
      now: new Date(),
      notice: adminNotice(request.query),
    }),
  );

  const newPage = (reply: FastifyReply, values: Record<string, unknown>, errors?: FormErrors) =>
    reply.view('people/admin-person-new.njk', {
      title: 'Add a person',
      values,
      linkAvailable: mailer.available,
      errors,
    });

  app.get('/admin/people/new', { preHandler: requirePlatformAdmin }, async (_request, reply) =>
    newPage(reply, { setup: mailer.available ? 'link' : 'password' }),
  );

  app.post('/admin/people', { preHandler: requirePlatformAdmin }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { ...body, password: undefined };
    const parsed = newPersonForm.safeParse(body);
    const password = body.setup === 'password' ? temporaryPasswordForm.safeParse(body) : undefined;
    if (!parsed.success || password?.success === false) {
      const issues = [...(parsed.error?.issues ?? []), ...(password?.error?.issues ?? [])];
      return newPage(reply.code(400), values, formErrors(new z.ZodError(issues)));
    }
    const form = { ...parsed.data, password: password?.data?.password ?? '' };
    if (form.setup === 'link' && !mailer.available) {
      return newPage(
        reply.code(400),
        values,
        formErrorsOf({ setup: 'Email is not set up on this site: set a temporary password instead' }),
      );
    }
    const passwordHash = form.setup === 'password' ? await hashPassword(form.password) : null;
    const actor = staffOf(request);
    let id: number;
    try {
      id = await db.transaction((trx) =>
        createPerson(trx, actor.id, { email: form.email, name: form.name, passwordHash }),
      );
    } catch (error) {
      if (error instanceof EmailTakenError) {
        return newPage(
          reply.code(409),
          values,
          formErrorsOf({ email: 'Someone already has this email address' }),
        );
      }
      throw error;
    }
    if (form.setup === 'link') {
      const { sent } = await sendPasswordResetLink(database, mailer, request.log, {
        userId: id,
        email: form.email.toLowerCase(),
        actorUserId: actor.id,
      });
      await sent;
    }
    return reply.redirect(
      `/admin/people/${id}?done=${form.setup === 'link' ? 'person-created-link' : 'person-created'}`,
      303,
    );
  });

  const personPage = async (
    reply: FastifyReply,
    person: Awaited<ReturnType<typeof personOf>>,
    extra: { notice?: string; errors?: FormErrors; values?: Record<string, unknown> } = {},
  ) => {
    const held = await membershipsOf(db, person.id);
    const organisations = (await listOrganisations(db)).filter((o) => o.archivedAt === null);
    const values = extra.values ?? {};
    return reply.view('people/admin-person.njk', {
      title: person.name,
      person,
      locked: person.lockedUntil !== null && person.lockedUntil.getTime() > Date.now(),
      lockedUntil: formatDateTime(person.lockedUntil),
      disabledAt: formatDateTime(person.disabledAt),
      createdAt: formatDateTime(person.createdAt),
      memberships: held.map((m) => ({ ...m, roleItems: roleItems(m.role) })),
      organisationItems: [
        { value: '', text: 'Choose an organisation' },
        ...organisations.map((o) => ({
          value: o.slug,
          text: o.name,
          selected: o.slug === values.organisation,
        })),
      ],
      roleItems: roleItems(typeof values.role === 'string' ? values.role : 'viewer'),
      linkAvailable: mailer.available,
      notice: extra.notice,
      errors: extra.errors,
    });
  };

  app.get('/admin/people/:id', { preHandler: requirePlatformAdmin }, async (request, reply) =>
    personPage(reply, await personOf(request), { notice: adminNotice(request.query) }),
  );

  /** Runs an account change; a rule it breaks re-renders the page with the problem against `field`. */
  async function change(
    request: FastifyRequest,
    reply: FastifyReply,
    field: string,
    done: string,
    apply: (trx: typeof db, actorId: number, personId: number) => Promise<unknown>,
  ) {
    const person = await personOf(request);
    const actor = staffOf(request);
    try {
      await db.transaction((trx) => apply(trx, actor.id, person.id));
    } catch (error) {
      if (error instanceof AppError && error.statusCode === 409) {
        return personPage(reply.code(409), person, {
          errors: formErrorsOf({ [field]: sentence(error.message) }),
        });
      }
      throw error;
    }
    return reply.redirect(`/admin/people/${person.id}?done=${done}`, 303);
  }

  app.post('/admin/people/:id/disable', { preHandler: requirePlatformAdmin }, async (request, reply) =>
    change(request, reply, 'disable', 'disabled', async (trx, actorId, personId) => {
      if (actorId === personId) {
        throw new PeopleRuleError('OWN_ACCOUNT', 'You cannot disable your own account', 'disable');
      }
      await setPersonDisabled(trx, actorId, personId, true);
    }),
  );
  app.post('/admin/people/:id/enable', { preHandler: requirePlatformAdmin }, async (request, reply) =>
    change(request, reply, 'enable', 'enabled', (trx, actorId, personId) =>
      setPersonDisabled(trx, actorId, personId, false),
    ),
  );
  app.post('/admin/people/:id/clear-lockout', { preHandler: requirePlatformAdmin }, async (request, reply) =>
    change(request, reply, 'clear-lockout', 'lockout-cleared', (trx, actorId, personId) =>
      clearLockout(trx, actorId, personId),
    ),
  );
  app.post(
    '/admin/people/:id/make-platform-admin',
    { preHandler: requirePlatformAdmin },
    async (request, reply) =>
      change(request, reply, 'platform-admin', 'platform-admin-granted', (trx, actorId, personId) =>
        setPlatformAdmin(trx, actorId, personId, true),
      ),
  );
  app.post(
    '/admin/people/:id/unmake-platform-admin',
    { preHandler: requirePlatformAdmin },
    async (request, reply) =>
      change(request, reply, 'platform-admin', 'platform-admin-revoked', (trx, actorId, personId) =>
        setPlatformAdmin(trx, actorId, personId, false),
      ),
  );

  app.post('/admin/people/:id/memberships', { preHandler: requirePlatformAdmin }, async (request, reply) => {
    const person = await personOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = roleForm.safeParse(body);
    if (!parsed.success)
      return personPage(reply.code(400), person, { errors: formErrors(parsed.error), values: body });
    const organisation = await findOrganisationBySlug(db, parsed.data.organisation);
    if (!organisation || organisation.archivedAt !== null) {
      return personPage(reply.code(400), person, {
        errors: formErrorsOf({ organisation: 'Select an organisation from the list' }),
        values: body,
      });
    }
    await db.transaction((trx) =>
      setMembership(trx, staffOf(request).id, {
        userId: person.id,
        organisationId: organisation.id,
        role: parsed.data.role,
      }),
    );
    return reply.redirect(`/admin/people/${person.id}?done=role-set`, 303);
  });

  app.post(
    '/admin/people/:id/memberships/:slug/revoke',
    { preHandler: requirePlatformAdmin },
    async (request, reply) => {
      const person = await personOf(request);
      const { slug } = request.params as { slug: string };
      const organisation = await findOrganisationBySlug(db, slug);
      if (!organisation) throw new PageNotFoundError(`no organisation ${slug}`);
      await db.transaction((trx) =>
        revokeMembership(trx, staffOf(request).id, { userId: person.id, organisationId: organisation.id }),
      );
      return reply.redirect(`/admin/people/${person.id}?done=role-revoked`, 303);
    },
  );

  app.post(
    '/admin/people/:id/send-reset-link',
    { preHandler: requirePlatformAdmin },
    async (request, reply) => {
      const person = await personOf(request);
      if (!mailer.available || person.disabledAt !== null) {
        const problem = mailer.available
          ? 'This account is disabled: enable it first'
          : 'Email is not set up on this site, so no link can be sent';
        return personPage(reply.code(409), person, { errors: formErrorsOf({ 'send-reset-link': problem }) });
      }
      const { sent } = await sendPasswordResetLink(database, mailer, request.log, {
        userId: person.id,
        email: person.email,
        actorUserId: staffOf(request).id,
      });
      if (!(await sent)) {
        return personPage(reply.code(502), person, {
          errors: formErrorsOf({ 'send-reset-link': 'The email could not be sent: try again later' }),
        });
      }
      return reply.redirect(`/admin/people/${person.id}?done=reset-link-sent`, 303);
    },
  );
}

/** An error's message as a sentence for the error summary: capitalised, no full stop. */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
