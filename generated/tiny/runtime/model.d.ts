// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
export type Activation = 'gelu' | 'gelu_tanh' | 'relu';
/** post (BERT): LayerNorm after each residual add. pre: LayerNorm before attention and before the FFN, one final LayerNorm after layer L. */
export type NormPlacement = 'post' | 'pre';
/** Activation of the sequence heads' dense layer on [CLS]: tanh (BERT, RoBERTa, ALBERT pooler) or relu (DistilBERT pre_classifier). */
export type PoolerActivation = 'tanh' | 'relu';
export interface ArchConfig {
    readonly layers: number;
    readonly hidden: number;
    readonly heads: number;
    readonly ffn: number;
    readonly vocabSize: number;
    readonly maxPositions: number;
    readonly typeVocabSize: number;
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
export type HeadConfig = {
    readonly kind: 'none';
} | {
    readonly kind: 'classification';
    readonly labels: number;
    readonly pooler?: PoolerActivation;
} | {
    readonly kind: 'regression';
    readonly pooler?: PoolerActivation;
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
    readonly embProjW?: Float32Array;
    readonly embProjB?: Float32Array;
    /** [L] layer weights; with arch.sharedLayers every entry is the same object (no copies). */
    readonly layers: readonly LayerWeights[];
    readonly finalLnG?: Float32Array;
    readonly finalLnB?: Float32Array;
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
export declare function poolerActivation(head: HeadConfig): PoolerActivation;
/** Number of outputs of the head (0 for 'none', hidden size is separate). */
export declare function headOutputs(head: HeadConfig): number;
