// The encoder-decoder (BART-style) model description shared by the compiler and the runtime: architecture,
// the decoder's weight table, and the encoder seen as an ordinary encoder Model (contract/model.ts).

import type { Activation, ArchConfig, Model, ModelWeights, NormPlacement, TableTensors } from './model.ts';

export interface Seq2SeqArch {
  readonly encoderLayers: number;   // L_enc
  readonly decoderLayers: number;   // L_dec
  readonly hidden: number;          // d
  readonly heads: number;           // h, divides d
  readonly ffn: number;             // f
  readonly vocabSize: number;       // V, shared by the encoder, the decoder and the LM head
  readonly maxPositions: number;    // P, for source and target alike
  readonly activation: Activation;
  readonly layerNormEps: number;
  /** post (BART): LayerNorm after each residual add. pre (mBART): before each block, one final LayerNorm per stack. */
  readonly norm: NormPlacement;
  /** The LM head is the token embedding transposed (BART); false: a separate lmW [d, V]. */
  readonly tieEmbeddings: boolean;
}

/** The ids that drive generation: the first token fed to the decoder, and the one that ends a hypothesis. */
export interface GenerationIds {
  readonly decoderStart: number;
  readonly eos: number;
}

/**
 * The decoder's tensors: embeddings (the token table is the shared `tokens`), one block per layer (masked
 * self-attention, cross-attention to the final encoder states, FFN, each with its LayerNorm: after the
 * residual add for post-LN, before the block for pre-LN), the pre-LN final LayerNorm, and the LM head.
 * Shapes as contract/model.ts (V, P, d, f); matrices are [in, out]; `onnx` is the Hugging Face parameter
 * name ({l} = layer index) of BartForConditionalGeneration, for import and export.
 */
export const DECODER_WEIGHTS = {
  posEmb: { group: 'embed', shape: ['P', 'd'], when: 'always', init: 'normal', onnx: 'model.decoder.embed_positions.weight' },
  embLnG: { group: 'embed', shape: ['d'], when: 'always', init: 'gain', onnx: 'model.decoder.layernorm_embedding.weight' },
  embLnB: { group: 'embed', shape: ['d'], when: 'always', init: 'normal', onnx: 'model.decoder.layernorm_embedding.bias' },
  sqW: { group: 'layer', shape: ['d', 'd'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.self_attn.q_proj.weight' },
  sqB: { group: 'layer', shape: ['d'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.self_attn.q_proj.bias' },
  skW: { group: 'layer', shape: ['d', 'd'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.self_attn.k_proj.weight' },
  skB: { group: 'layer', shape: ['d'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.self_attn.k_proj.bias' },
  svW: { group: 'layer', shape: ['d', 'd'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.self_attn.v_proj.weight' },
  svB: { group: 'layer', shape: ['d'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.self_attn.v_proj.bias' },
  soW: { group: 'layer', shape: ['d', 'd'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.self_attn.out_proj.weight' },
  soB: { group: 'layer', shape: ['d'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.self_attn.out_proj.bias' },
  selfLnG: { group: 'layer', shape: ['d'], when: 'always', init: 'gain', onnx: 'model.decoder.layers.{l}.self_attn_layer_norm.weight' },
  selfLnB: { group: 'layer', shape: ['d'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.self_attn_layer_norm.bias' },
  cqW: { group: 'layer', shape: ['d', 'd'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.encoder_attn.q_proj.weight' },
  cqB: { group: 'layer', shape: ['d'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.encoder_attn.q_proj.bias' },
  ckW: { group: 'layer', shape: ['d', 'd'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.encoder_attn.k_proj.weight' },
  ckB: { group: 'layer', shape: ['d'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.encoder_attn.k_proj.bias' },
  cvW: { group: 'layer', shape: ['d', 'd'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.encoder_attn.v_proj.weight' },
  cvB: { group: 'layer', shape: ['d'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.encoder_attn.v_proj.bias' },
  coW: { group: 'layer', shape: ['d', 'd'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.encoder_attn.out_proj.weight' },
  coB: { group: 'layer', shape: ['d'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.encoder_attn.out_proj.bias' },
  crossLnG: { group: 'layer', shape: ['d'], when: 'always', init: 'gain', onnx: 'model.decoder.layers.{l}.encoder_attn_layer_norm.weight' },
  crossLnB: { group: 'layer', shape: ['d'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.encoder_attn_layer_norm.bias' },
  f1W: { group: 'layer', shape: ['d', 'f'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.fc1.weight' },
  f1B: { group: 'layer', shape: ['f'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.fc1.bias' },
  f2W: { group: 'layer', shape: ['f', 'd'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.fc2.weight' },
  f2B: { group: 'layer', shape: ['d'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.fc2.bias' },
  ffnLnG: { group: 'layer', shape: ['d'], when: 'always', init: 'gain', onnx: 'model.decoder.layers.{l}.final_layer_norm.weight' },
  ffnLnB: { group: 'layer', shape: ['d'], when: 'always', init: 'normal', onnx: 'model.decoder.layers.{l}.final_layer_norm.bias' },
  finalLnG: { group: 'final', shape: ['d'], when: 'preNorm', init: 'gain', onnx: 'model.decoder.layer_norm.weight' },
  finalLnB: { group: 'final', shape: ['d'], when: 'preNorm', init: 'normal', onnx: 'model.decoder.layer_norm.bias' },
  lmW: { group: 'final', shape: ['d', 'V'], when: 'untied', init: 'normal', onnx: 'lm_head.weight' },
  lmB: { group: 'final', shape: ['V'], when: 'always', init: 'normal', onnx: 'final_logits_bias' },
} as const satisfies Record<string, DecoderWeightSpec>;

export interface DecoderWeightSpec {
  readonly group: 'embed' | 'layer' | 'final';
  readonly shape: readonly ('V' | 'P' | 'd' | 'f')[];
  readonly when: 'always' | 'preNorm' | 'untied';
  readonly init: 'normal' | 'gain';
  readonly onnx: string;
}

export type DecoderWeightName = keyof typeof DECODER_WEIGHTS;
type Tensors<G extends DecoderWeightSpec['group']> = TableTensors<typeof DECODER_WEIGHTS, G>;

export type DecoderLayerWeights = Tensors<'layer'>;
export type DecoderWeights = Tensors<'embed'> & Tensors<'final'> & { readonly layers: readonly DecoderLayerWeights[] };

/**
 * An encoder-decoder model. `encoder` holds the encoder stack as an encoder Model's weights (contract/model.ts,
 * no token types, head none) whose wordEmb is the shared token table [V, d] the decoder embeds with too.
 */
export interface Seq2SeqModel {
  readonly arch: Seq2SeqArch;
  readonly encoder: ModelWeights;
  readonly decoder: DecoderWeights;
}

/** The encoder stack as an encoder architecture: L = L_enc, no token types, E = d, unshared layers. */
export function encoderArch(a: Seq2SeqArch): ArchConfig {
  return {
    layers: a.encoderLayers, hidden: a.hidden, heads: a.heads, ffn: a.ffn, vocabSize: a.vocabSize, maxPositions: a.maxPositions,
    typeVocabSize: 0, embeddingSize: a.hidden, activation: a.activation, layerNormEps: a.layerNormEps, norm: a.norm, sharedLayers: false,
  };
}

/** The encoder as an encoder Model (head none), so the encoder reference and its exit rule apply unchanged. */
export function encoderModel(m: Seq2SeqModel): Model {
  return { arch: encoderArch(m.arch), head: { kind: 'none' }, weights: m.encoder };
}

/** Decoder weight names of a group, in table order (the draw order of seeded random weights). */
export function decoderWeightNames(group: DecoderWeightSpec['group']): DecoderWeightName[] {
  return (Object.keys(DECODER_WEIGHTS) as DecoderWeightName[]).filter((k) => DECODER_WEIGHTS[k].group === group);
}

export function hasDecoderWeight(name: DecoderWeightName, a: Seq2SeqArch): boolean {
  switch (DECODER_WEIGHTS[name].when) {
    case 'always': return true;
    case 'preNorm': return a.norm === 'pre';
    case 'untied': return !a.tieEmbeddings;
  }
}

export function decoderWeightShape(name: DecoderWeightName, a: Seq2SeqArch): number[] {
  const dims = { V: a.vocabSize, P: a.maxPositions, d: a.hidden, f: a.ffn };
  return DECODER_WEIGHTS[name].shape.map((s) => dims[s]);
}

export function decoderWeightSize(name: DecoderWeightName, a: Seq2SeqArch): number {
  return decoderWeightShape(name, a).reduce((x, y) => x * y, 1);
}

/** Throws a RangeError naming the first decoder tensor that is missing or misshapen, or a wrong layer count. */
export function checkDecoderWeights(m: Seq2SeqModel): void {
  const a = m.arch, w = m.decoder;
  if (a.hidden % a.heads !== 0) throw new RangeError(`hidden size ${a.hidden} is not divisible by ${a.heads} heads`);
  if (w.layers.length !== a.decoderLayers) throw new RangeError(`model has ${w.layers.length} decoder layers of weights, arch says ${a.decoderLayers}`);
  const check = (group: object, name: DecoderWeightName, where: string): void => {
    if (!hasDecoderWeight(name, a)) return;
    const t = (group as Partial<Record<DecoderWeightName, Float32Array>>)[name];
    if (!t) throw new RangeError(`decoder weight ${where}${name} is missing (${DECODER_WEIGHTS[name].when})`);
    const size = decoderWeightSize(name, a);
    if (t.length !== size) throw new RangeError(`decoder weight ${where}${name} has ${t.length} values, expected ${size} ([${decoderWeightShape(name, a).join(', ')}])`);
  };
  for (const name of [...decoderWeightNames('embed'), ...decoderWeightNames('final')]) check(w, name, '');
  w.layers.forEach((lw, l) => { for (const name of decoderWeightNames('layer')) check(lw, name, `layers[${l}].`); });
}
