import { escapeXml } from '../charts/escape-xml.js';
import type { RegisterDecision } from './decision-register-queries.js';

// XML 1.0 cannot carry most control characters, which a pasted text may hold.
const allowedInXml = (c: string) => {
  const code = c.codePointAt(0)!;
  return (
    (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) && code !== 0xfffe && code !== 0xffff
  );
};
const xmlText = (text: string) => escapeXml([...text].filter(allowedInXml).join(''));

/**
 * The register as an Atom 1.0 feed (RFC 4287): the feed's id, title, updated and rel="self" link; each
 * decision an entry whose id is its page's URL (stable: the reference never changes once published), with
 * its title, updated (its last change), link, and the executive summary as the summary. `origin` is the
 * site's scheme and host, as Atom wants absolute IRIs.
 */
export function decisionsAtomFeed(options: {
  readonly origin: string;
  readonly selfPath: string;
  readonly decisions: readonly RegisterDecision[];
}): string {
  const { origin, decisions } = options;
  const newest = decisions.reduce<Date | null>(
    (latest, d) => (latest === null || d.updatedAt > latest ? d.updatedAt : latest),
    null,
  );
  const entries = decisions.map((d) => {
    const url = `${origin}/decisions/${encodeURIComponent(d.reference)}`;
    const summary = d.executiveSummary.trim() || d.title;
    return [
      '  <entry>',
      `    <id>${xmlText(url)}</id>`,
      `    <title>${xmlText(`${d.reference}: ${d.title}${d.isDemo ? ' (demonstration content)' : ''}`)}</title>`,
      `    <updated>${d.updatedAt.toISOString()}</updated>`,
      `    <published>${d.publishedAt.toISOString()}</published>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(url)}"/>`,
      `    <author><name>${xmlText(d.organisationName)}</name></author>`,
      `    <category term="${xmlText(d.type)}"/>`,
      `    <summary type="text">${xmlText(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(`${origin}/decisions`)}</id>`,
    "  <title>London Health Hub: the partnership's published decisions</title>",
    `  <updated>${(newest ?? new Date(0)).toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(origin + options.selfPath)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(`${origin}/decisions`)}"/>`,
    "  <author><name>London's Health and Care Partnership</name></author>",
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
