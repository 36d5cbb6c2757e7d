#!/usr/bin/env node
// Evidence pages and API under load (issue 5): `healthhub serve` on a throwaway PostgreSQL cluster with the
// demonstration data, on loopback. Each target is run with autocannon (100 connections), beside the floor:
// the same bytes served as a static file by the same server. Prints requests per second, p50 and p99
// latency, the ratio to the floor and the page's size; asserts nothing (targets: at least half the floor's
// throughput, p99 under 50 ms, HTML under 150 KB). BENCH_HTTP_SECONDS sets each run's length (default 10).
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { findPostgresBin, freePort, startCluster } from '../scripts/postgres-cluster.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const targets = [
  { name: 'borough profile page (Hackney)', path: '/areas/E09000012' },
  {
    name: 'values API (one indicator, London boroughs)',
    path: '/api/v1/values?indicator=990003&parent=E12000007&limit=1000',
  },
];
if (!findPostgresBin()) {
  console.log('http: skipped, PostgreSQL is not installed (apt-get install -y postgresql)');
  process.exit(0);
}

function startServer(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'healthhub.js'), 'serve'], {
      env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (d) => {
      output += d;
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`healthhub serve exited (${code}): ${output}`)));
    resolve(child);
  });
}

async function waitFor(url, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

function run(url) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 100, duration: seconds, pipelining: 1 }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

const cluster = await startCluster();
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = await startServer({ DATABASE_URL: cluster.url, HOST: '127.0.0.1', PORT: String(port) });
const floorFiles = [];
try {
  await waitFor(`${base}/healthz`);
  const publicAssets = join(root, 'dist', 'public');
  console.log(`http: ${seconds} s per run, 100 connections, loopback, PostgreSQL, demonstration data`);
  for (const [i, target] of targets.entries()) {
    const res = await fetch(base + target.path);
    if (!res.ok) throw new Error(`${target.path}: ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    const extension = (res.headers.get('content-type') ?? '').includes('json') ? 'json' : 'html';
    const floorName = `bench-floor-${i}.${extension}`;
    const floorPath = join(publicAssets, floorName);
    writeFileSync(floorPath, body);
    floorFiles.push(floorPath);
    await run(base + target.path); // warm-up
    const measured = await run(base + target.path);
    const floor = await run(`${base}/assets/${floorName}`);
    const line = (r) =>
      `${Math.round(r.requests.average).toLocaleString('en-GB')} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms` +
      (r.non2xx ? `, ${r.non2xx} non-2xx` : '') +
      (r.errors ? `, ${r.errors} errors` : '');
    console.log(`${target.name}: GET ${target.path}`);
    console.log(
      `  ${(body.length / 1024).toFixed(1)} KB${extension === 'html' ? ' (target under 150 KB)' : ''}`,
    );
    console.log(`  served:      ${line(measured)}`);
    console.log(`  static floor: ${line(floor)}`);
    console.log(
      `  ratio to the floor: ${(measured.requests.average / floor.requests.average).toFixed(2)} (target at least 0.5); p99 target under 50 ms`,
    );
  }
} finally {
  for (const f of floorFiles) rmSync(f, { force: true });
  server.removeAllListeners('exit');
  server.kill('SIGTERM');
  cluster.destroy();
}
