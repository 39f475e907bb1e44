// An encoder-decoder spec compiled for the WASM target in memory: the encoder's modules and weights (the
// encoder target unchanged, head none) and the decoder's, started as a WasmSeq2Seq (`hashee generate
// --backend wasm`, tests, the generation benchmark).

import { encoderArch, encoderModel, type GenerationIds } from '../../contract/seq2seq.ts';
import { wasmLayout } from '../../contract/wasm-layout.ts';
import { nodeHost } from '../../runtime/node.ts';
import { WasmDecoder } from '../../runtime/wasm/decoder.ts';
import { WasmEngine } from '../../runtime/wasm/engine.ts';
import { WasmSeq2Seq } from '../../runtime/wasm/seq2seq.ts';
import { emitDecoderModules } from '../emit/wasm/decoder.ts';
import { emitWasmModules } from '../emit/wasm/module.ts';
import { packDecoderWeights } from '../passes/packDecoderWeights.ts';
import { packWeights } from '../passes/packWeights.ts';
import type { LoadedSeq2Seq } from '../load.ts';

export interface Seq2SeqWasmOptions {
  /** Threads including the caller, for the encoder and the decoder's products. Default 1. */
  readonly threads?: number;
  readonly simd?: 'auto' | 'relaxed' | 'simd128';
}

/** Compiles and starts both halves; `ids` default to the spec's generation ids. */
export async function createWasmSeq2Seq(loaded: Omit<LoadedSeq2Seq, 'spec'> & { readonly spec?: LoadedSeq2Seq['spec'] }, opts: Seq2SeqWasmOptions & { readonly ids?: GenerationIds } = {}): Promise<WasmSeq2Seq> {
  const { model, tables, spec } = loaded;
  const ids = opts.ids ?? spec?.seq2seq?.ids;
  if (!ids) throw new RangeError('createWasmSeq2Seq needs the generation ids (an encoder-decoder spec, or opts.ids)');
  const arch = encoderArch(model.arch);
  const encMods = emitWasmModules(wasmLayout(arch, { kind: 'none' }));
  const encoder = await WasmEngine.create({
    arch, head: { kind: 'none' }, modules: { simd128: encMods.simd, relaxed: encMods.relaxed }, weights: packWeights(encoderModel(model)).bytes,
    exitTable: tables.encoder, threads: opts.threads ?? 1, node: nodeHost, ...(opts.simd ? { simd: opts.simd } : {}),
  });
  const decMods = emitDecoderModules(model.arch);
  const decoder = await WasmDecoder.create({
    arch: model.arch, modules: { simd128: decMods.simd, relaxed: decMods.relaxed }, sharedModules: { simd128: decMods.simdShared, relaxed: decMods.relaxedShared },
    weights: packDecoderWeights(model), exitTable: tables.decoder, threads: opts.threads ?? 1, node: nodeHost,
    ...(opts.simd ? { simd: opts.simd } : {}),
  });
  return new WasmSeq2Seq(model.arch, ids, encoder, decoder, tables.encoder);
}
