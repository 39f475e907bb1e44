// Weight buffer layout of the WebGPU target: three kinds of f32 blocks (embeddings, one per layer, head),
// each one GPU buffer; tensor offsets are baked into the WGSL, and every layer block has the same layout.

import type { ArchConfig, HeadConfig, Model } from '../../contract/model.ts';
import { headOutputs } from '../../contract/model.ts';

/** A tensor's place in its block, in f32 elements; offsets are multiples of 4 (16 bytes). */
export interface Slot {
  readonly at: number;
  readonly size: number;
}

export interface EmbedLayout {
  readonly word: Slot;  // [V, d]
  readonly pos: Slot;   // [P, d]
  readonly type: Slot;  // [T, d]
  readonly lnG: Slot;   // [d]
  readonly lnB: Slot;   // [d]
  readonly floats: number;
}

export interface LayerLayout {
  readonly kvW: Slot;   // [d, 2d]: row i = [kW row i, vW row i]; one product gives K then V per row
  readonly kvB: Slot;   // [2d]
  readonly qW: Slot;    // [d, d]
  readonly qB: Slot;
  readonly oW: Slot;    // [d, d]
  readonly oB: Slot;
  readonly ln1G: Slot;
  readonly ln1B: Slot;
  readonly f1W: Slot;   // [d, f]
  readonly f1B: Slot;   // [f]
  readonly f2W: Slot;   // [f, d]
  readonly f2B: Slot;
  readonly ln2G: Slot;
  readonly ln2B: Slot;
  readonly floats: number;
}

export interface HeadLayout {
  readonly poolerW: Slot;     // [d, d] (size 0 unless a sequence head)
  readonly poolerB: Slot;     // [d]
  readonly classifierW: Slot; // [d, N]
  readonly classifierB: Slot; // [N]
  readonly floats: number;
}

export interface WeightLayout {
  readonly embed: EmbedLayout;
  readonly layer: LayerLayout;
  readonly head: HeadLayout;
}

/** Host-side weight blocks, ready for upload: block sizes match weightLayout exactly. */
export interface PackedWeights {
  readonly embed: Float32Array<ArrayBuffer>;
  readonly layers: readonly Float32Array<ArrayBuffer>[];
  readonly head: Float32Array<ArrayBuffer>;
}

/** Lays tensors out in order, each at a 4-float boundary; returns the slots and the block size (>= 4). */
function place<K extends string>(sizes: readonly (readonly [K, number])[]): Record<K, Slot> & { floats: number } {
  const out = {} as Record<K, Slot>;
  let at = 0;
  for (const [name, size] of sizes) {
    out[name] = { at, size };
    at += Math.ceil(size / 4) * 4;
  }
  return { ...out, floats: Math.max(at, 4) };
}

export function weightLayout(arch: ArchConfig, head: HeadConfig): WeightLayout {
  const { hidden: d, ffn: f } = arch;
  const seqHead = head.kind === 'classification' || head.kind === 'regression';
  const n = headOutputs(head);
  return {
    embed: place([['word', arch.vocabSize * d], ['pos', arch.maxPositions * d], ['type', arch.typeVocabSize * d], ['lnG', d], ['lnB', d]]),
    layer: place([
      ['kvW', d * 2 * d], ['kvB', 2 * d], ['qW', d * d], ['qB', d], ['oW', d * d], ['oB', d], ['ln1G', d], ['ln1B', d],
      ['f1W', d * f], ['f1B', f], ['f2W', f * d], ['f2B', d], ['ln2G', d], ['ln2B', d],
    ]),
    head: place([['poolerW', seqHead ? d * d : 0], ['poolerB', seqHead ? d : 0], ['classifierW', d * n], ['classifierB', n]]),
  };
}

/** Copies a model's weights into the blocks of weightLayout (throws RangeError on a size mismatch). */
export function packWeights(model: Model): PackedWeights {
  const { arch, head, weights: w } = model;
  const layout = weightLayout(arch, head);
  const d = arch.hidden;
  const e = layout.embed;
  const embed = new Float32Array(e.floats);
  put(embed, e.word, w.wordEmb, 'wordEmb');
  put(embed, e.pos, w.posEmb, 'posEmb');
  put(embed, e.type, w.typeEmb, 'typeEmb');
  put(embed, e.lnG, w.embLnG, 'embLnG');
  put(embed, e.lnB, w.embLnB, 'embLnB');
  const L = layout.layer;
  const layers = w.layers.map((lw, i) => {
    const b = new Float32Array(L.floats);
    put(b, L.kvW, interleaveColumns(lw.kW, lw.vW, d), `layers[${i}].kW/vW`);
    put(b, L.kvB, concat(lw.kB, lw.vB), `layers[${i}].kB/vB`);
    put(b, L.qW, lw.qW, `layers[${i}].qW`);
    put(b, L.qB, lw.qB, `layers[${i}].qB`);
    put(b, L.oW, lw.oW, `layers[${i}].oW`);
    put(b, L.oB, lw.oB, `layers[${i}].oB`);
    put(b, L.ln1G, lw.ln1G, `layers[${i}].ln1G`);
    put(b, L.ln1B, lw.ln1B, `layers[${i}].ln1B`);
    put(b, L.f1W, lw.f1W, `layers[${i}].f1W`);
    put(b, L.f1B, lw.f1B, `layers[${i}].f1B`);
    put(b, L.f2W, lw.f2W, `layers[${i}].f2W`);
    put(b, L.f2B, lw.f2B, `layers[${i}].f2B`);
    put(b, L.ln2G, lw.ln2G, `layers[${i}].ln2G`);
    put(b, L.ln2B, lw.ln2B, `layers[${i}].ln2B`);
    return b;
  });
  if (layers.length !== arch.layers) throw new RangeError(`model has ${layers.length} layers of weights, arch says ${arch.layers}`);
  const h = layout.head;
  const headBlock = new Float32Array(h.floats);
  const empty = new Float32Array(0);
  put(headBlock, h.poolerW, h.poolerW.size ? w.head.poolerW : empty, 'head.poolerW');
  put(headBlock, h.poolerB, h.poolerB.size ? w.head.poolerB : empty, 'head.poolerB');
  put(headBlock, h.classifierW, h.classifierW.size ? w.head.classifierW : empty, 'head.classifierW');
  put(headBlock, h.classifierB, h.classifierB.size ? w.head.classifierB : empty, 'head.classifierB');
  return { embed, layers, head: headBlock };
}

function put(block: Float32Array, slot: Slot, data: Float32Array | undefined, name: string): void {
  if (!data || data.length !== slot.size) throw new RangeError(`weight ${name} has ${data?.length ?? 0} values, expected ${slot.size}`);
  block.set(data, slot.at);
}

/** [d, d] and [d, d] -> [d, 2d] with row i = [a row i, b row i]. */
function interleaveColumns(a: Float32Array, b: Float32Array, d: number): Float32Array {
  if (a.length !== d * d || b.length !== d * d) return new Float32Array(0); // put() reports the size mismatch
  const out = new Float32Array(2 * d * d);
  for (let i = 0; i < d; i++) {
    out.set(a.subarray(i * d, (i + 1) * d), 2 * i * d);
    out.set(b.subarray(i * d, (i + 1) * d), (2 * i + 1) * d);
  }
  return out;
}

function concat(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Total floats of all blocks in file order: embed, layers 1..L, head. */
export function packedFloats(layout: WeightLayout, layers: number): number {
  return layout.embed.floats + layers * layout.layer.floats + layout.head.floats;
}

/** One contiguous array in file order (embed, layers 1..L, head), e.g. for a weights.bin. */
export function joinWeights(packed: PackedWeights): Float32Array<ArrayBuffer> {
  const blocks = [packed.embed, ...packed.layers, packed.head];
  const out = new Float32Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

/** Views of the blocks of a joined array (no copy); throws RangeError if its size does not match the layout. */
export function splitWeights(layout: WeightLayout, layers: number, data: Float32Array<ArrayBuffer>): PackedWeights {
  const total = packedFloats(layout, layers);
  if (data.length !== total) throw new RangeError(`weights have ${data.length} floats, the layout needs ${total}`);
  const view = (at: number, n: number): Float32Array<ArrayBuffer> => data.subarray(at, at + n);
  const L = layout.layer.floats;
  const first = layout.embed.floats;
  return {
    embed: view(0, first),
    layers: Array.from({ length: layers }, (_, l) => view(first + l * L, L)),
    head: view(first + layers * L, layout.head.floats),
  };
}
