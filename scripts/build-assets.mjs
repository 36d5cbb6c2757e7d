#!/usr/bin/env node
// Builds the browser assets into dist/public with content hashes in their names, and writes
// dist/public/manifest.json mapping each logical name to its fingerprinted file. Fingerprinted files never
// change, so the server sends them with a one-year immutable cache lifetime.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'public');
const require = createRequire(import.meta.url);
const govuk = dirname(require.resolve('govuk-frontend/package.json'));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const manifest = {};

function emit(logical, content) {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 12);
  const dot = logical.lastIndexOf('.');
  const name = `${logical.slice(0, dot)}.${hash}${logical.slice(dot)}`;
  writeFileSync(join(out, name), content);
  manifest[logical] = name;
  return name;
}

const css = sass.compile(join(root, 'src/app/assets/app.scss'), {
  loadPaths: [join(govuk, 'dist')],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import'],
});
emit('app.css', css.css);

const govukJs = emit('govuk-frontend.mjs', readFileSync(join(govuk, 'dist/govuk/govuk-frontend.min.js')));
const appJs = readFileSync(join(root, 'src/app/assets/app.mjs'), 'utf8').replace(
  './govuk-frontend.mjs',
  `./${govukJs}`,
);
emit('app.js', appJs);
emit('favicon.svg', readFileSync(join(root, 'src/app/assets/favicon.svg')));

writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`assets: ${Object.keys(manifest).length} files in dist/public`);
