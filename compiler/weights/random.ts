// Seeded random weights for a spec's architecture (`weights: { random: { seed } }`), BERT-style init.

import { WEIGHTS, groupWeights, weightSize, type ArchConfig, type HeadConfig, type LayerWeights, type ModelWeights, type WeightName } from '../../contract/model.ts';
import { DECODER_WEIGHTS, decoderWeightNames, decoderWeightSize, encoderArch, hasDecoderWeight, type DecoderLayerWeights, type DecoderWeights, type Seq2SeqArch } from '../../contract/seq2seq.ts';
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

/**
 * Seeded random weights of an encoder-decoder: the encoder as randomWeights draws it (its wordEmb is the
 * shared token table), then the decoder's tensors in DECODER_WEIGHTS order, layer by layer. Same seed, same bytes.
 */
export function randomSeq2SeqWeights(arch: Seq2SeqArch, seed: number, std = 0.02): { encoder: ModelWeights; decoder: DecoderWeights } {
  const encoder = randomWeights(encoderArch(arch), { kind: 'none' }, seed, std);
  const rng = createRng(seed + 1);
  const draw = (group: 'embed' | 'layer' | 'final'): Record<string, Float32Array> => {
    const out: Record<string, Float32Array> = {};
    for (const name of decoderWeightNames(group)) {
      if (!hasDecoderWeight(name, arch)) continue;
      const n = decoderWeightSize(name, arch);
      out[name] = DECODER_WEIGHTS[name].init === 'gain' ? uniform(rng, n, 1, 0.1) : uniform(rng, n, 0, std);
    }
    return out;
  };
  const embed = draw('embed');
  const layers = Array.from({ length: arch.decoderLayers }, () => draw('layer') as unknown as DecoderLayerWeights);
  return { encoder, decoder: { ...embed, ...draw('final'), layers } as unknown as DecoderWeights };
}
