// Emits one WebAssembly module per compiled model: the kernels the model's program needs (one WASM
// implementation per op), with every dimension and weight address baked in, memory imported as env.memory
// (shared for the threaded variant).

import binaryen from 'binaryen';
import { HasheeError } from '../../errors.ts';
import type { ArchConfig } from '../../../contract/model.ts';
import { bufferWidth, programSteps, type Op, type Stage, type StepOf } from '../../../contract/program.ts';
import { MAX_PAGES, scaleName, WASM_NORMS, WASM_TENSORS, type WasmLayout } from '../../../contract/wasm-layout.ts';
import { moduleFeatures, type Variant } from './builder.ts';
import { emitGemm, type Epilogue } from './gemm.ts';
import { emitGemmI8, emitQuantize } from './gemm-i8.ts';
import { emitAttend, emitGatherKt, emitLayerNorm } from './kernels.ts';

export interface ModuleOptions {
  /** relaxed-SIMD variant (f32x4.relaxed_madd); the plain SIMD128 module is the fallback. */
  readonly relaxed: boolean;
  /** Import a shared memory (needed by the worker pool; browsers only grant it when crossOriginIsolated). */
  readonly shared: boolean;
}

/** Rejects architectures the kernels cannot express (vectors are 4 floats wide). */
export function checkWasmArch(arch: ArchConfig): void {
  const dh = arch.hidden / arch.heads;
  const bad = (what: string, v: number) => new HasheeError('backend', `the wasm target needs ${what} to be a multiple of 4`, { keyPath: 'model', expected: 'a multiple of 4', actual: String(v) });
  if (arch.hidden % 4 !== 0) throw bad('model.hidden', arch.hidden);
  if (arch.ffn % 4 !== 0) throw bad('model.ffn', arch.ffn);
  if (arch.embeddingSize % 4 !== 0) throw bad('model.embedding_size', arch.embeddingSize);
  if (!Number.isInteger(dh) || dh % 4 !== 0) throw bad('model.hidden / model.heads', dh);
}

/** What an op's emitter sees: the module being built, the layout, and the kernels already added. */
interface EmitCtx {
  readonly m: binaryen.Module;
  readonly variant: Variant;
  readonly layout: WasmLayout;
  readonly added: Map<string, string>; // kernel name -> what it computes (a second use must agree)
}

/** Adds kernel `name` once; a step that needs the same kernel with a different meaning is a compiler bug. */
function once(ctx: EmitCtx, name: string, meaning: string, emit: () => void): void {
  const had = ctx.added.get(name);
  if (had === undefined) { ctx.added.set(name, meaning); emit(); return; }
  if (had !== meaning) throw new Error(`internal: wasm kernel ${name} is needed as ${had} and as ${meaning}`);
}

/**
 * The WASM implementation of every op: the kernels it needs in the module. embed needs none (the engine
 * gathers embedding rows in JS: it is a copy, not arithmetic); a linear computed in JS (the classifier)
 * needs none either.
 */
const OPS: { readonly [O in Op]: (step: StepOf<O>, stage: Stage, ctx: EmitCtx) => void } = {
  embed() {},
  norm(step, stage, ctx) {
    const { layout } = ctx;
    const n = WASM_NORMS[step.weights];
    const prefix = stage === 'layer' ? 'layers.0.' : '';
    const width = bufferWidth(step.out, layout.arch, layout.head);
    once(ctx, n.kernel, `LayerNorm ${step.weights}`, () => emitLayerNorm(ctx.m, ctx.variant, {
      name: n.kernel, d: width, eps: layout.arch.layerNormEps,
      gamma: layout.at[`${prefix}${n.tensor}.gamma`]!, beta: layout.at[`${prefix}${n.tensor}.beta`]!,
      layerStride: stage === 'layer' ? layout.layerStride : 0,
    }));
  },
  linear(step, stage, ctx) {
    const impl = ctx.layout.linear[step.weights]!;
    if (impl.kind === 'js') return;
    const g = impl.gemm;
    const prefix = stage === 'layer' ? 'layers.0.' : '';
    const tensor = WASM_TENSORS.find((t) => t.gemm === g)!.name.replace(/\.weight$/, '');
    const epilogue: Epilogue = step.epilogue;
    const spec = {
      name: `mm_${g}`, ...ctx.layout.gemm[g]!,
      weights: ctx.layout.at[`${prefix}${tensor}.weight`]!, bias: ctx.layout.at[`${prefix}${tensor}.bias`]!,
      layerStride: stage === 'layer' ? ctx.layout.layerStride : 0, epilogue,
    };
    if (ctx.layout.precision === 'int8') {
      once(ctx, 'quant', 'row quantization', () => emitQuantize(ctx.m, ctx.variant));
      once(ctx, `mm_${g}`, `int8 product ${g} with epilogue ${epilogue}`, () => emitGemmI8(ctx.m, ctx.variant, {
        ...spec, scales: ctx.layout.at[`${prefix}${scaleName(`${tensor}.weight`)}`]!,
      }));
      return;
    }
    once(ctx, `mm_${g}`, `product ${g} with epilogue ${epilogue}`, () => emitGemm(ctx.m, ctx.variant, spec));
  },
  attention(_step, _stage, ctx) {
    const spec = { d: ctx.layout.arch.hidden, heads: ctx.layout.arch.heads };
    once(ctx, 'gather_kt', 'key transpose', () => emitGatherKt(ctx.m, ctx.variant, spec));
    once(ctx, 'attend', 'attention', () => emitAttend(ctx.m, ctx.variant, spec));
  },
};

function build(layout: WasmLayout, opts: ModuleOptions): binaryen.Module {
  checkWasmArch(layout.arch);
  const m = new binaryen.Module();
  const variant: Variant = { relaxed: opts.relaxed };
  m.setFeatures(moduleFeatures(variant));
  m.setMemory(Math.ceil(layout.end / 65536), MAX_PAGES, null, [], opts.shared);
  m.addMemoryImport('0', 'env', 'memory', opts.shared);
  const ctx: EmitCtx = { m, variant, layout, added: new Map() };
  for (const { stage, step } of programSteps(layout.program)) (OPS[step.op] as (s: typeof step, st: Stage, c: EmitCtx) => void)(step, stage, ctx);
  if (!m.validate()) throw new Error('internal: generated wasm module failed binaryen validation');
  return m;
}

/** Module bytes; deterministic for a given layout and options. */
export function emitWasmModule(layout: WasmLayout, opts: ModuleOptions): Uint8Array {
  const m = build(layout, opts);
  try { return m.emitBinary(); } finally { m.dispose(); }
}

/** The same module as WAT text (for golden files). */
export function emitWasmText(layout: WasmLayout, opts: ModuleOptions): string {
  const m = build(layout, opts);
  try { return m.emitText(); } finally { m.dispose(); }
}

export interface WasmModules {
  readonly simd: { readonly single: Uint8Array; readonly shared: Uint8Array };
  readonly relaxed: { readonly single: Uint8Array; readonly shared: Uint8Array };
}

/** All four variants a deployment ships: {SIMD128, relaxed} x {private memory, shared memory}. */
export function emitWasmModules(layout: WasmLayout): WasmModules {
  const v = (relaxed: boolean) => ({ single: emitWasmModule(layout, { relaxed, shared: false }), shared: emitWasmModule(layout, { relaxed, shared: true }) });
  return { simd: v(false), relaxed: v(true) };
}
