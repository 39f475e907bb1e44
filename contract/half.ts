// IEEE 754 binary16 (half) conversions of the webgpu f16 precision, shared by the weight packer
// (compiler/passes/packWebGpuWeights.ts) and the tests that run the reference on f16-rounded weights.
// f32 -> f16 rounds to nearest, ties to even, from the f32 value's bits: overflow gives infinity, values
// below half the smallest subnormal (2^-25) give a signed zero, NaN stays NaN. f16 -> f32 is exact.

import type { ModelWeights } from './model.ts';

const word = new Uint32Array(1);
const float = new Float32Array(word.buffer);

/** The f16 bits nearest to `x` rounded to f32 first (ties to even). */
export function halfBits(x: number): number {
  float[0] = x;
  const b = word[0]!;
  const sign = (b >>> 16) & 0x8000;
  const exp = (b >>> 23) & 0xff;
  const mant = b & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant !== 0 ? 0x200 | (mant >>> 13) : 0);
  const e = exp - 127 + 15; // the half's biased exponent
  if (e >= 0x1f) return sign | 0x7c00;
  // q: the half's magnitude bits before rounding; rem/tie: the dropped bits and their halfway value
  let q: number, rem: number, tie: number;
  if (e > 0) {
    q = (e << 10) | (mant >>> 13);
    rem = mant & 0x1fff;
    tie = 0x1000;
  } else {
    // subnormal: the significand (with its implicit 1) in units of 2^-24
    const shift = 126 - exp;
    if (shift > 24) return sign;
    const m = mant | 0x800000;
    q = m >>> shift;
    rem = m & ((1 << shift) - 1);
    tie = 1 << (shift - 1);
  }
  if (rem > tie || (rem === tie && (q & 1) === 1)) q++; // a carry moves into the exponent, up to infinity
  return sign | q;
}

/** The value of f16 bits (exact in f32). */
export function halfValue(h: number): number {
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  const v = exp === 0 ? mant * 2 ** -24 : exp === 0x1f ? (mant !== 0 ? NaN : Infinity) : (1024 + mant) * 2 ** (exp - 25);
  return h & 0x8000 ? -v : v;
}

/** `x` rounded to the nearest f16 value (ties to even), as a number. */
export function roundHalf(x: number): number {
  return halfValue(halfBits(x));
}

/** The f16 bits of every value, in order. */
export function toHalf(values: Float32Array): Uint16Array<ArrayBuffer> {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = halfBits(values[i]!);
  return out;
}

/**
 * The weights with every stored tensor rounded to its nearest f16 value: what the webgpu f16 precision
 * stores (its kernels compute in f32, so the f32 reference on these weights is what that engine matches).
 */
export function halfRoundedWeights(w: ModelWeights): ModelWeights {
  const round = <T extends object>(group: T): T =>
    Object.fromEntries(Object.entries(group).map(([k, v]) => [k, v instanceof Float32Array ? v.map(roundHalf) : v])) as T;
  return { ...round(w), layers: w.layers.map(round), head: round(w.head) };
}
