// What a generated index.ts tells the runtime about its package (file names, shapes, targets), and the
// small interface every backend adapter implements for the model facade.

import type { ArchConfig, ExitTable, HeadConfig } from '../../contract/model.ts';
import type { FileSource } from './files.ts';
import type { NodeHost } from '../host.ts';

export type BackendName = 'wasm' | 'webgpu';

/** The package-wide facts baked into index.ts by the compiler. */
export interface PackageInfo {
  readonly name: string;
  readonly specSha256: string;
  readonly arch: ArchConfig;
  readonly head: HeadConfig;
  readonly exitTable: string;        // file of the uint8 exit table, [vocab size]
  readonly tokenizer: string | null; // tokenizer.json, when the spec has one
  readonly backends: readonly BackendName[]; // compiled targets; the first is the default
}

/** One call's outputs from a backend, in input order (float32). */
export interface BackendOutput {
  readonly exits: number[][];            // [B][len]
  readonly lastHidden?: Float32Array[];  // [B] of [len, d]
  readonly logits?: Float32Array[];      // [B] of [N] (sequence heads) or [len, N] (token head)
}

export interface BackendCall {
  readonly ids: readonly (readonly number[])[];
  readonly typeIds: readonly (readonly number[])[];
  readonly fullDepth: boolean;
  /** Return h^L of every token; when false a sequence head cuts the last layer to [CLS] rows. */
  readonly hidden: boolean;
}

export interface Backend {
  readonly name: BackendName;
  /** What the engine chose: module variant and threads, or the adapter. */
  readonly info: string;
  run(call: BackendCall): Promise<BackendOutput>;
  dispose(): void;
}

/** What a backend adapter receives when a package is loaded. */
export interface OpenContext {
  readonly info: PackageInfo;
  readonly files: FileSource;
  readonly exitTable: ExitTable;
  /** Node's facilities (runtime/node.ts) when the package was loaded through its Node entry. */
  readonly node?: NodeHost;
}
