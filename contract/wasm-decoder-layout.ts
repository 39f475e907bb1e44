// Linear-memory layout of an encoder-decoder's decoder on the WASM target, shared by the compiler (kernel
// emitter, weight packer) and the decoder engine: where each packed tensor lives (weight addresses are baked
// into the decoder module), every layer block the same layout `layerStride` bytes apart. Derived from
// contract/seq2seq.ts. The KV cache, cross-attention K/V and scratch follow `end` and are placed at run time.

import { alignUp, panelWidth, WEIGHTS_BASE, type GemmShape } from './wasm-layout.ts';
import type { DecoderWeightName, Seq2SeqArch } from './seq2seq.ts';

/** The decoder's products: [d, d] queries and outputs, fused [d, 2d] K|V, the FFN, the untied LM head [d, V]. */
export type DecoderGemm = 'sq' | 'skv' | 'so' | 'cq' | 'ckv' | 'co' | 'f1' | 'f2' | 'lm';
export type DecoderNorm = 'emb' | 'self' | 'cross' | 'ffn' | 'final';

/**
 * The packed tensors in memory order: `from` are table tensors whose columns sit side by side; `gemm`
 * marks a k-major panel matrix (and its bias, named `<name>.bias`); queries carry 1/sqrt(d / heads).
 */
export const DECODER_GEMMS: readonly { readonly gemm: DecoderGemm; readonly w: readonly DecoderWeightName[]; readonly b: readonly DecoderWeightName[]; readonly layer: boolean; readonly scaled?: boolean }[] = [
  { gemm: 'sq', w: ['sqW'], b: ['sqB'], layer: true, scaled: true },
  { gemm: 'skv', w: ['skW', 'svW'], b: ['skB', 'svB'], layer: true },
  { gemm: 'so', w: ['soW'], b: ['soB'], layer: true },
  { gemm: 'cq', w: ['cqW'], b: ['cqB'], layer: true, scaled: true },
  { gemm: 'ckv', w: ['ckW', 'cvW'], b: ['ckB', 'cvB'], layer: true },
  { gemm: 'co', w: ['coW'], b: ['coB'], layer: true },
  { gemm: 'f1', w: ['f1W'], b: ['f1B'], layer: true },
  { gemm: 'f2', w: ['f2W'], b: ['f2B'], layer: true },
  { gemm: 'lm', w: ['lmW'], b: ['lmB'], layer: false },
];

export const DECODER_NORMS: Record<DecoderNorm, { readonly gamma: DecoderWeightName; readonly beta: DecoderWeightName; readonly layer: boolean }> = {
  emb: { gamma: 'embLnG', beta: 'embLnB', layer: false },
  self: { gamma: 'selfLnG', beta: 'selfLnB', layer: true },
  cross: { gamma: 'crossLnG', beta: 'crossLnB', layer: true },
  ffn: { gamma: 'ffnLnG', beta: 'ffnLnB', layer: true },
  final: { gamma: 'finalLnG', beta: 'finalLnB', layer: false },
};

export interface DecoderSlot {
  readonly name: string;       // 'tokens', 'pos', 'lmB', 'norm.emb.gamma', 'layers.0.sq.weight', ...
  readonly address: number;    // byte address (layer slots: layer 0's)
  readonly floats: number;
}

export interface DecoderLayout {
  readonly arch: Seq2SeqArch;
  readonly qScale: number;                 // 1 / sqrt(d / heads), folded into sq and cq
  readonly gemm: Readonly<Partial<Record<DecoderGemm, GemmShape>>>;
  readonly at: Readonly<Record<string, number>>;
  readonly slots: readonly DecoderSlot[];
  readonly layerStride: number;            // bytes between layer blocks
  readonly weightBytes: number;            // from WEIGHTS_BASE
  readonly end: number;                    // first byte after the weights
}

/** The decoder's layout; d, f and d / heads must be multiples of 4 (checkDecoderArch reports it). */
export function decoderLayout(arch: Seq2SeqArch): DecoderLayout {
  const d = arch.hidden, f = arch.ffn, V = arch.vocabSize;
  const slots: DecoderSlot[] = [];
  const at: Record<string, number> = {};
  const gemm: Partial<Record<DecoderGemm, GemmShape>> = {};
  let cursor = WEIGHTS_BASE;
  const place = (name: string, floats: number): void => {
    slots.push({ name, address: cursor, floats });
    at[name] = cursor;
    cursor = alignUp(cursor + 4 * floats);
  };
  const widths: Record<DecoderGemm, [number, number]> = {
    sq: [d, d], skv: [d, 2 * d], so: [d, d], cq: [d, d], ckv: [d, 2 * d], co: [d, d], f1: [d, f], f2: [f, d], lm: [d, V],
  };
  place('tokens', V * d);
  place('pos', arch.maxPositions * d);
  const norm = (n: DecoderNorm, prefix: string): void => {
    place(`${prefix}norm.${n}.gamma`, d);
    place(`${prefix}norm.${n}.beta`, d);
  };
  norm('emb', '');
  let layerStride = 0;
  for (let l = 0; l < arch.decoderLayers; l++) {
    const start = cursor;
    const prefix = `layers.${l}.`;
    for (const g of DECODER_GEMMS.filter((x) => x.layer)) {
      const [k, n] = widths[g.gemm];
      gemm[g.gemm] = gemmShapeOf(k, n);
      place(`${prefix}${g.gemm}.weight`, k * n);
      place(`${prefix}${g.gemm}.bias`, n);
    }
    for (const n of ['self', 'cross', 'ffn'] as const) norm(n, prefix);
    layerStride = cursor - start;
  }
  if (arch.norm === 'pre') norm('final', '');
  if (!arch.tieEmbeddings) {
    gemm.lm = gemmShapeOf(d, V);
    place('lm.weight', d * V);
  }
  place('lmB', V);
  return { arch, qScale: 1 / Math.sqrt(d / arch.heads), gemm, at, slots, layerStride, weightBytes: cursor - WEIGHTS_BASE, end: cursor };
}

/** The decoder kernels' tile shape: 8-column panels (4 when n is not a multiple of 8), rows in tiles of 4. */
function gemmShapeOf(k: number, n: number): GemmShape {
  const nr = panelWidth(n);
  if (nr === undefined) throw new RangeError(`product width ${n} is not a multiple of 4`);
  return { k, n, nr, mr: 4 };
}
