// Compile-time weight pre-packing for the WASM backend: writes every tensor into the layout the generated
// kernels stream (runtime/wasm/layout.ts): matrices as k-major panels of nr columns, Q, K and V fused
// into one [d, 3d] product with 1/sqrt(dh) folded into the Q columns.

import type { Model } from '../../contract/model.ts';
import { WEIGHTS_BASE, wasmLayout, type WasmLayout } from '../../runtime/wasm/layout.ts';

export interface PackedWeights {
  readonly layout: WasmLayout;
  /** [layout.weightBytes] the blob to copy to linear memory at WEIGHTS_BASE (little-endian f32). */
  readonly bytes: Uint8Array;
}

/** W [k, n] row-major -> [n / nr][k][nr]. */
export function packPanels(w: Float32Array, k: number, n: number, nr: number): Float32Array {
  const out = new Float32Array(k * n);
  let o = 0;
  for (let p = 0; p < n; p += nr) {
    for (let i = 0; i < k; i++) {
      const row = i * n + p;
      for (let j = 0; j < nr; j++) out[o++] = w[row + j]!;
    }
  }
  return out;
}

/** Columns side by side: [k, n1] ++ [k, n2] ++ ... -> [k, n1 + n2 + ...]. */
function concatColumns(k: number, parts: readonly { w: Float32Array; n: number; scale?: number }[]): Float32Array {
  const n = parts.reduce((s, p) => s + p.n, 0);
  const out = new Float32Array(k * n);
  for (let i = 0; i < k; i++) {
    let col = 0;
    for (const p of parts) {
      const s = p.scale ?? 1;
      for (let j = 0; j < p.n; j++) out[i * n + col + j] = p.w[i * p.n + j]! * s;
      col += p.n;
    }
  }
  return out;
}

export function packWeights(model: Model): PackedWeights {
  const layout = wasmLayout(model.arch, model.head);
  const bytes = new Uint8Array(layout.weightBytes);
  const f32 = new Float32Array(bytes.buffer);
  const put = (name: string, data: Float32Array): void => {
    f32.set(data, (layout.at[name]! - WEIGHTS_BASE) / 4);
  };
  const w = model.weights, d = model.arch.hidden, f = model.arch.ffn, g = layout.gemm;
  put('wordEmb', w.wordEmb);
  put('posEmb', w.posEmb);
  put('typeEmb', w.typeEmb);
  put('embLn.gamma', w.embLnG);
  put('embLn.beta', w.embLnB);
  w.layers.forEach((lw, l) => {
    const p = `layers.${l}.`;
    const qkv = concatColumns(d, [{ w: lw.qW, n: d, scale: layout.qScale }, { w: lw.kW, n: d }, { w: lw.vW, n: d }]);
    put(p + 'qkv.weight', packPanels(qkv, d, 3 * d, g.qkv.nr));
    put(p + 'qkv.bias', concatColumns(1, [{ w: lw.qB, n: d, scale: layout.qScale }, { w: lw.kB, n: d }, { w: lw.vB, n: d }]));
    put(p + 'o.weight', packPanels(lw.oW, d, d, g.o.nr));
    put(p + 'o.bias', lw.oB);
    put(p + 'ln1.gamma', lw.ln1G);
    put(p + 'ln1.beta', lw.ln1B);
    put(p + 'f1.weight', packPanels(lw.f1W, d, f, g.f1.nr));
    put(p + 'f1.bias', lw.f1B);
    put(p + 'f2.weight', packPanels(lw.f2W, f, d, g.f2.nr));
    put(p + 'f2.bias', lw.f2B);
    put(p + 'ln2.gamma', lw.ln2G);
    put(p + 'ln2.beta', lw.ln2B);
  });
  const h = w.head;
  if (layout.at['pooler.weight'] !== undefined) {
    put('pooler.weight', packPanels(h.poolerW!, d, d, g.pool.nr));
    put('pooler.bias', h.poolerB!);
  }
  if (layout.at['classifier.weight'] !== undefined) {
    put('classifier.weight', h.classifierW!);
    put('classifier.bias', h.classifierB!);
  }
  return { layout, bytes };
}
