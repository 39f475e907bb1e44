// Compile-time weight pre-packing for the WASM backend: writes every tensor of the weight table into the
// layout the generated kernels stream (contract/wasm-layout.ts WASM_TENSORS): matrices as k-major panels
// of nr columns, Q, K and V fused into one [d, 3d] product with 1/sqrt(dh) folded into the Q columns.

import { checkWeights, weightShape, type Model, type WeightName } from '../../contract/model.ts';
import { WASM_TENSORS, WEIGHTS_BASE, wasmLayout, type WasmLayout } from '../../contract/wasm-layout.ts';
import { WEIGHTS } from '../../contract/model.ts';
import { concatColumns, packPanels } from './pack.ts';

export { packPanels } from './pack.ts';

export interface PackedWeights {
  readonly layout: WasmLayout;
  /** [layout.weightBytes] the blob to copy to linear memory at WEIGHTS_BASE (little-endian f32). */
  readonly bytes: Uint8Array;
}

export function packWeights(model: Model): PackedWeights {
  checkWeights(model);
  const { arch, head, weights: w } = model;
  const layout = wasmLayout(arch, head);
  const bytes = new Uint8Array(layout.weightBytes);
  const f32 = new Float32Array(bytes.buffer);
  const byName = new Map(WASM_TENSORS.map((t) => [t.name, t]));
  for (const slot of layout.tensors) {
    const m = /^layers\.(\d+)\.(.+)$/.exec(slot.name);
    const spec = byName.get(m ? m[2]! : slot.name)!;
    const group = m ? w.layers[Number(m[1])]! : WEIGHTS[spec.from[0]!].group === 'head' ? w.head : w;
    const source = (name: WeightName): Float32Array => (group as Partial<Record<WeightName, Float32Array>>)[name]!;
    const k = slot.shape.length === 2 ? slot.shape[0]! : 1;
    const data = concatColumns(k, spec.from.map((name, i) => {
      const shape = weightShape(name, arch, head);
      return { w: source(name), n: shape[shape.length - 1]!, scale: spec.scaleFirst && i === 0 ? layout.qScale : 1 };
    }));
    const packed = slot.layout.kind === 'panels' ? packPanels(data, k, slot.shape[1]!, slot.layout.nr) : data;
    f32.set(packed, (slot.address - WEIGHTS_BASE) / 4);
  }
  return { layout, bytes };
}
