import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPostgresBin, startCluster } from '../../scripts/postgres-cluster.mjs';
import { createApp } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config/config.js';
import { openDatabase } from '../../src/db/database.js';
import { loadDemo } from '../../src/demo/load-demo.js';

test('PostgreSQL going away: 503 page and unhealthy /healthz, then recovery by itself', async (t) => {
  if (!findPostgresBin()) {
    if (process.env.CI) throw new Error('PostgreSQL is not installed under CI');
    t.skip('PostgreSQL binaries not installed (apt-get install -y postgresql)');
    return;
  }
  const cluster = await startCluster();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: cluster.url, DATABASE_POOL_SIZE: '3' });
  const database = await openDatabase(config);
  const app = await createApp(config, { database });
  try {
    await database.migrate();
    await loadDemo(database.db);
    assert.equal((await app.inject('/')).statusCode, 200);
    assert.equal((await app.inject('/healthz')).statusCode, 200);

    cluster.stop();
    const page = await app.inject('/');
    assert.equal(page.statusCode, 503);
    assert.match(page.body, /Sorry, the service is unavailable/);
    const health = await app.inject('/healthz');
    assert.equal(health.statusCode, 503);
    assert.equal(health.json().database.status, 'unavailable');

    cluster.start();
    // The pool drops broken connections and opens new ones; give it a few attempts, no fixed sleep.
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      status = (await app.inject('/healthz')).statusCode;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(status, 200);
    const again = await app.inject('/');
    assert.equal(again.statusCode, 200);
    assert.match(again.body, /London Health Hub/);
  } finally {
    await app.close();
    await database.close();
    cluster.destroy();
  }
});
