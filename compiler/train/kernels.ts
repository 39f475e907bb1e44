// The training module: SIMD128 kernels over row-major float32 matrices in one imported linear memory,
// built with binaryen. Products on plain (unpacked) operands with run-time shapes and strides, the
// transpose that turns A @ B^T into A @ B, and GELU forward / backward.

import binaryen from 'binaryen';
import { Fn, moduleFeatures, type Local, type Ref, type Variant } from '../emit/wasm/builder.ts';
import { erf4, exp4 } from '../emit/wasm/mathf.ts';

/**
 * Plain SIMD128 (f32x4 mul then add, never fused): every output is the same IEEE float32 sum in every
 * engine, so training is bit-reproducible across machines and thread splits.
 */
const PLAIN: Variant = { relaxed: false };

/** Rows of one register tile; columns are 8 (two vectors), then 4, then single columns. */
const TILE_ROWS = 4;

/**
 * Exported functions (pointers are byte addresses, strides and sizes are in floats):
 *   gemm_nn(M, N, K, A, lda, B, ldb, C, ldc, acc)  C[M, N] = (acc ? C : 0) + A[M, K] @ B[K, N]
 *   gemm_tn(M, N, K, A, lda, B, ldb, C, ldc, acc)  C[M, N] = (acc ? C : 0) + A^T @ B, A stored [K, M]
 *   transpose(M, N, A, lda, T, ldt)                T[N, M] = A[M, N]^T
 *   gelu_fwd(u, g, n)                              g = gelu(u), n floats, n % 4 = 0
 *   gelu_bwd(u, dg, du, n)                         du = dg * gelu'(u)
 *   adamw(p, g, m, v, n, lr, b1, b2, c1, c2, eps, decay)  one AdamW update of n parameters (adamw.ts)
 * Each output of a product sums its K terms in k order in one float32 accumulator, starting from C or 0,
 * so a result does not depend on the tile, the column block or the rows a call covers.
 */
export interface TrainKernels {
  gemm_nn(M: number, N: number, K: number, A: number, lda: number, B: number, ldb: number, C: number, ldc: number, acc: number): void;
  gemm_tn(M: number, N: number, K: number, A: number, lda: number, B: number, ldb: number, C: number, ldc: number, acc: number): void;
  transpose(M: number, N: number, A: number, lda: number, T: number, ldt: number): void;
  gelu_fwd(u: number, g: number, n: number): void;
  gelu_bwd(u: number, dg: number, du: number, n: number): void;
  adamw(p: number, g: number, m: number, v: number, n: number, lr: number, b1: number, b2: number, c1: number, c2: number, eps: number, decay: number): void;
}

type Form = 'nn' | 'tn';

function emitGemm(m: binaryen.Module, form: Form): void {
  const i32 = binaryen.i32;
  const fn = new Fn(m, PLAIN, new Array<number>(10).fill(i32));
  const [M, N, K, A, lda, B, ldb, C, ldc, acc] = fn.params as [Local, Local, Local, Local, Local, Local, Local, Local, Local, Local];
  const i = fn.i32(), j = fn.i32(), kk = fn.i32(), lda4 = fn.i32(), ldb4 = fn.i32(), ldc4 = fn.i32(), bp = fn.i32(), cp = fn.i32();
  // A element (row i + rr, column k): nn: a[rr] walks row i + rr by 4 bytes; tn: a[0] walks rows of the stored [K, M] by lda4, rows at +4 rr
  const a = Array.from({ length: TILE_ROWS }, () => fn.i32());
  const cRow = (rr: number): Ref => fn.add(cp.get(), fn.mul(ldc4.get(), fn.c(rr)));

  const startA = (rows: number): Ref[] => form === 'nn'
    ? Array.from({ length: rows }, (_, rr) => a[rr]!.set(fn.add(A.get(), fn.mul(fn.add(i.get(), fn.c(rr)), lda4.get()))))
    : [a[0]!.set(fn.addMul(A.get(), i.get(), 4))];
  const aSplat = (rr: number): Ref => form === 'nn' ? fn.loadSplat(a[rr]!.get()) : fn.loadSplat(a[0]!.get(), rr * 4);
  const stepA = (rows: number): Ref[] => form === 'nn'
    ? Array.from({ length: rows }, (_, rr) => a[rr]!.set(fn.add(a[rr]!.get(), fn.c(4))))
    : [a[0]!.set(fn.add(a[0]!.get(), lda4.get()))];

  /** rows x (vecs * 4) outputs at (i, j). */
  const vecTile = (rows: number, vecs: number): Ref => {
    const accs = Array.from({ length: rows }, () => Array.from({ length: vecs }, () => fn.v128()));
    const w = Array.from({ length: vecs }, () => fn.v128());
    const s = fn.v128();
    const init: Ref[] = [];
    for (let rr = 0; rr < rows; rr++) {
      for (let v = 0; v < vecs; v++) {
        init.push(accs[rr]![v]!.set(m.if(acc.get(), fn.load(cRow(rr), v * 16), fn.splat(0))));
      }
    }
    const step: Ref[] = w.map((wv, v) => wv.set(fn.load(bp.get(), v * 16)));
    for (let rr = 0; rr < rows; rr++) {
      step.push(s.set(aSplat(rr)));
      for (let v = 0; v < vecs; v++) step.push(accs[rr]![v]!.set(fn.vadd(accs[rr]![v]!.get(), fn.vmul(s.get(), w[v]!.get()))));
    }
    const store: Ref[] = [];
    for (let rr = 0; rr < rows; rr++) for (let v = 0; v < vecs; v++) store.push(fn.store(cRow(rr), accs[rr]![v]!.get(), v * 16));
    return m.block(null, [
      cp.set(fn.add(fn.add(C.get(), fn.mul(i.get(), ldc4.get())), fn.mul(j.get(), fn.c(4)))),
      ...init,
      ...startA(rows),
      bp.set(fn.addMul(B.get(), j.get(), 4)),
      fn.forRange(kk, fn.c(0), K.get(), 1, [...step, ...stepA(rows), bp.set(fn.add(bp.get(), ldb4.get()))]),
      ...store,
    ]);
  };

  /** One output (i, j) in scalar float32: the same operations as one lane of a vector tile. */
  const scalarTile = (): Ref => {
    const sum = fn.f32();
    return m.block(null, [
      cp.set(fn.add(fn.add(C.get(), fn.mul(i.get(), ldc4.get())), fn.mul(j.get(), fn.c(4)))),
      sum.set(m.if(acc.get(), m.f32.load(0, 4, cp.get()), m.f32.const(0))),
      ...startA(1),
      bp.set(fn.addMul(B.get(), j.get(), 4)),
      fn.forRange(kk, fn.c(0), K.get(), 1, [
        sum.set(m.f32.add(sum.get(), m.f32.mul(m.f32.load(0, 4, a[0]!.get()), m.f32.load(0, 4, bp.get())))),
        ...stepA(1),
        bp.set(fn.add(bp.get(), ldb4.get())),
      ]),
      m.f32.store(0, 4, cp.get(), sum.get()),
    ]);
  };

  /** Every row for the column block at j: full row tiles, then single rows. */
  const allRows = (tile: (rows: number) => Ref): Ref[] => [
    fn.forRange(i, fn.c(0), fn.add(M.get(), fn.c(1 - TILE_ROWS)), TILE_ROWS, [tile(TILE_ROWS)]),
    fn.forRange(i, i.get(), M.get(), 1, [tile(1)]),
  ];

  fn.finish(`gemm_${form}`, [
    lda4.set(fn.mul(lda.get(), fn.c(4))), ldb4.set(fn.mul(ldb.get(), fn.c(4))), ldc4.set(fn.mul(ldc.get(), fn.c(4))),
    fn.forRange(j, fn.c(0), fn.add(N.get(), fn.c(-7)), 8, allRows((rows) => vecTile(rows, 2))),
    m.if(m.i32.le_s(fn.add(j.get(), fn.c(4)), N.get()), m.block(null, [...allRows((rows) => vecTile(rows, 1)), j.set(fn.add(j.get(), fn.c(4)))])),
    fn.forRange(j, j.get(), N.get(), 1, [fn.forRange(i, fn.c(0), M.get(), 1, [scalarTile()])]),
  ]);
}

function emitTranspose(m: binaryen.Module): void {
  const i32 = binaryen.i32;
  const fn = new Fn(m, PLAIN, [i32, i32, i32, i32, i32, i32]);
  const [M, N, A, lda, T, ldt] = fn.params as [Local, Local, Local, Local, Local, Local];
  const i = fn.i32(), j = fn.i32(), src = fn.i32(), dst = fn.i32(), ldt4 = fn.i32();
  fn.finish('transpose', [
    ldt4.set(fn.mul(ldt.get(), fn.c(4))),
    fn.forRange(i, fn.c(0), M.get(), 1, [
      src.set(fn.add(A.get(), fn.mul(fn.mul(i.get(), lda.get()), fn.c(4)))),
      dst.set(fn.addMul(T.get(), i.get(), 4)),
      fn.forRange(j, fn.c(0), N.get(), 1, [
        m.f32.store(0, 4, dst.get(), m.f32.load(0, 4, src.get())),
        src.set(fn.add(src.get(), fn.c(4))),
        dst.set(fn.add(dst.get(), ldt4.get())),
      ]),
    ]),
  ]);
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** gelu_fwd and gelu_bwd over n floats, 4 at a time (mathf's erf: absolute error < 2e-7). */
function emitGelu(m: binaryen.Module): void {
  const i32 = binaryen.i32;
  {
    const fn = new Fn(m, PLAIN, [i32, i32, i32]);
    const [u, g, n] = fn.params as [Local, Local, Local];
    const p = fn.i32(), x = fn.v128(), t = fn.v128();
    fn.finish('gelu_fwd', [
      fn.forRange(p, fn.c(0), fn.mul(n.get(), fn.c(4)), 16, [
        x.set(fn.load(fn.add(u.get(), p.get()))),
        t.set(fn.vmul(x.get(), fn.splat(Math.SQRT1_2))),
        erf4(fn, t),
        fn.store(fn.add(g.get(), p.get()), fn.vmul(fn.vmul(x.get(), fn.splat(0.5)), fn.vadd(t.get(), fn.splat(1)))),
      ]),
    ]);
  }
  {
    // gelu'(x) = Phi(x) + x phi(x), Phi(x) = (1 + erf(x / sqrt 2)) / 2, phi(x) = exp(-x^2 / 2) / sqrt(2 pi)
    const fn = new Fn(m, PLAIN, [i32, i32, i32, i32]);
    const [u, dg, du, n] = fn.params as [Local, Local, Local, Local];
    const p = fn.i32(), x = fn.v128(), t = fn.v128(), e = fn.v128();
    fn.finish('gelu_bwd', [
      fn.forRange(p, fn.c(0), fn.mul(n.get(), fn.c(4)), 16, [
        x.set(fn.load(fn.add(u.get(), p.get()))),
        t.set(fn.vmul(x.get(), fn.splat(Math.SQRT1_2))),
        erf4(fn, t),
        e.set(fn.vmul(fn.vmul(x.get(), x.get()), fn.splat(-0.5))),
        exp4(fn, e, e),
        t.set(fn.vadd(fn.vmul(fn.vadd(t.get(), fn.splat(1)), fn.splat(0.5)), fn.vmul(fn.vmul(x.get(), e.get()), fn.splat(INV_SQRT_2PI)))),
        fn.store(fn.add(du.get(), p.get()), fn.vmul(fn.load(fn.add(dg.get(), p.get())), t.get())),
      ]),
    ]);
  }
}

/**
 * adamw(p, g, m, v, n, lr, b1, b2, c1, c2, eps, decay) over n floats in float32 (c1, c2 the bias
 * corrections 1 - b^t, decay = 1 - lr wd): m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
 * p = p decay - lr (m / c1) / (sqrt(v / c2) + eps). Four at a time, then the same operations one by one.
 */
function emitAdamW(m: binaryen.Module): void {
  const i32 = binaryen.i32, f32 = binaryen.f32;
  const fn = new Fn(m, PLAIN, [i32, i32, i32, i32, i32, f32, f32, f32, f32, f32, f32, f32]);
  const [p, g, mo, vo, n, lr, b1, b2, c1, c2, eps, decay] = fn.params as Local[] as [Local, Local, Local, Local, Local, Local, Local, Local, Local, Local, Local, Local];
  const i = fn.i32(), end = fn.i32();
  const gv = fn.v128(), mv = fn.v128(), vv = fn.v128();
  const gs = fn.f32(), ms = fn.f32(), vs = fn.f32();
  const sp = (x: Local): Ref => m.f32x4.splat(x.get());
  const one = (x: Local): Ref => m.f32.sub(m.f32.const(1), x.get());
  const at = (base: Local): Ref => fn.add(base.get(), i.get());
  fn.finish('adamw', [
    end.set(fn.mul(m.i32.and(n.get(), fn.c(~3)), fn.c(4))),
    fn.forRange(i, fn.c(0), end.get(), 16, [
      gv.set(fn.load(at(g))),
      mv.set(fn.vadd(fn.vmul(sp(b1), fn.load(at(mo))), fn.vmul(m.f32x4.splat(one(b1)), gv.get()))),
      vv.set(fn.vadd(fn.vmul(sp(b2), fn.load(at(vo))), fn.vmul(m.f32x4.splat(one(b2)), fn.vmul(gv.get(), gv.get())))),
      fn.store(at(mo), mv.get()),
      fn.store(at(vo), vv.get()),
      fn.store(at(p), fn.vsub(fn.vmul(fn.load(at(p)), sp(decay)),
        m.f32x4.div(fn.vmul(sp(lr), m.f32x4.div(mv.get(), sp(c1))), fn.vadd(m.f32x4.sqrt(m.f32x4.div(vv.get(), sp(c2))), sp(eps))))),
    ]),
    fn.forRange(i, end.get(), fn.mul(n.get(), fn.c(4)), 4, [
      gs.set(m.f32.load(0, 4, at(g))),
      ms.set(m.f32.add(m.f32.mul(b1.get(), m.f32.load(0, 4, at(mo))), m.f32.mul(one(b1), gs.get()))),
      vs.set(m.f32.add(m.f32.mul(b2.get(), m.f32.load(0, 4, at(vo))), m.f32.mul(one(b2), m.f32.mul(gs.get(), gs.get())))),
      m.f32.store(0, 4, at(mo), ms.get()),
      m.f32.store(0, 4, at(vo), vs.get()),
      m.f32.store(0, 4, at(p), m.f32.sub(m.f32.mul(m.f32.load(0, 4, at(p)), decay.get()),
        m.f32.div(m.f32.mul(lr.get(), m.f32.div(ms.get(), c1.get())), m.f32.add(m.f32.sqrt(m.f32.div(vs.get(), c2.get())), eps.get())))),
    ]),
  ]);
}

/** The module's bytes: a shared memory imported as env.memory (growing it keeps earlier views valid). */
export function emitTrainModule(): Uint8Array {
  const m = new binaryen.Module();
  try {
    m.setFeatures(moduleFeatures(PLAIN));
    m.setMemory(1, 65536, null, [], true);
    m.addMemoryImport('0', 'env', 'memory', true);
    emitGemm(m, 'nn');
    emitGemm(m, 'tn');
    emitTranspose(m);
    emitGelu(m);
    emitAdamW(m);
    if (!m.validate()) throw new Error('internal: the training wasm module failed binaryen validation');
    return m.emitBinary();
  } finally {
    m.dispose();
  }
}
