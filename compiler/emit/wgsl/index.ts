// WebGPU target: one WGSL module per step of the model's program (a matrix product has one per tile
// shape), with every dimension and weight offset baked in; one WGSL implementation per op. At the f16
// precision every module that reads weights comes twice: u32 words unpacked to f32 (any device), and a
// twin that reads array<f16> (devices with shader-f16); the engine picks one per device.

import type { ArchConfig, HeadConfig } from '../../../contract/model.ts';
import { bufferWidth, linearShape, type Op, type StepOf } from '../../../contract/program.ts';
import { linearSlots, normSlots, weightLayout, type WebGpuPrecision, type WeightLayout } from '../../../contract/webgpu-layout.ts';
import { ROW_THREADS, TILE_NAMES, isProduct, kernelsOf, type KernelInfo, type WebGpuProgram, type WgslModule } from '../../../runtime/webgpu/program.ts';
import { HasheeError } from '../../errors.ts';
import { attentionKernel, denseRowKernel, embedKernel, layerNormKernel, matmulKernel, type ModuleOptions, type WeightStorage } from './kernels.ts';

export interface EmitWgslOptions {
  /** Comment lines at the top of every module (tool version, spec hash); no timestamps or paths. */
  readonly header?: readonly string[];
  /** Weight storage (spec `precision.webgpu`); default f32. */
  readonly precision?: WebGpuPrecision;
}

/** Default workgroup memory limit (maxComputeWorkgroupStorageSize) every adapter guarantees. */
const WORKGROUP_BYTES = 16384;

interface EmitCtx {
  readonly arch: ArchConfig;
  readonly head: HeadConfig;
  readonly layout: WeightLayout;
}

/** The WGSL implementation of every op: the module(s) of one step's kernel, for one weight storage. */
const OPS: { readonly [O in Op]: (step: StepOf<O>, kernel: KernelInfo, ctx: EmitCtx, mod: ModuleOptions) => WgslModule[] } = {
  embed(step, kernel, { arch, head, layout }, mod) {
    const e = layout.embed.slots;
    const code = embedKernel(kernel, { out: step.out, width: bufferWidth(step.out, arch, head), word: e['word']!, pos: e['pos']!, ...(arch.typeVocabSize > 0 ? { type: e['type']! } : {}) }, mod);
    return [{ kernel: step.name, code }];
  },
  norm(step, kernel, { arch, head, layout }, mod) {
    const { gain, beta } = normSlots(layout, step.weights);
    const code = layerNormKernel(kernel, { x: step.x, out: step.out, d: bufferWidth(step.out, arch, head), eps: arch.layerNormEps, gain, beta }, mod);
    return [{ kernel: step.name, code }];
  },
  linear(step, kernel, { arch, head, layout }, mod) {
    const { k, n } = linearShape(step.weights, arch, head);
    const { w, bias } = linearSlots(layout, step.weights);
    const act = step.epilogue === 'none' || step.epilogue === 'residual' ? undefined : step.epilogue;
    if (!isProduct(kernel)) {
      if (act === 'gelu' || act === 'gelu_tanh') throw new Error(`internal: per-sequence step '${step.name}' with activation ${act}`);
      const code = denseRowKernel(kernel, { x: step.x, y: step.out, k, n, w, bias, ...(act ? { act } : {}), gatherCls: step.rows === 'cls' }, mod);
      return [{ kernel: step.name, code }];
    }
    const shape = { x: step.x, y: step.out, k, n, w, bias, ...(act ? { act } : {}), ...(step.residual ? { residual: step.residual } : {}) };
    return TILE_NAMES.map((tile) => ({ kernel: step.name, tile, code: matmulKernel(kernel, tile, shape, mod) }));
  },
  attention(step, kernel, { arch }, mod) {
    return [{ kernel: step.name, code: attentionKernel(kernel, { q: step.q, kv: step.kv, out: step.out, d: arch.hidden, heads: arch.heads, maxKeys: arch.maxPositions }, mod) }];
  },
};

/** The weight storages a kernel's modules are written for: one at f32 or without weights, the two f16 forms otherwise. */
function storagesOf(kernel: KernelInfo, precision: WebGpuPrecision): readonly WeightStorage[] {
  return precision === 'f32' || kernel.block === 'none' ? ['f32'] : ['packed', 'f16'];
}

/**
 * Emits the WebGPU program of a model shape: one module per step of its program (per tile for products),
 * at f16 the packed modules of a kernel then their shader-f16 twins. Same inputs, same bytes.
 */
export function emitWgsl(arch: ArchConfig, head: HeadConfig, opts: EmitWgslOptions = {}): WebGpuProgram {
  checkArch(arch);
  const precision = opts.precision ?? 'f32';
  const ctx: EmitCtx = { arch, head, layout: weightLayout(arch, head, precision) };
  const modules = [...kernelsOf(arch, head).values()].flatMap((kernel) => storagesOf(kernel, precision).flatMap((storage) => {
    const emit = OPS[kernel.step.op] as (s: typeof kernel.step, k: KernelInfo, c: EmitCtx, m: ModuleOptions) => WgslModule[];
    const made = emit(kernel.step, kernel, ctx, { header: opts.header ?? [], storage });
    return storage === 'f16' ? made.map((m) => ({ ...m, feature: 'shader-f16' as const })) : made;
  }));
  return { arch, head, precision, modules };
}

function checkArch(arch: ArchConfig): void {
  if (arch.hidden % arch.heads !== 0) {
    throw new HasheeError('backend', `hidden size ${arch.hidden} is not divisible by ${arch.heads} heads`, { keyPath: 'model.heads' });
  }
  // attention keeps one score per key plus the query head and the reduction scratch in workgroup memory
  const attentionBytes = 4 * (arch.maxPositions + arch.hidden / arch.heads + ROW_THREADS);
  if (attentionBytes > WORKGROUP_BYTES) {
    throw new HasheeError('backend', `max_positions ${arch.maxPositions} needs ${attentionBytes} bytes of workgroup memory in attention; WebGPU guarantees ${WORKGROUP_BYTES}`, {
      keyPath: 'model.max_positions', expected: `at most ${Math.floor(WORKGROUP_BYTES / 4) - arch.hidden / arch.heads - ROW_THREADS}`, actual: String(arch.maxPositions),
    });
  }
}
