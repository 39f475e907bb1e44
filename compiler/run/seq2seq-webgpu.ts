// An encoder-decoder compiled for the WebGPU target in memory: the encoder program (the encoder target,
// head none) and the decoder's modules, started on one device as a WebGpuSeq2Seq (`hashee generate
// --backend webgpu`, tests).

import { encoderArch, encoderModel, type GenerationIds } from '../../contract/seq2seq.ts';
import { createEngine } from '../../runtime/webgpu/engine.ts';
import { WebGpuDecoder } from '../../runtime/webgpu/decoder.ts';
import { WebGpuSeq2Seq } from '../../runtime/webgpu/seq2seq.ts';
import { emitDecoderWgsl } from '../emit/wgsl/decoder.ts';
import { emitWgsl } from '../emit/wgsl/index.ts';
import { packWebGpuDecoder } from '../passes/packWebGpuDecoder.ts';
import { packWebGpuWeights } from '../passes/packWebGpuWeights.ts';
import type { LoadedSeq2Seq } from '../load.ts';

/** Compiles and starts both halves on `gpu` (Dawn's GPU in Node: nodeGpu()); `ids` default to the spec's. */
export async function createWebGpuSeq2Seq(loaded: Omit<LoadedSeq2Seq, 'spec'> & { readonly spec?: LoadedSeq2Seq['spec'] }, opts: { readonly gpu: GPU | GPUDevice; readonly ids?: GenerationIds }): Promise<WebGpuSeq2Seq> {
  const { model, tables, spec } = loaded;
  const ids = opts.ids ?? spec?.seq2seq?.ids;
  if (!ids) throw new RangeError('createWebGpuSeq2Seq needs the generation ids (an encoder-decoder spec, or opts.ids)');
  const arch = encoderArch(model.arch);
  const encoder = await createEngine({ gpu: opts.gpu, program: emitWgsl(arch, { kind: 'none' }), weights: packWebGpuWeights(encoderModel(model)), table: tables.encoder });
  const decoder = await WebGpuDecoder.create({
    device: encoder.device, arch: model.arch, modules: emitDecoderWgsl(model.arch), weights: packWebGpuDecoder(model), exitTable: tables.decoder,
  });
  return new WebGpuSeq2Seq(model.arch, ids, encoder, decoder, tables.encoder);
}
