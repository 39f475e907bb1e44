// The model description shared by the compiler and the runtime: architecture, head, and the weight table
// from which every weight type, layout, manifest entry and ONNX name is derived.

export type Activation = 'gelu' | 'gelu_tanh' | 'relu';
/** post (BERT): LayerNorm after each residual add. pre: LayerNorm before attention and before the FFN, one final LayerNorm after layer L. */
export type NormPlacement = 'post' | 'pre';
/** Activation of the sequence heads' dense layer on [CLS]: tanh (BERT, RoBERTa, ALBERT pooler) or relu (DistilBERT pre_classifier). */
export type PoolerActivation = 'tanh' | 'relu';

export interface ArchConfig {
  readonly layers: number;        // L
  readonly hidden: number;        // d
  readonly heads: number;         // h, divides d
  readonly ffn: number;           // f
  readonly vocabSize: number;     // V
  readonly maxPositions: number;  // P
  readonly typeVocabSize: number; // T; 0 = no token-type embedding (DistilBERT)
  /**
   * E, width of the embedding tables and the embedding LayerNorm. E = d, or (ALBERT's factorised
   * embeddings) E != d with a projection [E, d] applied after the embedding LayerNorm.
   */
  readonly embeddingSize: number;
  readonly activation: Activation;
  readonly layerNormEps: number;
  readonly norm: NormPlacement;
  /** ALBERT: one set of layer weights used by every layer (weights.layers holds the same object L times). */
  readonly sharedLayers: boolean;
}

/** Sequence heads read [CLS] through `pooled = act(h_cls @ Wp + bp)`; `pooler` names act (default tanh). */
export type HeadConfig =
  | { readonly kind: 'none' }
  | { readonly kind: 'classification'; readonly labels: number; readonly pooler?: PoolerActivation }
  | { readonly kind: 'regression'; readonly pooler?: PoolerActivation }
  | { readonly kind: 'token'; readonly labels: number };

/**
 * The weight table: every tensor a model has, named once. Shapes are symbolic (V vocabulary, P positions,
 * T token types, E embedding width, d hidden, f FFN width, N head outputs) and resolved by weightShape();
 * `group` says where the tensor lives (embeddings, each layer, after the last layer, the head); `when`
 * says which models have it; `init` is how seeded random weights draw it; `onnx` is the Hugging Face
 * parameter name ({l} = layer index) the ONNX exporter writes. The order is the draw order of seeded
 * random weights and the order of every packed layout. Matrices are row-major [in, out] (y = x @ W + b).
 * The weight types below (LayerWeights, HeadWeights, ModelWeights) are derived from this table.
 */
export const WEIGHTS = {
  wordEmb: { group: 'embed', shape: ['V', 'E'], when: 'always', init: 'normal', onnx: 'embeddings.word_embeddings.weight' },
  posEmb: { group: 'embed', shape: ['P', 'E'], when: 'always', init: 'normal', onnx: 'embeddings.position_embeddings.weight' },
  typeEmb: { group: 'embed', shape: ['T', 'E'], when: 'always', init: 'normal', onnx: 'embeddings.token_type_embeddings.weight' },
  embLnG: { group: 'embed', shape: ['E'], when: 'always', init: 'gain', onnx: 'embeddings.LayerNorm.weight' },
  embLnB: { group: 'embed', shape: ['E'], when: 'always', init: 'normal', onnx: 'embeddings.LayerNorm.bias' },
  embProjW: { group: 'embed', shape: ['E', 'd'], when: 'factorised', init: 'normal', onnx: 'encoder.embedding_hidden_mapping_in.weight' },
  embProjB: { group: 'embed', shape: ['d'], when: 'factorised', init: 'normal', onnx: 'encoder.embedding_hidden_mapping_in.bias' },
  qW: { group: 'layer', shape: ['d', 'd'], when: 'always', init: 'normal', onnx: 'encoder.layer.{l}.attention.self.query.weight' },
  qB: { group: 'layer', shape: ['d'], when: 'always', init: 'normal', onnx: 'encoder.layer.{l}.attention.self.query.bias' },
  kW: { group: 'layer', shape: ['d', 'd'], when: 'always', init: 'normal', onnx: 'encoder.layer.{l}.attention.self.key.weight' },
  kB: { group: 'layer', shape: ['d'], when: 'always', init: 'normal', onnx: 'encoder.layer.{l}.attention.self.key.bias' },
  vW: { group: 'layer', shape: ['d', 'd'], when: 'always', init: 'normal', onnx: 'encoder.layer.{l}.attention.self.value.weight' },
  vB: { group: 'layer', shape: ['d'], when: 'always', init: 'normal', onnx: 'encoder.layer.{l}.attention.self.value.bias' },
  oW: { group: 'layer', shape: ['d', 'd'], when: 'always', init: 'normal', onnx: 'encoder.layer.{l}.attention.output.dense.weight' },
  oB: { group: 'layer', shape: ['d'], when: 'always', init: 'normal', onnx: 'encoder.layer.{l}.attention.output.dense.bias' },
  // post-LN: after the attention residual; pre-LN: before attention
  ln1G: { group: 'layer', shape: ['d'], when: 'always', init: 'gain', onnx: 'encoder.layer.{l}.attention.output.LayerNorm.weight' },
  ln1B: { group: 'layer', shape: ['d'], when: 'always', init: 'normal', onnx: 'encoder.layer.{l}.attention.output.LayerNorm.bias' },
  f1W: { group: 'layer', shape: ['d', 'f'], when: 'always', init: 'normal', onnx: 'encoder.layer.{l}.intermediate.dense.weight' },
  f1B: { group: 'layer', shape: ['f'], when: 'always', init: 'normal', onnx: 'encoder.layer.{l}.intermediate.dense.bias' },
  f2W: { group: 'layer', shape: ['f', 'd'], when: 'always', init: 'normal', onnx: 'encoder.layer.{l}.output.dense.weight' },
  f2B: { group: 'layer', shape: ['d'], when: 'always', init: 'normal', onnx: 'encoder.layer.{l}.output.dense.bias' },
  // post-LN: after the FFN residual; pre-LN: before the FFN
  ln2G: { group: 'layer', shape: ['d'], when: 'always', init: 'gain', onnx: 'encoder.layer.{l}.output.LayerNorm.weight' },
  ln2B: { group: 'layer', shape: ['d'], when: 'always', init: 'normal', onnx: 'encoder.layer.{l}.output.LayerNorm.bias' },
  // pre-LN only: LayerNorm of every token's h^L
  finalLnG: { group: 'final', shape: ['d'], when: 'preNorm', init: 'gain', onnx: 'encoder.LayerNorm.weight' },
  finalLnB: { group: 'final', shape: ['d'], when: 'preNorm', init: 'normal', onnx: 'encoder.LayerNorm.bias' },
  // sequence heads: pooled = act(h_cls @ Wp + bp), act = poolerActivation(head)
  poolerW: { group: 'head', shape: ['d', 'd'], when: 'sequenceHead', init: 'normal', onnx: 'pooler.dense.weight' },
  poolerB: { group: 'head', shape: ['d'], when: 'sequenceHead', init: 'normal', onnx: 'pooler.dense.bias' },
  // logits = pooled @ Wc + bc (sequence heads) or h @ Wc + bc per token (token head)
  classifierW: { group: 'head', shape: ['d', 'N'], when: 'head', init: 'normal', onnx: 'classifier.weight' },
  classifierB: { group: 'head', shape: ['N'], when: 'head', init: 'normal', onnx: 'classifier.bias' },
} as const satisfies Record<string, WeightSpec>;

export type WeightGroup = 'embed' | 'layer' | 'final' | 'head';
export type Dim = 'V' | 'P' | 'T' | 'E' | 'd' | 'f' | 'N';
/** Which models have a tensor: all, factorised embeddings (E != d), pre-LN, sequence heads, any head. */
export type WeightCondition = 'always' | 'factorised' | 'preNorm' | 'sequenceHead' | 'head';

export interface WeightSpec {
  readonly group: WeightGroup;
  readonly shape: readonly Dim[];
  readonly when: WeightCondition;
  readonly init: 'normal' | 'gain'; // gain: around 1 (LayerNorm gains)
  readonly onnx: string;
}

export type WeightName = keyof typeof WEIGHTS;
/**
 * The names of a weight table's tensors in group G: required (`when: 'always'`) or, with Optional, the
 * conditional ones. Shared by every weight table (this one and contract/seq2seq.ts's decoder table).
 */
type TableNames<T extends Record<string, { readonly group: string; readonly when: string }>, G, Optional extends boolean> = {
  [K in keyof T]: T[K]['group'] extends G ? (T[K]['when'] extends 'always' ? (Optional extends false ? K : never) : (Optional extends true ? K : never)) : never;
}[keyof T];
/** A weight table's tensors of one group: those it marks `always` are required, the others optional. */
export type TableTensors<T extends Record<string, { readonly group: string; readonly when: string }>, G> =
  { readonly [K in TableNames<T, G, false>]: Float32Array } & { readonly [K in TableNames<T, G, true>]?: Float32Array };
/** The tensors of one group: those the table marks `always` are required, the others optional. */
export type GroupWeights<G extends WeightGroup> = TableTensors<typeof WEIGHTS, G>;
type Tensors<G extends WeightGroup> = GroupWeights<G>;

/** One layer's tensors (see WEIGHTS). */
export type LayerWeights = Tensors<'layer'>;
export type LayerWeightName = keyof LayerWeights;
/** The head's tensors, present as WEIGHTS' `when` says. */
export type HeadWeights = Tensors<'head'>;
export type HeadWeightName = keyof HeadWeights;
/** Embedding and final tensors, the layers ([L]; with arch.sharedLayers every entry is the same object) and the head. */
export type ModelWeights = Tensors<'embed'> & Tensors<'final'> & {
  readonly layers: readonly LayerWeights[];
  readonly head: HeadWeights;
};

/** Weight names of a group, in table order. */
export function weightNames<G extends WeightGroup>(group: G): WeightName[] {
  return (Object.keys(WEIGHTS) as WeightName[]).filter((k) => WEIGHTS[k].group === group);
}

/** The tensors of `group` this architecture and head have, each made by `make` in table order. */
export function groupWeights<G extends WeightGroup>(group: G, arch: ArchConfig, head: HeadConfig, make: (name: WeightName) => Float32Array): GroupWeights<G> {
  const out: Partial<Record<WeightName, Float32Array>> = {};
  for (const name of weightNames(group)) if (hasWeight(name, arch, head)) out[name] = make(name);
  return out as GroupWeights<G>; // exactly the names hasWeight admits: the required ones are always among them
}

/**
 * Checks that a model's weights are the ones its architecture and head call for (WEIGHTS' `when`), each
 * with the size of its shape; throws a RangeError naming the first tensor that is missing or misshapen.
 */
export function checkWeights(model: { readonly arch: ArchConfig; readonly head: HeadConfig; readonly weights: ModelWeights }): void {
  const { arch, head, weights: w } = model;
  const check = (group: object, name: WeightName, where: string): void => {
    const t = (group as Partial<Record<WeightName, Float32Array>>)[name];
    if (!hasWeight(name, arch, head)) return;
    if (!t) throw new RangeError(`weight ${where}${name} is missing (${WEIGHTS[name].when})`);
    const size = weightSize(name, arch, head);
    if (t.length !== size) throw new RangeError(`weight ${where}${name} has ${t.length} values, expected ${size} ([${weightShape(name, arch, head).join(', ')}])`);
  };
  for (const name of [...weightNames('embed'), ...weightNames('final')]) check(w, name, '');
  w.layers.forEach((lw, l) => { for (const name of weightNames('layer')) check(lw, name, `layers[${l}].`); });
  for (const name of weightNames('head')) check(w.head, name, 'head.');
}

/** Whether a model of this architecture and head has tensor `name`. */
export function hasWeight(name: WeightName, arch: ArchConfig, head: HeadConfig): boolean {
  switch (WEIGHTS[name].when) {
    case 'always': return true;
    case 'factorised': return arch.embeddingSize !== arch.hidden;
    case 'preNorm': return arch.norm === 'pre';
    case 'sequenceHead': return head.kind === 'classification' || head.kind === 'regression';
    case 'head': return head.kind !== 'none';
  }
}

/** Concrete shape of tensor `name` for an architecture and head. */
export function weightShape(name: WeightName, arch: ArchConfig, head: HeadConfig): number[] {
  const dims: Record<Dim, number> = {
    V: arch.vocabSize, P: arch.maxPositions, T: arch.typeVocabSize, E: arch.embeddingSize,
    d: arch.hidden, f: arch.ffn, N: headOutputs(head),
  };
  return WEIGHTS[name].shape.map((s) => dims[s]);
}

/** Shape of tensors whose columns sit side by side ([k, sum n] for matrices, [sum n] for vectors). */
export function columnsShape(parts: readonly WeightName[], arch: ArchConfig, head: HeadConfig): number[] {
  const shapes = parts.map((p) => weightShape(p, arch, head));
  const cols = shapes.reduce((s, sh) => s + sh[sh.length - 1]!, 0);
  return shapes[0]!.length === 1 ? [cols] : [shapes[0]![0]!, cols];
}

/** Number of float values of tensor `name`. */
export function weightSize(name: WeightName, arch: ArchConfig, head: HeadConfig): number {
  return weightShape(name, arch, head).reduce((a, b) => a * b, 1);
}

export interface Model {
  readonly arch: ArchConfig;
  readonly head: HeadConfig;
  readonly weights: ModelWeights;
}

/** Exit table: exitTable[id] = number of encoder layers token id is processed by, 1..L. */
export type ExitTable = Uint8Array;

/** The sequence heads' pooler activation (tanh unless the head says otherwise). */
export function poolerActivation(head: HeadConfig): PoolerActivation {
  return head.kind === 'classification' || head.kind === 'regression' ? head.pooler ?? 'tanh' : 'tanh';
}

/** Number of outputs of the head (0 for 'none', hidden size is separate). */
export function headOutputs(head: HeadConfig): number {
  switch (head.kind) {
    case 'none': return 0;
    case 'classification': return head.labels;
    case 'regression': return 1;
    case 'token': return head.labels;
  }
}
