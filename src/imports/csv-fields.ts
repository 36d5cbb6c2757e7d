import { z } from 'zod';

/**
 * zod schemas for the text cells of a CSV record, with the reasons a rejected row's report gives. Spaces
 * around a cell are ignored everywhere; an empty cell is '' (text) or null (optional values).
 */

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
export const textCell = () => z.string().transform(clean);

/** Text that must not be empty. */
export const requiredTextCell = () =>
  z.string().transform((value, ctx) => {
    const text = clean(value);
    if (text === '') {
      ctx.addIssue({ code: 'custom', message: 'is empty' });
      return z.NEVER;
    }
    return text;
  });

/** Text, or null when empty. */
export const optionalTextCell = () =>
  z.string().transform((value) => {
    const text = clean(value);
    return text === '' ? null : text;
  });

/**
 * A decimal number, or null when empty (or one of `missing`, e.g. ['NA', '..'] for formats that mark missing
 * values so). Hex, thousands separators, NaN and infinities are refused.
 */
export const optionalNumberCell = (options: { missing?: readonly string[] } = {}) =>
  z.string().transform((value, ctx) => {
    const text = value.trim();
    if (text === '' || options.missing?.includes(text)) return null;
    const n = decimal.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `${quote(text)} is not a number` });
      return z.NEVER;
    }
    return n;
  });

/** A whole number between min and max (inclusive; default the range of a PostgreSQL integer). */
export const integerCell = (options: { min?: number; max?: number } = {}) =>
  z.string().transform((value, ctx) => {
    const text = value.trim();
    const min = options.min ?? -2147483648;
    const max = options.max ?? 2147483647;
    if (text === '') {
      ctx.addIssue({ code: 'custom', message: 'is empty' });
      return z.NEVER;
    }
    const n = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      ctx.addIssue({
        code: 'custom',
        message: Number.isSafeInteger(n)
          ? `${quote(text)} is out of range (${min} to ${max})`
          : `${quote(text)} is not a whole number`,
      });
      return z.NEVER;
    }
    return n;
  });

/** An ONS GSS area code such as E09000001 (a letter and eight digits). */
export const gssCodeCell = () =>
  z.string().transform((value, ctx) => {
    const text = value.trim().toUpperCase();
    if (!/^[EWSNK][0-9]{8}$/.test(text)) {
      ctx.addIssue({
        code: 'custom',
        message:
          text === '' ? 'is empty' : `${quote(value.trim())} is not an ONS area code (such as E09000001)`,
      });
      return z.NEVER;
    }
    return text;
  });
