// The WebGPU target's files in a package: one WGSL module per kernel, the weight blocks joined into one
// float32 file, and its JSON manifest (block and tensor offsets, dtype, shapes).

import { emitWgsl } from '../wgsl/index.ts';
import { joinWeights, packWeights, weightLayout, type Slot, type WeightLayout } from '../../../runtime/webgpu/layout.ts';
import type { ArchConfig } from '../../../contract/model.ts';
import type { WebGpuFiles } from '../../../runtime/package/webgpu.ts';
import type { EmitContext, PackageFiles } from '../../compile.ts';
import { jsonText, sha256 } from './text.ts';

const WEIGHTS = 'webgpu/weights.bin';
const WEIGHTS_MANIFEST = 'webgpu/weights.json';

export async function emitWebGpuTarget(ctx: EmitContext): Promise<{ files: PackageFiles; manifest: Record<string, unknown> }> {
  const { model } = ctx.loaded;
  const program = emitWgsl(model.arch, model.head, { header: [ctx.header] });
  // One file per module ('embed.wgsl', 'ffnUp.wide.wgsl'), in program order; the descriptor keeps every field but the code.
  const modules = program.modules.map(({ code: _code, ...m }) => ({ ...m, file: `webgpu/${m.kernel}${m.tile ? `.${m.tile}` : ''}.wgsl` }));
  const blob = joinWeights(packWeights(model));
  const bytes = new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);
  const files: PackageFiles = new Map<string, string | Uint8Array>();
  program.modules.forEach((m, i) => files.set(modules[i]!.file, m.code));
  files.set(WEIGHTS, bytes);
  const layout = weightLayout(model.arch, model.head);
  files.set(WEIGHTS_MANIFEST, jsonText({
    generator: ctx.header, format: 'hashee-webgpu-weights/1', dtype: 'f32', file: WEIGHTS, bytes: bytes.byteLength, sha256: sha256(bytes),
    tensors: tensorsOf(layout, model.arch),
  }));
  const webgpuFiles: WebGpuFiles = { modules, weights: WEIGHTS };
  return { files, manifest: { files: webgpuFiles, weightsManifest: WEIGHTS_MANIFEST, weightBytes: bytes.byteLength } };
}

interface TensorEntry { readonly name: string; readonly offset: number; readonly bytes: number; readonly shape: readonly number[] }

/** Every tensor of the joined file (embeddings, layers 1..L, head) with its byte offset and logical shape. */
function tensorsOf(layout: WeightLayout, arch: ArchConfig): TensorEntry[] {
  const d = arch.hidden, f = arch.ffn;
  const out: TensorEntry[] = [];
  const add = (block: number, name: string, slot: Slot, shape: readonly number[]): void => {
    if (slot.size > 0) out.push({ name, offset: 4 * (block + slot.at), bytes: 4 * slot.size, shape });
  };
  const e = layout.embed;
  add(0, 'wordEmb', e.word, [arch.vocabSize, d]);
  add(0, 'posEmb', e.pos, [arch.maxPositions, d]);
  add(0, 'typeEmb', e.type, [arch.typeVocabSize, d]);
  add(0, 'embLn.gamma', e.lnG, [d]);
  add(0, 'embLn.beta', e.lnB, [d]);
  const L = layout.layer;
  for (let l = 0; l < arch.layers; l++) {
    const at = e.floats + l * L.floats, p = `layers.${l}.`;
    add(at, p + 'kv.weight', L.kvW, [d, 2 * d]);
    add(at, p + 'kv.bias', L.kvB, [2 * d]);
    add(at, p + 'q.weight', L.qW, [d, d]);
    add(at, p + 'q.bias', L.qB, [d]);
    add(at, p + 'o.weight', L.oW, [d, d]);
    add(at, p + 'o.bias', L.oB, [d]);
    add(at, p + 'ln1.gamma', L.ln1G, [d]);
    add(at, p + 'ln1.beta', L.ln1B, [d]);
    add(at, p + 'f1.weight', L.f1W, [d, f]);
    add(at, p + 'f1.bias', L.f1B, [f]);
    add(at, p + 'f2.weight', L.f2W, [f, d]);
    add(at, p + 'f2.bias', L.f2B, [d]);
    add(at, p + 'ln2.gamma', L.ln2G, [d]);
    add(at, p + 'ln2.beta', L.ln2B, [d]);
  }
  const h = layout.head, at = e.floats + arch.layers * L.floats;
  add(at, 'pooler.weight', h.poolerW, [d, d]);
  add(at, 'pooler.bias', h.poolerB, [d]);
  add(at, 'classifier.weight', h.classifierW, [d, h.classifierB.size]);
  add(at, 'classifier.bias', h.classifierB, [h.classifierB.size]);
  return out;
}
