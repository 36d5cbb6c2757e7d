import { UsageError } from '../errors/usage-error.js';
import { newPassword } from '../people/new-password.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** Asks for a line on the terminal without echoing it (raw mode); Ctrl+C or Ctrl+D gives up. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  // Raw (no echo) before the question shows: whatever is typed after seeing it must not be echoed.
  stdin.setRawMode(true);
  process.stderr.write(question);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new UsageError('cancelled: no password given'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * The new password of a `user` command: the whole of standard input less one line ending with
 * --password-stdin (for scripts: never on the command line, where `ps` and shell history would show it),
 * otherwise asked twice on the terminal without echo. Refuses (UsageError, exit 2) one too short or long.
 */
export async function readNewPassword(command: string, fromStdin: boolean): Promise<string> {
  let password: string;
  if (fromStdin) {
    password = (await readAll(process.stdin)).replace(/\r?\n$/, '');
  } else {
    if (!process.stdin.isTTY) {
      throw new UsageError(
        `${command}: no terminal to ask for the password on: pipe it in with --password-stdin`,
      );
    }
    password = await promptHidden('Password (12 characters or more): ');
    const again = await promptHidden('The same password again: ');
    if (again !== password) throw new UsageError(`${command}: the two passwords differ`);
  }
  const checked = newPassword.safeParse(password);
  if (!checked.success) {
    throw new UsageError(
      `${command}: ${checked.error.issues[0]!.message.replace(/^Password/, 'the password')}`,
    );
  }
  return checked.data;
}
