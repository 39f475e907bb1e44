// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import type { WorkCount } from '../plan.js';
/**
 * 'f64': Float64 arithmetic throughout. 'f32': the same arithmetic (products summed in f64), with every
 * tensor an unfused float32 graph would materialise rounded to float32 when stored: embedding sum, each
 * LayerNorm output, Q/K/V, scaled scores, softmax weights, attention context, each projection output
 * (bias included), each residual sum, FFN pre-activation and activation, pooler pre-tanh and output, logits.
 * 'int8': 'f32' with every product but the classifier computed as the WASM int8 target does
 * (contract/quant.ts: per-column int8 weights, per-row int8 activations, exact integer sums); compact form only.
 */
export type Precision = 'f32' | 'f64' | 'int8';
export interface RunInput {
    readonly ids: readonly (readonly number[])[];
    readonly typeIds?: readonly (readonly number[])[];
}
export interface RunOptions {
    readonly precision?: Precision;
    readonly form?: 'compact' | 'masked';
    readonly fullDepth?: boolean;
}
export interface RunResult {
    readonly exits: number[][];
    readonly lastHidden: Float64Array[];
    readonly pooled?: Float64Array[];
    readonly logits?: Float64Array[];
    readonly work: WorkCount;
}
/** Options of runReferenceClsOnly (always the compact form). */
export interface ClsOnlyOptions {
    readonly precision?: Precision;
    readonly fullDepth?: boolean;
}
/**
 * Result of runReferenceClsOnly: layer L computed Q onward for the position-0 ([CLS]) rows only
 * (planBatch's clsOnlyLastLayer), so h^L exists for position 0 alone and no lastHidden is returned.
 */
export interface ClsOnlyResult {
    readonly exits: number[][];
    readonly clsHidden: Float64Array[];
    readonly pooled?: Float64Array[];
    readonly logits?: Float64Array[];
    readonly work: WorkCount;
}
