// Reads a package's files relative to its base URL: node:fs in Node for file: URLs (imported only on that
// path), fetch everywhere else. No Node-only API is reached on the browser path.

import { PackageError } from './errors.ts';

/** The part of fetch the loader uses (the global fetch, or a caller's, e.g. with credentials). */
export type FetchLike = (url: string) => Promise<{ readonly ok: boolean; readonly status: number; readonly statusText: string; arrayBuffer(): Promise<ArrayBuffer> }>;

export interface FileSource {
  /** Bytes of a package file; `path` is relative to the package root ('wasm/weights.bin'). */
  read(path: string): Promise<Uint8Array>;
}

function isNode(): boolean {
  return typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';
}

/** Files under `base` (a directory URL ending in '/'). */
export function packageFiles(base: URL, fetchImpl?: FetchLike): FileSource {
  return {
    async read(path) {
      const url = new URL(path, base);
      try {
        if (url.protocol === 'file:' && isNode() && !fetchImpl) {
          const fs = await import('node:fs/promises');
          return new Uint8Array(await fs.readFile(url));
        }
        const get = fetchImpl ?? (globalThis.fetch as FetchLike | undefined);
        if (!get) throw new Error('no fetch in this environment: pass options.fetch');
        const res = await get(url.href);
        if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
        return new Uint8Array(await res.arrayBuffer());
      } catch (e) {
        throw new PackageError('file', `cannot read package file ${path} (${url.href}): ${(e as Error).message}`);
      }
    },
  };
}

/** A float32 view of little-endian bytes, copied only when they are not 4-byte aligned. */
export function float32View(bytes: Uint8Array, path: string): Float32Array<ArrayBuffer> {
  if (bytes.byteLength % 4 !== 0) throw new PackageError('file', `${path} has ${bytes.byteLength} bytes, not a whole number of float32 values`);
  const own = bytes.byteOffset % 4 === 0 && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
  return new Float32Array(own.buffer as ArrayBuffer, own.byteOffset, own.byteLength / 4);
}

export async function readJson(source: FileSource, path: string): Promise<unknown> {
  const bytes = await source.read(path);
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch (e) {
    throw new PackageError('file', `package file ${path} is not valid JSON: ${(e as Error).message}`);
  }
}
