// Model description shared by the compiler, the reference executor and every backend.
// Weight matrices are row-major [in, out] (y = x @ W + b), the layout ONNX MatMul uses.

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

export interface LayerWeights {
  readonly qW: Float32Array; readonly qB: Float32Array;     // [d, d], [d]
  readonly kW: Float32Array; readonly kB: Float32Array;     // [d, d], [d]
  readonly vW: Float32Array; readonly vB: Float32Array;     // [d, d], [d]
  readonly oW: Float32Array; readonly oB: Float32Array;     // [d, d], [d]
  readonly ln1G: Float32Array; readonly ln1B: Float32Array; // [d], post: after the attention residual; pre: before attention
  readonly f1W: Float32Array; readonly f1B: Float32Array;   // [d, f], [f]
  readonly f2W: Float32Array; readonly f2B: Float32Array;   // [f, d], [d]
  readonly ln2G: Float32Array; readonly ln2B: Float32Array; // [d], post: after the FFN residual; pre: before the FFN
}

export interface HeadWeights {
  readonly poolerW?: Float32Array;     // [d, d]   sequence heads: act(h_cls @ W + b), act = poolerActivation(head)
  readonly poolerB?: Float32Array;     // [d]
  readonly classifierW?: Float32Array; // [d, N]   N = labels (1 for regression)
  readonly classifierB?: Float32Array; // [N]
}

export interface ModelWeights {
  readonly wordEmb: Float32Array;  // [V, E]
  readonly posEmb: Float32Array;   // [P, E]
  readonly typeEmb: Float32Array;  // [T, E] (empty when T = 0)
  readonly embLnG: Float32Array;   // [E]
  readonly embLnB: Float32Array;   // [E]
  readonly embProjW?: Float32Array; // [E, d] present exactly when E != d (ALBERT)
  readonly embProjB?: Float32Array; // [d]
  /** [L] layer weights; with arch.sharedLayers every entry is the same object (no copies). */
  readonly layers: readonly LayerWeights[];
  readonly finalLnG?: Float32Array; // [d] present exactly when norm is 'pre': LayerNorm of h^L
  readonly finalLnB?: Float32Array; // [d]
  readonly head: HeadWeights;
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
