// The package format both sides agree on: manifest.json (what the compiler decided, and every file's size
// and sha256, which the loader checks) and the exit table file.

import type { ArchConfig, HeadConfig } from './model.ts';

/** manifest.json's `format`: what marks a folder as a hashee package (which compile may replace). */
export const PACKAGE_FORMAT = 'hashee-package/1';

/** The package file listing every other file's size and hash (and the compiler's facts). */
export const MANIFEST_FILE = 'manifest.json';

/** The exit table: one uint8 per token id ([vocab size]), the number of layers that id runs, 1..L. */
export const EXIT_TABLE_FILE = 'exits.bin';

/** manifest.json `files[path]`. */
export interface FileDigest {
  readonly bytes: number;
  readonly sha256: string; // lowercase hex
}

/** manifest.json. */
export interface PackageManifest {
  readonly format: typeof PACKAGE_FORMAT;
  readonly generator: string;                 // tool version and spec hash
  readonly name: string;
  readonly specSha256: string;
  readonly arch: ArchConfig;
  readonly head: HeadConfig;
  readonly exitPolicy: string;
  readonly exitTable: { readonly file: string; readonly dtype: 'uint8'; readonly length: number; readonly sha256: string };
  readonly tokenizer: { readonly file: string; readonly specialIds: { readonly cls: number; readonly sep: number; readonly pad: number; readonly unk: number; readonly mask: number } } | null;
  readonly targets: Readonly<Record<string, unknown>>; // per target: its file names and weight manifest
  readonly files: Readonly<Record<string, FileDigest>>; // every other file of the package
}

/**
 * Checks an exit table read from a package: one entry per vocabulary id, each a layer count in 1..L.
 * Returns a message for the first problem, or undefined.
 */
export function exitTableProblem(table: Uint8Array, arch: ArchConfig): string | undefined {
  if (table.length !== arch.vocabSize) return `has ${table.length} entries, the model's vocabulary has ${arch.vocabSize}`;
  const bad = table.findIndex((k) => k < 1 || k > arch.layers);
  return bad < 0 ? undefined : `id ${bad} has exit layer ${table[bad]}, outside 1..${arch.layers}`;
}
