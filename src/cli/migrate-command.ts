import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { parseCommandArgs } from './parse-command-args.js';

const help = `Usage: healthhub migrate

Applies the database migrations not yet applied (forward only), to the database DATABASE_URL names or to the
embedded database under HEALTHHUB_DATA_DIR. Safe to run while other instances start: they take turns.`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('migrate', args, {});
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  const database = await openDatabase(loadConfig());
  try {
    await database.migrate();
    process.stdout.write(`migrations applied (${database.kind})\n`);
    return 0;
  } finally {
    await database.close();
  }
}
