import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isConnectionError } from '../../src/db/is-connection-error.js';

test('connection failures are recognised through wrapping causes', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  assert.ok(isConnectionError(refused));
  assert.ok(isConnectionError(new Error('Failed query: select 1', { cause: refused })));
  assert.ok(
    isConnectionError(
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ),
  );
  assert.ok(isConnectionError(new Error('Connection terminated unexpectedly')));
  assert.ok(isConnectionError(new AggregateError([refused])));
});

test('query errors are not connection failures', () => {
  assert.ok(!isConnectionError(Object.assign(new Error('relation "x" does not exist'), { code: '42P01' })));
  assert.ok(!isConnectionError(Object.assign(new Error('duplicate key'), { code: '23505' })));
  assert.ok(!isConnectionError(new Error('boom')));
  assert.ok(!isConnectionError(undefined));
});
