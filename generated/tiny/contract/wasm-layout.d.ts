// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import { type ArchConfig, type HeadConfig, type WeightName } from './model.js';
import { type LinearName, type NormName, type Program } from './program.js';
/** Byte address of the first weight byte (bytes below it are never touched: a null guard). */
export declare const WEIGHTS_BASE = 1024;
/** Every tensor starts on a 64-byte (cache line) boundary. */
export declare const ALIGN = 64;
/** Largest linear memory a module may be given (4 GiB of 64 KiB pages); declared as its maximum. */
export declare const MAX_PAGES = 65536;
export type TensorLayout = {
    readonly kind: 'rowmajor';
} | {
    readonly kind: 'panels';
    readonly nr: number;
}
/**
 * int8 W [k, n] as [n / nr][k / 2][nr / 4][4][2]: per panel, per pair of k rows (2i, 2i + 1), groups of 4
 * columns with each column's two values adjacent (what i16x8.load8x8_s + i32x4.dot_i16x8_s consume);
 * W[k, j] = q[k, j] * scale[j] with the per-column scale in the `.scale` tensor that follows.
 */
 | {
    readonly kind: 'panels-i8';
    readonly nr: number;
};
/** f32 everywhere, or int8 matrices (per-column symmetric) with activations quantized per row at run time. */
export type WasmPrecision = 'f32' | 'int8';
export interface TensorSlot {
    readonly name: string;
    readonly address: number;
    readonly bytes: number;
    readonly dtype: 'f32' | 'i8';
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
/** Packed products: each one exported kernel `mm_<name>` over panel-packed weights. */
export type GemmName = 'proj' | 'qkv' | 'o' | 'f1' | 'f2' | 'pool';
/**
 * How the WASM target stores the weight table, in memory order: each packed tensor is made from table
 * tensors with their columns side by side (one per layer for layer tensors, `layers.<l>.` prefixed); a
 * `gemm` tensor is panel-packed for that product; `scaleFirst`: the first part is multiplied by
 * 1 / sqrt(dh) (Q and its bias are pre-scaled: attention then needs no scaling).
 */
export declare const WASM_TENSORS: readonly {
    readonly name: string;
    readonly from: readonly WeightName[];
    readonly gemm?: GemmName;
    readonly scaleFirst?: boolean;
}[];
/** The packed tensor names of each LayerNorm's gain and bias (layer ones prefixed `layers.<l>.`). */
export declare const WASM_NORMS: Record<NormName, {
    readonly kernel: string;
    readonly tensor: string;
}>;
/** A linear step's product: columns [col0, col0 + cols) of a packed gemm, or plain JS (few outputs, row-major). */
export type LinearImpl = {
    readonly kind: 'gemm';
    readonly gemm: GemmName;
    readonly col0: number;
    readonly cols: number;
} | {
    readonly kind: 'js';
    readonly weight: string;
    readonly bias: string;
};
export interface WasmLayout {
    readonly precision: WasmPrecision;
    readonly arch: ArchConfig;
    readonly head: HeadConfig;
    readonly program: Program;
    readonly headDim: number;
    /** Folded into the Q columns of the QKV weights and bias at pack time: 1 / sqrt(dh). */
    readonly qScale: number;
    /** Bytes between layer l and l + 1 of every layer tensor; 0 with shared layers (stored once). */
    readonly layerStride: number;
    readonly weightBytes: number;
    readonly end: number;
    readonly tensors: readonly TensorSlot[];
    /** Address of a tensor by name; layer tensors by their layer-0 name ('layers.0.qkv.weight'). */
    readonly at: Readonly<Record<string, number>>;
    /** Products present in this model. */
    readonly gemm: Readonly<Partial<Record<GemmName, GemmShape>>>;
    /** How each linear of the program is computed. */
    readonly linear: Readonly<Partial<Record<LinearName, LinearImpl>>>;
}
/** Panel of 8 columns (4 for widths that are not a multiple of 8); undefined when n is not a multiple of 4. */
export declare function panelWidth(n: number): number | undefined;
/** The per-column scale tensor of an int8 matrix: 'qkv.weight' -> 'qkv.scale'. */
export declare function scaleName(weightName: string): string;
/**
 * Computes the layout for an architecture. Requires d, f and E to be multiples of 4 and d / heads to be
 * a multiple of 4 (the emitter checks this first and reports a HasheeError).
 */
export declare function wasmLayout(arch: ArchConfig, head: HeadConfig, precision?: WasmPrecision): WasmLayout;
export declare function alignUp(n: number, to?: number): number;
/** JSON manifest of the packed weight blob (offsets relative to the blob's first byte). */
export interface WeightsManifest {
    readonly format: 'hashee-wasm-weights/1';
    /** f32: every tensor little-endian f32; int8: matrices int8 ('panels-i8') with f32 '.scale' vectors. */
    readonly precision: WasmPrecision;
    readonly base: number;
    readonly bytes: number;
    readonly tensors: readonly {
        readonly name: string;
        readonly offset: number;
        readonly bytes: number;
        readonly dtype: 'f32' | 'i8';
        readonly shape: readonly number[];
        readonly layout: TensorLayout;
    }[];
}
export declare function manifestOf(layout: WasmLayout): WeightsManifest;
/**
 * The kernels a module exports, in emission order (the order of first use in the program):
 *   mm_<gemm>(layer, x, y, res, r0, r1, p0, p1)  y [rows, n] = epilogue(x [rows, k] @ W + b), column panels [p0, p1)
 *     int8: mm_<gemm>(layer, xq, xs, y, res, r0, r1, p0, p1) with xq [rows, k] i16 and xs [rows] f32 from quant
 *   quant(x, xq, xs, width, r0, r1)               int8 only: xq[r] = round(x[r] * 127 / max|x[r]|), xs[r] = max|x[r]| / 127
 *   <norm kernel>(layer, x, y, r0, r1)           y[r] = LayerNorm(x[r]) over the norm's width
 *   gather_kt(qkv, seqMeta, s0, s1)             per-sequence transposed keys (compiler/emit/wasm/kernels.ts)
 *   attend(qkv, ctx, rowSeq, seqMeta, scores, i0, i1)
 * `layer` is 0-based; pointers are byte addresses in linear memory; ranges are half-open. The engine
 * and the worker threads read the names from the module's exports, so this list is documentation.
 */
export declare function kernelNames(layout: WasmLayout): string[];
