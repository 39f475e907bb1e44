// Node's side of the runtime (runtime/host.ts's NodeHost): with runtime/webgpu/node.ts (Dawn) the only runtime
// modules that import Node's own. A package's Node entry (index.js) passes `nodeHost` to load(); its browser
// entry never reaches here.

import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { NodeHost } from './host.ts';

export const nodeHost: NodeHost = {
  readFile: async (url) => new Uint8Array(await readFile(url)),
  readFileInto,
  sha256Hex: (bytes) => createHash('sha256').update(bytes).digest('hex'),
  cores: () => availableParallelism(),
  startWorker: (url, data) => new Worker(workerBootstrap(url), { eval: true, workerData: data }),
};

/** Chunk of a large file read at a time (each a progress report). */
const CHUNK = 8 << 20;

/** Reads a file into `target` chunk by chunk (never held twice); returns the file's size. */
async function readFileInto(url: URL, target: Uint8Array, progress?: (loaded: number) => void): Promise<number> {
  const file = await open(url);
  try {
    const size = (await file.stat()).size;
    if (size !== target.byteLength) return size;
    for (let at = 0; at < size;) {
      const { bytesRead } = await file.read(target, at, Math.min(CHUNK, size - at), at);
      if (bytesRead === 0) return at;
      at += bytesRead;
      progress?.(at);
    }
    return size;
  } finally {
    await file.close();
  }
}

/**
 * A pool thread's code: imports the worker module at `entry` (runtime/wasm/worker.js, which names no Node
 * module, so that bundlers take it as it is) and serves it this thread's workerData. From TypeScript sources
 * under tsx (tests, scratch benchmarks) it registers tsx's loader first: Node 20 does not pass loader hooks
 * on to worker threads.
 */
function workerBootstrap(entry: URL): string {
  const start = `Promise.all([import('node:worker_threads'), import(${JSON.stringify(entry.href)})])`
    + ".then(([t, w]) => w.serve(t.workerData, () => t.parentPort.postMessage('ready')))";
  if (!entry.pathname.endsWith('.ts')) return `${start};`;
  const api = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(api)}).then((m) => { m.register(); return ${start}; });`;
}
