// Reads a package's files from the URL each name is found at (relative to a base URL, or as the browser
// entry wrote them for bundlers): Node's file reads for file: URLs (through the NodeHost the package's Node
// entry passes in), fetch everywhere else. With the manifest's digests every file read is
// checked against its recorded size and sha256.

import { PackageError } from './errors.ts';
import type { FileDigest } from '../../contract/manifest.ts';
import { mismatch, sha256Hex } from './digest.ts';
import type { NodeHost } from '../host.ts';

/** The part of fetch the loader uses (the global fetch, or a caller's, e.g. with credentials). */
export type FetchLike = (url: string) => Promise<{ readonly ok: boolean; readonly status: number; readonly statusText: string; arrayBuffer(): Promise<ArrayBuffer> }>;

/** Progress of the files a load reads: bytes of `file` read so far out of `total` (its size when known). */
export interface LoadProgress {
  readonly file: string;
  readonly loaded: number;
  readonly total: number | undefined;
}

export interface FileSource {
  /** Bytes of a package file; `path` is relative to the package root ('wasm/weights.bin'). */
  read(path: string): Promise<Uint8Array>;
  /** Reads a file of exactly target.byteLength bytes straight into `target` (large blobs are never held twice). */
  readInto(path: string, target: Uint8Array): Promise<void>;
}

/** Where a package file is: `path` is relative to the package root ('wasm/weights.bin'). */
export type FileLocator = (path: string) => URL;

/** Files under `base` (a directory URL ending in '/'). */
export function filesUnder(base: URL): FileLocator {
  return (path) => new URL(path, base);
}

/**
 * The package files `locate` finds. With `digests` (manifest.json's `files`) a file
 * not listed there, or whose size or sha256 differs, is a PackageError naming it. `node` reads file: URLs.
 * `onProgress` hears of every file read: chunk by chunk for the large blobs read into place, once done for
 * the others.
 */
export function packageFiles(locate: FileLocator, fetchImpl?: FetchLike, digests?: ReadonlyMap<string, FileDigest>, node?: NodeHost, onProgress?: (p: LoadProgress) => void): FileSource {
  const local = (url: URL): boolean => url.protocol === 'file:' && node !== undefined && !fetchImpl;
  const fail = (path: string, url: URL, e: unknown): PackageError =>
    e instanceof PackageError ? e : new PackageError('file', `cannot read package file ${path} (${url.href}): ${(e as Error).message}`);
  const get = async (url: URL): Promise<Awaited<ReturnType<FetchLike>>> => {
    const f = fetchImpl ?? (globalThis.fetch as FetchLike | undefined);
    if (!f) throw new Error('no fetch in this environment: pass options.fetch');
    const res = await f(url.href);
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
    return res;
  };
  const expected = (path: string): FileDigest | undefined => {
    if (!digests) return undefined;
    const want = digests.get(path);
    if (!want) throw new PackageError('file', `package file ${path} is not listed in manifest.json`);
    return want;
  };
  // node:crypto on the Node path, WebCrypto or the JS hash elsewhere
  const hash = async (bytes: Uint8Array, url: URL): Promise<string> => (local(url) ? node!.sha256Hex(bytes) : sha256Hex(bytes));
  const verify = async (path: string, url: URL, want: FileDigest | undefined, bytes: Uint8Array): Promise<void> => {
    if (!want) return;
    const sha256 = await hash(bytes, url);
    if (bytes.byteLength !== want.bytes || sha256 !== want.sha256) throw mismatch(path, want, { bytes: bytes.byteLength, sha256 });
  };
  return {
    async read(path) {
      const url = locate(path);
      try {
        const want = expected(path);
        let bytes: Uint8Array;
        if (local(url)) {
          bytes = await node!.readFile(url);
        } else {
          bytes = new Uint8Array(await (await get(url)).arrayBuffer());
        }
        onProgress?.({ file: path, loaded: bytes.byteLength, total: want?.bytes ?? bytes.byteLength });
        await verify(path, url, want, bytes);
        return bytes;
      } catch (e) {
        throw fail(path, url, e);
      }
    },
    async readInto(path, target) {
      const url = locate(path);
      try {
        const want = expected(path);
        if (want && want.bytes !== target.byteLength) {
          throw new PackageError('file', `package file ${path}: manifest.json records ${want.bytes} bytes, the model's layout needs ${target.byteLength}`);
        }
        const progress = (loaded: number): void => onProgress?.({ file: path, loaded, total: target.byteLength });
        const got = local(url) ? await node!.readFileInto(url, target, progress) : await streamInto(await get(url), target, progress);
        if (got !== target.byteLength) {
          throw want ? mismatch(path, want, { bytes: got }) : new PackageError('file', `package file ${path} has ${got} bytes, expected ${target.byteLength}`);
        }
        await verify(path, url, want, target); // hashed in place: the blob is not copied
      } catch (e) {
        throw fail(path, url, e);
      }
    },
  };
}

/** fetch: copies the response body into `target` as it arrives; returns the number of bytes received. */
async function streamInto(res: Awaited<ReturnType<FetchLike>>, target: Uint8Array, progress: (loaded: number) => void): Promise<number> {
  const body = (res as { body?: ReadableStream<Uint8Array> | null }).body;
  if (!body) {
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.byteLength === target.byteLength) target.set(bytes);
    progress(bytes.byteLength);
    return bytes.byteLength;
  }
  const reader = body.getReader();
  let at = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    if (at + r.value.byteLength > target.byteLength) { await reader.cancel(); return at + r.value.byteLength; }
    target.set(r.value, at);
    at += r.value.byteLength;
    progress(at);
  }
  return at;
}

/** A float32 view of little-endian bytes, copied only when they are not 4-byte aligned. */
export function float32View(bytes: Uint8Array, path: string): Float32Array<ArrayBuffer> {
  if (bytes.byteLength % 4 !== 0) throw new PackageError('file', `${path} has ${bytes.byteLength} bytes, not a whole number of float32 values`);
  const own = bytes.byteOffset % 4 === 0 && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
  return new Float32Array(own.buffer as ArrayBuffer, own.byteOffset, own.byteLength / 4);
}

/** A uint16 view of little-endian bytes (float16 bits), copied only when they are not 2-byte aligned. */
export function uint16View(bytes: Uint8Array, path: string): Uint16Array<ArrayBuffer> {
  if (bytes.byteLength % 2 !== 0) throw new PackageError('file', `${path} has ${bytes.byteLength} bytes, not a whole number of float16 values`);
  const own = bytes.byteOffset % 2 === 0 && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
  return new Uint16Array(own.buffer as ArrayBuffer, own.byteOffset, own.byteLength / 2);
}

export async function readJson(source: FileSource, path: string): Promise<unknown> {
  const bytes = await source.read(path);
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch (e) {
    throw new PackageError('file', `package file ${path} is not valid JSON: ${(e as Error).message}`);
  }
}

/** A caller's baseUrl, else the entry's file URLs, else the entry's own directory. */
export function fileLocator(pkg: { readonly moduleUrl: string; readonly urls?: Readonly<Record<string, URL>> }, baseUrl: string | URL | undefined): FileLocator {
  const base = new URL(baseUrl ?? './', pkg.moduleUrl);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const under = filesUnder(base);
  const urls = baseUrl === undefined ? pkg.urls : undefined;
  return urls ? (path) => (Object.hasOwn(urls, path) ? urls[path]! : under(path)) : under;
}
