import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/db/db.js';
import { memberships, type Role } from '../../src/people/memberships-table.js';
import { organisations } from '../../src/people/organisations-table.js';
import { hashPassword } from '../../src/people/password-hash.js';
import { users } from '../../src/people/users-table.js';

/** The people every governance test can sign in as; all share `staffPassword`. */
export const staffPeople = [
  'viewer',
  'editor',
  'secondEditor',
  'approver',
  'secondApprover',
  'admin',
  'otherEditor',
  'otherApprover',
  'platformAdmin',
  'nobody',
] as const;
export type StaffPerson = (typeof staffPeople)[number];

export const staffPassword = 'correct horse battery staple';

/** Who holds what: `home` is the owning organisation of test records, `other` another partner. */
const roleOf: Record<StaffPerson, { organisation: 'home' | 'other'; role: Role } | null> = {
  viewer: { organisation: 'home', role: 'viewer' },
  editor: { organisation: 'home', role: 'editor' },
  secondEditor: { organisation: 'home', role: 'editor' },
  approver: { organisation: 'home', role: 'approver' },
  secondApprover: { organisation: 'home', role: 'approver' },
  admin: { organisation: 'home', role: 'admin' },
  otherEditor: { organisation: 'other', role: 'editor' },
  otherApprover: { organisation: 'other', role: 'approver' },
  platformAdmin: null,
  nobody: null,
};

/** A person's role in the `home` organisation, which owns the test records; null for none. */
export function homeRoleOf(person: StaffPerson): Role | null {
  const held = roleOf[person];
  return held?.organisation === 'home' ? held.role : null;
}

export interface StaffFixtures {
  readonly organisations: { readonly home: number; readonly other: number };
  readonly users: Readonly<Record<StaffPerson, { readonly id: number; readonly email: string }>>;
}

/**
 * Two organisations (slugs `test-home`, `test-other`) and one person per StaffPerson with the roles above;
 * the platform admin holds no organisation role, `nobody` none at all.
 */
export async function createStaffFixtures(db: Db): Promise<StaffFixtures> {
  const passwordHash = await hashPassword(staffPassword);
  const [home] = await db
    .insert(organisations)
    .values({ slug: 'test-home', name: 'Test Home Partner', kind: 'partner' })
    .returning({ id: organisations.id });
  const [other] = await db
    .insert(organisations)
    .values({ slug: 'test-other', name: 'Test Other Partner', kind: 'partner' })
    .returning({ id: organisations.id });
  const ids = { home: home!.id, other: other!.id };
  const made = {} as Record<StaffPerson, { id: number; email: string }>;
  for (const person of staffPeople) {
    const email = `${person.toLowerCase()}@test.example`;
    const [row] = await db
      .insert(users)
      .values({ email, name: `Test ${person}`, passwordHash, isPlatformAdmin: person === 'platformAdmin' })
      .returning({ id: users.id });
    made[person] = { id: row!.id, email };
    const held = roleOf[person];
    if (held)
      await db
        .insert(memberships)
        .values({ userId: row!.id, organisationId: ids[held.organisation], role: held.role });
  }
  return { organisations: ids, users: made };
}

/** A signed-in (or signed-out) browser for inject tests: sends its cookies and the CSRF token for it. */
export interface StaffAgent {
  readonly cookie: string;
  readonly csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  /** POSTs a urlencoded form with `_csrf` added (unless the form gives its own). */
  post(url: string, form?: Record<string, string | string[]>): Promise<LightMyRequestResponse>;
}

function cookiesOf(response: LightMyRequestResponse): string[] {
  const set = response.headers['set-cookie'];
  const list = set === undefined ? [] : Array.isArray(set) ? set : [set];
  return list.map((c) => c.split(';')[0]!).filter((c) => !c.endsWith('='));
}

export function formBody(form: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(form))
    for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  return params.toString();
}

function agent(app: FastifyInstance, cookie: string, csrf: string): StaffAgent {
  return {
    cookie,
    csrf,
    get: (url) => app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} }),
    post: (url, form = {}) =>
      app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
        payload: formBody({ _csrf: csrf, ...form }),
      }),
  };
}

/** Signs in through the real form (GET for the visitor's CSRF token, then POST); throws if refused. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password = staffPassword,
): Promise<StaffAgent> {
  const page = await app.inject({ method: 'GET', url: '/sign-in' });
  const visitorCookie = cookiesOf(page).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!token) throw new Error('no CSRF token on /sign-in');
  const response = await app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: visitorCookie },
    payload: formBody({ _csrf: token, email, password }),
  });
  if (response.statusCode !== 303) throw new Error(`sign-in as ${email} refused: ${response.statusCode}`);
  const cookie = cookiesOf(response).join('; ');
  const staffPage = await app.inject({ method: 'GET', url: '/staff', headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(staffPage.body)?.[1];
  if (!csrf) throw new Error('no CSRF token for the session');
  return agent(app, cookie, csrf);
}

/** A signed-out visitor, with the visitor CSRF token a form would give it. */
export async function signedOut(app: FastifyInstance): Promise<StaffAgent> {
  const page = await app.inject({ method: 'GET', url: '/sign-in' });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return agent(app, cookiesOf(page).join('; '), token);
}
