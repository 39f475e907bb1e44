// Public API of the WASM runtime: what generated host code and `hashee run --backend wasm` import.

export { WasmEngine, threadCount } from './engine.ts';
export type { ModuleSource, WasmEngineInfo, WasmEngineOptions, WasmModuleVariants, WasmRunInput, WasmRunOptions, WasmRunResult, WeightsWriter } from './engine.ts';
export { manifestOf, wasmLayout, WEIGHTS_BASE } from '../../contract/wasm-layout.ts';
export type { GemmShape, TensorLayout, TensorSlot, WasmLayout, WeightsManifest } from '../../contract/wasm-layout.ts';
export { canUseThreads, supportsRelaxedSimd } from './features.ts';
