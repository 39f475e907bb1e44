// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import { type CommonLoadOptions } from './runtime/package/load.js';
import type { Model } from './runtime/package/model.js';
import type { PackageInfo } from './runtime/package/types.js';
import { type WasmLoadOptions } from './runtime/package/wasm.js';
import { type WebGpuLoadOptions } from './runtime/package/webgpu.js';
export type { Model, ModelBatchResult, ModelResult, ModelRunOptions } from './runtime/package/model.js';
export type { BackendName, PackageInfo } from './runtime/package/types.js';
export { PackageError } from './runtime/package/errors.js';
/** Options of load(): the backend and where the files are, plus each compiled backend's own. */
export type LoadOptions = CommonLoadOptions & WasmLoadOptions & WebGpuLoadOptions;
/** tiny: 2 layers, hidden 8, 2 heads, ffn 16, vocab 64, max positions 32; classification head, 2 labels. */
export declare const PACKAGE: PackageInfo;
/**
 * Loads the model from the files next to this module, or wherever a bundler emitted them, fetched (the browser entry; Node gets index.js).
 * Backends: wasm, webgpu (default wasm).
 */
export declare function load(options?: LoadOptions): Promise<Model>;
