// Shared fixtures of the encoder-decoder tests: a small BART-shaped architecture and its pre-LN / untied /
// relu variant, seeded models, random exit tables (ids 0..3 special), a source sentence and the ids that
// drive generation, the max-abs-difference helper, and the comparison of a backend's generation with the
// reference's.

import * as assert from 'uvu/assert';
import type { ExitTable } from '../../contract/model.ts';
import type { Seq2SeqArch, Seq2SeqModel } from '../../contract/seq2seq.ts';
import { createRng } from '../../compiler/util/rng.ts';
import { randomSeq2SeqWeights } from '../../compiler/weights/random.ts';
import type { Seq2SeqTables } from '../../runtime/reference/seq2seq.ts';

export const ARCH: Seq2SeqArch = {
  encoderLayers: 3, decoderLayers: 4, hidden: 16, heads: 2, ffn: 24, vocabSize: 40, maxPositions: 24,
  activation: 'gelu', layerNormEps: 1e-5, norm: 'post', tieEmbeddings: true,
};

export const VARIANTS: readonly [string, Seq2SeqArch][] = [
  ['post-LN, tied, gelu', ARCH],
  ['pre-LN, untied, relu', { ...ARCH, norm: 'pre', tieEmbeddings: false, activation: 'relu' }],
];

export const IDS = { decoderStart: 2, eos: 39 };
export const SOURCE = [0, 7, 12, 5, 30, 22, 9, 2];

/** Seeded weights with a wide spread (std 0.25), so attention and the FFN matter. */
export function model(arch: Seq2SeqArch, seed = 3): Seq2SeqModel {
  return { arch, ...randomSeq2SeqWeights(arch, seed, 0.25) };
}

/** Random exit layers for ids >= 4 (0..3 are special and run every layer). */
export function tables(arch: Seq2SeqArch, seed: number): Seq2SeqTables {
  const rng = createRng(seed);
  const make = (L: number): ExitTable => Uint8Array.from({ length: arch.vocabSize }, (_, id) => (id < 4 ? L : 1 + Math.floor(rng.next() * L)));
  return { encoder: make(arch.encoderLayers), decoder: make(arch.decoderLayers) };
}

export function maxDiff(x: ArrayLike<number>, y: ArrayLike<number>): number {
  assert.is(x.length, y.length);
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]! - y[i]!));
  return m;
}

/** A generation as a backend and the reference report it: tokens, exits and work exactly, score to 1e-5. */
export interface Generation {
  readonly tokens: readonly number[];
  readonly stepExits: readonly number[];
  readonly encoderExits: readonly number[];
  readonly work: unknown;
  readonly score: number;
}

export function assertSameGeneration(got: Generation, want: Generation, what: string): void {
  assert.equal(got.tokens, want.tokens, what);
  assert.equal(got.stepExits, want.stepExits, what);
  assert.equal(got.encoderExits, want.encoderExits, what);
  assert.equal(got.work, want.work, what);
  assert.ok(Math.abs(got.score - want.score) <= 1e-5, `${what}: score ${got.score} vs ${want.score}`);
}
