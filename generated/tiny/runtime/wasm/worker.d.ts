// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
export interface WorkerInit {
    module: WebAssembly.Module;
    memory: WebAssembly.Memory;
    control: SharedArrayBuffer;
    index: number;
}
/** Instantiates the module, calls `ready`, then runs shares until the caller posts kernel -1. */
export declare function serve(init: WorkerInit, ready: () => void): void;
