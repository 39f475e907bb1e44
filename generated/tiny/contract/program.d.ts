// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import { type Activation, type ArchConfig, type HeadConfig, type PoolerActivation, type WeightName } from './model.js';
/**
 * embed: word + position (+ token type) embedding rows; norm: LayerNorm of rows; linear: rows @ W + b
 * with an epilogue; attention: each active row's scaled dot-product attention over its own sequence's
 * keys (the exited tokens' included), softmax, context.
 */
export type Op = 'embed' | 'norm' | 'linear' | 'attention';
export declare const OPS: readonly Op[];
/**
 * Activation buffers. Rows are tokens in packed order (runtime/plan.ts) except 'pooled' and, for sequence
 * heads, 'logits' (one row per sequence). Widths: bufferWidth().
 */
export type Buffer = 'emb' | 'embNorm' | 'h' | 'x' | 't' | 'q' | 'kv' | 'ctx' | 'ffn' | 'pooled' | 'logits';
export declare const BUFFERS: readonly Buffer[];
/**
 * Rows a step covers: every token ('all'); the layer's active prefix ('prefix': active[l] of the plan,
 * the tokens not yet exited, packed first); one row per sequence read from its [CLS] (position 0) row
 * ('cls'); one row per sequence read from row s ('seqs').
 */
export type Rows = 'all' | 'prefix' | 'cls' | 'seqs';
/** Linear products of the program; the weight columns of `w` sit side by side (kv = [Wk | Wv]). */
export type LinearName = 'embProj' | 'q' | 'kv' | 'o' | 'f1' | 'f2' | 'pooler' | 'classifier';
export type NormName = 'embLn' | 'ln1' | 'ln2' | 'finalLn';
export interface LinearWeights {
    readonly w: readonly WeightName[];
    readonly b: readonly WeightName[];
}
export declare const LINEARS: Record<LinearName, LinearWeights>;
export declare const NORMS: Record<NormName, {
    readonly gamma: WeightName;
    readonly beta: WeightName;
}>;
/** What a linear step does after `x @ W + b`: nothing, add a residual buffer, or an activation. */
export type Epilogue = 'none' | 'residual' | Activation | PoolerActivation;
/** Names of the steps: unique within a program (backends name kernels and modules after them). */
export type StepName = 'embed' | 'embedNorm' | 'embedProject' | 'attnNorm' | 'kv' | 'query' | 'attention' | 'attnOut' | 'ffnNorm' | 'ffnUp' | 'ffnDown' | 'finalNorm' | 'pooler' | 'classifier' | 'tokenHead';
export type EmbedStep = {
    readonly op: 'embed';
    readonly name: StepName;
    readonly out: Buffer;
    readonly rows: 'all';
};
export type NormStep = {
    readonly op: 'norm';
    readonly name: StepName;
    readonly weights: NormName;
    readonly x: Buffer;
    readonly out: Buffer;
    readonly rows: Rows;
};
export type LinearStep = {
    readonly op: 'linear';
    readonly name: StepName;
    readonly weights: LinearName;
    readonly x: Buffer;
    readonly out: Buffer;
    readonly rows: Rows;
    readonly epilogue: Epilogue;
    readonly residual?: Buffer;
};
export type AttentionStep = {
    readonly op: 'attention';
    readonly name: StepName;
    readonly q: Buffer;
    readonly kv: Buffer;
    readonly out: Buffer;
    readonly rows: 'prefix';
};
export type Step = EmbedStep | NormStep | LinearStep | AttentionStep;
export type StepOf<O extends Op> = Extract<Step, {
    op: O;
}>;
/** Where a step's weights come from: the embedding tensors, the current layer's, or the final/head ones. */
export type Stage = 'embed' | 'layer' | 'final' | 'head';
export declare const STAGES: readonly Stage[];
export interface Program {
    readonly arch: ArchConfig;
    readonly head: HeadConfig;
    /** Steps of each stage; 'layer' runs for l = 1..L with layer l's weights and prefix active[l]. */
    readonly steps: Readonly<Record<Stage, readonly Step[]>>;
    /** The buffer holding h^L (packed rows) once 'final' has run: what the head reads and 'last hidden' returns. */
    readonly output: Buffer;
}
/** Every step with its stage, in execution order (the layer steps once). */
export declare function programSteps(p: Program): {
    readonly stage: Stage;
    readonly step: Step;
}[];
/**
 * The program of a model. Post-LN (BERT) layer: K/V of every row from h, Q onward on the prefix,
 * h = LN2(x + FFN(x)) with x = LN1(h + O(attention)). Pre-LN layer: x = LN1(h) for every row (its K/V need
 * it), t = h + O(attention(x)), h = t + FFN(LN2(t)) on the prefix; then one final LayerNorm of every row.
 * Rows outside the prefix are never written: an exited token keeps its state (the copy-up rule).
 */
export declare function encoderProgram(arch: ArchConfig, head: HeadConfig): Program;
/** Width (floats per row) of a buffer. */
export declare function bufferWidth(buffer: Buffer, arch: ArchConfig, head: HeadConfig): number;
/** Whether a buffer holds one row per sequence (else one per token). */
export declare function perSequence(buffer: Buffer, head: HeadConfig): boolean;
/** Buffers the program reads or writes, in BUFFERS order. */
export declare function buffersOf(p: Program): Buffer[];
/** Inputs and output of a step. */
export declare function stepReads(s: Step): Buffer[];
/** [k, n] of a linear product from its weights' shapes. */
export declare function linearShape(name: LinearName, arch: ArchConfig, head: HeadConfig): {
    k: number;
    n: number;
};
/**
 * Checks the program's dataflow: every buffer a step reads was written before (by an earlier step; in a
 * layer, by the embeddings or an earlier layer), shapes agree (linear [k, n] with its buffers' widths,
 * norm width with its buffers'), step names are unique, and per-sequence buffers are only read and
 * written by per-sequence steps. Throws an Error naming the step: a failure is a compiler bug.
 */
export declare function verifyProgram(p: Program): void;
/** The program as text, one step per line (for `hashee compile --dump-after plan` and golden files). */
export declare function printProgram(p: Program): string;
