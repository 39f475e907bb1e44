// Compile-time packing of an encoder-decoder's decoder for the WebGPU target: the token table and every
// decoder tensor row-major at its contract/webgpu-decoder-layout.ts offset, in one f32 buffer.

import { checkDecoderWeights, decoderWeightNames, hasDecoderWeight, type DecoderWeightName, type Seq2SeqModel } from '../../contract/seq2seq.ts';
import { webgpuDecoderLayout } from '../../contract/webgpu-decoder-layout.ts';

export function packWebGpuDecoder(model: Seq2SeqModel): Float32Array<ArrayBuffer> {
  checkDecoderWeights(model);
  const layout = webgpuDecoderLayout(model.arch);
  const out = new Float32Array(layout.floats);
  const w = model.decoder as unknown as Record<DecoderWeightName, Float32Array | undefined>;
  out.set(model.encoder.wordEmb, layout.at['tokens']!);
  for (const name of [...decoderWeightNames('embed'), ...decoderWeightNames('final')]) if (hasDecoderWeight(name, model.arch)) out.set(w[name]!, layout.at[name]!);
  model.decoder.layers.forEach((lw, l) => {
    const t = lw as unknown as Record<DecoderWeightName, Float32Array>;
    for (const name of decoderWeightNames('layer')) out.set(t[name], layout.at[`layers.${l}.${name}`]!);
  });
  return out;
}
