// Worker entry of the WASM pool: instantiates the shared module on the shared memory, then loops forever
// running its share of each task the caller posts. In a browser module Worker (or a bundler's worker chunk)
// this module starts on its first message; Node's worker_threads import it and call serve() themselves
// (runtime/node.ts), so nothing here names a Node module and bundlers bundle it cleanly.

import { CTL, kernelNamesOf, shareArgs, type Kernel } from './pool.ts';
import { isNode } from './features.ts';

export interface WorkerInit { module: WebAssembly.Module; memory: WebAssembly.Memory; control: SharedArrayBuffer; index: number }

/** Instantiates the module, calls `ready`, then runs shares until the caller posts kernel -1. */
export function serve(init: WorkerInit, ready: () => void): void {
  const exports = new WebAssembly.Instance(init.module, { env: { memory: init.memory } }).exports as Record<string, Kernel>;
  const names = kernelNamesOf(init.module);
  const ctl = new Int32Array(init.control);
  let generation = Atomics.load(ctl, CTL.generation);
  ready();
  for (;;) {
    Atomics.wait(ctl, CTL.generation, generation);
    generation = Atomics.load(ctl, CTL.generation);
    const k = ctl[CTL.kernel]!;
    if (k < 0) return;
    const args = Array.from(ctl.subarray(CTL.args, CTL.args + ctl[CTL.argc]!));
    const scratchArg = ctl[CTL.scratchArg]!;
    const split = { arg: ctl[CTL.splitArg]!, scratch: scratchArg >= 0 ? { arg: scratchArg, stride: ctl[CTL.scratchStride]! } : undefined };
    try {
      exports[names[k]!]!(...shareArgs(args, split, init.index, ctl[CTL.shares]!));
    } catch {
      Atomics.store(ctl, CTL.failed, 1); // reported by the caller, which must not wait forever
    }
    Atomics.add(ctl, CTL.done, 1);
    Atomics.notify(ctl, CTL.done);
  }
}

if (!isNode()) {
  const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<WorkerInit>) => void) | null; postMessage(m: unknown): void };
  scope.onmessage = (e) => { scope.onmessage = null; serve(e.data, () => scope.postMessage('ready')); };
}
