// An independent, deliberately naive float64 HashEE encoder written from docs/hashee.md section 1 alone:
// nested number arrays, one token at a time, no packing, no shared code with runtime/.

import type { Model } from '../../contract/model.ts';

type Vec = number[];

function erfSeries(x: number): number {
  // erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1)); fine for |x| < 6 in float64.
  if (Math.abs(x) > 6) return Math.sign(x);
  let sum = 0, term = x, n = 0;
  while (Math.abs(term) > 1e-17 * Math.max(1, Math.abs(sum)) || n < 5) {
    sum += term / (2 * n + 1);
    n++;
    term *= (-x * x) / n;
    if (n > 400) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

const act = (model: Model, x: number): number => {
  switch (model.arch.activation) {
    case 'gelu': return 0.5 * x * (1 + erfSeries(x / Math.SQRT2));
    case 'gelu_tanh': return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
    case 'relu': return Math.max(0, x);
  }
};

function linear(x: Vec, w: Float32Array, b: Float32Array, out: number): Vec {
  const y: Vec = [];
  for (let j = 0; j < out; j++) {
    let s = b[j]!;
    for (let i = 0; i < x.length; i++) s += x[i]! * w[i * out + j]!;
    y.push(s);
  }
  return y;
}

function layerNorm(x: Vec, g: Float32Array, b: Float32Array, eps: number): Vec {
  const mean = x.reduce((a, v) => a + v, 0) / x.length;
  const variance = x.reduce((a, v) => a + (v - mean) ** 2, 0) / x.length;
  return x.map((v, i) => ((v - mean) / Math.sqrt(variance + eps)) * g[i]! + b[i]!);
}

/**
 * h^L for one sequence: every token's state at its own exit layer (exit = table value, L if absent), token
 * types all 0. Embeddings of width E (+ the projection to d when E != d); post-LN or pre-LN layers
 * (pre: LN1 before attention, LN2 before the FFN, the final LayerNorm on every token at the end).
 */
export function naiveLastHidden(model: Model, exitOfId: (id: number) => number, ids: readonly number[]): Vec[] {
  const { arch: a, weights: w } = model;
  const d = a.hidden, E = a.embeddingSize, dh = d / a.heads, n = ids.length;
  const pre = a.norm === 'pre';
  let h: Vec[] = ids.map((id, p) => {
    const sum = Array.from({ length: E }, (_, k) => w.wordEmb[id * E + k]! + w.posEmb[p * E + k]! + (a.typeVocabSize > 0 ? w.typeEmb[k]! : 0));
    const normed = layerNorm(sum, w.embLnG, w.embLnB, a.layerNormEps);
    return E === d ? normed : linear(normed, w.embProjW!, w.embProjB!, d);
  });
  for (let l = 1; l <= a.layers; l++) {
    const lw = w.layers[l - 1]!;
    const input = pre ? h.map((x) => layerNorm(x, lw.ln1G, lw.ln1B, a.layerNormEps)) : h; // what Q, K, V read
    const keys = input.map((x) => linear(x, lw.kW, lw.kB, d));   // every token, exited or not
    const values = input.map((x) => linear(x, lw.vW, lw.vB, d));
    h = h.map((x, t) => {
      if (exitOfId(ids[t]!) < l) return x;                  // exited: copied up unchanged
      const q = linear(input[t]!, lw.qW, lw.qB, d);
      const ctx: Vec = new Array(d).fill(0);
      for (let hd = 0; hd < a.heads; hd++) {
        const scores = keys.map((k) => {
          let s = 0;
          for (let c = 0; c < dh; c++) s += q[hd * dh + c]! * k[hd * dh + c]!;
          return s / Math.sqrt(dh);
        });
        const m = Math.max(...scores);
        const e = scores.map((s) => Math.exp(s - m));
        const z = e.reduce((u, v) => u + v, 0);
        for (let u = 0; u < n; u++) for (let c = 0; c < dh; c++) ctx[hd * dh + c]! += (e[u]! / z) * values[u]![hd * dh + c]!;
      }
      const attn = linear(ctx, lw.oW, lw.oB, d);
      const sum1 = x.map((v, i) => v + attn[i]!);
      const h1 = pre ? sum1 : layerNorm(sum1, lw.ln1G, lw.ln1B, a.layerNormEps);
      const ffnIn = pre ? layerNorm(h1, lw.ln2G, lw.ln2B, a.layerNormEps) : h1;
      const up = linear(ffnIn, lw.f1W, lw.f1B, a.ffn).map((v) => act(model, v));
      const down = linear(up, lw.f2W, lw.f2B, d);
      const sum2 = h1.map((v, i) => v + down[i]!);
      return pre ? sum2 : layerNorm(sum2, lw.ln2G, lw.ln2B, a.layerNormEps);
    });
  }
  return pre ? h.map((x) => layerNorm(x, w.finalLnG!, w.finalLnB!, a.layerNormEps)) : h;
}

/** Sequence heads: classifier(act(h^L_[CLS] @ pooler)), act tanh unless the head's pooler says relu. */
export function naiveSequenceLogits(model: Model, lastHidden: readonly Vec[]): Vec {
  const { head, weights: w } = model;
  if (head.kind !== 'classification' && head.kind !== 'regression') throw new Error('naiveSequenceLogits needs a sequence head');
  const d = model.arch.hidden;
  const pooled = linear(lastHidden[0]!, w.head.poolerW!, w.head.poolerB!, d).map((v) => (head.pooler === 'relu' ? Math.max(0, v) : Math.tanh(v)));
  return linear(pooled, w.head.classifierW!, w.head.classifierB!, head.kind === 'regression' ? 1 : head.labels);
}
