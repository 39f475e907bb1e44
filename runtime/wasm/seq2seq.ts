// Generation on the WASM target: the encoder on the encoder engine (its exit table, threads as configured),
// the decoder on the WASM decoder (runtime/wasm/decoder.ts), greedy or beam search through runtime/search.ts.

import type { ExitTable } from '../../contract/model.ts';
import type { GenerationIds, Seq2SeqArch } from '../../contract/seq2seq.ts';
import { generationWork, type GenerationWork } from '../decoding.ts';
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
  readonly work: GenerationWork;
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
    const a = this.arch, beams = opts.beams ?? 1, fullDepth = !!opts.fullDepth;
    checkSteps(a, opts);
    const enc = this.encoder.run({ ids: [source] }, { fullDepth, clsOnly: false });
    const n = source.length;
    const lengthPenalty = opts.lengthPenalty ?? 1;
    this.decoder.begin(enc.lastHidden![0]!, n, opts.target ? 1 : beams, opts.target ? opts.target.length : opts.maxNew);
    const search = opts.target
      ? forcedSearch(this.decoder.searchDecoder(fullDepth), this.ids, opts.target, lengthPenalty)
      : beamSearch(this.decoder.searchDecoder(fullDepth), this.ids, opts.maxNew, beams, lengthPenalty);
    return {
      tokens: search.best.tokens, stepExits: search.best.exits, encoderExits: enc.exits[0]!, score: search.best.score,
      work: generationWork(a, this.encoderTable, source, enc.work.macs, search),
    };
  }

  dispose(): void {
    this.encoder.dispose();
    this.decoder.dispose();
  }
}
