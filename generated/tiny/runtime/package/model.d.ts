// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import type { ArchConfig, ExitTable, HeadConfig } from '../../contract/model.js';
import { type WorkCount } from '../plan.js';
import type { TextTokenizer } from '../tokenizer.js';
import type { Backend, BackendName, PackageInfo } from './types.js';
export interface ModelRunOptions {
    /** Ignore the exit table: every token runs all layers. */
    readonly fullDepth?: boolean;
    /** Default 'logits' when the model has a head, else 'last-hidden' (h^L of every token). */
    readonly output?: 'logits' | 'last-hidden';
}
/** Result of one input. */
export interface ModelResult {
    readonly exits: number[];
    readonly logits?: Float32Array;
    readonly lastHidden?: Float32Array;
    readonly flops: number;
}
/** Result of a batch, sequence by sequence. */
export interface ModelBatchResult {
    readonly exits: number[][];
    readonly logits?: Float32Array[];
    readonly lastHidden?: Float32Array[];
    readonly flops: number;
    readonly work: WorkCount;
}
export interface Model {
    readonly name: string;
    readonly arch: ArchConfig;
    readonly head: HeadConfig;
    readonly backend: BackendName;
    /** What the backend chose (module variant and threads, or the GPU adapter). */
    readonly info: string;
    /** Token ids (with [CLS]/[SEP] as the model expects) or text (packages with a tokenizer). */
    run(input: readonly number[] | string, options?: ModelRunOptions): Promise<ModelResult>;
    run(input: readonly (readonly number[])[] | readonly string[], options?: ModelRunOptions): Promise<ModelBatchResult>;
    /** The ids (with [CLS]/[SEP]) and vocabulary entries run(text) would use (packages with a tokenizer). */
    tokenize(text: string): Promise<{
        readonly ids: number[];
        readonly tokens: string[];
    }>;
    /** Releases the engine (worker threads, GPU memory); run() fails afterwards. */
    dispose(): void;
}
export declare function createModel(info: PackageInfo, table: ExitTable, backend: Backend, tokenizer: () => Promise<TextTokenizer>): Model;
