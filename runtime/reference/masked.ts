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
  const { hidden: d, layers: L, layerNormEps: eps } = model.arch;
  const B = ids.length;
  const P = Math.max(0, ...ids.map((s) => s.length));
  const lens = Int32Array.from(ids, (s) => s.length);
  const exits = ids.map((s) => s.map((id) => (fullDepth ? L : exitOf(table, id, L))));
  const exitPad = new Uint8Array(B * P); // [B, P]; 0 at padding: never updated
  const X = new Float64Array(B * P * d); // [B, P, d]; padding rows start at zero
  for (let b = 0; b < B; b++) {
    for (let p = 0; p < lens[b]!; p++) {
      exitPad[b * P + p] = exits[b]![p]!;
      embedRow(model, ids[b]![p]!, p, types[b]![p]!, X, b * P + p);
    }
  }
  store(X);
  for (let b = 0; b < B; b++) {
    for (let p = 0; p < lens[b]!; p++) layerNormRow(X, b * P + p, d, model.weights.embLnG, model.weights.embLnB, eps);
  }
  store(X);
  for (let l = 1; l <= L; l++) maskedLayer(model, model.weights.layers[l - 1]!, B, P, lens, exitPad, l, X, store);
  const hidden = ids.map((_, b) => X.slice(b * P * d, (b * P + lens[b]!) * d));
  return { exits, hidden };
}

/** One post-LN encoder layer over all B * P positions of X [B, P, d]; keeps the result where exit >= l. */
function maskedLayer(
  model: Model, lw: LayerWeights, B: number, P: number, lens: Int32Array, exitPad: Uint8Array, l: number,
  X: Float64Array, store: Store,
): void {
  const { hidden: d, ffn: f, heads, layerNormEps: eps } = model.arch;
  const rows = B * P;
  const Q = new Float64Array(rows * d);
  const K = new Float64Array(rows * d);
  const V = new Float64Array(rows * d);
  dense(X, rows, d, lw.qW, lw.qB, d, Q);
  dense(X, rows, d, lw.kW, lw.kB, d, K);
  dense(X, rows, d, lw.vW, lw.vB, d, V);
  store(Q);
  store(K);
  store(V);

  const dh = d / heads;
  const scale = 1 / Math.sqrt(dh);
  const ctx = new Float64Array(rows * d);
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

  const proj = new Float64Array(rows * d);
  dense(ctx, rows, d, lw.oW, lw.oB, d, proj);
  store(proj);
  const h1 = new Float64Array(rows * d);
  for (let i = 0; i < rows * d; i++) h1[i] = X[i]! + proj[i]!;
  store(h1);
  for (let r = 0; r < rows; r++) layerNormRow(h1, r, d, lw.ln1G, lw.ln1B, eps);
  store(h1);

  const act = ACTIVATIONS[model.arch.activation];
  const inner = new Float64Array(rows * f);
  dense(h1, rows, d, lw.f1W, lw.f1B, f, inner);
  store(inner);
  for (let i = 0; i < rows * f; i++) inner[i] = act(inner[i]!);
  store(inner);
  const ffnOut = new Float64Array(rows * d);
  dense(inner, rows, f, lw.f2W, lw.f2B, d, ffnOut);
  store(ffnOut);
  const h2 = new Float64Array(rows * d);
  for (let i = 0; i < rows * d; i++) h2[i] = h1[i]! + ffnOut[i]!;
  store(h2);
  for (let r = 0; r < rows; r++) layerNormRow(h2, r, d, lw.ln2G, lw.ln2B, eps);
  store(h2);

  for (let r = 0; r < rows; r++) {
    if (exitPad[r]! >= l) X.set(h2.subarray(r * d, (r + 1) * d), r * d);
  }
}
