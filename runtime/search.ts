// Greedy and beam search over any decoder that steps rows of (KV-cache slot, position, fed id): the
// reference executor and the WASM decoder run the same search (docs/hashee.md section 4.4).

import type { GenerationIds, Seq2SeqArch } from '../contract/seq2seq.ts';

/** One hypothesis' step: feed `id` at position `pos`, its KV cache in `slot`. */
export interface StepRow {
  readonly slot: number;
  readonly pos: number;
  readonly id: number;
}

export interface StepOut {
  readonly logits: readonly ArrayLike<number>[]; // [rows] of [V]
  readonly exits: readonly number[];             // [rows] exit layer of each fed id
  readonly macs: number;                         // cost model, this step's rows
  readonly fullDepthMacs: number;                // the same rows at full depth
}

export interface SearchDecoder {
  /** Runs one step for every row (distinct slots); writes each row's K/V at its position in its slot. */
  step(rows: readonly StepRow[]): StepOut;
  /** Copies the KV cache of slot `from` to slot `to` (positions 0..upTo-1). */
  copySlot(from: number, to: number, upTo: number): void;
}

export interface Hypothesis {
  readonly tokens: number[];  // generated ids, eos included when produced
  readonly exits: number[];   // exit layer of the id fed at each step
  readonly logp: number;      // sum of log-probabilities of the tokens
  readonly score: number;     // logp / length^lengthPenalty
}

export interface SearchResult {
  readonly best: Hypothesis;
  readonly steps: number;          // rows stepped, over all hypotheses
  readonly macs: number;
  readonly fullDepthMacs: number;
}

interface Live {
  readonly tokens: number[];
  readonly exits: number[];
  readonly logp: number;
  readonly slot: number;
}

/**
 * Beam search with `beams` hypotheses in KV-cache slots 0..beams-1: each step expands every live hypothesis
 * by its 2 x beams most likely tokens, ranks all candidates by summed log-probability (ties: earlier
 * hypothesis, then lower id), and walks the ranking until `beams` continue: a non-eos candidate continues
 * one, an eos candidate ranked among the first `beams` finishes one (as Hugging Face's beam search does).
 * Search stops once `beams` hypotheses have finished or after maxNew steps (the live ones then finish as
 * they are); the best score wins (ties: the first found). beams = 1 is greedy search (ties: the lower id).
 */
export function beamSearch(dec: SearchDecoder, ids: GenerationIds, maxNew: number, beams: number, lengthPenalty: number): SearchResult {
  return driveSync(beamSteps(ids, maxNew, beams, lengthPenalty, (f, t, n) => dec.copySlot(f, t, n)), dec);
}

/** beamSearch over a decoder whose steps resolve later (WebGPU reads its logits back asynchronously). */
export function beamSearchAsync(dec: AsyncSearchDecoder, ids: GenerationIds, maxNew: number, beams: number, lengthPenalty: number): Promise<SearchResult> {
  return driveAsync(beamSteps(ids, maxNew, beams, lengthPenalty, (f, t, n) => dec.copySlot(f, t, n)), dec);
}

/** A decoder whose step resolves later; copySlot is ordered with the steps (a GPU queue). */
export interface AsyncSearchDecoder {
  step(rows: readonly StepRow[]): Promise<StepOut>;
  copySlot(from: number, to: number, upTo: number): void;
}

/** A search as a coroutine: it yields each step's rows and is resumed with that step's output. */
type Steps = Generator<readonly StepRow[], SearchResult, StepOut>;

function driveSync(steps: Steps, dec: SearchDecoder): SearchResult {
  let r = steps.next();
  while (!r.done) r = steps.next(dec.step(r.value));
  return r.value;
}

async function driveAsync(steps: Steps, dec: AsyncSearchDecoder): Promise<SearchResult> {
  let r = steps.next();
  while (!r.done) r = steps.next(await dec.step(r.value));
  return r.value;
}

function* beamSteps(ids: GenerationIds, maxNew: number, beams: number, lengthPenalty: number, copySlot: (from: number, to: number, upTo: number) => void): Steps {
  const finished: Hypothesis[] = [];
  const finish = (tokens: number[], exits: number[], logp: number): void => {
    finished.push({ tokens, exits, logp, score: logp / Math.pow(tokens.length, lengthPenalty) });
  };
  let live: Live[] = [{ tokens: [], exits: [], logp: 0, slot: 0 }];
  let steps = 0, macs = 0, fullDepthMacs = 0;
  for (let pos = 0; pos < maxNew && finished.length < beams; pos++) {
    const r: StepOut = yield live.map((h) => ({ slot: h.slot, pos, id: pos === 0 ? ids.decoderStart : h.tokens[pos - 1]! }));
    steps += live.length;
    macs += r.macs;
    fullDepthMacs += r.fullDepthMacs;
    const candidates: { from: number; token: number; logp: number }[] = [];
    live.forEach((h, from) => {
      const lp = logSoftmax(r.logits[from]!);
      for (const token of topK(lp, 2 * beams)) candidates.push({ from, token, logp: h.logp + lp[token]! });
    });
    candidates.sort((x, y) => y.logp - x.logp || x.from - y.from || x.token - y.token);
    const chosen: { from: number; token: number; logp: number }[] = [];
    for (const [rank, c] of candidates.entries()) {
      if (chosen.length === beams) break;
      if (c.token !== ids.eos) chosen.push(c);
      else if (rank < beams) finish([...live[c.from]!.tokens, c.token], [...live[c.from]!.exits, r.exits[c.from]!], c.logp);
    }
    // the first child of a hypothesis keeps its slot; the others take free slots, copied from the parent's
    const kept = new Set<number>();
    const firstChild = chosen.map((c) => {
      const slot = live[c.from]!.slot;
      if (kept.has(slot)) return false;
      kept.add(slot);
      return true;
    });
    const free = Array.from({ length: beams }, (_, s) => s).filter((s) => !kept.has(s));
    live = chosen.map((c, i) => {
      const parent = live[c.from]!;
      let slot = parent.slot;
      if (!firstChild[i]) {
        slot = free.shift()!;
        copySlot(parent.slot, slot, pos + 1);
      }
      return { tokens: [...parent.tokens, c.token], exits: [...parent.exits, r.exits[c.from]!], logp: c.logp, slot };
    });
  }
  if (finished.length < beams) for (const h of live) finish(h.tokens, h.exits, h.logp);
  let best = finished[0]!;
  for (const h of finished) if (h.score > best.score) best = h;
  return { best, steps, macs, fullDepthMacs };
}

/**
 * Teacher forcing: feeds the decoder start id, then `target` itself, one step per target token, and
 * scores the target (its summed log-probability); no search. The fed ids, and so the exits, are the
 * target's: what a summarisation scorer (or a benchmark with a realistic id mix) needs.
 */
export function forcedSearch(dec: SearchDecoder, ids: GenerationIds, target: readonly number[], lengthPenalty: number): SearchResult {
  return driveSync(forcedSteps(ids, target, lengthPenalty), dec);
}

export function forcedSearchAsync(dec: AsyncSearchDecoder, ids: GenerationIds, target: readonly number[], lengthPenalty: number): Promise<SearchResult> {
  return driveAsync(forcedSteps(ids, target, lengthPenalty), dec);
}

function* forcedSteps(ids: GenerationIds, target: readonly number[], lengthPenalty: number): Steps {
  let logp = 0, macs = 0, fullDepthMacs = 0;
  const exits: number[] = [];
  for (const [pos, token] of target.entries()) {
    const r: StepOut = yield [{ slot: 0, pos, id: pos === 0 ? ids.decoderStart : target[pos - 1]! }];
    logp += logSoftmax(r.logits[0]!)[token]!;
    exits.push(r.exits[0]!);
    macs += r.macs;
    fullDepthMacs += r.fullDepthMacs;
  }
  const best = { tokens: [...target], exits, logp, score: logp / Math.pow(target.length, lengthPenalty) };
  return { best, steps: target.length, macs, fullDepthMacs };
}

/** maxNew (or the forced target's length) fits the decoder's positions; target ids are in the vocabulary; beams >= 1. */
export function checkSteps(a: Seq2SeqArch, opts: { readonly maxNew: number; readonly beams?: number; readonly target?: readonly number[] }): void {
  if (opts.target) {
    if (opts.target.length < 1 || opts.target.length > a.maxPositions) throw new RangeError(`a forced target needs 1..${a.maxPositions} tokens, got ${opts.target.length}`);
    const bad = opts.target.find((id) => !Number.isInteger(id) || id < 0 || id >= a.vocabSize);
    if (bad !== undefined) throw new RangeError(`target token id ${bad} is outside the vocabulary 0..${a.vocabSize - 1}`);
  } else {
    if (!Number.isInteger(opts.maxNew) || opts.maxNew < 1) throw new RangeError(`maxNew must be a positive integer, got ${opts.maxNew}`);
    if (opts.maxNew > a.maxPositions) throw new RangeError(`maxNew ${opts.maxNew} exceeds the model's ${a.maxPositions} decoder positions`);
  }
  const beams = opts.beams ?? 1;
  if (!Number.isInteger(beams) || beams < 1) throw new RangeError(`beams must be a positive integer, got ${beams}`);
}

/** log-softmax of logits [V], in f64. */
export function logSoftmax(logits: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp(logits[i]! - max);
  const lse = max + Math.log(sum);
  return Float64Array.from(logits, (v) => v - lse);
}

/** Indices of the k largest values (ties: lower index first), in descending order. */
function topK(values: Float64Array, k: number): number[] {
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (idx.length === k && values[i]! <= values[idx[k - 1]!]!) continue;
    let at = idx.length < k ? idx.length : k - 1;
    if (idx.length < k) idx.push(i);
    while (at > 0 && values[idx[at - 1]!]! < values[i]!) {
      idx[at] = idx[at - 1]!;
      at--;
    }
    idx[at] = i;
  }
  return idx;
}
