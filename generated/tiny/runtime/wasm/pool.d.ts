// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import type { NodeHost } from '../host.js';
/** An exported kernel: i32 arguments (byte addresses, counts, ranges), no result. */
export type Kernel = (...args: number[]) => void;
/** The module's exported kernels in export order: the caller and every worker index this same list. */
export declare function kernelNamesOf(module: WebAssembly.Module): string[];
/** The instance's kernels by name. */
export declare function kernelsOf(module: WebAssembly.Module, instance: WebAssembly.Instance): Record<string, Kernel>;
/** Control words (Int32Array indices). */
export declare const CTL: {
    readonly generation: 0;
    readonly done: 1;
    readonly kernel: 2;
    readonly splitArg: 3;
    readonly scratchArg: 4;
    readonly scratchStride: 5;
    readonly shares: 6;
    readonly argc: 7;
    readonly failed: 8;
    readonly args: 9;
};
export declare const MAX_ARGS = 9;
export declare const CTL_WORDS: number;
/** How a call is shared out: args[arg] .. args[arg + 1] is divided evenly; an optional per-share scratch pointer. */
export interface Split {
    readonly arg: number;
    readonly scratch?: {
        readonly arg: number;
        readonly stride: number;
    };
}
/** The part of `args` share `t` of `shares` runs. */
export declare function shareArgs(args: readonly number[], split: Split, t: number, shares: number): number[];
/** Starts one browser module Worker running worker.js. */
export type StartWorker = () => Worker;
/** Where the pool's threads come from (see WorkerPool.start). */
export interface WorkerSource {
    readonly workerUrl?: string | URL;
    readonly node?: NodeHost;
    readonly startWorker?: StartWorker;
}
export declare class WorkerPool {
    private readonly workers;
    private readonly kernels;
    private readonly ctl;
    private readonly blocking;
    private readonly names;
    private constructor();
    get size(): number;
    /**
     * Starts `threads - 1` workers on `module` + `memory` (shared); resolves when all are instantiated.
     * `node`: Node's worker_threads (runtime/node.ts), required in Node; browsers start module Workers: at
     * `workerUrl` when given, else by `startWorker` (the browser entry's, written for bundlers to see), else
     * worker.js next to this file.
     */
    static start(threads: number, module: WebAssembly.Module, memory: WebAssembly.Memory, kernels: Readonly<Record<string, Kernel>>, where?: WorkerSource): Promise<WorkerPool>;
    /** Runs `kernel(args)` shared out over all threads; returns when every share is done. */
    run(kernel: string, args: readonly number[], split: Split): void;
    dispose(): void;
}
