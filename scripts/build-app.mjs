#!/usr/bin/env node
// Bundles the application (src/cli/main.ts and everything it reaches) into dist/cli with esbuild. Each command
// and each calc method stays a lazily loaded chunk. Bundling matters for `healthhub calc`, which is timed as a
// whole process: one module to load instead of dozens saves tens of milliseconds at start-up. npm packages
// stay external and load from node_modules, except our own @healthhub/stats, which is bundled.
// Type checking is tsc's job (npm run typecheck); esbuild only strips types.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  .filter((name) => name !== '@healthhub/stats')
  .flatMap((name) => [name, `${name}/*`]);

// dist/ holds only what this script and build-assets.mjs write: start clean.
rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  // The reading thread of imports (src/imports/parse-worker.ts) is an entry of its own, beside main.js,
  // where the chunk that starts it looks for it.
  entryPoints: [join(root, 'src', 'cli', 'main.ts'), join(root, 'src', 'imports', 'parse-worker.ts')],
  outdir: join(root, 'dist', 'cli'),
  entryNames: '[name]',
  // Chunks sit beside main.js, two folders below the repository root, as src/<feature>/ files do: code that
  // finds templates and migrations from import.meta.url works the same run from source or from the bundle.
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: true,
  logLevel: 'warning',
});
