// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import type { ArchConfig, ExitTable } from '../contract/model.js';
export interface BatchPlan {
    readonly layers: number;
    readonly rows: number;
    readonly seqCount: number;
    readonly seqStart: Int32Array;
    readonly order: Int32Array;
    readonly rowOf: Int32Array;
    readonly seqOfRow: Int32Array;
    readonly posOfRow: Int32Array;
    readonly exitOfRow: Uint8Array;
    /** [L + 1]; active[l] (l = 1..L) = rows that compute Q, attention, output and FFN at layer l. */
    readonly active: Int32Array;
    /** [n] packed rows of each sequence in position order; keys of sequence s are keyRows[seqStart[s]..seqStart[s+1]). */
    readonly keyRows: Int32Array;
    /** Whether the last layer was cut to the [CLS] rows (sequence-level head: only [CLS] is read). */
    readonly clsOnlyLastLayer: boolean;
}
export interface PlanOptions {
    /** Sequence-level head: only [CLS] (position 0) is read after the last layer. */
    readonly clsOnlyLastLayer?: boolean;
    /** Run every token through every layer (ignores the exit table). */
    readonly fullDepth?: boolean;
}
/** Exit layer of one id: ids outside the table get the full depth. */
export declare function exitOf(table: ExitTable, id: number, layers: number): number;
/**
 * Orders tokens by (exit desc, position-0 first, sequence, position). Exits come from the table alone
 * ([CLS] and other special ids get L there); putting position 0 first within each exit group makes the
 * [CLS]-only last layer a prefix as well.
 */
export declare function planBatch(table: ExitTable, batch: readonly (readonly number[])[], layers: number, opts?: PlanOptions): BatchPlan;
/** Multiply-accumulates of one call under the cost model (docs section 3), per layer and in total. */
export interface WorkCount {
    readonly perLayer: Float64Array;
    readonly macs: number;
    readonly flops: number;
}
/** Keys the first `m` (active) rows attend to: the sum of their sequences' lengths. */
export declare function keysSeen(plan: BatchPlan, m: number): number;
export declare function countWork(plan: BatchPlan, arch: ArchConfig): WorkCount;
