// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// Node's side of the runtime (runtime/host.ts's NodeHost): with runtime/webgpu/node.ts (Dawn) the only runtime
// modules that import Node's own. A package's Node entry (index.js) passes `nodeHost` to load(); its browser
// entry never reaches here.
import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
export const nodeHost = {
    readFile: async (url) => new Uint8Array(await readFile(url)),
    readFileInto,
    sha256Hex: (bytes) => createHash('sha256').update(bytes).digest('hex'),
    cores: () => availableParallelism(),
    startWorker: (url, data) => (url.pathname.endsWith('.ts')
        ? new Worker(tsSourceBootstrap(url), { eval: true, workerData: data })
        : new Worker(url, { workerData: data })),
};
/** Chunk of a large file read at a time (each a progress report). */
const CHUNK = 8 << 20;
/** Reads a file into `target` chunk by chunk (never held twice); returns the file's size. */
async function readFileInto(url, target, progress) {
    const file = await open(url);
    try {
        const size = (await file.stat()).size;
        if (size !== target.byteLength)
            return size;
        for (let at = 0; at < size;) {
            const { bytesRead } = await file.read(target, at, Math.min(CHUNK, size - at), at);
            if (bytesRead === 0)
                return at;
            at += bytesRead;
            progress?.(at);
        }
        return size;
    }
    finally {
        await file.close();
    }
}
/**
 * Running from TypeScript sources under tsx (tests, scratch benchmarks): Node 20 does not pass tsx's
 * loader hooks on to worker threads, so the worker registers them before importing its entry.
 */
function tsSourceBootstrap(entry) {
    const api = import.meta.resolve('tsx/esm/api');
    return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
}
