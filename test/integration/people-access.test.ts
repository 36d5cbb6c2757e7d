import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createApp } from '../../src/app/create-app.js';
import type { Db } from '../../src/db/db.js';
import { createPasswordReset } from '../../src/people/password-reset-repository.js';
import {
  auditCount,
  freshOrganisation,
  freshPerson,
  giveRole,
  peopleSnapshot,
} from '../support/people-test-data.js';
import {
  createStaffFixtures,
  type StaffAgent,
  type StaffFixtures,
  type StaffPerson,
  signedOut,
  signIn,
  staffPeople,
} from '../support/staff-fixtures.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

type Who = StaffPerson | 'signedOut';
const everyone: readonly Who[] = [...staffPeople, 'signedOut'];

interface Context {
  readonly db: Db;
  readonly f: StaffFixtures;
}

/** One write route: how to make a fresh target for one attempt, who may, and what success answers. */
interface WriteRoute {
  readonly name: string;
  readonly allowed: readonly Who[];
  readonly success: number;
  /** A fresh path and form for one attempt (so that each allowed attempt has something to change). */
  attempt(ctx: Context): Promise<{ path: string; form: Record<string, string> }>;
  /** A form the route must refuse with 400 and the error summary, saving nothing (for routes with fields). */
  bad?(ctx: Context): Promise<{ path: string; form: Record<string, string> }>;
}

const platformAdminOnly: readonly Who[] = ['platformAdmin'];
const homeAdmins: readonly Who[] = ['admin', 'platformAdmin'];

let slugs = 0;

/** Every POST of people and access. */
const routes: readonly WriteRoute[] = [
  {
    name: 'POST /admin/organisations',
    allowed: platformAdminOnly,
    success: 303,
    attempt: async () => ({
      path: '/admin/organisations',
      form: { name: 'Matrix Organisation', slug: `matrix-${++slugs}`, kind: 'trust', areaCode: '' },
    }),
    bad: async () => ({
      path: '/admin/organisations',
      form: { name: ' ', slug: 'Not A Slug', kind: 'castle' },
    }),
  },
  {
    name: 'POST /admin/organisations/{slug}/rename',
    allowed: platformAdminOnly,
    success: 303,
    attempt: async ({ db }) => ({
      path: `/admin/organisations/${(await freshOrganisation(db)).slug}/rename`,
      form: { name: 'Renamed Organisation' },
    }),
    bad: async ({ db }) => ({
      path: `/admin/organisations/${(await freshOrganisation(db)).slug}/rename`,
      form: { name: '' },
    }),
  },
  {
    name: 'POST /admin/organisations/{slug}/archive',
    allowed: platformAdminOnly,
    success: 303,
    attempt: async ({ db }) => ({
      path: `/admin/organisations/${(await freshOrganisation(db)).slug}/archive`,
      form: {},
    }),
  },
  {
    name: 'POST /admin/organisations/{slug}/restore',
    allowed: platformAdminOnly,
    success: 303,
    attempt: async ({ db }) => ({
      path: `/admin/organisations/${(await freshOrganisation(db, { archived: true })).slug}/restore`,
      form: {},
    }),
  },
  {
    name: 'POST /admin/people',
    allowed: platformAdminOnly,
    success: 303,
    attempt: async () => ({
      path: '/admin/people',
      form: {
        name: 'Matrix Person',
        email: `matrix-${++slugs}@test.example`,
        setup: 'password',
        password: 'a temporary password',
      },
    }),
    bad: async () => ({
      path: '/admin/people',
      form: { name: '', email: 'nope', setup: 'password', password: 'short' },
    }),
  },
  ...(
    [
      ['disable', {}],
      ['enable', { disabled: true }],
      ['clear-lockout', {}],
      ['make-platform-admin', {}],
      ['unmake-platform-admin', { isPlatformAdmin: true }],
      ['send-reset-link', {}],
    ] as const
  ).map(
    ([action, options]): WriteRoute => ({
      name: `POST /admin/people/{id}/${action}`,
      allowed: platformAdminOnly,
      success: 303,
      attempt: async ({ db }) => ({
        path: `/admin/people/${(await freshPerson(db, options)).id}/${action}`,
        form: {},
      }),
    }),
  ),
  {
    name: 'POST /admin/people/{id}/memberships',
    allowed: platformAdminOnly,
    success: 303,
    attempt: async ({ db }) => ({
      path: `/admin/people/${(await freshPerson(db)).id}/memberships`,
      form: { organisation: 'test-home', role: 'editor' },
    }),
    bad: async ({ db }) => ({
      path: `/admin/people/${(await freshPerson(db)).id}/memberships`,
      form: { organisation: '', role: 'owner' },
    }),
  },
  {
    name: 'POST /admin/people/{id}/memberships/{slug}/revoke',
    allowed: platformAdminOnly,
    success: 303,
    attempt: async ({ db, f }) => {
      const person = await freshPerson(db);
      await giveRole(db, person.id, f.organisations.home, 'viewer');
      return { path: `/admin/people/${person.id}/memberships/test-home/revoke`, form: {} };
    },
  },
  ...(['home', 'other'] as const).flatMap((which): WriteRoute[] => {
    const slug = which === 'home' ? 'test-home' : 'test-other';
    const allowed = which === 'home' ? homeAdmins : platformAdminOnly;
    const member = async ({ db, f }: Context) => {
      const person = await freshPerson(db);
      await giveRole(db, person.id, f.organisations[which], 'viewer');
      return person;
    };
    return [
      {
        name: `POST /staff/organisations/${slug}/members`,
        allowed,
        success: 303,
        attempt: async ({ db }) => ({
          path: `/staff/organisations/${slug}/members`,
          form: { email: (await freshPerson(db)).email, role: 'editor' },
        }),
        bad: async () => ({
          path: `/staff/organisations/${slug}/members`,
          form: { email: 'not an email', role: 'owner' },
        }),
      },
      {
        name: `POST /staff/organisations/${slug}/members/{id}/role`,
        allowed,
        success: 303,
        attempt: async (ctx) => ({
          path: `/staff/organisations/${slug}/members/${(await member(ctx)).id}/role`,
          form: { role: 'approver' },
        }),
        bad: async (ctx) => ({
          path: `/staff/organisations/${slug}/members/${(await member(ctx)).id}/role`,
          form: { role: 'owner' },
        }),
      },
      {
        name: `POST /staff/organisations/${slug}/members/{id}/revoke`,
        allowed,
        success: 303,
        attempt: async (ctx) => ({
          path: `/staff/organisations/${slug}/members/${(await member(ctx)).id}/revoke`,
          form: {},
        }),
      },
    ];
  }),
  {
    name: 'POST /password-reset',
    allowed: everyone,
    success: 200,
    attempt: async ({ db }) => ({ path: '/password-reset', form: { email: (await freshPerson(db)).email } }),
    bad: async () => ({ path: '/password-reset', form: { email: 'not an email' } }),
  },
  {
    name: 'POST /password-reset/{token}',
    allowed: everyone,
    success: 200,
    attempt: async ({ db }) => ({
      path: `/password-reset/${await createPasswordReset(db, (await freshPerson(db)).id)}`,
      form: { password: 'a brand new password', confirm: 'a brand new password' },
    }),
    bad: async ({ db }) => ({
      path: `/password-reset/${await createPasswordReset(db, (await freshPerson(db)).id)}`,
      form: { password: 'a brand new password', confirm: 'a different password' },
    }),
  },
];

/** Pages (GET) and who may see them; the others get 403, or a redirect to sign in when signed out. */
const pages: readonly { path: string; allowed: readonly Who[] }[] = [
  ...[
    '/admin',
    '/admin/organisations',
    '/admin/organisations/new',
    '/admin/organisations/test-home',
    '/admin/people',
    '/admin/people/new',
  ].map((path) => ({ path, allowed: platformAdminOnly })),
  { path: '/staff/organisations/test-home/members', allowed: homeAdmins },
  { path: '/staff/organisations/test-other/members', allowed: platformAdminOnly },
  { path: '/password-reset', allowed: everyone },
];

for (const kind of databaseKinds()) {
  describe(`people and access: who may do what (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let f: StaffFixtures;
    const agents = new Map<Who, StaffAgent>();
    before(async () => {
      // Every attempt in the matrix comes from one address: the reset limits are lifted for it.
      t = await createTestDatabase(kind, {
        PASSWORD_RESETS_PER_MINUTE: '100000',
        PASSWORD_RESETS_PER_EMAIL: '100000',
      });
      f = await createStaffFixtures(t.database.db);
      app = await createApp(t.config, { database: t.database });
      await app.ready();
      for (const who of staffPeople) agents.set(who, await signIn(app, f.users[who].email));
      agents.set('signedOut', await signedOut(app));
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    for (const route of routes) {
      it(`${route.name}: allowed for ${route.allowed.length === everyone.length ? 'everyone' : route.allowed.join(', ')}; refused for the rest, changing nothing`, async () => {
        const ctx = { db: t.database.db, f };
        for (const who of everyone) {
          const { path, form } = await route.attempt(ctx);
          const before = await peopleSnapshot(t.database.db);
          const response = await agents.get(who)!.post(path, form);
          const label = `${route.name} as ${who}`;
          if (route.allowed.includes(who)) {
            assert.equal(response.statusCode, route.success, `${label}: ${response.body.slice(0, 300)}`);
            assert.notEqual(await peopleSnapshot(t.database.db), before, `${label} changed something`);
            continue;
          }
          if (who === 'signedOut') assert.equal(response.statusCode, 401, label);
          else assertForbidden(response, label);
          assert.equal(await peopleSnapshot(t.database.db), before, `${label} changed nothing`);
        }
      });
    }

    for (const route of routes.filter((r) => r.bad)) {
      it(`${route.name}: bad input is refused with 400 and the GOV.UK error summary, saving nothing`, async () => {
        const who = route.allowed.includes('platformAdmin') ? 'platformAdmin' : route.allowed[0]!;
        const { path, form } = await route.bad!({ db: t.database.db, f });
        const before = await peopleSnapshot(t.database.db);
        const audit = await auditCount(t.database.db);
        const response = await agents.get(who)!.post(path, form);
        assert.equal(response.statusCode, 400, response.body.slice(0, 300));
        assert.match(response.body, /govuk-error-summary/);
        assert.match(response.body, /There is a problem/);
        assert.match(response.body, /<title>Error: /);
        assert.match(response.body, /govuk-error-message/);
        assert.equal(await peopleSnapshot(t.database.db), before);
        assert.equal(await auditCount(t.database.db), audit);
      });
    }

    it('pages: only those allowed see them; others get 403, signed-out visitors are sent to sign in', async () => {
      for (const page of pages) {
        for (const who of everyone) {
          const response = await agents.get(who)!.get(page.path);
          const label = `GET ${page.path} as ${who}`;
          if (page.allowed.includes(who)) assert.equal(response.statusCode, 200, label);
          else if (who === 'signedOut') {
            assert.equal(response.statusCode, 303, label);
            assert.equal(response.headers.location, `/sign-in?next=${encodeURIComponent(page.path)}`);
          } else assertForbidden(response, label);
        }
      }
    });

    it('a forbidden POST without a CSRF token is refused before anything else', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/admin/organisations',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: agents.get('platformAdmin')!.cookie,
        },
        payload: 'name=X&slug=no-csrf&kind=other',
      });
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /CSRF|form has expired/);
    });
  });
}

function assertForbidden(response: LightMyRequestResponse, label: string): void {
  assert.equal(response.statusCode, 403, `${label}: ${response.statusCode}`);
  assert.match(response.body, /You cannot do this/, label);
}
