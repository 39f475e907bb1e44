// Seeded random weights for a spec's architecture (`weights: { random: { seed } }`), BERT-style init.

import { WEIGHTS, groupWeights, weightSize, type ArchConfig, type HeadConfig, type LayerWeights, type ModelWeights, type WeightName } from '../../contract/model.ts';
import { createRng, type Rng } from '../util/rng.ts';

/**
 * Zero-mean uniform values with standard deviation `std` (uniform rather than normal: one draw per value
 * keeps BERT-base's 110M parameters under a second); LayerNorm gains around 1. Tensors are drawn in the
 * weight table's order (contract/model.ts WEIGHTS); shared layers are drawn once. Same seed, same bytes.
 */
export function randomWeights(arch: ArchConfig, head: HeadConfig, seed: number, std = 0.02): ModelWeights {
  const rng = createRng(seed);
  const draw = (name: WeightName): Float32Array =>
    WEIGHTS[name].init === 'gain' ? uniform(rng, weightSize(name, arch, head), 1, 0.1) : uniform(rng, weightSize(name, arch, head), 0, std);
  const embed = groupWeights('embed', arch, head, draw);
  const layer = (): LayerWeights => groupWeights('layer', arch, head, draw);
  const shared = arch.sharedLayers ? layer() : undefined;
  const layers = Array.from({ length: arch.layers }, () => shared ?? layer());
  const final = groupWeights('final', arch, head, draw);
  return { ...embed, ...final, layers, head: groupWeights('head', arch, head, draw) };
}

function uniform(rng: Rng, n: number, mean: number, std: number): Float32Array {
  const halfWidth = std * Math.sqrt(3); // U(-a, a) has standard deviation a / sqrt(3)
  const a = new Float32Array(n);
  rng.fillUniform(a, mean - halfWidth, mean + halfWidth);
  return a;
}
