// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import type { StartWorker } from '../wasm/pool.js';
import type { Backend, OpenContext } from './types.js';
/** Files of the WASM target. */
export interface WasmFiles {
    readonly modules: {
        readonly simd128: {
            readonly single: string;
            readonly shared: string;
        };
        readonly relaxed: {
            readonly single: string;
            readonly shared: string;
        };
    };
    readonly weights: string;
    /** Absent: f32. int8: the modules and weights of the int8 precision (spec `precision`). */
    readonly precision?: 'int8';
}
export interface WasmLoadOptions {
    /** Threads including the caller. Default: every core in Node; 1 in browsers (opt-in, needs crossOriginIsolated). */
    readonly threads?: number;
    /** Module variant: relaxed SIMD (fused multiply-add) when the engine supports it, else plain SIMD128. */
    readonly simd?: 'auto' | 'relaxed' | 'simd128';
    /** URL of runtime/wasm/worker.js for the threads; default: the browser entry's worker (bundled as one), or worker.js next to the package's pool.js. */
    readonly workerUrl?: string | URL;
    /** Where the one-time "threads unavailable" warning goes; default console.warn. */
    readonly warn?: (message: string) => void;
}
/** `startWorker`: the browser entry's pool thread, used when no workerUrl is given (see WorkerPool.start). */
export declare function openWasm(ctx: OpenContext, files: WasmFiles, opts: WasmLoadOptions, startWorker?: StartWorker): Promise<Backend>;
