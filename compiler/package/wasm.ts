// The WASM target's files in a package: four module variants ({SIMD128, relaxed} x {private, shared
// memory}), the pre-packed weight blob and its JSON manifest (offsets, dtype, shapes, layouts).

import { packWeights } from '../passes/packWeights.ts';
import { checkWasmArch, emitWasmModules } from '../emit/wasm/module.ts';
import { manifestOf } from '../../contract/wasm-layout.ts';
import type { WasmFiles } from '../../runtime/package/wasm.ts';
import type { EmitContext, PackageFiles } from './types.ts';
import { jsonText, sha256 } from './text.ts';

export const WASM_FILES: WasmFiles = {
  modules: {
    simd128: { single: 'wasm/simd128.wasm', shared: 'wasm/simd128-shared.wasm' },
    relaxed: { single: 'wasm/relaxed.wasm', shared: 'wasm/relaxed-shared.wasm' },
  },
  weights: 'wasm/weights.bin',
};
const WEIGHTS_MANIFEST = 'wasm/weights.json';

export async function emitWasmTarget(ctx: EmitContext): Promise<{ files: PackageFiles; manifest: Record<string, unknown> }> {
  const { model } = ctx.loaded;
  checkWasmArch(model.arch);
  const packed = packWeights(model);
  const mods = emitWasmModules(packed.layout);
  const files: PackageFiles = new Map<string, string | Uint8Array>([
    [WASM_FILES.modules.simd128.single, mods.simd.single],
    [WASM_FILES.modules.simd128.shared, mods.simd.shared],
    [WASM_FILES.modules.relaxed.single, mods.relaxed.single],
    [WASM_FILES.modules.relaxed.shared, mods.relaxed.shared],
    [WASM_FILES.weights, packed.bytes],
    [WEIGHTS_MANIFEST, jsonText({ generator: ctx.header, file: WASM_FILES.weights, sha256: sha256(packed.bytes), ...manifestOf(packed.layout) })],
  ]);
  return { files, manifest: { files: WASM_FILES, weightsManifest: WEIGHTS_MANIFEST, weightBytes: packed.bytes.byteLength } };
}
