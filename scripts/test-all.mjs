#!/usr/bin/env node
// The whole test suite after lint, typecheck and build: unit, integration and browser tests of the
// application and of @healthhub/stats. Integration tests run against PGlite always, and against PostgreSQL
// too: TEST_DATABASE_URL when set, otherwise a throwaway cluster started here when PostgreSQL is installed.
import { spawnSync } from 'node:child_process';
import { findPostgresBin, startCluster } from './postgres-cluster.mjs';

let cluster;
const env = { ...process.env };
if (!env.TEST_DATABASE_URL && findPostgresBin()) {
  cluster = await startCluster();
  env.TEST_DATABASE_URL = cluster.url;
  console.log(`# PostgreSQL: throwaway cluster on 127.0.0.1:${cluster.port}`);
} else if (!env.TEST_DATABASE_URL) {
  console.log('# PostgreSQL: not installed; database tests run on PGlite only');
}
let status = 1;
try {
  const result = spawnSync(process.execPath, ['scripts/run-tests.mjs', 'test', 'packages/stats/test'], {
    stdio: 'inherit',
    env,
  });
  status = result.status ?? 1;
} finally {
  cluster?.destroy();
}
process.exit(status);
