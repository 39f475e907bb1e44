// Generation on the WebGPU target: the encoder on the encoder engine (runtime/webgpu/engine.ts, head none),
// the decoder on the WebGPU decoder, greedy, beam or teacher-forced decoding through runtime/search.ts.

import type { ExitTable } from '../../contract/model.ts';
import { encoderArch, type GenerationIds, type Seq2SeqArch } from '../../contract/seq2seq.ts';
import { countWork, planBatch } from '../plan.ts';
import { beamSearchAsync, checkSteps, forcedSearchAsync } from '../search.ts';
import type { WasmGenerateOptions, WasmGenerateResult } from '../wasm/seq2seq.ts';
import type { WebGpuDecoder } from './decoder.ts';
import type { WebGpuEngine } from './engine.ts';

export class WebGpuSeq2Seq {
  constructor(
    readonly arch: Seq2SeqArch,
    readonly ids: GenerationIds,
    private readonly encoder: WebGpuEngine,
    private readonly decoder: WebGpuDecoder,
    private readonly encoderTable: ExitTable,
  ) {}

  get info(): string {
    return `webgpu on ${this.encoder.adapter}`;
  }

  /** Generates from one source sentence (token ids); the same options and result as the WASM generator. */
  async generate(source: readonly number[], opts: WasmGenerateOptions): Promise<WasmGenerateResult> {
    const a = this.arch, d = a.hidden, beams = opts.beams ?? 1, fullDepth = !!opts.fullDepth;
    checkSteps(a, opts);
    if (!Number.isInteger(beams) || beams < 1) throw new RangeError(`beams must be a positive integer, got ${beams}`);
    const enc = await this.encoder.run({ ids: [source] }, { fullDepth, hidden: true });
    const n = source.length;
    this.decoder.begin(enc.lastHidden![0]! as Float32Array<ArrayBuffer>, n, opts.target ? 1 : beams, opts.target ? opts.target.length : opts.maxNew);
    const lengthPenalty = opts.lengthPenalty ?? 1;
    const search = opts.target
      ? await forcedSearchAsync(this.decoder.searchDecoder(fullDepth), this.ids, opts.target, lengthPenalty)
      : await beamSearchAsync(this.decoder.searchDecoder(fullDepth), this.ids, opts.maxNew, beams, lengthPenalty);
    const work = (table: ExitTable, full: boolean): number => countWork(planBatch(table, [source], a.encoderLayers, { fullDepth: full }), encoderArch(a)).macs;
    const head = search.steps * d * a.vocabSize, cross = a.decoderLayers * 2 * n * d * d;
    const encoderMacs = work(this.encoderTable, fullDepth);
    const macs = encoderMacs + cross + search.macs + head;
    return {
      tokens: search.best.tokens, stepExits: search.best.exits, encoderExits: enc.exits[0]!, score: search.best.score,
      work: { encoder: encoderMacs, cross, decoder: search.macs, head, macs, flops: 2 * macs, fullDepthMacs: work(this.encoderTable, true) + cross + search.fullDepthMacs + head },
    };
  }

  dispose(): void {
    this.decoder.dispose();
    this.encoder.dispose();
  }
}
