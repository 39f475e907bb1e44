// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import { type ArchConfig, type HeadConfig, type WeightGroup, type WeightName } from './model.js';
import { type LinearName, type NormName } from './program.js';
/**
 * Weight storage of the WebGPU target (spec `precision.webgpu`): f32, or f16, where every tensor of every
 * block (matrices, embeddings, biases, LayerNorm gains and biases) is stored as an IEEE half and kernels
 * read it as f32, so all arithmetic stays f32.
 */
export type WebGpuPrecision = 'f32' | 'f16';
/** Bytes of one stored element. */
export declare const ELEMENT_BYTES: Record<WebGpuPrecision, number>;
/** A tensor's place in its block, in elements; offsets are multiples of 4 (16 bytes at f32, 8 at f16). */
export interface Slot {
    readonly at: number;
    readonly size: number;
}
export type BlockName = 'embed' | 'layer' | 'head';
/** The block of each weight group: the final LayerNorm travels with the head. */
export declare const BLOCK_OF_GROUP: Record<WeightGroup, BlockName>;
/**
 * How the WebGPU target stores the weight table, block by block in order: each slot holds table tensors
 * with their columns side by side (kvW [d, 2d]: row i = [Wk row i, Wv row i], so one product gives K then V).
 */
export declare const WEBGPU_TENSORS: readonly {
    readonly name: string;
    readonly from: readonly WeightName[];
}[];
export interface BlockLayout {
    /** Slots of the tensors this model has, by WEBGPU_TENSORS name, in block order. */
    readonly slots: Readonly<Record<string, Slot>>;
    readonly floats: number;
}
export interface WeightLayout {
    readonly embed: BlockLayout;
    readonly layer: BlockLayout;
    readonly head: BlockLayout;
    /** Layer blocks stored: L, or 1 with shared layers (every layer binds the same block). */
    readonly storedLayers: number;
    readonly precision: WebGpuPrecision;
}
/** One block's elements: f32 values, or at f16 the halves' bits. */
export type WeightBlock = Float32Array<ArrayBuffer> | Uint16Array<ArrayBuffer>;
/** Host-side weight blocks, ready for upload: block sizes match weightLayout exactly, element type the precision's. */
export interface PackedWeights {
    readonly precision: WebGpuPrecision;
    readonly embed: WeightBlock;
    readonly layers: readonly WeightBlock[];
    readonly head: WeightBlock;
}
export declare function weightLayout(arch: ArchConfig, head: HeadConfig, precision?: WebGpuPrecision): WeightLayout;
/** Block and slots of a linear's weight [k, n] and bias [n]. */
export declare function linearSlots(layout: WeightLayout, name: LinearName): {
    block: BlockName;
    w: Slot;
    bias: Slot;
};
/** Block and slots of a LayerNorm's gain and bias. */
export declare function normSlots(layout: WeightLayout, name: NormName): {
    block: BlockName;
    gain: Slot;
    beta: Slot;
};
/** Total elements of all blocks in file order: embed, stored layers, head. */
export declare function packedFloats(layout: WeightLayout): number;
/** One contiguous array in file order (embed, stored layers, head), e.g. for a weights.bin. */
export declare function joinWeights(packed: PackedWeights): WeightBlock;
/**
 * Views of the blocks of a joined array (no copy): Float32Array at f32, Uint16Array (the halves' bits) at
 * f16; throws RangeError if its type or size does not match the layout.
 */
export declare function splitWeights(layout: WeightLayout, data: WeightBlock): PackedWeights;
