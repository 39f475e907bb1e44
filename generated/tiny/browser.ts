// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import { loadPackage, type CommonLoadOptions } from './runtime/package/load.js';
import type { Model } from './runtime/package/model.js';
import type { PackageInfo } from './runtime/package/types.js';
import { openWasm, type WasmFiles, type WasmLoadOptions } from './runtime/package/wasm.js';
import { openWebGpu, type WebGpuFiles, type WebGpuLoadOptions } from './runtime/package/webgpu.js';

export type { Model, ModelBatchResult, ModelResult, ModelRunOptions } from './runtime/package/model.js';
export type { BackendName, PackageInfo } from './runtime/package/types.js';
export { PackageError } from './runtime/package/errors.js';

/** Options of load(): the backend and where the files are, plus each compiled backend's own. */
export type LoadOptions = CommonLoadOptions & WasmLoadOptions & WebGpuLoadOptions;

/** tiny: 2 layers, hidden 8, 2 heads, ffn 16, vocab 64, max positions 32; classification head, 2 labels. */
export const PACKAGE: PackageInfo = {
  name: 'tiny',
  specSha256: '770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed',
  arch: {
    layers: 2,
    hidden: 8,
    heads: 2,
    ffn: 16,
    vocabSize: 64,
    maxPositions: 32,
    typeVocabSize: 2,
    embeddingSize: 8,
    activation: 'gelu',
    layerNormEps: 1e-12,
    norm: 'post',
    sharedLayers: false,
  },
  head: {
    kind: 'classification',
    labels: 2,
  },
  exitTable: 'exits.bin',
  tokenizer: null,
  backends: ['wasm', 'webgpu'],
};

/** Files of the wasm target, relative to the package root. */
const WASM_FILES: WasmFiles = {
  modules: {
    simd128: {
      single: 'wasm/simd128.wasm',
      shared: 'wasm/simd128-shared.wasm',
    },
    relaxed: {
      single: 'wasm/relaxed.wasm',
      shared: 'wasm/relaxed-shared.wasm',
    },
  },
  weights: 'wasm/weights.bin',
};

/** Files of the webgpu target, relative to the package root. */
const WEBGPU_FILES: WebGpuFiles = {
  modules: [
    {
      kernel: 'embed',
      file: 'webgpu/embed.wgsl',
    },
    {
      kernel: 'embedNorm',
      file: 'webgpu/embedNorm.wgsl',
    },
    {
      kernel: 'kv',
      tile: 'wide',
      file: 'webgpu/kv.wide.wgsl',
    },
    {
      kernel: 'kv',
      tile: 'narrow',
      file: 'webgpu/kv.narrow.wgsl',
    },
    {
      kernel: 'query',
      tile: 'wide',
      file: 'webgpu/query.wide.wgsl',
    },
    {
      kernel: 'query',
      tile: 'narrow',
      file: 'webgpu/query.narrow.wgsl',
    },
    {
      kernel: 'attention',
      file: 'webgpu/attention.wgsl',
    },
    {
      kernel: 'attnOut',
      tile: 'wide',
      file: 'webgpu/attnOut.wide.wgsl',
    },
    {
      kernel: 'attnOut',
      tile: 'narrow',
      file: 'webgpu/attnOut.narrow.wgsl',
    },
    {
      kernel: 'attnNorm',
      file: 'webgpu/attnNorm.wgsl',
    },
    {
      kernel: 'ffnUp',
      tile: 'wide',
      file: 'webgpu/ffnUp.wide.wgsl',
    },
    {
      kernel: 'ffnUp',
      tile: 'narrow',
      file: 'webgpu/ffnUp.narrow.wgsl',
    },
    {
      kernel: 'ffnDown',
      tile: 'wide',
      file: 'webgpu/ffnDown.wide.wgsl',
    },
    {
      kernel: 'ffnDown',
      tile: 'narrow',
      file: 'webgpu/ffnDown.narrow.wgsl',
    },
    {
      kernel: 'ffnNorm',
      file: 'webgpu/ffnNorm.wgsl',
    },
    {
      kernel: 'pooler',
      file: 'webgpu/pooler.wgsl',
    },
    {
      kernel: 'classifier',
      file: 'webgpu/classifier.wgsl',
    },
  ],
  weights: 'webgpu/weights.bin',
};

/** Where load() finds each file it may read: `new URL()` literals, which bundlers emit as assets and rewrite. */
const FILE_URLS: Readonly<Record<string, URL>> = {
  'manifest.json': new URL('./manifest.json', import.meta.url),
  'exits.bin': new URL('./exits.bin', import.meta.url),
  'wasm/simd128.wasm': new URL('./wasm/simd128.wasm', import.meta.url),
  'wasm/simd128-shared.wasm': new URL('./wasm/simd128-shared.wasm', import.meta.url),
  'wasm/relaxed.wasm': new URL('./wasm/relaxed.wasm', import.meta.url),
  'wasm/relaxed-shared.wasm': new URL('./wasm/relaxed-shared.wasm', import.meta.url),
  'wasm/weights.bin': new URL('./wasm/weights.bin', import.meta.url),
  'webgpu/embed.wgsl': new URL('./webgpu/embed.wgsl', import.meta.url),
  'webgpu/embedNorm.wgsl': new URL('./webgpu/embedNorm.wgsl', import.meta.url),
  'webgpu/kv.wide.wgsl': new URL('./webgpu/kv.wide.wgsl', import.meta.url),
  'webgpu/kv.narrow.wgsl': new URL('./webgpu/kv.narrow.wgsl', import.meta.url),
  'webgpu/query.wide.wgsl': new URL('./webgpu/query.wide.wgsl', import.meta.url),
  'webgpu/query.narrow.wgsl': new URL('./webgpu/query.narrow.wgsl', import.meta.url),
  'webgpu/attention.wgsl': new URL('./webgpu/attention.wgsl', import.meta.url),
  'webgpu/attnOut.wide.wgsl': new URL('./webgpu/attnOut.wide.wgsl', import.meta.url),
  'webgpu/attnOut.narrow.wgsl': new URL('./webgpu/attnOut.narrow.wgsl', import.meta.url),
  'webgpu/attnNorm.wgsl': new URL('./webgpu/attnNorm.wgsl', import.meta.url),
  'webgpu/ffnUp.wide.wgsl': new URL('./webgpu/ffnUp.wide.wgsl', import.meta.url),
  'webgpu/ffnUp.narrow.wgsl': new URL('./webgpu/ffnUp.narrow.wgsl', import.meta.url),
  'webgpu/ffnDown.wide.wgsl': new URL('./webgpu/ffnDown.wide.wgsl', import.meta.url),
  'webgpu/ffnDown.narrow.wgsl': new URL('./webgpu/ffnDown.narrow.wgsl', import.meta.url),
  'webgpu/ffnNorm.wgsl': new URL('./webgpu/ffnNorm.wgsl', import.meta.url),
  'webgpu/pooler.wgsl': new URL('./webgpu/pooler.wgsl', import.meta.url),
  'webgpu/classifier.wgsl': new URL('./webgpu/classifier.wgsl', import.meta.url),
  'webgpu/weights.bin': new URL('./webgpu/weights.bin', import.meta.url),
};

/** Starts a WASM pool thread: the `new Worker(new URL())` pattern bundlers bundle as a worker chunk. */
const startWorker = (): Worker => new Worker(new URL('./runtime/wasm/worker.js', import.meta.url), { type: 'module' });

/**
 * Loads the model from the files next to this module, or wherever a bundler emitted them, fetched (the browser entry; Node gets index.js).
 * Backends: wasm, webgpu (default wasm).
 */
export async function load(options: LoadOptions = {}): Promise<Model> {
  return loadPackage({
    info: PACKAGE,
    backends: {
      wasm: (ctx, o) => openWasm(ctx, WASM_FILES, o, startWorker),
      webgpu: (ctx, o) => openWebGpu(ctx, WEBGPU_FILES, o),
    },
    moduleUrl: import.meta.url,
    urls: FILE_URLS,
  }, options);
}
