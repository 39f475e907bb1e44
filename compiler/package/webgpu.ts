// The WebGPU target's files in a package: one WGSL module per kernel, the weight blocks joined into one
// float32 file, and its JSON manifest (tensor offsets, dtype, shapes: from the layout of the weight table).

import { emitWgsl } from '../emit/wgsl/index.ts';
import { WEBGPU_TENSORS, joinWeights, weightLayout, type BlockLayout, type WeightLayout } from '../../contract/webgpu-layout.ts';
import { columnsShape, type ArchConfig, type HeadConfig } from '../../contract/model.ts';
import { packWebGpuWeights } from '../passes/packWebGpuWeights.ts';
import type { WebGpuFiles } from '../../runtime/package/webgpu.ts';
import type { EmitContext, PackageFiles } from './types.ts';
import { jsonText, sha256 } from './text.ts';

const WEIGHTS = 'webgpu/weights.bin';
const WEIGHTS_MANIFEST = 'webgpu/weights.json';

export async function emitWebGpuTarget(ctx: EmitContext): Promise<{ files: PackageFiles; manifest: Record<string, unknown> }> {
  const { model } = ctx.loaded;
  const program = emitWgsl(model.arch, model.head, { header: [ctx.header] });
  // One file per module ('embed.wgsl', 'ffnUp.wide.wgsl'), in program order; the descriptor keeps every field but the code.
  const modules = program.modules.map(({ code: _code, ...m }) => ({ ...m, file: `webgpu/${m.kernel}${m.tile ? `.${m.tile}` : ''}.wgsl` }));
  const blob = joinWeights(packWebGpuWeights(model));
  const bytes = new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);
  const files: PackageFiles = new Map<string, string | Uint8Array>();
  program.modules.forEach((m, i) => files.set(modules[i]!.file, m.code));
  files.set(WEIGHTS, bytes);
  const layout = weightLayout(model.arch, model.head);
  files.set(WEIGHTS_MANIFEST, jsonText({
    generator: ctx.header, format: 'hashee-webgpu-weights/1', dtype: 'f32', file: WEIGHTS, bytes: bytes.byteLength, sha256: sha256(bytes),
    tensors: tensorsOf(layout, model.arch, model.head),
  }));
  const webgpuFiles: WebGpuFiles = { modules, weights: WEIGHTS };
  return { files, manifest: { files: webgpuFiles, weightsManifest: WEIGHTS_MANIFEST, weightBytes: bytes.byteLength } };
}

interface TensorEntry { readonly name: string; readonly offset: number; readonly bytes: number; readonly shape: readonly number[] }

/** Every tensor of the joined file (embeddings, stored layers, head) with its byte offset and logical shape. */
function tensorsOf(layout: WeightLayout, arch: ArchConfig, head: HeadConfig): TensorEntry[] {
  const out: TensorEntry[] = [];
  const add = (block: number, prefix: string, slots: BlockLayout['slots']): void => {
    for (const t of WEBGPU_TENSORS) {
      const slot = slots[t.name];
      if (slot) out.push({ name: prefix + t.name, offset: 4 * (block + slot.at), bytes: 4 * slot.size, shape: columnsShape(t.from, arch, head) });
    }
  };
  add(0, 'embed.', layout.embed.slots);
  for (let l = 0; l < layout.storedLayers; l++) add(layout.embed.floats + l * layout.layer.floats, `layers.${l}.`, layout.layer.slots);
  add(layout.embed.floats + layout.storedLayers * layout.layer.floats, 'head.', layout.head.slots);
  return out;
}
