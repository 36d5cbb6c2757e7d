import { test } from 'node:test';
import { qnorm } from '../src/index.js';
import { assertClose } from './support/assert-close.js';

test('qnorm matches R at the central, tail and far-tail branches', () => {
  assertClose(qnorm(0.975), 1.959963984540054, 1e-15);
  assertClose(qnorm(0.999), 3.090232306167813, 1e-15);
  assertClose(qnorm(0.02), -2.053748910631823, 1e-15);
  assertClose(qnorm(1e-10), -6.361340902404056, 1e-15);
  assertClose(qnorm(0.5), 0, 0);
});
