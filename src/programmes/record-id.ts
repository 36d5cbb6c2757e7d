import { PageNotFoundError } from '../app/page-not-found-error.js';

/** A record's id from a path: a positive serial, or the page is not found (not a 400: the URL names nothing). */
export function recordId(value: unknown): number {
  const text = typeof value === 'string' ? value : '';
  if (!/^[1-9]\d{0,9}$/.test(text) || Number(text) > 2_147_483_647)
    throw new PageNotFoundError('no such record');
  return Number(text);
}
