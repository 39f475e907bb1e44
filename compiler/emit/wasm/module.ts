// Emits one WebAssembly module per compiled model: every kernel of the encoder with the model's dimensions
// and weight addresses baked in, memory imported as env.memory (shared for the threaded variant).

import binaryen from 'binaryen';
import { HasheeError } from '../../errors.ts';
import type { ArchConfig } from '../../../contract/model.ts';
import type { WasmLayout } from '../../../runtime/wasm/layout.ts';
import { MAX_PAGES } from '../../../runtime/wasm/abi.ts';
import { moduleFeatures, type Variant } from './builder.ts';
import { emitGemm, type Epilogue } from './gemm.ts';
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
  if (!Number.isInteger(dh) || dh % 4 !== 0) throw bad('model.hidden / model.heads', dh);
  if (arch.norm !== 'post') throw new HasheeError('backend', 'the wasm target supports post-norm (BERT) layers only', { keyPath: 'model.norm', expected: 'post', actual: arch.norm });
}

function build(layout: WasmLayout, opts: ModuleOptions): binaryen.Module {
  checkWasmArch(layout.arch);
  const m = new binaryen.Module();
  const variant: Variant = { relaxed: opts.relaxed };
  m.setFeatures(moduleFeatures(variant));
  m.setMemory(Math.ceil(layout.end / 65536), MAX_PAGES, null, [], opts.shared);
  m.addMemoryImport('0', 'env', 'memory', opts.shared);
  const { arch, at, gemm, layerStride } = layout;
  const act: Epilogue = arch.activation;
  const mm = (name: 'qkv' | 'o' | 'f1' | 'f2' | 'pool', epilogue: Epilogue, stride = layerStride): void => {
    const prefix = name === 'pool' ? 'pooler.' : `layers.0.${name}.`;
    emitGemm(m, variant, { name: `mm_${name}`, ...gemm[name], weights: at[prefix + 'weight']!, bias: at[prefix + 'bias']!, layerStride: stride, epilogue });
  };
  mm('qkv', 'none');
  mm('o', 'residual');
  mm('f1', act);
  mm('f2', 'residual');
  if (at['pooler.weight'] !== undefined) mm('pool', 'tanh', 0);
  const ln = (name: string, prefix: string, stride: number): void =>
    emitLayerNorm(m, variant, { name, d: arch.hidden, eps: arch.layerNormEps, gamma: at[prefix + 'gamma']!, beta: at[prefix + 'beta']!, layerStride: stride });
  ln('ln_emb', 'embLn.', 0);
  ln('ln1', 'layers.0.ln1.', layerStride);
  ln('ln2', 'layers.0.ln2.', layerStride);
  emitGatherKt(m, variant, { d: arch.hidden, heads: arch.heads });
  emitAttend(m, variant, { d: arch.hidden, heads: arch.heads });
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
