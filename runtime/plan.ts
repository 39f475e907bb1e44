// Per-call exit plan in prefix form: tokens of all sequences packed by exit layer (descending) so that
// the rows that compute queries onward at every layer form a dense prefix [0, active[l]).

import type { ArchConfig, ExitTable } from '../contract/model.ts';

export interface BatchPlan {
  readonly layers: number;          // L
  readonly rows: number;            // n = total tokens in the batch (no padding)
  readonly seqCount: number;        // B
  readonly seqStart: Int32Array;    // [B + 1] flat offset of each sequence (flat = input order)
  readonly order: Int32Array;       // [n] packed row -> flat token index
  readonly rowOf: Int32Array;       // [n] flat token index -> packed row
  readonly seqOfRow: Int32Array;    // [n] sequence of each packed row
  readonly posOfRow: Int32Array;    // [n] position inside its sequence
  readonly exitOfRow: Uint8Array;   // [n] exit layer (1..L) of each packed row
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
export function exitOf(table: ExitTable, id: number, layers: number): number {
  const k = id >= 0 && id < table.length ? table[id]! : layers;
  return k >= 1 && k <= layers ? k : layers;
}

/**
 * Orders tokens by (exit desc, position-0 first, sequence, position). Exits come from the table alone
 * ([CLS] and other special ids get L there); putting position 0 first within each exit group makes the
 * [CLS]-only last layer a prefix as well.
 */
export function planBatch(table: ExitTable, batch: readonly (readonly number[])[], layers: number, opts: PlanOptions = {}): BatchPlan {
  const B = batch.length;
  const seqStart = new Int32Array(B + 1);
  for (let s = 0; s < B; s++) seqStart[s + 1] = seqStart[s]! + batch[s]!.length;
  const n = seqStart[B]!;
  const exitFlat = new Uint8Array(n);
  const seqFlat = new Int32Array(n);
  const posFlat = new Int32Array(n);
  for (let s = 0; s < B; s++) {
    const ids = batch[s]!;
    for (let p = 0; p < ids.length; p++) {
      const g = seqStart[s]! + p;
      exitFlat[g] = opts.fullDepth ? layers : exitOf(table, ids[p]!, layers);
      seqFlat[g] = s;
      posFlat[g] = p;
    }
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    const de = exitFlat[b]! - exitFlat[a]!;
    if (de !== 0) return de;
    const dc = (posFlat[a] === 0 ? 0 : 1) - (posFlat[b] === 0 ? 0 : 1);
    if (dc !== 0) return dc;
    return a - b;
  });
  const rowOf = new Int32Array(n);
  const seqOfRow = new Int32Array(n);
  const posOfRow = new Int32Array(n);
  const exitOfRow = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    const g = order[r]!;
    rowOf[g] = r;
    seqOfRow[r] = seqFlat[g]!;
    posOfRow[r] = posFlat[g]!;
    exitOfRow[r] = exitFlat[g]!;
  }
  const active = new Int32Array(layers + 1);
  active[0] = n;
  for (let l = 1; l <= layers; l++) {
    let m = 0;
    while (m < n && exitOfRow[m]! >= l) m++;
    active[l] = m;
  }
  const clsOnly = !!opts.clsOnlyLastLayer;
  if (clsOnly && layers >= 1) {
    let m = 0;
    while (m < active[layers]! && posOfRow[m] === 0) m++;
    active[layers] = m;
  }
  const keyRows = new Int32Array(n);
  for (let g = 0; g < n; g++) keyRows[g] = rowOf[g]!;
  return { layers, rows: n, seqCount: B, seqStart, order, rowOf, seqOfRow, posOfRow, exitOfRow, active, keyRows, clsOnlyLastLayer: clsOnly };
}

/** Multiply-accumulates of one call under the cost model (docs section 3), per layer and in total. */
export interface WorkCount {
  readonly perLayer: Float64Array; // [L] MACs of layer l (index l - 1)
  readonly macs: number;
  readonly flops: number;          // 2 x MACs
}

/** Keys the first `m` (active) rows attend to: the sum of their sequences' lengths. */
export function keysSeen(plan: BatchPlan, m: number): number {
  let keys = 0;
  for (let r = 0; r < m; r++) {
    const s = plan.seqOfRow[r]!;
    keys += plan.seqStart[s + 1]! - plan.seqStart[s]!;
  }
  return keys;
}

export function countWork(plan: BatchPlan, arch: ArchConfig): WorkCount {
  const d = arch.hidden, f = arch.ffn, L = plan.layers;
  const perLayer = new Float64Array(L);
  let total = 0;
  for (let l = 1; l <= L; l++) {
    const m = plan.active[l]!;
    const macs = 2 * plan.rows * d * d + 2 * m * d * d + 2 * keysSeen(plan, m) * d + 2 * m * d * f;
    perLayer[l - 1] = macs;
    total += macs;
  }
  return { perLayer, macs: total, flops: 2 * total };
}
