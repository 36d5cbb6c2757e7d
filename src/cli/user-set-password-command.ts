import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { UsageError } from '../errors/usage-error.js';
import { hashPassword } from '../people/password-hash.js';
import { findPersonByEmail } from '../people/people-queries.js';
import { setPassword } from '../people/people-repository.js';
import { parseCommandArgs } from './parse-command-args.js';
import { readNewPassword } from './read-new-password.js';

const help = `Usage: healthhub user set-password --email E [--password-stdin]

Sets a person's password: for when no platform admin can sign in, or email is not set up. Clears any
lockout and signs them out everywhere.

Options:
  --email E         whose password
  --password-stdin  read the password from standard input (for scripts) instead of asking twice`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('user set-password', args, {
    email: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  if (!values.email)
    throw new UsageError("user set-password: --email is required. See 'healthhub user set-password --help'");
  const password = await readNewPassword('user set-password', values['password-stdin'] === true);
  const database = await openDatabase(loadConfig());
  try {
    await database.migrate();
    const person = await findPersonByEmail(database.db, values.email);
    if (!person)
      throw new UsageError(`user set-password: no one has the email ${values.email.trim().toLowerCase()}`);
    const passwordHash = await hashPassword(password);
    await database.db.transaction((trx) => setPassword(trx, null, person.id, passwordHash, 'set-password'));
    process.stdout.write(`password set for ${person.email}; their sessions have ended\n`);
    return 0;
  } finally {
    await database.close();
  }
}
