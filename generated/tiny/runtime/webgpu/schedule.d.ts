// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import type { ArchConfig, HeadConfig } from '../../contract/model.js';
import type { BatchPlan } from '../plan.js';
import type { KernelName, TileName, TilePolicy } from './program.js';
export interface Dispatch {
    readonly kernel: KernelName;
    /** Uniform slot and weight block: 0 = embeddings, l = layer l (1..L), L + 1 = final LayerNorm and head. */
    readonly slot: number;
    /** Tile shape of a product (its module), by the rows it covers. */
    readonly tile?: TileName;
    readonly groups: readonly [number, number, number];
}
/**
 * The dispatches of one call, in program order: the embedding steps over all rows; per layer its steps
 * (K/V over all rows, the rest over the active prefix; a layer with no active rows is skipped: its K/V
 * would never be read); then the final LayerNorm and the head. Sizes and product tiles come from the
 * plan and the adapter's tile policy alone.
 */
export declare function scheduleCall(plan: BatchPlan, arch: ArchConfig, head: HeadConfig, policy?: TilePolicy): Dispatch[];
/** Size in u32 of the info buffer for n rows and B sequences. */
export declare const infoWords: (n: number, B: number) => number;
/** The uniform count slots of one call ((L + 2) x SLOT_BYTES), written once before the submit. */
export declare function callCounts(plan: BatchPlan): Uint32Array<ArrayBuffer>;
/**
 * Row metadata (u32) in packed row order: per row id, token type, position, start of its sequence's keys
 * in keyRows and their count; then keyRows (packed rows of each sequence, in position order); then each
 * sequence's [CLS] (position 0) row. `ids`/`types` are flat in input order.
 */
export declare function callInfo(plan: BatchPlan, ids: ArrayLike<number>, types: ArrayLike<number>): Uint32Array<ArrayBuffer>;
