// The exporter variants the import tests cover: a seeded model per variant and the fixture style that
// writes it the way that exporter does (see onnx-fixtures.ts).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { randomWeights } from '../../compiler/weights/random.ts';
import type { ArchConfig, HeadConfig, Model } from '../../contract/model.ts';
import {
  encoderFixture, roundedToHalf, sinusoidalPositions, withExternalData, withFp16Weights, type Fixture, type FixtureStyle,
} from './onnx-fixtures.ts';

export function arch(over: Partial<ArchConfig> = {}): ArchConfig {
  return {
    layers: 2, hidden: 16, heads: 2, ffn: 32, vocabSize: 40, maxPositions: 16, typeVocabSize: 2, activation: 'gelu',
    layerNormEps: 1e-12, norm: 'post', embeddingSize: 16, sharedLayers: false, ...over,
  };
}

export function seeded(a: ArchConfig, head: HeadConfig, seed: number): Model {
  return { arch: a, head, weights: randomWeights(a, head, seed, 0.2) };
}

const DISTIL_ATTENTION = { scale: 'query', keys: 'separate', mask: 'where', shapes: 'view' } as const;

export interface Variant {
  readonly name: string;
  readonly model: Model;
  readonly style: FixtureStyle;
  readonly storage?: 'fp16-external';
}

const distilArch = arch({ typeVocabSize: 0 });
const sinusoidal: Model = (() => {
  const m = seeded(distilArch, { kind: 'classification', labels: 3, pooler: 'relu' }, 12);
  return { ...m, weights: { ...m.weights, posEmb: sinusoidalPositions(distilArch.maxPositions, distilArch.hidden) } };
})();
const albertArch = arch({ layers: 3, embeddingSize: 8, sharedLayers: true, activation: 'gelu_tanh' });

export const variants: readonly Variant[] = [
  {
    name: 'DistilBERT: no token types, learned positions (Range), masked_fill, Q scaled, view shapes, pre_classifier + ReLU',
    model: seeded(distilArch, { kind: 'classification', labels: 2, pooler: 'relu' }, 11),
    style: { positions: 'range', attention: DISTIL_ATTENTION },
  },
  {
    name: 'DistilBERT: sinusoidal position table (sliced position_ids buffer), decomposed LayerNorm at opset 14, [:, 0] as Slice',
    model: sinusoidal,
    style: { positions: 'buffer', attention: DISTIL_ATTENTION, layerNorm: 'decomposed', opset: 14, firstToken: 'slice' },
  },
  {
    name: 'RoBERTa: positions cumsum(input_ids != 1) + 1, buffered token types (type vocab 1), eps 1e-5, size()-based view shapes, dense + tanh + out_proj',
    model: seeded(arch({ typeVocabSize: 1, layerNormEps: 1e-5 }), { kind: 'classification', labels: 3 }, 13),
    style: { positions: 'roberta', types: 'buffer', attention: { scale: 'scores', keys: 'one', mask: 'additive', shapes: 'size' } },
  },
  {
    name: 'ALBERT: factorised embeddings E=8 with the mapping projection, one layer used 3 times, gelu_new, SDPA export computing the scale from Shape(q)',
    model: seeded(albertArch, { kind: 'classification', labels: 2 }, 14),
    style: { positions: 'buffer', attention: { scale: 'sdpa', keys: 'separate', mask: 'additive', shapes: 'size' } },
  },
  {
    name: 'ALBERT with a copy of the shared weights per layer (as constant folding writes them), Gemm transB=1',
    model: seeded(albertArch, { kind: 'regression' }, 15),
    style: { positions: 'buffer', sharedAs: 'copies', linear: 'gemm' },
  },
  {
    name: 'pre-LN encoder with a final LayerNorm, scaling split over Q and K (SDPA export), token head',
    model: seeded(arch({ norm: 'pre', layers: 3, layerNormEps: 1e-6 }), { kind: 'token', labels: 3 }, 16),
    style: { attention: { scale: 'both', keys: 'one', mask: 'additive', shapes: 'constant' } },
  },
  {
    name: 'onnxruntime-optimized BERT: EmbedLayerNormalization, Attention (mask index), SkipLayerNormalization, BiasGelu',
    model: seeded(arch(), { kind: 'classification', labels: 2 }, 17),
    style: { embedding: 'fused', attention: { fused: 'index' }, residual: 'skip', gelu: 'contrib-bias' },
  },
  {
    name: 'onnxruntime-optimized, partly fused: Gathers + SkipLayerNormalization embeddings, Attention on the raw mask, Gelu after MatMul+Add, int32 inputs',
    model: seeded(arch({ layers: 3 }), { kind: 'none' }, 18),
    style: { attention: { fused: 'raw' }, residual: 'skip', gelu: 'contrib', intInputs: 'int32' },
  },
  {
    name: 'onnxruntime-optimized DistilBERT: EmbedLayerNormalization without segments, FastGelu with its bias, ReLU head',
    model: seeded(arch({ typeVocabSize: 0, activation: 'gelu_tanh' }), { kind: 'classification', labels: 2, pooler: 'relu' }, 19),
    style: { embedding: 'fused', attention: { fused: 'index' }, residual: 'skip', gelu: 'contrib-bias' },
  },
  {
    name: 'onnxruntime-optimized pre-LN: SkipLayerNormalization carries the residual stream (output 3) into the next LayerNorm',
    model: seeded(arch({ norm: 'pre', layers: 3 }), { kind: 'classification', labels: 2 }, 20),
    style: { attention: { fused: 'index' }, residual: 'skip', gelu: 'contrib' },
  },
  {
    name: 'fp16 initializers behind Cast nodes, stored as external data next to the .onnx',
    model: roundedToHalf(seeded(arch(), { kind: 'classification', labels: 2 }, 21)),
    style: { positions: 'buffer' },
    storage: 'fp16-external',
  },
  {
    name: 'static input dims [2, 6]: constant Reshape shapes and folded position ids',
    model: seeded(arch({ activation: 'relu' }), { kind: 'classification', labels: 2 }, 22),
    style: { staticShape: [2, 6], linear: 'gemm' },
  },
];

/** Writes the variant's model.onnx (and side file) into `folder`; returns the path and the fixture. */
export function writeVariant(v: Variant, folder: string): { file: string; fixture: Fixture } {
  const fixture = encoderFixture(v.model, v.style);
  const file = join(folder, 'model.onnx');
  let bytes = fixture.bytes;
  if (v.storage === 'fp16-external') bytes = withExternalData(withFp16Weights(bytes), folder, 'model.onnx.data');
  writeFileSync(file, bytes);
  return { file, fixture };
}

/** onnxruntime on a batch padded to `seq` (mask 0 and the fixture's pad id past each row's end). */
export async function runOrt(session: ort.InferenceSession, fx: Fixture, ids: number[][], types: number[][] | undefined, seq: number) {
  const tensor = (fill: (r: number, p: number) => number): ort.Tensor => {
    const values = ids.flatMap((row, r) => Array.from({ length: seq }, (_, p) => fill(r, p)));
    return fx.intType === 'int64'
      ? new ort.Tensor('int64', BigInt64Array.from(values, BigInt), [ids.length, seq])
      : new ort.Tensor('int32', Int32Array.from(values), [ids.length, seq]);
  };
  const feeds: Record<string, ort.Tensor> = {
    [fx.ids]: tensor((r, p) => (p < ids[r]!.length ? ids[r]![p]! : fx.padId)),
    [fx.mask]: tensor((r, p) => (p < ids[r]!.length ? 1 : 0)),
  };
  if (fx.types) feeds[fx.types] = tensor((r, p) => (p < ids[r]!.length && types ? types[r]![p]! : 0));
  return session.run(feeds);
}
