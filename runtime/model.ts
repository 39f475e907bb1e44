// Model description shared by the compiler, the reference executor and every backend.
// Weight matrices are row-major [in, out] (y = x @ W + b), the layout ONNX MatMul uses.

export type Activation = 'gelu' | 'gelu_tanh' | 'relu';
export type NormPlacement = 'post' | 'pre';

export interface ArchConfig {
  readonly layers: number;        // L
  readonly hidden: number;        // d
  readonly heads: number;         // h, divides d
  readonly ffn: number;           // f
  readonly vocabSize: number;     // V
  readonly maxPositions: number;  // P
  readonly typeVocabSize: number; // T
  readonly activation: Activation;
  readonly layerNormEps: number;
  readonly norm: NormPlacement;   // 'post' (BERT) is the only one executed today
}

export type HeadConfig =
  | { readonly kind: 'none' }
  | { readonly kind: 'classification'; readonly labels: number }
  | { readonly kind: 'regression' }
  | { readonly kind: 'token'; readonly labels: number };

export interface LayerWeights {
  readonly qW: Float32Array; readonly qB: Float32Array;     // [d, d], [d]
  readonly kW: Float32Array; readonly kB: Float32Array;     // [d, d], [d]
  readonly vW: Float32Array; readonly vB: Float32Array;     // [d, d], [d]
  readonly oW: Float32Array; readonly oB: Float32Array;     // [d, d], [d]
  readonly ln1G: Float32Array; readonly ln1B: Float32Array; // [d], after attention
  readonly f1W: Float32Array; readonly f1B: Float32Array;   // [d, f], [f]
  readonly f2W: Float32Array; readonly f2B: Float32Array;   // [f, d], [d]
  readonly ln2G: Float32Array; readonly ln2B: Float32Array; // [d], after FFN
}

export interface HeadWeights {
  readonly poolerW?: Float32Array;     // [d, d]   sequence heads: tanh(h_cls @ W + b)
  readonly poolerB?: Float32Array;     // [d]
  readonly classifierW?: Float32Array; // [d, N]   N = labels (1 for regression)
  readonly classifierB?: Float32Array; // [N]
}

export interface ModelWeights {
  readonly wordEmb: Float32Array;  // [V, d]
  readonly posEmb: Float32Array;   // [P, d]
  readonly typeEmb: Float32Array;  // [T, d]
  readonly embLnG: Float32Array;   // [d]
  readonly embLnB: Float32Array;   // [d]
  readonly layers: readonly LayerWeights[];
  readonly head: HeadWeights;
}

export interface Model {
  readonly arch: ArchConfig;
  readonly head: HeadConfig;
  readonly weights: ModelWeights;
}

/** Exit table: exitTable[id] = number of encoder layers token id is processed by, 1..L. */
export type ExitTable = Uint8Array;

/** Number of outputs of the head (0 for 'none', hidden size is separate). */
export function headOutputs(head: HeadConfig): number {
  switch (head.kind) {
    case 'none': return 0;
    case 'classification': return head.labels;
    case 'regression': return 1;
    case 'token': return head.labels;
  }
}
