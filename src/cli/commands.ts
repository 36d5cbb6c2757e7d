/** One CLI command: its summary for the top-level help, and a loader so only the command run is imported. */
export interface Command {
  readonly summary: string;
  readonly load: () => Promise<{ run(args: string[]): Promise<number> }>;
}

export const commands: Record<string, Command> = {
  serve: { summary: 'run the web application', load: () => import('./serve-command.js') },
  migrate: { summary: 'apply pending database migrations', load: () => import('./migrate-command.js') },
  demo: { summary: 'load the demonstration data into the database', load: () => import('./demo-command.js') },
  calc: {
    summary: "compute indicators from a CSV file with OHID's methods",
    load: () => import('./calc-command.js'),
  },
};
