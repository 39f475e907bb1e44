// What the runtime needs from Node that the web platform does not give it: package files read from disk
// and hashed there, the core count and worker threads. runtime/node.ts implements it and a
// package's Node entry (index.js) passes it in; the browser entry (browser.js) passes none, and the runtime
// then uses fetch, WebCrypto and Worker. Keeping Node's modules behind this one object lets bundlers build
// the browser entry without seeing a `node:` import. (Dawn, WebGPU in Node, is runtime/webgpu/node.ts, which
// the Node entry of a WebGPU package passes to its backend.)

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
