// Memory layout of the WASM target, shared by the compiler (emitter, weight packer) and the engine: where
// each pre-packed weight tensor lives in linear memory, which packed product computes each linear step
// of the program, and which kernels a module exports. Weights occupy [WEIGHTS_BASE, WEIGHTS_BASE +
// weightBytes); per-call scratch follows them. Derived from the weight table (contract/model.ts).

import { WEIGHTS, columnsShape, hasWeight, weightShape, type ArchConfig, type HeadConfig, type WeightName } from './model.ts';
import { LINEARS, encoderProgram, programSteps, type LinearName, type NormName, type Program } from './program.ts';

/** Byte address of the first weight byte (bytes below it are never touched: a null guard). */
export const WEIGHTS_BASE = 1024;
/** Every tensor starts on a 64-byte (cache line) boundary. */
export const ALIGN = 64;
/** Largest linear memory a module may be given (4 GiB of 64 KiB pages); declared as its maximum. */
export const MAX_PAGES = 65536;

export type TensorLayout =
  | { readonly kind: 'rowmajor' }                   // as in contract/model.ts
  | { readonly kind: 'panels'; readonly nr: number } // W [k, n] stored as [n / nr][k][nr]: panel p holds columns p*nr..p*nr+nr-1, k-major
  /**
   * int8 W [k, n] as [n / nr][k / 2][nr / 4][4][2]: per panel, per pair of k rows (2i, 2i + 1), groups of 4
   * columns with each column's two values adjacent (what i16x8.load8x8_s + i32x4.dot_i16x8_s consume);
   * W[k, j] = q[k, j] * scale[j] with the per-column scale in the `.scale` tensor that follows.
   */
  | { readonly kind: 'panels-i8'; readonly nr: number };

/** f32 everywhere, or int8 matrices (per-column symmetric) with activations quantized per row at run time. */
export type WasmPrecision = 'f32' | 'int8';

export interface TensorSlot {
  readonly name: string;          // e.g. 'layers.3.qkv.weight'
  readonly address: number;       // absolute byte address in linear memory
  readonly bytes: number;
  readonly dtype: 'f32' | 'i8';
  readonly shape: readonly number[]; // logical shape: [k, n] for matrices, [n] for vectors
  readonly layout: TensorLayout;
}

/** Register tile of one product: rows x nr columns of accumulators. */
export interface GemmShape { readonly k: number; readonly n: number; readonly nr: number; readonly mr: number }

/** Packed products: each one exported kernel `mm_<name>` over panel-packed weights. */
export type GemmName = 'proj' | 'qkv' | 'o' | 'f1' | 'f2' | 'pool';

/**
 * How the WASM target stores the weight table, in memory order: each packed tensor is made from table
 * tensors with their columns side by side (one per layer for layer tensors, `layers.<l>.` prefixed); a
 * `gemm` tensor is panel-packed for that product; `scaleFirst`: the first part is multiplied by
 * 1 / sqrt(dh) (Q and its bias are pre-scaled: attention then needs no scaling).
 */
export const WASM_TENSORS: readonly { readonly name: string; readonly from: readonly WeightName[]; readonly gemm?: GemmName; readonly scaleFirst?: boolean }[] = [
  { name: 'wordEmb', from: ['wordEmb'] },
  { name: 'posEmb', from: ['posEmb'] },
  { name: 'typeEmb', from: ['typeEmb'] },
  { name: 'embLn.gamma', from: ['embLnG'] },
  { name: 'embLn.beta', from: ['embLnB'] },
  { name: 'embProj.weight', from: ['embProjW'], gemm: 'proj' },
  { name: 'embProj.bias', from: ['embProjB'] },
  { name: 'qkv.weight', from: ['qW', 'kW', 'vW'], gemm: 'qkv', scaleFirst: true },
  { name: 'qkv.bias', from: ['qB', 'kB', 'vB'], scaleFirst: true },
  { name: 'o.weight', from: ['oW'], gemm: 'o' },
  { name: 'o.bias', from: ['oB'] },
  { name: 'ln1.gamma', from: ['ln1G'] },
  { name: 'ln1.beta', from: ['ln1B'] },
  { name: 'f1.weight', from: ['f1W'], gemm: 'f1' },
  { name: 'f1.bias', from: ['f1B'] },
  { name: 'f2.weight', from: ['f2W'], gemm: 'f2' },
  { name: 'f2.bias', from: ['f2B'] },
  { name: 'ln2.gamma', from: ['ln2G'] },
  { name: 'ln2.beta', from: ['ln2B'] },
  { name: 'finalLn.gamma', from: ['finalLnG'] },
  { name: 'finalLn.beta', from: ['finalLnB'] },
  { name: 'pooler.weight', from: ['poolerW'], gemm: 'pool' },
  { name: 'pooler.bias', from: ['poolerB'] },
  { name: 'classifier.weight', from: ['classifierW'] },
  { name: 'classifier.bias', from: ['classifierB'] },
];

/** The packed tensor names of each LayerNorm's gain and bias (layer ones prefixed `layers.<l>.`). */
export const WASM_NORMS: Record<NormName, { readonly kernel: string; readonly tensor: string }> = {
  embLn: { kernel: 'ln_emb', tensor: 'embLn' },
  ln1: { kernel: 'ln1', tensor: 'ln1' },
  ln2: { kernel: 'ln2', tensor: 'ln2' },
  finalLn: { kernel: 'ln_final', tensor: 'finalLn' },
};

/** A linear step's product: columns [col0, col0 + cols) of a packed gemm, or plain JS (few outputs, row-major). */
export type LinearImpl =
  | { readonly kind: 'gemm'; readonly gemm: GemmName; readonly col0: number; readonly cols: number }
  | { readonly kind: 'js'; readonly weight: string; readonly bias: string };

export interface WasmLayout {
  readonly precision: WasmPrecision;
  readonly arch: ArchConfig;
  readonly head: HeadConfig;
  readonly program: Program;
  readonly headDim: number;                 // dh = d / heads
  /** Folded into the Q columns of the QKV weights and bias at pack time: 1 / sqrt(dh). */
  readonly qScale: number;
  /** Bytes between layer l and l + 1 of every layer tensor; 0 with shared layers (stored once). */
  readonly layerStride: number;
  readonly weightBytes: number;             // size of the packed blob (from WEIGHTS_BASE)
  readonly end: number;                     // WEIGHTS_BASE + weightBytes, 64-byte aligned: scratch starts here
  readonly tensors: readonly TensorSlot[];  // every tensor, all stored layers, ascending address
  /** Address of a tensor by name; layer tensors by their layer-0 name ('layers.0.qkv.weight'). */
  readonly at: Readonly<Record<string, number>>;
  /** Products present in this model. */
  readonly gemm: Readonly<Partial<Record<GemmName, GemmShape>>>;
  /** How each linear of the program is computed. */
  readonly linear: Readonly<Partial<Record<LinearName, LinearImpl>>>;
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

function gemmShape(k: number, n: number, precision: WasmPrecision): GemmShape {
  const nr = panelWidth(n);
  if (nr === undefined) throw new RangeError(`product width ${n} is not a multiple of 4`);
  if (precision === 'int8' && k % 2 !== 0) throw new RangeError(`the int8 product needs an even depth, not ${k}`);
  return { k, n, nr, mr: precision === 'int8' ? I8_TILE_ROWS : tileRows(nr) };
}

/**
 * Rows per int8 register tile: 4 rows x 2 vectors of i32 accumulators + 2 weight vectors + the broadcast
 * activation pair and the dot product's result (12 of V8's 16 xmm registers).
 */
const I8_TILE_ROWS = 4;

/** The per-column scale tensor of an int8 matrix: 'qkv.weight' -> 'qkv.scale'. */
export function scaleName(weightName: string): string {
  return weightName.replace(/\.weight$/, '.scale');
}

/**
 * Computes the layout for an architecture. Requires d, f and E to be multiples of 4 and d / heads to be
 * a multiple of 4 (the emitter checks this first and reports a HasheeError).
 */
export function wasmLayout(arch: ArchConfig, head: HeadConfig, precision: WasmPrecision = 'f32'): WasmLayout {
  const program = encoderProgram(arch, head);
  const dh = arch.hidden / arch.heads;
  const tensors: TensorSlot[] = [];
  const at: Record<string, number> = {};
  const gemm: Partial<Record<GemmName, GemmShape>> = {};
  let cursor = WEIGHTS_BASE;
  const place = (name: string, shape: number[], layout: TensorLayout, dtype: 'f32' | 'i8' = 'f32'): void => {
    const bytes = shape.reduce((a, b) => a * b, 1) * (dtype === 'i8' ? 1 : 4);
    tensors.push({ name, address: cursor, bytes, dtype, shape, layout });
    at[name] = cursor;
    cursor = alignUp(cursor + bytes);
  };
  const present = WASM_TENSORS.filter((t) => hasWeight(t.from[0]!, arch, head));
  const placeAll = (group: 'embed' | 'layer' | 'final' | 'head', prefix: string): void => {
    for (const t of present.filter((x) => WEIGHTS[x.from[0]!].group === group)) {
      const shape = columnsShape(t.from, arch, head);
      if (!t.gemm) { place(prefix + t.name, shape, { kind: 'rowmajor' }); continue; }
      gemm[t.gemm] = gemmShape(shape[0]!, shape[1]!, precision);
      const nr = gemm[t.gemm]!.nr;
      if (precision === 'f32') { place(prefix + t.name, shape, { kind: 'panels', nr }); continue; }
      place(prefix + t.name, shape, { kind: 'panels-i8', nr }, 'i8');
      place(prefix + scaleName(t.name), [shape[1]!], { kind: 'rowmajor' });
    }
  };
  placeAll('embed', '');
  // shared layers are stored once and every layer reads them (stride 0)
  const stored = arch.sharedLayers ? Math.min(1, arch.layers) : arch.layers;
  let layerStride = 0;
  for (let l = 0; l < stored; l++) {
    const start = cursor;
    placeAll('layer', `layers.${l}.`);
    layerStride = arch.sharedLayers ? 0 : cursor - start;
  }
  placeAll('final', '');
  placeAll('head', '');
  return {
    precision, arch, head, program, headDim: dh, qScale: 1 / Math.sqrt(dh), layerStride,
    weightBytes: cursor - WEIGHTS_BASE, end: cursor, tensors, at, gemm, linear: linearImpls(program, present, arch, head),
  };
}

/** Each linear of the program: the packed tensor holding its weights' columns, as a gemm column range or JS. */
function linearImpls(program: Program, present: typeof WASM_TENSORS, arch: ArchConfig, head: HeadConfig): Partial<Record<LinearName, LinearImpl>> {
  const out: Partial<Record<LinearName, LinearImpl>> = {};
  for (const { stage, step } of programSteps(program)) {
    if (step.op !== 'linear') continue;
    const parts = LINEARS[step.weights].w;
    const t = present.find((x) => x.from.includes(parts[0]!));
    const first = t ? t.from.indexOf(parts[0]!) : -1;
    if (!t || parts.some((p, i) => t.from[first + i] !== p)) throw new Error(`internal: no packed wasm tensor holds linear '${step.weights}'`);
    const prefix = stage === 'layer' ? 'layers.0.' : '';
    if (!t.gemm) {
      const bias = present.find((x) => x.from.includes(LINEARS[step.weights].b[0]!))!;
      out[step.weights] = { kind: 'js', weight: prefix + t.name, bias: prefix + bias.name };
      continue;
    }
    const col0 = t.from.slice(0, first).reduce((s, p) => s + weightShape(p, arch, head)[1]!, 0);
    const cols = parts.reduce((s, p) => s + weightShape(p, arch, head)[1]!, 0);
    out[step.weights] = { kind: 'gemm', gemm: t.gemm, col0, cols };
  }
  return out;
}

export function alignUp(n: number, to = ALIGN): number {
  return Math.ceil(n / to) * to;
}

/** JSON manifest of the packed weight blob (offsets relative to the blob's first byte). */
export interface WeightsManifest {
  readonly format: 'hashee-wasm-weights/1';
  /** f32: every tensor little-endian f32; int8: matrices int8 ('panels-i8') with f32 '.scale' vectors. */
  readonly precision: WasmPrecision;
  readonly base: number;    // linear-memory address the blob is copied to (WEIGHTS_BASE)
  readonly bytes: number;
  readonly tensors: readonly { readonly name: string; readonly offset: number; readonly bytes: number; readonly dtype: 'f32' | 'i8'; readonly shape: readonly number[]; readonly layout: TensorLayout }[];
}

export function manifestOf(layout: WasmLayout): WeightsManifest {
  return {
    format: 'hashee-wasm-weights/1', precision: layout.precision, base: WEIGHTS_BASE, bytes: layout.weightBytes,
    tensors: layout.tensors.map((t) => ({ name: t.name, offset: t.address - WEIGHTS_BASE, bytes: t.bytes, dtype: t.dtype, shape: t.shape, layout: t.layout })),
  };
}

/**
 * The kernels a module exports, in emission order (the order of first use in the program):
 *   mm_<gemm>(layer, x, y, res, r0, r1, p0, p1)  y [rows, n] = epilogue(x [rows, k] @ W + b), column panels [p0, p1)
 *     int8: mm_<gemm>(layer, xq, xs, y, res, r0, r1, p0, p1) with xq [rows, k] i16 and xs [rows] f32 from quant
 *   quant(x, xq, xs, width, r0, r1)               int8 only: xq[r] = round(x[r] * 127 / max|x[r]|), xs[r] = max|x[r]| / 127
 *   <norm kernel>(layer, x, y, r0, r1)           y[r] = LayerNorm(x[r]) over the norm's width
 *   gather_kt(qkv, seqMeta, s0, s1)             per-sequence transposed keys (compiler/emit/wasm/kernels.ts)
 *   attend(qkv, ctx, rowSeq, seqMeta, scores, i0, i1)
 * `layer` is 0-based; pointers are byte addresses in linear memory; ranges are half-open. The engine
 * and the worker threads read the names from the module's exports, so this list is documentation.
 */
export function kernelNames(layout: WasmLayout): string[] {
  const names: string[] = [];
  const add = (n: string): void => { if (!names.includes(n)) names.push(n); };
  for (const { step } of programSteps(layout.program)) {
    if (step.op === 'norm') add(WASM_NORMS[step.weights].kernel);
    if (step.op === 'attention') { add('gather_kt'); add('attend'); }
    if (step.op === 'linear') {
      const impl = layout.linear[step.weights]!;
      if (impl.kind === 'gemm' && layout.precision === 'int8') add('quant');
      if (impl.kind === 'gemm') add(`mm_${impl.gemm}`);
    }
  }
  return names;
}
