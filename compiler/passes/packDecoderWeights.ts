// Compile-time packing of an encoder-decoder's decoder for the WASM target: the weight table's tensors
// written at their contract/wasm-decoder-layout.ts addresses (matrices as k-major panels, queries scaled).

import { checkDecoderWeights, type DecoderWeightName, type Seq2SeqModel } from '../../contract/seq2seq.ts';
import { decoderLayout, DECODER_GEMMS, DECODER_NORMS } from '../../contract/wasm-decoder-layout.ts';
import { WEIGHTS_BASE } from '../../contract/wasm-layout.ts';
import { concatColumns, packPanels } from './pack.ts';

/** The decoder's weight blob (layout.weightBytes, copied to linear memory at WEIGHTS_BASE). */
export function packDecoderWeights(model: Seq2SeqModel): Uint8Array {
  checkDecoderWeights(model);
  const layout = decoderLayout(model.arch);
  const a = model.arch, d = a.hidden;
  const f32 = new Float32Array(layout.weightBytes / 4);
  const put = (name: string, values: Float32Array): void => f32.set(values, (layout.at[name]! - WEIGHTS_BASE) / 4);
  const w = model.decoder;
  put('tokens', model.encoder.wordEmb);
  put('pos', w.posEmb);
  const norms = (group: object, prefix: string, layer: boolean): void => {
    for (const [name, n] of Object.entries(DECODER_NORMS)) {
      if (n.layer !== layer || (name === 'final' && a.norm !== 'pre')) continue;
      const t = group as Record<DecoderWeightName, Float32Array>;
      put(`${prefix}norm.${name}.gamma`, t[n.gamma]);
      put(`${prefix}norm.${name}.beta`, t[n.beta]);
    }
  };
  norms(w, '', false);
  const widthOf = (name: DecoderWeightName): number => (name === 'f1W' || name === 'f1B' ? a.ffn : d);
  w.layers.forEach((lw, l) => {
    const t = lw as unknown as Record<DecoderWeightName, Float32Array>;
    for (const g of DECODER_GEMMS.filter((x) => x.layer)) {
      const shape = layout.gemm[g.gemm]!;
      const scale = g.scaled ? layout.qScale : 1;
      const W = concatColumns(shape.k, g.w.map((n) => ({ w: t[n], n: widthOf(n), scale })));
      const b = concatColumns(1, g.b.map((n) => ({ w: t[n], n: widthOf(n), scale })));
      put(`layers.${l}.${g.gemm}.weight`, packPanels(W, shape.k, shape.n, shape.nr));
      put(`layers.${l}.${g.gemm}.bias`, b);
    }
    norms(lw, `layers.${l}.`, true);
  });
  if (!a.tieEmbeddings) {
    const shape = layout.gemm.lm!;
    put('lm.weight', packPanels(w.lmW!, shape.k, shape.n, shape.nr));
  }
  put('lmB', w.lmB);
  return new Uint8Array(f32.buffer);
}
