import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The hash of GOV.UK Frontend's one inline script (it adds the js-enabled class before first paint), so the
 * Content Security Policy can allow exactly that script and nothing else inline. Read from the template
 * itself, so an upgrade of govuk-frontend cannot silently break it.
 */
export function govukInlineScriptHash(): string {
  const require = createRequire(import.meta.url);
  const template = readFileSync(
    join(dirname(require.resolve('govuk-frontend/package.json')), 'dist/govuk/template.njk'),
    'utf8',
  );
  const match = /<script[^>]*>([^<]+)<\/script>/.exec(template);
  if (!match?.[1]) throw new Error('govuk-frontend template.njk has no inline script to hash');
  return `'sha256-${createHash('sha256').update(match[1]).digest('base64')}'`;
}

/** Directives for @fastify/helmet: our own origin only, plus the one hashed inline script. */
export function contentSecurityPolicy(production: boolean): Record<string, string[] | null> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", govukInlineScriptHash()],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // Only a deployment behind TLS may ask browsers to upgrade; on a developer's http://localhost it breaks assets.
    'upgrade-insecure-requests': production ? [] : null,
  };
}
