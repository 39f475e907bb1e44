// Emits the WebAssembly module of an encoder-decoder's decoder step (contract/wasm-decoder-layout.ts): the
// LayerNorms, the panel products (the encoder's gemm kernel with the decoder's addresses baked in), one-row
// attention over a transposed KV cache, and the tied LM head as dot products with the token table.

import binaryen from 'binaryen';
import { HasheeError } from '../../errors.ts';
import { decoderLayout, DECODER_GEMMS, DECODER_NORMS, type DecoderLayout } from '../../../contract/wasm-decoder-layout.ts';
import { MAX_PAGES } from '../../../contract/wasm-layout.ts';
import type { Seq2SeqArch } from '../../../contract/seq2seq.ts';
import { Fn, moduleFeatures, type Local, type Ref, type Variant } from './builder.ts';
import { emitGemm, type Epilogue } from './gemm.ts';
import { emitLayerNorm } from './kernels.ts';
import { exp4 } from './mathf.ts';

/** Rows of the tied LM head's kernels: lm_tied_1 .. lm_tied_4 read each token row once for that many states. */
export const LM_TIED_ROWS = 4;

/** Rejects decoders the kernels cannot express (vectors are 4 floats wide). */
export function checkDecoderArch(arch: Seq2SeqArch): void {
  const dh = arch.hidden / arch.heads;
  const bad = (what: string, v: number) => new HasheeError('backend', `the wasm target needs ${what} to be a multiple of 4`, { keyPath: 'model', expected: 'a multiple of 4', actual: String(v) });
  if (arch.hidden % 4 !== 0) throw bad('model.hidden', arch.hidden);
  if (arch.ffn % 4 !== 0) throw bad('model.ffn', arch.ffn);
  if (!Number.isInteger(dh) || dh % 4 !== 0) throw bad('model.hidden / model.heads', dh);
  if (!arch.tieEmbeddings && arch.vocabSize % 4 !== 0) throw bad('model.vocab_size (untied LM head)', arch.vocabSize);
}

const EPILOGUES: Record<(typeof DECODER_GEMMS)[number]['gemm'], 'none' | 'residual' | 'act'> = {
  sq: 'none', skv: 'none', so: 'residual', cq: 'none', ckv: 'none', co: 'residual', f1: 'act', f2: 'residual', lm: 'none',
};

function build(layout: DecoderLayout, relaxed: boolean, shared: boolean): binaryen.Module {
  const arch = layout.arch;
  checkDecoderArch(arch);
  const m = new binaryen.Module();
  const variant: Variant = { relaxed };
  m.setFeatures(moduleFeatures(variant));
  m.setMemory(Math.ceil(layout.end / 65536), MAX_PAGES, null, [], shared);
  m.addMemoryImport('0', 'env', 'memory', shared);
  for (const [name, n] of Object.entries(DECODER_NORMS)) {
    if (name === 'final' && arch.norm !== 'pre') continue;
    const prefix = n.layer ? 'layers.0.' : '';
    emitLayerNorm(m, variant, {
      name: `ln_${name}`, d: arch.hidden, eps: arch.layerNormEps,
      gamma: layout.at[`${prefix}norm.${name}.gamma`]!, beta: layout.at[`${prefix}norm.${name}.beta`]!, layerStride: n.layer ? layout.layerStride : 0,
    });
  }
  for (const g of DECODER_GEMMS) {
    const shape = layout.gemm[g.gemm];
    if (!shape) continue; // lm with tied embeddings
    const prefix = g.layer ? 'layers.0.' : '';
    const e = EPILOGUES[g.gemm];
    const epilogue: Epilogue = e === 'act' ? arch.activation : e;
    const weights = layout.at[g.layer ? `${prefix}${g.gemm}.weight` : 'lm.weight']!, bias = layout.at[g.layer ? `${prefix}${g.gemm}.bias` : 'lmB']!;
    emitGemm(m, variant, { name: `mm_${g.gemm}`, ...shape, weights, bias, layerStride: g.layer ? layout.layerStride : 0, epilogue });
  }
  if (arch.tieEmbeddings) for (let R = 1; R <= LM_TIED_ROWS; R++) emitLmTied(m, variant, layout, R);
  emitAttendRow(m, variant, arch.hidden, arch.heads);
  if (!m.validate()) throw new Error('internal: generated decoder wasm module failed binaryen validation');
  return m;
}

/**
 * `lm_tied_R(h, out, t0, t1)`: out[r * V + t] = h[r] . tokens[t] + lmB[t] for R rows of h [R, d] and token
 * ids [t0, t1): each token row is read once for the R states. Tokens go T at a time (6, 4, 2 for R = 1, 2, 3-4), so
 * R x T accumulator chains are in flight (one chain is bound by FMA latency, not by memory); the last
 * few ids one at a time.
 */
function emitLmTied(m: binaryen.Module, variant: Variant, layout: DecoderLayout, R: number): void {
  const i32 = binaryen.i32;
  const fn = new Fn(m, variant, [i32, i32, i32, i32]);
  const [h, out, t0, t1] = fn.params as [Local, Local, Local, Local];
  const d = layout.arch.hidden, V = layout.arch.vocabSize;
  const t = fn.i32(), c = fn.i32(), ep = fn.i32(), hv = fn.v128();
  const T = R === 1 ? 6 : R === 2 ? 4 : 2; // R x T accumulators + T token vectors + 1 state vector fit 16 registers
  const e = Array.from({ length: T }, () => fn.v128());
  const acc = Array.from({ length: R }, () => Array.from({ length: T }, () => fn.v128()));
  const tokens = (count: number): Ref[] => {
    const body: Ref[] = [];
    for (let r = 0; r < R; r++) for (let j = 0; j < count; j++) body.push(acc[r]![j]!.set(fn.splat(0)));
    body.push(ep.set(fn.add(fn.c(layout.at['tokens']!), fn.mul(t.get(), fn.c(d * 4)))));
    const inner: Ref[] = [];
    for (let j = 0; j < count; j++) inner.push(e[j]!.set(fn.load(fn.add(ep.get(), c.get()), j * d * 4)));
    for (let r = 0; r < R; r++) {
      inner.push(hv.set(fn.load(fn.add(h.get(), c.get()), r * d * 4)));
      for (let j = 0; j < count; j++) inner.push(acc[r]![j]!.set(fn.fma(hv.get(), e[j]!.get(), acc[r]![j]!.get())));
    }
    body.push(fn.forRange(c, fn.c(0), fn.c(d * 4), 16, inner));
    for (let j = 0; j < count; j++) {
      const at = (): Ref => fn.add(fn.mul(t.get(), fn.c(4)), fn.c(j * 4));
      const bias = (): Ref => m.f32.load(0, 4, fn.add(fn.c(layout.at['lmB']!), at()));
      for (let r = 0; r < R; r++) body.push(m.f32.store(r * V * 4, 4, fn.add(out.get(), at()), m.f32.add(fn.hsum(acc[r]![j]!), bias())));
    }
    return body;
  };
  const brk = fn.label('lm'), top = fn.label('lmt');
  fn.finish(`lm_tied_${R}`, [
    t.set(t0.get()),
    // T ids per iteration while T remain, then one at a time
    m.block(brk, [m.loop(top, m.block(null, [
      m.br(brk, m.i32.gt_s(fn.add(t.get(), fn.c(T)), t1.get())),
      ...tokens(T),
      t.set(fn.add(t.get(), fn.c(T))),
      m.br(top),
    ]))]),
    fn.forRange(t, t.get(), t1.get(), 1, tokens(1)),
  ]);
}

/**
 * `attend_row(q, kt, ldk, v, len, out, scores)`: one query row q [d] (pre-scaled by 1/sqrt(dh)) over `len`
 * keys, every head: scores from the transposed keys kt [d][ldk] (ldk floats per row, a multiple of 4),
 * softmax, out [d] = P @ V with V rows [len, d]. scores: scratch of ldk floats.
 */
function emitAttendRow(m: binaryen.Module, variant: Variant, d: number, heads: number): void {
  const i32 = binaryen.i32;
  const fn = new Fn(m, variant, [i32, i32, i32, i32, i32, i32, i32]);
  const [q, kt, ldk, v, len, out, scores] = fn.params as [Local, Local, Local, Local, Local, Local, Local];
  const dh = d / heads, dv = dh / 4;
  const h = fn.i32(), jb = fn.i32(), c = fn.i32(), j = fn.i32(), lpad = fn.i32(), kp = fn.i32(), qp = fn.i32(), vp = fn.i32(), sp = fn.i32();
  const acc = fn.v128(), a = fn.v128(), mx = fn.v128(), sum = fn.v128(), ex = fn.v128();
  const CHUNK = 8; // context vectors summed together (accumulators in registers)
  const contextChunks: Ref[] = [];
  for (let v0 = 0; v0 < dv; v0 += CHUNK) {
    const cv = Math.min(CHUNK, dv - v0);
    const accs = Array.from({ length: cv }, () => fn.v128());
    contextChunks.push(
      ...accs.map((x) => x.set(fn.splat(0))),
      fn.forRange(j, fn.c(0), len.get(), 1, [
        a.set(fn.loadSplat(fn.add(scores.get(), fn.mul(j.get(), fn.c(4))))),
        vp.set(fn.add(fn.add(v.get(), fn.mul(j.get(), fn.c(d * 4))), fn.mul(h.get(), fn.c(dh * 4)))),
        ...accs.map((x, i) => x.set(fn.fma(a.get(), fn.load(vp.get(), (v0 + i) * 16), x.get()))),
      ]),
      ...accs.map((x, i) => fn.store(fn.add(out.get(), fn.mul(h.get(), fn.c(dh * 4))), x.get(), (v0 + i) * 16)),
    );
  }
  const at = (): Ref => fn.add(scores.get(), fn.mul(jb.get(), fn.c(4)));
  fn.finish('attend_row', [
    lpad.set(m.i32.and(fn.add(len.get(), fn.c(3)), fn.c(-4))),
    fn.forRange(h, fn.c(0), fn.c(heads), 1, [
      // scores[jb .. jb + 4) = sum over c of q[h dh + c] * kt[h dh + c][jb ..]
      fn.forRange(jb, fn.c(0), lpad.get(), 4, [
        acc.set(fn.splat(0)),
        qp.set(fn.add(q.get(), fn.mul(h.get(), fn.c(dh * 4)))),
        kp.set(fn.add(kt.get(), fn.mul(fn.add(fn.mul(fn.mul(h.get(), fn.c(dh)), ldk.get()), jb.get()), fn.c(4)))),
        fn.forRange(c, fn.c(0), fn.c(dh), 1, [
          acc.set(fn.fma(fn.loadSplat(qp.get()), fn.load(kp.get()), acc.get())),
          qp.set(fn.add(qp.get(), fn.c(4))),
          kp.set(fn.add(kp.get(), fn.mul(ldk.get(), fn.c(4)))),
        ]),
        fn.store(at(), acc.get()),
      ]),
      fn.forRange(j, len.get(), lpad.get(), 1, [m.f32.store(0, 4, fn.add(scores.get(), fn.mul(j.get(), fn.c(4))), m.f32.const(-Infinity))]),
      mx.set(fn.splat(-Infinity)),
      fn.forRange(jb, fn.c(0), lpad.get(), 4, [mx.set(m.f32x4.max(mx.get(), fn.load(at())))]),
      mx.set(m.f32x4.splat(fn.hmax(mx))),
      sum.set(fn.splat(0)),
      fn.forRange(jb, fn.c(0), lpad.get(), 4, [
        sp.set(at()),
        a.set(fn.vsub(fn.load(sp.get()), mx.get())),
        exp4(fn, a, ex),
        fn.store(sp.get(), ex.get()),
        sum.set(fn.vadd(sum.get(), ex.get())),
      ]),
      sum.set(m.f32x4.splat(m.f32.div(m.f32.const(1), fn.hsum(sum)))),
      fn.forRange(jb, fn.c(0), lpad.get(), 4, [sp.set(at()), fn.store(sp.get(), fn.vmul(fn.load(sp.get()), sum.get()))]),
      ...contextChunks,
    ]),
  ]);
}

export interface DecoderModules {
  readonly simd: Uint8Array;
  readonly relaxed: Uint8Array;
  /** The same modules importing a shared memory (the worker pool's). */
  readonly simdShared: Uint8Array;
  readonly relaxedShared: Uint8Array;
}

/** The decoder module in both SIMD variants (plain SIMD128 and relaxed FMA), private and shared memory; deterministic. */
export function emitDecoderModules(arch: Seq2SeqArch): DecoderModules {
  const layout = decoderLayout(arch);
  const emit = (relaxed: boolean, shared: boolean): Uint8Array => {
    const m = build(layout, relaxed, shared);
    try { return m.emitBinary(); } finally { m.dispose(); }
  };
  return { simd: emit(false, false), relaxed: emit(true, false), simdShared: emit(false, true), relaxedShared: emit(true, true) };
}
