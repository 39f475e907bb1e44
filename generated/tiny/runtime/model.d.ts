// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
export type Activation = 'gelu' | 'gelu_tanh' | 'relu';
export type NormPlacement = 'post' | 'pre';
export interface ArchConfig {
    readonly layers: number;
    readonly hidden: number;
    readonly heads: number;
    readonly ffn: number;
    readonly vocabSize: number;
    readonly maxPositions: number;
    readonly typeVocabSize: number;
    readonly activation: Activation;
    readonly layerNormEps: number;
    readonly norm: NormPlacement;
}
export type HeadConfig = {
    readonly kind: 'none';
} | {
    readonly kind: 'classification';
    readonly labels: number;
} | {
    readonly kind: 'regression';
} | {
    readonly kind: 'token';
    readonly labels: number;
};
export interface LayerWeights {
    readonly qW: Float32Array;
    readonly qB: Float32Array;
    readonly kW: Float32Array;
    readonly kB: Float32Array;
    readonly vW: Float32Array;
    readonly vB: Float32Array;
    readonly oW: Float32Array;
    readonly oB: Float32Array;
    readonly ln1G: Float32Array;
    readonly ln1B: Float32Array;
    readonly f1W: Float32Array;
    readonly f1B: Float32Array;
    readonly f2W: Float32Array;
    readonly f2B: Float32Array;
    readonly ln2G: Float32Array;
    readonly ln2B: Float32Array;
}
export interface HeadWeights {
    readonly poolerW?: Float32Array;
    readonly poolerB?: Float32Array;
    readonly classifierW?: Float32Array;
    readonly classifierB?: Float32Array;
}
export interface ModelWeights {
    readonly wordEmb: Float32Array;
    readonly posEmb: Float32Array;
    readonly typeEmb: Float32Array;
    readonly embLnG: Float32Array;
    readonly embLnB: Float32Array;
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
export declare function headOutputs(head: HeadConfig): number;
