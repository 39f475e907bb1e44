// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import { type ArchConfig, type HeadConfig } from '../../contract/model.js';
/** Byte address of the first weight byte (bytes below it are never touched: a null guard). */
export declare const WEIGHTS_BASE = 1024;
/** Every tensor starts on a 64-byte (cache line) boundary. */
export declare const ALIGN = 64;
export type TensorLayout = {
    readonly kind: 'rowmajor';
} | {
    readonly kind: 'panels';
    readonly nr: number;
};
export interface TensorSlot {
    readonly name: string;
    readonly address: number;
    readonly bytes: number;
    readonly shape: readonly number[];
    readonly layout: TensorLayout;
}
/** Register tile of one product: rows x nr columns of accumulators. */
export interface GemmShape {
    readonly k: number;
    readonly n: number;
    readonly nr: number;
    readonly mr: number;
}
export type GemmName = 'qkv' | 'o' | 'f1' | 'f2' | 'pool';
export interface WasmLayout {
    readonly arch: ArchConfig;
    readonly head: HeadConfig;
    readonly headDim: number;
    /** Folded into the Q columns of the QKV weights and bias at pack time: 1 / sqrt(dh). */
    readonly qScale: number;
    readonly layerStride: number;
    readonly weightBytes: number;
    readonly end: number;
    readonly tensors: readonly TensorSlot[];
    /** Address of a tensor by name; layer tensors by their layer-0 name ('layers.0.qkv.weight'). */
    readonly at: Readonly<Record<string, number>>;
    readonly gemm: Readonly<Record<GemmName, GemmShape>>;
}
/** Panel of 8 columns (4 for widths that are not a multiple of 8); undefined when n is not a multiple of 4. */
export declare function panelWidth(n: number): number | undefined;
/**
 * Computes the layout for an architecture. Requires d and f to be multiples of 4 and d / heads to be a
 * multiple of 4 (the emitter checks this first and reports a HasheeError).
 */
export declare function wasmLayout(arch: ArchConfig, head: HeadConfig): WasmLayout;
export declare function alignUp(n: number, to?: number): number;
/** JSON manifest of the packed weight blob (offsets relative to the blob's first byte). */
export interface WeightsManifest {
    readonly format: 'hashee-wasm-weights/1';
    readonly dtype: 'f32';
    readonly base: number;
    readonly bytes: number;
    readonly tensors: readonly {
        readonly name: string;
        readonly offset: number;
        readonly bytes: number;
        readonly shape: readonly number[];
        readonly layout: TensorLayout;
    }[];
}
export declare function manifestOf(layout: WasmLayout): WeightsManifest;
