import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from '../../src/app/create-app.js';
import { createTestDatabase } from '../support/test-database.js';

test('closing lets an in-flight request finish, refuses new ones, then the database closes', async () => {
  const t = await createTestDatabase('pglite');
  const app = await createApp(t.config, { database: t.database });
  let release: () => void = () => {};
  let entered: () => void = () => {};
  const inside = new Promise<void>((r) => {
    entered = r;
  });
  app.get('/test-only/slow', async () => {
    entered();
    await new Promise<void>((r) => {
      release = r;
    });
    return { done: true };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };

  const inFlight = fetch(`http://127.0.0.1:${port}/test-only/slow`);
  await inside;
  const closed = app.close().then(() => t.database.close());
  await new Promise((r) => setTimeout(r, 50));
  await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`));
  release();
  const res = await inFlight;
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { done: true });
  await closed;
  await assert.rejects(t.database.ping());
});
