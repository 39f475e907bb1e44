// The typed, validated spec: what compiler/spec produces from a YAML file. Paths are absolute.

import type { ArchConfig, HeadConfig } from '../../contract/model.ts';
import type { GenerationIds, Seq2SeqArch } from '../../contract/seq2seq.ts';
import type { SourceLocation } from '../errors.ts';

export interface SpecialIds {
  readonly cls: number;
  readonly sep: number;
  readonly pad: number;
  readonly unk: number;
  readonly mask: number;
}

export type WeightsSource =
  | { readonly kind: 'random'; readonly seed: number; readonly std: number }
  | { readonly kind: 'onnx'; readonly path: string };

export interface TokenizerRef {
  readonly path: string;               // Hugging Face tokenizer.json
  readonly specialIds: SpecialIds;
}

/** A tab-separated corpus with a header line; text is tokenized with the spec's tokenizer. */
export interface CorpusRef {
  readonly files: readonly string[];
  readonly textColumns: readonly string[]; // one or two sentence columns (pairs are encoded as a pair)
  readonly labelColumn?: string;
}

interface BucketParams {
  readonly buckets: number;
  /** layers[j] = layers processed by bucket j; default the reference rule 1 + j * ((L) // B). */
  readonly bucketLayers?: readonly number[];
}

/** How an exit table file's values count: layers 1..L, or the HashEE reference's bucket values 2..L+1. */
export type TableValues = 'layers' | 'buckets';

export type ExitPolicy =
  | { readonly kind: 'none' }                                                    // full depth
  | ({ readonly kind: 'frequency'; readonly corpus: CorpusRef } & BucketParams)
  | ({ readonly kind: 'mi'; readonly corpus: CorpusRef } & BucketParams)         // corpus needs labels
  | ({ readonly kind: 'random'; readonly seed: number } & BucketParams)
  | ({ readonly kind: 'cluster'; readonly seed: number; readonly iterations: number } & BucketParams)
  /** JSON, pickle or torch.save {id: value}; values count layers, or (buckets) the reference's bucket values (v - 1 layers). */
  | { readonly kind: 'table'; readonly path: string; readonly values?: TableValues };

export type Target = 'wasm' | 'webgpu';

/** Weight precision per target: int8 matrices (wasm) or float16 storage (webgpu); f32 by default. */
export interface Precision {
  readonly wasm: 'f32' | 'int8';
  readonly webgpu: 'f32' | 'f16';
}

/** What `model.kind: encoder-decoder` adds: the two stacks, the decoder's exit policy, generation settings. */
export interface Seq2SeqSpec {
  readonly arch: Seq2SeqArch;
  readonly decoderExit: ExitPolicy;     // default none: every decoder layer runs
  readonly ids: GenerationIds;          // default: both tokenizer.special_ids.sep (BART's </s>)
  readonly maxNew: number;
  readonly beams: number;
}

export interface Spec {
  readonly file: string;               // absolute path of the YAML file
  readonly name: string;
  /** The encoder (for an encoder-decoder spec, its encoder stack: encoderArch(seq2seq.arch)). */
  readonly arch: ArchConfig;
  /** The encoder's head (none for an encoder-decoder spec: its LM head belongs to the decoder). */
  readonly head: HeadConfig;
  /** Present for `model.kind: encoder-decoder`. */
  readonly seq2seq?: Seq2SeqSpec;
  readonly weights: WeightsSource;
  readonly tokenizer?: TokenizerRef;
  readonly exit: ExitPolicy;
  readonly targets: readonly Target[];
  readonly precision: Precision;
  /** Where each key path was written, for errors found after parsing (e.g. "exit.corpus.files[1]"). */
  readonly locations: ReadonlyMap<string, SourceLocation>;
  /** sha256 of the spec file's bytes, hex: goes in generated headers. */
  readonly hash: string;
}
