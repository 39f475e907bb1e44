// Generation on the WebGPU target: the encoder on the encoder engine (runtime/webgpu/engine.ts, head none),
// the decoder on the WebGPU decoder, greedy, beam or teacher-forced decoding through runtime/search.ts.

import type { ExitTable } from '../../contract/model.ts';
import { encoderArch, type GenerationIds, type Seq2SeqArch } from '../../contract/seq2seq.ts';
import { countWork, planBatch } from '../plan.ts';
import { generationWork } from '../decoding.ts';
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
    const a = this.arch, beams = opts.beams ?? 1, fullDepth = !!opts.fullDepth;
    checkSteps(a, opts);
    const enc = await this.encoder.run({ ids: [source] }, { fullDepth, hidden: true });
    const n = source.length;
    this.decoder.begin(enc.lastHidden![0]! as Float32Array<ArrayBuffer>, n, opts.target ? 1 : beams, opts.target ? opts.target.length : opts.maxNew);
    const lengthPenalty = opts.lengthPenalty ?? 1;
    const search = opts.target
      ? await forcedSearchAsync(this.decoder.searchDecoder(fullDepth), this.ids, opts.target, lengthPenalty)
      : await beamSearchAsync(this.decoder.searchDecoder(fullDepth), this.ids, opts.maxNew, beams, lengthPenalty);
    // the encoder engine reports no work: its MACs as run, from the plan
    const encoderMacs = countWork(planBatch(this.encoderTable, [source], a.encoderLayers, { fullDepth }), encoderArch(a)).macs;
    return {
      tokens: search.best.tokens, stepExits: search.best.exits, encoderExits: enc.exits[0]!, score: search.best.score,
      work: generationWork(a, this.encoderTable, source, encoderMacs, search),
    };
  }

  dispose(): void {
    this.decoder.dispose();
    this.encoder.dispose();
  }
}
