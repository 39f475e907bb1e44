// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import type { ArchConfig, ExitTable, HeadConfig } from '../../contract/model.js';
import type { FileSource } from './files.js';
import type { NodeHost } from '../host.js';
export type BackendName = 'wasm' | 'webgpu';
/** The package-wide facts baked into index.ts by the compiler. */
export interface PackageInfo {
    readonly name: string;
    readonly specSha256: string;
    readonly arch: ArchConfig;
    readonly head: HeadConfig;
    readonly exitTable: string;
    readonly tokenizer: string | null;
    readonly backends: readonly BackendName[];
}
/** One call's outputs from a backend, in input order (float32). */
export interface BackendOutput {
    readonly exits: number[][];
    readonly lastHidden?: Float32Array[];
    readonly logits?: Float32Array[];
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
