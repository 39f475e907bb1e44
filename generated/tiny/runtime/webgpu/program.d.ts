// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import type { ArchConfig, HeadConfig } from '../../contract/model.js';
import { type Buffer, type Stage, type Step, type StepName } from '../../contract/program.js';
import { type BlockName, type WebGpuPrecision } from '../../contract/webgpu-layout.js';
/** A kernel is named after the program step it runs. */
export type KernelName = StepName;
/** Activation buffers (packed row order, capacity R rows, S sequences) and the per-call metadata. */
export type Role = 'info' | Buffer;
/** Which weight block a kernel binds: embeddings, the current layer's, the head's (with the final LayerNorm), or none. */
export type Block = BlockName | 'none';
/** Which per-call count bounds a kernel's rows: all rows n, the layer's active prefix, or sequences B. */
export type RowCount = 'rows' | 'prefix' | 'seqs';
export interface KernelInfo {
    readonly step: Step;
    readonly stage: Stage;
    readonly block: Block;
    readonly reads: readonly Role[];
    readonly writes: readonly Role[];
    readonly count: RowCount;
}
/** Every kernel of a model in program order, with its bindings' roles and row count. */
export declare function kernelsOf(arch: ArchConfig, head: HeadConfig): ReadonlyMap<KernelName, KernelInfo>;
export interface Binding {
    readonly binding: number;
    readonly name: 'counts' | 'weights' | Role;
    readonly kind: 'uniform' | 'read' | 'read_write';
}
/** Bind group 0 of a kernel: 0 = counts (uniform slot), 1 = weight block (if any), then reads, then writes. */
export declare function bindingsOf(kernel: KernelInfo): readonly Binding[];
/** Linear steps over token rows are tiled matrix products (one module per tile shape); per-sequence ones are row kernels. */
export declare function isProduct(kernel: KernelInfo): boolean;
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
/** Workgroup size of the row kernels (embedding, LayerNorm, attention, per-sequence dense layers). */
export declare const ROW_THREADS = 64;
/**
 * Per-call uniform slots, one per 256 bytes (minUniformBufferOffsetAlignment): slot 0 = embeddings,
 * slot l = layer l, slot L + 1 = final LayerNorm and head. Fields are u32, in this order.
 */
export declare const COUNT_FIELDS: readonly ["rows", "prefix", "seqs", "keyRowsAt", "clsAt"];
export declare const SLOT_BYTES = 256;
export declare const SLOT_FIELDS = 8;
/** Uniform slot (and weight block) of a stage: embeddings 0, layer l, final and head L + 1. */
export declare function slotOf(stage: Stage, layer: number, layers: number): number;
/** Per-row metadata in the info buffer (u32): id, token type, position, key start, key count. */
export declare const ROW_INFO = 5;
/** The optional WebGPU feature a module needs: f16 weights read as array<f16>. */
export type ModuleFeature = 'shader-f16';
export interface WgslModule {
    readonly kernel: KernelName;
    readonly tile?: TileName;
    /** Present: the module needs this feature, and replaces its twin without it (same kernel and tile) on devices that have it. */
    readonly feature?: ModuleFeature;
    readonly code: string;
}
/** What the compiler emits for the WebGPU target and the engine loads. */
export interface WebGpuProgram {
    readonly arch: ArchConfig;
    readonly head: HeadConfig;
    /** Weight storage the modules read (contract/webgpu-layout.ts); absent: f32. */
    readonly precision?: WebGpuPrecision;
    readonly modules: readonly WgslModule[];
}
/** The modules a device runs: each plain module, or its feature twin where the device has that feature. */
export declare function modulesFor(program: WebGpuProgram, features: ReadonlySet<ModuleFeature>): WgslModule[];
