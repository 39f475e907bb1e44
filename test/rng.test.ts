// Seeded randomness: reproducible streams, fillUniform equal to repeated next(), sane moments.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createRng } from '../compiler/util/rng.ts';

test('same seed gives the same stream; different seeds differ', () => {
  const a = createRng(7), b = createRng(7), c = createRng(8);
  const xa = [a.next(), a.next(), a.next()];
  assert.equal(xa, [b.next(), b.next(), b.next()]);
  assert.not.equal(xa, [c.next(), c.next(), c.next()]);
});

test('fillUniform continues the same stream as next()', () => {
  const a = createRng(3), b = createRng(3);
  const out = new Float32Array(5);
  a.fillUniform(out, -1, 1);
  for (let i = 0; i < 5; i++) assert.ok(Math.abs(out[i]! - (-1 + 2 * b.next())) < 1e-6);
  assert.is(a.next(), b.next());
});

test('uniform mean and variance are close to theory', () => {
  const out = new Float32Array(100000);
  createRng(1).fillUniform(out, 0, 1);
  let s = 0, s2 = 0;
  for (const x of out) { s += x; s2 += x * x; }
  const mean = s / out.length, varc = s2 / out.length - mean * mean;
  assert.ok(Math.abs(mean - 0.5) < 0.01);
  assert.ok(Math.abs(varc - 1 / 12) < 0.002);
});

test.run();
