// The WebGPU program: the kernel catalogue shared by the WGSL emitter and the engine (bindings, row
// counts, tile sizes), and the compiled artifact (one WGSL module per kernel) the engine loads.

import type { ArchConfig, HeadConfig } from '../../contract/model.ts';

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

/** Kernels that are matrix products: each has one module per tile shape. */
export type ProductKernel = 'kv' | 'query' | 'attnOut' | 'ffnUp' | 'ffnDown' | 'tokenHead';
export type RowKernel = Exclude<KernelName, ProductKernel>;

const PRODUCTS: ReadonlySet<KernelName> = new Set<ProductKernel>(['kv', 'query', 'attnOut', 'ffnUp', 'ffnDown', 'tokenHead']);

export function isProduct(kernel: KernelName): kernel is ProductKernel {
  return PRODUCTS.has(kernel);
}

export type TileName = 'wide' | 'narrow';
export const TILE_NAMES: readonly TileName[] = ['wide', 'narrow'];

export interface TileShape {
  readonly rows: number;     // output rows per workgroup
  readonly cols: number;     // output columns per workgroup; cols / threadsX === 4 (one vec4 per k)
  readonly depth: number | null; // k-step staged through workgroup memory; null: operands read from storage
  readonly threadsX: number;
  readonly threadsY: number; // rows / threadsY output rows per invocation
}

/**
 * Product tiles, 16x16 workgroups, 4 columns per invocation.
 * wide = 128x64 outputs, up to 8x4 per invocation, operands staged through workgroup memory in k-steps of
 * 8 (a k-step of 16 compiles three times slower on SwiftShader). Invocations loop over their tile rows only
 * up to the live ones (rows below the count), so a tile costs a fixed part (each weight k-step staged once,
 * two barriers per k-step) plus a part per live row: weights are staged once per 128 rows, and a layer
 * thinned by exits pays for its live rows, not for whole tiles (with 64-row tiles, 73 and 103 live rows cost
 * as much as 128 on SwiftShader).
 * narrow = 16x64, one row per invocation, no workgroup memory and no barriers: invocations past the live
 * rows return at once, so short inputs and the [CLS]-only last layer cost about their rows.
 */
export const TILES: Record<TileName, TileShape> = {
  wide: { rows: 128, cols: 64, depth: 8, threadsX: 16, threadsY: 16 },
  narrow: { rows: 16, cols: 64, depth: null, threadsX: 16, threadsY: 16 },
};

/**
 * Which tile a product over some rows uses. 'gpu': narrow up to 16 rows (one narrow tile), wide above (weights
 * staged once per 128 rows). 'cpu' (a CPU implementation such as SwiftShader, where a workgroup barrier
 * costs far more than re-reading weights from cache): narrow at every size; measured on SwiftShader it is
 * 1.3x (128 rows) to 18x (1 row) faster than wide and costs in proportion to the rows.
 */
export type TilePolicy = 'gpu' | 'cpu';

/** Products over at most this many rows use the narrow tile under the 'gpu' policy. */
export const NARROW_MAX_ROWS = 16;

export function tileFor(rows: number, policy: TilePolicy = 'gpu'): TileName {
  return policy === 'cpu' || rows <= NARROW_MAX_ROWS ? 'narrow' : 'wide';
}

/** Name of a kernel's module (and pipeline): `query/wide`, `query/narrow`, `attention`. */
export function moduleKey(kernel: KernelName, tile?: TileName): string {
  return tile ? `${kernel}/${tile}` : kernel;
}

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
  readonly tile?: TileName; // products only
  readonly code: string;
}

/** What the compiler emits for the WebGPU target and the engine loads. */
export interface WebGpuProgram {
  readonly arch: ArchConfig;
  readonly head: HeadConfig;
  readonly modules: readonly WgslModule[]; // kernelsFor(head) order; products wide then narrow
}
