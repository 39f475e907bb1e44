// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import { type FileDigest } from '../../contract/manifest.js';
import type { ArchConfig, HeadConfig } from '../../contract/model.js';
import { PackageError } from './errors.js';
/**
 * manifest.json's `files`, checked for shape; the manifest must come from the build of this index.js: its
 * format, spec hash, name, architecture and head are the ones index.js was generated with. (manifest.json
 * cannot list its own hash; its other fields are informational and not read.)
 */
export declare function manifestDigests(manifest: unknown, info: {
    readonly specSha256: string;
    readonly name: string;
    readonly arch: ArchConfig;
    readonly head: HeadConfig;
}): ReadonlyMap<string, FileDigest>;
/** The error for a file whose size or hash differs from its manifest entry. */
export declare function mismatch(path: string, want: FileDigest, got: {
    readonly bytes: number;
    readonly sha256?: string;
}): PackageError;
/**
 * sha256 of `bytes` as hex, in browsers and any fetch-based load: WebCrypto's digest when it exists (a
 * secure context) and the bytes are not in shared memory (digest refuses those: a threaded WASM engine's
 * weights), the incremental JS hash otherwise (it reads the bytes in place, without a copy).
 */
export declare function sha256Hex(bytes: Uint8Array): Promise<string>;
/** Incremental SHA-256 over chunks (FIPS 180-4 section 6.2). */
export declare class Sha256 {
    private readonly h;
    private readonly w;
    private readonly block;
    private used;
    private length;
    update(data: Uint8Array): this;
    /** The digest as hex; the hash cannot be updated afterwards. */
    hex(): string;
    /** One 64-byte block of `d` at byte `at`: words are big-endian. */
    private compress;
}
