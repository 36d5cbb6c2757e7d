import assert from 'node:assert/strict';

/**
 * Asserts |actual - expected| <= rel * |expected| (or <= rel when expected is 0). NaN must meet NaN:
 * R's NA positions must match exactly.
 */
export function assertClose(actual: number, expected: number, rel = 1e-9, label = ''): void {
  if (Number.isNaN(expected)) {
    assert.ok(Number.isNaN(actual), `${label}: expected NA, got ${actual}`);
    return;
  }
  assert.ok(!Number.isNaN(actual), `${label}: expected ${expected}, got NA`);
  if (actual === expected) return;
  const scale = Math.abs(expected) > 0 ? Math.abs(expected) : 1;
  const diff = Math.abs(actual - expected) / scale;
  assert.ok(diff <= rel, `${label}: expected ${expected}, got ${actual} (relative difference ${diff})`);
}
