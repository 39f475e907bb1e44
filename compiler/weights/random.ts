// Seeded random weights for a spec's architecture (`weights: { random: { seed } }`), BERT-style init.

import type { ArchConfig, HeadConfig, HeadWeights, LayerWeights, ModelWeights } from '../../runtime/model.ts';
import { headOutputs } from '../../runtime/model.ts';
import { createRng, type Rng } from '../util/rng.ts';

/**
 * Zero-mean uniform values with standard deviation `std` (uniform rather than normal: one draw per value
 * keeps BERT-base's 110M parameters under a second); LayerNorm gains around 1. Same seed, same bytes.
 */
export function randomWeights(arch: ArchConfig, head: HeadConfig, seed: number, std = 0.02): ModelWeights {
  const rng = createRng(seed);
  const normal = (n: number): Float32Array => uniform(rng, n, 0, std);
  const gain = (n: number): Float32Array => uniform(rng, n, 1, 0.1);
  const d = arch.hidden, f = arch.ffn, E = arch.embeddingSize;
  const embedding = {
    wordEmb: normal(arch.vocabSize * E),
    posEmb: normal(arch.maxPositions * E),
    typeEmb: normal(arch.typeVocabSize * E),
    embLnG: gain(E),
    embLnB: normal(E),
    ...(E !== d ? { embProjW: normal(E * d), embProjB: normal(d) } : {}),
  };
  const layer = (): LayerWeights => ({
    qW: normal(d * d), qB: normal(d),
    kW: normal(d * d), kB: normal(d),
    vW: normal(d * d), vB: normal(d),
    oW: normal(d * d), oB: normal(d),
    ln1G: gain(d), ln1B: normal(d),
    f1W: normal(d * f), f1B: normal(f),
    f2W: normal(f * d), f2B: normal(d),
    ln2G: gain(d), ln2B: normal(d),
  });
  // Shared layers (ALBERT): one set of weights, the same object at every depth.
  const shared = arch.sharedLayers ? layer() : undefined;
  const layers: LayerWeights[] = Array.from({ length: arch.layers }, () => shared ?? layer());
  const finalLn = arch.norm === 'pre' ? { finalLnG: gain(d), finalLnB: normal(d) } : {};
  const n = headOutputs(head);
  const headWeights: HeadWeights =
    head.kind === 'none' ? {}
    : head.kind === 'token' ? { classifierW: normal(d * n), classifierB: normal(n) }
    : { poolerW: normal(d * d), poolerB: normal(d), classifierW: normal(d * n), classifierB: normal(n) };
  return { ...embedding, layers, ...finalLn, head: headWeights };
}

function uniform(rng: Rng, n: number, mean: number, std: number): Float32Array {
  const halfWidth = std * Math.sqrt(3); // U(-a, a) has standard deviation a / sqrt(3)
  const a = new Float32Array(n);
  rng.fillUniform(a, mean - halfWidth, mean + halfWidth);
  return a;
}
