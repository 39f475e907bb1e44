// Types of the reference executor: the oracle every backend is compared against.

import type { WorkCount } from '../plan.ts';

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
  readonly ids: readonly (readonly number[])[];             // ragged batch of token ids
  readonly typeIds?: readonly (readonly number[])[];        // token type ids, default all 0
}

export interface RunOptions {
  readonly precision?: Precision;        // default 'f64'
  readonly form?: 'compact' | 'masked';  // default 'compact'
  readonly fullDepth?: boolean;          // ignore the exit table
}

export interface RunResult {
  readonly exits: number[][];            // [B][len] exit layer used for each input token
  readonly lastHidden: Float64Array[];   // [B] of [len, d] row-major, input order: h^L
  readonly pooled?: Float64Array[];      // [B] of [d] (sequence heads)
  readonly logits?: Float64Array[];      // [B] of [N] (sequence heads) or [len, N] (token head)
  readonly work: WorkCount;              // countWork of the batch's plan (cost model; also for 'masked')
}

/** Options of runReferenceClsOnly (always the compact form). */
export interface ClsOnlyOptions {
  readonly precision?: Precision;        // default 'f64'
  readonly fullDepth?: boolean;          // ignore the exit table
}

/**
 * Result of runReferenceClsOnly: layer L computed Q onward for the position-0 ([CLS]) rows only
 * (planBatch's clsOnlyLastLayer), so h^L exists for position 0 alone and no lastHidden is returned.
 */
export interface ClsOnlyResult {
  readonly exits: number[][];            // [B][len] exit layer used for each input token
  readonly clsHidden: Float64Array[];    // [B] of [d]: h^L at position 0
  readonly pooled?: Float64Array[];      // [B] of [d] (sequence heads)
  readonly logits?: Float64Array[];      // [B] of [N] (sequence heads)
  readonly work: WorkCount;              // MACs executed under the cost model (last layer cut)
}
