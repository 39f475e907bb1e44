// The WebGPU program: the kernel catalogue shared by the WGSL emitter and the engine (bindings, row
// counts, tile sizes), and the compiled artifact (one WGSL module per kernel) the engine loads.

import type { ArchConfig, HeadConfig } from '../model.ts';

export type KernelName =
  | 'embed' | 'kv' | 'query' | 'attention' | 'attnOut' | 'attnNorm' | 'ffnUp' | 'ffnDown' | 'ffnNorm'
  | 'pooler' | 'classifier' | 'tokenHead';

/** Activation buffers (packed row order, capacity R rows, S sequences) and the per-call metadata. */
export type Role = 'info' | 'h' | 'h1' | 'tmp' | 'q' | 'kv' | 'ctx' | 'ffn' | 'pooled' | 'logits';

/** Which weight block a kernel binds: embeddings, the current layer's, the head's, or none. */
export type Block = 'embed' | 'layer' | 'head' | 'none';

/** Which per-call count bounds a kernel's rows: all rows n, the layer's active prefix, or sequences B. */
export type RowCount = 'rows' | 'prefix' | 'seqs';

export interface KernelInfo {
  readonly block: Block;
  readonly reads: readonly Role[];
  readonly writes: readonly Role[];
  readonly count: RowCount;
}

export const KERNELS: Record<KernelName, KernelInfo> = {
  embed: { block: 'embed', reads: ['info'], writes: ['h'], count: 'rows' },
  kv: { block: 'layer', reads: ['h'], writes: ['kv'], count: 'rows' },
  query: { block: 'layer', reads: ['h'], writes: ['q'], count: 'prefix' },
  attention: { block: 'none', reads: ['info', 'q', 'kv'], writes: ['ctx'], count: 'prefix' },
  attnOut: { block: 'layer', reads: ['ctx'], writes: ['tmp'], count: 'prefix' },
  attnNorm: { block: 'layer', reads: ['tmp', 'h'], writes: ['h1'], count: 'prefix' },
  ffnUp: { block: 'layer', reads: ['h1'], writes: ['ffn'], count: 'prefix' },
  ffnDown: { block: 'layer', reads: ['ffn'], writes: ['tmp'], count: 'prefix' },
  ffnNorm: { block: 'layer', reads: ['tmp', 'h1'], writes: ['h'], count: 'prefix' },
  pooler: { block: 'head', reads: ['info', 'h'], writes: ['pooled'], count: 'seqs' },
  classifier: { block: 'head', reads: ['pooled'], writes: ['logits'], count: 'seqs' },
  tokenHead: { block: 'head', reads: ['h'], writes: ['logits'], count: 'rows' },
};

/** Encoder kernels in dispatch order within one layer. */
export const LAYER_KERNELS: readonly KernelName[] = ['kv', 'query', 'attention', 'attnOut', 'attnNorm', 'ffnUp', 'ffnDown', 'ffnNorm'];

/** Head kernels in dispatch order. */
export function headKernels(head: HeadConfig): readonly KernelName[] {
  switch (head.kind) {
    case 'none': return [];
    case 'classification': case 'regression': return ['pooler', 'classifier'];
    case 'token': return ['tokenHead'];
  }
}

/** Every kernel a model needs, in a fixed order (the order of the program's modules). */
export function kernelsFor(head: HeadConfig): readonly KernelName[] {
  return ['embed', ...LAYER_KERNELS, ...headKernels(head)];
}

export interface Binding {
  readonly binding: number;
  readonly name: 'counts' | 'weights' | Role;
  readonly kind: 'uniform' | 'read' | 'read_write';
}

/** Bind group 0 of a kernel: 0 = counts (uniform slot), 1 = weight block (if any), then reads, then writes. */
export function bindingsOf(kernel: KernelName): readonly Binding[] {
  const k = KERNELS[kernel];
  const list: Binding[] = [{ binding: 0, name: 'counts', kind: 'uniform' }];
  if (k.block !== 'none') list.push({ binding: list.length, name: 'weights', kind: 'read' });
  for (const r of k.reads) list.push({ binding: list.length, name: r, kind: 'read' });
  for (const r of k.writes) list.push({ binding: list.length, name: r, kind: 'read_write' });
  return list;
}

/**
 * Matrix-product tiling: a 16x16 workgroup computes a 64x64 output tile, 4x4 per invocation, in k-steps
 * of 8 (a k-step of 16 compiles three times slower on SwiftShader). rows === cols: one staging loop
 * fills both operand tiles; cols / threadsX === 4: one vec4 of weights per k.
 */
export const TILE = { rows: 64, cols: 64, depth: 8, threadsX: 16, threadsY: 16 } as const;

/** Workgroup size of the row kernels (embedding, LayerNorm, attention, pooler, classifier). */
export const ROW_THREADS = 64;

/**
 * Per-call uniform slots, one per 256 bytes (minUniformBufferOffsetAlignment): slot 0 = embeddings,
 * slot l = layer l, slot L + 1 = head. Fields are u32, in this order.
 */
export const COUNT_FIELDS = ['rows', 'prefix', 'seqs', 'keyRowsAt', 'clsAt'] as const;
export const SLOT_BYTES = 256;
export const SLOT_FIELDS = 8; // struct padded to 32 bytes (uniform structs are 16-byte multiples)

/** Per-row metadata in the info buffer (u32): id, token type, position, key start, key count. */
export const ROW_INFO = 5;

export interface WgslModule {
  readonly kernel: KernelName;
  readonly code: string;
}

/** What the compiler emits for the WebGPU target and the engine loads. */
export interface WebGpuProgram {
  readonly arch: ArchConfig;
  readonly head: HeadConfig;
  readonly modules: readonly WgslModule[]; // kernelsFor(head) order
}
