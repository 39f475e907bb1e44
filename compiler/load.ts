// Loading a spec's model and exit table: weights (seeded random, or an ONNX file read by structure) then the table.

import { readFileSync } from 'node:fs';
import type { ExitTable, Model } from '../contract/model.ts';
import type { Spec } from './spec/types.ts';
import { HasheeError } from './errors.ts';
import { randomWeights } from './weights/random.ts';
import { importOnnx, checkOnnxAgainstSpec } from './onnx/index.ts';
import { buildExitTable } from './hash/index.ts';
import type { Progress } from './progress.ts';

export interface Loaded {
  readonly spec: Spec;
  readonly model: Model;
  readonly table: ExitTable;
}

/** Weights from the spec's source: seeded random, or an ONNX file read by structure and checked against the spec. */
export function loadModel(spec: Spec, progress?: Progress): Model {
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

/** Spec -> model -> exit table. The model is loaded first: the cluster policy reads its embeddings. */
export function loadAll(spec: Spec, progress?: Progress): Loaded {
  const model = loadModel(spec, progress);
  const table = buildExitTable(spec, { embeddings: () => model.weights.wordEmb, progress });
  return { spec, model, table };
}
