import { AppError } from '../errors/app-error.js';
import { UsageError } from '../errors/usage-error.js';
import { commands } from './commands.js';

// Wide enough for the longest command name, so that every summary starts in one column.
const nameWidth = Math.max(...Object.keys(commands).map((name) => name.length)) + 2;

const usage = () =>
  [
    'Usage: healthhub <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(nameWidth)}${c.summary}`),
    '',
    "Run 'healthhub <command> --help' for a command's options.",
    'Configuration comes from the environment: see the README.',
  ].join('\n');

/**
 * Runs the healthhub command line and resolves to the exit code: 0 done, 1 failed, 2 used wrongly or
 * given bad input.
 * Errors print as one line; the stack only when LOG_LEVEL is debug or trace.
 */
export async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(`${usage()}\n`);
      return name === undefined ? 2 : 0;
    }
    const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!command) throw new UsageError(`unknown command '${name}'. See 'healthhub --help'`);
    return await (await command.load()).run(args);
  } catch (error) {
    reportError(error);
    // Bad usage and bad input (status 400: UsageError, CalcInputError) exit 2; failures to run exit 1.
    return error instanceof AppError && error.statusCode === 400 ? 2 : 1;
  }
}

/** Prints an error as one line on stderr (the stack too at debug level). */
export function reportError(error: unknown): void {
  const message = error instanceof AppError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`healthhub: ${message.split('\n')[0]}\n`);
  if (/^(debug|trace)$/.test(process.env.LOG_LEVEL ?? '') && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  }
}
