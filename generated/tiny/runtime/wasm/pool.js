// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// Worker pool over a shared WebAssembly.Memory: each worker instantiates the same module on the same memory
// and runs its share of one kernel call; the calling thread takes share 0 and waits for the rest.
// Synchronisation is one SharedArrayBuffer of i32 control words (Atomics.wait / notify), no messages per call.
import { isNode } from "./features.js";
/** The module's exported kernels in export order: the caller and every worker index this same list. */
export function kernelNamesOf(module) {
    return WebAssembly.Module.exports(module).filter((e) => e.kind === 'function').map((e) => e.name);
}
/** The instance's kernels by name. */
export function kernelsOf(module, instance) {
    return Object.fromEntries(kernelNamesOf(module).map((name) => [name, instance.exports[name]]));
}
/** Control words (Int32Array indices). */
export const CTL = {
    generation: 0, // bumped by the caller for every task
    done: 1, // workers finished with the current task
    kernel: 2, // index into KERNELS, -1 = quit
    splitArg: 3, // args[splitArg], args[splitArg + 1] is the range [lo, hi) shared out
    scratchArg: 4, // -1 or the argument offset by share * scratchStride
    scratchStride: 5,
    shares: 6, // participants including the caller
    argc: 7,
    failed: 8, // set by a worker whose share threw (a trap): the caller rethrows
    args: 9, // up to MAX_ARGS i32 arguments
};
export const MAX_ARGS = 9; // the int8 products take 9
export const CTL_WORDS = CTL.args + MAX_ARGS;
/** The part of `args` share `t` of `shares` runs. */
export function shareArgs(args, split, t, shares) {
    const out = args.slice();
    const lo = args[split.arg], hi = args[split.arg + 1];
    out[split.arg] = lo + Math.floor(((hi - lo) * t) / shares);
    out[split.arg + 1] = lo + Math.floor(((hi - lo) * (t + 1)) / shares);
    if (split.scratch)
        out[split.scratch.arg] = args[split.scratch.arg] + t * split.scratch.stride;
    return out;
}
export class WorkerPool {
    workers;
    kernels;
    ctl;
    blocking;
    names;
    constructor(workers, control, module, kernels) {
        this.workers = workers;
        this.kernels = kernels;
        this.ctl = new Int32Array(control);
        this.names = kernelNamesOf(module);
        this.blocking = isNode(); // a browser main thread may not Atomics.wait: it spins instead
    }
    get size() { return this.workers.length + 1; }
    /**
     * Starts `threads - 1` workers on `module` + `memory` (shared); resolves when all are instantiated.
     * `node`: Node's worker_threads (runtime/node.ts), required in Node; browsers start module Workers: at
     * `workerUrl` when given, else by `startWorker` (the browser entry's, written for bundlers to see), else
     * worker.js next to this file.
     */
    static async start(threads, module, memory, kernels, where = {}) {
        const { workerUrl, node, startWorker } = where;
        const control = new SharedArrayBuffer(CTL_WORDS * 4);
        // Not `new URL(expression, import.meta.url)`: bundlers would take it for a set of files to emit.
        const here = import.meta.url;
        const url = new URL(workerUrl ?? `./worker${extensionOf(here)}`, here);
        const open = () => (workerUrl === undefined && startWorker ? startWorker() : new Worker(url, { type: 'module' }));
        const workers = [];
        const ready = [];
        for (let i = 1; i < threads; i++) {
            const init = { module, memory, control, index: i };
            if (node) {
                const w = node.startWorker(url, init);
                w.unref();
                ready.push(new Promise((resolve, reject) => { w.once('message', () => resolve()); w.once('error', reject); }));
                workers.push(w);
            }
            else {
                const w = open();
                ready.push(new Promise((resolve, reject) => {
                    w.onmessage = () => resolve();
                    w.onerror = (e) => reject(new Error(`wasm worker failed to start: ${e.message}`));
                }));
                w.postMessage(init);
                workers.push(w);
            }
        }
        await Promise.all(ready);
        return new WorkerPool(workers, control, module, kernels);
    }
    /** Runs `kernel(args)` shared out over all threads; returns when every share is done. */
    run(kernel, args, split) {
        const ctl = this.ctl, shares = this.size;
        const index = this.names.indexOf(kernel);
        if (index < 0)
            throw new RangeError(`module has no kernel ${kernel}`);
        ctl[CTL.kernel] = index;
        ctl[CTL.splitArg] = split.arg;
        ctl[CTL.scratchArg] = split.scratch ? split.scratch.arg : -1;
        ctl[CTL.scratchStride] = split.scratch ? split.scratch.stride : 0;
        ctl[CTL.shares] = shares;
        ctl[CTL.argc] = args.length;
        args.forEach((a, i) => { ctl[CTL.args + i] = a; });
        Atomics.store(ctl, CTL.done, 0);
        Atomics.store(ctl, CTL.failed, 0);
        Atomics.add(ctl, CTL.generation, 1);
        Atomics.notify(ctl, CTL.generation);
        let error;
        try {
            this.kernels[kernel](...shareArgs(args, split, 0, shares));
        }
        catch (e) {
            error = e; // still wait: the workers are using the shared memory
        }
        const others = shares - 1;
        for (let done = Atomics.load(ctl, CTL.done); done < others; done = Atomics.load(ctl, CTL.done)) {
            if (this.blocking)
                Atomics.wait(ctl, CTL.done, done);
        }
        if (error !== undefined)
            throw error;
        if (Atomics.load(ctl, CTL.failed) !== 0)
            throw new Error(`a wasm worker thread failed in kernel ${kernel}`);
    }
    dispose() {
        this.ctl[CTL.kernel] = -1;
        Atomics.add(this.ctl, CTL.generation, 1);
        Atomics.notify(this.ctl, CTL.generation);
        for (const w of this.workers)
            w.terminate();
    }
}
/** '.ts' when running from source (tsx), '.js' once compiled: the worker file sits next to this one. */
function extensionOf(url) {
    return url.endsWith('.ts') ? '.ts' : '.js';
}
