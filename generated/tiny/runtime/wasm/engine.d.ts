// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import type { ArchConfig, ExitTable, HeadConfig } from '../../contract/model.js';
import { type WasmPrecision } from '../../contract/wasm-layout.js';
import { type WorkCount } from '../plan.js';
import { type StartWorker } from './pool.js';
import type { NodeHost } from '../host.js';
/** Fills `target` (the weightBytes of linear memory at WEIGHTS_BASE) with the packed weight blob. */
export type WeightsWriter = (target: Uint8Array) => void | Promise<void>;
/** Module bytes (as emitted or read from a .wasm file) or an already compiled module. */
export type ModuleSource = Uint8Array | ArrayBuffer | WebAssembly.Module;
/** One compiled variant: the module importing a private memory and the one importing a shared memory. */
export interface WasmModuleVariants {
    readonly single: ModuleSource;
    readonly shared: ModuleSource;
}
export interface WasmEngineOptions {
    readonly arch: ArchConfig;
    readonly head: HeadConfig;
    /** relaxed is used when the engine validates relaxed SIMD (and simd is not 'simd128'). */
    readonly modules: {
        readonly simd128: WasmModuleVariants;
        readonly relaxed?: WasmModuleVariants;
    };
    /**
     * Packed weight blob (compiler/passes/packWeights.ts; weights.bin), copied to linear memory at
     * WEIGHTS_BASE, or a writer that fills that region itself (e.g. reads the file straight into it, so the
     * blob is never held twice).
     */
    readonly weights: Uint8Array | WeightsWriter;
    readonly exitTable: ExitTable;
    /**
     * The precision the modules and weights were compiled for (weights.json's `precision`): int8 products
     * quantize their input per row first. Default f32.
     */
    readonly precision?: WasmPrecision;
    /** Threads including the caller. Default: every core (at most 8) in Node with `node`; 1 in browsers (opt-in there). */
    readonly threads?: number;
    /** Node's worker threads and core count (runtime/node.ts's nodeHost): needed for threads in Node. */
    readonly node?: NodeHost;
    readonly simd?: 'auto' | 'relaxed' | 'simd128';
    /** URL of runtime/wasm/worker.js for the thread pool; default: next to pool.js (pool.ts from sources). */
    readonly workerUrl?: string | URL;
    /** Browsers, without workerUrl: starts a pool thread (the browser entry's, which bundlers bundle as a worker). */
    readonly startWorker?: StartWorker;
    /** Where the one-time "threads unavailable" warning goes; default console.warn. */
    readonly warn?: (message: string) => void;
    /**
     * Kernel calls with fewer multiply-accumulates than this run on the calling thread alone (waking the
     * workers costs more than they save). Default MIN_SPLIT_MACS; 0 shares out every call (tests).
     */
    readonly minSplitMacs?: number;
}
export interface WasmRunInput {
    readonly ids: readonly (readonly number[])[];
    readonly typeIds?: readonly (readonly number[])[];
}
export interface WasmRunOptions {
    /** Ignore the exit table: every token runs all layers. */
    readonly fullDepth?: boolean;
    /**
     * Last layer computes Q onward for [CLS] rows only (K/V still for all). Default: on for sequence-level
     * heads. When on, only clsHidden is returned (other rows never reach h^L).
     */
    readonly clsOnly?: boolean;
}
export interface WasmRunResult {
    readonly exits: number[][];
    readonly lastHidden?: Float32Array[];
    readonly clsHidden?: Float32Array[];
    readonly pooled?: Float32Array[];
    readonly logits?: Float32Array[];
    readonly work: WorkCount;
}
export interface WasmEngineInfo {
    readonly simd: 'relaxed' | 'simd128';
    readonly threads: number;
    readonly precision: WasmPrecision;
}
export declare class WasmEngine {
    readonly info: WasmEngineInfo;
    private readonly layout;
    private readonly memory;
    private readonly k;
    private readonly pool;
    private readonly table;
    private readonly minSplitMacs;
    private views;
    private disposed;
    private constructor();
    static create(opts: WasmEngineOptions): Promise<WasmEngine>;
    /** Stops the worker threads (the engine cannot run afterwards). */
    dispose(): void;
    run(input: WasmRunInput, opts?: WasmRunOptions): WasmRunResult;
    /** Runs one step of the program with its op's implementation. */
    private step;
    /** The WASM engine's implementation of every op. */
    private readonly ops;
    /**
     * Two adjacent linear steps that use the same packed product on the same input with the same rows and
     * adjacent columns (K/V, then Q of a fully active layer) run as one call over the union of their panels.
     */
    private fuseWithNext;
    private mm;
    private rowCount;
    /** Scratch addresses for this plan (after the weights), growing memory when needed; writes the plan's tables. */
    private prepare;
    /** emb = word + position (+ token type) embedding of each packed row ([n, E]). */
    private embed;
    /** Copies each sequence's [CLS] row of `src` ([n, width]) to the CLSIN scratch ([B, width]); returns its address. */
    private gatherCls;
    /** rows x n = x [rows, k] @ W + b with row-major W (n is small: plain JS, f64 sums rounded to f32). */
    private denseJs;
    /**
     * A kernel call, shared out over the pool when there is one and the call has at least minSplitMacs
     * multiply-accumulates (or equivalent work).
     */
    private par;
    private kernel;
    private refreshViews;
}
/**
 * Threads to run on. Node: the request, default every core (at most 8). Browsers: 1 unless requested and
 * the page is crossOriginIsolated; a request that cannot be honoured warns once per process.
 */
export declare function threadCount(env: {
    requested?: number;
    node: boolean;
    threadsUsable: boolean;
    cores: number;
}, warn: (message: string) => void): number;
