import { z } from 'zod';
import { loadBuiltInGeography } from '../areas/load-built-in-geography.js';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { UsageError } from '../errors/usage-error.js';
import { loadBuiltInOrganisations } from '../people/built-in-organisations.js';
import { setMembership } from '../people/membership-repository.js';
import { roles } from '../people/memberships-table.js';
import { hashPassword } from '../people/password-hash.js';
import { findOrganisationBySlug } from '../people/people-queries.js';
import { createPerson, normaliseEmail } from '../people/people-repository.js';
import { parseCommandArgs } from './parse-command-args.js';
import { readNewPassword } from './read-new-password.js';

const help = `Usage: healthhub user add --email E --name N [--admin] [--organisation SLUG --role ROLE] [--password-stdin]

Adds a person who signs in with a password. On a new installation this makes the first platform admin:

  healthhub user add --email you@example.org --name "Your Name" --admin

Options:
  --email E            their email address (they sign in with it)
  --name N             their full name
  --admin              make them a platform admin (manages organisations and people at /admin)
  --organisation SLUG  give them a role in this organisation (its short name, e.g. gla)...
  --role ROLE          ...as viewer, editor, approver or admin
  --password-stdin     read the password from standard input (for scripts) instead of asking twice

The password must be 12 to 1,024 characters. The database is migrated and the built-in organisations
loaded first. Refuses an email that someone already has.`;

const email = z.string().trim().max(320).email();

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('user add', args, {
    email: { type: 'string' },
    name: { type: 'string' },
    admin: { type: 'boolean' },
    organisation: { type: 'string' },
    role: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  if (!values.email || !email.safeParse(values.email).success) {
    throw new UsageError(
      "user add: --email must be an email address, like name@example.org. See 'healthhub user add --help'",
    );
  }
  const name = values.name?.trim();
  if (!name) throw new UsageError("user add: --name is required. See 'healthhub user add --help'");
  if ((values.organisation === undefined) !== (values.role === undefined)) {
    throw new UsageError('user add: --organisation and --role go together');
  }
  const role = values.role;
  if (role !== undefined && !(roles as readonly string[]).includes(role)) {
    throw new UsageError(`user add: --role must be one of ${roles.join(', ')}`);
  }
  const password = await readNewPassword('user add', values['password-stdin'] === true);
  const database = await openDatabase(loadConfig());
  try {
    await database.migrate();
    // Organisations point at their areas: the built-in geography first, then the organisations.
    await loadBuiltInGeography(database.db);
    await loadBuiltInOrganisations(database.db);
    const organisation = values.organisation
      ? await findOrganisationBySlug(database.db, values.organisation)
      : undefined;
    if (values.organisation && (!organisation || organisation.archivedAt !== null)) {
      throw new UsageError(`user add: no active organisation has the short name '${values.organisation}'`);
    }
    const passwordHash = await hashPassword(password);
    const id = await database.db.transaction(async (trx) => {
      const made = await createPerson(trx, null, {
        email: values.email!,
        name,
        passwordHash,
        isPlatformAdmin: values.admin === true,
      });
      if (organisation && role) {
        await setMembership(trx, null, {
          userId: made,
          organisationId: organisation.id,
          role: role as (typeof roles)[number],
        });
      }
      return made;
    });
    const what = [
      values.admin ? 'platform admin' : undefined,
      organisation ? `${role} of ${organisation.name}` : undefined,
    ].filter(Boolean);
    process.stdout.write(
      `added ${name} <${normaliseEmail(values.email)}> (id ${id})${what.length ? `: ${what.join('; ')}` : ''}\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
