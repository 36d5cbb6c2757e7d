/** One CLI command: its summary for the top-level help, and a loader so only the command run is imported. */
export interface Command {
  readonly summary: string;
  readonly load: () => Promise<{ run(args: string[]): Promise<number> }>;
}

export const commands: Record<string, Command> = {
  serve: { summary: 'run the web application', load: () => import('./serve-command.js') },
  migrate: { summary: 'apply pending database migrations', load: () => import('./migrate-command.js') },
  demo: { summary: 'load the demonstration data into the database', load: () => import('./demo-command.js') },
  user: {
    summary: 'add a staff account (the first platform admin) or set its password',
    load: () => import('./user-command.js'),
  },
  import: {
    summary: 'import a data file (Fingertips, ...) into the database',
    load: () => import('./import-command.js'),
  },
  compute: {
    summary: 'compute indicator values (DSRs, rates, proportions) from imported counts and populations',
    load: () => import('./compute-command.js'),
  },
  'deprivation-deciles': {
    summary: 'the population of each IMD decile of LSOAs, for England or an area',
    load: () => import('./deprivation-deciles-command.js'),
  },
  calc: {
    summary: "compute indicators from a CSV file with OHID's methods",
    load: () => import('./calc-command.js'),
  },
};
