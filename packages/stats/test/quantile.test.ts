import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sharedPath } from '../../../test/support/shared-data.js';
import { quantile, quantileInvertedLabel, StatsInputError } from '../src/index.js';
import { type CsvRecord, num, readCsv } from './support/read-csv.js';

const TOO_FEW = 'One or more groups had too few small areas to allow quantiles to be assigned';

/** Runs `quantile` once per group (keys in first-seen order) and writes results back in input order. */
function byGroup(
  records: CsvRecord[],
  keyOf: (r: CsvRecord) => string,
  options: { nquantiles: number; invert?: (r: CsvRecord) => boolean; onWarning?: (m: string) => void },
): number[] {
  const groups = new Map<string, number[]>();
  records.forEach((r, i) => {
    const list = groups.get(keyOf(r)) ?? [];
    list.push(i);
    groups.set(keyOf(r), list);
  });
  const out = new Array<number>(records.length).fill(Number.NaN);
  for (const idx of groups.values()) {
    const rows = idx.map((i) => records[i] as CsvRecord);
    const invert = options.invert;
    const q = quantile(
      rows.map((r) => num(r['Value'])),
      {
        nquantiles: options.nquantiles,
        ...(invert ? { invert: rows.map(invert) } : {}),
        ...(options.onWarning ? { onWarning: options.onWarning } : {}),
      },
    );
    idx.forEach((i, k) => {
      out[i] = q[k] as number;
    });
  }
  return out;
}

function assertSameQuantiles(actual: number[], records: CsvRecord[], label: string): void {
  assert.equal(actual.length, records.length);
  records.forEach((r, i) => {
    const expected = num(r['QuantileInGrp']);
    assert.ok(
      Object.is(actual[i], expected),
      `${label} row ${i} (${r['AreaCode']}): ${actual[i]} vs ${expected}`,
    );
  });
}

const polarity = (r: CsvRecord): boolean => r['Polarity'] === 'TRUE';

test('GroupSet IndSexReg: deciles within (IndSexRef, ParentCode), invert from the Polarity field', (t) => {
  const file = sharedPath(t, 'validation', 'phe-indicator-methods', 'quantile', 'phe_quantile_reference.csv');
  if (!file) return;
  const records = readCsv(file).filter((r) => r['GroupSet'] === 'IndSexReg');
  assert.equal(records.length, 339);
  const warnings: string[] = [];
  const q = byGroup(records, (r) => `${r['IndSexRef']}|${r['ParentCode']}`, {
    nquantiles: 10,
    invert: polarity,
    onWarning: (m) => warnings.push(m),
  });
  assertSameQuantiles(q, records, 'IndSexReg');
  assert.ok(warnings.length > 0 && warnings.every((w) => w === TOO_FEW));
});

test('GroupSet IndSexReg, 90366Female only, with invert = FALSE gives the same quantiles and warns', (t) => {
  const file = sharedPath(t, 'validation', 'phe-indicator-methods', 'quantile', 'phe_quantile_reference.csv');
  if (!file) return;
  const records = readCsv(file).filter(
    (r) => r['GroupSet'] === 'IndSexReg' && r['IndSexRef'] === '90366Female',
  );
  assert.ok(records.every((r) => r['Polarity'] === 'FALSE'));
  const warnings: string[] = [];
  const groups = new Map<string, number[]>();
  records.forEach((r, i) => {
    const key = r['ParentCode'] as string;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const out = new Array<number>(records.length);
  for (const idx of groups.values()) {
    const q = quantile(
      idx.map((i) => num((records[i] as CsvRecord)['Value'])),
      { invert: false, onWarning: (m) => warnings.push(m) },
    );
    idx.forEach((i, k) => {
      out[i] = q[k] as number;
    });
  }
  assertSameQuantiles(out, records, '90366Female');
  assert.ok(warnings.includes(TOO_FEW));
  assert.equal(quantileInvertedLabel(false), 'lowest quantile represents lowest values');
});

test('GroupSet IndSex: septiles within IndSexRef, invert from the Polarity field', (t) => {
  const file = sharedPath(t, 'validation', 'phe-indicator-methods', 'quantile', 'phe_quantile_reference.csv');
  if (!file) return;
  const records = readCsv(file).filter((r) => r['GroupSet'] === 'IndSex');
  const q = byGroup(records, (r) => r['IndSexRef'] as string, { nquantiles: 7, invert: polarity });
  assertSameQuantiles(q, records, 'IndSex');
});

test('GroupSet None: quartiles over the whole set with the default invert = TRUE', (t) => {
  const file = sharedPath(t, 'validation', 'phe-indicator-methods', 'quantile', 'phe_quantile_reference.csv');
  if (!file) return;
  const records = readCsv(file).filter((r) => r['GroupSet'] === 'None');
  assert.equal(records.length, 491);
  const q = quantile(
    records.map((r) => num(r['Value'])),
    { nquantiles: 4 },
  );
  assertSameQuantiles(q, records, 'None');
  // Tied values (Test "GooddataDups") share the lowest rank, so they share a quantile.
  const dups = records.map((r, i) => ({ r, i })).filter(({ r }) => r['Test'] === 'GooddataDups');
  const tied = dups.filter(({ r }) => dups.some((o) => o.r !== r && o.r['Value'] === r['Value']));
  assert.ok(tied.length > 0);
  for (const a of tied) {
    for (const b of tied) if (a.r['Value'] === b.r['Value']) assert.equal(q[a.i], q[b.i]);
  }
});

test('an invert field that differs within a group is an error with R wording', (t) => {
  const file = sharedPath(
    t,
    'validation',
    'phe-indicator-methods',
    'quantile',
    'phe_quantile_error_bad_polarity.csv',
  );
  if (!file) return;
  const records = readCsv(file);
  assert.throws(
    () =>
      quantile(
        records.map((r) => num(r['Value'])),
        { nquantiles: 7, invert: records.map(polarity) },
      ),
    (e: unknown) => {
      assert.ok(e instanceof StatsInputError);
      assert.equal(e.code, 'INVERT_NOT_CONSTANT');
      assert.equal(
        e.message,
        'invert field values must take the same logical value for each data grouping set',
      );
      assert.equal(
        e.row,
        records.findIndex((r) => r['Polarity'] === 'FALSE'),
      );
      return true;
    },
  );
});

test('hand-checkable quantiles', () => {
  assert.deepEqual(quantile([10, 20, 30, 40], { nquantiles: 2 }), [2, 2, 1, 1]);
  assert.deepEqual(quantile([10, 20, 30, 40], { nquantiles: 2, invert: false }), [1, 1, 2, 2]);
  assert.deepEqual(quantile([40, 10, 30, 20], { nquantiles: 4, invert: false }), [4, 1, 3, 2]);
  // Ten values into deciles: one each.
  const ten = [5, 3, 9, 1, 7, 2, 8, 10, 4, 6];
  assert.deepEqual(quantile(ten, { invert: false }), ten);
  assert.deepEqual(
    quantile(ten),
    ten.map((v) => 11 - v),
  );
  // Ties take the lowest rank ("min"): ranks 1, 2, 2, 4 of n = 4 into 2 groups.
  assert.deepEqual(quantile([1, 2, 2, 3], { nquantiles: 2, invert: false }), [1, 1, 1, 2]);
  // Five values into two quantiles: width 2.5; ranks 1..5 give ceil((6 - r) / 2.5) = 2, 2, 2, 1, 1, so 3 - that.
  assert.deepEqual(quantile([1, 2, 3, 4, 5], { nquantiles: 2, invert: false }), [1, 1, 1, 2, 2]);
  assert.equal(quantileInvertedLabel(true), 'lowest quantile represents highest values');
});

test('missing values keep NaN and are not counted; too few values give NaN and the R warning', () => {
  const q = quantile([Number.NaN, 10, 20, Number.NaN, 30, 40], { nquantiles: 2, invert: false });
  assert.ok(Number.isNaN(q[0] as number) && Number.isNaN(q[3] as number));
  assert.deepEqual([q[1], q[2], q[4], q[5]], [1, 1, 2, 2]);

  const warnings: string[] = [];
  const few = quantile([1, 2, Number.NaN], { nquantiles: 3, onWarning: (m) => warnings.push(m) });
  assert.ok(few.every(Number.isNaN));
  assert.deepEqual(warnings, [TOO_FEW]);

  const none: string[] = [];
  assert.ok(quantile([Number.NaN, Number.NaN], { onWarning: (m) => none.push(m) }).every(Number.isNaN));
  assert.deepEqual(none, []);
  assert.deepEqual(quantile([], { nquantiles: 0 }), []);

  // A single-value group with nquantiles 1 is quantile 1; a constant group is all quantile 1 (rank 1).
  assert.deepEqual(quantile([7], { nquantiles: 1 }), [1]);
  assert.deepEqual(quantile([3, 3, 3, 3], { nquantiles: 2 }), [1, 1, 1, 1]);
});

test('invert given per value must match the values in length; a constant per-value invert is accepted', () => {
  assert.deepEqual(
    quantile([10, 20, 30, 40], { nquantiles: 2, invert: [false, false, false, false] }),
    [1, 1, 2, 2],
  );
  assert.throws(
    () => quantile([1, 2], { invert: [true] }),
    (e: unknown) => e instanceof StatsInputError && e.code === 'LENGTH_MISMATCH',
  );
});

test('infinite values: invert turns Inf into NaN (Inf - Inf) so that value gets no quantile, as in R', () => {
  const warnings: string[] = [];
  const q = quantile([1, 2, 3, Number.POSITIVE_INFINITY], {
    nquantiles: 2,
    onWarning: (m) => warnings.push(m),
  });
  assert.ok(Number.isNaN(q[3] as number));
  assert.deepEqual(warnings, [TOO_FEW]);
  assert.deepEqual(
    quantile([1, 2, 3, Number.POSITIVE_INFINITY], { nquantiles: 2, invert: false }),
    [1, 1, 2, 2],
  );
});

const groupArb = fc.record({
  values: fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(Number.NaN)), { maxLength: 60 }),
  nq: fc.integer({ min: 1, max: 12 }),
  invert: fc.boolean(),
});

test('property: quantiles are integers in 1..nquantiles, NaN exactly at missing values (when enough values)', () => {
  fc.assert(
    fc.property(groupArb, ({ values, nq, invert }) => {
      const q = quantile(values, { nquantiles: nq, invert });
      const count = values.filter((v) => !Number.isNaN(v)).length;
      return q.every((x, i) => {
        if (count < nq || Number.isNaN(values[i] as number)) return Number.isNaN(x);
        return Number.isInteger(x) && x >= 1 && x <= nq;
      });
    }),
  );
});

test('property: order is monotone in the values (reversed when inverted) and ties share a quantile', () => {
  fc.assert(
    fc.property(groupArb, ({ values, nq, invert }) => {
      const q = quantile(values, { nquantiles: nq, invert });
      for (let i = 0; i < values.length; i++) {
        for (let j = 0; j < values.length; j++) {
          const a = values[i] as number;
          const b = values[j] as number;
          if (Number.isNaN(q[i] as number) || Number.isNaN(q[j] as number)) continue;
          if (a === b && q[i] !== q[j]) return false;
          if (a < b && (invert ? (q[i] as number) < (q[j] as number) : (q[i] as number) > (q[j] as number))) {
            return false;
          }
        }
      }
      return true;
    }),
  );
});

test('property: permuting the input permutes the output the same way', () => {
  fc.assert(
    fc.property(groupArb, fc.array(fc.nat()), ({ values, nq, invert }, keys) => {
      const perm = values.map((_, i) => i).sort((a, b) => (keys[a] ?? a) - (keys[b] ?? b) || a - b);
      const q = quantile(values, { nquantiles: nq, invert });
      const p = quantile(
        perm.map((i) => values[i] as number),
        { nquantiles: nq, invert },
      );
      return perm.every((i, k) => Object.is(p[k], q[i]));
    }),
  );
});
