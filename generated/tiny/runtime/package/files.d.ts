// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import type { FileDigest } from '../../contract/manifest.js';
import type { NodeHost } from '../host.js';
/** The part of fetch the loader uses (the global fetch, or a caller's, e.g. with credentials). */
export type FetchLike = (url: string) => Promise<{
    readonly ok: boolean;
    readonly status: number;
    readonly statusText: string;
    arrayBuffer(): Promise<ArrayBuffer>;
}>;
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
export declare function filesUnder(base: URL): FileLocator;
/**
 * The package files `locate` finds. With `digests` (manifest.json's `files`) a file
 * not listed there, or whose size or sha256 differs, is a PackageError naming it. `node` reads file: URLs.
 * `onProgress` hears of every file read: chunk by chunk for the large blobs read into place, once done for
 * the others.
 */
export declare function packageFiles(locate: FileLocator, fetchImpl?: FetchLike, digests?: ReadonlyMap<string, FileDigest>, node?: NodeHost, onProgress?: (p: LoadProgress) => void): FileSource;
/** A float32 view of little-endian bytes, copied only when they are not 4-byte aligned. */
export declare function float32View(bytes: Uint8Array, path: string): Float32Array<ArrayBuffer>;
/** A uint16 view of little-endian bytes (float16 bits), copied only when they are not 2-byte aligned. */
export declare function uint16View(bytes: Uint8Array, path: string): Uint16Array<ArrayBuffer>;
export declare function readJson(source: FileSource, path: string): Promise<unknown>;
/** A caller's baseUrl, else the entry's file URLs, else the entry's own directory. */
export declare function fileLocator(pkg: {
    readonly moduleUrl: string;
    readonly urls?: Readonly<Record<string, URL>>;
}, baseUrl: string | URL | undefined): FileLocator;
