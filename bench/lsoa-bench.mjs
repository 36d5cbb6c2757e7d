#!/usr/bin/env node
// LSOA scale (issue 4): the 34,753 LSOA populations and IMD 2019 load, and deprivation-decile aggregates for
// all England compute. Real open data from ../shared (beside the repository), loaded into a throwaway
// PostgreSQL cluster by the `healthhub` commands a user would run, each timed as a whole process with its
// peak memory. Asserts no timing; it does check that the deciles add up to the file's England total, and
// exits 1 when they do not.
//
// BENCH_LSOA_SYA=1   import the 91 single years of age of every LSOA (3.2 M rows) instead of its total
// BENCH_LSOA_AREA    the area of the second aggregate (default E54000029, NHS North East London ICB)
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { findPostgresBin, startCluster } from '../scripts/postgres-cluster.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared', 'data');
const inputs = {
  populations: join('lsoa_benchmark', 'ons_mye2020_lsoa11_sya_persons.csv'),
  lookup: join('lookups', 'lsoa11_subicb22_icb22_ltla22_england.csv'),
  imd: join('deprivation', 'imd2019_england_lsoa11.csv'),
};
const singleYears = process.env.BENCH_LSOA_SYA === '1';
// London (E12000007) is reached only through the built-in borough -> London memberships, which `serve` and
// `demo` add and the import commands do not; an ICB is reached through the lookup alone.
const area = (process.env.BENCH_LSOA_AREA ?? 'E54000029').toUpperCase();
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function skip(reason) {
  console.log(`LSOA scale: skipped, ${reason}`);
  process.exit(0);
}
if (!findPostgresBin()) skip('PostgreSQL is not installed (apt-get install -y postgresql)');
for (const file of Object.values(inputs)) {
  if (!existsSync(join(shared, file)))
    skip(`needs ../shared/data/${file} beside the repository (absent here)`);
}

const dir = mkdtempSync(join(tmpdir(), 'healthhub-lsoa-bench-'));
let cluster;
let running;
let cleaned = false;
function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  // The step runs in a process group of its own (under /usr/bin/time): end the healthhub process too.
  if (running) process.kill(-running.pid, 'SIGKILL');
  cluster?.destroy();
  rmSync(dir, { recursive: true, force: true });
}
for (const [signal, status] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.on(signal, () => {
    cleanUp();
    process.exit(status);
  });
}

/** The wide CSV's quoted name and code, then numbers: the fields of one line. */
function wideFields(line) {
  const m = /^"((?:[^"]|"")*)","([^"]*)",(.*)$/.exec(line);
  if (!m) throw new Error(`unexpected line in ${inputs.populations}: ${line.slice(0, 80)}`);
  return { name: m[1].replaceAll('""', '"'), code: m[2], numbers: m[3].split(',') };
}

const csvText = (text) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/**
 * The wide file reshaped long, as `import population` reads it: each LSOA's total ("All ages"), and with
 * BENCH_LSOA_SYA=1 its single years beside it (then the total is checked against them, not stored).
 * Returns the rows written and each LSOA's total.
 */
async function writeLongPopulations(file) {
  const out = createWriteStream(file);
  const write = (text) => (out.write(text) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  const totals = new Map();
  let ages;
  let rows = 0;
  let chunk = 'area_code,area_name,sex,age,population\n';
  for await (const line of createInterface({ input: createReadStream(join(shared, inputs.populations)) })) {
    if (ages === undefined) {
      ages = line
        .split(',')
        .slice(3)
        .map((a) => a.replaceAll('"', ''));
      continue;
    }
    if (line === '') continue;
    const { name, code, numbers } = wideFields(line);
    const prefix = `${code},${csvText(name)},Persons,`;
    totals.set(code, Number(numbers[0]));
    chunk += `${prefix}All ages,${numbers[0]}\n`;
    rows++;
    if (singleYears) {
      for (let i = 0; i < ages.length; i++) chunk += `${prefix}${ages[i]},${numbers[i + 1]}\n`;
      rows += ages.length;
    }
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise((r) => out.end(r));
  return { rows, totals };
}

/** The LSOAs the lookup puts in an area (as sub-ICB, ICB or district), for checking the area's aggregate. */
async function lookupLsoas(code) {
  const found = new Set();
  const records = createReadStream(join(shared, inputs.lookup)).pipe(parse({ columns: true }));
  for await (const r of records) {
    if (r.sicbl22_code === code || r.icb22_code === code || r.ltla22_code === code) found.add(r.lsoa11_code);
  }
  return found;
}

/** Runs `healthhub ARGS` against the cluster as a whole process, with its peak RSS when /usr/bin/time is here. */
function healthhub(args) {
  return new Promise((resolve, reject) => {
    const cli = [process.execPath, join(root, 'bin', 'healthhub.js'), ...args];
    const start = performance.now();
    const child = spawn(time ?? cli[0], time ? ['-f', '%M', ...cli] : cli.slice(1), {
      env: { PATH: process.env.PATH, DATABASE_URL: cluster.url, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    running = child;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      running = undefined;
      const seconds = (performance.now() - start) / 1000;
      const lines = stderr.trim().split('\n');
      const kb = time ? Number(lines.pop()) : Number.NaN;
      if (code !== 0)
        return reject(new Error(`healthhub ${args.join(' ')} exited ${code}: ${lines.join('\n')}`));
      resolve({ stdout, seconds, peakMb: kb / 1024 });
    });
  });
}

const number = (n) => n.toLocaleString('en-GB');
const steps = [];
function report(label, rows, unit, run) {
  steps.push(run.seconds);
  const memory = Number.isFinite(run.peakMb)
    ? `peak ${run.peakMb.toFixed(0)} MB`
    : 'peak memory not measured';
  console.log(
    `  ${label.padEnd(48)}${number(rows).padStart(10)} ${unit.padEnd(5)}${run.seconds.toFixed(1).padStart(7)} s   ${memory}`,
  );
}
const rowsRead = (run) => Number(/ (\d+) rows read/.exec(run.stdout)?.[1] ?? Number.NaN);

let failed = false;
try {
  const file = join(dir, 'lsoa-populations-2020.csv');
  const started = performance.now();
  const written = await writeLongPopulations(file);
  const reshaping = (performance.now() - started) / 1000;
  cluster = await startCluster();
  await healthhub(['migrate']);

  console.log(
    `LSOA scale, PostgreSQL, each step a whole healthhub process (long population file written in ${reshaping.toFixed(1)} s, not counted)`,
  );
  const population = await healthhub(['import', 'population', file, '--year', '2020']);
  report(
    `import population (${singleYears ? 'all ages and single years' : 'all ages'})`,
    rowsRead(population),
    'rows',
    population,
  );
  const areas = await healthhub(['import', 'areas', join(shared, inputs.lookup)]);
  report('import areas (LSOA 2011 lookup)', rowsRead(areas), 'rows', areas);
  const imd = await healthhub(['import', 'deprivation', join(shared, inputs.imd)]);
  report('import deprivation (IMD 2019, LSOA 2011)', rowsRead(imd), 'rows', imd);
  const deciles = ['deprivation-deciles', '--edition', 'IMD2019', '--year', '2020'];
  const england = await healthhub([...deciles, '--format', 'json']);
  const all = JSON.parse(england.stdout);
  report('deprivation-deciles, all England', all.lsoas, 'LSOAs', england);
  const inArea = await healthhub([...deciles, '--area', area, '--format', 'json']);
  const some = JSON.parse(inArea.stdout);
  report(`deprivation-deciles --area ${area}`, some.lsoas, 'LSOAs', inArea);
  const total = steps.reduce((sum, s) => sum + s, 0);
  console.log(`  ${'total'.padEnd(64)}${total.toFixed(1).padStart(7)} s`);

  console.log('\n  IMD 2019 deciles of all England (1 = most deprived), persons, mid-2020');
  for (const d of all.deciles) {
    console.log(
      `  ${String(d.decile).padStart(8)}  ${number(d.lsoas).padStart(6)} LSOAs  ${number(d.population).padStart(10)}  ${(d.share * 100).toFixed(1).padStart(5)}%`,
    );
  }

  // England's total is the file's English LSOAs (E01); its Welsh ones (W01) have no English decile.
  let englandTotal = 0;
  for (const [code, n] of written.totals) if (code.startsWith('E01')) englandTotal += n;
  const inside = await lookupLsoas(area);
  let areaTotal = 0;
  for (const code of inside) areaTotal += written.totals.get(code) ?? 0;
  const checks = [
    ['rows import population read', rowsRead(population), 'rows written', written.rows],
    ["population of all England's deciles", all.population, "the file's English LSOAs", englandTotal],
    [`population of ${area}'s deciles`, some.population, "the file's LSOAs in the lookup's area", areaTotal],
  ];
  for (const [what, got, source, expected] of checks) {
    const ok = got === expected;
    failed ||= !ok;
    console.log(
      `  check: ${what} ${number(got)} ${ok ? '=' : '!='} ${source} ${number(expected)}${ok ? '' : '  FAILED'}`,
    );
  }
} catch (error) {
  console.error(`LSOA scale: ${error.message}`);
  failed = true;
} finally {
  cleanUp();
}
process.exit(failed ? 1 : 0);
