// WGSL of an encoder-decoder's decoder step (runtime/webgpu/decoder.ts runs it): one module per kernel and
// layer, every dimension and weight offset baked in, all through one writer. Every module binds the weight
// buffer, the activation buffer and the meta buffer (contract/webgpu-decoder-layout.ts): the step's rows,
// the active rows per layer (a prefix) and where each activation region is. Arithmetic in f32.

import type { Activation } from '../../../contract/model.ts';
import type { DecoderWeightName, Seq2SeqArch } from '../../../contract/seq2seq.ts';
import { decoderAt, META, metaRows, webgpuDecoderLayout, type WebGpuDecoderLayout } from '../../../contract/webgpu-decoder-layout.ts';
import { f32, u32, WgslWriter } from './writer.ts';

/** Threads per workgroup of every decoder kernel. */
export const DECODER_THREADS = 64;

export interface DecoderModule {
  readonly name: string;  // 'embed', 'ln_self.0', 'lin_sq.0', 'attend_self.0', 'lm', ...
  readonly code: string;
}

/** Which rows a kernel covers: every row of the step, the layer's active prefix, or the source tokens (begin()). */
type Rows = 'all' | 'active' | 'source';
type Region = keyof typeof META;

interface Ctx {
  readonly a: Seq2SeqArch;
  readonly layout: WebGpuDecoderLayout;
  readonly header: readonly string[];
}

/** Every module of the decoder, in a fixed order (names unique). Same architecture, same text. */
export function emitDecoderWgsl(a: Seq2SeqArch, header: readonly string[] = []): DecoderModule[] {
  const ctx: Ctx = { a, layout: webgpuDecoderLayout(a), header };
  const pre = a.norm === 'pre';
  const mods: DecoderModule[] = [{ name: 'embed', code: embed(ctx) }, { name: 'ln_emb', code: layerNorm(ctx, 'embLnG', 'embLnB', 0, 'X', 'X', 'all') }];
  for (let l = 0; l < a.decoderLayers; l++) {
    const m = (name: string, code: string): void => { mods.push({ name: `${name}.${l}`, code }); };
    m('cross_k', linear(ctx, l, 'ckW', 'ckB', 'ENC', { cross: 'CK' }, 'source'));
    m('cross_v', linear(ctx, l, 'cvW', 'cvB', 'ENC', { cross: 'CV' }, 'source'));
    const self = pre ? 'A' : 'X';
    if (pre) m('ln_self', layerNorm(ctx, 'selfLnG', 'selfLnB', l, 'X', 'A', 'all'));
    m('lin_sk', linear(ctx, l, 'skW', 'skB', self, { cache: 'KC' }, 'all'));
    m('lin_sv', linear(ctx, l, 'svW', 'svB', self, { cache: 'VC' }, 'all'));
    m('lin_sq', linear(ctx, l, 'sqW', 'sqB', self, { to: 'Q' }, 'active'));
    m('attend_self', attend(ctx, l, 'self'));
    m('lin_so', linear(ctx, l, 'soW', 'soB', 'CTX', { to: 'X', residual: true }, 'active'));
    if (!pre) m('ln_self', layerNorm(ctx, 'selfLnG', 'selfLnB', l, 'X', 'X', 'active'));
    if (pre) m('ln_cross', layerNorm(ctx, 'crossLnG', 'crossLnB', l, 'X', 'A', 'active'));
    m('lin_cq', linear(ctx, l, 'cqW', 'cqB', pre ? 'A' : 'X', { to: 'Q' }, 'active'));
    m('attend_cross', attend(ctx, l, 'cross'));
    m('lin_co', linear(ctx, l, 'coW', 'coB', 'CTX', { to: 'X', residual: true }, 'active'));
    if (!pre) m('ln_cross', layerNorm(ctx, 'crossLnG', 'crossLnB', l, 'X', 'X', 'active'));
    if (pre) m('ln_ffn', layerNorm(ctx, 'ffnLnG', 'ffnLnB', l, 'X', 'A', 'active'));
    m('lin_f1', linear(ctx, l, 'f1W', 'f1B', pre ? 'A' : 'X', { to: 'HID', act: a.activation }, 'active'));
    m('lin_f2', linear(ctx, l, 'f2W', 'f2B', 'HID', { to: 'X', residual: true }, 'active'));
    if (!pre) m('ln_ffn', layerNorm(ctx, 'ffnLnG', 'ffnLnB', l, 'X', 'X', 'active'));
  }
  if (pre) mods.push({ name: 'ln_final', code: layerNorm(ctx, 'finalLnG', 'finalLnB', 0, 'X', 'X', 'all') });
  mods.push({ name: 'lm', code: lmHead(ctx) });
  return mods;
}

function prologue(w: WgslWriter, ctx: Ctx, what: string): void {
  for (const h of ctx.header) w.line(`// ${h}`);
  w.line(`// ${what}`);
  w.line('@group(0) @binding(0) var<storage, read> W: array<f32>;');
  w.line('@group(0) @binding(1) var<storage, read_write> act: array<f32>;');
  w.line('@group(0) @binding(2) var<storage, read> info: array<u32>;');
  w.line(`const D: u32 = ${u32(ctx.a.hidden)};`);
  w.line(`const L: u32 = ${u32(ctx.a.decoderLayers)};`);
  w.line(`const ROWS: u32 = ${u32(metaRows(ctx.a.decoderLayers))};`);
  w.line();
}

function rowCount(rows: Rows, l: number): string {
  return rows === 'all' ? `info[${META.R}]` : rows === 'source' ? `info[${META.n}]` : `info[${META.active + l}]`;
}

function embed(ctx: Ctx): string {
  const w = new WgslWriter();
  prologue(w, ctx, 'embed: X[r] = tokens[id] + positions[pos] for every row of the step');
  w.line(`@compute @workgroup_size(${DECODER_THREADS})`);
  w.block('fn main(@builtin(global_invocation_id) g: vec3<u32>)', () => {
    w.line(`if (g.x >= info[${META.R}] * D) { return; }`);
    w.line('let r = g.x / D;');
    w.line('let c = g.x % D;');
    w.line('let pos = info[ROWS + 3u * r + 1u];');
    w.line('let id = info[ROWS + 3u * r + 2u];');
    w.line(`act[info[${META.X}] + r * D + c] = W[${u32(ctx.layout.at['tokens']!)} + id * D + c] + W[${u32(decoderAt(ctx.layout, 'posEmb'))} + pos * D + c];`);
  });
  return w.text();
}

/** One workgroup per row: dst[r] = LayerNorm(src[r]) with the tensors at layer l. */
function layerNorm(ctx: Ctx, gamma: DecoderWeightName, beta: DecoderWeightName, l: number, src: Region, dst: Region, rows: Rows): string {
  const w = new WgslWriter();
  prologue(w, ctx, `LayerNorm ${gamma}/${beta} of layer ${l}, ${src} -> ${dst}, ${rows} rows`);
  w.line(`var<workgroup> red: array<f32, ${DECODER_THREADS}>;`);
  reduce(w);
  w.line(`@compute @workgroup_size(${DECODER_THREADS})`);
  w.block('fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) tid: u32)', () => {
    w.line(`if (wg.x >= ${rowCount(rows, l)}) { return; }`);
    w.line(`let x = info[${META[src]}] + wg.x * D;`);
    w.line(`let y = info[${META[dst]}] + wg.x * D;`);
    w.line('var s = 0.0f;');
    w.block(`for (var c = tid; c < D; c = c + ${u32(DECODER_THREADS)})`, () => w.line('s = s + act[x + c];'));
    w.line('let mean = sum64(s, tid) / f32(D);');
    w.line('var q = 0.0f;');
    w.block(`for (var c = tid; c < D; c = c + ${u32(DECODER_THREADS)})`, () => w.line('let t = act[x + c] - mean; q = q + t * t;'));
    w.line(`let inv = 1.0f / sqrt(sum64(q, tid) / f32(D) + ${f32(ctx.a.layerNormEps)});`);
    w.block(`for (var c = tid; c < D; c = c + ${u32(DECODER_THREADS)})`, () => {
      w.line(`act[y + c] = (act[x + c] - mean) * inv * W[${u32(decoderAt(ctx.layout, gamma, l))} + c] + W[${u32(decoderAt(ctx.layout, beta, l))} + c];`);
    });
  });
  return w.text();
}

/** sum64 / max64: a workgroup reduction over `red` (every thread returns the result). */
function reduce(w: WgslWriter): void {
  for (const [name, op] of [['sum64', 'a + b'], ['max64', 'max(a, b)']] as const) {
    w.block(`fn ${name}(v: f32, tid: u32) -> f32`, () => {
      w.line('workgroupBarrier();');
      w.line('red[tid] = v;');
      w.line('workgroupBarrier();');
      w.block(`for (var s = ${u32(DECODER_THREADS / 2)}; s > 0u; s = s >> 1u)`, () => {
        w.block('if (tid < s)', () => { w.line('let a = red[tid];'); w.line('let b = red[tid + s];'); w.line(`red[tid] = ${op};`); });
        w.line('workgroupBarrier();');
      });
      w.line('return red[0];');
    });
  }
}

type LinearOut =
  | { readonly to: Region; readonly residual?: boolean; readonly act?: Activation }
  | { readonly cache: 'KC' | 'VC' }   // this step's K or V row into the row's slot at its position, layer l
  | { readonly cross: 'CK' | 'CV' };  // the source rows' cross K or V of layer l

/** y = x @ W + b (+ y, or an activation), one output element per invocation; W [k, n] row-major. */
function linear(ctx: Ctx, l: number, wName: DecoderWeightName, bName: DecoderWeightName, x: Region, out: LinearOut, rows: Rows): string {
  const a = ctx.a;
  const k = wName === 'f2W' ? a.ffn : a.hidden, n = wName === 'f1W' ? a.ffn : a.hidden;
  const w = new WgslWriter();
  prologue(w, ctx, `${wName} of layer ${l}: ${x} -> ${'to' in out ? out.to : 'cache' in out ? out.cache : out.cross}, ${rows} rows`);
  if ('to' in out && out.act) activationFn(w, out.act);
  w.line(`const K: u32 = ${u32(k)};`);
  w.line(`const N: u32 = ${u32(n)};`);
  w.line(`@compute @workgroup_size(${DECODER_THREADS})`);
  w.block('fn main(@builtin(global_invocation_id) g: vec3<u32>)', () => {
    w.line(`if (g.x >= ${rowCount(rows, l)} * N) { return; }`);
    w.line('let r = g.x / N;');
    w.line('let j = g.x % N;');
    w.line(`let xr = info[${META[x]}] + r * K;`);
    w.line(`var acc = W[${u32(decoderAt(ctx.layout, bName, l))} + j];`);
    w.block('for (var i = 0u; i < K; i = i + 1u)', () => w.line(`acc = acc + act[xr + i] * W[${u32(decoderAt(ctx.layout, wName, l))} + i * N + j];`));
    if ('to' in out) {
      w.line(`let y = info[${META[out.to]}] + r * N + j;`);
      w.line(out.residual ? 'act[y] = act[y] + acc;' : out.act ? 'act[y] = activation(acc);' : 'act[y] = acc;');
    } else if ('cache' in out) {
      w.line('let slot = info[ROWS + 3u * r];');
      w.line('let pos = info[ROWS + 3u * r + 1u];');
      w.line(`act[info[${META[out.cache]}] + ((slot * L + ${u32(l)}) * info[${META.cap}] + pos) * D + j] = acc;`);
    } else {
      w.line(`act[info[${META[out.cross]}] + (${u32(l)} * info[${META.n}] + r) * D + j] = acc;`);
    }
  });
  return w.text();
}

/** The FFN activation: exact GELU through erf (Abramowitz & Stegun 7.1.26, |error| <= 1.5e-7), the tanh form, or relu. */
function activationFn(w: WgslWriter, act: Activation): void {
  w.block('fn activation(x: f32) -> f32', () => {
    if (act === 'relu') { w.line('return max(x, 0.0f);'); return; }
    if (act === 'gelu_tanh') { w.line(`return 0.5f * x * (1.0f + tanh(${f32(Math.sqrt(2 / Math.PI))} * (x + ${f32(0.044715)} * x * x * x)));`); return; }
    w.line(`let z = abs(x) * ${f32(Math.SQRT1_2)};`);
    w.line(`let t = 1.0f / (1.0f + ${f32(0.3275911)} * z);`);
    w.line(`let p = t * (${f32(0.254829592)} + t * (${f32(-0.284496736)} + t * (${f32(1.421413741)} + t * (${f32(-1.453152027)} + t * ${f32(1.061405429)}))));`);
    w.line('let e = sign(x) * (1.0f - p * exp(-z * z));');
    w.line('return 0.5f * x * (1.0f + e);');
  });
}

/**
 * One workgroup per (active row, head): scores of the row's query (Q) over its keys (self: its slot's cache
 * at layer l, positions 0..pos; cross: the n source rows of layer l), softmax, context into CTX.
 */
function attend(ctx: Ctx, l: number, kind: 'self' | 'cross'): string {
  const a = ctx.a, dh = a.hidden / a.heads;
  const w = new WgslWriter();
  prologue(w, ctx, `${kind}-attention of layer ${l}, active rows x heads`);
  w.line(`const DH: u32 = ${u32(dh)};`);
  w.line(`const MAXK: u32 = ${u32(a.maxPositions)};`);
  w.line(`var<workgroup> red: array<f32, ${DECODER_THREADS}>;`);
  w.line('var<workgroup> p: array<f32, MAXK>;');
  reduce(w);
  w.line(`@compute @workgroup_size(${DECODER_THREADS})`);
  w.block('fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) tid: u32)', () => {
    w.line('let r = wg.x;');
    w.line('let h = wg.y;');
    w.line(`if (r >= info[${META.active + l}]) { return; }`);
    if (kind === 'self') {
      w.line('let slot = info[ROWS + 3u * r];');
      w.line('let keys = info[ROWS + 3u * r + 1u] + 1u;');
      w.line(`let kb = info[${META.KC}] + (slot * L + ${u32(l)}) * info[${META.cap}] * D;`);
      w.line(`let vb = info[${META.VC}] + (slot * L + ${u32(l)}) * info[${META.cap}] * D;`);
    } else {
      w.line(`let keys = info[${META.n}];`);
      w.line(`let kb = info[${META.CK}] + ${u32(l)} * keys * D;`);
      w.line(`let vb = info[${META.CV}] + ${u32(l)} * keys * D;`);
    }
    w.line(`let q = info[${META.Q}] + r * D + h * DH;`);
    w.line('var mx = -3.4e38f;');
    w.block(`for (var t = tid; t < keys; t = t + ${u32(DECODER_THREADS)})`, () => {
      w.line('var s = 0.0f;');
      w.block('for (var c = 0u; c < DH; c = c + 1u)', () => w.line('s = s + act[q + c] * act[kb + t * D + h * DH + c];'));
      w.line(`s = s * ${f32(1 / Math.sqrt(dh))};`);
      w.line('p[t] = s;');
      w.line('mx = max(mx, s);');
    });
    w.line('let m = max64(mx, tid);');
    w.line('var sum = 0.0f;');
    w.block(`for (var t = tid; t < keys; t = t + ${u32(DECODER_THREADS)})`, () => { w.line('let e = exp(p[t] - m);'); w.line('p[t] = e;'); w.line('sum = sum + e;'); });
    w.line('let total = sum64(sum, tid);');
    w.block(`for (var c = tid; c < DH; c = c + ${u32(DECODER_THREADS)})`, () => {
      w.line('var acc = 0.0f;');
      w.block('for (var t = 0u; t < keys; t = t + 1u)', () => w.line('acc = acc + p[t] * act[vb + t * D + h * DH + c];'));
      w.line(`act[info[${META.CTX}] + r * D + h * DH + c] = acc / total;`);
    });
  });
  return w.text();
}

/** logits [rows, V] = X @ tokens^T + lmB (tied) or X @ lmW + lmB, one logit per invocation. */
function lmHead(ctx: Ctx): string {
  const a = ctx.a, V = a.vocabSize;
  const w = new WgslWriter();
  prologue(w, ctx, `LM head (${a.tieEmbeddings ? 'tied to the token table' : 'lmW'})`);
  w.line(`const V: u32 = ${u32(V)};`);
  w.line(`@compute @workgroup_size(${DECODER_THREADS})`);
  w.block('fn main(@builtin(global_invocation_id) g: vec3<u32>)', () => {
    w.line(`if (g.x >= info[${META.R}] * V) { return; }`);
    w.line('let r = g.x / V;');
    w.line('let t = g.x % V;');
    w.line(`let x = info[${META.X}] + r * D;`);
    w.line(`var acc = W[${u32(decoderAt(ctx.layout, 'lmB'))} + t];`);
    const weight = a.tieEmbeddings ? `W[${u32(ctx.layout.at['tokens']!)} + t * D + i]` : `W[${u32(decoderAt(ctx.layout, 'lmW'))} + i * V + t]`;
    w.block('for (var i = 0u; i < D; i = i + 1u)', () => w.line(`acc = acc + act[x + i] * ${weight};`));
    w.line(`act[info[${META.LOG}] + r * V + t] = acc;`);
  });
  return w.text();
}
