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
 * ([d][lpad] floats at ktPtr, zero for j >= len), so scores are contiguous along keys.
 */
export function emitGatherKt(m: binaryen.Module, variant: Variant, spec: AttentionSpec): void {
  const i32 = binaryen.i32;
  const fn = new Fn(m, variant, [i32, i32, i32, i32]);
  const [qkv, seqMeta, s0, s1] = fn.params as [Local, Local, Local, Local];
  const d = spec.d;
  const s = fn.i32(), meta = fn.i32(), kt = fn.i32(), len = fn.i32(), keys = fn.i32(), lpad = fn.i32();
  const j = fn.i32(), col = fn.i32(), src = fn.i32(), dst = fn.i32(), colStride = fn.i32();
  const ld = (off: number): Ref => m.i32.load(off, 4, meta.get());
  fn.finish('gather_kt', [
    fn.forRange(s, s0.get(), s1.get(), 1, [
      meta.set(fn.addMul(seqMeta.get(), s.get(), 16)),
      kt.set(ld(0)), len.set(ld(4)), keys.set(ld(8)), lpad.set(ld(12)),
      colStride.set(fn.mul(lpad.get(), fn.c(4))),
      fn.forRange(j, fn.c(0), lpad.get(), 1, [
        dst.set(fn.addMul(kt.get(), j.get(), 4)),
        m.if(m.i32.lt_s(j.get(), len.get()),
          m.block(null, [
            src.set(fn.add(fn.addMul(qkv.get(), m.i32.load(0, 4, fn.addMul(keys.get(), j.get(), 4)), 3 * d * 4), fn.c(d * 4))),
            fn.forRange(col, fn.c(0), fn.c(d), 1, [
              m.f32.store(0, 4, dst.get(), m.f32.load(0, 4, fn.addMul(src.get(), col.get(), 4))),
              dst.set(fn.add(dst.get(), colStride.get())),
            ]),
          ]),
          fn.forRange(col, fn.c(0), fn.c(d), 1, [
            m.f32.store(0, 4, dst.get(), m.f32.const(0)),
            dst.set(fn.add(dst.get(), colStride.get())),
          ])),
      ]),
    ]),
  ]);
}

/**
 * `attend(qkv, ctx, rowSeq, seqMeta, scores, i0, i1)`: for query rows [i0, i1) (Q pre-scaled by 1/sqrt(dh)),
 * every head: scores over the row's sequence keys (Kt from gather_kt), softmax, context = P @ V into
 * ctx [rows, d]. rowSeq: i32 sequence of each row; scores: lpad floats of per-thread scratch.
 */
export function emitAttend(m: binaryen.Module, variant: Variant, spec: AttentionSpec): void {
  const i32 = binaryen.i32;
  const fn = new Fn(m, variant, [i32, i32, i32, i32, i32, i32, i32]);
  const [qkv, ctx, rowSeq, seqMeta, scores, i0, i1] = fn.params as [Local, Local, Local, Local, Local, Local, Local];
  const { d, heads } = spec;
  const dh = d / heads, dv = dh / 4;
  const i = fn.i32(), h = fn.i32(), meta = fn.i32(), kt = fn.i32(), len = fn.i32(), keys = fn.i32(), lpad = fn.i32();
  const jb = fn.i32(), c = fn.i32(), qp = fn.i32(), ktp = fn.i32(), j = fn.i32(), vp = fn.i32(), op = fn.i32(), rowStride = fn.i32();
  const a = fn.v128(), mx = fn.v128(), sum = fn.v128(), e = fn.v128(), inv = fn.v128();
  const ld = (off: number): Ref => m.i32.load(off, 4, meta.get());

  // scores[jb .. jb + 4 nv) for head h: accumulate over c of q[c] * Kt[h dh + c][jb ..]; 8 vectors of 4 keys
  // at a time keep 8 independent FMA chains in flight
  const scoreBlock = (nv: number): Ref[] => {
    const acc = Array.from({ length: nv }, () => fn.v128());
    return [
      ...acc.map((t) => t.set(fn.splat(0))),
      qp.set(fn.add(fn.addMul(qkv.get(), i.get(), 3 * d * 4), fn.mul(h.get(), fn.c(dh * 4)))),
      ktp.set(fn.add(fn.add(kt.get(), fn.mul(fn.mul(h.get(), fn.c(dh)), rowStride.get())), fn.mul(jb.get(), fn.c(4)))),
      fn.forRange(c, fn.c(0), fn.c(dh), 1, [
        a.set(fn.loadSplat(qp.get())),
        ...acc.map((t, v) => t.set(fn.fma(a.get(), fn.load(ktp.get(), v * 16), t.get()))),
        qp.set(fn.add(qp.get(), fn.c(4))),
        ktp.set(fn.add(ktp.get(), rowStride.get())),
      ]),
      ...acc.map((t, v) => fn.store(fn.addMul(scores.get(), jb.get(), 4), t.get(), v * 16)),
      jb.set(fn.add(jb.get(), fn.c(4 * nv))),
    ];
  };
  const loopWhile = (cond: () => Ref, body: Ref[]): Ref => {
    const brk = fn.label('w'), top = fn.label('wl');
    return m.block(brk, [m.loop(top, m.block(null, [m.br(brk, m.i32.eqz(cond())), ...body, m.br(top)]))]);
  };
  const sc = (): Ref => fn.addMul(scores.get(), j.get(), 4);

  // context block: ctx[i, h dh + 4 v0 ..] for nv vectors starting at vector v0 of the head
  const contextBlock = (v0: number, nv: number): Ref[] => {
    const acc = Array.from({ length: nv }, () => fn.v128());
    return [
      ...acc.map((t) => t.set(fn.splat(0))),
      fn.forRange(j, fn.c(0), len.get(), 1, [
        a.set(fn.loadSplat(sc())),
        vp.set(fn.add(fn.addMul(qkv.get(), m.i32.load(0, 4, fn.addMul(keys.get(), j.get(), 4)), 3 * d * 4), fn.addMul(fn.c(2 * d * 4 + v0 * 16), h.get(), dh * 4))),
        ...acc.map((t, v) => t.set(fn.fma(a.get(), fn.load(vp.get(), v * 16), t.get()))),
      ]),
      ...acc.map((t, v) => fn.store(op.get(), fn.vmul(t.get(), inv.get()), (v0 + v) * 16)),
    ];
  };
  const contextBlocks: Ref[] = [];
  for (let v0 = 0; v0 < dv; v0 += 8) contextBlocks.push(...contextBlock(v0, Math.min(8, dv - v0)));

  const perHead: Ref[] = [
    jb.set(fn.c(0)),
    loopWhile(() => m.i32.le_s(fn.add(jb.get(), fn.c(32)), lpad.get()), scoreBlock(8)),
    loopWhile(() => m.i32.lt_s(jb.get(), lpad.get()), scoreBlock(1)),
    fn.forRange(j, len.get(), lpad.get(), 1, [m.f32.store(0, 4, sc(), m.f32.const(-Infinity))]),
    mx.set(fn.splat(-Infinity)),
    fn.forRange(j, fn.c(0), lpad.get(), 4, [mx.set(m.f32x4.max(mx.get(), fn.load(sc())))]),
    mx.set(m.f32x4.splat(fn.hmax(mx))),
    sum.set(fn.splat(0)),
    fn.forRange(j, fn.c(0), lpad.get(), 4, [
      a.set(fn.vsub(fn.load(sc()), mx.get())),
      exp4(fn, a, e),
      fn.store(sc(), e.get()),
      sum.set(fn.vadd(sum.get(), e.get())),
    ]),
    inv.set(m.f32x4.splat(m.f32.div(m.f32.const(1), fn.hsum(sum)))),
    op.set(fn.add(fn.addMul(ctx.get(), i.get(), d * 4), fn.mul(h.get(), fn.c(dh * 4)))),
    ...contextBlocks,
  ];
  fn.finish('attend', [
    fn.forRange(i, i0.get(), i1.get(), 1, [
      meta.set(fn.addMul(seqMeta.get(), m.i32.load(0, 4, fn.addMul(rowSeq.get(), i.get(), 4)), 16)),
      kt.set(ld(0)), len.set(ld(4)), keys.set(ld(8)), lpad.set(ld(12)),
      rowStride.set(fn.mul(lpad.get(), fn.c(4))),
      fn.forRange(h, fn.c(0), fn.c(heads), 1, perHead),
    ]),
  ]);
}
