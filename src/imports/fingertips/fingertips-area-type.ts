/**
 * The areas.area_type of a Fingertips "Area Type": the types healthhub knows by their own names (country,
 * region, county-ua, district-ua, icb), any other as a slug of its name ("Sub-ICB, former CCGs" →
 * sub-icb-former-ccgs). Undefined when the name gives no usable slug.
 */
export function fingertipsAreaType(name: string): string | undefined {
  const n = name.trim().toLowerCase();
  if (n === 'england' || n === 'country') return 'country';
  if (n === 'region' || n === 'regions' || n.startsWith('regions (statistical)')) return 'region';
  if (/^count(y|ies) & uas?\b/.test(n)) return 'county-ua';
  if (/^districts? & uas?\b/.test(n)) return 'district-ua';
  if (/^icbs?$/.test(n)) return 'icb';
  const slug = n
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return /^[a-z][a-z0-9-]*$/.test(slug) ? slug : undefined;
}
