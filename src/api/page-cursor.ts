import type { z } from 'zod';
import { ApiParameterError } from './api-parameter-error.js';

/**
 * The opaque `cursor` of the API's lists: the last key of a page as base64url JSON. Clients pass it back
 * unchanged; its shape may change between versions, so documentation calls it opaque.
 */
export const pageCursor = Object.freeze({
  /** The cursor that continues after `key`. */
  encode(key: unknown): string {
    return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
  },

  /** The key in `cursor`, checked against `schema`; a cursor this API did not give is a 400 naming `cursor`. */
  decode<T>(cursor: string, schema: z.ZodType<T>): T {
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      throw invalid();
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw invalid();
    return parsed.data;
  },
});

function invalid(): ApiParameterError {
  return new ApiParameterError(
    'INVALID_PARAMETER',
    'cursor',
    'cursor is not a cursor this API gave: pass links.next of the previous page as it is',
  );
}
