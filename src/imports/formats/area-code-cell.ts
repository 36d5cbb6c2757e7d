import { CellIssue, cell } from '../csv-fields.js';

/** A kind of ONS GSS code: the prefixes it has, and how a reason names it. */
export interface AreaCodeKind {
  /** Matches the whole code, e.g. /^[EW]01[0-9]{6}$/ for LSOAs. */
  readonly pattern: RegExp;
  /** E.g. 'an LSOA code (E01 or W01)'. */
  readonly description: string;
}

const quote = (value: string) => `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;

/**
 * An ONS GSS code of one kind (upper-cased, trimmed): an LSOA code in an LSOA column, an ICB code in an ICB
 * column, so that a shifted column or a code in the wrong place is a rejected row, not a wrong area.
 */
export const areaCodeCell = (kind: AreaCodeKind) =>
  cell((value) => {
    const text = value.trim().toUpperCase();
    if (kind.pattern.test(text)) return text;
    return new CellIssue(text === '' ? 'is empty' : `${quote(value.trim())} is not ${kind.description}`);
  });

/** The kinds of code the importers read. */
export const areaCodeKinds = {
  lsoaEngland: { pattern: /^E01[0-9]{6}$/, description: 'an LSOA code in England (E01)' },
  lsoa: { pattern: /^[EW]01[0-9]{6}$/, description: 'an LSOA code (E01 or W01)' },
  ward: { pattern: /^[EW]05[0-9]{6}$/, description: 'an electoral ward code (E05 or W05)' },
  localAuthorityEngland: {
    pattern: /^E0[6-9][0-9]{6}$/,
    description: 'a local authority district code (E06, E07, E08 or E09)',
  },
  localAuthority: {
    pattern: /^(E0[6-9]|W06)[0-9]{6}$/,
    description: 'a local authority district code (E06, E07, E08, E09 or W06)',
  },
  subIcb: { pattern: /^E38[0-9]{6}$/, description: 'a sub-ICB location code (E38)' },
  icb: { pattern: /^E54[0-9]{6}$/, description: 'an ICB code (E54)' },
} as const satisfies Record<string, AreaCodeKind>;
