#!/usr/bin/env node
// Benchmarks of @healthhub/stats, run with `npm run bench` (needs `npm run build` first).
//  1. `healthhub calc dsr` on 10,000 groups x 19 bands with both confidence levels, CSV in and CSV out,
//     timed as a whole process, against the R figure measured on these machines (5.3 s for an Rscript that
//     reads the CSV, runs phe_dsr and writes the CSV).
//  2. dsr() in memory on 1,000,000 groups x 19 bands.
// Prints groups per second. Timings are wall-clock medians; nothing here asserts a time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dsr, esp2013 } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..', '..');
const benchmarkDir = resolve(repo, '..', 'shared', 'validation', 'phe-indicator-methods', 'benchmark');
const R_WHOLE_PROCESS_SECONDS = 5.3;
const R_PHE_DSR_SECONDS = 4.6;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n, d = 1) => n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });

function benchCalcProcess() {
  const input = join(benchmarkDir, 'dsr_10000_areas_x_19_bands_input.csv');
  if (!existsSync(input)) {
    if (process.env.CI) throw new Error(`benchmark input missing under CI: ${input}`);
    console.log(
      'calc dsr (whole process): skipped, ../shared/validation/phe-indicator-methods/benchmark is absent',
    );
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'healthhub-bench-'));
  const output = join(dir, 'out.csv');
  const args = [
    join(repo, 'bin', 'healthhub.js'),
    'calc',
    'dsr',
    '--input',
    input,
    '--output',
    output,
    '--group-by',
    'area',
    '--x',
    'count',
    '--n',
    'pop',
    '--stdpop',
    'stdpop',
    '--confidence',
    '0.95,0.998',
  ];
  const runs = Number(process.env.BENCH_RUNS ?? 15);
  const timeRuns = (command, env) => {
    const times = [];
    for (let i = 0; i <= runs; i++) {
      const start = performance.now();
      const result = spawnSync(process.execPath, command, { encoding: 'utf8', env });
      const ms = performance.now() - start;
      if (result.status !== 0) throw new Error(`healthhub calc failed: ${result.stderr}`);
      if (i > 0) times.push(ms); // the first run warms the file cache
    }
    return median(times);
  };
  // A plain environment, as on a machine without extra certificates; see below for this machine's own.
  const plain = { PATH: process.env.PATH ?? '' };
  const m = timeRuns(args, plain);
  const nodeAlone = timeRuns(['-e', '0'], plain);
  const check = compareWithR(
    readFileSync(output, 'utf8'),
    readFileSync(join(benchmarkDir, 'dsr_10000_areas_phe_dsr_conf95_998_r_output.csv'), 'utf8'),
  );
  console.log('calc dsr, 10,000 groups x 19 bands, 95% and 99.8% limits, CSV in and out, whole process');
  console.log(
    `  median ${fmt(m)} ms over ${runs} runs (node itself starts in ${fmt(nodeAlone)} ms); ${fmt(10_000 / (m / 1000), 0)} groups/s`,
  );
  console.log(
    `  R (Rscript + phe_dsr): ${R_WHOLE_PROCESS_SECONDS} s -> ${fmt((R_WHOLE_PROCESS_SECONDS * 1000) / m)}x faster (target 50x)`,
  );
  if (process.env.NODE_EXTRA_CA_CERTS) {
    // Node reads and parses every extra CA certificate at start-up, before any of our code runs.
    const withCerts = timeRuns(args, process.env);
    const nodeWithCerts = timeRuns(['-e', '0'], process.env);
    console.log(
      `  with this environment's NODE_EXTRA_CA_CERTS: median ${fmt(withCerts)} ms (node itself ${fmt(nodeWithCerts)} ms) -> ${fmt((R_WHOLE_PROCESS_SECONDS * 1000) / withCerts)}x`,
    );
  }
  console.log(
    `  agreement with R's output: ${check.rows} rows, max relative difference ${check.maxRel.toExponential(2)}`,
  );
  rmSync(dir, { recursive: true, force: true });
}

/** Largest relative difference between our CSV and R's over the numeric columns, matched by area. */
function compareWithR(ours, theirs) {
  const parse = (text) => {
    const [head, ...lines] = text.trim().split('\n');
    const header = head.split(',').map((h) => h.replaceAll('"', ''));
    return lines.map((line) =>
      Object.fromEntries(
        line
          .match(/("[^"]*"|[^,]*)(,|$)/g)
          .map((f, j) => [header[j], f.replace(/,$/, '').replaceAll('"', '')]),
      ),
    );
  };
  const r = new Map(parse(theirs).map((row) => [row.area, row]));
  let maxRel = 0;
  let rows = 0;
  for (const row of parse(ours)) {
    const expected = r.get(row.area);
    rows++;
    for (const c of [
      'total_count',
      'total_pop',
      'value',
      'lower95_0cl',
      'upper95_0cl',
      'lower99_8cl',
      'upper99_8cl',
    ]) {
      const a = Number(row[c]);
      const b = Number(expected[c]);
      if (row[c] === '' && expected[c] === 'NA') continue;
      maxRel = Math.max(maxRel, Math.abs(a - b) / Math.max(Math.abs(b), 1e-300));
    }
  }
  return { rows, maxRel };
}

function benchInMemory() {
  const groups = Number(process.env.BENCH_GROUPS ?? 1_000_000);
  const bands = esp2013.length;
  const x = new Float64Array(groups * bands);
  const n = new Float64Array(groups * bands);
  // Deterministic synthetic data (xorshift32): populations 1,000-10,000 per band, counts up to 1% of them.
  let s = 20240601;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  for (let i = 0; i < x.length; i++) {
    n[i] = 1000 + Math.floor(next() * 9000);
    x[i] = Math.floor(next() * n[i] * 0.01);
  }
  const options = { confidence: [0.95, 0.998] };
  const times = [];
  let checksum = 0;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    for (let g = 0; g < groups; g++) {
      const from = g * bands;
      const result = dsr(x.subarray(from, from + bands), n.subarray(from, from + bands), esp2013, options);
      checksum += result.value;
    }
    times.push(performance.now() - start);
  }
  const m = median(times);
  console.log(`dsr() in memory, ${fmt(groups, 0)} groups x ${bands} bands, 95% and 99.8% limits`);
  console.log(
    `  median ${fmt(m)} ms over 5 runs (target under 1,000 ms); ${fmt(groups / (m / 1000), 0)} groups/s`,
  );
  console.log(
    `  R's phe_dsr: ${R_PHE_DSR_SECONDS} s for 10,000 groups = ${fmt(10_000 / R_PHE_DSR_SECONDS, 0)} groups/s (checksum ${checksum.toExponential(6)})`,
  );
}

benchCalcProcess();
benchInMemory();
