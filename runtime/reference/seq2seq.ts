// Reference executor for encoder-decoder generation (docs/hashee.md section 4): the encoder through the
// encoder reference (its exit rule unchanged), cross-attention K/V once per input, then the decoder one
// step at a time with a KV cache, the fed id's exit layer skipping the upper layers; greedy or beam search.

import type { ExitTable } from '../../contract/model.ts';
import { checkDecoderWeights, encoderModel, type DecoderLayerWeights, type GenerationIds, type Seq2SeqArch, type Seq2SeqModel } from '../../contract/seq2seq.ts';
import { exitOf } from '../plan.ts';
import { generationWork, stepRowMacs, type GenerationWork } from '../decoding.ts';
import { runReference } from './index.ts';
import { ACTIVATIONS, dense, layerNormRow, storeFor, type Store } from './math.ts';
import { beamSearch, checkSteps, forcedSearch, type SearchDecoder } from '../search.ts';

/** Exit tables of the two stacks: encoder[id] in 1..L_enc, decoder[id] in 1..L_dec. */
export interface Seq2SeqTables {
  readonly encoder: ExitTable;
  readonly decoder: ExitTable;
}

export interface GenerateOptions {
  /** Most tokens to generate (eos included); decoder positions 0..maxNew-1 must fit the model's P. */
  readonly maxNew: number;
  /** Beam width; 1 (default) is greedy search. */
  readonly beams?: number;
  /** A finished hypothesis scores sum(log p) / length^lengthPenalty, length = its generated tokens. Default 1. */
  readonly lengthPenalty?: number;
  /** 'f64' (default) or 'f32': the stored tensors rounded as in the encoder reference (api.ts). */
  readonly precision?: 'f64' | 'f32';
  /** Ignore both exit tables (every token through every layer). */
  readonly fullDepth?: boolean;
  /**
   * Teacher forcing: score this target (ids, eos included if wanted) instead of searching; the decoder is
   * fed the start id then the target, maxNew and beams do not apply (runtime/search.ts forcedSearch).
   */
  readonly target?: readonly number[];
}

export type { GenerationWork } from '../decoding.ts';

export interface GenerateResult {
  /** Generated ids (the decoder start id excluded, eos included when it was produced). */
  readonly tokens: number[];
  /** [tokens.length]: exit layer of the id fed at each step (step 0 feeds the decoder start id). */
  readonly stepExits: number[];
  /** Exit layer of each source token. */
  readonly encoderExits: number[];
  /** sum(log p) / length^lengthPenalty of the returned hypothesis. */
  readonly score: number;
  readonly work: GenerationWork;
}

/** The per-input state the decoder reads: cross-attention K and V of every layer ([L_dec] of [n, d]). */
export interface CrossKV {
  readonly n: number;
  readonly k: readonly Float64Array[];
  readonly v: readonly Float64Array[];
}

/** Self-attention K and V of the positions decoded so far, per layer: [L_dec] of [capacity, d]. */
export interface KvCache {
  readonly k: Float64Array[];
  readonly v: Float64Array[];
}

interface Ctx {
  readonly model: Seq2SeqModel;
  readonly table: ExitTable;
  readonly store: Store;
  readonly fullDepth: boolean;
}

/** Generates from one source sentence; invalid ids, lengths or options throw a RangeError. */
export function generate(model: Seq2SeqModel, tables: Seq2SeqTables, source: readonly number[], ids: GenerationIds, opts: GenerateOptions): GenerateResult {
  checkDecoderWeights(model);
  const a = model.arch;
  const beams = opts.beams ?? 1, lengthPenalty = opts.lengthPenalty ?? 1;
  checkSteps(a, opts);
  for (const [name, id] of [['decoder start', ids.decoderStart], ['eos', ids.eos]] as const) {
    if (!Number.isInteger(id) || id < 0 || id >= a.vocabSize) throw new RangeError(`${name} id ${id} is outside the vocabulary 0..${a.vocabSize - 1}`);
  }
  const precision = opts.precision ?? 'f64', fullDepth = !!opts.fullDepth;
  const enc = runReference(encoderModel(model), tables.encoder, { ids: [source] }, { precision, fullDepth });
  const ctx: Ctx = { model, table: tables.decoder, store: storeFor(precision), fullDepth };
  const cross = crossKV(ctx, enc.lastHidden[0]!, source.length);
  const search = opts.target
    ? forcedSearch(referenceDecoder(ctx, cross, 1, opts.target.length), ids, opts.target, lengthPenalty)
    : beamSearch(referenceDecoder(ctx, cross, beams, opts.maxNew), ids, opts.maxNew, beams, lengthPenalty);
  return {
    tokens: search.best.tokens, stepExits: search.best.exits, encoderExits: enc.exits[0]!, score: search.best.score,
    work: generationWork(a, tables.encoder, source, enc.work.macs, search),
  };
}

/** Cross-attention K = H @ ckW + ckB and V = H @ cvW + cvB of every decoder layer, H the final encoder states [n, d]. */
export function crossKV(ctx: Pick<Ctx, 'model' | 'store'>, H: Float64Array, n: number): CrossKV {
  const d = ctx.model.arch.hidden;
  const k: Float64Array[] = [], v: Float64Array[] = [];
  for (const lw of ctx.model.decoder.layers) {
    const kl = new Float64Array(n * d), vl = new Float64Array(n * d);
    dense(H, n, d, lw.ckW, lw.ckB, d, kl);
    dense(H, n, d, lw.cvW, lw.cvB, d, vl);
    ctx.store(kl);
    ctx.store(vl);
    k.push(kl);
    v.push(vl);
  }
  return { n, k, v };
}

export function emptyCache(arch: Seq2SeqArch, capacity: number): KvCache {
  const make = (): Float64Array[] => Array.from({ length: arch.decoderLayers }, () => new Float64Array(capacity * arch.hidden));
  return { k: make(), v: make() };
}

/** The reference decoder as the search sees it: one KV cache per slot, rows stepped one by one. */
function referenceDecoder(ctx: Ctx, cross: CrossKV, slots: number, capacity: number): SearchDecoder {
  const caches = Array.from({ length: slots }, () => emptyCache(ctx.model.arch, capacity));
  return {
    step(rows) {
      const outs = rows.map((r) => decoderStep(ctx, cross, caches[r.slot]!, r.pos, r.id));
      return {
        logits: outs.map((o) => o.logits), exits: outs.map((o) => o.exit),
        macs: outs.reduce((s, o) => s + o.macs, 0), fullDepthMacs: outs.reduce((s, o) => s + o.fullDepthMacs, 0),
      };
    },
    copySlot(from, to) {
      const src = caches[from]!, dst = caches[to]!;
      src.k.forEach((k, l) => dst.k[l]!.set(k));
      src.v.forEach((v, l) => dst.v[l]!.set(v));
    },
  };
}

/** The exit layer the decoder gives id (its table's value; every layer under fullDepth). */
export function decoderExit(ctx: Pick<Ctx, 'model' | 'table' | 'fullDepth'>, id: number): number {
  const L = ctx.model.arch.decoderLayers;
  return ctx.fullDepth ? L : exitOf(ctx.table, id, L);
}

/**
 * One decoder step: feeds `id` at position `pos`, writes its self-attention K/V into `cache` at every layer
 * (from its state entering that layer: frozen once it exited), and returns the logits [V] and the MACs.
 */
export function decoderStep(ctx: Ctx, cross: CrossKV, cache: KvCache, pos: number, id: number): { logits: Float64Array; exit: number; macs: number; fullDepthMacs: number } {
  const { model, store } = ctx;
  const a = model.arch, w = model.decoder, d = a.hidden, f = a.ffn;
  if (!Number.isInteger(id) || id < 0 || id >= a.vocabSize) throw new RangeError(`token id ${id} is outside the vocabulary 0..${a.vocabSize - 1}`);
  const pre = a.norm === 'pre', eps = a.layerNormEps, act = ACTIVATIONS[a.activation];
  const exit = decoderExit(ctx, id);
  const tokens = model.encoder.wordEmb;
  const x = new Float64Array(d);
  for (let j = 0; j < d; j++) x[j] = tokens[id * d + j]! + w.posEmb[pos * d + j]!;
  store(x);
  layerNormRow(x, 0, d, w.embLnG, w.embLnB, eps);
  store(x);
  const a1 = new Float64Array(d), q = new Float64Array(d), o = new Float64Array(d), hid = new Float64Array(f);
  const normed = (g: Float32Array, b: Float32Array): Float64Array => {
    a1.set(x);
    if (pre) {
      layerNormRow(a1, 0, d, g, b, eps);
      store(a1);
    }
    return a1;
  };
  const residual = (delta: Float64Array, g: Float32Array, b: Float32Array): void => {
    for (let j = 0; j < d; j++) x[j] = x[j]! + delta[j]!;
    store(x);
    if (!pre) {
      layerNormRow(x, 0, d, g, b, eps);
      store(x);
    }
  };
  for (let l = 1; l <= a.decoderLayers; l++) {
    const lw: DecoderLayerWeights = w.layers[l - 1]!;
    const K = cache.k[l - 1]!, V = cache.v[l - 1]!;
    const s = normed(lw.selfLnG, lw.selfLnB);
    dense(s, 1, d, lw.skW, lw.skB, d, K.subarray(pos * d, (pos + 1) * d));
    dense(s, 1, d, lw.svW, lw.svB, d, V.subarray(pos * d, (pos + 1) * d));
    store(K, pos * d, (pos + 1) * d);
    store(V, pos * d, (pos + 1) * d);
    if (l > exit) continue; // exited: the state is copied up, only its K/V are computed
    dense(s, 1, d, lw.sqW, lw.sqB, d, q);
    store(q);
    attend(q, K, V, pos + 1, a.heads, d, store, o);
    dense(o, 1, d, lw.soW, lw.soB, d, q);
    store(q);
    residual(q, lw.selfLnG, lw.selfLnB);
    const c = normed(lw.crossLnG, lw.crossLnB);
    dense(c, 1, d, lw.cqW, lw.cqB, d, q);
    store(q);
    attend(q, cross.k[l - 1]!, cross.v[l - 1]!, cross.n, a.heads, d, store, o);
    dense(o, 1, d, lw.coW, lw.coB, d, q);
    store(q);
    residual(q, lw.crossLnG, lw.crossLnB);
    const h = normed(lw.ffnLnG, lw.ffnLnB);
    dense(h, 1, d, lw.f1W, lw.f1B, f, hid);
    store(hid);
    for (let j = 0; j < f; j++) hid[j] = act(hid[j]!);
    store(hid);
    dense(hid, 1, f, lw.f2W, lw.f2B, d, q);
    store(q);
    residual(q, lw.ffnLnG, lw.ffnLnB);
  }
  if (pre) {
    layerNormRow(x, 0, d, w.finalLnG!, w.finalLnB!, eps);
    store(x);
  }
  return { logits: lmLogits(ctx, x), exit, macs: stepRowMacs(a, pos, cross.n, exit), fullDepthMacs: stepRowMacs(a, pos, cross.n, a.decoderLayers) };
}

/** logits [V] = h @ tokens^T + lmB (tied) or h @ lmW + lmB, h [d]. */
export function lmLogits(ctx: Pick<Ctx, 'model' | 'store'>, h: Float64Array): Float64Array {
  const a = ctx.model.arch, d = a.hidden, V = a.vocabSize, w = ctx.model.decoder;
  const logits = new Float64Array(V);
  if (a.tieEmbeddings) {
    const E = ctx.model.encoder.wordEmb;
    for (let t = 0; t < V; t++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += h[j]! * E[t * d + j]!;
      logits[t] = s + w.lmB[t]!;
    }
  } else {
    dense(h, 1, d, w.lmW!, w.lmB, V, logits);
  }
  ctx.store(logits);
  return logits;
}

/**
 * out [d] = multi-head attention of one query row q [d] over the first `count` rows of K and V ([*, d]):
 * per head, scores q.k / sqrt(d / heads), softmax, weighted sum of V (the encoder reference's arithmetic).
 */
export function attend(q: Float64Array, K: Float64Array, V: Float64Array, count: number, heads: number, d: number, store: Store, out: Float64Array): void {
  const dh = d / heads, scale = 1 / Math.sqrt(dh);
  const p = new Float64Array(count);
  out.fill(0);
  for (let hd = 0; hd < heads; hd++) {
    const c0 = hd * dh;
    for (let t = 0; t < count; t++) {
      let dot = 0;
      for (let c = 0; c < dh; c++) dot += q[c0 + c]! * K[t * d + c0 + c]!;
      p[t] = dot * scale;
    }
    store(p);
    let max = -Infinity;
    for (let t = 0; t < count; t++) max = Math.max(max, p[t]!);
    let sum = 0;
    for (let t = 0; t < count; t++) {
      p[t] = Math.exp(p[t]! - max);
      sum += p[t]!;
    }
    for (let t = 0; t < count; t++) p[t] = p[t]! / sum;
    store(p);
    for (let t = 0; t < count; t++) {
      for (let c = 0; c < dh; c++) out[c0 + c] += p[t]! * V[t * d + c0 + c]!;
    }
  }
  store(out);
}

