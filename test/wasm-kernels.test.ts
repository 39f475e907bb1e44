// WASM kernels one by one against plain f64 loops: packed-panel GEMM (tile remainders, panel ranges,
// epilogues), LayerNorm, and the measured error bounds of the vectorised exp / erf / GELU / tanh.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import binaryen from 'binaryen';
import { Fn, moduleFeatures, type Local, type Variant } from '../compiler/emit/wasm/builder.ts';
import { emitGemm, type Epilogue } from '../compiler/emit/wasm/gemm.ts';
import { emitLayerNorm } from '../compiler/emit/wasm/kernels.ts';
import { activation4, exp4, type VecActivation } from '../compiler/emit/wasm/mathf.ts';
import { packPanels } from '../compiler/passes/packWeights.ts';
import { createRng } from '../compiler/util/rng.ts';
import { erf, gelu, geluTanh } from '../runtime/reference/index.ts';
import { supportsRelaxedSimd } from '../runtime/wasm/features.ts';

const PLAIN: Variant = { relaxed: false };
const PAGES = 16;

/** Builds a module over an imported private memory of PAGES pages, instantiates it. */
function instantiate(variant: Variant, emit: (m: binaryen.Module) => void): { exports: Record<string, (...a: number[]) => void>; f32: Float32Array } {
  const m = new binaryen.Module();
  m.setFeatures(moduleFeatures(variant));
  m.setMemory(PAGES, PAGES, null, [], false);
  m.addMemoryImport('0', 'env', 'memory');
  emit(m);
  assert.ok(m.validate(), 'module validates');
  const bytes = m.emitBinary();
  m.dispose();
  const memory = new WebAssembly.Memory({ initial: PAGES, maximum: PAGES });
  const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes as BufferSource), { env: { memory } });
  return { exports: inst.exports as Record<string, (...a: number[]) => void>, f32: new Float32Array(memory.buffer) };
}

function uniform(seed: number, n: number, scale = 1): Float32Array {
  const a = new Float32Array(n);
  createRng(seed).fillUniform(a, -scale, scale);
  return a;
}

const variants: Variant[] = supportsRelaxedSimd() ? [PLAIN, { relaxed: true }] : [PLAIN];

for (const variant of variants) {
  for (const epilogue of ['none', 'residual', 'relu'] as Epilogue[]) {
    test(`gemm ${variant.relaxed ? 'relaxed' : 'simd128'} ${epilogue}: every row remainder and a panel sub-range`, () => {
      const k = 12, n = 24, nr = 8, mr = 4, rows = 11;
      const W = 1024, B = 4096, X = 8192, Y = 16384, R = 24576;
      const { exports, f32 } = instantiate(variant, (m) => emitGemm(m, variant, { name: 'mm', k, n, nr, mr, weights: W, bias: B, layerStride: 0, epilogue }));
      const w = uniform(1, k * n), b = uniform(2, n), x = uniform(3, rows * k), res = uniform(4, rows * n);
      f32.set(packPanels(w, k, n, nr), W / 4); f32.set(b, B / 4); f32.set(x, X / 4); f32.set(res, R / 4);
      f32.fill(7, Y / 4, Y / 4 + rows * n);
      // rows [1, rows): 10 rows = two full tiles + a remainder of 2; then rows [0, 1) alone; panels [1, 3) only
      exports.mm!(0, X, Y, R, 1, rows, 1, 3);
      exports.mm!(0, X, Y, R, 0, 1, 1, 3);
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < n; j++) {
          const got = f32[Y / 4 + r * n + j]!;
          if (j < nr) { assert.is(got, 7, 'panel 0 untouched'); continue; }
          let s = b[j]!;
          for (let i = 0; i < k; i++) s += x[r * k + i]! * w[i * n + j]!;
          if (epilogue === 'residual') s += res[r * n + j]!;
          if (epilogue === 'relu') s = Math.max(0, s);
          assert.ok(Math.abs(got - s) <= 1e-5, `row ${r} col ${j}: ${got} vs ${s}`);
        }
      }
    });
  }
}

for (const variant of variants) {
  for (const [nr, mr] of [[8, 4], [4, 6]] as const) {
    test(`gemm ${variant.relaxed ? 'relaxed' : 'simd128'} nr ${nr}: remainders of every size (grouped over panels or not) are bit-identical to full tiles`, () => {
      const sizes = Array.from({ length: mr - 1 }, (_, i) => i + 1); // remainder-only calls of 1 .. mr - 1 rows
      const k = 20, n = 7 * nr, rows = sizes.reduce((a, b) => a + b, 0); // 7 panels: groups of 2, 4 or 8 leave single panels
      const W = 1024, B = W + k * n * 4, X = B + n * 4, Y = X + rows * k * 4, Z = Y + rows * n * 4, R = Z + rows * n * 4;
      const { exports, f32 } = instantiate(variant, (m) => emitGemm(m, variant, { name: 'mm', k, n, nr, mr, weights: W, bias: B, layerStride: 0, epilogue: 'residual' }));
      const w = uniform(11, k * n), b = uniform(12, n), x = uniform(13, rows * k), res = uniform(14, rows * n);
      f32.set(packPanels(w, k, n, nr), W / 4); f32.set(b, B / 4); f32.set(x, X / 4); f32.set(res, R / 4);
      exports.mm!(0, X, Y, R, 0, rows, 0, 7); // full tiles, then one remainder
      let r0 = 0;
      for (const size of sizes) { exports.mm!(0, X, Z, R, r0, r0 + size, 0, 7); r0 += size; }
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < n; j++) {
          let s = b[j]!;
          for (let i = 0; i < k; i++) s += x[r * k + i]! * w[i * n + j]!;
          s += res[r * n + j]!;
          const full = f32[Y / 4 + r * n + j]!, rem = f32[Z / 4 + r * n + j]!;
          assert.ok(Math.abs(full - s) <= 1e-5, `row ${r} col ${j}: ${full} vs ${s}`);
          assert.is(rem, full, `row ${r} col ${j}: remainder tile equals full tile`);
        }
      }
    });
  }
}

test('layer norm rows match a two-pass f64 LayerNorm', () => {
  const d = 16, rows = 3, eps = 1e-12;
  const G = 1024, Bt = 2048, X = 4096, Y = 8192;
  const { exports, f32 } = instantiate(PLAIN, (m) => emitLayerNorm(m, PLAIN, { name: 'ln', d, eps, gamma: G, beta: Bt, layerStride: 0 }));
  const g = uniform(5, d), b = uniform(6, d), x = uniform(7, rows * d, 3);
  f32.set(g, G / 4); f32.set(b, Bt / 4); f32.set(x, X / 4);
  exports.ln!(0, X, Y, 0, rows);
  for (let r = 0; r < rows; r++) {
    const row = Array.from(x.subarray(r * d, (r + 1) * d));
    const mean = row.reduce((a, c) => a + c, 0) / d;
    const v = row.reduce((a, c) => a + (c - mean) ** 2, 0) / d;
    row.forEach((c, j) => {
      const want = ((c - mean) / Math.sqrt(v + eps)) * g[j]! + b[j]!;
      assert.ok(Math.abs(f32[Y / 4 + r * d + j]! - want) <= 2e-6, `row ${r} col ${j}`);
    });
  }
});

/** Applies a lane-wise op to n floats at address 1024 in place. */
function lanewise(op: (fn: Fn, t: Local) => number, xs: Float32Array): Float32Array {
  const { exports, f32 } = instantiate(PLAIN, (m) => {
    const fn = new Fn(m, PLAIN, [binaryen.i32]);
    const [n] = fn.params as [Local];
    const p = fn.i32(), t = fn.v128();
    fn.finish('apply', [fn.forRange(p, fn.c(1024), fn.add(fn.c(1024), fn.mul(n.get(), fn.c(4))), 16, [
      t.set(fn.load(p.get())), op(fn, t), fn.store(p.get(), t.get()),
    ])]);
  });
  f32.set(xs, 256);
  exports.apply!(xs.length);
  return f32.slice(256, 256 + xs.length);
}

function grid(lo: number, hi: number, n: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

test('exp: relative error below 3e-7 on [-87, 88]', () => {
  const xs = grid(-87, 88, 40000);
  const got = lanewise((fn, t) => { const e = fn.v128(); return fn.m.block(null, [exp4(fn, t, e), t.set(e.get())]); }, xs);
  let worst = 0;
  xs.forEach((x, i) => { worst = Math.max(worst, Math.abs(got[i]! / Math.exp(x) - 1)); });
  assert.ok(worst < 3e-7, `max relative error ${worst}`);
});

const ACTS: { kind: VecActivation; ref: (x: number) => number; bound: (x: number) => number }[] = [
  { kind: 'gelu', ref: gelu, bound: (x) => 2e-7 * Math.max(1, Math.abs(x)) },
  { kind: 'gelu_tanh', ref: geluTanh, bound: (x) => 2e-7 * Math.max(1, Math.abs(x)) },
  { kind: 'tanh', ref: Math.tanh, bound: () => 2e-7 },
  { kind: 'relu', ref: (x) => Math.max(0, x), bound: () => 0 },
];

for (const { kind, ref, bound } of ACTS) {
  test(`${kind}: error within the documented bound on [-10, 10]`, () => {
    const xs = grid(-10, 10, 40000);
    const got = lanewise((fn, t) => activation4(fn, kind, t), xs);
    xs.forEach((x, i) => {
      const want = Math.fround(ref(x));
      assert.ok(Math.abs(got[i]! - want) <= bound(x) + Math.abs(want) * 1.2e-7, `${kind}(${x}) = ${got[i]} vs ${want}`);
    });
  });
}

test('erf inside gelu: absolute error below 2e-7 against the f64 series', () => {
  const xs = grid(-6, 6, 20000);
  // gelu(x) / (0.5 x) - 1 recovers erf(x / sqrt 2); check on |x| >= 0.5 where the division is benign
  const got = lanewise((fn, t) => activation4(fn, 'gelu', t), xs);
  xs.forEach((x, i) => {
    if (Math.abs(x) < 0.5) return;
    const e = got[i]! / (0.5 * x) - 1;
    assert.ok(Math.abs(e - erf(x * Math.SQRT1_2)) < 1e-6, `erf(${x / Math.SQRT2})`);
  });
});

test.run();
