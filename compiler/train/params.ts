// Trainable parameters of a post-LN BERT encoder with a sequence head, laid out in one flat array (and the
// same layout for gradients and AdamW moments): views per tensor, BERT initialisation, conversion to and
// from the runtime's ModelWeights.

import type { ArchConfig, HeadConfig, LayerWeights, ModelWeights } from '../../contract/model.ts';
import { headOutputs, poolerActivation } from '../../contract/model.ts';
import { HasheeError } from '../errors.ts';
import { createRng } from '../util/rng.ts';
import type { Vec } from './backend.ts';

export const LAYER_KEYS = ['qW', 'qB', 'kW', 'kB', 'vW', 'vB', 'oW', 'oB', 'ln1G', 'ln1B', 'f1W', 'f1B', 'f2W', 'f2B', 'ln2G', 'ln2B'] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];
export type LayerParams = Record<LayerKey, Vec>;

export interface Params {
  readonly wordEmb: Vec;  // [V, d]
  readonly posEmb: Vec;   // [P, d]
  readonly typeEmb: Vec;  // [T, d]
  readonly embLnG: Vec;   // [d]
  readonly embLnB: Vec;   // [d]
  readonly layers: readonly LayerParams[];
  readonly poolerW: Vec;  // [d, d]
  readonly poolerB: Vec;  // [d]
  readonly classifierW: Vec; // [d, N]
  readonly classifierB: Vec; // [N]
}

export interface ParamEntry {
  readonly name: string;   // 'wordEmb', 'layers.0.qW', 'poolerW', ...
  readonly offset: number; // in the flat array
  readonly size: number;
  readonly kind: 'matrix' | 'bias' | 'gain';
}

export interface ParamLayout {
  readonly entries: readonly ParamEntry[];
  readonly size: number;
  /** Matrices (embeddings included) come first: [0, decayEnd) takes weight decay, biases and LayerNorm do not (as BERT). */
  readonly decayEnd: number;
}

/** What training supports: the architecture the reference executor runs, with a sequence head. */
export function checkTrainable(arch: ArchConfig, head: HeadConfig): void {
  const bad = (keyPath: string, expected: string, actual: string, what: string): never => {
    throw new HasheeError('spec-value', `training supports ${what}`, { keyPath, expected, actual });
  };
  if (head.kind !== 'classification' && head.kind !== 'regression') bad('head.kind', 'classification | regression', head.kind, 'sequence-level heads only');
  if (poolerActivation(head) !== 'tanh') bad('head.pooler', 'tanh', poolerActivation(head), 'the tanh pooler only');
  if (arch.norm !== 'post') bad('model.norm', 'post', arch.norm, 'post-LN (BERT) encoders only');
  if (arch.embeddingSize !== arch.hidden) bad('model.embedding_size', String(arch.hidden), String(arch.embeddingSize), 'embeddings as wide as the hidden size only');
  if (arch.typeVocabSize < 1) bad('model.type_vocab_size', '>= 1', String(arch.typeVocabSize), 'models with token-type embeddings only');
  if (arch.sharedLayers) bad('model.shared_layers', 'false', 'true', 'one set of weights per layer only');
  if (arch.activation !== 'gelu') bad('model.activation', 'gelu', arch.activation, 'the erf GELU only');
  if (arch.ffn % 4 !== 0) bad('model.ffn', 'a multiple of 4', String(arch.ffn), 'FFN widths that are multiples of 4');
}

export function paramLayout(arch: ArchConfig, head: HeadConfig): ParamLayout {
  const d = arch.hidden, f = arch.ffn, n = headOutputs(head);
  const specs: { name: string; size: number; kind: ParamEntry['kind'] }[] = [];
  const add = (name: string, size: number, kind: ParamEntry['kind']): void => { specs.push({ name, size, kind }); };
  add('wordEmb', arch.vocabSize * d, 'matrix');
  add('posEmb', arch.maxPositions * d, 'matrix');
  add('typeEmb', arch.typeVocabSize * d, 'matrix');
  add('embLnG', d, 'gain');
  add('embLnB', d, 'bias');
  for (let l = 0; l < arch.layers; l++) {
    const sizes: Record<LayerKey, number> = {
      qW: d * d, qB: d, kW: d * d, kB: d, vW: d * d, vB: d, oW: d * d, oB: d,
      ln1G: d, ln1B: d, f1W: d * f, f1B: f, f2W: f * d, f2B: d, ln2G: d, ln2B: d,
    };
    for (const key of LAYER_KEYS) add(`layers.${l}.${key}`, sizes[key], key.endsWith('W') ? 'matrix' : key.endsWith('G') ? 'gain' : 'bias');
  }
  add('poolerW', d * d, 'matrix');
  add('poolerB', d, 'bias');
  add('classifierW', d * n, 'matrix');
  add('classifierB', n, 'bias');
  const ordered = [...specs.filter((s) => s.kind === 'matrix'), ...specs.filter((s) => s.kind !== 'matrix')];
  let offset = 0;
  const entries = ordered.map((s) => { const e = { ...s, offset }; offset += s.size; return e; });
  const decayEnd = entries.filter((e) => e.kind === 'matrix').reduce((a, e) => a + e.size, 0);
  return { entries, size: offset, decayEnd };
}

/** Views of one flat array laid out by `layout`. */
export function paramViews(layout: ParamLayout, flat: Vec): Params {
  const at = new Map(layout.entries.map((e) => [e.name, flat.subarray(e.offset, e.offset + e.size)]));
  const get = (name: string): Vec => at.get(name)!;
  const layers: LayerParams[] = [];
  for (let l = 0; at.has(`layers.${l}.qW`); l++) {
    layers.push(Object.fromEntries(LAYER_KEYS.map((k) => [k, get(`layers.${l}.${k}`)])) as LayerParams);
  }
  return {
    wordEmb: get('wordEmb'), posEmb: get('posEmb'), typeEmb: get('typeEmb'), embLnG: get('embLnG'), embLnB: get('embLnB'),
    layers, poolerW: get('poolerW'), poolerB: get('poolerB'), classifierW: get('classifierW'), classifierB: get('classifierB'),
  };
}

/** BERT's initialisation: matrices and embeddings N(0, std^2) (seeded), biases 0, LayerNorm gains 1. */
export function initParams(layout: ParamLayout, flat: Vec, seed: number, std = 0.02): void {
  const rng = createRng(seed);
  for (const e of layout.entries) {
    const v = flat.subarray(e.offset, e.offset + e.size);
    if (e.kind === 'matrix') for (let i = 0; i < v.length; i++) v[i] = std * rng.normal();
    else v.fill(e.kind === 'gain' ? 1 : 0);
  }
}

/** Copies runtime weights (e.g. read from ONNX) into parameter views. */
export function loadParams(p: Params, w: ModelWeights): void {
  const h = w.head;
  if (!h.poolerW || !h.poolerB || !h.classifierW || !h.classifierB) throw new HasheeError('spec-value', 'the weights have no pooler and classifier to train from', { keyPath: 'weights' });
  p.wordEmb.set(w.wordEmb); p.posEmb.set(w.posEmb); p.typeEmb.set(w.typeEmb); p.embLnG.set(w.embLnG); p.embLnB.set(w.embLnB);
  p.layers.forEach((lp, l) => { for (const k of LAYER_KEYS) lp[k].set(w.layers[l]![k]); });
  p.poolerW.set(h.poolerW); p.poolerB.set(h.poolerB); p.classifierW.set(h.classifierW); p.classifierB.set(h.classifierB);
}

/** float32 copies of the parameters as runtime weights (what the ONNX exporter and the reference read). */
export function toModelWeights(p: Params): ModelWeights {
  const c = (v: Vec): Float32Array => Float32Array.from(v);
  const layers = p.layers.map((lp) => Object.fromEntries(LAYER_KEYS.map((k) => [k, c(lp[k])])) as unknown as LayerWeights);
  return {
    wordEmb: c(p.wordEmb), posEmb: c(p.posEmb), typeEmb: c(p.typeEmb), embLnG: c(p.embLnG), embLnB: c(p.embLnB), layers,
    head: { poolerW: c(p.poolerW), poolerB: c(p.poolerB), classifierW: c(p.classifierW), classifierB: c(p.classifierB) },
  };
}
