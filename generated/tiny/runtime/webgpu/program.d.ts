// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import type { ArchConfig, HeadConfig } from '../../contract/model.js';
export type KernelName = 'embed' | 'kv' | 'query' | 'attention' | 'attnOut' | 'attnNorm' | 'ffnUp' | 'ffnDown' | 'ffnNorm' | 'pooler' | 'classifier' | 'tokenHead';
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
export declare const KERNELS: Record<KernelName, KernelInfo>;
/** Encoder kernels in dispatch order within one layer. */
export declare const LAYER_KERNELS: readonly KernelName[];
/** Head kernels in dispatch order. */
export declare function headKernels(head: HeadConfig): readonly KernelName[];
/** Every kernel a model needs, in a fixed order (the order of the program's modules). */
export declare function kernelsFor(head: HeadConfig): readonly KernelName[];
export interface Binding {
    readonly binding: number;
    readonly name: 'counts' | 'weights' | Role;
    readonly kind: 'uniform' | 'read' | 'read_write';
}
/** Bind group 0 of a kernel: 0 = counts (uniform slot), 1 = weight block (if any), then reads, then writes. */
export declare function bindingsOf(kernel: KernelName): readonly Binding[];
/** Kernels that are matrix products: each has one module per tile shape. */
export type ProductKernel = 'kv' | 'query' | 'attnOut' | 'ffnUp' | 'ffnDown' | 'tokenHead';
export type RowKernel = Exclude<KernelName, ProductKernel>;
export declare function isProduct(kernel: KernelName): kernel is ProductKernel;
export type TileName = 'wide' | 'narrow';
export declare const TILE_NAMES: readonly TileName[];
export interface TileShape {
    readonly rows: number;
    readonly cols: number;
    readonly depth: number | null;
    readonly threadsX: number;
    readonly threadsY: number;
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
export declare const TILES: Record<TileName, TileShape>;
/**
 * Which tile a product over some rows uses. 'gpu': narrow up to 16 rows (one narrow tile), wide above (weights
 * staged once per 128 rows). 'cpu' (a CPU implementation such as SwiftShader, where a workgroup barrier
 * costs far more than re-reading weights from cache): narrow at every size; measured on SwiftShader it is
 * 1.3x (128 rows) to 18x (1 row) faster than wide and costs in proportion to the rows.
 */
export type TilePolicy = 'gpu' | 'cpu';
/** Products over at most this many rows use the narrow tile under the 'gpu' policy. */
export declare const NARROW_MAX_ROWS = 16;
export declare function tileFor(rows: number, policy?: TilePolicy): TileName;
/** Name of a kernel's module (and pipeline): `query/wide`, `query/narrow`, `attention`. */
export declare function moduleKey(kernel: KernelName, tile?: TileName): string;
/** Workgroup size of the row kernels (embedding, LayerNorm, attention, pooler, classifier). */
export declare const ROW_THREADS = 64;
/**
 * Per-call uniform slots, one per 256 bytes (minUniformBufferOffsetAlignment): slot 0 = embeddings,
 * slot l = layer l, slot L + 1 = head. Fields are u32, in this order.
 */
export declare const COUNT_FIELDS: readonly ["rows", "prefix", "seqs", "keyRowsAt", "clsAt"];
export declare const SLOT_BYTES = 256;
export declare const SLOT_FIELDS = 8;
/** Per-row metadata in the info buffer (u32): id, token type, position, key start, key count. */
export declare const ROW_INFO = 5;
export interface WgslModule {
    readonly kernel: KernelName;
    readonly tile?: TileName;
    readonly code: string;
}
/** What the compiler emits for the WebGPU target and the engine loads. */
export interface WebGpuProgram {
    readonly arch: ArchConfig;
    readonly head: HeadConfig;
    readonly modules: readonly WgslModule[];
}
