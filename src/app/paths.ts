import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// This file sits at src/app (run through tsx) or dist/app (compiled): the repository root is two up either way.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the application finds what is not compiled: templates and built assets. */
export const paths = Object.freeze({
  root,
  templates: resolve(root, 'src'),
  publicAssets: resolve(root, 'dist', 'public'),
});
