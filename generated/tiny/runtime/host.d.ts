// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
/** The part of a worker_threads Worker the WASM thread pool uses. */
export interface NodeWorker {
    once(event: 'message', listener: () => void): unknown;
    once(event: 'error', listener: (e: Error) => void): unknown;
    postMessage(message: unknown): void;
    terminate(): unknown;
    unref(): void;
}
export interface NodeHost {
    /** Bytes of a file: URL. */
    readFile(url: URL): Promise<Uint8Array>;
    /**
     * Reads a file: URL into `target` when its size is target.byteLength (reporting the bytes read so far
     * to `progress`); returns the file's size (bytes read when shorter).
     */
    readFileInto(url: URL, target: Uint8Array, progress?: (loaded: number) => void): Promise<number>;
    /** sha256 of `bytes` as hex. */
    sha256Hex(bytes: Uint8Array): string;
    /** Cores this process may use. */
    cores(): number;
    /** Starts a worker thread serving the pool's worker module at `url` (its `serve`; a `.ts` source under tsx, or the compiled `.js`) with `data` as its workerData. */
    startWorker(url: URL, data: unknown): NodeWorker;
}
