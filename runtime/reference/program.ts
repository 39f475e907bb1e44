// Compact (prefix) form of the reference forward pass: interprets the model's program (contract/program.ts)
// with plain loops over rows packed by exit layer as planBatch lays them out. Every Op has one
// implementation here; the masked form (masked.ts) is written apart from it on purpose.

import type { Model, WeightName } from '../../contract/model.ts';
import { LINEARS, NORMS, bufferWidth, perSequence, type Buffer, type LinearName, type Op, type Program, type Rows, type Stage, type StepOf } from '../../contract/program.ts';
import type { BatchPlan } from '../plan.ts';
import { ACTIVATIONS, dense, layerNormRow, relu, type Store } from './math.ts';
import { F32_LINEARS, quantizeColumns, quantizeRow } from '../../contract/quant.ts';

/** State of one call: the packed buffers (f64, rounded by `store` where an f32 graph would round). */
interface Ctx {
  readonly model: Model;
  readonly plan: BatchPlan;
  readonly ids: Int32Array;    // [n] input order
  readonly types: Int32Array;  // [n] input order
  readonly store: Store;
  readonly int8: boolean;      // products as the int8 precision computes them (contract/quant.ts)
  readonly buffers: Map<Buffer, Float64Array>;
  layer: number;               // 1-based layer of the 'layer' stage, 0 outside it
}

/**
 * Runs every stage of the program; returns its buffers. The program's output buffer holds each packed
 * row's h^L (with plan.clsOnlyLastLayer, rows outside active[L] hold h^(L-1) there instead).
 */
export function runProgram(model: Model, program: Program, plan: BatchPlan, ids: Int32Array, types: Int32Array, store: Store, int8 = false): ReadonlyMap<Buffer, Float64Array> {
  const ctx: Ctx = { model, plan, ids, types, store, int8, buffers: new Map(), layer: 0 };
  const stage = (s: Stage): void => {
    for (const step of program.steps[s]) (OPS[step.op] as (s: typeof step, c: Ctx) => void)(step, ctx);
  };
  stage('embed');
  for (let l = 1; l <= plan.layers; l++) {
    ctx.layer = l;
    stage('layer');
  }
  ctx.layer = 0;
  stage('final');
  stage('head');
  return ctx.buffers;
}

/** The reference implementation of every op. */
const OPS: { readonly [O in Op]: (step: StepOf<O>, ctx: Ctx) => void } = {
  embed(step, ctx) {
    const { model, plan } = ctx;
    const w = model.weights, E = model.arch.embeddingSize, typed = model.arch.typeVocabSize > 0;
    const out = buffer(ctx, step.out);
    for (let r = 0; r < plan.rows; r++) {
      const g = plan.order[r]!, id = ctx.ids[g]!, pos = plan.posOfRow[r]!, type = ctx.types[g]!;
      for (let j = 0; j < E; j++) out[r * E + j] = w.wordEmb[id * E + j]! + w.posEmb[pos * E + j]! + (typed ? w.typeEmb[type * E + j]! : 0);
    }
    ctx.store(out);
  },

  norm(step, ctx) {
    const width = bufferWidth(step.out, ctx.model.arch, ctx.model.head);
    const rows = rowCount(ctx, step.rows);
    const x = buffer(ctx, step.x), out = buffer(ctx, step.out);
    const names = NORMS[step.weights];
    const g = tensor(ctx, names.gamma), b = tensor(ctx, names.beta);
    out.set(x.subarray(0, rows * width));
    for (let r = 0; r < rows; r++) layerNormRow(out, r, width, g, b, ctx.model.arch.layerNormEps);
    ctx.store(out, 0, rows * width);
  },

  linear(step, ctx) {
    const { arch, head } = ctx.model;
    const k = bufferWidth(step.x, arch, head), n = bufferWidth(step.out, arch, head);
    const rows = rowCount(ctx, step.rows);
    const x = step.rows === 'cls' ? clsRows(ctx, step.x, k) : buffer(ctx, step.x);
    const out = buffer(ctx, step.out);
    const { w, b } = linearWeights(ctx, step.weights);
    const y = new Float64Array(rows * n);
    if (ctx.int8 && !F32_LINEARS.includes(step.weights)) denseInt8(x, rows, k, w, b, n, y);
    else dense(x, rows, k, w, b, n, y);
    ctx.store(y);
    const e = step.epilogue;
    if (e === 'residual') {
      const res = buffer(ctx, step.residual!);
      for (let i = 0; i < rows * n; i++) y[i] += res[i]!;
      ctx.store(y);
    } else if (e !== 'none') {
      const f = e === 'tanh' ? Math.tanh : e === 'relu' ? relu : ACTIVATIONS[e];
      for (let i = 0; i < rows * n; i++) y[i] = f(y[i]!);
      ctx.store(y);
    }
    out.set(y);
  },

  attention(step, ctx) {
    const { plan } = ctx;
    const { hidden: d, heads } = ctx.model.arch;
    const m = rowCount(ctx, step.rows);
    const Q = buffer(ctx, step.q), KV = buffer(ctx, step.kv), out = buffer(ctx, step.out);
    const dh = d / heads, scale = 1 / Math.sqrt(dh);
    let maxLen = 0;
    for (let s = 0; s < plan.seqCount; s++) maxLen = Math.max(maxLen, plan.seqStart[s + 1]! - plan.seqStart[s]!);
    const ctxRows = new Float64Array(m * d); // [m, d] attention output before the projection
    const p = new Float64Array(maxLen);      // scores, then probabilities, of one row and head
    for (let r = 0; r < m; r++) {
      const s = plan.seqOfRow[r]!;
      const k0 = plan.seqStart[s]!, len = plan.seqStart[s + 1]! - k0;
      for (let hd = 0; hd < heads; hd++) {
        const c0 = hd * dh;
        for (let t = 0; t < len; t++) {
          const kr = plan.keyRows[k0 + t]!;
          let dot = 0;
          for (let c = 0; c < dh; c++) dot += Q[r * d + c0 + c]! * KV[kr * 2 * d + c0 + c]!;
          p[t] = dot * scale;
        }
        ctx.store(p, 0, len);
        let max = -Infinity;
        for (let t = 0; t < len; t++) max = Math.max(max, p[t]!);
        let sum = 0;
        for (let t = 0; t < len; t++) {
          p[t] = Math.exp(p[t]! - max);
          sum += p[t]!;
        }
        for (let t = 0; t < len; t++) p[t] = p[t]! / sum;
        ctx.store(p, 0, len);
        for (let t = 0; t < len; t++) {
          const kr = plan.keyRows[k0 + t]!;
          for (let c = 0; c < dh; c++) ctxRows[r * d + c0 + c] += p[t]! * KV[kr * 2 * d + d + c0 + c]!;
        }
      }
    }
    ctx.store(ctxRows);
    out.set(ctxRows);
  },
};

/** Rows of a step: every token, the current layer's active prefix, or one per sequence. */
function rowCount(ctx: Ctx, rows: Rows): number {
  switch (rows) {
    case 'all': return ctx.plan.rows;
    case 'prefix': return ctx.plan.active[ctx.layer]!;
    case 'cls': case 'seqs': return ctx.plan.seqCount;
  }
}

/** A buffer, allocated (zeros) on first use: [n or B, width]. */
function buffer(ctx: Ctx, name: Buffer): Float64Array {
  let b = ctx.buffers.get(name);
  if (!b) {
    const { arch, head } = ctx.model;
    const rows = perSequence(name, head) ? ctx.plan.seqCount : ctx.plan.rows;
    b = new Float64Array(rows * bufferWidth(name, arch, head));
    ctx.buffers.set(name, b);
  }
  return b;
}

/** [B, width]: each sequence's [CLS] (position 0) row of a per-token buffer. */
function clsRows(ctx: Ctx, name: Buffer, width: number): Float64Array {
  const { plan } = ctx;
  const src = buffer(ctx, name);
  const out = new Float64Array(plan.seqCount * width);
  for (let s = 0; s < plan.seqCount; s++) {
    const r = plan.rowOf[plan.seqStart[s]!]!;
    out.set(src.subarray(r * width, (r + 1) * width), s * width);
  }
  return out;
}

/** A tensor by its weight-table name: the current layer's during the 'layer' stage, else the model's or the head's. */
function tensor(ctx: Ctx, name: WeightName): Float32Array {
  const w = ctx.model.weights;
  const from = (group: object | undefined): Float32Array | undefined => (group as Partial<Record<WeightName, Float32Array>> | undefined)?.[name];
  const t = from(ctx.layer > 0 ? w.layers[ctx.layer - 1] : undefined) ?? from(w) ?? from(w.head);
  if (!t) throw new RangeError(`the model has no weight '${name}'`);
  return t;
}

const quantized = new WeakMap<Float32Array, ReturnType<typeof quantizeColumns>>();

/** out = x @ W + b at int8 precision (contract/quant.ts), rounded to f32 after each operation as the kernel does. */
function denseInt8(x: Float64Array, rows: number, k: number, W: Float32Array, b: Float32Array, n: number, out: Float64Array): void {
  let qw = quantized.get(W);
  if (!qw) { qw = quantizeColumns(W, k, n); quantized.set(W, qw); }
  const { q, scale } = qw;
  const a = new Int32Array(k);
  const f = Math.fround;
  for (let r = 0; r < rows; r++) {
    const s = quantizeRow(x, r, k, a);
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let i = 0; i < k; i++) acc += a[i]! * q[i * n + j]!;
      out[r * n + j] = f(f(f(acc) * f(scale[j]! * s)) + b[j]!);
    }
  }
}

/** Concatenated columns of a linear's weights ([k, n]) and biases ([n]), cached per weights object. */
const concatenated = new WeakMap<Float32Array, Map<string, { w: Float32Array; b: Float32Array }>>();

function linearWeights(ctx: Ctx, name: LinearName): { w: Float32Array; b: Float32Array } {
  const spec = LINEARS[name];
  const ws = spec.w.map((n) => tensor(ctx, n)), bs = spec.b.map((n) => tensor(ctx, n));
  if (ws.length === 1) return { w: ws[0]!, b: bs[0]! };
  let byName = concatenated.get(ws[0]!);
  if (!byName) { byName = new Map(); concatenated.set(ws[0]!, byName); }
  const cached = byName.get(name);
  if (cached) return cached;
  const widths = bs.map((b) => b.length);
  const n = widths.reduce((a, c) => a + c, 0), k = ws[0]!.length / widths[0]!;
  const w = new Float32Array(k * n);
  for (let i = 0; i < k; i++) {
    let col = 0;
    ws.forEach((part, p) => {
      w.set(part.subarray(i * widths[p]!, (i + 1) * widths[p]!), i * n + col);
      col += widths[p]!;
    });
  }
  const b = new Float32Array(n);
  let at = 0;
  for (const part of bs) { b.set(part, at); at += part.length; }
  const made = { w, b };
  byName.set(name, made);
  return made;
}
