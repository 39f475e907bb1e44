// The int8 precision's arithmetic, shared by the weight packer (compiler/passes/packWeights.ts) and the
// reference executor's int8 mode (runtime/reference), and implemented by the WASM kernels
// (compiler/emit/wasm/gemm-i8.ts): per-column symmetric int8 weights, per-row symmetric activations.
//
//   weights:     scale[j] = max_i |W[i, j]| / 127, q[i, j] = nearest(W[i, j] / scale[j])
//   activations: s[r] = max_i |x[r, i]| / 127,    a[r, i] = nearest(x[r, i] * (127 / max_i |x[r, i]|))
//   product:     y[r, j] = f32(sum_i a[r, i] q[i, j]) * (scale[j] * s[r]) + b[j], each operation rounded to f32
// nearest rounds ties to even; an all-zero column or row has scale 0 and codes 0. Every product but the
// classifier is quantized (the classifier has few outputs and runs in f32).

import type { LinearName } from './program.ts';

/** Linears that stay f32 at int8 precision. */
export const F32_LINEARS: readonly LinearName[] = ['classifier'];

/** Nearest integer, ties to even (what f32x4.nearest does). */
export function roundEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Per-column symmetric int8 of W [k, n] row-major: codes [k, n] and the column scales (f32). */
export function quantizeColumns(w: Float32Array, k: number, n: number): { q: Int8Array; scale: Float32Array } {
  const scale = new Float32Array(n);
  for (let j = 0; j < n; j++) {
    let max = 0;
    for (let i = 0; i < k; i++) max = Math.max(max, Math.abs(w[i * n + j]!));
    scale[j] = max / 127;
  }
  const q = new Int8Array(k * n);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < n; j++) {
      const s = scale[j]!;
      q[i * n + j] = s === 0 ? 0 : Math.max(-127, Math.min(127, roundEven(w[i * n + j]! / s)));
    }
  }
  return { q, scale };
}

/**
 * Row r of x [*, k] (values already f32) to codes in `out` [k], with f32 arithmetic as the kernel does it;
 * returns the row's scale s[r].
 */
export function quantizeRow(x: ArrayLike<number>, r: number, k: number, out: Int32Array): number {
  let max = 0;
  for (let i = 0; i < k; i++) max = Math.max(max, Math.abs(x[r * k + i]!));
  const inv = max > 0 ? Math.fround(127 / max) : 0;
  for (let i = 0; i < k; i++) out[i] = roundEven(Math.fround(x[r * k + i]! * inv));
  return Math.fround(max / 127);
}
