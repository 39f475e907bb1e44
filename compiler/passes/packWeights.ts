// Compile-time weight pre-packing for the WASM backend: writes every tensor of the weight table into the
// layout the generated kernels stream (contract/wasm-layout.ts WASM_TENSORS): matrices as k-major panels
// of nr columns, Q, K and V fused into one [d, 3d] product with 1/sqrt(dh) folded into the Q columns.

import { checkWeights, weightShape, type Model, type WeightName } from '../../contract/model.ts';
import { scaleName, WASM_TENSORS, WEIGHTS_BASE, wasmLayout, type WasmLayout, type WasmPrecision } from '../../contract/wasm-layout.ts';
import { WEIGHTS } from '../../contract/model.ts';
import { concatColumns, packPanels } from './pack.ts';
import { quantizeColumns } from '../../contract/quant.ts';

export { packPanels } from './pack.ts';

export interface PackedWeights {
  readonly layout: WasmLayout;
  /** [layout.weightBytes] the blob to copy to linear memory at WEIGHTS_BASE (little-endian f32). */
  readonly bytes: Uint8Array;
}

export function packWeights(model: Model, precision: WasmPrecision = 'f32'): PackedWeights {
  checkWeights(model);
  const { arch, head, weights: w } = model;
  const layout = wasmLayout(arch, head, precision);
  const bytes = new Uint8Array(layout.weightBytes);
  const f32 = new Float32Array(bytes.buffer);
  const i8 = new Int8Array(bytes.buffer);
  const byName = new Map(WASM_TENSORS.map((t) => [t.name, t]));
  const scales = new Map<string, Float32Array>(); // int8: each matrix's column scales, written at its '.scale' slot
  for (const slot of layout.tensors) {
    const scale = scales.get(slot.name);
    if (scale) { f32.set(scale, (slot.address - WEIGHTS_BASE) / 4); continue; }
    const m = /^layers\.(\d+)\.(.+)$/.exec(slot.name);
    const spec = byName.get(m ? m[2]! : slot.name)!;
    const group = m ? w.layers[Number(m[1])]! : WEIGHTS[spec.from[0]!].group === 'head' ? w.head : w;
    const source = (name: WeightName): Float32Array => (group as Partial<Record<WeightName, Float32Array>>)[name]!;
    const k = slot.shape.length === 2 ? slot.shape[0]! : 1;
    const data = concatColumns(k, spec.from.map((name, i) => {
      const shape = weightShape(name, arch, head);
      return { w: source(name), n: shape[shape.length - 1]!, scale: spec.scaleFirst && i === 0 ? layout.qScale : 1 };
    }));
    if (slot.layout.kind === 'panels-i8') {
      const q = quantizeColumns(data, k, slot.shape[1]!);
      scales.set(scaleName(slot.name), q.scale);
      i8.set(packPairPanels(q.q, k, slot.shape[1]!, slot.layout.nr), slot.address - WEIGHTS_BASE);
      continue;
    }
    const packed = slot.layout.kind === 'panels' ? packPanels(data, k, slot.shape[1]!, slot.layout.nr) : data;
    f32.set(packed, (slot.address - WEIGHTS_BASE) / 4);
  }
  return { layout, bytes };
}

/** int8 q [k, n] row-major -> [n / nr][k / 2][nr / 4][4][2] (contract/wasm-layout.ts 'panels-i8'). */
export function packPairPanels(q: Int8Array, k: number, n: number, nr: number): Int8Array {
  const out = new Int8Array(k * n);
  let o = 0;
  for (let p = 0; p < n; p += nr) {
    for (let i = 0; i < k; i += 2) {
      for (let j = 0; j < nr; j++) {
        out[o++] = q[i * n + p + j]!;
        out[o++] = q[(i + 1) * n + p + j]!;
      }
    }
  }
  return out;
}
