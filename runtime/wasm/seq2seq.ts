// Generation on the WASM target: the encoder on the encoder engine (its exit table, threads as configured),
// the decoder on the WASM decoder (runtime/wasm/decoder.ts), greedy or beam search through runtime/search.ts.

import type { ExitTable } from '../../contract/model.ts';
import { encoderArch, type GenerationIds, type Seq2SeqArch } from '../../contract/seq2seq.ts';
import { countWork, planBatch } from '../plan.ts';
import { beamSearch, checkSteps, forcedSearch } from '../search.ts';
import { WasmDecoder } from './decoder.ts';
import type { WasmEngine } from './engine.ts';

export interface WasmGenerateOptions {
  readonly maxNew: number;
  readonly beams?: number;          // default 1 (greedy)
  readonly lengthPenalty?: number;  // default 1
  readonly fullDepth?: boolean;
  /** Teacher forcing: score this target instead of searching (runtime/search.ts forcedSearch). */
  readonly target?: readonly number[];
}

/** What generate() returns: the reference's GenerateResult fields (runtime/reference/seq2seq.ts). */
export interface WasmGenerateResult {
  readonly tokens: number[];
  readonly stepExits: number[];
  readonly encoderExits: number[];
  readonly score: number;
  readonly work: { readonly encoder: number; readonly cross: number; readonly decoder: number; readonly head: number; readonly macs: number; readonly flops: number; readonly fullDepthMacs: number };
}

export class WasmSeq2Seq {
  constructor(
    readonly arch: Seq2SeqArch,
    readonly ids: GenerationIds,
    private readonly encoder: WasmEngine,
    private readonly decoder: WasmDecoder,
    private readonly encoderTable: ExitTable,
  ) {}

  get info(): string {
    return `wasm ${this.decoder.simd}, encoder ${this.encoder.info.threads} thread(s), decoder ${this.decoder.threads} thread(s)`;
  }

  /** Generates from one source sentence (token ids); invalid ids or options throw a RangeError. */
  generate(source: readonly number[], opts: WasmGenerateOptions): WasmGenerateResult {
    const a = this.arch, d = a.hidden, beams = opts.beams ?? 1, fullDepth = !!opts.fullDepth;
    checkSteps(a, opts);
    if (!Number.isInteger(beams) || beams < 1) throw new RangeError(`beams must be a positive integer, got ${beams}`);
    const enc = this.encoder.run({ ids: [source] }, { fullDepth, clsOnly: false });
    const n = source.length;
    const lengthPenalty = opts.lengthPenalty ?? 1;
    this.decoder.begin(enc.lastHidden![0]!, n, opts.target ? 1 : beams, opts.target ? opts.target.length : opts.maxNew);
    const search = opts.target
      ? forcedSearch(this.decoder.searchDecoder(fullDepth), this.ids, opts.target, lengthPenalty)
      : beamSearch(this.decoder.searchDecoder(fullDepth), this.ids, opts.maxNew, beams, lengthPenalty);
    const head = search.steps * d * a.vocabSize, cross = a.decoderLayers * 2 * n * d * d;
    const macs = enc.work.macs + cross + search.macs + head;
    const encoderFull = countWork(planBatch(this.encoderTable, [source], a.encoderLayers, { fullDepth: true }), encoderArch(a)).macs;
    return {
      tokens: search.best.tokens, stepExits: search.best.exits, encoderExits: enc.exits[0]!, score: search.best.score,
      work: { encoder: enc.work.macs, cross, decoder: search.macs, head, macs, flops: 2 * macs, fullDepthMacs: encoderFull + cross + search.fullDepthMacs + head },
    };
  }

  dispose(): void {
    this.encoder.dispose();
    this.decoder.dispose();
  }
}
