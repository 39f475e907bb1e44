// Compiler side of the WASM target: everything a package writer needs from one model.

import type { Model } from '../../../contract/model.ts';
import { manifestOf, type WasmLayout, type WeightsManifest } from '../../../contract/wasm-layout.ts';
import { packWeights } from '../../passes/packWeights.ts';
import { checkWasmArch, emitWasmModules, type WasmModules } from './module.ts';
import type { WasmPrecision } from '../../../contract/wasm-layout.ts';

export { checkWasmArch, emitWasmModule, emitWasmModules, emitWasmText } from './module.ts';
export type { ModuleOptions, WasmModules } from './module.ts';

export interface WasmArtifacts {
  readonly layout: WasmLayout;
  readonly modules: WasmModules;      // {simd, relaxed} x {single, shared} module bytes
  readonly weights: Uint8Array;       // weights.bin: the packed blob
  readonly manifest: WeightsManifest; // weights.json: byte offsets, dtype, shapes, layouts
}

/** Checks the architecture (HasheeError 'backend'), packs the weights and emits the four module variants. */
export function compileWasm(model: Model, precision: WasmPrecision = 'f32'): WasmArtifacts {
  checkWasmArch(model.arch);
  const { layout, bytes } = packWeights(model, precision);
  return { layout, modules: emitWasmModules(layout), weights: bytes, manifest: manifestOf(layout) };
}
