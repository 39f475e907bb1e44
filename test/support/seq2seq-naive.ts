// A naive encoder-decoder oracle for tests: every decoder step recomputes the whole prefix from scratch
// (no KV cache), layer by layer over all positions with a causal mask, in plain f64 loops, and a beam
// search that recomputes every hypothesis. Written apart from runtime/reference/seq2seq.ts on purpose.

import type { ExitTable } from '../../contract/model.ts';
import type { GenerationIds, Seq2SeqModel } from '../../contract/seq2seq.ts';
import { gelu, geluTanh } from '../../runtime/reference/index.ts';

const ACT = { gelu, gelu_tanh: geluTanh, relu: (x: number) => Math.max(0, x) };

/** y [rows, n] = x [rows, k] @ W [k, n] + b */
function linear(x: Float64Array, rows: number, k: number, W: Float32Array, b: Float32Array, n: number): Float64Array {
  const y = new Float64Array(rows * n);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < k; i++) s += x[r * k + i]! * W[i * n + j]!;
      y[r * n + j] = s + b[j]!;
    }
  }
  return y;
}

function layerNorm(x: Float64Array, rows: number, d: number, g: Float32Array, b: Float32Array, eps: number): Float64Array {
  const y = new Float64Array(x.length);
  for (let r = 0; r < rows; r++) {
    let mean = 0, v = 0;
    for (let j = 0; j < d; j++) mean += x[r * d + j]!;
    mean /= d;
    for (let j = 0; j < d; j++) v += (x[r * d + j]! - mean) ** 2;
    const inv = 1 / Math.sqrt(v / d + eps);
    for (let j = 0; j < d; j++) y[r * d + j] = (x[r * d + j]! - mean) * inv * g[j]! + b[j]!;
  }
  return y;
}

/** Attention of row r of Q over key rows 0..count-1 of K/V, all [*, d]; returns [d]. */
function attendRow(Q: Float64Array, r: number, K: Float64Array, V: Float64Array, count: number, heads: number, d: number): Float64Array {
  const dh = d / heads, out = new Float64Array(d);
  for (let h = 0; h < heads; h++) {
    const s = new Float64Array(count);
    for (let t = 0; t < count; t++) {
      let dot = 0;
      for (let c = 0; c < dh; c++) dot += Q[r * d + h * dh + c]! * K[t * d + h * dh + c]!;
      s[t] = dot / Math.sqrt(dh);
    }
    const max = Math.max(...s);
    let sum = 0;
    for (let t = 0; t < count; t++) sum += (s[t] = Math.exp(s[t]! - max));
    for (let t = 0; t < count; t++) {
      for (let c = 0; c < dh; c++) out[h * dh + c] += (s[t]! / sum) * V[t * d + h * dh + c]!;
    }
  }
  return out;
}

/**
 * Logits [V] at the last position of `fed` (decoder inputs, start id first), recomputing every position:
 * at layer l a position whose id exits below l keeps its state and still gives its K/V.
 */
export function naiveLogits(m: Seq2SeqModel, table: ExitTable | undefined, encoderStates: Float64Array, n: number, fed: readonly number[]): Float64Array {
  const a = m.arch, d = a.hidden, t = fed.length, pre = a.norm === 'pre', eps = a.layerNormEps, act = ACT[a.activation];
  const w = m.decoder, tok = m.encoder.wordEmb;
  let X: Float64Array = new Float64Array(t * d);
  for (let p = 0; p < t; p++) for (let j = 0; j < d; j++) X[p * d + j] = tok[fed[p]! * d + j]! + w.posEmb[p * d + j]!;
  X = layerNorm(X, t, d, w.embLnG, w.embLnB, eps);
  const exitOf = (id: number): number => (table ? Math.min(Math.max(table[id] ?? a.decoderLayers, 1), a.decoderLayers) : a.decoderLayers);
  for (let l = 1; l <= a.decoderLayers; l++) {
    const lw = w.layers[l - 1]!;
    const S = pre ? layerNorm(X, t, d, lw.selfLnG, lw.selfLnB, eps) : X;
    const K = linear(S, t, d, lw.skW, lw.skB, d), V = linear(S, t, d, lw.svW, lw.svB, d), Q = linear(S, t, d, lw.sqW, lw.sqB, d);
    const CK = linear(encoderStates, n, d, lw.ckW, lw.ckB, d), CV = linear(encoderStates, n, d, lw.cvW, lw.cvB, d);
    const next = X.slice();
    for (let p = 0; p < t; p++) {
      if (exitOf(fed[p]!) < l) continue;
      let x: Float64Array = X.slice(p * d, (p + 1) * d);
      const block = (delta: Float64Array, g: Float32Array, b: Float32Array): void => {
        for (let j = 0; j < d; j++) x[j] = x[j]! + delta[j]!;
        if (!pre) x = layerNorm(x, 1, d, g, b, eps);
      };
      const normed = (g: Float32Array, b: Float32Array): Float64Array => (pre ? layerNorm(x, 1, d, g, b, eps) : x);
      block(linear(attendRow(Q, p, K, V, p + 1, a.heads, d), 1, d, lw.soW, lw.soB, d), lw.selfLnG, lw.selfLnB);
      const cq = linear(normed(lw.crossLnG, lw.crossLnB), 1, d, lw.cqW, lw.cqB, d);
      block(linear(attendRow(cq, 0, CK, CV, n, a.heads, d), 1, d, lw.coW, lw.coB, d), lw.crossLnG, lw.crossLnB);
      const hid = linear(normed(lw.ffnLnG, lw.ffnLnB), 1, d, lw.f1W, lw.f1B, a.ffn).map(act);
      block(linear(hid, 1, a.ffn, lw.f2W, lw.f2B, d), lw.ffnLnG, lw.ffnLnB);
      next.set(x, p * d);
    }
    X = next;
  }
  let h: Float64Array = X.slice((t - 1) * d, t * d);
  if (pre) h = layerNorm(h, 1, d, w.finalLnG!, w.finalLnB!, eps);
  const V = a.vocabSize, logits = new Float64Array(V);
  for (let v = 0; v < V; v++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += h[j]! * (a.tieEmbeddings ? tok[v * d + j]! : w.lmW![j * V + v]!);
    logits[v] = s + w.lmB[v]!;
  }
  return logits;
}

function logSoftmax(x: Float64Array): Float64Array {
  const max = Math.max(...x);
  const lse = max + Math.log(x.reduce((s, v) => s + Math.exp(v - max), 0));
  return x.map((v) => v - lse);
}

/**
 * Beam search over naiveLogits with the documented rules (runtime/reference/seq2seq.ts): 2 x beams
 * candidates per hypothesis, ranked by summed log p (ties: hypothesis, then id), eos finishes a hypothesis
 * when ranked among the first `beams`, stop once `beams` finished or after maxNew steps.
 */
export function naiveBeamSearch(m: Seq2SeqModel, table: ExitTable | undefined, encoderStates: Float64Array, n: number, ids: GenerationIds, maxNew: number, beams: number, lengthPenalty = 1): { tokens: number[]; score: number } {
  type H = { tokens: number[]; logp: number };
  const done: { tokens: number[]; score: number }[] = [];
  let live: H[] = [{ tokens: [], logp: 0 }];
  for (let step = 0; step < maxNew && done.length < beams; step++) {
    const cands: { from: number; token: number; logp: number }[] = [];
    live.forEach((h, from) => {
      const lp = logSoftmax(naiveLogits(m, table, encoderStates, n, [ids.decoderStart, ...h.tokens]));
      const order = [...lp.keys()].sort((x, y) => lp[y]! - lp[x]! || x - y).slice(0, 2 * beams);
      for (const token of order) cands.push({ from, token, logp: h.logp + lp[token]! });
    });
    cands.sort((x, y) => y.logp - x.logp || x.from - y.from || x.token - y.token);
    const next: H[] = [];
    cands.forEach((c, rank) => {
      if (next.length === beams) return;
      const tokens = [...live[c.from]!.tokens, c.token];
      if (c.token !== ids.eos) next.push({ tokens, logp: c.logp });
      else if (rank < beams) done.push({ tokens, score: c.logp / tokens.length ** lengthPenalty });
    });
    live = next;
  }
  if (done.length < beams) for (const h of live) done.push({ tokens: h.tokens, score: h.logp / h.tokens.length ** lengthPenalty });
  return done.reduce((best, h) => (h.score > best.score ? h : best));
}
