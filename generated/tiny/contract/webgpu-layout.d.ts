// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import { type ArchConfig, type HeadConfig, type WeightGroup, type WeightName } from './model.js';
import { type LinearName, type NormName } from './program.js';
/** A tensor's place in its block, in f32 elements; offsets are multiples of 4 (16 bytes). */
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
}
/** Host-side weight blocks, ready for upload: block sizes match weightLayout exactly. */
export interface PackedWeights {
    readonly embed: Float32Array<ArrayBuffer>;
    readonly layers: readonly Float32Array<ArrayBuffer>[];
    readonly head: Float32Array<ArrayBuffer>;
}
export declare function weightLayout(arch: ArchConfig, head: HeadConfig): WeightLayout;
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
/** Total floats of all blocks in file order: embed, stored layers, head. */
export declare function packedFloats(layout: WeightLayout): number;
/** One contiguous array in file order (embed, stored layers, head), e.g. for a weights.bin. */
export declare function joinWeights(packed: PackedWeights): Float32Array<ArrayBuffer>;
/** Views of the blocks of a joined array (no copy); throws RangeError if its size does not match the layout. */
export declare function splitWeights(layout: WeightLayout, data: Float32Array<ArrayBuffer>): PackedWeights;
