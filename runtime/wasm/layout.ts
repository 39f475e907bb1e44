// Memory layout shared by the WASM emitter, the weight packer and the engine: where each (pre-packed)
// weight tensor lives in the module's linear memory and which register tile each product uses.
// Weights occupy [WEIGHTS_BASE, WEIGHTS_BASE + weightBytes); per-call scratch follows them.

import { headOutputs, type ArchConfig, type HeadConfig } from '../../contract/model.ts';

/** Byte address of the first weight byte (bytes below it are never touched: a null guard). */
export const WEIGHTS_BASE = 1024;
/** Every tensor starts on a 64-byte (cache line) boundary. */
export const ALIGN = 64;

export type TensorLayout =
  | { readonly kind: 'rowmajor' }                   // as in runtime/model.ts
  | { readonly kind: 'panels'; readonly nr: number }; // W [k, n] stored as [n / nr][k][nr]: panel p holds columns p*nr..p*nr+nr-1, k-major

export interface TensorSlot {
  readonly name: string;          // e.g. 'layers.3.qkv.weight'
  readonly address: number;       // absolute byte address in linear memory
  readonly bytes: number;
  readonly shape: readonly number[]; // logical shape: [k, n] for matrices, [n] for vectors
  readonly layout: TensorLayout;
}

/** Register tile of one product: rows x nr columns of accumulators. */
export interface GemmShape { readonly k: number; readonly n: number; readonly nr: number; readonly mr: number }

export type GemmName = 'qkv' | 'o' | 'f1' | 'f2' | 'pool';

export interface WasmLayout {
  readonly arch: ArchConfig;
  readonly head: HeadConfig;
  readonly headDim: number;                 // dh = d / heads
  /** Folded into the Q columns of the QKV weights and bias at pack time: 1 / sqrt(dh). */
  readonly qScale: number;
  readonly layerStride: number;             // bytes between layer l and l + 1 of every layer tensor
  readonly weightBytes: number;             // size of the packed blob (from WEIGHTS_BASE)
  readonly end: number;                     // WEIGHTS_BASE + weightBytes, 64-byte aligned: scratch starts here
  readonly tensors: readonly TensorSlot[];  // every tensor, all layers, ascending address
  /** Address of a tensor by name; layer tensors by their layer-0 name ('layers.0.qkv.weight'). */
  readonly at: Readonly<Record<string, number>>;
  readonly gemm: Readonly<Record<GemmName, GemmShape>>;
}

/** Panel of 8 columns (4 for widths that are not a multiple of 8); undefined when n is not a multiple of 4. */
export function panelWidth(n: number): number | undefined {
  return [8, 4].find((nr) => n % nr === 0);
}

/**
 * Rows per register tile: 4 x 8 keeps 8 accumulators + 2 weight vectors + 1 broadcast in V8's 16 xmm
 * registers (bench/wasm-gemm.ts, relaxed: 4x8 and 2x16 reach ~47 GFLOP/s of ~61 peak; 3x16, 4x12, 5x8 spill).
 */
function tileRows(nr: number): number {
  return nr === 8 ? 4 : 6;
}

function gemmShape(k: number, n: number): GemmShape {
  const nr = panelWidth(n);
  if (nr === undefined) throw new RangeError(`product width ${n} is not a multiple of 4`);
  return { k, n, nr, mr: tileRows(nr) };
}

/**
 * Computes the layout for an architecture. Requires d and f to be multiples of 4 and d / heads to be a
 * multiple of 4 (the emitter checks this first and reports a HasheeError).
 */
export function wasmLayout(arch: ArchConfig, head: HeadConfig): WasmLayout {
  const d = arch.hidden, f = arch.ffn, dh = d / arch.heads;
  const gemm: Record<GemmName, GemmShape> = {
    qkv: gemmShape(d, 3 * d), o: gemmShape(d, d), f1: gemmShape(d, f), f2: gemmShape(f, d), pool: gemmShape(d, d),
  };
  const tensors: TensorSlot[] = [];
  const at: Record<string, number> = {};
  let cursor = WEIGHTS_BASE;
  const place = (name: string, shape: number[], layout: TensorLayout): void => {
    const bytes = shape.reduce((a, b) => a * b, 1) * 4;
    tensors.push({ name, address: cursor, bytes, shape, layout });
    at[name] = cursor;
    cursor = alignUp(cursor + bytes);
  };
  const rowmajor: TensorLayout = { kind: 'rowmajor' };
  const panels = (g: GemmShape): TensorLayout => ({ kind: 'panels', nr: g.nr });
  place('wordEmb', [arch.vocabSize, d], rowmajor);
  place('posEmb', [arch.maxPositions, d], rowmajor);
  place('typeEmb', [arch.typeVocabSize, d], rowmajor);
  place('embLn.gamma', [d], rowmajor);
  place('embLn.beta', [d], rowmajor);
  let layerStart = cursor, layerStride = 0;
  for (let l = 0; l < arch.layers; l++) {
    layerStart = cursor;
    const p = `layers.${l}.`;
    place(p + 'qkv.weight', [d, 3 * d], panels(gemm.qkv));
    place(p + 'qkv.bias', [3 * d], rowmajor);
    place(p + 'o.weight', [d, d], panels(gemm.o));
    place(p + 'o.bias', [d], rowmajor);
    place(p + 'ln1.gamma', [d], rowmajor);
    place(p + 'ln1.beta', [d], rowmajor);
    place(p + 'f1.weight', [d, f], panels(gemm.f1));
    place(p + 'f1.bias', [f], rowmajor);
    place(p + 'f2.weight', [f, d], panels(gemm.f2));
    place(p + 'f2.bias', [d], rowmajor);
    place(p + 'ln2.gamma', [d], rowmajor);
    place(p + 'ln2.beta', [d], rowmajor);
    layerStride = cursor - layerStart;
  }
  const outputs = headOutputs(head);
  if (head.kind === 'classification' || head.kind === 'regression') {
    place('pooler.weight', [d, d], panels(gemm.pool));
    place('pooler.bias', [d], rowmajor);
  }
  if (outputs > 0) {
    place('classifier.weight', [d, outputs], rowmajor);
    place('classifier.bias', [outputs], rowmajor);
  }
  return {
    arch, head, headDim: dh, qScale: 1 / Math.sqrt(dh), layerStride,
    weightBytes: cursor - WEIGHTS_BASE, end: cursor, tensors, at, gemm,
  };
}

export function alignUp(n: number, to = ALIGN): number {
  return Math.ceil(n / to) * to;
}

/** JSON manifest of the packed weight blob (offsets relative to the blob's first byte). */
export interface WeightsManifest {
  readonly format: 'hashee-wasm-weights/1';
  readonly dtype: 'f32';
  readonly base: number;    // linear-memory address the blob is copied to (WEIGHTS_BASE)
  readonly bytes: number;
  readonly tensors: readonly { readonly name: string; readonly offset: number; readonly bytes: number; readonly shape: readonly number[]; readonly layout: TensorLayout }[];
}

export function manifestOf(layout: WasmLayout): WeightsManifest {
  return {
    format: 'hashee-wasm-weights/1', dtype: 'f32', base: WEIGHTS_BASE, bytes: layout.weightBytes,
    tensors: layout.tensors.map((t) => ({ name: t.name, offset: t.address - WEIGHTS_BASE, bytes: t.bytes, shape: t.shape, layout: t.layout })),
  };
}
