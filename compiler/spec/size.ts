// Memory a spec's model needs before anything is allocated: float32 weights by part, and the activations of
// one input of max_positions tokens, against the limit every target can hold.

/**
 * 4 GiB: WebAssembly's 32-bit linear memory (65536 pages of 64 KiB) holds the weights and one call's
 * activations together, so a model beyond it cannot run on the wasm target; the other backends read the
 * same weight files, so it is the limit of every spec.
 */
export const MEMORY_LIMIT_BYTES = 2 ** 32;

import { headOutputs, type ArchConfig, type HeadConfig } from '../../contract/model.ts';

/** The dimensions that decide sizes (defaults already filled in). */
export interface SizeDims {
  readonly layers: number;        // L
  readonly hidden: number;        // d
  readonly ffn: number;           // f
  readonly vocabSize: number;     // V
  readonly maxPositions: number;  // P
  readonly typeVocabSize: number; // T
  readonly embeddingSize: number; // E
  readonly sharedLayers: boolean; // one set of layer weights for all L layers
  readonly preNorm: boolean;      // adds the final LayerNorm
  readonly headOutputs: number;   // N (0 without a head)
  readonly pooler: boolean;       // sequence heads: a [d, d] pooler before the classifier
}

/** One part of the weights: what it is, the spec key that sets its size, and its number of float32 values. */
export interface WeightPart {
  readonly what: string;
  readonly key: string;
  readonly values: number;
}

/** The weights by part, in file order (contract/model.ts WEIGHTS). */
export function weightParts(m: SizeDims): WeightPart[] {
  const { hidden: d, ffn: f, embeddingSize: E } = m;
  const N = m.headOutputs;
  const stored = m.sharedLayers ? 1 : m.layers;
  const perLayer = 4 * d * d + 4 * d + 2 * d * f + f + d + 4 * d; // Q, K, V, O; FFN in and out; two LayerNorms
  const parts: WeightPart[] = [
    { what: `word embeddings [vocab_size ${m.vocabSize}, ${E}]`, key: 'model.vocab_size', values: m.vocabSize * E },
    { what: `position embeddings [max_positions ${m.maxPositions}, ${E}]`, key: 'model.max_positions', values: m.maxPositions * E },
    { what: `token-type embeddings [type_vocab_size ${m.typeVocabSize}, ${E}]`, key: 'model.type_vocab_size', values: m.typeVocabSize * E },
    { what: `embedding LayerNorm and projection [${E}, ${d}]`, key: 'model.embedding_size', values: 2 * E + (E !== d ? E * d + d : 0) },
    {
      what: `${stored} encoder layer${stored === 1 ? '' : 's'} of [hidden ${d}, ffn ${f}]`,
      key: 2 * d * f > 4 * d * d ? 'model.ffn' : 'model.hidden',
      values: stored * perLayer + (m.preNorm ? 2 * d : 0),
    },
    { what: `head [${d}, labels ${N}]${m.pooler ? ' and pooler' : ''}`, key: d * N > d * d ? 'head.labels' : 'model.hidden', values: (m.pooler ? d * d + d : 0) + d * N + N },
  ];
  return parts;
}

/** Float32 values of one input of max_positions tokens: hidden states, Q/K/V, attention output, residual and FFN inner rows. */
export function activationValues(m: SizeDims): number {
  return m.maxPositions * (8 * m.hidden + m.ffn);
}

/** The size dimensions of a typed architecture and head (an imported model's). */
export function sizeDimsOf(arch: ArchConfig, head: HeadConfig): SizeDims {
  return {
    layers: arch.layers, hidden: arch.hidden, ffn: arch.ffn, vocabSize: arch.vocabSize, maxPositions: arch.maxPositions,
    typeVocabSize: arch.typeVocabSize, embeddingSize: arch.embeddingSize, sharedLayers: arch.sharedLayers,
    preNorm: arch.norm === 'pre', headOutputs: headOutputs(head), pooler: head.kind === 'classification' || head.kind === 'regression',
  };
}

/** Why a model does not fit MEMORY_LIMIT_BYTES: the spec key to change, a message, expected and actual. */
export interface SizeProblem {
  readonly key: string;
  readonly message: string;
  readonly expected: string;
  readonly actual: string;
}

/**
 * The float32 weights, and with them one longest input's activations, must fit MEMORY_LIMIT_BYTES; the
 * problem names the part that needs the most and the byte counts. Pure arithmetic: nothing is allocated.
 */
export function sizeProblem(dims: SizeDims): SizeProblem | undefined {
  const parts = weightParts(dims).map((p) => ({ ...p, bytes: 4 * p.values }));
  const weights = parts.reduce((sum, p) => sum + p.bytes, 0);
  const expected = `at most ${formatBytes(MEMORY_LIMIT_BYTES)}: WebAssembly's 32-bit memory holds the weights and one call's activations`;
  if (weights > MEMORY_LIMIT_BYTES) {
    const largest = parts.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    return {
      key: largest.key, expected, actual: formatBytes(weights),
      message: `the weights need ${formatBytes(weights)} as float32, over the 4 GiB limit; the largest part is the ${largest.what}: ${formatBytes(largest.bytes)}`,
    };
  }
  const activations = 4 * activationValues(dims);
  if (weights + activations > MEMORY_LIMIT_BYTES) {
    return {
      key: 'model.max_positions', expected, actual: formatBytes(weights + activations),
      message: `one input of max_positions (${dims.maxPositions}) tokens needs ${formatBytes(activations)} of float32 activations, which with ${formatBytes(weights)} of weights is over the 4 GiB limit`,
    };
  }
  return undefined;
}

/** `5.0 GiB (5368709120 bytes)`: a binary-prefixed size and the exact count (while a double holds it exactly). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'more than 1e308 bytes';
  const exact = Number.isSafeInteger(bytes) ? `${bytes} bytes` : `${bytes.toPrecision(4)} bytes`;
  const units = ['EiB', 'PiB', 'TiB', 'GiB', 'MiB', 'KiB'].map((name, i) => [name, 2 ** (60 - 10 * i)] as const);
  const unit = units.find(([, size]) => bytes >= size);
  return unit ? `${(bytes / unit[1]).toFixed(1)} ${unit[0]} (${exact})` : exact;
}
