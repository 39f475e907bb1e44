// Masked (direct) form of the reference forward pass: a padded [B, P] batch in input order, every layer
// computed for every position, then h^l = (exit >= l) ? new : old. Written apart from program.ts (the compact form) on purpose.

import type { ExitTable, LayerWeights, Model } from '../../contract/model.ts';
import { exitOf } from '../plan.ts';
import { ACTIVATIONS, dense, embedRow, layerNormRow, type Store } from './math.ts';

export interface MaskedOutput {
  readonly exits: number[][];        // [B][len]
  readonly hidden: Float64Array[];   // [B] of [len, d]: h^L, input order
}

export function maskedForward(
  model: Model, table: ExitTable, ids: readonly (readonly number[])[], types: readonly (readonly number[])[],
  fullDepth: boolean, store: Store,
): MaskedOutput {
  const { hidden: d, embeddingSize: E, layers: L, layerNormEps: eps } = model.arch;
  const w = model.weights;
  const B = ids.length;
  const P = Math.max(0, ...ids.map((s) => s.length));
  const lens = Int32Array.from(ids, (s) => s.length);
  const exits = ids.map((s) => s.map((id) => (fullDepth ? L : exitOf(table, id, L))));
  const exitPad = new Uint8Array(B * P); // [B, P]; 0 at padding: never updated
  const emb = new Float64Array(B * P * E); // [B, P, E]; padding rows stay zero
  for (let b = 0; b < B; b++) {
    for (let p = 0; p < lens[b]!; p++) {
      exitPad[b * P + p] = exits[b]![p]!;
      embedRow(model, ids[b]![p]!, p, types[b]![p]!, emb, b * P + p);
    }
  }
  store(emb);
  for (let b = 0; b < B; b++) {
    for (let p = 0; p < lens[b]!; p++) layerNormRow(emb, b * P + p, E, w.embLnG, w.embLnB, eps);
  }
  store(emb);
  let X = emb; // [B, P, d] h^0
  if (w.embProjW && w.embProjB) { // ALBERT: LN(emb) [*, E] projected to hidden [*, d]
    X = new Float64Array(B * P * d);
    dense(emb, B * P, E, w.embProjW, w.embProjB, d, X);
    store(X);
  }
  const layer = model.arch.norm === 'pre' ? maskedPreLayer : maskedPostLayer;
  for (let l = 1; l <= L; l++) layer(model, w.layers[l - 1]!, B, P, lens, exitPad, l, X, store);
  if (model.arch.norm === 'pre') {
    // h^L of every position (each token's state at its own exit) gets the final LayerNorm.
    for (let b = 0; b < B; b++) {
      for (let p = 0; p < lens[b]!; p++) layerNormRow(X, b * P + p, d, w.finalLnG!, w.finalLnB!, eps);
    }
    store(X);
  }
  const hidden = ids.map((_, b) => X.slice(b * P * d, (b * P + lens[b]!) * d));
  return { exits, hidden };
}

/** Multi-head attention of every query row over its sequence's real positions: Q, K, V [B * P, d] -> context [B * P, d]. */
function attendAll(model: Model, B: number, P: number, lens: Int32Array, Q: Float64Array, K: Float64Array, V: Float64Array, store: Store): Float64Array {
  const { hidden: d, heads } = model.arch;
  const dh = d / heads;
  const scale = 1 / Math.sqrt(dh);
  const ctx = new Float64Array(B * P * d);
  const w = new Float64Array(P); // [P] scores, then weights, of one query and head
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < P; i++) {
      const qRow = b * P + i;
      for (let hd = 0; hd < heads; hd++) {
        for (let j = 0; j < P; j++) {
          if (j >= lens[b]!) {
            w[j] = -Infinity; // padding key
            continue;
          }
          let dot = 0;
          for (let c = 0; c < dh; c++) dot += Q[qRow * d + hd * dh + c]! * K[(b * P + j) * d + hd * dh + c]!;
          w[j] = dot * scale;
        }
        store(w);
        const max = Math.max(...w);
        let sum = 0;
        for (let j = 0; j < P; j++) {
          w[j] = Math.exp(w[j]! - max);
          sum += w[j]!;
        }
        for (let j = 0; j < P; j++) w[j] = w[j]! / sum;
        store(w);
        for (let c = 0; c < dh; c++) {
          let acc = 0;
          for (let j = 0; j < P; j++) acc += w[j]! * V[(b * P + j) * d + hd * dh + c]!;
          ctx[qRow * d + hd * dh + c] = acc;
        }
      }
    }
  }
  store(ctx);
  return ctx;
}

/** Q, K, V [rows, d] of x [rows, d] with the layer's projections. */
function projectQkv(lw: LayerWeights, x: Float64Array, rows: number, d: number, store: Store): [Float64Array, Float64Array, Float64Array] {
  const Q = new Float64Array(rows * d);
  const K = new Float64Array(rows * d);
  const V = new Float64Array(rows * d);
  dense(x, rows, d, lw.qW, lw.qB, d, Q);
  dense(x, rows, d, lw.kW, lw.kB, d, K);
  dense(x, rows, d, lw.vW, lw.vB, d, V);
  store(Q);
  store(K);
  store(V);
  return [Q, K, V];
}

/** act(x @ W1 + b1) @ W2 + b2 over rows of x [rows, d]. */
function ffn(model: Model, lw: LayerWeights, x: Float64Array, rows: number, store: Store): Float64Array {
  const { hidden: d, ffn: f } = model.arch;
  const act = ACTIVATIONS[model.arch.activation];
  const inner = new Float64Array(rows * f);
  dense(x, rows, d, lw.f1W, lw.f1B, f, inner);
  store(inner);
  for (let i = 0; i < rows * f; i++) inner[i] = act(inner[i]!);
  store(inner);
  const out = new Float64Array(rows * d);
  dense(inner, rows, f, lw.f2W, lw.f2B, d, out);
  store(out);
  return out;
}

/** Keeps row r of `next` in X where the position is still active at layer l (exit >= l). */
function keepActive(X: Float64Array, next: Float64Array, rows: number, d: number, exitPad: Uint8Array, l: number): void {
  for (let r = 0; r < rows; r++) {
    if (exitPad[r]! >= l) X.set(next.subarray(r * d, (r + 1) * d), r * d);
  }
}

/** One post-LN (BERT) layer over all B * P positions of X [B, P, d]: LN2(h1 + FFN(h1)), h1 = LN1(x + Attn(x)). */
function maskedPostLayer(
  model: Model, lw: LayerWeights, B: number, P: number, lens: Int32Array, exitPad: Uint8Array, l: number,
  X: Float64Array, store: Store,
): void {
  const { hidden: d, layerNormEps: eps } = model.arch;
  const rows = B * P;
  const [Q, K, V] = projectQkv(lw, X, rows, d, store);
  const ctx = attendAll(model, B, P, lens, Q, K, V, store);
  const proj = new Float64Array(rows * d);
  dense(ctx, rows, d, lw.oW, lw.oB, d, proj);
  store(proj);
  const h1 = new Float64Array(rows * d);
  for (let i = 0; i < rows * d; i++) h1[i] = X[i]! + proj[i]!;
  store(h1);
  for (let r = 0; r < rows; r++) layerNormRow(h1, r, d, lw.ln1G, lw.ln1B, eps);
  store(h1);
  const ffnOut = ffn(model, lw, h1, rows, store);
  const h2 = new Float64Array(rows * d);
  for (let i = 0; i < rows * d; i++) h2[i] = h1[i]! + ffnOut[i]!;
  store(h2);
  for (let r = 0; r < rows; r++) layerNormRow(h2, r, d, lw.ln2G, lw.ln2B, eps);
  store(h2);
  keepActive(X, h2, rows, d, exitPad, l);
}

/**
 * One pre-LN layer over all positions: h1 = x + Attn(LN1(x)), h2 = h1 + FFN(LN2(h1)). LN1 is taken of every
 * position's current state, so an exited token's keys and values come from LN1 of its frozen state.
 */
function maskedPreLayer(
  model: Model, lw: LayerWeights, B: number, P: number, lens: Int32Array, exitPad: Uint8Array, l: number,
  X: Float64Array, store: Store,
): void {
  const { hidden: d, layerNormEps: eps } = model.arch;
  const rows = B * P;
  const normed = new Float64Array(X);
  for (let r = 0; r < rows; r++) layerNormRow(normed, r, d, lw.ln1G, lw.ln1B, eps);
  store(normed);
  const [Q, K, V] = projectQkv(lw, normed, rows, d, store);
  const ctx = attendAll(model, B, P, lens, Q, K, V, store);
  const proj = new Float64Array(rows * d);
  dense(ctx, rows, d, lw.oW, lw.oB, d, proj);
  store(proj);
  const h1 = new Float64Array(rows * d);
  for (let i = 0; i < rows * d; i++) h1[i] = X[i]! + proj[i]!;
  store(h1);
  const h1n = new Float64Array(h1);
  for (let r = 0; r < rows; r++) layerNormRow(h1n, r, d, lw.ln2G, lw.ln2B, eps);
  store(h1n);
  const ffnOut = ffn(model, lw, h1n, rows, store);
  const h2 = new Float64Array(rows * d);
  for (let i = 0; i < rows * d; i++) h2[i] = h1[i]! + ffnOut[i]!;
  store(h2);
  keepActive(X, h2, rows, d, exitPad, l);
}
