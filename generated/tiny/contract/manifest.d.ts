// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import type { ArchConfig, HeadConfig } from './model.js';
/** manifest.json's `format`: what marks a folder as a hashee package (which compile may replace). */
export declare const PACKAGE_FORMAT = "hashee-package/1";
/** The package file listing every other file's size and hash (and the compiler's facts). */
export declare const MANIFEST_FILE = "manifest.json";
/** The exit table: one uint8 per token id ([vocab size]), the number of layers that id runs, 1..L. */
export declare const EXIT_TABLE_FILE = "exits.bin";
/** manifest.json `files[path]`. */
export interface FileDigest {
    readonly bytes: number;
    readonly sha256: string;
}
/** manifest.json. */
export interface PackageManifest {
    readonly format: typeof PACKAGE_FORMAT;
    readonly generator: string;
    readonly name: string;
    readonly specSha256: string;
    readonly arch: ArchConfig;
    readonly head: HeadConfig;
    readonly exitPolicy: string;
    readonly exitTable: {
        readonly file: string;
        readonly dtype: 'uint8';
        readonly length: number;
        readonly sha256: string;
    };
    readonly tokenizer: {
        readonly file: string;
        readonly specialIds: {
            readonly cls: number;
            readonly sep: number;
            readonly pad: number;
            readonly unk: number;
            readonly mask: number;
        };
    } | null;
    readonly targets: Readonly<Record<string, unknown>>;
    readonly files: Readonly<Record<string, FileDigest>>;
}
/**
 * Checks an exit table read from a package: one entry per vocabulary id, each a layer count in 1..L.
 * Returns a message for the first problem, or undefined.
 */
export declare function exitTableProblem(table: Uint8Array, arch: ArchConfig): string | undefined;
