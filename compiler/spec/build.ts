// Validated YAML data (snake_case, relative paths) -> the typed Spec (camelCase, absolute paths, defaults filled).

import { dirname, resolve } from 'node:path';
import type { Activation, ArchConfig, HeadConfig, NormPlacement, PoolerActivation } from '../../contract/model.ts';
import type { SourceLocation } from '../errors.ts';
import { encoderArch, type Seq2SeqArch } from '../../contract/seq2seq.ts';
import type { CorpusRef, ExitPolicy, Precision, Seq2SeqSpec, SpecialIds, Spec, TableValues, Target, TokenizerRef, WeightsSource } from './types.ts';

/** Values of the optional keys; the schema's `default` annotations say the same (a test checks). */
export const SPEC_DEFAULTS = {
  typeVocabSize: 2,
  activation: 'gelu' as Activation,
  layerNormEps: 1e-12,
  norm: 'post' as NormPlacement,
  sharedLayers: false,
  pooler: 'tanh' as PoolerActivation,
  weightsStd: 0.02,
  exitSeed: 0,
  clusterIterations: 50,
  targets: ['wasm', 'webgpu'] as readonly Target[],
  precision: 'f32',
  modelKind: 'encoder',
  tieEmbeddings: true,
  maxNew: 32,
  beams: 1,
} as const;

/**
 * Special ids of an encoder-decoder spec without a tokenizer: BART's <s> 0 (cls), <pad> 1, </s> 2 (sep),
 * <unk> 3, and <mask> as its last id (V - 1).
 */
export function bartSpecialIds(vocabSize: number): SpecialIds {
  return { cls: 0, pad: 1, sep: 2, unk: 3, mask: vocabSize - 1 };
}

/** The YAML shape, as the schema guarantees it once validation passed. */
export interface RawSpec {
  name: string;
  model: {
    kind?: 'encoder' | 'encoder-decoder'; encoder_layers?: number; decoder_layers?: number; tie_embeddings?: boolean;
    layers?: number; hidden: number; heads: number; ffn: number; vocab_size: number; max_positions: number;
    type_vocab_size?: number; embedding_size?: number; activation?: Activation; layer_norm_eps?: number; norm?: NormPlacement;
    shared_layers?: boolean;
  };
  head: { kind: HeadConfig['kind'] | 'lm'; labels?: number; pooler?: PoolerActivation };
  weights: { random?: { seed: number; std?: number }; onnx?: string };
  tokenizer?: { path: string; special_ids: { cls: number; sep: number; pad: number; unk: number; mask: number } };
  exit: RawExit;
  decoder_exit?: RawExit;
  generation?: { decoder_start_id?: number; eos_id?: number; max_new?: number; beams?: number };
  targets?: Target[];
  precision?: 'f32' | 'int8' | 'f16' | { wasm?: Precision['wasm']; webgpu?: Precision['webgpu'] };
}

interface RawExit {
    policy: ExitPolicy['kind'];
    buckets?: number;
    bucket_layers?: number[];
    corpus?: { files: string[]; text_columns: string[]; label_column?: string };
    seed?: number;
    iterations?: number;
    table?: string;
    table_values?: TableValues;
}

export function buildSpec(raw: RawSpec, file: string, locations: ReadonlyMap<string, SourceLocation>, hash: string): Spec {
  const abs = resolve(file);
  const path = (p: string): string => resolve(dirname(abs), p);
  const seq2seq = raw.model.kind === 'encoder-decoder' ? buildSeq2Seq(raw, path) : undefined;
  return {
    file: abs,
    name: raw.name,
    // an encoder-decoder's encoder is an encoder of its own (no head: the LM head is the decoder's)
    arch: seq2seq ? encoderArch(seq2seq.arch) : buildArch(raw.model),
    head: seq2seq ? { kind: 'none' } : buildHead(raw.head),
    ...(seq2seq ? { seq2seq } : {}),
    weights: buildWeights(raw.weights, path),
    ...(raw.tokenizer ? { tokenizer: buildTokenizer(raw.tokenizer, path) } : {}),
    exit: buildExit(raw.exit, path),
    targets: raw.targets ?? SPEC_DEFAULTS.targets,
    precision: buildPrecision(raw.precision),
    locations,
    hash,
  };
}

/** A single value applies to every target it names (semantic checks refuse int8 with webgpu and f16 with wasm). */
function buildPrecision(p: RawSpec['precision']): Precision {
  if (p === undefined || p === 'f32') return { wasm: 'f32', webgpu: 'f32' };
  if (p === 'int8') return { wasm: 'int8', webgpu: 'f32' };
  if (p === 'f16') return { wasm: 'f32', webgpu: 'f16' };
  return { wasm: p.wasm ?? 'f32', webgpu: p.webgpu ?? 'f32' };
}

function buildSeq2Seq(raw: RawSpec, path: (p: string) => string): Seq2SeqSpec {
  const m = raw.model, g = raw.generation ?? {};
  const arch: Seq2SeqArch = {
    encoderLayers: m.encoder_layers!, decoderLayers: m.decoder_layers!, hidden: m.hidden, heads: m.heads, ffn: m.ffn,
    vocabSize: m.vocab_size, maxPositions: m.max_positions,
    activation: m.activation ?? SPEC_DEFAULTS.activation, layerNormEps: m.layer_norm_eps ?? SPEC_DEFAULTS.layerNormEps,
    norm: m.norm ?? SPEC_DEFAULTS.norm, tieEmbeddings: m.tie_embeddings ?? SPEC_DEFAULTS.tieEmbeddings,
  };
  const sep = raw.tokenizer?.special_ids.sep ?? bartSpecialIds(m.vocab_size).sep;
  return {
    arch,
    decoderExit: raw.decoder_exit ? buildExit(raw.decoder_exit, path) : { kind: 'none' },
    ids: { decoderStart: g.decoder_start_id ?? sep, eos: g.eos_id ?? sep },
    maxNew: g.max_new ?? SPEC_DEFAULTS.maxNew,
    beams: g.beams ?? SPEC_DEFAULTS.beams,
  };
}

function buildArch(m: RawSpec['model']): ArchConfig {
  return {
    layers: m.layers!,
    hidden: m.hidden,
    heads: m.heads,
    ffn: m.ffn,
    vocabSize: m.vocab_size,
    maxPositions: m.max_positions,
    typeVocabSize: m.type_vocab_size ?? SPEC_DEFAULTS.typeVocabSize,
    embeddingSize: m.embedding_size ?? m.hidden,
    activation: m.activation ?? SPEC_DEFAULTS.activation,
    layerNormEps: m.layer_norm_eps ?? SPEC_DEFAULTS.layerNormEps,
    norm: m.norm ?? SPEC_DEFAULTS.norm,
    sharedLayers: m.shared_layers ?? SPEC_DEFAULTS.sharedLayers,
  };
}

function buildHead(h: RawSpec['head']): HeadConfig {
  switch (h.kind) {
    case 'none': case 'lm': return { kind: 'none' }; // lm is refused without kind encoder-decoder (semantic.ts)
    // pooler is kept only when written: absent means tanh (poolerActivation in contract/model.ts)
    case 'regression': return { kind: 'regression', ...(h.pooler ? { pooler: h.pooler } : {}) };
    case 'classification': return { kind: 'classification', labels: h.labels!, ...(h.pooler ? { pooler: h.pooler } : {}) };
    case 'token': return { kind: 'token', labels: h.labels! };
  }
}

function buildWeights(w: RawSpec['weights'], path: (p: string) => string): WeightsSource {
  if (w.onnx !== undefined) return { kind: 'onnx', path: path(w.onnx) };
  return { kind: 'random', seed: w.random!.seed, std: w.random!.std ?? SPEC_DEFAULTS.weightsStd };
}

function buildTokenizer(t: NonNullable<RawSpec['tokenizer']>, path: (p: string) => string): TokenizerRef {
  const s = t.special_ids;
  return { path: path(t.path), specialIds: { cls: s.cls, sep: s.sep, pad: s.pad, unk: s.unk, mask: s.mask } };
}

function buildExit(e: RawExit, path: (p: string) => string): ExitPolicy {
  const buckets = { buckets: e.buckets!, ...(e.bucket_layers ? { bucketLayers: e.bucket_layers } : {}) };
  const corpus = (): CorpusRef => {
    const c = e.corpus!;
    return { files: c.files.map(path), textColumns: c.text_columns, ...(c.label_column !== undefined ? { labelColumn: c.label_column } : {}) };
  };
  switch (e.policy) {
    case 'none': return { kind: 'none' };
    case 'frequency': return { kind: 'frequency', corpus: corpus(), ...buckets };
    case 'mi': return { kind: 'mi', corpus: corpus(), ...buckets };
    case 'random': return { kind: 'random', seed: e.seed ?? SPEC_DEFAULTS.exitSeed, ...buckets };
    case 'cluster': return { kind: 'cluster', seed: e.seed ?? SPEC_DEFAULTS.exitSeed, iterations: e.iterations ?? SPEC_DEFAULTS.clusterIterations, ...buckets };
    case 'table': return { kind: 'table', path: path(e.table!), ...(e.table_values ? { values: e.table_values } : {}) };
  }
}
