const ordinals: Readonly<Record<string, number>> = { second: 2, third: 3, fourth: 4, fifth: 5 };

/**
 * The deprivation rank of a Fingertips category label: 1 for the most deprived decile or quintile, up to 10
 * (deciles) or 5 (quintiles) for the least deprived, so that it can be given to `sii` as the quantile.
 * Understands Fingertips' wordings ("Most deprived decile (IMD2019)", "Second most deprived decile",
 * "Third more deprived decile", "Fifth less deprived decile", "Second least deprived decile", "Least deprived
 * quintile", "Middle quintile"), plain ranks ("1 - most deprived", "10 - least deprived") and bare digits.
 * The bracketed edition, such as "(IMD2019)", is ignored.
 *
 * @returns the rank, or null when the label is not one of these forms (the caller says why it cannot rank)
 */
export function deprivationRank(label: string): number | null {
  const text = label
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  const numbered = /^([0-9]{1,2})(?:\s*[-–:]\s*(?:most|least) deprived)?$/.exec(text);
  if (numbered) {
    const n = Number(numbered[1]);
    return n >= 1 && n <= 10 ? n : null;
  }
  const unit = /\b(decile|quintile)$/.exec(text)?.[1];
  if (unit === undefined) return null;
  const size = unit === 'decile' ? 10 : 5;
  const words = text.slice(0, -unit.length).trim();
  if (words === 'most deprived') return 1;
  if (words === 'least deprived') return size;
  if (unit === 'quintile' && (words === 'middle' || words === 'third' || words === 'middle deprived'))
    return 3;
  const ordinal = /^(second|third|fourth|fifth) (most|more|less|least) deprived$/.exec(words);
  if (!ordinal) return null;
  const k = ordinals[ordinal[1]!]!;
  if (k > Math.ceil(size / 2)) return null;
  const fromMost = ordinal[2] === 'most' || ordinal[2] === 'more';
  return fromMost ? k : size + 1 - k;
}
