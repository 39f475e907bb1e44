// WebGPU backend of a package: reads the WGSL modules and the weight blocks, creates runtime/webgpu's engine
// on the caller's GPU or device, navigator.gpu in browsers, or Dawn (the `webgpu` package) in Node.

import { createEngine, type WebGpuEngine } from '../webgpu/engine.ts';
import type { ArchConfig, ExitTable, HeadConfig } from '../../contract/model.ts';
import { splitWeights, weightLayout } from '../../contract/webgpu-layout.ts';
import type { WebGpuProgram, WgslModule } from '../webgpu/program.ts';
import { float32View, uint16View, type FileSource } from './files.ts';
import { PackageError } from './errors.ts';
import type { Backend, OpenContext } from './types.ts';

/** Files of the WebGPU target. */
export interface WebGpuFiles {
  /** Every WGSL module of the program (its fields but the code) and the file holding its code, program order. */
  readonly modules: readonly (Omit<WgslModule, 'code'> & { readonly file: string })[];
  readonly weights: string;          // float32 (or float16) blocks in file order: embeddings, stored layers, head
  /** Absent: f32. f16: every weight stored as float16, and shader-f16 twins of the modules that read them (spec `precision`). */
  readonly precision?: 'f16';
}

export interface WebGpuLoadOptions {
  /**
   * A device, or a GPU to request one from. Default: navigator.gpu in browsers; in Node the `webgpu`
   * package (Dawn), which must then be installed next to the package.
   */
  readonly gpu?: GPU | GPUDevice;
}

/** `nodeGpu`: the GPU when there is no navigator.gpu and options.gpu is absent (the Node entry binds Dawn, runtime/webgpu/node.ts). */
export async function openWebGpu(ctx: OpenContext, files: WebGpuFiles, opts: WebGpuLoadOptions, nodeGpu?: () => Promise<GPU>): Promise<Backend> {
  const engine = await openWebGpuEngine(ctx.info.arch, ctx.info.head, ctx.files, files, ctx.exitTable, opts.gpu ?? await defaultGpu(nodeGpu));
  return {
    name: 'webgpu',
    info: `webgpu${engine.precision === 'f16' ? ` f16 (${engine.shaderF16 ? 'shader-f16' : 'unpack2x16float'})` : ''} on ${engine.adapter}`,
    async run(call) {
      const r = await engine.run({ ids: call.ids, typeIds: call.typeIds }, { fullDepth: call.fullDepth, hidden: call.hidden });
      return { exits: r.exits, lastHidden: r.lastHidden, logits: r.logits };
    },
    dispose: () => engine.dispose(),
  };
}

/** The engine of a package's WebGPU files (its WGSL modules and weight blocks, read from `source`) on `gpu`. */
export async function openWebGpuEngine(arch: ArchConfig, head: HeadConfig, source: FileSource, files: WebGpuFiles, table: ExitTable, gpu: GPU | GPUDevice): Promise<WebGpuEngine> {
  const decoder = new TextDecoder();
  const modules = await Promise.all(files.modules.map(async ({ file, ...module }) => ({ ...module, code: decoder.decode(await source.read(file)) })));
  const precision = files.precision ?? 'f32';
  const program: WebGpuProgram = { arch, head, precision, modules };
  const bytes = await source.read(files.weights);
  const blob = precision === 'f16' ? uint16View(bytes, files.weights) : float32View(bytes, files.weights);
  let weights;
  try {
    weights = splitWeights(weightLayout(arch, head, precision), blob);
  } catch (e) {
    throw new PackageError('file', `${files.weights}: ${(e as Error).message}`);
  }
  return createEngine({ gpu, program, weights, table });
}

/** navigator.gpu, else the Node entry's Dawn GPU, else a PackageError. */
export async function defaultGpu(nodeGpu: (() => Promise<GPU>) | undefined): Promise<GPU> {
  const nav = (globalThis as { navigator?: { gpu?: GPU } }).navigator;
  if (nav?.gpu) return nav.gpu;
  if (nodeGpu) return nodeGpu();
  throw new PackageError('backend', 'WebGPU is not available here (no navigator.gpu): pass options.gpu, or use the wasm backend');
}
