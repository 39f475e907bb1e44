// contract/half.ts: f32 -> f16 rounding (nearest, ties to even) against known values, every f16 value
// round-tripping, and every midpoint between neighbouring f16 values going to the even one.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { halfBits, halfValue, roundHalf, toHalf } from '../contract/half.ts';

test('known values', () => {
  const cases: [number, number][] = [
    [1, 0x3c00], [-2, 0xc000], [0, 0x0000], [-0, 0x8000], [0.5, 0x3800], [65504, 0x7bff],
    [2 ** -24, 0x0001], [2 ** -14, 0x0400], [2 ** -14 - 2 ** -24, 0x03ff], [0.1, 0x2e66], [1 / 3, 0x3555],
    [Infinity, 0x7c00], [-Infinity, 0xfc00],
    [65519, 0x7bff], [65520, 0x7c00], [1e6, 0x7c00], [-1e6, 0xfc00], // overflow: from the midpoint up, infinity
    [2 ** -25, 0x0000], [2 ** -25 + 2 ** -40, 0x0001], [-(2 ** -26), 0x8000], [1e-10, 0x0000], // underflow
    [1 + 2 ** -11, 0x3c00], [1 + 3 * 2 ** -11, 0x3c02], [1 + 2 ** -11 + 2 ** -20, 0x3c01], // ties to even, above a tie
    [3 * 2 ** -25, 0x0002], [5 * 2 ** -25, 0x0002], // subnormal ties to even
  ];
  for (const [x, h] of cases) assert.is(halfBits(x), h, `halfBits(${x}) = 0x${halfBits(x).toString(16)}, expected 0x${h.toString(16)}`);
  assert.ok(Number.isNaN(halfValue(halfBits(NaN))), 'NaN stays NaN');
  assert.is(halfBits(NaN) & 0x7c00, 0x7c00);
  assert.is(roundHalf(0.1), 0.0999755859375);
  assert.is(halfValue(0x7bff), 65504);
  assert.is(halfValue(0x0001), 2 ** -24);
  assert.is(Object.is(halfValue(0x8000), -0), true);
});

test('every finite f16 value round-trips; every midpoint rounds to the even neighbour', () => {
  for (let h = 0; h < 0x10000; h++) {
    const v = halfValue(h);
    if (Number.isNaN(v)) continue;
    assert.is(halfBits(v), h);
    const mag = h & 0x7fff;
    if (mag >= 0x7bff) continue; // 65504 and infinity have no finite upper neighbour
    const mid = (v + halfValue(h + 1)) / 2; // exact in f32: one more significand bit
    assert.is(Math.fround(mid), mid);
    assert.is(halfBits(mid), (h & 1) === 0 ? h : h + 1, `midpoint above 0x${h.toString(16)}`);
  }
});

test('toHalf converts arrays element by element', () => {
  const bits = toHalf(Float32Array.from([1, -2, 0.1, 65504, 7e4]));
  assert.equal([...bits], [0x3c00, 0xc000, 0x2e66, 0x7bff, 0x7c00]);
});

test.run();
