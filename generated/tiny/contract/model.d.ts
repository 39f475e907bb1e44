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
/**
 * The weight table: every tensor a model has, named once. Shapes are symbolic (V vocabulary, P positions,
 * T token types, E embedding width, d hidden, f FFN width, N head outputs) and resolved by weightShape();
 * `group` says where the tensor lives (embeddings, each layer, after the last layer, the head); `when`
 * says which models have it; `init` is how seeded random weights draw it; `onnx` is the Hugging Face
 * parameter name ({l} = layer index) the ONNX exporter writes. The order is the draw order of seeded
 * random weights and the order of every packed layout. Matrices are row-major [in, out] (y = x @ W + b).
 * The weight types below (LayerWeights, HeadWeights, ModelWeights) are derived from this table.
 */
export declare const WEIGHTS: {
    readonly wordEmb: {
        readonly group: "embed";
        readonly shape: readonly ["V", "E"];
        readonly when: "always";
        readonly init: "normal";
        readonly onnx: "embeddings.word_embeddings.weight";
    };
    readonly posEmb: {
        readonly group: "embed";
        readonly shape: readonly ["P", "E"];
        readonly when: "always";
        readonly init: "normal";
        readonly onnx: "embeddings.position_embeddings.weight";
    };
    readonly typeEmb: {
        readonly group: "embed";
        readonly shape: readonly ["T", "E"];
        readonly when: "always";
        readonly init: "normal";
        readonly onnx: "embeddings.token_type_embeddings.weight";
    };
    readonly embLnG: {
        readonly group: "embed";
        readonly shape: readonly ["E"];
        readonly when: "always";
        readonly init: "gain";
        readonly onnx: "embeddings.LayerNorm.weight";
    };
    readonly embLnB: {
        readonly group: "embed";
        readonly shape: readonly ["E"];
        readonly when: "always";
        readonly init: "normal";
        readonly onnx: "embeddings.LayerNorm.bias";
    };
    readonly embProjW: {
        readonly group: "embed";
        readonly shape: readonly ["E", "d"];
        readonly when: "factorised";
        readonly init: "normal";
        readonly onnx: "encoder.embedding_hidden_mapping_in.weight";
    };
    readonly embProjB: {
        readonly group: "embed";
        readonly shape: readonly ["d"];
        readonly when: "factorised";
        readonly init: "normal";
        readonly onnx: "encoder.embedding_hidden_mapping_in.bias";
    };
    readonly qW: {
        readonly group: "layer";
        readonly shape: readonly ["d", "d"];
        readonly when: "always";
        readonly init: "normal";
        readonly onnx: "encoder.layer.{l}.attention.self.query.weight";
    };
    readonly qB: {
        readonly group: "layer";
        readonly shape: readonly ["d"];
        readonly when: "always";
        readonly init: "normal";
        readonly onnx: "encoder.layer.{l}.attention.self.query.bias";
    };
    readonly kW: {
        readonly group: "layer";
        readonly shape: readonly ["d", "d"];
        readonly when: "always";
        readonly init: "normal";
        readonly onnx: "encoder.layer.{l}.attention.self.key.weight";
    };
    readonly kB: {
        readonly group: "layer";
        readonly shape: readonly ["d"];
        readonly when: "always";
        readonly init: "normal";
        readonly onnx: "encoder.layer.{l}.attention.self.key.bias";
    };
    readonly vW: {
        readonly group: "layer";
        readonly shape: readonly ["d", "d"];
        readonly when: "always";
        readonly init: "normal";
        readonly onnx: "encoder.layer.{l}.attention.self.value.weight";
    };
    readonly vB: {
        readonly group: "layer";
        readonly shape: readonly ["d"];
        readonly when: "always";
        readonly init: "normal";
        readonly onnx: "encoder.layer.{l}.attention.self.value.bias";
    };
    readonly oW: {
        readonly group: "layer";
        readonly shape: readonly ["d", "d"];
        readonly when: "always";
        readonly init: "normal";
        readonly onnx: "encoder.layer.{l}.attention.output.dense.weight";
    };
    readonly oB: {
        readonly group: "layer";
        readonly shape: readonly ["d"];
        readonly when: "always";
        readonly init: "normal";
        readonly onnx: "encoder.layer.{l}.attention.output.dense.bias";
    };
    readonly ln1G: {
        readonly group: "layer";
        readonly shape: readonly ["d"];
        readonly when: "always";
        readonly init: "gain";
        readonly onnx: "encoder.layer.{l}.attention.output.LayerNorm.weight";
    };
    readonly ln1B: {
        readonly group: "layer";
        readonly shape: readonly ["d"];
        readonly when: "always";
        readonly init: "normal";
        readonly onnx: "encoder.layer.{l}.attention.output.LayerNorm.bias";
    };
    readonly f1W: {
        readonly group: "layer";
        readonly shape: readonly ["d", "f"];
        readonly when: "always";
        readonly init: "normal";
        readonly onnx: "encoder.layer.{l}.intermediate.dense.weight";
    };
    readonly f1B: {
        readonly group: "layer";
        readonly shape: readonly ["f"];
        readonly when: "always";
        readonly init: "normal";
        readonly onnx: "encoder.layer.{l}.intermediate.dense.bias";
    };
    readonly f2W: {
        readonly group: "layer";
        readonly shape: readonly ["f", "d"];
        readonly when: "always";
        readonly init: "normal";
        readonly onnx: "encoder.layer.{l}.output.dense.weight";
    };
    readonly f2B: {
        readonly group: "layer";
        readonly shape: readonly ["d"];
        readonly when: "always";
        readonly init: "normal";
        readonly onnx: "encoder.layer.{l}.output.dense.bias";
    };
    readonly ln2G: {
        readonly group: "layer";
        readonly shape: readonly ["d"];
        readonly when: "always";
        readonly init: "gain";
        readonly onnx: "encoder.layer.{l}.output.LayerNorm.weight";
    };
    readonly ln2B: {
        readonly group: "layer";
        readonly shape: readonly ["d"];
        readonly when: "always";
        readonly init: "normal";
        readonly onnx: "encoder.layer.{l}.output.LayerNorm.bias";
    };
    readonly finalLnG: {
        readonly group: "final";
        readonly shape: readonly ["d"];
        readonly when: "preNorm";
        readonly init: "gain";
        readonly onnx: "encoder.LayerNorm.weight";
    };
    readonly finalLnB: {
        readonly group: "final";
        readonly shape: readonly ["d"];
        readonly when: "preNorm";
        readonly init: "normal";
        readonly onnx: "encoder.LayerNorm.bias";
    };
    readonly poolerW: {
        readonly group: "head";
        readonly shape: readonly ["d", "d"];
        readonly when: "sequenceHead";
        readonly init: "normal";
        readonly onnx: "pooler.dense.weight";
    };
    readonly poolerB: {
        readonly group: "head";
        readonly shape: readonly ["d"];
        readonly when: "sequenceHead";
        readonly init: "normal";
        readonly onnx: "pooler.dense.bias";
    };
    readonly classifierW: {
        readonly group: "head";
        readonly shape: readonly ["d", "N"];
        readonly when: "head";
        readonly init: "normal";
        readonly onnx: "classifier.weight";
    };
    readonly classifierB: {
        readonly group: "head";
        readonly shape: readonly ["N"];
        readonly when: "head";
        readonly init: "normal";
        readonly onnx: "classifier.bias";
    };
};
export type WeightGroup = 'embed' | 'layer' | 'final' | 'head';
export type Dim = 'V' | 'P' | 'T' | 'E' | 'd' | 'f' | 'N';
/** Which models have a tensor: all, factorised embeddings (E != d), pre-LN, sequence heads, any head. */
export type WeightCondition = 'always' | 'factorised' | 'preNorm' | 'sequenceHead' | 'head';
export interface WeightSpec {
    readonly group: WeightGroup;
    readonly shape: readonly Dim[];
    readonly when: WeightCondition;
    readonly init: 'normal' | 'gain';
    readonly onnx: string;
}
export type WeightName = keyof typeof WEIGHTS;
/**
 * The names of a weight table's tensors in group G: required (`when: 'always'`) or, with Optional, the
 * conditional ones. Shared by every weight table (this one and contract/seq2seq.ts's decoder table).
 */
type TableNames<T extends Record<string, {
    readonly group: string;
    readonly when: string;
}>, G, Optional extends boolean> = {
    [K in keyof T]: T[K]['group'] extends G ? (T[K]['when'] extends 'always' ? (Optional extends false ? K : never) : (Optional extends true ? K : never)) : never;
}[keyof T];
/** A weight table's tensors of one group: those it marks `always` are required, the others optional. */
export type TableTensors<T extends Record<string, {
    readonly group: string;
    readonly when: string;
}>, G> = {
    readonly [K in TableNames<T, G, false>]: Float32Array;
} & {
    readonly [K in TableNames<T, G, true>]?: Float32Array;
};
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
export declare function weightNames<G extends WeightGroup>(group: G): WeightName[];
/** The tensors of `group` this architecture and head have, each made by `make` in table order. */
export declare function groupWeights<G extends WeightGroup>(group: G, arch: ArchConfig, head: HeadConfig, make: (name: WeightName) => Float32Array): GroupWeights<G>;
/**
 * Checks that a model's weights are the ones its architecture and head call for (WEIGHTS' `when`), each
 * with the size of its shape; throws a RangeError naming the first tensor that is missing or misshapen.
 */
export declare function checkWeights(model: {
    readonly arch: ArchConfig;
    readonly head: HeadConfig;
    readonly weights: ModelWeights;
}): void;
/** Whether a model of this architecture and head has tensor `name`. */
export declare function hasWeight(name: WeightName, arch: ArchConfig, head: HeadConfig): boolean;
/** Concrete shape of tensor `name` for an architecture and head. */
export declare function weightShape(name: WeightName, arch: ArchConfig, head: HeadConfig): number[];
/** Shape of tensors whose columns sit side by side ([k, sum n] for matrices, [sum n] for vectors). */
export declare function columnsShape(parts: readonly WeightName[], arch: ArchConfig, head: HeadConfig): number[];
/** Number of float values of tensor `name`. */
export declare function weightSize(name: WeightName, arch: ArchConfig, head: HeadConfig): number;
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
export {};
