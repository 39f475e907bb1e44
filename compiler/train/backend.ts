// Array storage and the heavy operations of training: float32 in WebAssembly linear memory (the SIMD128
// kernels of kernels.ts), or float64 in plain loops (the exact arithmetic the gradient tests need).

import { erf, gelu } from '../../runtime/reference/index.ts';
import { adamwStep, type AdamWSettings } from './adamw.ts';
import { emitTrainModule, type TrainKernels } from './kernels.ts';

export type { Vec } from './vec.ts';
import type { Vec } from './vec.ts';
export type Form = 'nn' | 'tn';

/**
 * Row-major matrices given as (array, offset, row stride), all in elements. Products:
 *   'nn': C[M, N] = (accumulate ? C : 0) + A[M, K] @ B[K, N]
 *   'tn': the same with A stored transposed, [K, M] (C = A^T @ B)
 * Every output sums its K terms in k order, starting from C or 0 (both backends).
 */
export interface Backend {
  readonly precision: 'f32' | 'f64';
  /** Multiply-accumulates done by gemm so far (for GFLOP/s figures). */
  macs: number;
  /** A zeroed array of n values, usable by every operation of this backend. */
  alloc(n: number): Vec;
  gemm(form: Form, M: number, N: number, K: number, a: Vec, aOff: number, lda: number, b: Vec, bOff: number, ldb: number,
    c: Vec, cOff: number, ldc: number, accumulate: boolean): void;
  /** T[N, M] = A[M, N]^T. */
  transpose(M: number, N: number, a: Vec, aOff: number, lda: number, t: Vec, tOff: number, ldt: number): void;
  /** g[i] = gelu(u[i]) for i < n (erf form). */
  gelu(u: Vec, g: Vec, n: number): void;
  /** du[i] = dg[i] * gelu'(u[i]) for i < n. */
  geluGrad(u: Vec, dg: Vec, du: Vec, n: number): void;
  /** One AdamW update of every parameter (adamw.ts adamwStep); decay applies to [0, decayEnd). */
  adamw(p: Vec, g: Vec, m: Vec, v: Vec, decayEnd: number, t: number, lr: number, s: AdamWSettings): void;
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** float64 in plain loops: the oracle for the kernels and the arithmetic of the finite-difference tests. */
export function f64Backend(): Backend {
  return {
    precision: 'f64',
    macs: 0,
    alloc: (n) => new Float64Array(n),
    gemm(form, M, N, K, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate) {
      this.macs += M * N * K;
      for (let i = 0; i < M; i++) {
        for (let j = 0; j < N; j++) {
          let s = accumulate ? c[cOff + i * ldc + j]! : 0;
          for (let k = 0; k < K; k++) s += (form === 'nn' ? a[aOff + i * lda + k]! : a[aOff + k * lda + i]!) * b[bOff + k * ldb + j]!;
          c[cOff + i * ldc + j] = s;
        }
      }
    },
    transpose(M, N, a, aOff, lda, t, tOff, ldt) {
      for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) t[tOff + j * ldt + i] = a[aOff + i * lda + j]!;
    },
    gelu(u, g, n) {
      for (let i = 0; i < n; i++) g[i] = gelu(u[i]!);
    },
    geluGrad(u, dg, du, n) {
      for (let i = 0; i < n; i++) {
        const x = u[i]!;
        du[i] = dg[i]! * (0.5 * (1 + erf(x * Math.SQRT1_2)) + x * Math.exp(-0.5 * x * x) * INV_SQRT_2PI);
      }
    },
    adamw: adamwStep,
  };
}

const PAGE = 65536;
const MAX_PAGES = 65536;
const ALIGN = 64; // bytes: allocations start on cache lines
/** K rows per product call: A's and B's k-slices stay in L2 (2x faster on 2,000-row weight gradients). */
const K_CHUNK = 256;

/**
 * float32 in one shared WebAssembly.Memory with a bump allocator. The memory is shared so that growing it
 * never detaches the views handed out before (and so worker threads could run on it).
 */
export function wasmBackend(): Backend {
  const memory = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES, shared: true });
  const module = new WebAssembly.Module(emitTrainModule() as BufferSource);
  const k = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as TrainKernels;
  let top = ALIGN;
  const ptr = (v: Vec, off: number): number => {
    if (!(v instanceof Float32Array) || !(v.buffer instanceof SharedArrayBuffer)) throw new Error('internal: array not allocated by the wasm backend');
    return v.byteOffset + off * 4;
  };
  return {
    precision: 'f32',
    macs: 0,
    alloc(n) {
      const bytes = Math.ceil((n * 4) / ALIGN) * ALIGN;
      const end = top + bytes;
      const have = memory.buffer.byteLength;
      if (end > have) {
        const pages = Math.ceil((end - have) / PAGE);
        if (have / PAGE + pages > MAX_PAGES) throw new RangeError(`training needs more than 4 GiB of wasm memory (${(end / 2 ** 30).toFixed(1)} GiB asked)`);
        memory.grow(pages);
      }
      const v = new Float32Array(memory.buffer, top, n);
      top = end;
      return v;
    },
    gemm(form, M, N, K, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate) {
      if (M === 0 || N === 0) return;
      this.macs += M * N * K;
      const fn = form === 'nn' ? k.gemm_nn : k.gemm_tn;
      // k-slices continue each output's sum from C in the same k order: the result is that of one call
      let k0 = 0;
      do {
        const kn = Math.min(K_CHUNK, K - k0);
        const aSlice = form === 'nn' ? aOff + k0 : aOff + k0 * lda;
        fn(M, N, kn, ptr(a, aSlice), lda, ptr(b, bOff + k0 * ldb), ldb, ptr(c, cOff), ldc, accumulate || k0 > 0 ? 1 : 0);
        k0 += K_CHUNK;
      } while (k0 < K);
    },
    transpose(M, N, a, aOff, lda, t, tOff, ldt) {
      k.transpose(M, N, ptr(a, aOff), lda, ptr(t, tOff), ldt);
    },
    gelu(u, g, n) {
      if (n % 4 !== 0) throw new Error(`internal: gelu over ${n} values (a multiple of 4 expected)`);
      k.gelu_fwd(ptr(u, 0), ptr(g, 0), n);
    },
    geluGrad(u, dg, du, n) {
      if (n % 4 !== 0) throw new Error(`internal: gelu over ${n} values (a multiple of 4 expected)`);
      k.gelu_bwd(ptr(u, 0), ptr(dg, 0), ptr(du, 0), n);
    },
    adamw(p, g, m, v, decayEnd, t, lr, s) {
      // the same update as adamwStep, in float32: the decay range, then the rest without decay
      const c1 = 1 - s.beta1 ** t, c2 = 1 - s.beta2 ** t;
      const run = (from: number, to: number, decay: number): void =>
        k.adamw(ptr(p, from), ptr(g, from), ptr(m, from), ptr(v, from), to - from, lr, s.beta1, s.beta2, c1, c2, s.eps, decay);
      run(0, decayEnd, 1 - lr * s.weightDecay);
      run(decayEnd, p.length, 1);
    },
  };
}
