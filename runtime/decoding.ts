// The decoder's cost model and step plan, shared by every encoder-decoder backend (reference, WASM, WebGPU):
// the MACs of one row of a step (docs/hashee.md 4.3), the rows of a step ordered by exit layer so each
// layer's active rows are a prefix, and the work of a whole generation.

import type { ExitTable } from '../contract/model.ts';
import { encoderArch, type Seq2SeqArch } from '../contract/seq2seq.ts';
import { countWork, exitOf, planBatch } from './plan.ts';
import type { SearchResult, StepRow } from './search.ts';

/** Multiply-accumulates executed under the cost model (docs/hashee.md section 3 and 4.3). */
export interface GenerationWork {
  readonly encoder: number;   // the encoder stack (its HashEE cost model)
  readonly cross: number;     // cross-attention K/V of the final encoder states, once per input
  readonly decoder: number;   // every decoder step run, over all beams
  readonly head: number;      // LM head products
  readonly macs: number;
  readonly flops: number;     // 2 x macs
  /** The same steps (same hypotheses, same source) at full depth: the baseline of the exits' savings. */
  readonly fullDepthMacs: number;
}

/**
 * MACs of one row of a decoder step at position pos over n source tokens, running `layers` of the L_dec
 * layers past K/V: self K/V at every layer; Q and the two output projections, self-attention over pos + 1
 * keys, cross-attention over n and the FFN at each layer run.
 */
export function stepRowMacs(a: Seq2SeqArch, pos: number, n: number, layers: number): number {
  const d = a.hidden;
  return a.decoderLayers * 2 * d * d + layers * (4 * d * d + 2 * (pos + 1) * d + 2 * n * d + 2 * d * a.ffn);
}

/**
 * A step's rows by exit layer: `exits[i]` of rows[i] (every layer under fullDepth); `order` the rows by
 * exit descending (ties: row order), so that `active[l]` (rows running layer l + 1) are its first rows.
 */
export function stepPlan(rows: readonly StepRow[], table: ExitTable, L: number, fullDepth: boolean): { exits: number[]; order: number[]; active: number[] } {
  const exits = rows.map((row) => (fullDepth ? L : exitOf(table, row.id, L)));
  const order = rows.map((_, i) => i).sort((x, y) => exits[y]! - exits[x]! || x - y);
  const active = Array.from({ length: L }, (_, l) => exits.filter((k) => k > l).length);
  return { exits, order, active };
}

/** The work of one generation from `source`: the encoder's MACs as run, cross K/V, the search's steps and the LM head. */
export function generationWork(a: Seq2SeqArch, encoderTable: ExitTable, source: readonly number[], encoderMacs: number, search: SearchResult): GenerationWork {
  const d = a.hidden;
  const head = search.steps * d * a.vocabSize;
  const cross = a.decoderLayers * 2 * source.length * d * d;
  const encoderFull = countWork(planBatch(encoderTable, [source], a.encoderLayers, { fullDepth: true }), encoderArch(a)).macs;
  const macs = encoderMacs + cross + search.macs + head;
  return { encoder: encoderMacs, cross, decoder: search.macs, head, macs, flops: 2 * macs, fullDepthMacs: encoderFull + cross + search.fullDepthMacs + head };
}
