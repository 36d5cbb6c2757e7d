import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { loadDemo } from '../demo/load-demo.js';
import { parseCommandArgs } from './parse-command-args.js';

const help = `Usage: healthhub demo

Migrates the database and loads healthhub's starting content: London's geography (built in) and the
demonstration data sets, each marked as demonstration data. Running it again changes nothing.`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('demo', args, {});
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  const database = await openDatabase(loadConfig());
  try {
    await database.migrate();
    const summary = await loadDemo(database.db);
    const counts = Object.entries(summary.rows)
      .map(([table, n]) => `${n} ${table}`)
      .join(', ');
    process.stdout.write(
      summary.loaded ? `demo data loaded: ${counts}\n` : 'demo data already loaded: nothing to do\n',
    );
    return 0;
  } finally {
    await database.close();
  }
}
