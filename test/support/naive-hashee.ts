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

/** h^L for one sequence: every token's state at its own exit layer (exit = table value, L if absent). */
export function naiveLastHidden(model: Model, exitOfId: (id: number) => number, ids: readonly number[]): Vec[] {
  const { arch: a, weights: w } = model;
  const d = a.hidden, dh = d / a.heads, n = ids.length;
  let h: Vec[] = ids.map((id, p) => layerNorm(
    Array.from({ length: d }, (_, k) => w.wordEmb[id * d + k]! + w.posEmb[p * d + k]! + w.typeEmb[k]!), w.embLnG, w.embLnB, a.layerNormEps));
  for (let l = 1; l <= a.layers; l++) {
    const lw = w.layers[l - 1]!;
    const keys = h.map((x) => linear(x, lw.kW, lw.kB, d));   // every token, exited or not
    const values = h.map((x) => linear(x, lw.vW, lw.vB, d));
    h = h.map((x, t) => {
      if (exitOfId(ids[t]!) < l) return x;                  // exited: copied up unchanged
      const q = linear(x, lw.qW, lw.qB, d);
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
      const h1 = layerNorm(x.map((v, i) => v + attn[i]!), lw.ln1G, lw.ln1B, a.layerNormEps);
      const up = linear(h1, lw.f1W, lw.f1B, a.ffn).map((v) => act(model, v));
      const down = linear(up, lw.f2W, lw.f2B, d);
      return layerNorm(h1.map((v, i) => v + down[i]!), lw.ln2G, lw.ln2B, a.layerNormEps);
    });
  }
  return h;
}
