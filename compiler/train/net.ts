// Forward and backward pass of a post-LN BERT encoder with a sequence head, with the HashEE exit table
// active exactly as in inference (docs/hashee.md section 1), in the prefix form of runtime/plan.ts: rows
// packed by exit layer, layer l computes K/V for every row from its current (possibly frozen) state and
// queries, attention, output projection and FFN only for the active prefix. Backward follows the same
// plan: an exited row's gradient passes its frozen state unchanged and collects what flows back through
// the K/V that upper layers computed from it.

import type { ArchConfig, ExitTable } from '../../contract/model.ts';
import { planBatch, type BatchPlan } from '../../runtime/plan.ts';
import type { Rng } from '../util/rng.ts';
import type { Backend, Vec } from './backend.ts';
import type { LayerParams, Params } from './params.ts';

/** Largest batch the workspace holds: total tokens, sequences, longest sequence, and sum over sequences of len^2. */
export interface Capacity {
  readonly rows: number;
  readonly seqs: number;
  readonly maxLen: number;
  readonly squares: number;
}

export interface ForwardOptions {
  /** Dropout probability on hidden states (0 = none); needs `rng`. Training only. */
  readonly dropout?: number;
  readonly rng?: Rng;
  /** Ignore the exit table (every token runs every layer). */
  readonly fullDepth?: boolean;
  /** Last layer computes Q onward for [CLS] rows only (all the head reads); default true. */
  readonly clsOnly?: boolean;
}

export interface ForwardResult {
  readonly plan: BatchPlan;
  readonly logits: Vec; // [B, N], input order of sequences
}

/** Saved activations of one layer (rows in packed order; m = active rows, n = all rows). */
interface LayerState {
  readonly Q: Vec; readonly K: Vec; readonly V: Vec; // [m, d], [n, d], [n, d]
  readonly P: Vec;                                   // softmax weights, per sequence: heads x [a_s, len_s]
  readonly ctx: Vec;                                 // [m, d] attention output before the projection
  readonly mask1: Vec; readonly mask2: Vec;          // [m, d] dropout scales (0 or 1/(1-p)) of attention and FFN outputs
  readonly xhat1: Vec; readonly rstd1: Vec;          // [m, d], [m] LayerNorm 1
  readonly h1: Vec;                                  // [m, d] LayerNorm 1 output
  readonly u: Vec; readonly g: Vec;                  // [m, f] FFN pre-activation and GELU
  readonly xhat2: Vec; readonly rstd2: Vec;          // [m, d], [m] LayerNorm 2
  readonly qStart: Int32Array;                       // [B + 1] per-sequence offsets into qRows
  readonly qRows: Int32Array;                        // [m] active rows grouped by sequence, ascending within each
}

export class Network {
  private readonly d: number;
  private readonly f: number;
  private readonly heads: number;
  private readonly outputs: number;
  private readonly states: Vec[];      // [L + 1] of [n, d]: h^0 .. h^L
  private readonly layers: LayerState[];
  private readonly xhat0: Vec; private readonly rstd0: Vec; private readonly mask0: Vec;
  private readonly cls: Vec; private readonly pooled: Vec; private readonly maskP: Vec; private readonly poolD: Vec; // [B, d]
  private readonly logits: Vec;        // [B, N]
  // backward and attention scratch
  private readonly dA: Vec; private readonly dB: Vec; private readonly dr: Vec; private readonly dTmp: Vec;
  private readonly dH1: Vec; private readonly dctx: Vec; private readonly dQ: Vec; private readonly dK: Vec; private readonly dV: Vec; // [n, d]
  private readonly dG: Vec; private readonly dU: Vec; // [n, f]
  private readonly wt: Vec;            // a transposed weight matrix
  private readonly Qs: Vec; private readonly Ks: Vec; private readonly Vs: Vec; private readonly ctxS: Vec; // [maxLen, d] one sequence
  private readonly dQs: Vec; private readonly dKs: Vec; private readonly dVs: Vec;
  private readonly Xt: Vec;            // [d, maxLen] a sequence's keys or values transposed
  private readonly dP: Vec; private readonly dS: Vec; // [maxLen, maxLen]
  private readonly uniform: Float32Array; // dropout draws
  private readonly ones: Vec;          // [n] of 1: column sums as a product
  private readonly ids: Int32Array; private readonly types: Int32Array; // [n] input order
  private last?: { plan: BatchPlan; dropout: number; batch: number };

  constructor(
    private readonly be: Backend,
    private readonly arch: ArchConfig,
    outputs: number,
    private readonly params: Params,
    private readonly grads: Params,
    private readonly table: ExitTable,
    private readonly cap: Capacity,
  ) {
    const d = arch.hidden, f = arch.ffn, n = cap.rows, B = cap.seqs, L = arch.layers;
    this.d = d; this.f = f; this.heads = arch.heads; this.outputs = outputs;
    const a = (size: number): Vec => be.alloc(size);
    this.states = Array.from({ length: L + 1 }, () => a(n * d));
    this.layers = Array.from({ length: L }, () => ({
      Q: a(n * d), K: a(n * d), V: a(n * d), P: a(arch.heads * cap.squares), ctx: a(n * d), mask1: a(n * d), mask2: a(n * d),
      xhat1: a(n * d), rstd1: a(n), h1: a(n * d), u: a(n * f), g: a(n * f), xhat2: a(n * d), rstd2: a(n),
      qStart: new Int32Array(B + 1), qRows: new Int32Array(n),
    }));
    this.xhat0 = a(n * d); this.rstd0 = a(n); this.mask0 = a(n * d);
    this.cls = a(B * d); this.pooled = a(B * d); this.maskP = a(B * d); this.poolD = a(B * d); this.logits = a(B * outputs);
    this.dA = a(n * d); this.dB = a(n * d); this.dr = a(n * d); this.dTmp = a(n * d); this.dH1 = a(n * d);
    this.dctx = a(n * d); this.dQ = a(n * d); this.dK = a(n * d); this.dV = a(n * d);
    this.dG = a(n * f); this.dU = a(n * f);
    this.wt = a(Math.max(d * d, d * f, d * outputs));
    const ml = cap.maxLen;
    this.Qs = a(ml * d); this.Ks = a(ml * d); this.Vs = a(ml * d); this.ctxS = a(ml * d);
    this.dQs = a(ml * d); this.dKs = a(ml * d); this.dVs = a(ml * d); this.Xt = a(d * ml);
    this.dP = a(ml * ml); this.dS = a(ml * ml);
    this.uniform = new Float32Array(n * Math.max(d, f));
    this.ones = a(n).fill(1);
    this.ids = new Int32Array(n); this.types = new Int32Array(n);
  }

  /** Runs the encoder and head on a ragged batch; with dropout > 0 the masks are drawn from opts.rng. */
  forward(ids: readonly (readonly number[])[], types: readonly (readonly number[])[], opts: ForwardOptions = {}): ForwardResult {
    const { d, arch } = this;
    const L = arch.layers;
    const plan = planBatch(this.table, ids, L, { fullDepth: !!opts.fullDepth, clsOnlyLastLayer: opts.clsOnly ?? true });
    const n = plan.rows, B = plan.seqCount;
    this.checkCapacity(plan, ids);
    const dropout = opts.dropout ?? 0;
    if (dropout > 0 && !opts.rng) throw new Error('internal: dropout needs an rng');
    let g = 0;
    ids.forEach((seq, s) => seq.forEach((id, p) => { this.ids[g] = id; this.types[g] = types[s]![p]!; g++; }));

    // h^0 = dropout(LayerNorm(word + position + type)), rows packed
    const P = this.params, H0 = this.states[0]!;
    for (let r = 0; r < n; r++) {
      const src = plan.order[r]!;
      const w = this.ids[src]! * d, po = plan.posOfRow[r]! * d, t = this.types[src]! * d;
      for (let j = 0; j < d; j++) H0[r * d + j] = P.wordEmb[w + j]! + P.posEmb[po + j]! + P.typeEmb[t + j]!;
    }
    layerNorm(H0, H0, this.xhat0, this.rstd0, n, d, P.embLnG, P.embLnB, arch.layerNormEps);
    this.dropout(H0, this.mask0, n * d, dropout, opts.rng);

    for (let l = 1; l <= L; l++) this.layerForward(l, plan, dropout, opts.rng);

    // head: pooled = tanh([CLS] @ Wp + bp), logits = dropout(pooled) @ Wc + bc
    const HL = this.states[L]!;
    for (let s = 0; s < B; s++) {
      const r = plan.rowOf[plan.seqStart[s]!]!;
      this.cls.set(HL.subarray(r * d, (r + 1) * d), s * d);
    }
    this.dense(this.cls, B, d, P.poolerW, P.poolerB, d, this.pooled);
    for (let i = 0; i < B * d; i++) this.pooled[i] = Math.tanh(this.pooled[i]!);
    this.poolD.set(this.pooled.subarray(0, B * d));
    this.dropout(this.poolD, this.maskP, B * d, dropout, opts.rng);
    this.dense(this.poolD, B, d, P.classifierW, P.classifierB, this.outputs, this.logits);
    this.last = { plan, dropout, batch: B };
    return { plan, logits: this.logits.subarray(0, B * this.outputs) };
  }

  /** Adds the gradient of the loss to `grads`, given dLoss/dlogits [B, N] of the last forward. */
  backward(dlogits: Vec): void {
    const { be, d, arch, params: P, grads: G } = this;
    const N = this.outputs;
    if (!this.last) throw new Error('internal: backward without forward');
    const { plan, dropout, batch: B } = this.last;
    const n = plan.rows;

    be.gemm('tn', d, N, B, this.poolD, 0, d, dlogits, 0, N, G.classifierW, 0, N, true);
    this.colSum(dlogits, B, N, G.classifierB);
    const dPool = this.dTmp;
    be.transpose(d, N, P.classifierW, 0, N, this.wt, 0, d);
    be.gemm('nn', B, d, N, dlogits, 0, N, this.wt, 0, d, dPool, 0, d, false);
    if (dropout > 0) for (let i = 0; i < B * d; i++) dPool[i] = dPool[i]! * this.maskP[i]!;
    for (let i = 0; i < B * d; i++) dPool[i] = dPool[i]! * (1 - this.pooled[i]! * this.pooled[i]!);
    be.gemm('tn', d, d, B, this.cls, 0, d, dPool, 0, d, G.poolerW, 0, d, true);
    this.colSum(dPool, B, d, G.poolerB);
    const dCls = this.dr;
    be.transpose(d, d, P.poolerW, 0, d, this.wt, 0, d);
    be.gemm('nn', B, d, d, dPool, 0, d, this.wt, 0, d, dCls, 0, d, false);

    let dOut = this.dA, dIn = this.dB;
    dOut.fill(0, 0, n * d);
    for (let s = 0; s < B; s++) {
      const r = plan.rowOf[plan.seqStart[s]!]!;
      for (let j = 0; j < d; j++) dOut[r * d + j] = dOut[r * d + j]! + dCls[s * d + j]!;
    }
    for (let l = arch.layers; l >= 1; l--) {
      this.layerBackward(l, plan, dropout, dOut, dIn);
      [dOut, dIn] = [dIn, dOut];
    }

    // embeddings: through the dropout and the LayerNorm, then into the rows each token read
    if (dropout > 0) for (let i = 0; i < n * d; i++) dOut[i] = dOut[i]! * this.mask0[i]!;
    const de = this.dr;
    layerNormBackward(dOut, this.xhat0, this.rstd0, P.embLnG, de, G.embLnG, G.embLnB, n, d);
    for (let r = 0; r < n; r++) {
      const src = plan.order[r]!;
      const w = this.ids[src]! * d, po = plan.posOfRow[r]! * d, t = this.types[src]! * d;
      for (let j = 0; j < d; j++) {
        const v = de[r * d + j]!;
        G.wordEmb[w + j] = G.wordEmb[w + j]! + v;
        G.posEmb[po + j] = G.posEmb[po + j]! + v;
        G.typeEmb[t + j] = G.typeEmb[t + j]! + v;
      }
    }
  }

  private layerForward(l: number, plan: BatchPlan, dropout: number, rng: Rng | undefined): void {
    const { be, d, f, arch } = this;
    const lp = this.params.layers[l - 1]!, st = this.layers[l - 1]!;
    const Hin = this.states[l - 1]!, Hout = this.states[l]!;
    const n = plan.rows, m = plan.active[l]!;
    groupActiveRows(plan, m, st.qStart, st.qRows);
    this.dense(Hin, n, d, lp.kW, lp.kB, d, st.K);
    this.dense(Hin, n, d, lp.vW, lp.vB, d, st.V);
    Hout.set(Hin.subarray(m * d, n * d), m * d); // exited rows keep their state
    if (m === 0) return;
    this.dense(Hin, m, d, lp.qW, lp.qB, d, st.Q);
    this.attention(plan, st);
    // h1 = LayerNorm(dropout(ctx @ Wo + bo) + h)
    this.dense(st.ctx, m, d, lp.oW, lp.oB, d, st.h1);
    this.dropout(st.h1, st.mask1, m * d, dropout, rng);
    for (let i = 0; i < m * d; i++) st.h1[i] = st.h1[i]! + Hin[i]!;
    layerNorm(st.h1, st.h1, st.xhat1, st.rstd1, m, d, lp.ln1G, lp.ln1B, arch.layerNormEps);
    // h' = LayerNorm(dropout(gelu(h1 @ W1 + b1) @ W2 + b2) + h1)
    this.dense(st.h1, m, d, lp.f1W, lp.f1B, f, st.u);
    be.gelu(st.u, st.g, m * f);
    this.dense(st.g, m, f, lp.f2W, lp.f2B, d, Hout);
    this.dropout(Hout, st.mask2, m * d, dropout, rng);
    for (let i = 0; i < m * d; i++) Hout[i] = Hout[i]! + st.h1[i]!;
    layerNorm(Hout, Hout, st.xhat2, st.rstd2, m, d, lp.ln2G, lp.ln2B, arch.layerNormEps);
  }

  /** dIn = dLoss/dh^(l-1) from dOut = dLoss/dh^l (both [n, d]); adds layer l's weight gradients. */
  private layerBackward(l: number, plan: BatchPlan, dropout: number, dOut: Vec, dIn: Vec): void {
    const { be, d, f } = this;
    const lp = this.params.layers[l - 1]!, lg = this.grads.layers[l - 1]!, st = this.layers[l - 1]!;
    const Hin = this.states[l - 1]!;
    const n = plan.rows, m = plan.active[l]!;
    dIn.set(dOut.subarray(m * d, n * d), m * d); // exited rows: the state passed through unchanged
    if (m === 0) return; // no query anywhere: K and V were read by nobody
    const dr2 = this.dr;
    layerNormBackward(dOut, st.xhat2, st.rstd2, lp.ln2G, dr2, lg.ln2G, lg.ln2B, m, d);
    const dO = this.dTmp;
    maskedCopy(dr2, st.mask2, dO, m * d, dropout);
    be.gemm('tn', f, d, m, st.g, 0, f, dO, 0, d, lg.f2W, 0, d, true);
    this.colSum(dO, m, d, lg.f2B);
    this.backInput(dO, m, d, lp.f2W, f, this.dG, false);
    be.geluGrad(st.u, this.dG, this.dU, m * f);
    be.gemm('tn', d, f, m, st.h1, 0, d, this.dU, 0, f, lg.f1W, 0, f, true);
    this.colSum(this.dU, m, f, lg.f1B);
    this.dH1.set(dr2.subarray(0, m * d)); // the residual around the FFN
    this.backInput(this.dU, m, f, lp.f1W, d, this.dH1, true);
    const dr1 = this.dr;
    layerNormBackward(this.dH1, st.xhat1, st.rstd1, lp.ln1G, dr1, lg.ln1G, lg.ln1B, m, d);
    dIn.set(dr1.subarray(0, m * d)); // the residual around attention
    maskedCopy(dr1, st.mask1, dO, m * d, dropout);
    be.gemm('tn', d, d, m, st.ctx, 0, d, dO, 0, d, lg.oW, 0, d, true);
    this.colSum(dO, m, d, lg.oB);
    this.backInput(dO, m, d, lp.oW, d, this.dctx, false);
    this.attentionBackward(plan, st);
    be.gemm('tn', d, d, m, Hin, 0, d, this.dQ, 0, d, lg.qW, 0, d, true);
    this.colSum(this.dQ, m, d, lg.qB);
    this.backInput(this.dQ, m, d, lp.qW, d, dIn, true);
    // K and V of every row, exited ones included: their gradient reaches the frozen states
    be.gemm('tn', d, d, n, Hin, 0, d, this.dK, 0, d, lg.kW, 0, d, true);
    this.colSum(this.dK, n, d, lg.kB);
    this.backInput(this.dK, n, d, lp.kW, d, dIn, true);
    be.gemm('tn', d, d, n, Hin, 0, d, this.dV, 0, d, lg.vW, 0, d, true);
    this.colSum(this.dV, n, d, lg.vB);
    this.backInput(this.dV, n, d, lp.vW, d, dIn, true);
  }

  /** Scores, softmax and context per sequence and head for the active rows (Q, K, V of `st` -> st.ctx, st.P). */
  private attention(plan: BatchPlan, st: LayerState): void {
    const { be, d, heads } = this;
    const dh = d / heads, scale = 1 / Math.sqrt(dh);
    let pOff = 0;
    for (let s = 0; s < plan.seqCount; s++) {
      const q0 = st.qStart[s]!, a = st.qStart[s + 1]! - q0;
      if (a === 0) continue;
      const k0 = plan.seqStart[s]!, len = plan.seqStart[s + 1]! - k0;
      gatherRows(st.Q, st.qRows, q0, a, d, this.Qs);
      gatherRows(st.K, plan.keyRows, k0, len, d, this.Ks);
      gatherRows(st.V, plan.keyRows, k0, len, d, this.Vs);
      be.transpose(len, d, this.Ks, 0, d, this.Xt, 0, len);
      for (let h = 0; h < heads; h++) {
        const p = pOff + h * a * len;
        be.gemm('nn', a, len, dh, this.Qs, h * dh, d, this.Xt, h * dh * len, len, st.P, p, len, false);
        for (let i = 0; i < a; i++) softmaxRow(st.P, p + i * len, len, scale);
        be.gemm('nn', a, dh, len, st.P, p, len, this.Vs, h * dh, d, this.ctxS, h * dh, d, false);
      }
      scatterRows(this.ctxS, st.qRows, q0, a, d, st.ctx);
      pOff += heads * a * len;
    }
  }

  /** From this.dctx [m, d]: dQ [m, d], dK and dV [n, d] (every row written). */
  private attentionBackward(plan: BatchPlan, st: LayerState): void {
    const { be, d, heads } = this;
    const dh = d / heads, scale = 1 / Math.sqrt(dh);
    const dctxS = this.ctxS;
    let pOff = 0;
    for (let s = 0; s < plan.seqCount; s++) {
      const q0 = st.qStart[s]!, a = st.qStart[s + 1]! - q0;
      const k0 = plan.seqStart[s]!, len = plan.seqStart[s + 1]! - k0;
      if (a === 0) {
        for (let t = 0; t < len; t++) {
          const r = plan.keyRows[k0 + t]!;
          this.dK.fill(0, r * d, (r + 1) * d);
          this.dV.fill(0, r * d, (r + 1) * d);
        }
        continue;
      }
      gatherRows(st.Q, st.qRows, q0, a, d, this.Qs);
      gatherRows(st.K, plan.keyRows, k0, len, d, this.Ks);
      gatherRows(st.V, plan.keyRows, k0, len, d, this.Vs);
      gatherRows(this.dctx, st.qRows, q0, a, d, dctxS);
      be.transpose(len, d, this.Vs, 0, d, this.Xt, 0, len);
      for (let h = 0; h < heads; h++) {
        const p = pOff + h * a * len;
        be.gemm('nn', a, len, dh, dctxS, h * dh, d, this.Xt, h * dh * len, len, this.dP, 0, len, false);
        be.gemm('tn', len, dh, a, st.P, p, len, dctxS, h * dh, d, this.dVs, h * dh, d, false);
        // dS = P * (dP - sum_t dP P) * scale, row by row
        for (let i = 0; i < a; i++) {
          let dot = 0;
          for (let t = 0; t < len; t++) dot += this.dP[i * len + t]! * st.P[p + i * len + t]!;
          for (let t = 0; t < len; t++) this.dS[i * len + t] = st.P[p + i * len + t]! * (this.dP[i * len + t]! - dot) * scale;
        }
        be.gemm('nn', a, dh, len, this.dS, 0, len, this.Ks, h * dh, d, this.dQs, h * dh, d, false);
        be.gemm('tn', len, dh, a, this.dS, 0, len, this.Qs, h * dh, d, this.dKs, h * dh, d, false);
      }
      scatterRows(this.dQs, st.qRows, q0, a, d, this.dQ);
      scatterRows(this.dKs, plan.keyRows, k0, len, d, this.dK);
      scatterRows(this.dVs, plan.keyRows, k0, len, d, this.dV);
      pOff += heads * a * len;
    }
  }

  /** y [rows, n] = x [rows, k] @ W [k, n] + b: the product from zero, then the bias (the reference's order). */
  private dense(x: Vec, rows: number, k: number, W: Vec, b: Vec, n: number, y: Vec): void {
    this.be.gemm('nn', rows, n, k, x, 0, k, W, 0, n, y, 0, n, false);
    for (let r = 0; r < rows; r++) for (let j = 0; j < n; j++) y[r * n + j] = y[r * n + j]! + b[j]!;
  }

  /** out [n] += the column sums of x [rows, n] (a bias gradient), in row order. */
  private colSum(x: Vec, rows: number, n: number, out: Vec): void {
    this.be.gemm('tn', 1, n, rows, this.ones, 0, 1, x, 0, n, out, 0, n, true);
  }

  /** dx [rows, k] (+)= dy [rows, n] @ W^T for W [k, n]. */
  private backInput(dy: Vec, rows: number, n: number, W: Vec, k: number, dx: Vec, accumulate: boolean): void {
    this.be.transpose(k, n, W, 0, n, this.wt, 0, k);
    this.be.gemm('nn', rows, k, n, dy, 0, n, this.wt, 0, k, dx, 0, k, accumulate);
  }

  private dropout(x: Vec, mask: Vec, count: number, p: number, rng: Rng | undefined): void {
    if (p <= 0 || !rng) return;
    const u = this.uniform.subarray(0, count);
    rng.fillUniform(u, 0, 1);
    const keep = 1 / (1 - p);
    for (let i = 0; i < count; i++) {
      const s = u[i]! < p ? 0 : keep;
      mask[i] = s;
      x[i] = x[i]! * s;
    }
  }

  private checkCapacity(plan: BatchPlan, ids: readonly (readonly number[])[]): void {
    const c = this.cap;
    let maxLen = 0, squares = 0;
    for (const s of ids) { maxLen = Math.max(maxLen, s.length); squares += s.length * s.length; }
    if (plan.rows > c.rows || plan.seqCount > c.seqs || maxLen > c.maxLen || squares > c.squares) {
      throw new Error(`internal: batch (${plan.rows} tokens, ${plan.seqCount} sequences, longest ${maxLen}) exceeds the workspace`);
    }
  }
}

/** Active rows [0, m) grouped by sequence (counting sort, ascending rows inside each group). */
function groupActiveRows(plan: BatchPlan, m: number, start: Int32Array, rows: Int32Array): void {
  const B = plan.seqCount;
  start.fill(0, 0, B + 1);
  for (let r = 0; r < m; r++) start[plan.seqOfRow[r]! + 1]!++;
  for (let s = 0; s < B; s++) start[s + 1]! += start[s]!;
  const next = start.slice(0, B);
  for (let r = 0; r < m; r++) rows[next[plan.seqOfRow[r]!]!++] = r;
}

function gatherRows(src: Vec, rows: Int32Array, from: number, count: number, d: number, dst: Vec): void {
  for (let i = 0; i < count; i++) {
    const r = rows[from + i]!;
    dst.set(src.subarray(r * d, (r + 1) * d), i * d);
  }
}

function scatterRows(src: Vec, rows: Int32Array, from: number, count: number, d: number, dst: Vec): void {
  for (let i = 0; i < count; i++) dst.set(src.subarray(i * d, (i + 1) * d), rows[from + i]! * d);
}

/** Scaled scores -> softmax weights in place, as the reference computes them (max-subtracted). */
function softmaxRow(p: Vec, o: number, len: number, scale: number): void {
  let max = -Infinity;
  for (let t = 0; t < len; t++) { p[o + t] = p[o + t]! * scale; max = Math.max(max, p[o + t]!); }
  let sum = 0;
  for (let t = 0; t < len; t++) { p[o + t] = Math.exp(p[o + t]! - max); sum += p[o + t]!; }
  for (let t = 0; t < len; t++) p[o + t] = p[o + t]! / sum;
}

/** y[r] = LayerNorm(x[r]) for rows [0, rows) (y may be x), saving xhat and 1/std for the backward pass. */
function layerNorm(x: Vec, y: Vec, xhat: Vec, rstd: Vec, rows: number, d: number, g: Vec, b: Vec, eps: number): void {
  for (let r = 0; r < rows; r++) {
    const o = r * d;
    let mean = 0;
    for (let j = 0; j < d; j++) mean += x[o + j]!;
    mean /= d;
    let v = 0;
    for (let j = 0; j < d; j++) { const c = x[o + j]! - mean; v += c * c; }
    const inv = 1 / Math.sqrt(v / d + eps);
    rstd[r] = inv;
    for (let j = 0; j < d; j++) {
      const xh = (x[o + j]! - mean) * inv;
      xhat[o + j] = xh;
      y[o + j] = xh * g[j]! + b[j]!;
    }
  }
}

/** dx = LayerNorm backward of dy (rows [0, rows)); adds the gain and bias gradients. */
function layerNormBackward(dy: Vec, xhat: Vec, rstd: Vec, g: Vec, dx: Vec, dg: Vec, db: Vec, rows: number, d: number): void {
  for (let r = 0; r < rows; r++) {
    const o = r * d;
    let sumD = 0, sumDX = 0;
    for (let j = 0; j < d; j++) {
      const dyj = dy[o + j]!, xh = xhat[o + j]!;
      dg[j] = dg[j]! + dyj * xh;
      db[j] = db[j]! + dyj;
      const dxh = dyj * g[j]!;
      sumD += dxh;
      sumDX += dxh * xh;
    }
    const mD = sumD / d, mDX = sumDX / d, inv = rstd[r]!;
    for (let j = 0; j < d; j++) dx[o + j] = inv * (dy[o + j]! * g[j]! - mD - xhat[o + j]! * mDX);
  }
}


/** dst = src * mask over `count` values (a plain copy without dropout). */
function maskedCopy(src: Vec, mask: Vec, dst: Vec, count: number, dropout: number): void {
  if (dropout > 0) for (let i = 0; i < count; i++) dst[i] = src[i]! * mask[i]!;
  else dst.set(src.subarray(0, count));
}
