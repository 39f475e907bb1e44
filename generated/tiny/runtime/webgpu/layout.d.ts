// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import type { ArchConfig, HeadConfig, Model } from '../../contract/model.js';
/** A tensor's place in its block, in f32 elements; offsets are multiples of 4 (16 bytes). */
export interface Slot {
    readonly at: number;
    readonly size: number;
}
export interface EmbedLayout {
    readonly word: Slot;
    readonly pos: Slot;
    readonly type: Slot;
    readonly lnG: Slot;
    readonly lnB: Slot;
    readonly floats: number;
}
export interface LayerLayout {
    readonly kvW: Slot;
    readonly kvB: Slot;
    readonly qW: Slot;
    readonly qB: Slot;
    readonly oW: Slot;
    readonly oB: Slot;
    readonly ln1G: Slot;
    readonly ln1B: Slot;
    readonly f1W: Slot;
    readonly f1B: Slot;
    readonly f2W: Slot;
    readonly f2B: Slot;
    readonly ln2G: Slot;
    readonly ln2B: Slot;
    readonly floats: number;
}
export interface HeadLayout {
    readonly poolerW: Slot;
    readonly poolerB: Slot;
    readonly classifierW: Slot;
    readonly classifierB: Slot;
    readonly floats: number;
}
export interface WeightLayout {
    readonly embed: EmbedLayout;
    readonly layer: LayerLayout;
    readonly head: HeadLayout;
}
/** Host-side weight blocks, ready for upload: block sizes match weightLayout exactly. */
export interface PackedWeights {
    readonly embed: Float32Array<ArrayBuffer>;
    readonly layers: readonly Float32Array<ArrayBuffer>[];
    readonly head: Float32Array<ArrayBuffer>;
}
export declare function weightLayout(arch: ArchConfig, head: HeadConfig): WeightLayout;
/** Copies a model's weights into the blocks of weightLayout (throws RangeError on a size mismatch). */
export declare function packWeights(model: Model): PackedWeights;
/** Total floats of all blocks in file order: embed, layers 1..L, head. */
export declare function packedFloats(layout: WeightLayout, layers: number): number;
/** One contiguous array in file order (embed, layers 1..L, head), e.g. for a weights.bin. */
export declare function joinWeights(packed: PackedWeights): Float32Array<ArrayBuffer>;
/** Views of the blocks of a joined array (no copy); throws RangeError if its size does not match the layout. */
export declare function splitWeights(layout: WeightLayout, layers: number, data: Float32Array<ArrayBuffer>): PackedWeights;
