#!/usr/bin/env node
// The healthhub command. It runs the compiled JavaScript (npm install builds it) so that it starts fast.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('healthhub: not built yet: run `npm run build` in the repository\n');
  process.exit(1);
}
// A reader that stops early (`healthhub calc ... | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { run } = await import(main.href);
const code = await run(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
