// Loading a spec's model and exit table: weights (seeded random, or an ONNX file read by structure) then the table.

import { readFileSync } from 'node:fs';
import type { ExitTable, Model } from '../contract/model.ts';
import type { Spec } from './spec/types.ts';
import { HasheeError } from './errors.ts';
import type { Seq2SeqModel } from '../contract/seq2seq.ts';
import type { Seq2SeqTables } from '../runtime/reference/seq2seq.ts';
import { randomSeq2SeqWeights, randomWeights } from './weights/random.ts';
import { importOnnx, checkOnnxAgainstSpec } from './onnx/index.ts';
import { importSeq2SeqDir } from './onnx/seq2seq-import.ts';
import { buildDecoderExitTable, buildExitTable } from './hash/index.ts';
import type { Progress } from './progress.ts';

export interface Loaded {
  readonly spec: Spec;
  readonly model: Model;
  readonly table: ExitTable;
}

/** Weights from the spec's source: seeded random, or an ONNX file read by structure and checked against the spec. */
export function loadModel(spec: Spec, progress?: Progress): Model {
  if (spec.seq2seq) {
    throw new HasheeError('spec-value', 'this command runs encoder models; an encoder-decoder spec runs with `hashee generate` (and compiles, exports and imports); run, eval, train, schedule and report do not take encoder-decoder models yet', {
      location: spec.locations.get('model.kind'), keyPath: 'model.kind', expected: 'encoder', actual: 'encoder-decoder',
    });
  }
  const w = spec.weights;
  if (w.kind === 'random') return { arch: spec.arch, head: spec.head, weights: randomWeights(spec.arch, spec.head, w.seed, w.std) };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(w.path);
  } catch (e) {
    throw new HasheeError('file-missing', `cannot read ONNX file ${w.path}: ${(e as Error).message}`, { location: spec.locations.get('weights.onnx'), keyPath: 'weights.onnx' });
  }
  const found = importOnnx(bytes, w.path, progress);
  checkOnnxAgainstSpec(found, spec.arch, spec.head, spec.locations, w.path);
  // With head `none` the file's head (if any) is not used: drop its weights rather than carry them.
  const weights = spec.head.kind === 'none' ? { ...found.weights, head: {} } : found.weights;
  return { arch: spec.arch, head: spec.head, weights };
}

export interface LoadedSeq2Seq {
  readonly spec: Spec;
  readonly model: Seq2SeqModel;
  readonly tables: Seq2SeqTables;
}

/**
 * An encoder-decoder spec's model (seeded random weights, or an export folder read by structure) and its two exit tables: the encoder's from
 * `exit`, the decoder's from `decoder_exit` (every layer when absent).
 */
export function loadSeq2Seq(spec: Spec, progress?: Progress): LoadedSeq2Seq {
  const s2s = spec.seq2seq;
  if (!s2s) {
    throw new HasheeError('spec-value', 'generation needs an encoder-decoder spec (model.kind: encoder-decoder, head kind lm)', {
      location: spec.locations.get('model'), keyPath: 'model.kind', expected: 'encoder-decoder', actual: 'encoder',
    });
  }
  const model: Seq2SeqModel = spec.weights.kind === 'random'
    ? { arch: s2s.arch, ...randomSeq2SeqWeights(s2s.arch, spec.weights.seed, spec.weights.std) }
    : importedSeq2Seq(spec, spec.weights.path);
  const embeddings = (): Float32Array => model.encoder.wordEmb;
  const tables = { encoder: buildExitTable(spec, { embeddings, progress }), decoder: buildDecoderExitTable(spec, { embeddings, progress }) };
  return { spec, model, tables };
}

/** An export folder read by structure (compiler/onnx/seq2seq-import.ts), checked against the spec's model keys. */
function importedSeq2Seq(spec: Spec, dir: string): Seq2SeqModel {
  const found = importSeq2SeqDir(dir);
  const want = spec.seq2seq!.arch;
  const keys: Record<keyof typeof want, string> = {
    encoderLayers: 'encoder_layers', decoderLayers: 'decoder_layers', hidden: 'hidden', heads: 'heads', ffn: 'ffn', vocabSize: 'vocab_size',
    maxPositions: 'max_positions', activation: 'activation', layerNormEps: 'layer_norm_eps', norm: 'norm', tieEmbeddings: 'tie_embeddings',
  };
  for (const k of Object.keys(keys) as (keyof typeof want)[]) {
    const a = found.arch[k], b = want[k];
    const same = typeof a === 'number' && typeof b === 'number' ? Math.fround(a) === Math.fround(b) : a === b;
    if (!same) {
      const key = `model.${keys[k]}`;
      throw new HasheeError('onnx-mismatch', `${dir} holds a model with ${keys[k]} ${String(a)}, the spec says ${String(b)}`, {
        location: spec.locations.get(key) ?? spec.locations.get('model'), keyPath: key, expected: String(b), actual: String(a),
      });
    }
  }
  return { arch: want, encoder: found.encoder, decoder: found.decoder };
}

/** Spec -> model -> exit table. The model is loaded first: the cluster policy reads its embeddings. */
export function loadAll(spec: Spec, progress?: Progress): Loaded {
  const model = loadModel(spec, progress);
  const table = buildExitTable(spec, { embeddings: () => model.weights.wordEmb, progress });
  return { spec, model, table };
}
