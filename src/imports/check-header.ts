import { ImportError } from './import-error.js';

/** One column an importer reads: the key its rows use, and how files name it. */
export interface HeaderColumn<K extends string = string> {
  readonly key: K;
  /** The name files give it; matched ignoring case, surrounding spaces and repeated spaces. */
  readonly name: string;
  /** Other names files give it (e.g. Fingertips' "Compared to <parent type> value or percentiles"). */
  readonly pattern?: RegExp;
  /** Files may leave the column out; its values then read as ''. */
  readonly optional?: boolean;
}

/** Where each column is in a file's records, found by checkHeader. */
export interface HeaderMatch<K extends string = string> {
  /** The index of each column in a record; -1 for an optional column the file does not have. */
  readonly index: Readonly<Record<K, number>>;
  /** The file's own name of each column (the spec's name when absent), for the reasons of rejected rows. */
  readonly names: Readonly<Record<K, string>>;
  /** How many fields the header has. */
  readonly width: number;
  /** The columns' keys, in the importer's order. */
  readonly keys: readonly K[];
}

const normalise = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Matches a file's header against the columns an importer reads. Column order does not matter. Throws
 * ImportError IMPORT_BAD_HEADER (line 1) naming every missing, unexpected and repeated column: a file with
 * columns the importer does not know is a different format, not one to guess at.
 */
export function checkHeader<K extends string>(
  header: readonly string[],
  columns: readonly HeaderColumn<K>[],
): HeaderMatch<K> {
  const index = {} as Record<K, number>;
  const names = {} as Record<K, string>;
  const claimed = new Array<boolean>(header.length).fill(false);
  const missing: string[] = [];
  const repeated: string[] = [];
  for (const column of columns) {
    const wanted = normalise(column.name);
    const found: number[] = [];
    header.forEach((name, i) => {
      const n = normalise(name);
      if (n === wanted || column.pattern?.test(n)) found.push(i);
    });
    const free = found.filter((i) => !claimed[i]);
    if (free.length === 0) {
      if (!column.optional) missing.push(column.name);
      index[column.key] = -1;
      names[column.key] = column.name;
      continue;
    }
    if (free.length > 1) repeated.push(header[free[1]!]!.trim());
    claimed[free[0]!] = true;
    index[column.key] = free[0]!;
    names[column.key] = header[free[0]!]!.trim();
  }
  const unexpected = header.filter((_, i) => !claimed[i]).map((n) => n.trim());
  const unexpectedNotRepeats = unexpected.filter((n) => !repeated.includes(n));
  if (missing.length > 0 || unexpectedNotRepeats.length > 0 || repeated.length > 0) {
    const parts: string[] = [];
    const list = (xs: string[]) => xs.map((x) => `"${x}"`).join(', ');
    if (missing.length > 0) parts.push(`missing ${list(missing)}`);
    if (unexpectedNotRepeats.length > 0) parts.push(`unexpected ${list(unexpectedNotRepeats)}`);
    if (repeated.length > 0) parts.push(`repeated ${list(repeated)}`);
    throw new ImportError('IMPORT_BAD_HEADER', `the header does not match the format: ${parts.join('; ')}`, {
      line: 1,
    });
  }
  return { index, names, width: header.length, keys: columns.map((c) => c.key) };
}

/** A record's fields by column key ('' for an optional column the file does not have). */
export function fieldsByKey<K extends string>(
  fields: readonly string[],
  match: HeaderMatch<K>,
): Record<K, string> {
  let build = builders.get(match) as ((fields: readonly string[]) => Record<K, string>) | undefined;
  if (!build) {
    build = recordBuilder(match);
    builders.set(match, build);
  }
  return build(fields);
}

const builders = new WeakMap<HeaderMatch, (fields: readonly string[]) => Record<string, string>>();

/**
 * A function that makes one record's object with a single object literal, compiled once per header: every
 * object then has the same shape from birth, where adding the keys one by one made each row's object a
 * dictionary (a tenth of the import's reading time over a million rows). Keys and indexes are the
 * importer's and the header's, written as JSON literals, never the file's text.
 */
function recordBuilder<K extends string>(
  match: HeaderMatch<K>,
): (fields: readonly string[]) => Record<K, string> {
  const entries = match.keys.map((key) => {
    const i = match.index[key];
    return `${JSON.stringify(key)}: ${i < 0 ? "''" : `f[${JSON.stringify(i)}] ?? ''`}`;
  });
  return new Function('f', `return { ${entries.join(', ')} };`) as (
    fields: readonly string[],
  ) => Record<K, string>;
}
