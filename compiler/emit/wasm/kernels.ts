// Row kernels of the WASM backend: LayerNorm, the per-sequence key transpose, and attention (scores,
// softmax, context) over one sequence's keys. All dimensions are constants of the emitted code.

import binaryen from 'binaryen';
import { Fn, type Local, type Ref, type Variant } from './builder.ts';
import { exp4 } from './mathf.ts';

/**
 * `name(layer, x, y, r0, r1)`: y[r] = LayerNorm(x[r]) for rows [r0, r1), rows of d floats; gamma and beta
 * at `gamma + layer * layerStride` (beta follows at `beta + ...`). Two-pass mean and variance.
 */
export function emitLayerNorm(m: binaryen.Module, variant: Variant, spec: { name: string; d: number; eps: number; gamma: number; beta: number; layerStride: number }): void {
  const i32 = binaryen.i32;
  const fn = new Fn(m, variant, [i32, i32, i32, i32, i32]);
  const [layer, x, y, r0, r1] = fn.params as [Local, Local, Local, Local, Local];
  const { d } = spec;
  const r = fn.i32(), v = fn.i32(), xp = fn.i32(), yp = fn.i32(), g = fn.i32(), b = fn.i32();
  const s = fn.v128(), t = fn.v128(), mean = fn.v128(), inv = fn.v128();
  const vecLoop = (body: Ref[]): Ref => fn.forRange(v, fn.c(0), fn.c(d * 4), 16, body);
  const xv = (): Ref => fn.load(fn.add(xp.get(), v.get()));
  fn.finish(spec.name, [
    g.set(fn.addMul(fn.c(spec.gamma), layer.get(), spec.layerStride)),
    b.set(fn.addMul(fn.c(spec.beta), layer.get(), spec.layerStride)),
    fn.forRange(r, r0.get(), r1.get(), 1, [
      xp.set(fn.addMul(x.get(), r.get(), d * 4)),
      yp.set(fn.addMul(y.get(), r.get(), d * 4)),
      s.set(fn.splat(0)),
      vecLoop([s.set(fn.vadd(s.get(), xv()))]),
      mean.set(m.f32x4.splat(m.f32.div(fn.hsum(s), m.f32.const(d)))),
      s.set(fn.splat(0)),
      vecLoop([t.set(fn.vsub(xv(), mean.get())), s.set(fn.fma(t.get(), t.get(), s.get()))]),
      inv.set(m.f32x4.splat(m.f32.div(m.f32.const(1), m.f32.sqrt(m.f32.add(m.f32.div(fn.hsum(s), m.f32.const(d)), m.f32.const(spec.eps)))))),
      vecLoop([
        t.set(fn.vmul(fn.vsub(xv(), mean.get()), inv.get())),
        fn.store(fn.add(yp.get(), v.get()), fn.fma(t.get(), fn.load(fn.add(g.get(), v.get())), fn.load(fn.add(b.get(), v.get())))),
      ]),
    ]),
  ]);
}

/** Attention geometry: rows of the fused QKV buffer are [q (d) | k (d) | v (d)]. */
export interface AttentionSpec { readonly d: number; readonly heads: number }

/**
 * Sequence records (4 x i32 each, at seqMeta + 16 s): [ktPtr, len, keysPtr, lpad] where keysPtr points at
 * the len packed rows of the sequence's tokens (i32) and lpad = len rounded up to a multiple of 4.
 *
 * `gather_kt(qkv, seqMeta, s0, s1)`: for sequences [s0, s1) writes Kt[col][j] = K[keys[j]][col]
 * ([d][lpad] floats at ktPtr, zero for j >= len), so scores are contiguous along keys. Blocks of 4 keys x
 * 4 columns: four row loads, a 4x4 shuffle transpose, four stores (lanes past len masked to zero).
 */
export function emitGatherKt(m: binaryen.Module, variant: Variant, spec: AttentionSpec): void {
  const i32 = binaryen.i32;
  const fn = new Fn(m, variant, [i32, i32, i32, i32]);
  const [qkv, seqMeta, s0, s1] = fn.params as [Local, Local, Local, Local];
  const d = spec.d;
  const s = fn.i32(), meta = fn.i32(), kt = fn.i32(), len = fn.i32(), keys = fn.i32(), lpad = fn.i32();
  const jb = fn.i32(), col = fn.i32(), dst = fn.i32(), colStride = fn.i32();
  const src = [0, 1, 2, 3].map(() => fn.i32());
  const v = [0, 1, 2, 3].map(() => fn.v128());
  const t = [0, 1, 2, 3].map(() => fn.v128());
  const mask = fn.v128();
  const ld = (off: number): Ref => m.i32.load(off, 4, meta.get());
  // key jb + i, or key jb (a valid row, masked out later) past the end of the sequence
  const keyRow = (i: number): Ref => {
    const j = fn.add(jb.get(), fn.c(i));
    const idx = m.select(m.i32.lt_s(j, len.get()), m.copyExpression(j), jb.get());
    return fn.add(fn.addMul(qkv.get(), m.i32.load(0, 4, fn.addMul(keys.get(), idx, 4)), 3 * d * 4), fn.c(d * 4));
  };
  // i32x4 lane i = (jb + i < len) ? all ones : 0
  const laneMask = m.i32x4.lt_s(m.i32x4.add(m.i32x4.splat(jb.get()), m.v128.const([0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0])), m.i32x4.splat(len.get()));
  const f32Lanes = (lanes: number[]): number[] => lanes.flatMap((l) => [4 * l, 4 * l + 1, 4 * l + 2, 4 * l + 3]);
  const shuffle = (a: Local, b: Local, lanes: number[]): Ref => m.i8x16.shuffle(a.get(), b.get(), f32Lanes(lanes));
  const [v0, v1, v2, v3] = v as [Local, Local, Local, Local];
  const [t0, t1, t2, t3] = t as [Local, Local, Local, Local];
  fn.finish('gather_kt', [
    fn.forRange(s, s0.get(), s1.get(), 1, [
      meta.set(fn.addMul(seqMeta.get(), s.get(), 16)),
      kt.set(ld(0)), len.set(ld(4)), keys.set(ld(8)), lpad.set(ld(12)),
      colStride.set(fn.mul(lpad.get(), fn.c(4))),
      fn.forRange(jb, fn.c(0), lpad.get(), 4, [
        ...src.map((p, i) => p.set(keyRow(i))),
        mask.set(laneMask),
        dst.set(fn.addMul(kt.get(), jb.get(), 4)),
        fn.forRange(col, fn.c(0), fn.c(d * 4), 16, [ // byte offset of 4 columns inside a K row
          ...v.map((x, i) => x.set(fn.load(fn.add(src[i]!.get(), col.get())))),
          t0.set(shuffle(v0, v1, [0, 4, 1, 5])), t1.set(shuffle(v2, v3, [0, 4, 1, 5])),
          t2.set(shuffle(v0, v1, [2, 6, 3, 7])), t3.set(shuffle(v2, v3, [2, 6, 3, 7])),
          v0.set(shuffle(t0, t1, [0, 1, 4, 5])), v1.set(shuffle(t0, t1, [2, 3, 6, 7])),
          v2.set(shuffle(t2, t3, [0, 1, 4, 5])), v3.set(shuffle(t2, t3, [2, 3, 6, 7])),
          ...v.map((x, i) => fn.store(fn.add(dst.get(), fn.mul(fn.c(i), colStride.get())), m.v128.and(x.get(), mask.get()))),
          dst.set(fn.add(dst.get(), fn.mul(fn.c(4), colStride.get()))),
        ]),
      ]),
    ]),
  ]);
}

/**
 * `attend(qkv, ctx, rowSeq, seqMeta, scores, i0, i1)`: for query rows [i0, i1) (Q pre-scaled by 1/sqrt(dh)),
 * every head: scores over the row's sequence keys (Kt from gather_kt), softmax, context = P @ V into
 * ctx [rows, d]. rowSeq: i32 sequence of each row; scores: per-thread scratch of 4 x lpad floats.
 * Head outer, rows inner (one head's keys and values stay cache-hot), and runs of 4 or 2 consecutive rows
 * of the same sequence share every key / value load.
 */
export function emitAttend(m: binaryen.Module, variant: Variant, spec: AttentionSpec): void {
  const i32 = binaryen.i32;
  const fn = new Fn(m, variant, [i32, i32, i32, i32, i32, i32, i32]);
  const [qkv, ctx, rowSeq, seqMeta, scores, i0, i1] = fn.params as [Local, Local, Local, Local, Local, Local, Local];
  const { d, heads } = spec;
  const dh = d / heads, dv = dh / 4;
  const h = fn.i32(), i = fn.i32(), seq = fn.i32(), meta = fn.i32(), kt = fn.i32(), len = fn.i32(), keys = fn.i32(), lpad = fn.i32(), rowStride = fn.i32();
  const ld = (off: number): Ref => m.i32.load(off, 4, meta.get());
  const seqAt = (k: number): Ref => m.i32.load(k * 4, 4, fn.addMul(rowSeq.get(), i.get(), 4));

  const loopWhile = (cond: () => Ref, body: Ref[]): Ref => {
    const brk = fn.label('w'), top = fn.label('wl');
    return m.block(brk, [m.loop(top, m.block(null, [m.br(brk, m.i32.eqz(cond())), ...body, m.br(top)]))]);
  };

  /** Rows i .. i + R - 1 (same sequence, consecutive in qkv and ctx) for head h. */
  const rowsBlock = (R: number): Ref => {
    const jb = fn.i32(), c = fn.i32(), qp = fn.i32(), ktp = fn.i32(), j = fn.i32(), jp = fn.i32(), vp = fn.i32(), op = fn.i32();
    const sp = Array.from({ length: R }, () => fn.i32());
    const a = fn.v128(), mx = fn.v128(), sum = fn.v128(), e = fn.v128();
    const shared = Array.from({ length: 8 }, () => fn.v128()); // key / value vectors reused by the R rows

    // scores[r][jb .. jb + 4 sv) for sv key vectors: sum over c of q[r][c] * Kt[h dh + c][jb ..]
    const scoreBlock = (sv: number): Ref[] => {
      const acc = Array.from({ length: R }, () => Array.from({ length: sv }, () => fn.v128()));
      const kv = (v: number): Ref => R > 1 ? shared[v]!.get() : fn.load(ktp.get(), v * 16);
      const inner: Ref[] = [];
      if (R > 1) for (let v = 0; v < sv; v++) inner.push(shared[v]!.set(fn.load(ktp.get(), v * 16)));
      for (let r = 0; r < R; r++) {
        inner.push(a.set(fn.loadSplat(qp.get(), r * 3 * d * 4)));
        for (let v = 0; v < sv; v++) inner.push(acc[r]![v]!.set(fn.fma(a.get(), kv(v), acc[r]![v]!.get())));
      }
      const out: Ref[] = [];
      for (let r = 0; r < R; r++) for (let v = 0; v < sv; v++) out.push(fn.store(fn.addMul(sp[r]!.get(), jb.get(), 4), acc[r]![v]!.get(), v * 16));
      return [
        ...acc.flat().map((t) => t.set(fn.splat(0))),
        qp.set(fn.add(fn.addMul(qkv.get(), i.get(), 3 * d * 4), fn.mul(h.get(), fn.c(dh * 4)))),
        ktp.set(fn.add(fn.add(kt.get(), fn.mul(fn.mul(h.get(), fn.c(dh)), rowStride.get())), fn.mul(jb.get(), fn.c(4)))),
        fn.forRange(c, fn.c(0), fn.c(dh), 1, [...inner, qp.set(fn.add(qp.get(), fn.c(4))), ktp.set(fn.add(ktp.get(), rowStride.get()))]),
        ...out,
        jb.set(fn.add(jb.get(), fn.c(4 * sv))),
      ];
    };
    const sv = 8 / R;
    // scores row r (at scores + r * rowStride) -> softmax probabilities in place, tail lanes masked out
    const rr = fn.i32(), row = fn.i32();
    const at = (): Ref => fn.add(row.get(), jp.get());
    const softmax = fn.forRange(rr, fn.c(0), fn.c(R), 1, [
      row.set(fn.add(scores.get(), fn.mul(rr.get(), rowStride.get()))),
      fn.forRange(j, len.get(), lpad.get(), 1, [m.f32.store(0, 4, fn.addMul(row.get(), j.get(), 4), m.f32.const(-Infinity))]),
      mx.set(fn.splat(-Infinity)),
      fn.forRange(jp, fn.c(0), rowStride.get(), 16, [mx.set(m.f32x4.max(mx.get(), fn.load(at())))]),
      mx.set(m.f32x4.splat(fn.hmax(mx))),
      sum.set(fn.splat(0)),
      fn.forRange(jp, fn.c(0), rowStride.get(), 16, [
        a.set(fn.vsub(fn.load(at()), mx.get())),
        exp4(fn, a, e),
        fn.store(at(), e.get()),
        sum.set(fn.vadd(sum.get(), e.get())),
      ]),
      sum.set(m.f32x4.splat(m.f32.div(m.f32.const(1), fn.hsum(sum)))),
      fn.forRange(jp, fn.c(0), rowStride.get(), 16, [fn.store(at(), fn.vmul(fn.load(at()), sum.get()))]),
    ]);
    // ctx[i + r][h dh + 4 (v0 ..)] for cv value vectors from v0: sum over keys j of p[r][j] * V[keys[j]]
    const contextBlock = (v0: number, cv: number): Ref[] => {
      const acc = Array.from({ length: R }, () => Array.from({ length: cv }, () => fn.v128()));
      const vv = (v: number): Ref => R > 1 ? shared[v]!.get() : fn.load(vp.get(), (v0 + v) * 16);
      const inner: Ref[] = [
        vp.set(fn.add(fn.addMul(qkv.get(), m.i32.load(0, 4, fn.add(keys.get(), jp.get())), 3 * d * 4), fn.addMul(fn.c(2 * d * 4), h.get(), dh * 4))),
      ];
      if (R > 1) for (let v = 0; v < cv; v++) inner.push(shared[v]!.set(fn.load(vp.get(), (v0 + v) * 16)));
      for (let r = 0; r < R; r++) {
        inner.push(a.set(fn.loadSplat(fn.add(sp[r]!.get(), jp.get()))));
        for (let v = 0; v < cv; v++) inner.push(acc[r]![v]!.set(fn.fma(a.get(), vv(v), acc[r]![v]!.get())));
      }
      const out: Ref[] = [];
      for (let r = 0; r < R; r++) for (let v = 0; v < cv; v++) out.push(fn.store(op.get(), acc[r]![v]!.get(), r * d * 4 + (v0 + v) * 16));
      return [
        ...acc.flat().map((t) => t.set(fn.splat(0))),
        fn.forRange(jp, fn.c(0), fn.mul(len.get(), fn.c(4)), 4, inner),
        ...out,
      ];
    };
    const cv = 8 / R;
    const contextBlocks: Ref[] = [];
    for (let v0 = 0; v0 < dv; v0 += cv) contextBlocks.push(...contextBlock(v0, Math.min(cv, dv - v0)));
    return m.block(null, [
      ...sp.map((p, r) => p.set(fn.add(scores.get(), fn.mul(rowStride.get(), fn.c(r))))),
      jb.set(fn.c(0)),
      loopWhile(() => m.i32.le_s(fn.add(jb.get(), fn.c(4 * sv)), lpad.get()), scoreBlock(sv)),
      loopWhile(() => m.i32.lt_s(jb.get(), lpad.get()), scoreBlock(1)),
      softmax,
      op.set(fn.add(fn.addMul(ctx.get(), i.get(), d * 4), fn.mul(h.get(), fn.c(dh * 4)))),
      ...contextBlocks,
      i.set(fn.add(i.get(), fn.c(R))),
    ]);
  };

  // a run of k + 1 rows from i stays inside [i0, i1) and inside one sequence
  const run = (k: number): Ref => {
    let cond = m.i32.eq(seqAt(k), seq.get());
    for (let t = k - 1; t >= 1; t--) cond = m.if(m.i32.eq(seqAt(t), seq.get()), cond, fn.c(0));
    return m.if(m.i32.lt_s(fn.add(i.get(), fn.c(k)), i1.get()), cond, fn.c(0));
  };
  fn.finish('attend', [
    fn.forRange(h, fn.c(0), fn.c(heads), 1, [
      i.set(i0.get()),
      loopWhile(() => m.i32.lt_s(i.get(), i1.get()), [
        seq.set(seqAt(0)),
        meta.set(fn.addMul(seqMeta.get(), seq.get(), 16)),
        kt.set(ld(0)), len.set(ld(4)), keys.set(ld(8)), lpad.set(ld(12)),
        rowStride.set(fn.mul(lpad.get(), fn.c(4))),
        m.if(run(3), rowsBlock(4), m.if(run(1), rowsBlock(2), rowsBlock(1))),
      ]),
    ]),
  ]);
}
