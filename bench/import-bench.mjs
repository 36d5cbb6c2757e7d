#!/usr/bin/env node
// Import throughput (issue 4): a generated Fingertips-format file of BENCH_IMPORT_ROWS rows (default
// 1,000,000) imported into PostgreSQL by `healthhub import fingertips`, timed as a whole process with its
// peak memory, beside COPY of the same rows into the same table (the floor). A throwaway PostgreSQL cluster
// is started on a loopback port (needs Debian's postgresql). Prints rows per second; asserts nothing.
import { spawn } from 'node:child_process';
import { closeSync, createWriteStream, fsyncSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { findPostgresBin, startCluster } from '../scripts/postgres-cluster.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
if (!findPostgresBin()) {
  console.log('import throughput: skipped, PostgreSQL is not installed (apt-get install -y postgresql)');
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'healthhub-import-bench-'));
const file = join(dir, 'fingertips.csv');
const header =
  'Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal';

/** Deterministic rows: indicators x areas x years, plausible rates with limits. */
async function writeFile() {
  const out = createWriteStream(file);
  const write = (text) => (out.write(text) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  await write(`${header}\n`);
  let s = 12345;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const areasPerIndicator = 2000;
  const years = 25;
  let written = 0;
  let chunk = '';
  for (let indicator = 1; written < rows; indicator++) {
    for (let a = 0; a < areasPerIndicator && written < rows; a++) {
      const code = a === 0 ? 'E92000001' : `E0${String(6000000 + a).padStart(7, '0')}`;
      for (let y = 0; y < years && written < rows; y++) {
        const value = 50 + next() * 100;
        const count = Math.round(value * 10);
        chunk += `${900000 + indicator},Benchmark indicator ${indicator},E92000001,England,${code},Area ${a},${a === 0 ? 'England' : 'County & UA'},Persons,All ages,,,${2000 + y},${value},${value * 0.9},${value * 1.1},${value * 0.85},${value * 1.15},${count},${count * 1000},,,,,${(2000 + y) * 10000},,\n`;
        written++;
        if (chunk.length > 1 << 20) {
          await write(chunk);
          chunk = '';
        }
      }
    }
  }
  await write(chunk);
  await new Promise((r) => out.end(r));
  // Written to disk before anything is timed: otherwise the system writes the file back during the import.
  const fd = openSync(file, 'r+');
  fsyncSync(fd);
  closeSync(fd);
}

/** Runs the CLI under /usr/bin/time for its peak memory when available. */
function runImport(url) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(
      '/usr/bin/time',
      ['-f', '%M', process.execPath, join(root, 'bin', 'healthhub.js'), 'import', 'fingertips', file],
      {
        env: { PATH: process.env.PATH, DATABASE_URL: url, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      if (code !== 0) return reject(new Error(`import failed: ${stderr}`));
      const kb = Number(stderr.trim().split('\n').pop());
      resolve({ ms, peakMb: Number.isFinite(kb) ? kb / 1024 : Number.NaN });
    });
  });
}

/**
 * COPY of the same rows into indicator_values: the floor. `table` is indicator_values itself, in a fresh
 * database of its own (with its indexes and foreign keys, the areas, indicators and load it refers to made
 * first, untimed), or a bare copy of it without indexes or keys, the lowest a row can cost.
 */
async function copyFloor(url, bare) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let table = 'indicator_values';
  let load = 1;
  if (bare) {
    table = 'copy_floor';
    await client.query('create table copy_floor (like indicator_values including defaults)');
  } else {
    await client.query(
      `insert into areas (code, name, area_type)
       select case when a = 0 then 'E92000001' else 'E0' || lpad((6000000 + a)::text, 7, '0') end, 'Area ' || a,
              case when a = 0 then 'england' else 'county-ua' end
         from generate_series(0, 1999) a on conflict (code) do nothing`,
    );
    await client.query(
      `insert into indicators (id, name, value_type) select 900000 + i, 'Benchmark indicator ' || i, 'score'
         from generate_series(1, ${Math.ceil(rows / 50000)}) i`,
    );
    const { rows: made } = await client.query(
      `insert into data_loads (kind, name, source, is_demo) values ('import', 'floor', 'bench', false) returning id`,
    );
    load = made[0].id;
  }
  const start = performance.now();
  const stream = client.query(
    copyFrom(
      `copy ${table} (indicator_id, area_code, period, period_sort, sex, age, value, lower95, upper95, lower998, upper998, count, denominator, load_id) from stdin with (format csv)`,
    ),
  );
  let s = 12345;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  let written = 0;
  let chunk = '';
  const write = (text) =>
    stream.write(text) ? Promise.resolve() : new Promise((r) => stream.once('drain', r));
  for (let indicator = 1; written < rows; indicator++) {
    for (let a = 0; a < 2000 && written < rows; a++) {
      const code = a === 0 ? 'E92000001' : `E0${String(6000000 + a).padStart(7, '0')}`;
      for (let y = 0; y < 25 && written < rows; y++) {
        const value = 50 + next() * 100;
        const count = Math.round(value * 10);
        chunk += `${900000 + indicator},${code},${2000 + y},${(2000 + y) * 10000},Persons,All ages,${value},${value * 0.9},${value * 1.1},${value * 0.85},${value * 1.15},${count},${count * 1000},${load}\n`;
        written++;
        if (chunk.length > 1 << 20) {
          await write(chunk);
          chunk = '';
        }
      }
    }
  }
  await write(chunk);
  await new Promise((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
    stream.end();
  });
  const ms = performance.now() - start;
  await client.end();
  return ms;
}

/** A new database on the cluster, migrated by `healthhub migrate`; its URL. */
async function migratedDatabase(serverUrl, name) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const migrate = spawn(process.execPath, [join(root, 'bin', 'healthhub.js'), 'migrate'], {
    env: { PATH: process.env.PATH, DATABASE_URL: url.toString() },
    stdio: 'ignore',
  });
  const code = await new Promise((r) => migrate.on('close', r));
  if (code !== 0) throw new Error(`healthhub migrate failed (${code})`);
  return url.toString();
}

const cluster = await startCluster();
try {
  // Each step loads a million rows, and autovacuum would then vacuum and analyse them while the next step is
  // timed, on the same cores. Off here: the import analyses what it loads itself.
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('alter system set autovacuum = off');
  await admin.query('select pg_reload_conf()');
  await admin.end();
  await writeFile();
  // The floor is timed before and after the import, each time in a fresh database, and the ratio taken to
  // their mean: the speed of a shared machine drifts by a quarter over a few minutes.
  const before = await copyFloor(await migratedDatabase(cluster.url, 'bench_floor_before'), false);
  const imported = await runImport(await migratedDatabase(cluster.url, 'bench_import'));
  const after = await copyFloor(await migratedDatabase(cluster.url, 'bench_floor_after'), false);
  const floor = (before + after) / 2;
  const bare = await copyFloor(await migratedDatabase(cluster.url, 'bench_bare'), true);
  const rate = (ms) => Math.round(rows / (ms / 1000)).toLocaleString('en-GB');
  const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`import fingertips, ${rows.toLocaleString('en-GB')} rows into PostgreSQL, whole process`);
  console.log(
    `  ${seconds(imported.ms)}, ${rate(imported.ms)} rows/s, peak memory ${imported.peakMb.toFixed(0)} MB (target under 300 MB)`,
  );
  console.log(
    `  COPY of the same rows into indicator_values (its indexes and keys), the floor: ${seconds(floor)}, ${rate(floor)} rows/s (mean of ${seconds(before)} before the import and ${seconds(after)} after)`,
  );
  console.log(`  ratio to the floor: ${(imported.ms / floor).toFixed(2)}x (target within 2x)`);
  console.log(
    `  COPY into a bare copy of the table (no indexes, no keys): ${seconds(bare)}, ${rate(bare)} rows/s; ratio ${(imported.ms / bare).toFixed(1)}x`,
  );
} finally {
  cluster.destroy();
  rmSync(dir, { recursive: true, force: true });
}
