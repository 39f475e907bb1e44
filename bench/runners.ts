// The benchmarked implementations, one factory each: onnxruntime-web (WASM), onnxruntime-node (native) on
// the full-depth export and on the export with exits, and hashee's compiled backends. Every runner takes
// ragged batches of token ids.

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface RunnerConfig {
  readonly threads: number;
  readonly onnxPath: string;       // the spec's model exported at full depth
  readonly onnxExitsPath: string;  // the same model exported with its exit table baked in (export-onnx --exits)
  readonly onnxInt8Path: string;   // the full-depth export quantized as onnxruntime's quantize_dynamic does (export-onnx --quantize int8)
  readonly packageDir: string;     // `hashee compile` output of the same spec
  readonly packageInt8Dir: string; // the same spec compiled with precision { wasm: int8 }
}

export interface Runner {
  run(batch: readonly (readonly number[])[]): Promise<void>;
  dispose(): Promise<void>;
  /** What the runner says about itself (adapter, module variant, thread count actually used). */
  readonly info: string;
}

export type RunnerName =
  | 'ort-web' | 'ort-web-int8' | 'ort-node' | 'ort-node-int8' | 'ort-node-exits' | 'hashee-wasm-full' | 'hashee-wasm-exits' | 'hashee-wasm-int8-full' | 'hashee-wasm-int8-exits'
  | 'hashee-webgpu-full' | 'hashee-webgpu-exits';

/** Padded int64 tensors in the layout BERT exports take: input_ids, attention_mask, token_type_ids. */
function paddedFeeds<T>(batch: readonly (readonly number[])[], make: (data: BigInt64Array, dims: number[]) => T): Record<string, T> {
  const B = batch.length, n = Math.max(...batch.map((s) => s.length));
  const ids = new BigInt64Array(B * n), mask = new BigInt64Array(B * n), types = new BigInt64Array(B * n);
  batch.forEach((s, b) => s.forEach((id, t) => { ids[b * n + t] = BigInt(id); mask[b * n + t] = 1n; }));
  return { input_ids: make(ids, [B, n]), attention_mask: make(mask, [B, n]), token_type_ids: make(types, [B, n]) };
}

/** onnxruntime-web's WASM backend on the full-depth export, f32 or int8. */
function ortWeb(int8: boolean) {
  return async (cfg: RunnerConfig): Promise<Runner> => {
    const ort = await import('onnxruntime-web');
    ort.env.wasm.numThreads = cfg.threads;
    ort.env.logLevel = 'error';
    const session = await ort.InferenceSession.create(readFileSync(int8 ? cfg.onnxInt8Path : cfg.onnxPath), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
    return {
      info: `onnxruntime-web ${ort.env.versions.web} wasm, ${cfg.threads} thread(s)${int8 ? ', int8 export' : ''}`,
      async run(batch) { await session.run(paddedFeeds(batch, (d, dims) => new ort.Tensor('int64', d, dims))); },
      async dispose() { await session.release(); },
    };
  };
}

/** onnxruntime-node on the full-depth export (f32 or int8), or on the export with exits. */
function ortNode(file: 'full' | 'int8' | 'exits') {
  return async (cfg: RunnerConfig): Promise<Runner> => {
    const ort = await import('onnxruntime-node');
    const session = await ort.InferenceSession.create({ full: cfg.onnxPath, int8: cfg.onnxInt8Path, exits: cfg.onnxExitsPath }[file], {
      intraOpNumThreads: cfg.threads, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all',
    });
    return {
      info: `onnxruntime-node ${ort.env.versions.node ?? ''} cpu, ${cfg.threads} thread(s), ${{ full: 'full-depth export', int8: 'full-depth int8 export', exits: 'export with exits' }[file]}`,
      async run(batch) { await session.run(paddedFeeds(batch, (d, dims) => new ort.Tensor('int64', d, dims))); },
      async dispose() { await session.release(); },
    };
  };
}

interface PackageModule {
  load(options: Record<string, unknown>): Promise<{
    run(input: number[][], opts?: { fullDepth?: boolean }): Promise<unknown>;
    dispose(): void | Promise<void>;
    readonly info: string;
  }>;
}

/** A compiled hashee package (bench/index.ts compiles the spec into cfg.packageDir), full depth or with exits. */
function hashee(backend: 'wasm' | 'webgpu', fullDepth: boolean, int8 = false) {
  return async (cfg: RunnerConfig): Promise<Runner> => {
    const pkg = (await import(pathToFileURL(`${int8 ? cfg.packageInt8Dir : cfg.packageDir}/index.js`).href)) as PackageModule;
    const options: Record<string, unknown> = { backend };
    if (backend === 'wasm') options.threads = cfg.threads;
    else options.gpu = await (await import('../runtime/webgpu/node.ts')).nodeGpu(); // Dawn on VK_ICD_FILENAMES (bench/index.ts sets it)
    const model = await pkg.load(options);
    return {
      info: `hashee ${backend}${int8 ? ' int8' : ''}${fullDepth ? ' full depth' : ' with exits'}: ${model.info}`,
      async run(batch) { await model.run(batch.map((s) => [...s]), { fullDepth }); },
      async dispose() { await model.dispose(); },
    };
  };
}

export const RUNNERS: Record<RunnerName, ((cfg: RunnerConfig) => Promise<Runner>) | undefined> = {
  'ort-web': ortWeb(false),
  'ort-web-int8': ortWeb(true),
  'ort-node': ortNode('full'),
  'ort-node-int8': ortNode('int8'),
  'ort-node-exits': ortNode('exits'),
  'hashee-wasm-full': hashee('wasm', true),
  'hashee-wasm-exits': hashee('wasm', false),
  'hashee-wasm-int8-full': hashee('wasm', true, true),
  'hashee-wasm-int8-exits': hashee('wasm', false, true),
  'hashee-webgpu-full': hashee('webgpu', true),
  'hashee-webgpu-exits': hashee('webgpu', false),
};
