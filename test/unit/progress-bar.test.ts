import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createProgressBar } from '../../src/imports/progress-bar.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, columns: 100, write: (s: string) => writes.push(s) > 0 };
  return { stream: stream as unknown as NodeJS.WriteStream, writes };
}

test('nothing at all when the stream is not a terminal', () => {
  const { stream, writes } = fakeStream(false);
  const bar = createProgressBar('fingertips', stream);
  bar.update({ phase: 'reading', done: 10, total: 100 });
  bar.end();
  assert.deepEqual(writes, []);
});

test('on a terminal: one line redrawn in place, throttled, on phase changes and at the end, then cleared', () => {
  const { stream, writes } = fakeStream(true);
  const bar = createProgressBar('fingertips', stream, 60_000);
  bar.update({ phase: 'reading', done: 0, total: 2_000_000 });
  bar.update({ phase: 'reading', done: 500_000, total: 2_000_000 });
  bar.update({ phase: 'reading', done: 2_000_000, total: 2_000_000 });
  bar.update({ phase: 'computing', done: 0, total: 0 });
  bar.end();
  assert.equal(writes.length, 4);
  assert.ok(writes.slice(0, 3).every((w) => w.startsWith('\r\x1b[K') && !w.includes('\n')));
  assert.match(writes[0]!, /fingertips: reading +░{24} +0% {2}0\.0 MB of 2\.0 MB$/);
  assert.match(writes[1]!, /█{24} 100% {2}2\.0 MB of 2\.0 MB$/);
  assert.match(writes[2]!, /fingertips: computing…$/);
  assert.equal(writes[3], '\r\x1b[K');
});

test('a download shows its bytes, against the announced size or alone when the size is not known', () => {
  const { stream, writes } = fakeStream(true);
  const bar = createProgressBar('fingertips', stream, 0);
  bar.update({ phase: 'downloading', done: 1_000_000, total: 4_000_000 });
  bar.update({ phase: 'downloading', done: 2_500_000, total: 0 });
  bar.end();
  assert.match(writes[0]!, /fingertips: downloading █{6}░{18} +25% {2}1\.0 MB of 4\.0 MB$/);
  assert.match(writes[1]!, /fingertips: downloading… {2}2\.5 MB$/);
});
