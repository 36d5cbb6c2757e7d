import { z } from 'zod';

/**
 * zod schemas for the text cells of a CSV record, with the reasons a rejected row's report gives. Spaces
 * around a cell are ignored everywhere; an empty cell is '' (text) or null (optional values). Each is made
 * by `cell` from a plain reading function, kept on the schema as `read`, so that createRowValidator can
 * read a valid record without zod's per-cell overhead and leave the reasons to zod.
 */

/** Why a cell's text cannot be read, as a rejected row's report gives it. */
export class CellIssue {
  constructor(readonly message: string) {}
}

/** Reads a cell's text into its value, or says why it cannot. */
export type CellReader<T> = (text: string) => T | CellIssue;

/** A zod schema of one cell's text, with the plain function it is made from. */
export type Cell<T> = z.ZodType<T, string> & { readonly read: CellReader<T> };

/** The zod schema of a cell read by `read`: the value, or a custom issue with the CellIssue's message. */
export function cell<T>(read: CellReader<T>): Cell<T> {
  const schema = z.string().transform((value, ctx) => {
    const result = read(value);
    if (result instanceof CellIssue) {
      ctx.addIssue({ code: 'custom', message: result.message });
      return z.NEVER;
    }
    return result;
  });
  return Object.assign(schema, { read }) as unknown as Cell<T>;
}

/** A cell read by `first`, its value then checked or changed by `next`. */
export function refineCell<A, B>(first: Cell<A>, next: (value: A) => B | CellIssue): Cell<B> {
  return cell((text) => {
    const value = first.read(text);
    return value instanceof CellIssue ? value : next(value);
  });
}

const decimal = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A cell's text for a reason: on one line, and cut short when long. */
const quote = (value: string) => {
  const text = value.replace(/\s+/g, ' ');
  return `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`;
};

/** Trimmed, runs of spaces and line breaks made one space. */
const clean = (value: string) => {
  const text = value.trim();
  return /\s\s|[\t\n\r\f\v]/.test(text) ? text.replace(/\s+/g, ' ') : text;
};

/** Text, trimmed, runs of spaces and line breaks made one space; may be ''. */
export const textCell = () => cell(clean);

/** Text that must not be empty. */
export const requiredTextCell = () =>
  cell((value) => {
    const text = clean(value);
    return text === '' ? new CellIssue('is empty') : text;
  });

/** Text, or null when empty. */
export const optionalTextCell = () =>
  cell((value) => {
    const text = clean(value);
    return text === '' ? null : text;
  });

/**
 * A decimal number, or null when empty (or one of `missing`, e.g. ['NA', '..'] for formats that mark missing
 * values so). Hex, thousands separators, NaN and infinities are refused.
 */
export const optionalNumberCell = (options: { missing?: readonly string[] } = {}) =>
  cell((value) => {
    const text = value.trim();
    if (text === '' || options.missing?.includes(text)) return null;
    const n = decimal.test(text) ? Number(text) : Number.NaN;
    return Number.isFinite(n) ? n : new CellIssue(`${quote(text)} is not a number`);
  });

/** A whole number between min and max (inclusive; default the range of a PostgreSQL integer). */
export const integerCell = (options: { min?: number; max?: number } = {}) =>
  cell((value) => {
    const text = value.trim();
    const min = options.min ?? -2147483648;
    const max = options.max ?? 2147483647;
    if (text === '') return new CellIssue('is empty');
    const n = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      return new CellIssue(
        Number.isSafeInteger(n)
          ? `${quote(text)} is out of range (${min} to ${max})`
          : `${quote(text)} is not a whole number`,
      );
    }
    return n;
  });

/** An ONS GSS area code such as E09000001 (a letter and eight digits). */
export const gssCodeCell = () =>
  cell((value) => {
    const text = value.trim().toUpperCase();
    if (/^[EWSNK][0-9]{8}$/.test(text)) return text;
    return new CellIssue(
      text === '' ? 'is empty' : `${quote(value.trim())} is not an ONS area code (such as E09000001)`,
    );
  });
