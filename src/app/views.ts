import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nunjucks from 'nunjucks';
import type { AssetUrl } from './asset-manifest.js';

export const serviceName = 'London Health Hub';

/** The sections in the service navigation; later features add theirs. */
const navigation = [
  { href: '/', text: 'Home' },
  { href: '/indicators', text: 'Indicators' },
  { href: '/areas/E12000007', text: 'London' },
  { href: '/mission', text: 'Mission' },
  { href: '/decisions', text: 'Decisions' },
  { href: '/funds', text: 'Funds' },
  { href: '/programmes', text: 'Programmes' },
  { href: '/boards', text: 'Boards' },
];

/** The staff workspace's sections, listed on /staff; each feature's staff pages start here. */
const staffLinks = [
  { href: '/staff/decisions', text: 'Decisions: draft, submit, approve, sign and publish' },
  { href: '/staff/funds', text: 'Pooled funds: pledges, receipts, allocations and payments' },
  { href: '/staff/programmes', text: 'Programmes: milestones and updates' },
  { href: '/risks', text: 'Risks and issues' },
  { href: '/staff/boards', text: 'Boards: meetings, agendas, minutes and actions' },
];

/**
 * Nunjucks with GOV.UK Frontend's macros. Templates are looked up under src/ (each feature keeps its own,
 * e.g. home/home.njk) and under govuk-frontend's dist (govuk/...). Autoescaping is on.
 */
export function createViews(options: {
  templatesDir: string;
  asset: AssetUrl;
  watch: boolean;
}): nunjucks.Environment {
  const require = createRequire(import.meta.url);
  const govuk = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([options.templatesDir, govuk], { noCache: options.watch }),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  env.addGlobal('serviceName', serviceName);
  env.addGlobal('asset', options.asset);
  env.addGlobal('navigation', navigation);
  env.addGlobal('staffLinks', staffLinks);
  return env;
}

/** Marks the navigation item of the current page, as the service navigation component expects. */
export function navigationFor(path: string): { href: string; text: string; active: boolean }[] {
  return navigation.map((item) => ({
    ...item,
    active: item.href === '/' ? path === '/' : path.startsWith(item.href),
  }));
}
