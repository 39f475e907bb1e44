// Compile-time weight packing for the WebGPU backend: copies the weight table's tensors into the blocks of
// contract/webgpu-layout.ts (embeddings, one block per stored layer, head with the final LayerNorm), as f32
// values or, at the f16 precision, as every value's nearest half (contract/half.ts).

import { WEIGHTS, checkWeights, hasWeight, weightShape, type Model, type WeightName } from '../../contract/model.ts';
import { BLOCK_OF_GROUP, WEBGPU_TENSORS, weightLayout, type BlockLayout, type BlockName, type PackedWeights, type WebGpuPrecision, type WeightBlock } from '../../contract/webgpu-layout.ts';
import { toHalf } from '../../contract/half.ts';
import { concatColumns } from './pack.ts';

/** The model's weights in the WebGPU blocks (throws RangeError when a tensor does not fit the architecture). */
export function packWebGpuWeights(model: Model, precision: WebGpuPrecision = 'f32'): PackedWeights {
  checkWeights(model);
  const { arch, head, weights: w } = model;
  const layout = weightLayout(arch, head, precision);
  const fill = (name: BlockName, block: BlockLayout, source: object): WeightBlock => {
    const out = new Float32Array(block.floats);
    for (const t of WEBGPU_TENSORS) {
      const slot = block.slots[t.name];
      if (!slot || BLOCK_OF_GROUP[WEIGHTS[t.from[0]!].group] !== name || !hasWeight(t.from[0]!, arch, head)) continue;
      const tensor = (n: WeightName): Float32Array => (source as Partial<Record<WeightName, Float32Array>>)[n] ?? (w.head as Partial<Record<WeightName, Float32Array>>)[n]!;
      const shape = weightShape(t.from[0]!, arch, head);
      const k = shape.length === 2 ? shape[0]! : 1;
      out.set(concatColumns(k, t.from.map((n) => ({ w: tensor(n), n: weightShape(n, arch, head).at(-1)! }))), slot.at);
    }
    return precision === 'f16' ? toHalf(out) : out;
  };
  return {
    precision,
    embed: fill('embed', layout.embed, w),
    layers: w.layers.slice(0, layout.storedLayers).map((lw) => fill('layer', layout.layer, lw)),
    head: fill('head', layout.head, w),
  };
}
