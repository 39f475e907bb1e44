// Compact (prefix) form of the reference forward pass: rows packed by exit layer as planBatch lays them
// out; layer l computes K/V for all rows and everything else for the prefix [0, active[l]). Backends mirror this.

import type { LayerWeights, Model } from '../model.ts';
import type { BatchPlan } from '../plan.ts';
import { ACTIVATIONS, dense, embedRow, layerNormRow, type Store } from './math.ts';

/**
 * Runs embeddings and all layers. ids/types are flat in input order ([n], plan.seqStart offsets).
 * Returns the packed states [n, d] (row r = plan.order[r]): each row holds h^L, i.e. its state at its
 * exit layer (pre-LN: with the final LayerNorm applied); with plan.clsOnlyLastLayer, rows outside
 * active[L] hold h^(L-1) instead.
 */
export function compactForward(model: Model, plan: BatchPlan, ids: Int32Array, types: Int32Array, store: Store): Float64Array {
  const { hidden: d, embeddingSize: E, layerNormEps: eps } = model.arch;
  const w = model.weights;
  const n = plan.rows;
  const X = new Float64Array(n * E); // [n, E] embedding sums, then their LayerNorm
  for (let r = 0; r < n; r++) {
    const g = plan.order[r]!;
    embedRow(model, ids[g]!, plan.posOfRow[r]!, types[g]!, X, r);
  }
  store(X);
  for (let r = 0; r < n; r++) layerNormRow(X, r, E, w.embLnG, w.embLnB, eps);
  store(X);
  let H = X; // [n, d] h^0
  if (E !== d) { // factorised embeddings (ALBERT): h^0 = LN(emb) @ embProjW + embProjB
    H = new Float64Array(n * d);
    dense(X, n, E, w.embProjW!, w.embProjB!, d, H);
    store(H);
  }
  for (let l = 1; l <= plan.layers; l++) compactLayer(model, w.layers[l - 1]!, plan, plan.active[l]!, H, store);
  if (model.arch.norm === 'pre') { // every row's h^L, exited ones included, goes through the final LayerNorm
    for (let r = 0; r < n; r++) layerNormRow(H, r, d, w.finalLnG!, w.finalLnB!, eps);
    store(H);
  }
  return H;
}

/**
 * One encoder layer on packed states H [n, d], updating rows [0, m) in place.
 * post (BERT): A = H; h1 = LN1(H + O(Attn(A))); out = LN2(h1 + FFN(h1)).
 * pre: A = LN1(H) for every row (exited rows' K/V read LN1 of their frozen state); h1 = H + O(Attn(A));
 * out = h1 + FFN(LN2(h1)).
 */
function compactLayer(model: Model, lw: LayerWeights, plan: BatchPlan, m: number, H: Float64Array, store: Store): void {
  const { hidden: d, ffn: f, heads, layerNormEps: eps } = model.arch;
  const pre = model.arch.norm === 'pre';
  const n = plan.rows;
  let A = H; // [n, d] what the projections read
  if (pre) {
    A = H.slice();
    for (let r = 0; r < n; r++) layerNormRow(A, r, d, lw.ln1G, lw.ln1B, eps);
    store(A);
  }
  const K = new Float64Array(n * d); // [n, d] keys of every row, from its current state
  const V = new Float64Array(n * d);
  dense(A, n, d, lw.kW, lw.kB, d, K);
  dense(A, n, d, lw.vW, lw.vB, d, V);
  store(K);
  store(V);
  if (m === 0) return;
  const Q = new Float64Array(m * d); // [m, d]
  dense(A, m, d, lw.qW, lw.qB, d, Q);
  store(Q);

  const dh = d / heads;
  const scale = 1 / Math.sqrt(dh);
  const ctx = new Float64Array(m * d); // [m, d] attention output before the projection
  let maxLen = 0;
  for (let s = 0; s < plan.seqCount; s++) maxLen = Math.max(maxLen, plan.seqStart[s + 1]! - plan.seqStart[s]!);
  const p = new Float64Array(maxLen); // scores, then probabilities, of one row and head
  for (let r = 0; r < m; r++) {
    const s = plan.seqOfRow[r]!;
    const k0 = plan.seqStart[s]!;
    const len = plan.seqStart[s + 1]! - k0;
    for (let hd = 0; hd < heads; hd++) {
      const c0 = hd * dh;
      for (let t = 0; t < len; t++) {
        const kr = plan.keyRows[k0 + t]!;
        let dot = 0;
        for (let c = 0; c < dh; c++) dot += Q[r * d + c0 + c]! * K[kr * d + c0 + c]!;
        p[t] = dot * scale;
      }
      store(p, 0, len);
      let max = -Infinity;
      for (let t = 0; t < len; t++) max = Math.max(max, p[t]!);
      let sum = 0;
      for (let t = 0; t < len; t++) {
        p[t] = Math.exp(p[t]! - max);
        sum += p[t]!;
      }
      for (let t = 0; t < len; t++) p[t] = p[t]! / sum;
      store(p, 0, len);
      for (let t = 0; t < len; t++) {
        const kr = plan.keyRows[k0 + t]!;
        for (let c = 0; c < dh; c++) ctx[r * d + c0 + c] += p[t]! * V[kr * d + c0 + c]!;
      }
    }
  }
  store(ctx);

  const h1 = new Float64Array(m * d); // [m, d] post: LN1(h + attention output); pre: h + attention output
  dense(ctx, m, d, lw.oW, lw.oB, d, h1);
  store(h1);
  for (let i = 0; i < m * d; i++) h1[i] += H[i]!;
  store(h1);
  let ffnIn = h1; // [m, d] post: h1; pre: LN2(h1)
  if (pre) {
    ffnIn = h1.slice();
    for (let r = 0; r < m; r++) layerNormRow(ffnIn, r, d, lw.ln2G, lw.ln2B, eps);
  } else {
    for (let r = 0; r < m; r++) layerNormRow(h1, r, d, lw.ln1G, lw.ln1B, eps);
  }
  store(ffnIn);

  const act = ACTIVATIONS[model.arch.activation];
  const mid = new Float64Array(m * f); // [m, f]
  dense(ffnIn, m, d, lw.f1W, lw.f1B, f, mid);
  store(mid);
  for (let i = 0; i < m * f; i++) mid[i] = act(mid[i]!);
  store(mid);
  const out = new Float64Array(m * d); // [m, d] post: LN2(h1 + FFN(h1)); pre: h1 + FFN(LN2(h1))
  dense(mid, m, f, lw.f2W, lw.f2B, d, out);
  store(out);
  for (let i = 0; i < m * d; i++) out[i] += h1[i]!;
  store(out);
  if (!pre) {
    for (let r = 0; r < m; r++) layerNormRow(out, r, d, lw.ln2G, lw.ln2B, eps);
    store(out);
  }
  H.set(out, 0);
}
