import { UsageError } from '../errors/usage-error.js';

const subcommands: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  add: () => import('./user-add-command.js'),
  'set-password': () => import('./user-set-password-command.js'),
};

const help = `Usage: healthhub user <add|set-password> [options]

Manages staff accounts from the command line: how the first platform admin is made on a new installation.
After that, platform admins manage people at /admin.

  healthhub user add --email E --name N [--admin] [--organisation SLUG --role ROLE] [--password-stdin]
  healthhub user set-password --email E [--password-stdin]

Run 'healthhub user add --help' for the options.`;

export async function run(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(`${help}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
  if (!load) throw new UsageError(`user: unknown subcommand '${name}'; subcommands: add, set-password`);
  return (await load()).run(rest);
}
