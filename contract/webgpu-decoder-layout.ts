// The WebGPU decoder's buffers, shared by the WGSL emitter and the engine: one f32 weight buffer (the token
// table, the decoder's tensors row-major in DECODER_WEIGHTS order, layer by layer), and the word offsets of
// the `meta` buffer every kernel reads (rows of the step, active rows per layer, activation regions).

import { DECODER_WEIGHTS, decoderWeightNames, decoderWeightSize, hasDecoderWeight, type DecoderWeightName, type Seq2SeqArch } from './seq2seq.ts';

export interface WebGpuDecoderLayout {
  /** Float offset of each tensor in the weight buffer: 'tokens', 'posEmb', ..., 'layers.0.sqW', ... */
  readonly at: Readonly<Record<string, number>>;
  readonly floats: number;
}

export function webgpuDecoderLayout(a: Seq2SeqArch): WebGpuDecoderLayout {
  const at: Record<string, number> = {};
  let cursor = 0;
  const place = (name: string, floats: number): void => { at[name] = cursor; cursor += floats; };
  place('tokens', a.vocabSize * a.hidden);
  for (const name of [...decoderWeightNames('embed'), ...decoderWeightNames('final')]) if (hasDecoderWeight(name, a)) place(name, decoderWeightSize(name, a));
  for (let l = 0; l < a.decoderLayers; l++) for (const name of decoderWeightNames('layer')) place(`layers.${l}.${name}`, decoderWeightSize(name, a));
  return { at, floats: cursor };
}

/** Where a decoder tensor is (layer tensors at layer l). */
export function decoderAt(layout: WebGpuDecoderLayout, name: DecoderWeightName, l = 0): number {
  const key = DECODER_WEIGHTS[name].group === 'layer' ? `layers.${l}.${name}` : name;
  const v = layout.at[key];
  if (v === undefined) throw new RangeError(`internal: no WebGPU decoder tensor ${key}`);
  return v;
}

/**
 * The meta buffer (u32 words): META.R rows in this step; META.active + l the active rows at layer l (a
 * prefix: rows are sorted by exit layer); region offsets in floats of the activation buffer; the source
 * length n and cache capacity; then per row r: slot, position, id at META_ROWS(L) + 3 r.
 */
export const META = {
  R: 0, n: 1, cap: 2, X: 3, A: 4, Q: 5, K: 6, V: 7, CTX: 8, HID: 9, LOG: 10, KC: 11, VC: 12, CK: 13, CV: 14, ENC: 15, active: 16,
} as const;

/** First word of the per-row records. */
export function metaRows(layers: number): number {
  return META.active + layers;
}
