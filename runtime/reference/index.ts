// Reference executor: the plain-loop oracle every backend is compared against (docs/hashee.md section 1).

import { checkWeights, headOutputs, type ExitTable, type Model } from '../../contract/model.ts';
import { checkBatch } from '../input.ts';
import { countWork, planBatch, type BatchPlan } from '../plan.ts';
import type { ClsOnlyOptions, ClsOnlyResult, RunInput, RunOptions, RunResult } from './api.ts';
import { runProgram } from './program.ts';
import { encoderProgram } from '../../contract/program.ts';
import { applyHead } from './head.ts';
import { maskedForward } from './masked.ts';
import { storeFor } from './math.ts';

export type { ClsOnlyOptions, ClsOnlyResult, Precision, RunInput, RunOptions, RunResult } from './api.ts';
export { erf, gelu, geluTanh } from './math.ts';

/**
 * Runs the encoder with HashEE exits and the head. 'compact' (default) follows planBatch's packed prefix
 * layout; 'masked' computes every padded position and selects. `work` is countWork of the batch's plan
 * (the HashEE cost model), for both forms. Invalid input (ids, lengths, types) throws a RangeError.
 */
export function runReference(model: Model, table: ExitTable, input: RunInput, opts: RunOptions = {}): RunResult {
  checkModel(model);
  const types = checkInput(model, input);
  const store = storeFor(opts.precision ?? 'f64');
  const fullDepth = !!opts.fullDepth;
  const plan = planBatch(table, input.ids, model.arch.layers, { fullDepth });
  const work = countWork(plan, model.arch);
  if (opts.form === 'masked') {
    if (opts.precision === 'int8') throw new RangeError('the int8 reference runs in the compact form only');
    const { exits, hidden } = maskedForward(model, table, input.ids, types, fullDepth, store);
    return { exits, lastHidden: hidden, ...applyHead(model, hidden, store), work };
  }
  const program = encoderProgram(model.arch, model.head);
  const buffers = runProgram(model, program, plan, flatten(input.ids), flatten(types), store, opts.precision === 'int8');
  const d = model.arch.hidden;
  const H = buffers.get(program.output)!;
  const lastHidden = inputOrder(plan, H, d);
  return { exits: unpackExits(plan, input), lastHidden, ...headOutputsOf(model, plan, buffers), work };
}

/**
 * Compact form with the last layer cut to [CLS] rows (sequence-level heads read only [CLS]): same
 * pooled/logits as runReference, less work. Returns h^L of position 0 only (see ClsOnlyResult).
 */
export function runReferenceClsOnly(model: Model, table: ExitTable, input: RunInput, opts: ClsOnlyOptions = {}): ClsOnlyResult {
  checkModel(model);
  if (model.head.kind === 'token') throw new RangeError('the [CLS]-only last layer needs a sequence-level head, not a token head');
  const types = checkInput(model, input);
  const store = storeFor(opts.precision ?? 'f64');
  const plan = planBatch(table, input.ids, model.arch.layers, { fullDepth: !!opts.fullDepth, clsOnlyLastLayer: true });
  const program = encoderProgram(model.arch, model.head);
  const buffers = runProgram(model, program, plan, flatten(input.ids), flatten(types), store, opts.precision === 'int8');
  const d = model.arch.hidden;
  const H = buffers.get(program.output)!;
  const clsHidden = input.ids.map((_, s) => {
    const r = plan.rowOf[plan.seqStart[s]!]!;
    return H.slice(r * d, (r + 1) * d);
  });
  return { exits: unpackExits(plan, input), clsHidden, ...headOutputsOf(model, plan, buffers), work: countWork(plan, model.arch) };
}

/** [B] of [len, width] in input order from packed rows [n, width]. */
function inputOrder(plan: BatchPlan, packed: Float64Array, width: number): Float64Array[] {
  return Array.from({ length: plan.seqCount }, (_, s) => {
    const len = plan.seqStart[s + 1]! - plan.seqStart[s]!;
    const h = new Float64Array(len * width);
    for (let p = 0; p < len; p++) {
      const r = plan.rowOf[plan.seqStart[s]! + p]!;
      h.set(packed.subarray(r * width, (r + 1) * width), p * width);
    }
    return h;
  });
}

/** pooled and logits of the program's head steps, per sequence (token head: [len, N] in input order). */
function headOutputsOf(model: Model, plan: BatchPlan, buffers: ReadonlyMap<string, Float64Array>): { pooled?: Float64Array[]; logits?: Float64Array[] } {
  const head = model.head;
  if (head.kind === 'none') return {};
  const N = headOutputs(head), d = model.arch.hidden;
  const logits = buffers.get('logits')!;
  if (head.kind === 'token') return { logits: inputOrder(plan, logits, N) };
  const perSeq = (b: Float64Array, w: number): Float64Array[] => Array.from({ length: plan.seqCount }, (_, s) => b.slice(s * w, (s + 1) * w));
  return { pooled: perSeq(buffers.get('pooled')!, d), logits: perSeq(logits, N) };
}

function unpackExits(plan: BatchPlan, input: RunInput): number[][] {
  return input.ids.map((seq, s) => seq.map((_, p) => plan.exitOfRow[plan.rowOf[plan.seqStart[s]! + p]!]!));
}

function flatten(batch: readonly (readonly number[])[]): Int32Array {
  return Int32Array.from(batch.flat());
}

/** The weights a model's architecture needs (projection, final LayerNorm, one shared layer object) are there. */
function checkModel(model: Model): void {
  const a = model.arch;
  const w = model.weights;
  const E = a.embeddingSize, d = a.hidden;
  if (a.hidden % a.heads !== 0) throw new RangeError(`hidden size ${a.hidden} is not divisible by ${a.heads} heads`);
  if (w.layers.length !== a.layers) {
    throw new RangeError(`model has ${w.layers.length} layers of weights, arch says ${a.layers}`);
  }
  if (E === d && w.embProjW) throw new RangeError(`an embedding projection needs embedding size != hidden (both ${d})`);
  if (a.sharedLayers && w.layers.some((l) => l !== w.layers[0])) {
    throw new RangeError('shared layers: weights.layers must hold the same object at every depth');
  }
  checkWeights(model);
}

/** Validates ids and token types; returns the token types (all 0 when absent), same ragged shape. */
function checkInput(model: Model, input: RunInput): (readonly number[])[] {
  return checkBatch(model.arch, input.ids, input.typeIds, (message) => { throw new RangeError(message); });
}
