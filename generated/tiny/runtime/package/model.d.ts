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
    /**
     * Cut an input longer than max_positions to its first max_positions tokens (text keeps its final [SEP]);
     * default false: such an input is an error.
     */
    readonly truncate?: boolean;
    /** Token types (segment ids) of id input, shaped like it ([len], or one per input of a batch); default 0. */
    readonly typeIds?: TokenIds | readonly TokenIds[];
}
/** Token ids (or types) of one input: a plain array, or a typed array of integers. */
export type TokenIds = readonly number[] | Int32Array | Uint32Array | Uint16Array | Uint8Array;
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
    run(input: TokenIds | string, options?: ModelRunOptions): Promise<ModelResult>;
    run(input: readonly TokenIds[] | readonly string[], options?: ModelRunOptions): Promise<ModelBatchResult>;
    /** The ids (with [CLS]/[SEP]) and vocabulary entries run(text) would use (packages with a tokenizer). */
    tokenize(text: string): Promise<{
        readonly ids: number[];
        readonly tokens: string[];
    }>;
    /** Releases the engine (worker threads, GPU memory); run() fails afterwards, a second dispose() does nothing. */
    dispose(): void;
}
export declare function createModel(info: PackageInfo, table: ExitTable, backend: Backend, tokenizer: () => Promise<TextTokenizer>): Model;
