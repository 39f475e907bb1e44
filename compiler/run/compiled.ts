// `hashee run --backend wasm|webgpu`: runs the inputs through a compiled package's own index.js (as a user
// would) and returns the reference executor's RunResult shape (float32 values widened to float64).

import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loaded } from '../load.ts';
import type { RunResult } from '../../runtime/reference/api.ts';
import type { Model } from '../../runtime/package/model.ts';
import { HasheeError } from '../errors.ts';
import { nodeGpu, SWIFTSHADER_ICD } from '../../runtime/webgpu/node.ts';
import { cachedPackage } from './cache.ts';

export type CompiledBackend = 'wasm' | 'webgpu';

export interface CompiledRunOptions {
  readonly fullDepth: boolean;
  readonly output: 'logits' | 'last-hidden';
  readonly threads?: number; // wasm only
}

/** What a generated index.js exports (the part used here). */
interface PackageModule {
  load(options?: { backend?: CompiledBackend; gpu?: GPU; threads?: number }): Promise<Model>;
}


export async function runCompiled(loaded: Loaded, backend: CompiledBackend, inputs: readonly (readonly number[])[], opts: CompiledRunOptions): Promise<RunResult> {
  const dir = await cachedPackage(loaded, backend);
  const pkg = (await import(pathToFileURL(join(dir, 'index.js')).href)) as PackageModule;
  const model = await openModel(pkg, backend, opts.threads);
  try {
    const r = await model.run(inputs, { fullDepth: opts.fullDepth, output: opts.output });
    const widen = (xs: readonly Float32Array[]): Float64Array[] => xs.map((x) => Float64Array.from(x));
    return {
      exits: r.exits,
      // h^L is only computed for output 'last-hidden' (sequence heads otherwise stop at the [CLS] rows)
      lastHidden: r.lastHidden ? widen(r.lastHidden) : inputs.map(() => new Float64Array(0)),
      logits: r.logits ? widen(r.logits) : undefined,
      work: r.work,
    };
  } catch (e) {
    throw asHasheeError(e, backend);
  } finally {
    model.dispose();
  }
}

async function openModel(pkg: PackageModule, backend: CompiledBackend, threads: number | undefined): Promise<Model> {
  try {
    return await pkg.load(backend === 'webgpu' ? { backend, gpu: await dawnGpu() } : { backend, threads });
  } catch (e) {
    throw asHasheeError(e, backend);
  }
}

/** Dawn through the `webgpu` package (runtime/webgpu/node.ts): VK_ICD_FILENAMES's driver, else the system's, else SwiftShader. */
async function dawnGpu(): Promise<GPU> {
  // The Vulkan loader prints an error on every start when XDG_RUNTIME_DIR is unset (harmless, but noisy).
  if (!process.env['XDG_RUNTIME_DIR']) {
    const dir = join(tmpdir(), 'hashee-xdg-runtime');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    process.env['XDG_RUNTIME_DIR'] = dir;
  }
  try {
    return await nodeGpu();
  } catch (e) {
    const message = (e as Error).name === 'WebGpuError' ? (e as Error).message : `the webgpu backend needs the 'webgpu' package (Dawn) in Node: ${(e as Error).message}`;
    throw new HasheeError('backend', message, { expected: 'npm install webgpu' });
  }
}

/** Runtime errors (PackageError, WebGpuError) carry a code; the CLI reports them as user-facing errors. */
export function asHasheeError(e: unknown, backend: CompiledBackend): unknown {
  const err = e as { name?: string; code?: string; message?: string };
  if (err?.name === 'WebGpuError' && (err.code === 'no-adapter' || err.code === 'no-webgpu')) {
    return new HasheeError('backend', `${backend} backend: ${err.message}`, {
      expected: `a GPU, or SwiftShader: apt-get install chromium libvulkan1 (driver ${SWIFTSHADER_ICD}), or set VK_ICD_FILENAMES`,
    });
  }
  if (err?.name === 'PackageError' && err.code === 'input') return new HasheeError('input', `${backend} backend: ${err.message}`);
  return e;
}
