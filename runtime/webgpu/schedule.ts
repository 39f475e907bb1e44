// Per-call schedule of the WebGPU engine, computed on the CPU from the batch plan before anything is
// submitted: the dispatch list with its workgroup counts, the uniform count slots and the row metadata.

import type { ArchConfig, HeadConfig } from '../../contract/model.ts';
import { headOutputs } from '../../contract/model.ts';
import type { BatchPlan } from '../plan.ts';
import { COUNT_FIELDS, KERNELS, LAYER_KERNELS, ROW_INFO, ROW_THREADS, SLOT_BYTES, TILES, headKernels, isProduct, tileFor } from './program.ts';
import type { KernelName, TileName, TilePolicy } from './program.ts';

export interface Dispatch {
  readonly kernel: KernelName;
  /** Uniform slot and weight block: 0 = embeddings, l = layer l (1..L), L + 1 = head. */
  readonly slot: number;
  /** Tile shape of a product (its module), by the rows it covers. */
  readonly tile?: TileName;
  readonly groups: readonly [number, number, number];
}

type Groups = [number, number, number];

/** Workgroups of a product with `rows` rows and `cols` output columns in tile `t`. */
const tiles = (rows: number, cols: number, t: TileName): Groups =>
  [Math.ceil(cols / TILES[t].cols), Math.ceil(rows / TILES[t].rows), 1];

/** Workgroup counts of each kernel for `rows` rows (its RowCount) and its tile (products), from the baked dimensions. */
const GROUPS: Record<KernelName, (rows: number, arch: ArchConfig, head: HeadConfig, tile: TileName) => Groups> = {
  embed: (m) => [m, 1, 1],
  kv: (m, a, _h, t) => tiles(m, 2 * a.hidden, t),
  query: (m, a, _h, t) => tiles(m, a.hidden, t),
  attention: (m, a) => [m, a.heads, 1],
  attnOut: (m, a, _h, t) => tiles(m, a.hidden, t),
  attnNorm: (m) => [m, 1, 1],
  ffnUp: (m, a, _h, t) => tiles(m, a.ffn, t),
  ffnDown: (m, a, _h, t) => tiles(m, a.hidden, t),
  ffnNorm: (m) => [m, 1, 1],
  pooler: (b, a) => [Math.ceil(a.hidden / ROW_THREADS), b, 1],
  classifier: (b, _a, h) => [Math.ceil(headOutputs(h) / ROW_THREADS), b, 1],
  tokenHead: (m, _a, h, t) => tiles(m, headOutputs(h), t),
};

/** The number each RowCount means in a slot: slot 0 and L + 1 count every row. */
function slotCount(plan: BatchPlan, slot: number, count: 'rows' | 'prefix' | 'seqs'): number {
  if (count === 'seqs') return plan.seqCount;
  if (count === 'rows' || slot === 0 || slot > plan.layers) return plan.rows;
  return plan.active[slot]!;
}

/**
 * The dispatches of one call, in order: embeddings over all rows; per layer K/V over all rows and the
 * rest over the active prefix (a layer with no active rows is skipped: its K/V would never be read);
 * then the head. Sizes and product tiles come from the plan and the adapter's tile policy alone.
 */
export function scheduleCall(plan: BatchPlan, arch: ArchConfig, head: HeadConfig, policy: TilePolicy = 'gpu'): Dispatch[] {
  const out: Dispatch[] = [];
  const add = (kernel: KernelName, slot: number): void => {
    const rows = slotCount(plan, slot, KERNELS[kernel].count);
    const tile = tileFor(rows, policy);
    const groups = GROUPS[kernel](rows, arch, head, tile);
    out.push(isProduct(kernel) ? { kernel, slot, tile, groups } : { kernel, slot, groups });
  };
  add('embed', 0);
  for (let l = 1; l <= plan.layers; l++) {
    if (plan.active[l] === 0) continue;
    for (const k of LAYER_KERNELS) add(k, l);
  }
  for (const k of headKernels(head)) add(k, plan.layers + 1);
  return out;
}

/** Info buffer sections for n rows and B sequences (u32 offsets): rows [n x ROW_INFO], keyRows [n], clsRows [B]. */
function sections(n: number, B: number): { keyRowsAt: number; clsAt: number; words: number } {
  const keyRowsAt = n * ROW_INFO;
  const clsAt = keyRowsAt + n;
  return { keyRowsAt, clsAt, words: clsAt + B };
}

/** Size in u32 of the info buffer for n rows and B sequences. */
export const infoWords = (n: number, B: number): number => sections(n, B).words;

const infoSections = (plan: BatchPlan) => sections(plan.rows, plan.seqCount);

/** The uniform count slots of one call ((L + 2) x SLOT_BYTES), written once before the submit. */
export function callCounts(plan: BatchPlan): Uint32Array<ArrayBuffer> {
  const words = SLOT_BYTES / 4;
  const out = new Uint32Array((plan.layers + 2) * words);
  const { keyRowsAt, clsAt } = infoSections(plan);
  for (let slot = 0; slot <= plan.layers + 1; slot++) {
    const values: Record<(typeof COUNT_FIELDS)[number], number> = {
      rows: plan.rows,
      prefix: slotCount(plan, slot, 'prefix'),
      seqs: plan.seqCount,
      keyRowsAt,
      clsAt,
    };
    COUNT_FIELDS.forEach((f, i) => { out[slot * words + i] = values[f]; });
  }
  return out;
}

/**
 * Row metadata (u32) in packed row order: per row id, token type, position, start of its sequence's keys
 * in keyRows and their count; then keyRows (packed rows of each sequence, in position order); then each
 * sequence's [CLS] (position 0) row. `ids`/`types` are flat in input order.
 */
export function callInfo(plan: BatchPlan, ids: ArrayLike<number>, types: ArrayLike<number>): Uint32Array<ArrayBuffer> {
  const { keyRowsAt, clsAt, words } = infoSections(plan);
  const out = new Uint32Array(words);
  for (let r = 0; r < plan.rows; r++) {
    const g = plan.order[r]!;
    const s = plan.seqOfRow[r]!;
    const o = r * ROW_INFO;
    out[o] = ids[g]!;
    out[o + 1] = types[g]!;
    out[o + 2] = plan.posOfRow[r]!;
    out[o + 3] = plan.seqStart[s]!;
    out[o + 4] = plan.seqStart[s + 1]! - plan.seqStart[s]!;
  }
  out.set(plan.keyRows, keyRowsAt);
  for (let s = 0; s < plan.seqCount; s++) out[clsAt + s] = plan.rowOf[plan.seqStart[s]!]!;
  return out;
}
